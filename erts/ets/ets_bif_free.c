/* ets_bif_free.c — the end of delete/1 and delete_all_objects/1: the objects
 * taken out of the table are freed FREE_SLICE at a time, and when more are
 * left the BIF traps to ets:'$free_continue'/1 and the process yields in
 * between. If the process dies meanwhile, the pile's resource frees the rest. */
#include <stdlib.h>

#include "bif/bif.h"
#include "bif/bif_reds.h"
#include "bif/bif_util.h"
#include "load/export.h"
#include "emu/receive.h"
#include "ets/ets_store.h"
#include "term/resource.h"

#define FREE_SLICE 20000

static void destroy_pile(void *data)
{
    EtsGarbage *g = data;
    while (!ets_garbage_free_some(g, SIZE_MAX, NULL)) {}
}
static const ResourceType pile_type = {"ets_garbage", destroy_pile};

/* One slice of g; result once g is empty, else a trap with {Pile, Result}.
 * pile is g's resource term, TERM_NONE while g is still the caller's. */
static Term free_slice(Process *p, EtsGarbage *g, Term pile, Term result)
{
    size_t n;
    bool done = ets_garbage_free_some(g, FREE_SLICE, &n);
    bif_charge_cells(p, n * 4);
    if (done) return result;
    if (pile == TERM_NONE) {
        EtsGarbage *kept = resource_alloc(&pile_type, sizeof *kept);
        if (!kept) { /* no memory for the pile: finish here */
            destroy_pile(g);
            return result;
        }
        *kept = *g;
        pile = resource_make_term(p, kept);
        resource_release(kept); /* the term holds it now */
    }
    static const Export *cont;
    if (!cont) cont = export_get(ATOM_ets, atom_from_cstr("$free_continue"), 1);
    Term state = bif_tuple2(p, pile, result);
    return proc_trap(p, cont, &state);
}

Term ets_free_detached(Process *p, EtsGarbage *g, Term result) { return free_slice(p, g, TERM_NONE, result); }

Term bif_ets_free_continue_1(Process *p, const Term *args)
{
    Term st = args[0];
    if (!term_is_tuple(st) || term_tuple_arity(st) != 2) return proc_badarg(p);
    const Term *e = term_tuple_elements(st);
    EtsGarbage *g = resource_from_term(e[0], &pile_type);
    if (!g) return proc_badarg(p);
    return free_slice(p, g, e[0], e[1]);
}
