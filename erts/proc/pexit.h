/* pexit.h — the end of a process: its exit signals to links, DOWN messages to
 * monitors, its name and timers released, and its memory freed at once. */
#ifndef EMBER_PEXIT_H
#define EMBER_PEXIT_H

#include "proc/process.h"

/* Ends p (which no scheduler will run again) with `reason`, a term on p's
 * heap or an immediate. Drops the scheduler's use of p; p may be freed. */
void proc_terminate(Process *p, Term reason);

/* The first process (init): its abnormal end stops the runtime with status 1. */
extern _Atomic Term proc_init_pid;

/* The exit reason of an uncaught exception: {Reason, Trace} for errors,
 * Reason for exits (throws arrive as error:{nocatch, V}). Also reports an
 * error on stderr as OTP's error logger does. */
Term proc_crash_reason(Process *p, Term trace);

#endif
