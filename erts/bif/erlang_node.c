/* erlang_node.c — the node functions of a node that is not distributed, as
 * OTP 25 answers them before net_kernel starts: is_alive/0 is false,
 * nodes/0,1,2 know only this node, get_cookie/0,1 give nocookie,
 * set_cookie/1,2 raise distribution_not_started, disconnect_node/1 is
 * ignored, and monitor_node/2,3 accept only the local node (any other raises
 * notalive); the distribution controller's functions find no handle.
 * Distribution itself (setnode/2,3) is a later step. Each costs one
 * reduction. */
#include "bif/bif.h"

#include "atom/atom.h"
#include "bif/bif_util.h"
#include "term/map.h"

Term bif_erlang_is_alive_0(Process *p, const Term *args) { return ATOM_false; }

Term bif_erlang_nodes_0(Process *p, const Term *args) { return TERM_NIL; }

/* io asks whether the node of a group leader takes unicode io requests: every
 * pid is local here, and this node does. */
Term bif_net_kernel_dflag_unicode_io_1(Process *p, const Term *args)
{
    return term_is_pid(args[0]) ? ATOM_true : proc_badarg(p);
}

/* Whether a nodes/1 type names this node; false for a bad type. */
static bool node_type(Term t, bool *this_node)
{
    if (t == ATOM_this || t == ATOM_known) {
        *this_node = true;
        return true;
    }
    *this_node = false;
    return t == ATOM_visible || t == ATOM_hidden || t == ATOM_connected;
}

/* An atom or a proper list of them; true in *this_node when one names this node. */
static bool node_types(Term arg, bool *this_node)
{
    bool one;
    if (term_is_atom(arg)) return node_type(arg, this_node);
    *this_node = false;
    for (; term_is_list(arg); arg = term_tail(arg)) {
        if (!node_type(term_head(arg), &one)) return false;
        *this_node |= one;
    }
    return term_is_nil(arg);
}

Term bif_erlang_nodes_1(Process *p, const Term *args)
{
    bool this_node;
    if (!node_types(args[0], &this_node)) return proc_badarg(p);
    return this_node ? term_cons(proc_alloc(p, 2), ATOM_nonode_nohost, TERM_NIL) : TERM_NIL;
}

/* nodes(Type, #{connection_id => boolean(), node_type => boolean()}): this
 * node comes with the info asked for (connection_id undefined, node_type this). */
Term bif_erlang_nodes_2(Process *p, const Term *args)
{
    bool this_node;
    Term opts = args[1];
    if (!node_types(args[0], &this_node) || !term_is_map(opts)) return proc_badarg(p);
    Term keys[2], values[2];
    size_t n = 0;
    MapIter it;
    Term k, v;
    bool ok = true;
    map_iter_init(&it, opts);
    while (ok && map_iter_next(&it, &k, &v)) {
        if ((k != ATOM_connection_id && k != ATOM_node_type) || (v != ATOM_true && v != ATOM_false))
            ok = false;
        else if (v == ATOM_true)
            keys[n] = k, values[n++] = k == ATOM_connection_id ? ATOM_undefined : ATOM_this;
    }
    map_iter_free(&it);
    if (!ok) return proc_badarg(p);
    if (!this_node) return TERM_NIL;
    Term info = map_from_pairs(p, keys, values, n);
    return term_cons(proc_alloc(p, 2), bif_tuple2(p, ATOM_nonode_nohost, info), TERM_NIL);
}

Term bif_erlang_get_cookie_0(Process *p, const Term *args) { return ATOM_nocookie; }

Term bif_erlang_get_cookie_1(Process *p, const Term *args)
{
    return term_is_atom(args[0]) ? ATOM_nocookie : proc_badarg(p);
}

Term bif_erlang_set_cookie_1(Process *p, const Term *args) { return proc_error(p, ATOM_distribution_not_started); }

/* OTP rejects the local node's own cookie with badarg. */
Term bif_erlang_set_cookie_2(Process *p, const Term *args)
{
    if (!term_is_atom(args[0]) || !term_is_atom(args[1]) || args[0] == ATOM_nonode_nohost) return proc_badarg(p);
    return proc_error(p, ATOM_distribution_not_started);
}

Term bif_erlang_disconnect_node_1(Process *p, const Term *args) { return ATOM_ignored; }

static Term monitor_node(Process *p, Term node, Term flag)
{
    if (!term_is_atom(node) || (flag != ATOM_true && flag != ATOM_false)) return proc_badarg(p);
    if (node != ATOM_nonode_nohost) return proc_error(p, ATOM_notalive);
    return ATOM_true; /* the local node never goes down while its processes run */
}

Term bif_erlang_monitor_node_2(Process *p, const Term *args) { return monitor_node(p, args[0], args[1]); }

Term bif_erlang_monitor_node_3(Process *p, const Term *args)
{
    Term o = args[2];
    for (; term_is_list(o); o = term_tail(o))
        if (term_head(o) != ATOM_allow_passive_connect) return proc_badarg(p);
    if (!term_is_nil(o)) return proc_badarg(p);
    return monitor_node(p, args[0], args[1]);
}

/* ---- the distribution controller's functions ------------------------------ */

/* They all take a distribution handle, which no node that is not alive can
 * have; OTP answers such a call with badarg or notsup. */
Term bif_erlang_dist_ctrl_notsup(Process *p, const Term *args) { return proc_error(p, ATOM_notsup); }
Term bif_erlang_dist_ctrl_bad_handle(Process *p, const Term *args) { return proc_badarg(p); }

/* setnode/2,3 make this node distributed: not yet possible. */
Term bif_erlang_setnode(Process *p, const Term *args) { return bif_not_implemented(p, "distribution"); }

/* net_kernel's node monitor; a node that is not alive answers true. */
Term bif_erlang_dmonitor_node_3(Process *p, const Term *args) { return ATOM_true; }
