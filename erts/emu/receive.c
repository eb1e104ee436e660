/* receive.c — send and receive for the interpreter. The message queue and the
 * receive position (st.save) belong to the running process; only fetching
 * pending signals touches shared state (see proc/signal.c). */
#include "emu/receive.h"

#include "atom/atom.h"
#include "bif/bif_util.h"
#include "io/port.h"
#include "load/export.h"
#include "emu/frames.h"
#include "proc/alias.h"
#include "proc/plinks.h"
#include "proc/registry.h"
#include "proc/signal.h"
#include "time/shutdown_clock.h"
#include "time/timer.h"

void emu_push_x(Process *p, Term *x, unsigned n)
{
    emu_reserve(p, x, n + 1, n);
    p->stop -= n + 1;
    p->stop[0] = term_make_small(n);
    for (unsigned i = 0; i < n; i++) p->stop[1 + i] = x[i];
}

void emu_pop_x(Process *p, Term *x)
{
    unsigned n = (unsigned)term_small_value(p->stop[0]);
    for (unsigned i = 0; i < n; i++) x[i] = p->stop[1 + i];
    p->stop += n + 1;
}

bool emu_send(Process *p, Term dest, Term msg)
{
    Term pid = dest;
    if (term_is_atom(dest)) {
        pid = registry_whereis(dest);
        if (pid == TERM_NONE) return proc_badarg(p), false;
        if (dest == ATOM_init) shutdown_clock_note_init_message(msg);
    } else if (term_is_tuple(dest) && term_tuple_arity(dest) == 2) {
        Term name = term_tuple_element(dest, 1), node = term_tuple_element(dest, 2);
        if (!term_is_atom(name) || !term_is_atom(node)) return proc_badarg(p), false;
        /* Another node: no connection can exist yet, and OTP drops such sends. */
        if (node != ATOM_nonode_nohost) return true;
        pid = registry_whereis(name);
        if (pid == TERM_NONE) return true;
    } else if (term_is_port(dest)) {
        if (!port_send(p->pid, dest, msg)) return proc_badarg(p), false;
        return true;
    } else if (term_is_ref(dest)) {
        /* an alias: the owner decides on arrival whether it is still active */
        if (!term_is_boxed_tag(dest, HDR_REF)) return true; /* another node's */
        uint64_t raw[2];
        ref_raw(dest, raw);
        Term owner = alias_owner(raw);
        if (owner != TERM_NONE) sig_send(owner, msg_copy_of(bif_tuple2(p, dest, msg), SIG_ALIAS_MSG, p->pid));
        return true;
    } else if (!term_is_local_pid(dest)) {
        if (term_is_pid(dest)) return true; /* a remote pid: as for another node */
        return proc_badarg(p), false;
    }
    sig_send(pid, msg_copy_of(msg, SIG_MSG, p->pid));
    return true;
}

Message *emu_recv_current(Process *p, bool *exiting)
{
    Message *m = *p->st.save;
    if (m) return m;
    if (!proc_fetch_signals(p)) {
        *exiting = true;
        return NULL;
    }
    return *p->st.save;
}

void emu_remove_message(Process *p)
{
    msgq_take(p, p->st.save);
    p->st.save = &p->st.msgq;
    if (p->st.timer_armed) timer_cancel_receive(p);
}

void emu_recv_timeout(Process *p)
{
    p->st.save = &p->st.msgq;
    if (p->st.timer_armed) timer_cancel_receive(p);
}

int emu_wait_timeout(Process *p, Term t)
{
    pthread_mutex_lock(&p->st.lock);
    bool fired = p->st.timeout_fired;
    pthread_mutex_unlock(&p->st.lock);
    if (fired) return 1;
    if (p->st.timer_armed || t == ATOM_infinity) return 0;
    uint64_t ms;
    if (term_is_small(t) && term_small_value(t) >= 0) ms = (uint64_t)term_small_value(t);
    else if (term_is_bignum(t) && header_tag(term_boxed_header(t)) == HDR_POS_BIG) ms = UINT64_MAX;
    else {
        proc_error(p, ATOM_timeout_value);
        return -1;
    }
    if (ms == 0) return 1;
    timer_start_receive(p, ms);
    return 0;
}

/* ---- receive markers ------------------------------------------------------ */

/* Plain messages at the front of the signal queue join the message queue, so
 * that a marker set now lies after them; other signals stay for the next
 * full fetch, which keeps their order. */
static void fetch_plain_messages(Process *p)
{
    pthread_mutex_lock(&p->st.lock);
    Message *m = p->st.inbox;
    if (!m || m->kind != SIG_MSG) {
        pthread_mutex_unlock(&p->st.lock);
        return;
    }
    Message *first = m, *last = m;
    size_t n = 1;
    while (last->next && last->next->kind == SIG_MSG) last = last->next, n++;
    p->st.inbox = last->next;
    if (!p->st.inbox) p->st.inbox_tail = &p->st.inbox;
    pthread_mutex_unlock(&p->st.lock);
    last->next = NULL;
    *p->st.msgq_tail = first;
    p->st.msgq_tail = &last->next;
    p->st.msgq_len += n;
    (void)m;
}

Term emu_marker_reserve(Process *p)
{
    fetch_plain_messages(p);
    RecvMarker *markers = proc_rare(p)->markers;
    int slot = -1;
    for (int i = 0; i < PROC_MARKERS && slot < 0; i++)
        if (!markers[i].pos) slot = i;
    if (slot < 0) slot = (int)(p->reductions % PROC_MARKERS); /* all in use: reuse one */
    markers[slot] = (RecvMarker){p->st.msgq_tail, {0, 0}, false};
    return term_make_small(slot);
}

void emu_marker_bind(Process *p, Term marker, Term ref)
{
    if (!term_is_small(marker) || !term_is_boxed_tag(ref, HDR_REF)) return;
    SInt i = term_small_value(marker);
    if (i < 0 || i >= PROC_MARKERS || !p->st.rare || !p->st.rare->markers[i].pos) return;
    ref_raw(ref, p->st.rare->markers[i].ref);
    p->st.rare->markers[i].bound = true;
}

static RecvMarker *find_marker(Process *p, Term ref)
{
    if (!p->st.rare || !term_is_boxed_tag(ref, HDR_REF)) return NULL;
    uint64_t raw[2];
    ref_raw(ref, raw);
    for (int i = 0; i < PROC_MARKERS; i++) {
        RecvMarker *m = &p->st.rare->markers[i];
        if (m->pos && m->bound && m->ref[0] == raw[0] && m->ref[1] == raw[1]) return m;
    }
    return NULL;
}

void emu_marker_use(Process *p, Term ref)
{
    RecvMarker *m = find_marker(p, ref);
    if (m) p->st.save = m->pos;
}

void emu_marker_clear(Process *p, Term ref)
{
    RecvMarker *m = find_marker(p, ref);
    if (m) *m = (RecvMarker){NULL, {0, 0}, false};
}

Term proc_retry(Process *p)
{
    p->fclass = TERM_NONE;
    p->freason = ATOM_ember_retry;
    return TERM_NONE;
}

Term proc_trap(Process *p, const Export *to, const Term *args)
{
    ProcRare *r = proc_rare(p);
    for (unsigned i = 0; i < to->arity && i < PROC_TRAP_ARGS; i++) r->trap_args[i] = args[i];
    r->trap_export = to;
    p->fclass = TERM_NONE;
    p->freason = ATOM_ember_trap;
    return TERM_NONE;
}

void proc_request_yield(Process *p)
{
    if (p->st.scheduled) p->st.slice_end = 0;
}
