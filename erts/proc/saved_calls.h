/* saved_calls.h — process_flag(save_calls, N): a process that asks keeps its
 * N most recent global calls (external calls, BIFs called by name, applies and
 * export funs), sends, receives and receive timeouts, for
 * process_info(P, last_calls). Local calls and guard BIFs are not counted, as
 * on OTP. Off (NULL) unless asked for; the interpreter looks for it only on
 * its external-call path. */
#ifndef EMBER_SAVED_CALLS_H
#define EMBER_SAVED_CALLS_H

#include "proc/process.h"

#define SAVED_CALLS_MAX 10000

typedef struct SavedCall {
    Term module; /* TERM_NONE: an event, named by function (send, 'receive', timeout) */
    Term function;
    unsigned arity;
} SavedCall;

typedef struct SavedCalls {
    unsigned size;  /* N */
    unsigned count; /* entries kept, at most N */
    unsigned next;  /* where the next entry goes */
    SavedCall calls[];
} SavedCalls;

/* The ring, or NULL when the process keeps none (it lives in the process's
 * rarely used part, proc_rare). */
static inline SavedCalls *saved_calls_of(const Process *p) { return p->st.rare ? p->st.rare->saved_calls : NULL; }

/* N now (0: off). */
unsigned saved_calls_size(const Process *p);
/* Starts keeping the last n (0 < n <= SAVED_CALLS_MAX) afresh, or stops (0). */
void saved_calls_set(Process *p, unsigned n);
/* Keeps one entry (saved_calls_of(p) is set). */
void saved_calls_note(Process *p, Term module, Term function, unsigned arity);
/* process_info(q, last_calls) built on p's heap: false when q keeps none,
 * else the entries oldest first, {M, F, A} or the event's atom. */
Term saved_calls_list(Process *p, const Process *q);

#endif
