/* proc_spawn.c — spawn/1,3, spawn_link/1,3, spawn_monitor/1,3 and
 * spawn_opt/2,4. Each costs one reduction plus the copy of its arguments. */
#include "bif/bif.h"

#include "atom/atom.h"
#include "bif/bif_util.h"
#include "bif/proc_heap.h"
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
