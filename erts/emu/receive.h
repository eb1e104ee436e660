/* receive.h — the slow paths of the message instructions (emu/ops_msg.inc):
 * send, the receive loop's queue operations, receive timeouts and the receive
 * markers that let `make_ref()` + selective receive skip older messages; and
 * saving a preempted process's live x registers on its own stack. */
#ifndef EMBER_EMU_RECEIVE_H
#define EMBER_EMU_RECEIVE_H

#include "proc/process.h"

/* Pushes x[0..n) on p's stack (may collect; x is a root), and pops them back. */
void emu_push_x(Process *p, Term *x, unsigned n);
void emu_pop_x(Process *p, Term *x);

/* dest ! msg. False (with badarg on p) for a bad destination or an
 * unregistered name; a message to a process that is gone is dropped. */
bool emu_send(Process *p, Term dest, Term msg);

/* The message at the receive position, fetching pending signals when the
 * queue has been scanned to its end; NULL when there is none. *exiting is set
 * when a signal ended the process. */
Message *emu_recv_current(Process *p, bool *exiting);
void emu_remove_message(Process *p);
/* `after` reached: resets the receive position, disarms the timer. */
void emu_recv_timeout(Process *p);
/* wait_timeout: 1 = timed out (go on to `timeout`), 0 = wait, -1 = bad
 * timeout value (timeout_value raised). */
int emu_wait_timeout(Process *p, Term t);

Term emu_marker_reserve(Process *p);
void emu_marker_bind(Process *p, Term marker, Term ref);
void emu_marker_use(Process *p, Term ref);
void emu_marker_clear(Process *p, Term ref);

/* Makes the running process yield at its next call (BIFs whose effect on the
 * process itself must show before it goes on: erlang:yield/0, exit(self(), R)). */
void proc_request_yield(Process *p);

/* Returned by a BIF (called through call_ext) that must wait for another
 * process: the caller yields and the BIF is called again with the same
 * arguments when the caller next runs. */
Term proc_retry(Process *p);
static inline bool emu_is_retry(const Process *p) { return p->fclass == TERM_NONE && p->freason == ATOM_ember_retry; }

/* Returned by a BIF (called through call_ext) with more work to do than one
 * call should: the caller yields, then goes on as a tail call of `to` with
 * these arguments (at most PROC_TRAP_ARGS) in place of the BIF's, so that a
 * long operation is cut into slices. */
struct Export;
Term proc_trap(Process *p, const struct Export *to, const Term *args);
static inline bool emu_is_trap(const Process *p) { return p->fclass == TERM_NONE && p->freason == ATOM_ember_trap; }

#endif
