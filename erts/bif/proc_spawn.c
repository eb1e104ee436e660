/* proc_spawn.c — spawn/1..4, spawn_link/1..4, spawn_monitor/1..4,
 * spawn_opt/2..5 and the spawn_request family (with erts_internal's
 * spawn_request/4 that OTP's erlang.beam calls). Each costs one reduction
 * plus the copy of its arguments. */
#include "bif/bif.h"

#include "atom/atom.h"
#include "bif/bif_util.h"
#include "bif/proc_heap.h"
#include "proc/plinks.h"
#include "proc/ptab.h"
#include "proc/signal.h"
#include "proc/spawn.h"

static bool is_proper_list(Term l)
{
    while (term_is_list(l)) l = term_tail(l);
    return term_is_nil(l);
}

static bool word_count(Term t, size_t *out)
{
    if (!term_is_small(t) || term_small_value(t) < 0) return false;
    *out = (size_t)term_small_value(t);
    return true;
}

static bool parse_priority(Term t, int *out)
{
    if (t == ATOM_low) *out = PRIO_LOW;
    else if (t == ATOM_normal) *out = PRIO_NORMAL;
    else if (t == ATOM_high) *out = PRIO_HIGH;
    else if (t == ATOM_max) *out = PRIO_MAX;
    else return false;
    return true;
}

/* max_heap_size: a size, or a map with the size and the kill and
 * error_logger flags; checked against min_heap_size once all are read. */
static bool parse_max_heap(Term v, SpawnOpts *s)
{
    MaxHeap m;
    if (!proc_max_heap_parse(v, 0, &m)) return false;
    s->max_heap_size = m.size, s->max_heap_kill = m.kill, s->max_heap_log = m.error_logger;
    return true;
}

static bool parse_option(Term o, SpawnOpts *s)
{
    if (o == ATOM_link) return s->link = true;
    if (o == ATOM_monitor) return s->monitor = true;
    if (!term_is_tuple(o) || term_tuple_arity(o) != 2) return false;
    Term k = term_tuple_element(o, 1), v = term_tuple_element(o, 2);
    if (k == ATOM_monitor) return s->monitor = monitor_options_parse(v, &s->monitor_tag, &s->monitor_alias);
    if (k == ATOM_priority) return parse_priority(v, &s->priority);
    if (k == ATOM_min_heap_size) return word_count(v, &s->min_heap_size);
    if (k == ATOM_fullsweep_after) return word_count(v, &s->fullsweep_after);
    if (k == ATOM_max_heap_size) return parse_max_heap(v, s);
    if (k == ATOM_message_queue_data) return v == ATOM_on_heap || v == ATOM_off_heap;
    if (k == atom_from_cstr("min_bin_vheap_size")) return term_is_small(v) && term_small_value(v) >= 0;
    return false;
}

static bool parse_options(Term list, SpawnOpts *s)
{
    for (; term_is_list(list); list = term_tail(list))
        if (!parse_option(term_head(list), s)) return false;
    size_t min_heap = s->min_heap_size > 233 ? s->min_heap_size : 233; /* OTP's default minimum */
    if (s->max_heap_size != 0 && s->max_heap_size < min_heap) return false;
    return term_is_nil(list);
}

static Term spawn_with(Process *p, Term m, Term f, Term a, const SpawnOpts *o)
{
    Term ref = TERM_NIL;
    Term pid = proc_spawn(p, m, f, a, o, &ref);
    if (pid == TERM_NONE) return TERM_NONE;
    return o->monitor ? bif_tuple2(p, pid, ref) : pid;
}

static Term spawn_fun(Process *p, Term fun, bool link, bool monitor)
{
    if (!term_is_fun(fun)) return proc_badarg(p);
    SpawnOpts o;
    spawn_opts_default(&o);
    o.link = link, o.monitor = monitor;
    return spawn_with(p, fun, TERM_NONE, TERM_NIL, &o);
}

static Term spawn_mfa(Process *p, const Term *args, bool link, bool monitor)
{
    if (!term_is_atom(args[0]) || !term_is_atom(args[1]) || !is_proper_list(args[2])) return proc_badarg(p);
    SpawnOpts o;
    spawn_opts_default(&o);
    o.link = link, o.monitor = monitor;
    return spawn_with(p, args[0], args[1], args[2], &o);
}

Term bif_erlang_spawn_1(Process *p, const Term *args) { return spawn_fun(p, args[0], false, false); }
Term bif_erlang_spawn_3(Process *p, const Term *args) { return spawn_mfa(p, args, false, false); }
/* A process of the runtime's own (prim_file's, the code purger): init's stop
 * does not kill it. */
Term bif_erts_internal_spawn_system_process_3(Process *p, const Term *args)
{
    if (!term_is_atom(args[0]) || !term_is_atom(args[1]) || !is_proper_list(args[2])) return proc_badarg(p);
    SpawnOpts o;
    spawn_opts_default(&o);
    o.system_process = true;
    return spawn_with(p, args[0], args[1], args[2], &o);
}

Term bif_erts_internal_is_system_process_1(Process *p, const Term *args)
{
    if (!term_is_local_pid(args[0])) return proc_badarg(p);
    if (args[0] == p->pid) return p->st.system_process ? ATOM_true : ATOM_false;
    Process *q = ptab_get(args[0]);
    if (!q) return ATOM_false;
    bool system = q->st.system_process;
    proc_release(q);
    return system ? ATOM_true : ATOM_false;
}
Term bif_erlang_spawn_link_1(Process *p, const Term *args) { return spawn_fun(p, args[0], true, false); }
Term bif_erlang_spawn_link_3(Process *p, const Term *args) { return spawn_mfa(p, args, true, false); }
Term bif_erlang_spawn_monitor_1(Process *p, const Term *args) { return spawn_fun(p, args[0], false, true); }
Term bif_erlang_spawn_monitor_3(Process *p, const Term *args) { return spawn_mfa(p, args, false, true); }

Term bif_erlang_spawn_opt_2(Process *p, const Term *args)
{
    SpawnOpts o;
    spawn_opts_default(&o);
    if (!term_is_fun(args[0]) || !parse_options(args[1], &o)) return proc_badarg(p);
    return spawn_with(p, args[0], TERM_NONE, TERM_NIL, &o);
}

Term bif_erlang_spawn_opt_4(Process *p, const Term *args)
{
    SpawnOpts o;
    spawn_opts_default(&o);
    if (!term_is_atom(args[0]) || !term_is_atom(args[1]) || !is_proper_list(args[2]) || !parse_options(args[3], &o))
        return proc_badarg(p);
    return spawn_with(p, args[0], args[1], args[2], &o);
}

/* ---- the forms that name a node ----------------------------------------- */

/* The local node spawns here; another node needs distribution (not yet). */
static bool on_this_node(Process *p, Term node)
{
    if (!term_is_atom(node)) {
        proc_badarg(p);
        return false;
    }
    if (node != ATOM_nonode_nohost) {
        bif_not_implemented(p, "distribution");
        return false;
    }
    return true;
}

Term bif_erlang_spawn_2(Process *p, const Term *args)
{
    return on_this_node(p, args[0]) ? spawn_fun(p, args[1], false, false) : TERM_NONE;
}
Term bif_erlang_spawn_4(Process *p, const Term *args)
{
    return on_this_node(p, args[0]) ? spawn_mfa(p, args + 1, false, false) : TERM_NONE;
}
Term bif_erlang_spawn_link_2(Process *p, const Term *args)
{
    return on_this_node(p, args[0]) ? spawn_fun(p, args[1], true, false) : TERM_NONE;
}
Term bif_erlang_spawn_link_4(Process *p, const Term *args)
{
    return on_this_node(p, args[0]) ? spawn_mfa(p, args + 1, true, false) : TERM_NONE;
}
Term bif_erlang_spawn_monitor_2(Process *p, const Term *args)
{
    return on_this_node(p, args[0]) ? spawn_fun(p, args[1], false, true) : TERM_NONE;
}
Term bif_erlang_spawn_monitor_4(Process *p, const Term *args)
{
    return on_this_node(p, args[0]) ? spawn_mfa(p, args + 1, false, true) : TERM_NONE;
}
Term bif_erlang_spawn_opt_3(Process *p, const Term *args)
{
    return on_this_node(p, args[0]) ? bif_erlang_spawn_opt_2(p, args + 1) : TERM_NONE;
}
Term bif_erlang_spawn_opt_5(Process *p, const Term *args)
{
    return on_this_node(p, args[0]) ? bif_erlang_spawn_opt_4(p, args + 1) : TERM_NONE;
}

/* ---- spawn_request ------------------------------------------------------ */

/* Sends {Tag, ReqId, error, Reason} to p unless its reply option declines. */
static void request_error(Process *p, const SpawnOpts *o, Term reply, Term req, Term reason)
{
    if (reply == ATOM_no || reply == ATOM_success_only) return;
    Term *hp = proc_alloc(p, 5);
    hp[0] = header_make(HDR_TUPLE, 4), hp[1] = o->reply_tag, hp[2] = req, hp[3] = ATOM_error, hp[4] = reason;
    sig_send(p->pid, msg_copy_of(term_make_boxed(hp), SIG_MSG, p->pid));
}

/* The reply comes as a message: a bad option inside the list, or another
 * node (no distribution yet: noconnection, as OTP answers when not alive),
 * gives an error reply, not an exception. */
static Term spawn_request(Process *p, Term node, Term m, Term f, Term a, Term opts)
{
    SpawnOpts o;
    spawn_opts_default(&o);
    o.request = true, o.reply_tag = ATOM_spawn_reply;
    Term reply = ATOM_yes;
    bool bad = false;
    for (Term l = opts; term_is_list(l); l = term_tail(l)) {
        Term opt = term_head(l);
        Term k = term_is_tuple(opt) && term_tuple_arity(opt) == 2 ? term_tuple_element(opt, 1) : TERM_NONE;
        Term v = k != TERM_NONE ? term_tuple_element(opt, 2) : TERM_NONE;
        if (k == ATOM_reply_tag)
            o.reply_tag = v;
        else if (k == ATOM_reply && (v == ATOM_yes || v == ATOM_no || v == ATOM_error_only || v == ATOM_success_only))
            reply = v;
        else if (!parse_option(opt, &o))
            bad = true;
    }
    if (!bad && o.max_heap_size != 0 && o.max_heap_size < (o.min_heap_size > 233 ? o.min_heap_size : 233)) bad = true;
    o.reply_ok = reply == ATOM_yes || reply == ATOM_success_only;
    if (bad || node != ATOM_nonode_nohost) {
        Term req = bif_erlang_make_ref_0(p, NULL);
        request_error(p, &o, reply, req, bad ? ATOM_badopt : ATOM_noconnection);
        return req;
    }
    Term req = TERM_NONE;
    if (proc_spawn(p, m, f, a, &o, &req) == TERM_NONE) { /* the error goes into the reply */
        req = bif_erlang_make_ref_0(p, NULL);
        request_error(p, &o, reply, req, ATOM_system_limit);
    }
    return req;
}

/* OTP's erlang.beam builds every spawn_request form on this one: a request
 * id, or badarg (a bad MFA) or badopt (options not a proper list). */
Term bif_erts_internal_spawn_request_4(Process *p, const Term *args)
{
    if (!term_is_atom(args[0]) || !term_is_atom(args[1]) || !is_proper_list(args[2])) return ATOM_badarg;
    if (!is_proper_list(args[3])) return ATOM_badopt;
    return spawn_request(p, ATOM_nonode_nohost, args[0], args[1], args[2], args[3]);
}

/* The erlang:spawn_request forms, sorted out as erlang.beam does. */
static Term request_mfa(Process *p, Term node, Term m, Term f, Term a, Term opts)
{
    if (!term_is_atom(node) || !term_is_atom(m) || !term_is_atom(f) || !is_proper_list(a)) return proc_badarg(p);
    if (node == ATOM_nonode_nohost && !is_proper_list(opts)) return proc_badarg(p);
    return spawn_request(p, node, m, f, a, opts);
}

static Term request_fun(Process *p, Term node, Term fun, Term opts)
{
    Term arity0[2] = {fun, term_make_small(0)};
    bool callable = bif_erlang_is_function_2(p, arity0) == ATOM_true;
    if (!callable && (!term_is_atom(node) || node == ATOM_nonode_nohost)) return proc_badarg(p);
    Term *cell = proc_alloc(p, 4);
    Term args = term_cons(cell, fun, term_cons(cell + 2, TERM_NIL, TERM_NIL));
    return request_mfa(p, node, ATOM_erlang, ATOM_apply, args, opts);
}

Term bif_erlang_spawn_request_1(Process *p, const Term *args)
{
    return request_fun(p, ATOM_nonode_nohost, args[0], TERM_NIL);
}

/* (Fun, Options) or (Node, Fun). */
Term bif_erlang_spawn_request_2(Process *p, const Term *args)
{
    if (term_is_fun(args[0])) return request_fun(p, ATOM_nonode_nohost, args[0], args[1]);
    return request_fun(p, args[0], args[1], TERM_NIL);
}

/* (Module, Function, Args) or (Node, Fun, Options). */
Term bif_erlang_spawn_request_3(Process *p, const Term *args)
{
    if (term_is_atom(args[0]) && term_is_atom(args[1]) && (term_is_list(args[2]) || term_is_nil(args[2])))
        return request_mfa(p, ATOM_nonode_nohost, args[0], args[1], args[2], TERM_NIL);
    return request_fun(p, args[0], args[1], args[2]);
}

/* (Node, Module, Function, Args) or (Module, Function, Args, Options). */
Term bif_erlang_spawn_request_4(Process *p, const Term *args)
{
    if (term_is_atom(args[2])) return request_mfa(p, args[0], args[1], args[2], args[3], TERM_NIL);
    return request_mfa(p, ATOM_nonode_nohost, args[0], args[1], args[2], args[3]);
}

Term bif_erlang_spawn_request_5(Process *p, const Term *args)
{
    return request_mfa(p, args[0], args[1], args[2], args[3], args[4]);
}

/* Local requests are answered at once, so none is ever pending. */
Term bif_erlang_spawn_request_abandon_1(Process *p, const Term *args)
{
    return term_is_ref(args[0]) ? ATOM_false : proc_badarg(p);
}
