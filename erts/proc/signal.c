/* signal.c — sending signals and handling them at the receiver. Handling runs
 * on the receiving process's own thread, so its links, monitors and message
 * queue need no lock; only the signal queue (inbox) is shared. */
#include "proc/signal.h"

#include <stdlib.h>

#include "gc/offheap.h"
#include "io/port.h"
#include "proc/alias.h"
#include "proc/plinks.h"
#include "proc/pmem.h"
#include "proc/saved_calls.h"
#include "proc/ptab.h"
#include "sched/sched.h"
#include "term/boxed.h"
#include "term/copy.h"

void proc_state_init(Process *p)
{
    ProcState *s = &p->st;
    pthread_mutex_init(&s->lock, NULL);
    s->inbox_tail = &s->inbox;
    s->msgq_tail = &s->msgq;
    s->save = &s->msgq;
    s->status = PS_RUNNABLE;
    s->priority = PRIO_NORMAL;
    s->reg_name = TERM_NIL;
    s->exit_reason = TERM_NONE;
    s->init_mod = s->init_fun = ATOM_undefined;
    s->fullsweep_after = 65535;
    s->max_heap_kill = s->max_heap_log = true;
    atomic_init(&s->refc, 1);
}

static void free_list(Message *m)
{
    while (m) {
        Message *next = m->next;
        msg_free(m);
        m = next;
    }
}

void proc_state_free(Process *p)
{
    free_list(p->st.inbox);
    free_list(p->st.msgq);
    p->st.inbox = p->st.msgq = NULL;
    plink_free(p);
    saved_calls_set(p, 0);
    pthread_mutex_destroy(&p->st.lock);
}

/* ---- signals -------------------------------------------------------------- */

Message *msg_build(SigKind kind, Term from, size_t words, Term **hp)
{
    Message *m = calloc(1, sizeof *m);
    if (!m) abort();
    m->kind = kind;
    m->from = from;
    if (words) {
        HeapFragment *f = malloc(sizeof *f + words * sizeof(Term));
        if (!f) abort();
        f->next = NULL;
        f->size = f->used = words;
        pmem_add((long)(sizeof *f + words * sizeof(Term)));
        m->frag = f;
        *hp = f->mem;
    }
    return m;
}

Message *msg_copy_of(Term t, SigKind kind, Term from)
{
    Term *hp = NULL;
    size_t words = term_size(t);
    Message *m = msg_build(kind, from, words, &hp);
    OffHeap oh = {0};
    m->term = words ? term_copy_offheap(t, &hp, &oh) : t;
    m->oh_first = oh.first;
    m->oh_bytes = oh.new_bytes;
    return m;
}

void msg_free(Message *m)
{
    OffHeap oh = {m->oh_first, m->oh_bytes, 0};
    offheap_release_all(&oh);
    if (m->frag) pmem_add(-(long)(sizeof *m->frag + m->frag->size * sizeof(Term)));
    free(m->frag);
    free(m);
}

bool proc_wake_locked(Process *q)
{
    if (q->st.status != PS_WAITING) return false;
    q->st.status = PS_RUNNABLE;
    q->st.woken = true;
    q->st.deferred = false; /* a parked suspended process is queued now (sched/sched.c) */
    return true;
}

bool sig_enqueue(Process *q, Message *m)
{
    m->next = NULL;
    pthread_mutex_lock(&q->st.lock);
    if (q->st.closed) {
        pthread_mutex_unlock(&q->st.lock);
        return false;
    }
    *q->st.inbox_tail = m;
    q->st.inbox_tail = &m->next;
    bool wake = proc_wake_locked(q);
    pthread_mutex_unlock(&q->st.lock);
    if (wake) sched_enqueue(q);
    return true;
}

static Term tuple(Term *hp, unsigned n, const Term *elems)
{
    hp[0] = header_make(HDR_TUPLE, n);
    for (unsigned i = 0; i < n; i++) hp[1 + i] = elems[i];
    return term_make_boxed(hp);
}

void sig_send_exit(SigKind kind, Term from, Term to, Term reason)
{
    Term *hp = NULL;
    size_t rw = term_size(reason);
    Message *m = msg_build(kind, from, 4 + rw, &hp);
    OffHeap oh = {0};
    Term *rp = hp + 4;
    Term r = rw ? term_copy_offheap(reason, &rp, &oh) : reason;
    m->oh_first = oh.first, m->oh_bytes = oh.new_bytes;
    m->term = tuple(hp, 3, (Term[]){ATOM_EXIT, from, r});
    sig_send(to, m);
}

/* obj_name: the registered name the monitor used, or NIL for the pid. */
void sig_send_down(Term from, Term to, const uint64_t ref[2], Term obj_name, Term reason, Term tag)
{
    Term *hp = NULL;
    size_t rw = term_size(reason), tw = term_size(tag);
    Message *m = msg_build(SIG_DOWN, from, 6 + REF_WORDS + 3 + rw + tw, &hp);
    Term r = ref_from_raw(hp + 6, ref);
    Term obj = from;
    if (obj_name != TERM_NIL) obj = tuple(hp + 6 + REF_WORDS, 2, (Term[]){obj_name, ATOM_nonode_nohost});
    OffHeap oh = {0};
    Term *rp = hp + 6 + REF_WORDS + 3;
    Term why = rw ? term_copy_offheap(reason, &rp, &oh) : reason;
    Term t = tw ? term_copy_offheap(tag, &rp, &oh) : tag;
    m->oh_first = oh.first, m->oh_bytes = oh.new_bytes;
    m->term = tuple(hp, 5, (Term[]){t, r, ATOM_process, obj, why});
    sig_send(to, m);
}

Message *msg_demonitor(Term from, const uint64_t ref[2])
{
    Term *hp;
    Message *m = msg_build(SIG_DEMONITOR, from, REF_WORDS, &hp);
    m->term = ref_from_raw(hp, ref);
    return m;
}

Term sig_monitor_tag(Term monitor_term)
{
    return term_tuple_arity(monitor_term) == 3 ? term_tuple_element(monitor_term, 3) : ATOM_DOWN;
}

/* A signal for a process that is gone: OTP answers links and monitors. */
static void sig_undeliverable(Term to, Message *m)
{
    if (m->kind == SIG_LINK) {
        sig_send_exit(SIG_EXIT_LINK, to, m->from, ATOM_noproc);
    } else if (m->kind == SIG_MONITOR) {
        uint64_t raw[2];
        ref_raw(term_tuple_element(m->term, 1), raw);
        Term name = term_tuple_element(m->term, 2);
        sig_send_down(to, m->from, raw, term_is_atom(name) ? name : TERM_NIL, ATOM_noproc, sig_monitor_tag(m->term));
    }
    msg_free(m);
}

void sig_send(Term to, Message *m)
{
    if (term_is_local_port(to)) {
        port_signal(to, m);
        return;
    }
    Process *q = ptab_get(to);
    if (q && sig_enqueue(q, m)) {
        proc_release(q);
        return;
    }
    if (q) proc_release(q);
    sig_undeliverable(to, m);
}

/* ---- the message queue ---------------------------------------------------- */

static void msgq_append(Process *p, Message *m)
{
    m->kind = SIG_MSG;
    m->next = NULL;
    *p->st.msgq_tail = m;
    p->st.msgq_tail = &m->next;
    p->st.msgq_len++;
}

/* Markers and the receive position that point at m's link move to the link
 * that pointed at m. */
static void unlink_at(Process *p, Message **at)
{
    Message *m = *at;
    *at = m->next;
    if (p->st.msgq_tail == &m->next) p->st.msgq_tail = at;
    if (p->st.save == &m->next) p->st.save = at;
    if (p->st.rare)
        for (int i = 0; i < PROC_MARKERS; i++)
            if (p->st.rare->markers[i].pos == &m->next) p->st.rare->markers[i].pos = at;
    p->st.msgq_len--;
}

/* The message's memory becomes part of the process: the next collection
 * copies what is live out of it. */
static void adopt(Process *p, Message *m)
{
    if (m->frag) {
        m->frag->next = p->fragments;
        p->fragments = m->frag;
        p->fragment_words += m->frag->used;
        m->frag = NULL;
    }
    OffHeap oh = {m->oh_first, m->oh_bytes, 0};
    offheap_merge(&p->offheap, &oh);
    m->oh_first = NULL;
    free(m);
}

void msgq_take(Process *p, Message **at)
{
    Message *m = *at;
    unlink_at(p, at);
    adopt(p, m);
}

void msgq_drop(Process *p, Message **at)
{
    Message *m = *at;
    unlink_at(p, at);
    msg_free(m);
}

/* ---- handling signals ----------------------------------------------------- */

/* Ends the process with reason (held by m, whose memory joins the heap). */
static void die(Process *p, Message *m, Term reason)
{
    p->st.exit_reason = reason;
    adopt(p, m);
}

static bool handle_exit(Process *p, Message *m)
{
    Term reason = term_tuple_element(m->term, 3);
    if (m->kind == SIG_EXIT_LINK) {
        LinkEntry *e = plink_find(p, LK_LINK, m->from, NULL);
        if (!e) goto drop;
        plink_remove(p, e);
    } else if (reason == ATOM_kill) {
        die(p, m, ATOM_killed);
        return false;
    }
    if (p->st.trap_exit) {
        msgq_append(p, m);
        return true;
    }
    if (reason == ATOM_normal && !(m->kind == SIG_EXIT && m->from == p->pid)) goto drop;
    die(p, m, reason);
    return false;
drop:
    msg_free(m);
    return true;
}

/* A message to an alias reaches the queue only while the alias is active.
 * The first one through a reply alias deactivates it; a reply_demonitor
 * alias also drops its monitor, whose demonitor signal goes into *outbox
 * (sent once p's lock is let go). */
static void handle_alias_message(Process *p, Message *m, Message **outbox)
{
    uint64_t raw[2];
    ref_raw(term_tuple_element(m->term, 1), raw);
    LinkEntry *a = plink_find(p, LK_ALIAS, TERM_NIL, raw);
    if (!a) {
        msg_free(m);
        return;
    }
    if (a->name == ATOM_reply || a->name == ATOM_reply_demonitor) {
        bool demonitor = a->name == ATOM_reply_demonitor;
        alias_drop(p, raw, TERM_NONE, TERM_NONE);
        LinkEntry *mon = demonitor ? plink_find(p, LK_MONITOR, TERM_NIL, raw) : NULL;
        if (mon) {
            Term target = mon->pid;
            bool tell = monitor_has_target(mon);
            plink_remove(p, mon);
            if (tell) {
                Message *d = msg_demonitor(target, raw); /* from: the destination, until the outbox is sent */
                d->next = *outbox;
                *outbox = d;
            }
        }
    }
    m->term = term_tuple_element(m->term, 2);
    msgq_append(p, m);
}

static void handle_other(Process *p, Message *m)
{
    uint64_t raw[2];
    switch (m->kind) {
    case SIG_LINK:
        if (!plink_find(p, LK_LINK, m->from, NULL)) plink_add(p, (LinkEntry){LK_LINK, m->from, TERM_NIL, {0, 0}, NULL});
        break;
    case SIG_UNLINK: {
        LinkEntry *e = plink_find(p, LK_LINK, m->from, NULL);
        if (e) plink_remove(p, e);
        break;
    }
    case SIG_MONITOR: {
        ref_raw(term_tuple_element(m->term, 1), raw);
        Term name = term_tuple_element(m->term, 2);
        plink_add(p, (LinkEntry){LK_WATCHER, m->from, term_is_atom(name) ? name : TERM_NIL, {raw[0], raw[1]},
                                 monitor_tag_new(sig_monitor_tag(m->term))});
        break;
    }
    case SIG_DEMONITOR: {
        ref_raw(m->term, raw);
        LinkEntry *e = plink_find(p, LK_WATCHER, m->from, raw);
        if (e) plink_remove(p, e);
        break;
    }
    case SIG_DOWN: {
        ref_raw(term_tuple_element(m->term, 2), raw);
        LinkEntry *e = plink_find(p, LK_MONITOR, m->from, raw);
        if (e) {
            plink_remove(p, e);
            alias_drop(p, raw, ATOM_demonitor, ATOM_reply_demonitor);
            msgq_append(p, m);
            return;
        }
        break;
    }
    default: break;
    }
    msg_free(m);
}

/* Signals are handled under the process's own lock (handling takes no other
 * lock), so that another process sees each signal either pending or acted
 * upon: is_process_alive/1 and process_info/2 rely on it. */
bool proc_fetch_signals(Process *p)
{
    bool alive = true;
    Message *outbox = NULL;
    pthread_mutex_lock(&p->st.lock);
    Message *list = p->st.inbox;
    while (list && alive) {
        Message *m = list;
        list = m->next;
        if (m->kind == SIG_MSG) msgq_append(p, m);
        else if (m->kind == SIG_EXIT || m->kind == SIG_EXIT_LINK || m->kind == SIG_EXIT_SIGNAL) alive = handle_exit(p, m);
        else if (m->kind == SIG_ALIAS_MSG) handle_alias_message(p, m, &outbox);
        else handle_other(p, m);
    }
    p->st.inbox = list; /* after an ending signal, the rest wait for proc_terminate */
    if (!list) p->st.inbox_tail = &p->st.inbox;
    if (!alive) p->st.status = PS_EXITING;
    pthread_mutex_unlock(&p->st.lock);
    while (outbox) {
        Message *d = outbox;
        Term to = d->from;
        outbox = d->next;
        d->from = p->pid;
        sig_send(to, d);
    }
    return alive;
}
