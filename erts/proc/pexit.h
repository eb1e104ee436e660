/* pexit.h — the end of a process: its exit signals to links, DOWN messages to
 * monitors, its name and timers released, and its memory freed at once. */
#ifndef EMBER_PEXIT_H
#define EMBER_PEXIT_H

#include "proc/process.h"

/* Ends p (which no scheduler will run again) with `reason`, a term on p's
 * heap or an immediate. Drops the scheduler's use of p; p may be freed. */
void proc_terminate(Process *p, Term reason);

/* Subsystems that hold things on behalf of a process (ETS tables, ports, open
 * files) and must hear of its end. A subsystem registers one callback at start-up
 * and arms its bit on each process that comes to own something; proc_terminate
 * calls the armed callbacks, in this order, before the process's links and
 * monitors are signalled. Arming is atomic, so any thread may arm any process
 * (ets:give_away arms the receiver). */
typedef enum ProcExitHook {
    EXIT_HOOK_ETS,
    EXIT_HOOK_PORTS,
    EXIT_HOOK_FILES,
    EXIT_HOOK_DIRTY_IO, /* a job of the process still runs (io/dirty_io.h) */
    EXIT_HOOK_MULTI_SCHEDULING, /* it blocks multi-scheduling (bif/multi_scheduling.c) */
    EXIT_HOOK_COUNT
} ProcExitHook;
typedef void (*ProcExitFn)(Process *p, Term reason);
void proc_exit_hook_register(ProcExitHook hook, ProcExitFn fn);
static inline void proc_exit_hook_arm(Process *p, ProcExitHook hook)
{
    atomic_fetch_or_explicit(&p->st.exit_hooks, 1u << hook, memory_order_relaxed);
}

/* The first process (init): its abnormal end stops the runtime with status 1. */
extern _Atomic Term proc_init_pid;

/* The exit reason of an uncaught exception: {Reason, Trace} for errors,
 * Reason for exits (throws arrive as error:{nocatch, V}). An error is
 * reported when the process ends: to OTP's logger when one runs, else on
 * stderr. */
Term proc_crash_reason(Process *p, Term trace);

#endif
