/* emu.h — the interpreter: runs a process's code until it finishes.
 * (Scheduling, time slices and many processes come with the processes issue;
 * the entry point already counts reductions so that slices can be added.) */
#ifndef EMBER_EMU_H
#define EMBER_EMU_H

#include "load/code.h"
#include "proc/process.h"

typedef enum EmuOutcome {
    EMU_RETURNED, /* the applied function returned; its value is in *result */
    EMU_RAISED,   /* an uncaught exception: fclass/freason on the process, *result = built stack trace */
    EMU_HALTED,   /* erlang:halt was called (it ends the runtime from inside the BIF) */
    EMU_YIELDED,  /* scheduled process: its slice is over; emu_resume goes on */
    EMU_WAITING,  /* scheduled process: waits in receive */
    EMU_EXITING,  /* scheduled process: a signal ended it (p->st.exit_reason) */
} EmuOutcome;

/* Prepares the interpreter (dispatch table); once, before loading code. */
void emu_init(void);

/* Rewrites a freshly loaded module's opcode words into handler addresses when
 * the interpreter uses threaded dispatch. Called by the loader. */
void emu_thread_code(CodeWord *code, size_t words);
/* The Opcode of an opcode word, threaded or not. */
Opcode emu_opcode_of(CodeWord word);

/* Calls Module:Function(Args...) in process p (Args is a proper list) and runs
 * until that call returns, raises past the top, or halts. May garbage-collect. */
EmuOutcome emu_apply(Process *p, Term module, Term function, Term args, Term *result);

/* Sets up a scheduled process (p->st.scheduled) to start with
 * apply(Module, Function, Args), or apply(Fun, Args) when function is
 * TERM_NONE (module is then the fun); its return ends the process. */
void emu_setup_spawn(Process *p, Term module, Term function, Term args);
/* Runs a scheduled process from where it stopped, for about `budget`
 * reductions: until it yields, waits in receive, or ends (EMU_RETURNED,
 * EMU_RAISED with the built trace in *result, EMU_EXITING). May collect. */
EmuOutcome emu_resume(Process *p, uint64_t budget, Term *result);

#endif
