/* signal.h — messages and signals between processes. A sender copies the
 * term into a heap fragment owned by the signal and appends it to the
 * receiver's signal queue under the receiver's lock; the receiver alone moves
 * signals into its message queue or acts on them (links, monitors, exits), in
 * the order they came, which gives Erlang's per-pair ordering guarantee. */
#ifndef EMBER_SIGNAL_H
#define EMBER_SIGNAL_H

#include "proc/process.h"

void proc_state_init(Process *p);
void proc_state_free(Process *p);

/* A signal carrying a copy of t. */
Message *msg_copy_of(Term t, SigKind kind, Term from);
/* A signal whose term the caller builds in `words` words at *hp. */
Message *msg_build(SigKind kind, Term from, size_t words, Term **hp);
void msg_free(Message *m);

/* Delivers m to the process `to` (consuming m). When there is no such live
 * process, LINK and MONITOR signals are answered as OTP does (an exit signal
 * or a DOWN message with reason noproc) and the rest are dropped. */
void sig_send(Term to, Message *m);
/* Appends m to q's signal queue and wakes q; false (m not consumed) when q is
 * exiting. */
bool sig_enqueue(Process *q, Message *m);

/* Makes a waiting q runnable (caller holds q->st.lock); true when the caller
 * must hand q to a run queue after unlocking. */
bool proc_wake_locked(Process *q);

/* Owner: moves pending signals into the message queue, acting on the others.
 * False when one of them ends the process: st.exit_reason is then set. */
bool proc_fetch_signals(Process *p);

/* Owner: takes the message at *at out of the queue (receive matched it): its
 * fragment joins the heap. */
void msgq_take(Process *p, Message **at);
/* Owner: removes the message at *at and frees it. */
void msgq_drop(Process *p, Message **at);

/* Sends {'EXIT', From, Reason} of kind SIG_EXIT or SIG_EXIT_LINK, or a DOWN
 * message {Tag, Ref, process, Obj, Reason} for the monitor ref (obj: the pid
 * or {Name, Node}; tag: 'DOWN' unless monitor/3 named another). */
void sig_send_exit(SigKind kind, Term from, Term to, Term reason);
void sig_send_down(Term from, Term to, const uint64_t ref[2], Term obj_name, Term reason, Term tag);
/* A SIG_DEMONITOR signal from `from` for the monitor ref, not sent yet. */
Message *msg_demonitor(Term from, const uint64_t ref[2]);
/* The tag a SIG_MONITOR signal's term {Ref, NameOrPid} or {Ref, NameOrPid,
 * Tag} asks for. */
Term sig_monitor_tag(Term monitor_term);

#endif
