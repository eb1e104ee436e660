/* internal_terms.c — erts_internal functions that look at how a term is
 * stored: term_type/1 (the storage kinds OTP names), map_to_tuple_keys/1
 * and map_hashmap_children/1 (a flat map's keys tuple, a trie node's
 * children), and get_creation/0. One reduction each. */
#include "bif/bif.h"

#include "atom/atom.h"
#include "bif/bif_util.h"
#include "term/boxed.h"
#include "term/map.h"

static const char *boxed_type(Term t)
{
    switch (header_tag(term_boxed_header(t))) {
    case HDR_TUPLE: return "tuple";
    case HDR_POS_BIG:
    case HDR_NEG_BIG: return "bignum";
    case HDR_REF: return "reference";
    case HDR_FUN: return "fun";
    case HDR_FLOAT: return "hfloat";
    case HDR_EXPORT: return "export";
    case HDR_REFC_BIN: return "refc_binary";
    case HDR_HEAP_BIN: return "heap_binary";
    case HDR_SUB_BIN: return "sub_binary";
    case HDR_MAP: return "flatmap";
    case HDR_HASHMAP: return hamt_is_head(t) ? "hashmap" : "hashmap_node";
    case HDR_EXT_PID: return "external_pid";
    case HDR_EXT_PORT: return "external_port";
    case HDR_EXT_REF: return "external_reference";
    default: return NULL; /* match contexts never reach Erlang code */
    }
}

Term bif_erts_internal_term_type_1(Process *p, const Term *args)
{
    Term t = args[0];
    const char *type = NULL;
    if (term_is_small(t)) type = "fixnum";
    else if (term_is_atom(t)) type = "atom";
    else if (term_is_nil(t)) type = "nil";
    else if (term_is_list(t)) type = "list";
    else if (term_is_local_pid(t)) type = "pid";
    else if (term_is_local_port(t)) type = "port";
    else if (term_is_boxed(t)) type = boxed_type(t);
    return type ? atom_from_cstr(type) : bif_not_implemented(p, "term_type");
}

/* A flat map's keys tuple; badarg for a larger map, {badmap, T} for others. */
Term bif_erts_internal_map_to_tuple_keys_1(Process *p, const Term *args)
{
    Term m = args[0];
    if (term_is_flatmap(m)) return flatmap_keys_tuple(m);
    if (term_is_map(m)) return proc_badarg(p);
    return proc_error2(p, ATOM_badmap, m);
}

/* The children of a trie map or of one of its nodes, in slot order: nodes
 * (term_type hashmap_node) and [Key|Value] leaves; badarg for a flat map,
 * {badmap, T} for others. */
Term bif_erts_internal_map_hashmap_children_1(Process *p, const Term *args)
{
    Term m = args[0];
    if (!term_is_map(m)) return proc_error2(p, ATOM_badmap, m);
    if (!term_is_boxed_tag(m, HDR_HASHMAP)) return proc_badarg(p);
    return bif_array_to_list(p, hamt_children(m), hamt_nchildren(m), TERM_NIL);
}

/* The node's creation while distributed; this node is not. */
Term bif_erts_internal_get_creation_0(Process *p, const Term *args) { return ATOM_undefined; }
