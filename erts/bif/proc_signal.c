/* proc_signal.c — BIFs that send signals or change how a process takes them:
 * send/2,3, send_nosuspend/2,3, exit/2, link/1, unlink/1, monitor/2,3,
 * alias/0,1, unalias/1, demonitor/1,2,
 * exit_signal/2, process_flag/2,3, is_process_alive/1, yield/0, hibernate/3, group_leader/0,2. Each costs one
 * reduction (demonitor with flush: plus the message queue scan). */
#include "bif/bif.h"

#include "atom/atom.h"
#include "bif/bif_util.h"
#include "bif/proc_heap.h"
#include "emu/call.h"
#include "emu/receive.h"
#include "gc/gc.h"
#include "gc/offheap.h"
#include "io/port.h"
#include "proc/alias.h"
#include "proc/plinks.h"
#include "proc/ptab.h"
#include "proc/registry.h"
#include "proc/saved_calls.h"
#include "proc/signal.h"
#include "term/map.h"
#include "sched/sched.h"
#include "term/boxed.h"
#include "term/compare.h"
#include "term/copy.h"

Term bif_erlang_send_2(Process *p, const Term *args)
{
    if (!emu_send(p, args[0], args[1])) return TERM_NONE;
    return args[1];
}

/* A proper list of send options, each one of the two allowed. */
static bool send_options(Term o, Term allowed1, Term allowed2)
{
    for (; term_is_list(o); o = term_tail(o))
        if (term_head(o) != allowed1 && term_head(o) != allowed2) return false;
    return term_is_nil(o);
}

/* Options nosuspend and noconnect change nothing for local destinations. */
Term bif_erlang_send_3(Process *p, const Term *args)
{
    if (!send_options(args[2], ATOM_nosuspend, ATOM_noconnect)) return proc_badarg(p);
    if (!emu_send(p, args[0], args[1])) return TERM_NONE;
    return ATOM_ok;
}

/* A local send never suspends the sender, so it always succeeds. */
Term bif_erlang_send_nosuspend_2(Process *p, const Term *args)
{
    if (!emu_send(p, args[0], args[1])) return TERM_NONE;
    return ATOM_true;
}

Term bif_erlang_send_nosuspend_3(Process *p, const Term *args)
{
    if (!send_options(args[2], ATOM_nosuspend, ATOM_noconnect)) return proc_badarg(p);
    return bif_erlang_send_nosuspend_2(p, args);
}

Term bif_erlang_exit_2(Process *p, const Term *args)
{
    Term to = args[0];
    if (!term_is_pid(to) && !term_is_port(to)) return proc_badarg(p);
    if (!term_is_local_pid(to) && !term_is_local_port(to)) return bif_not_implemented(p, "exit/2 to remote processes");
    sig_send_exit(SIG_EXIT, p->pid, to, args[1]);
    if (to == p->pid) proc_request_yield(p); /* takes effect before exit/2 returns */
    return ATOM_true;
}

/* exit/2 without its special case for the caller itself: a signal to self
 * takes effect when the caller next handles signals (a receive, the end of
 * its slice), and reason normal then does nothing. */
Term bif_erlang_exit_signal_2(Process *p, const Term *args)
{
    Term to = args[0];
    if (!term_is_pid(to) && !term_is_port(to)) return proc_badarg(p);
    if (!term_is_local_pid(to) && !term_is_local_port(to)) return bif_not_implemented(p, "exit_signal/2 to remote processes");
    sig_send_exit(term_is_port(to) ? SIG_EXIT : SIG_EXIT_SIGNAL, p->pid, to, args[1]);
    return ATOM_true;
}

/* An exiting process counts as gone, as for OTP's process lookup. */
static bool local_process_gone(Term pid)
{
    Process *q = ptab_get(pid);
    if (!q) return true;
    pthread_mutex_lock(&q->st.lock);
    bool gone = q->st.closed || q->st.status == PS_EXITING;
    pthread_mutex_unlock(&q->st.lock);
    proc_release(q);
    return gone;
}

/* A local process known to be gone fails the call with noproc unless the
 * caller traps exits; then the link signal comes back as {'EXIT', Pid, noproc}. */
Term bif_erlang_link_1(Process *p, const Term *args)
{
    Term to = args[0];
    if (!term_is_pid(to) && !term_is_port(to)) return proc_badarg(p);
    if (!term_is_local_pid(to) && !term_is_local_port(to)) return bif_not_implemented(p, "distribution");
    if (to == p->pid || plink_find(p, LK_LINK, to, NULL)) return ATOM_true;
    if (term_is_pid(to) && !atomic_load(&p->st.trap_exit) && local_process_gone(to)) return proc_error(p, ATOM_noproc);
    plink_add(p, (LinkEntry){LK_LINK, to, TERM_NIL, {0, 0}, NULL});
    Message *m = msg_build(SIG_LINK, p->pid, 0, NULL);
    m->term = TERM_NIL;
    sig_send(to, m);
    return ATOM_true;
}

Term bif_erlang_unlink_1(Process *p, const Term *args)
{
    Term to = args[0];
    if (!term_is_pid(to) && !term_is_port(to)) return proc_badarg(p);
    if (!term_is_local_pid(to) && !term_is_local_port(to)) return bif_not_implemented(p, "distribution");
    LinkEntry *e = plink_find(p, LK_LINK, to, NULL);
    if (!e) return ATOM_true;
    plink_remove(p, e);
    Message *m = msg_build(SIG_UNLINK, p->pid, 0, NULL);
    m->term = TERM_NIL;
    sig_send(to, m);
    return ATOM_true;
}

/* ---- monitors ---------------------------------------------------------------- */

/* monitor/3's options: the tag its DOWN message starts with, and whether
 * (and until when) its reference is also an alias. */
typedef struct MonitorOpts {
    Term tag;        /* 'DOWN' by default */
    Term alias_mode; /* TERM_NONE, explicit_unalias, demonitor or reply_demonitor */
} MonitorOpts;

static void make_alias(Process *p, Term ref, Term mode)
{
    uint64_t raw[2];
    ref_raw(ref, raw);
    alias_make(p, raw, mode);
}

/* A monitor of the process itself watches nothing, as on OTP. */
static Term monitor_pid(Process *p, Term pid, Term name, const MonitorOpts *o)
{
    Term ref = bif_erlang_make_ref_0(p, NULL);
    if (o->alias_mode != TERM_NONE) make_alias(p, ref, o->alias_mode);
    if (pid == p->pid) return ref;
    LinkEntry e = {LK_MONITOR, pid, name, {0, 0}, NULL};
    ref_raw(ref, e.ref);
    plink_add(p, e);
    if (pid == TERM_NIL) {
        sig_send_down(p->pid, p->pid, e.ref, name, ATOM_noproc, o->tag); /* no such name */
        return ref;
    }
    bool tagged = o->tag != ATOM_DOWN;
    size_t tw = tagged ? term_size(o->tag) : 0;
    Term *hp;
    size_t tuple_words = tagged ? 4 : 3;
    Message *m = msg_build(SIG_MONITOR, p->pid, tuple_words + REF_WORDS + tw, &hp);
    Term r = ref_from_raw(hp + tuple_words, e.ref);
    hp[0] = header_make(HDR_TUPLE, tagged ? 3 : 2), hp[1] = r, hp[2] = name == TERM_NIL ? pid : name;
    if (tagged) {
        Term *tp = hp + tuple_words + REF_WORDS;
        OffHeap oh = {0};
        hp[3] = term_copy_offheap(o->tag, &tp, &oh);
        m->oh_first = oh.first, m->oh_bytes = oh.new_bytes;
    }
    m->term = term_make_boxed(hp);
    sig_send(pid, m);
    return ref;
}

static Term monitor_name(Process *p, Term name, const MonitorOpts *o)
{
    Term pid = registry_whereis(name);
    return monitor_pid(p, pid == TERM_NONE ? TERM_NIL : pid, name, o);
}

/* A port by name: only a registered port counts; any other name gets its
 * DOWN message with reason noproc at once. */
static Term monitor_port_name(Process *p, Term name, const MonitorOpts *o)
{
    Term id = registry_whereis(name);
    if (id != TERM_NONE && term_is_local_port(id)) return monitor_pid(p, id, name, o);
    Term ref = bif_erlang_make_ref_0(p, NULL);
    if (o->alias_mode != TERM_NONE) make_alias(p, ref, o->alias_mode);
    LinkEntry e = {LK_MONITOR, TERM_NIL, name, {0, 0}, NULL};
    ref_raw(ref, e.ref);
    plink_add(p, e);
    port_send_down(p->pid, p->pid, e.ref, name, ATOM_noproc, o->tag);
    return ref;
}

/* Ports are monitored only on this node: badarg for a remote one. The
 * port answers like a process (io/port.c), with a DOWN message of type port. */
static Term monitor_port(Process *p, Term what, const MonitorOpts *o)
{
    if (term_is_local_port(what)) return monitor_pid(p, what, TERM_NIL, o);
    if (term_is_atom(what)) return monitor_port_name(p, what, o);
    if (term_is_tuple(what) && term_tuple_arity(what) == 2 && term_is_atom(term_tuple_element(what, 1)) &&
        term_tuple_element(what, 2) == ATOM_nonode_nohost)
        return monitor_port_name(p, term_tuple_element(what, 1), o);
    return proc_badarg(p);
}

/* monitor(time_offset, clock_service): Ember's time offset never changes (no
 * time warp, as OTP's default mode), so no CHANGE message ever comes; the
 * monitor is kept until demonitor so that process_info(monitors) shows it. */
static Term monitor_clock(Process *p, const MonitorOpts *o)
{
    Term ref = bif_erlang_make_ref_0(p, NULL);
    if (o->alias_mode != TERM_NONE) make_alias(p, ref, o->alias_mode);
    LinkEntry e = {LK_MONITOR, ATOM_clock_service, TERM_NIL, {0, 0}, NULL};
    ref_raw(ref, e.ref);
    plink_add(p, e);
    return ref;
}

static Term monitor(Process *p, Term type, Term what, const MonitorOpts *o)
{
    if (type == ATOM_port) return monitor_port(p, what, o);
    if (type != ATOM_process) {
        if (type == ATOM_time_offset) return what == ATOM_clock_service ? monitor_clock(p, o) : proc_badarg(p);
        return proc_badarg(p);
    }
    if (term_is_local_pid(what)) return monitor_pid(p, what, TERM_NIL, o);
    if (term_is_atom(what)) return monitor_name(p, what, o);
    if (term_is_tuple(what) && term_tuple_arity(what) == 2 && term_is_atom(term_tuple_element(what, 1)) &&
        term_is_atom(term_tuple_element(what, 2))) {
        if (term_tuple_element(what, 2) == ATOM_nonode_nohost) return monitor_name(p, term_tuple_element(what, 1), o);
        return bif_not_implemented(p, "distribution");
    }
    if (term_is_pid(what)) return bif_not_implemented(p, "distribution");
    return proc_badarg(p);
}

Term bif_erlang_monitor_2(Process *p, const Term *args)
{
    MonitorOpts o = {ATOM_DOWN, TERM_NONE};
    return monitor(p, args[0], args[1], &o);
}

/* Options: {alias, explicit_unalias | demonitor | reply_demonitor}, {tag, Tag}. */
Term bif_erlang_monitor_3(Process *p, const Term *args)
{
    MonitorOpts o = {ATOM_DOWN, TERM_NONE};
    if (!monitor_options_parse(args[2], &o.tag, &o.alias_mode)) return proc_badarg(p);
    return monitor(p, args[0], args[1], &o);
}

/* ---- aliases -------------------------------------------------------------------- */

Term bif_erlang_alias_0(Process *p, const Term *args)
{
    Term none = TERM_NIL;
    return bif_erlang_alias_1(p, &none);
}

/* Options: explicit_unalias (the default), reply (the first message through
 * it deactivates it); the last one counts. */
Term bif_erlang_alias_1(Process *p, const Term *args)
{
    Term mode = ATOM_explicit_unalias, l = args[0];
    for (; term_is_list(l); l = term_tail(l)) {
        if (term_head(l) != ATOM_explicit_unalias && term_head(l) != ATOM_reply) return proc_badarg(p);
        mode = term_head(l);
    }
    if (!term_is_nil(l)) return proc_badarg(p);
    Term ref = bif_erlang_make_ref_0(p, NULL);
    make_alias(p, ref, mode);
    return ref;
}

/* Drops the alias ref of p; false when it is none (any more). */
static bool unalias(Process *p, Term ref)
{
    if (!term_is_boxed_tag(ref, HDR_REF)) return false;
    uint64_t raw[2];
    ref_raw(ref, raw);
    return alias_drop(p, raw, TERM_NONE, TERM_NONE);
}

Term bif_erlang_unalias_1(Process *p, const Term *args)
{
    if (!term_is_ref(args[0])) return proc_badarg(p);
    return unalias(p, args[0]) ? ATOM_true : ATOM_false;
}

/* Drops the monitor with this reference; false when there was none. */
static bool demonitor(Process *p, Term ref)
{
    uint64_t raw[2];
    ref_raw(ref, raw);
    LinkEntry *e = plink_find(p, LK_MONITOR, TERM_NIL, raw);
    if (!e) return false;
    Term target = e->pid;
    bool tell = monitor_has_target(e);
    plink_remove(p, e);
    alias_drop(p, raw, ATOM_demonitor, ATOM_reply_demonitor);
    if (tell) sig_send(target, msg_demonitor(p->pid, raw));
    return true;
}

/* Removes DOWN messages for ref from the message queue, whatever tag they
 * start with. */
static void flush_down(Process *p, Term ref)
{
    for (Message **at = &p->st.msgq; *at;) {
        Term t = (*at)->term;
        Term type = term_is_tuple(t) && term_tuple_arity(t) == 5 ? term_tuple_element(t, 3) : TERM_NONE;
        if ((type == ATOM_process || type == ATOM_port) && term_is_boxed_tag(term_tuple_element(t, 2), HDR_REF) &&
            term_eq_exact(term_tuple_element(t, 2), ref))
            msgq_drop(p, at);
        else
            at = &(*at)->next;
    }
}

Term bif_erlang_demonitor_1(Process *p, const Term *args)
{
    if (!term_is_ref(args[0])) return proc_badarg(p);
    if (term_is_boxed_tag(args[0], HDR_REF)) demonitor(p, args[0]);
    return ATOM_true;
}

Term bif_erlang_demonitor_2(Process *p, const Term *args)
{
    bool flush = false, info = false;
    Term o = args[1];
    for (; term_is_list(o); o = term_tail(o)) {
        if (term_head(o) == ATOM_flush) flush = true;
        else if (term_head(o) == ATOM_info) info = true;
        else return proc_badarg(p);
    }
    if (!term_is_nil(o) || !term_is_ref(args[0])) return proc_badarg(p);
    bool found = term_is_boxed_tag(args[0], HDR_REF) && demonitor(p, args[0]);
    if (flush) flush_down(p, args[0]);
    return info ? (found ? ATOM_true : ATOM_false) : ATOM_true;
}

/* ---- flags and state ----------------------------------------------------------- */

static Term priority_atom(unsigned prio)
{
    static const Term names[PRIO_COUNT] = {ATOM_max, ATOM_high, ATOM_normal, ATOM_low};
    return names[prio];
}

/* The options net_kernel passes as a map: list => true, nodedown_reason and
 * connection_id booleans, node_type visible | hidden | all. */
static bool monitor_nodes_options(Term opts)
{
    if (term_is_nil(opts)) return true;
    if (!term_is_map(opts)) return false;
    const Term *v;
    if ((v = map_get(opts, atom_from_cstr("list"))) && *v != ATOM_true) return false;
    if ((v = map_get(opts, atom_from_cstr("nodedown_reason"))) && *v != ATOM_true && *v != ATOM_false) return false;
    if ((v = map_get(opts, atom_from_cstr("connection_id"))) && *v != ATOM_true && *v != ATOM_false) return false;
    Term type = atom_from_cstr("node_type");
    if ((v = map_get(opts, type)) && *v != atom_from_cstr("visible") && *v != atom_from_cstr("hidden") &&
        *v != ATOM_all)
        return false;
    UInt known = (map_get(opts, atom_from_cstr("list")) != NULL) + (map_get(opts, atom_from_cstr("nodedown_reason")) != NULL) +
                 (map_get(opts, atom_from_cstr("connection_id")) != NULL) + (map_get(opts, type) != NULL);
    return known == map_size(opts);
}

/* monitor_nodes and {monitor_nodes, Options}: subscriptions to nodeup and
 * nodedown, which never come on a node that is not distributed. OTP answers
 * a count of earlier subscriptions (one count here for every option set,
 * where OTP keeps one per set); false drops them all. */
static Term monitor_nodes_flag(Process *p, Term flag, Term v)
{
    if (term_is_tuple(flag) && !monitor_nodes_options(term_tuple_element(flag, 2))) return proc_badarg(p);
    if (v != ATOM_true && v != ATOM_false) return proc_badarg(p);
    unsigned n = p->st.rare ? p->st.rare->monitor_nodes : 0;
    if (v == ATOM_true || n) proc_rare(p)->monitor_nodes = v == ATOM_true ? n + 1 : 0;
    return term_make_small(n);
}

/* save_calls: 0..10000 calls for q to keep for process_info(P, last_calls)
 * (proc/saved_calls.h), kept afresh. Answers the old number, or badarg. */
static Term save_calls_flag(Process *q, Term v)
{
    if (!term_is_small(v) || term_small_value(v) < 0 || term_small_value(v) > SAVED_CALLS_MAX) return ATOM_badarg;
    Term old = term_make_small((SInt)saved_calls_size(q));
    saved_calls_set(q, (unsigned)term_small_value(v));
    return old;
}

Term bif_erlang_process_flag_2(Process *p, const Term *args)
{
    Term flag = args[0], v = args[1];
    if (flag == ATOM_monitor_nodes ||
        (term_is_tuple(flag) && term_tuple_arity(flag) == 2 && term_tuple_element(flag, 1) == ATOM_monitor_nodes))
        return monitor_nodes_flag(p, flag, v);
    if (flag == ATOM_trap_exit) {
        if (v != ATOM_true && v != ATOM_false) return proc_badarg(p);
        bool old = atomic_exchange(&p->st.trap_exit, v == ATOM_true);
        return old ? ATOM_true : ATOM_false;
    }
    if (flag == ATOM_priority) {
        Term old = priority_atom(p->st.priority);
        if (v == ATOM_low) p->st.priority = PRIO_LOW;
        else if (v == ATOM_normal) p->st.priority = PRIO_NORMAL;
        else if (v == ATOM_high) p->st.priority = PRIO_HIGH;
        else if (v == ATOM_max) p->st.priority = PRIO_MAX;
        else return proc_badarg(p);
        return old;
    }
    if (flag == ATOM_min_heap_size || flag == ATOM_fullsweep_after) {
        if (!term_is_small(v) || term_small_value(v) < 0) return proc_badarg(p);
        size_t *field = flag == ATOM_min_heap_size ? &p->min_heap_words : &p->st.fullsweep_after;
        Term old = term_make_small((SInt)*field);
        *field = (size_t)term_small_value(v);
        if (flag == ATOM_min_heap_size) *field = gc_heap_size_at_least(*field);
        return old;
    }
    if (flag == ATOM_max_heap_size) return proc_flag_max_heap(p, v);
    if (flag == ATOM_message_queue_data) {
        if (v != ATOM_on_heap && v != ATOM_off_heap) return proc_badarg(p);
        bool old = p->st.off_heap_messages;
        p->st.off_heap_messages = v == ATOM_off_heap;
        return old ? ATOM_off_heap : ATOM_on_heap;
    }
    if (flag == ATOM_save_calls) {
        Term r = save_calls_flag(p, v);
        if (r != ATOM_badarg) return r;
        /* OTP's error info names no cause here, and says so */
        proc_badarg(p);
        Term keys[2] = {ATOM_cause, ATOM_module}, values[2] = {ATOM_none, ATOM_erl_erts_errors};
        p->ferror_info = map_from_pairs(p, keys, values, 2);
        return TERM_NONE;
    }
    if (flag == ATOM_sensitive) {
        if (v != ATOM_true && v != ATOM_false) return proc_badarg(p);
        bool old = p->st.rare && p->st.rare->sensitive;
        if (old != (v == ATOM_true)) proc_rare(p)->sensitive = v == ATOM_true;
        return old ? ATOM_true : ATOM_false;
    }
    return proc_badarg(p);
}

/* erts_internal:process_flag/3 answers the old value, badarg (a flag other
 * than save_calls, a bad value, a process that is exiting) or badtype (not
 * the pid of a live process); erlang:process_flag/3 raises for the last two. */
Term bif_erts_internal_process_flag_3(Process *p, const Term *args)
{
    Term pid = args[0];
    if (pid == p->pid) return args[1] == ATOM_save_calls ? save_calls_flag(p, args[2]) : ATOM_badarg;
    if (!term_is_local_pid(pid)) return ATOM_badtype;
    Process *q = ptab_get(pid);
    if (!q) return ATOM_badtype;
    HoldResult h = proc_hold(p, q);
    Term r = ATOM_badarg;
    if (h == HOLD_OK) {
        if (args[1] == ATOM_save_calls) r = save_calls_flag(q, args[2]);
        proc_unhold(q);
    }
    proc_release(q);
    return h == HOLD_BUSY ? proc_retry(p) : r;
}

Term bif_erlang_process_flag_3(Process *p, const Term *args)
{
    Term r = bif_erts_internal_process_flag_3(p, args);
    if (r == ATOM_badarg || r == ATOM_badtype) return proc_badarg(p);
    return r;
}

/* OTP answers after the caller's earlier signals have reached pid (an exit
 * signal sent just before counts), so while pid has signals from the caller to
 * handle, the caller waits. */
Term bif_erlang_is_process_alive_1(Process *p, const Term *args)
{
    Term pid = args[0];
    if (!term_is_local_pid(pid)) return term_is_pid(pid) ? bif_not_implemented(p, "distribution") : proc_badarg(p);
    if (pid == p->pid) return ATOM_true;
    Process *q = ptab_get(pid);
    if (!q) return ATOM_false;
    bool alive = true, busy = false;
    pthread_mutex_lock(&q->st.lock);
    if (q->st.closed || q->st.status == PS_EXITING) alive = false;
    for (Message *m = q->st.inbox; m && alive && !busy; m = m->next) busy = m->from == p->pid;
    pthread_mutex_unlock(&q->st.lock);
    proc_release(q);
    if (busy) return proc_retry(p);
    return alive ? ATOM_true : ATOM_false;
}

Term bif_erlang_yield_0(Process *p, const Term *args)
{
    proc_request_yield(p);
    return ATOM_true;
}

/* hibernate(M, F, A): the stack is dropped and the process waits for a
 * message (one already queued ends the wait at once), then runs
 * apply(M, F, A) with nothing to return to, so that it ends when that
 * returns. The heap is not shrunk yet; a signal other than a message also
 * ends the wait. */
Term bif_erlang_hibernate_3(Process *p, const Term *args)
{
    if (!term_is_atom(args[0]) || !term_is_atom(args[1])) return proc_badarg(p);
    Term l = args[2];
    while (term_is_list(l)) l = term_tail(l);
    if (!term_is_nil(l)) return proc_badarg(p);
    bool tried;
    Export *apply3 = emu_find_export(ATOM_erlang, ATOM_apply, 3, &tried);
    p->st.hibernating = true;
    return proc_trap(p, apply3, args);
}

Term bif_erlang_group_leader_0(Process *p, const Term *args) { return p->group_leader; }

Term bif_erlang_group_leader_2(Process *p, const Term *args)
{
    Term gl = args[0], pid = args[1];
    if (!term_is_pid(gl) || !term_is_pid(pid)) return proc_badarg(p);
    if (!term_is_local_pid(pid)) return bif_not_implemented(p, "distribution");
    if (pid == p->pid) {
        p->group_leader = gl;
        return ATOM_true;
    }
    Process *q = ptab_get(pid);
    if (!q) return proc_badarg(p);
    HoldResult h = proc_hold(p, q);
    if (h == HOLD_OK) {
        q->group_leader = gl;
        proc_unhold(q);
    }
    proc_release(q);
    return h == HOLD_BUSY ? proc_retry(p) : ATOM_true;
}
