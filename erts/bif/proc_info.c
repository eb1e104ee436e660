/* proc_info.c — the name registry BIFs, processes/0, process_info/1,2 and
 * garbage_collect/0,1,2, process_display/2. process_info of another process holds it (it is not
 * running meanwhile) and copies what it shows; cost: one reduction plus the
 * size of what is copied. */
#include "bif/bif.h"

#include <stdio.h>
#include <stdlib.h>

#include "atom/atom.h"
#include "bif/bif_util.h"
#include "bif/proc_heap.h"
#include "emu/exception.h"
#include "emu/receive.h"
#include "gc/gc.h"
#include "load/module.h"
#include "proc/plinks.h"
#include "proc/ptab.h"
#include "proc/registry.h"
#include "proc/signal.h"
#include "proc/saved_calls.h"
#include "sched/sched.h"
#include "term/boxed.h"
#include "term/copy.h"

/* ---- registry ------------------------------------------------------------------ */

Term bif_erlang_register_2(Process *p, const Term *args)
{
    Term name = args[0], pid = args[1];
    if (!term_is_atom(name) || name == ATOM_undefined) return proc_badarg(p);
    if (!term_is_local_pid(pid)) return term_is_port(pid) ? bif_not_implemented(p, "ports") : proc_badarg(p);
    return registry_register(name, pid) == REG_OK ? ATOM_true : proc_badarg(p);
}

Term bif_erlang_unregister_1(Process *p, const Term *args)
{
    if (!term_is_atom(args[0]) || !registry_unregister(args[0])) return proc_badarg(p);
    return ATOM_true;
}

Term bif_erlang_whereis_1(Process *p, const Term *args)
{
    if (!term_is_atom(args[0])) return proc_badarg(p);
    Term pid = registry_whereis(args[0]);
    return pid == TERM_NONE ? ATOM_undefined : pid;
}

Term bif_erlang_registered_0(Process *p, const Term *args) { return registry_names(p); }

/* ---- processes/0 ----------------------------------------------------------------- */

typedef struct PidList {
    Term *items;
    size_t n, cap;
} PidList;

static void collect_pid(Term pid, void *ctx)
{
    PidList *l = ctx;
    if (l->n == l->cap) {
        l->cap = l->cap ? 2 * l->cap : 256;
        l->items = realloc(l->items, l->cap * sizeof *l->items);
        if (!l->items) abort();
    }
    l->items[l->n++] = pid;
}

/* Cost: one reduction per process. */
Term bif_erlang_processes_0(Process *p, const Term *args)
{
    PidList l = {0};
    ptab_foreach(collect_pid, &l);
    Term list = bif_array_to_list(p, l.items, l.n, TERM_NIL);
    free(l.items);
    p->reductions += l.n / 16;
    return list;
}

/* ---- process_info ---------------------------------------------------------------- */

static Term copy_to(Process *p, Term t)
{
    size_t n = term_size(t);
    if (n == 0) return t;
    Term *hp = proc_alloc(p, n);
    return term_copy(t, &hp);
}

static size_t inbox_messages(Process *q, Term *out, Process *p)
{
    size_t n = 0;
    pthread_mutex_lock(&q->st.lock);
    for (Message *m = q->st.inbox; m; m = m->next)
        if (m->kind == SIG_MSG) {
            if (out) out[n] = copy_to(p, m->term);
            n++;
        }
    pthread_mutex_unlock(&q->st.lock);
    return n;
}

static Term messages(Process *p, Process *q)
{
    size_t nq = q->st.msgq_len, ni = inbox_messages(q, NULL, p);
    Term *items = malloc((nq + ni + 1) * sizeof(Term));
    if (!items) abort();
    size_t n = 0;
    for (Message *m = q->st.msgq; m; m = m->next) items[n++] = copy_to(p, m->term);
    n += inbox_messages(q, items + n, p);
    Term list = bif_array_to_list(p, items, n, TERM_NIL);
    free(items);
    return list;
}

static Term link_list(Process *p, Process *q, LinkKind kind)
{
    Term list = TERM_NIL;
    ProcLinks *l = q->st.links;
    for (size_t i = l ? l->n : 0; i-- > 0;) {
        LinkEntry *e = &l->e[i];
        if (e->kind != kind) continue;
        Term item = e->pid;
        if (kind == LK_MONITOR && e->pid == ATOM_clock_service) {
            item = bif_tuple2(p, ATOM_time_offset, ATOM_clock_service);
        } else if (kind == LK_MONITOR) {
            Term obj = e->name != TERM_NIL ? bif_tuple2(p, e->name, ATOM_nonode_nohost) : e->pid;
            item = bif_tuple2(p, term_is_port(e->pid) ? ATOM_port : ATOM_process, obj);
        }
        list = term_cons(proc_alloc(p, 2), item, list);
    }
    return list;
}

/* [{Pid, ActiveCount, OutstandingCount}] of the processes q suspends, in the
 * order it first suspended them; none is outstanding once the call returned. */
static Term suspending_list(Process *p, Process *q)
{
    Term list = TERM_NIL;
    ProcLinks *l = q->st.links;
    for (size_t i = l ? l->n : 0; i-- > 0;) {
        const LinkEntry *e = &l->e[i];
        if (e->kind != LK_SUSPEND) continue;
        Term item = bif_tuple3(p, e->pid, term_make_small((SInt)e->ref[0]), term_make_small(0));
        list = term_cons(proc_alloc(p, 2), item, list);
    }
    return list;
}

static Term status_of(Process *p, Process *q)
{
    if (p == q) return ATOM_running;
    pthread_mutex_lock(&q->st.lock);
    ProcStatus s = q->st.status;
    bool suspended = q->st.suspend_count > 0;
    pthread_mutex_unlock(&q->st.lock);
    if (suspended && s != PS_EXITING) return ATOM_suspended;
    switch (s) {
    case PS_RUNNABLE: return ATOM_runnable;
    case PS_WAITING: return ATOM_waiting;
    case PS_EXITING: return ATOM_exiting;
    default: return ATOM_running;
    }
}

static Term current_function(Process *p, Process *q)
{
    const FunctionInfo *fi = NULL;
    Module *m = q->pc ? module_find_by_code(q->pc, &fi) : NULL;
    if (!m || !fi) return ATOM_undefined;
    return bif_tuple3(p, m->name, fi->name, term_make_small(fi->arity));
}

static size_t memory_of(Process *q)
{
    size_t bytes = sizeof *q + (size_t)(q->hend - q->heap) * sizeof(Term);
    bytes += (size_t)(q->st.old_hend - q->st.old_heap) * sizeof(Term);
    for (HeapFragment *f = q->fragments; f; f = f->next) bytes += sizeof *f + f->size * sizeof(Term);
    for (Message *m = q->st.msgq; m; m = m->next) bytes += sizeof *m + (m->frag ? m->frag->size * sizeof(Term) : 0);
    if (q->st.links) bytes += q->st.links->cap * sizeof(LinkEntry);
    if (q->st.rare) bytes += sizeof *q->st.rare;
    return bytes;
}

static Term priority_name(unsigned prio)
{
    static const Term names[PRIO_COUNT] = {ATOM_max, ATOM_high, ATOM_normal, ATOM_low};
    return names[prio];
}

/* The value of one item, TERM_NONE for an unknown item. A sensitive process
 * (process_flag(sensitive, true)) shows no messages and no dictionary. */
static Term item_value(Process *p, Process *q, Term item)
{
    size_t heap = (size_t)(q->hend - q->heap);
    bool sensitive = q->st.rare && q->st.rare->sensitive;
    if (sensitive && (item == ATOM_messages || item == ATOM_dictionary)) return TERM_NIL;
    if (sensitive && item == ATOM_message_queue_len) return term_make_small(0);
    if (item == ATOM_registered_name) {
        Term n = registry_name_of(q);
        return n == TERM_NIL ? TERM_NIL : n;
    }
    if (item == ATOM_message_queue_len) return term_make_small((SInt)(q->st.msgq_len + inbox_messages(q, NULL, p)));
    if (item == ATOM_messages) return messages(p, q);
    if (item == ATOM_links) return link_list(p, q, LK_LINK);
    if (item == ATOM_monitors) return link_list(p, q, LK_MONITOR);
    if (item == ATOM_monitored_by) return link_list(p, q, LK_WATCHER);
    if (item == ATOM_status) return status_of(p, q);
    if (item == ATOM_trap_exit) return atomic_load(&q->st.trap_exit) ? ATOM_true : ATOM_false;
    if (item == ATOM_priority) return priority_name(q->st.priority);
    if (item == ATOM_reductions) return term_make_small((SInt)q->reductions);
    if (item == ATOM_dictionary) return copy_to(p, q->dictionary);
    if (item == ATOM_group_leader) return q->group_leader;
    if (item == ATOM_heap_size) return term_make_small((SInt)heap);
    if (item == ATOM_total_heap_size) return term_make_small((SInt)gc_total_heap_words(q));
    if (item == ATOM_max_heap_size) return proc_max_heap_term(p, q);
    if (item == ATOM_stack_size) return term_make_small((SInt)(q->hend - q->stop));
    if (item == ATOM_memory) return term_make_small((SInt)memory_of(q));
    if (item == ATOM_current_function) return current_function(p, q);
    if (item == ATOM_message_queue_data) return q->st.off_heap_messages ? ATOM_off_heap : ATOM_on_heap;
    if (item == ATOM_current_stacktrace) return emu_current_stacktrace(p, q);
    if (item == ATOM_current_location) {
        Term frames = emu_current_stacktrace(p, q);
        return term_is_list(frames) ? term_head(frames) : ATOM_undefined;
    }
    if (item == ATOM_initial_call)
        return bif_tuple3(p, q->st.init_mod, q->st.init_fun, term_make_small(q->st.init_arity));
    if (item == ATOM_error_handler) return atom_from_cstr("error_handler");
    if (item == ATOM_min_heap_size) return term_make_small((SInt)q->min_heap_words);
    if (item == ATOM_fullsweep_after) return term_make_small((SInt)q->st.fullsweep_after);
    if (item == ATOM_suspending) return suspending_list(p, q);
    if (item == ATOM_last_calls) return saved_calls_list(p, q);
    if (item == ATOM_garbage_collection) {
        /* OTP's keys, in OTP's order */
        Term items[5] = {bif_tuple2(p, ATOM_max_heap_size, proc_max_heap_term(p, q)),
                         bif_tuple2(p, atom_from_cstr("min_bin_vheap_size"), term_make_small(46422)),
                         bif_tuple2(p, ATOM_min_heap_size, term_make_small((SInt)q->min_heap_words)),
                         bif_tuple2(p, ATOM_fullsweep_after, term_make_small((SInt)q->st.fullsweep_after)),
                         bif_tuple2(p, ATOM_minor_gcs, term_make_small((SInt)q->st.minor_gcs))};
        return bif_array_to_list(p, items, 5, TERM_NIL);
    }
    return TERM_NONE;
}

static const char *const default_items[] = {
    "current_function", "initial_call", "status", "message_queue_len", "links", "dictionary", "trap_exit",
    "error_handler", "priority", "group_leader", "total_heap_size", "heap_size", "stack_size", "reductions",
    "garbage_collection", "suspending", NULL};

/* Finds and holds the process for process_info: NULL with *result set when
 * there is nothing to hold (gone: undefined; bad argument or busy: TERM_NONE). */
static Process *target(Process *p, Term pid, Term *result)
{
    if (!term_is_local_pid(pid)) {
        *result = term_is_pid(pid) ? bif_not_implemented(p, "distribution") : proc_badarg(p);
        return NULL;
    }
    if (pid == p->pid) return p;
    Process *q = ptab_get(pid);
    HoldResult h = q ? proc_hold(p, q) : HOLD_GONE;
    if (h == HOLD_OK) return q;
    if (q) proc_release(q);
    *result = h == HOLD_BUSY ? proc_retry(p) : ATOM_undefined;
    return NULL;
}

static void let_go(Process *p, Process *q)
{
    if (q == p) return;
    proc_unhold(q);
    proc_release(q);
}

Term bif_erlang_process_info_1(Process *p, const Term *args)
{
    Term result;
    Process *q = target(p, args[0], &result);
    if (!q) return result;
    Term items[32];
    size_t n = 0;
    Term name = registry_name_of(q);
    if (name != TERM_NIL) items[n++] = bif_tuple2(p, ATOM_registered_name, name);
    for (const char *const *k = default_items; *k; k++) {
        Term key = atom_from_cstr(*k);
        items[n++] = bif_tuple2(p, key, item_value(p, q, key));
    }
    let_go(p, q);
    return bif_array_to_list(p, items, n, TERM_NIL);
}

Term bif_erlang_process_info_2(Process *p, const Term *args)
{
    Term what = args[1];
    bool many = term_is_list(what) || term_is_nil(what);
    if (many) {
        for (Term l = what; term_is_list(l); l = term_tail(l))
            if (!term_is_atom(term_head(l))) return proc_badarg(p);
        Term l = what;
        while (term_is_list(l)) l = term_tail(l);
        if (!term_is_nil(l)) return proc_badarg(p);
    } else if (!term_is_atom(what)) {
        return proc_badarg(p);
    }
    Term result;
    Process *q = target(p, args[0], &result);
    if (!q) return result;
    if (!many) {
        Term v = item_value(p, q, what);
        let_go(p, q);
        if (v == TERM_NONE) return proc_badarg(p);
        if (what == ATOM_registered_name && v == TERM_NIL) return TERM_NIL;
        return bif_tuple2(p, what, v);
    }
    size_t n = 0;
    for (Term l = what; term_is_list(l); l = term_tail(l)) n++;
    Term *items = malloc((n + 1) * sizeof(Term));
    if (!items) abort();
    size_t i = 0;
    for (Term l = what; term_is_list(l); l = term_tail(l), i++) {
        Term v = item_value(p, q, term_head(l));
        if (v == TERM_NONE) {
            free(items);
            let_go(p, q);
            return proc_badarg(p);
        }
        items[i] = bif_tuple2(p, term_head(l), v);
    }
    let_go(p, q);
    Term list = bif_array_to_list(p, items, n, TERM_NIL);
    free(items);
    return list;
}

/* ---- garbage_collect --------------------------------------------------------------- */

/* A BIF cannot move the caller's heap under the interpreter's feet (terms in
 * registers), so the caller's collection is asked for and done at its next
 * heap check; another process is collected at once while held. */
Term bif_erlang_garbage_collect_0(Process *p, const Term *args)
{
    gc_request_full(p);
    return ATOM_true;
}

/* Options: {type, major | minor} (both collect fully here), {async, Ref}:
 * the answer comes as {garbage_collect, Ref, Result} and the call returns
 * async. */
Term bif_erlang_garbage_collect_2(Process *p, const Term *args)
{
    Term async = TERM_NONE, l = args[1];
    for (; term_is_list(l); l = term_tail(l)) {
        Term o = term_head(l);
        if (!term_is_tuple(o) || term_tuple_arity(o) != 2) return proc_badarg(p);
        Term k = term_tuple_element(o, 1), v = term_tuple_element(o, 2);
        if (k == ATOM_async)
            async = v;
        else if (k != ATOM_type || (v != ATOM_major && v != ATOM_minor))
            return proc_badarg(p);
    }
    if (!term_is_nil(l)) return proc_badarg(p);
    Term result = bif_erlang_garbage_collect_1(p, args);
    if (result == TERM_NONE || async == TERM_NONE) return result;
    Term msg = bif_tuple3(p, ATOM_garbage_collect, async, result);
    sig_send(p->pid, msg_copy_of(msg, SIG_MSG, p->pid));
    return ATOM_async;
}

Term bif_erlang_garbage_collect_1(Process *p, const Term *args)
{
    Term pid = args[0];
    if (!term_is_local_pid(pid)) return term_is_pid(pid) ? bif_not_implemented(p, "distribution") : proc_badarg(p);
    if (pid == p->pid) return bif_erlang_garbage_collect_0(p, args);
    Process *q = ptab_get(pid);
    if (!q) return ATOM_false;
    HoldResult h = proc_hold(p, q);
    if (h == HOLD_OK) {
        q->st.gc_full_wanted = true;
        gc_collect(q, 0, NULL, 0); /* held: waiting or preempted, its live registers on its stack */
        proc_unhold(q);
    }
    proc_release(q);
    return h == HOLD_BUSY ? proc_retry(p) : h == HOLD_OK ? ATOM_true : ATOM_false;
}

/* process_display(Pid, backtrace): Pid's stack printed on stderr, as OTP
 * does; erts_internal:process_display/2 answers true, badopt (a type other
 * than backtrace) or badarg (not a live local process). */
Term bif_erts_internal_process_display_2(Process *p, const Term *args)
{
    Term pid = args[0];
    if (args[1] != ATOM_backtrace) return ATOM_badopt;
    if (!term_is_local_pid(pid)) return ATOM_badarg;
    if (pid == p->pid) {
        emu_print_backtrace(p, stderr);
        return ATOM_true;
    }
    Process *q = ptab_get(pid);
    if (!q) return ATOM_badarg;
    HoldResult h = proc_hold(p, q);
    if (h == HOLD_OK) {
        emu_print_backtrace(q, stderr);
        proc_unhold(q);
    }
    proc_release(q);
    return h == HOLD_BUSY ? proc_retry(p) : h == HOLD_OK ? ATOM_true : ATOM_badarg;
}

Term bif_erlang_process_display_2(Process *p, const Term *args)
{
    Term r = bif_erts_internal_process_display_2(p, args);
    return r == ATOM_badarg || r == ATOM_badopt ? proc_badarg(p) : r;
}

/* OTP 25 keeps the name of this long-gone BIF, whose body fails with
 * error:undefined; so does Ember. */
Term bif_erlang_garbage_collect_message_area_0(Process *p, const Term *args) { return proc_error(p, ATOM_undefined); }
