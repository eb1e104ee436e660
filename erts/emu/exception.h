/* exception.h — raising, catching and stack traces, with OTP's semantics.
 *
 * When an instruction or BIF fails, the exception sits on the process
 * (fclass, freason, fargs, ftrace, ferror_info; see proc/process.h). The
 * interpreter then calls emu_handle_error, which saves a raw trace (cheap: a
 * few code addresses) and looks for a catch. Handler registers: x0 = none,
 * x1 = class, x2 = reason, x3 = raw trace. The readable trace
 * [{M,F,ArityOrArgs,Location}] is built only when asked for. */
#ifndef EMBER_EMU_EXCEPTION_H
#define EMBER_EMU_EXCEPTION_H

#include <stdio.h>

#include "load/export.h"
#include "proc/process.h"

/* Frames in a trace, all included: system_flag(backtrace_depth, N) sets it
 * (OTP's default 8, at most 64). */
#define EMU_TRACE_DEFAULT_DEPTH 8
#define EMU_TRACE_MAX_DEPTH 64
unsigned emu_trace_depth(void);
/* Sets the depth (capped at the maximum) and returns the old one. */
unsigned emu_set_trace_depth(unsigned depth);

/* Where an exception was raised. */
typedef struct ExcSite {
    const CodeWord *pc; /* failing instruction: its function is the current frame; NULL for none */
    const CodeWord *cp; /* the continuation not yet saved on the stack, or NULL */
    Term extra;         /* a built frame shown before everything else, or TERM_NIL */
} ExcSite;

/* The frame {M,F,Args,[{error_info,#{module=>...}}]} that a BIF which raised
 * puts on top of the trace, or TERM_NIL for the BIFs that add none
 * (erlang:error/1,2,3, exit/1, throw/1). Allocates; never collects. */
Term emu_bif_frame(Process *p, const Export *bif, const Term *args);
/* {M,F,Args,[]}: the top frame of an undef error. */
Term emu_undef_frame(Process *p, Term module, Term function, const Term *args, unsigned arity);

/* Saves the trace (unless p->ftrace already holds one to reuse) and finds the
 * nearest catch below stack_base. Found: cuts the stack back to the catching
 * frame, fills x0..x3 and returns the handler. Not found: turns an uncaught
 * throw into error:{nocatch, Value}, leaves the raw trace in p->ftrace and
 * returns NULL. Never collects. */
CodeWord *emu_handle_error(Process *p, Term *x, const ExcSite *site, Term *stack_base);

/* The readable trace of a raw one (a built list is returned as it is). */
Term emu_build_stacktrace(Process *p, Term raw);
/* process_info(Q, current_stacktrace), built on p's heap: q's current
 * function and the continuations on its stack, at most emu_trace_depth(). */
Term emu_current_stacktrace(Process *p, const Process *q);

/* The value of `catch Expr` for an exception. */
Term emu_catch_value(Process *p, Term cls, Term reason, Term raw);

/* Stores a rethrow of reason with an existing trace; false (nothing stored)
 * when cls is not error, exit or throw. */
bool emu_reraise(Process *p, Term cls, Term reason, Term raw);

/* The class saved in a raw trace; error for anything else. */
Term emu_raw_trace_class(Term raw);

/* erlang:process_display(Q, backtrace): q's code position and stack frames,
 * with addresses, printed on out as OTP prints them (on its stderr). q must
 * be the caller or held. */
void emu_print_backtrace(const Process *q, FILE *out);

#endif
