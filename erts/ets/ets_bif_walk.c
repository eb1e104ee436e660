/* ets_bif_walk.c — walking a table key by key: first, next, last, prev and
 * slot. ordered_set walks in term order from any key, present or not; hash
 * tables walk in bucket order from a key that is in the table (badarg
 * otherwise, as OTP). */
#include "bif/bif.h"
#include "bif/bif_util.h"
#include "ets/ets_store.h"

static Term key_or_end(Process *p, const EtsTable *t, const EtsObject *o)
{
    return o ? ets_copy_to_process(p, o->key) : ATOM_end_of_table;
}

/* errors: the module that explains the caller's errors (ets or erts_internal). */
static Term walk_start(Process *p, Term id, bool last, Term errors)
{
    EtsError err;
    EtsTable *t = ets_acquire(p, id, ETS_READ, &err);
    if (!t) return ets_raise_from(p, err, errors);
    const EtsObject *o = ets_is_hash(t) ? ets_hash_first(t) : last ? ets_tree_last(t) : ets_tree_first(t);
    Term r = key_or_end(p, t, o);
    ets_release(t);
    return r;
}

static Term walk_step(Process *p, Term id, Term key, bool back, Term errors)
{
    EtsError err;
    EtsTable *t = ets_acquire(p, id, ETS_READ, &err);
    if (!t) return ets_raise_from(p, err, errors);
    const EtsObject *o;
    if (ets_is_hash(t)) {
        bool found;
        o = ets_hash_next(t, key, &found);
        if (!found) {
            ets_release(t);
            return ets_raise_from(p, ETS_BADARG, errors);
        }
    } else {
        o = back ? ets_tree_prev(t, key) : ets_tree_next(t, key);
    }
    Term r = key_or_end(p, t, o);
    ets_release(t);
    return r;
}

#define STDLIB ATOM_erl_stdlib_errors
Term bif_ets_first_1(Process *p, const Term *args) { return walk_start(p, args[0], false, STDLIB); }
Term bif_ets_last_1(Process *p, const Term *args) { return walk_start(p, args[0], true, STDLIB); }
Term bif_ets_next_2(Process *p, const Term *args) { return walk_step(p, args[0], args[1], false, STDLIB); }
Term bif_ets_prev_2(Process *p, const Term *args) { return walk_step(p, args[0], args[1], true, STDLIB); }

/* erts_internal's walks in storage order, used by its ets_info_binary/1; the
 * same as first/next here. */
Term bif_erts_internal_ets_raw_first_1(Process *p, const Term *args)
{
    return walk_start(p, args[0], false, ATOM_erl_erts_errors);
}
Term bif_erts_internal_ets_raw_next_2(Process *p, const Term *args)
{
    return walk_step(p, args[0], args[1], false, ATOM_erl_erts_errors);
}

/* slot/2: a hash table's bucket I, or an ordered_set's I-th object; one past
 * the end is '$end_of_table', beyond that badarg. */
Term bif_ets_slot_2(Process *p, const Term *args)
{
    if (!term_is_small(args[1]) || term_small_value(args[1]) < 0) return ets_raise(p, ETS_BADARG);
    size_t i = (size_t)term_small_value(args[1]);
    EtsError err;
    EtsTable *t = ets_acquire(p, args[0], ETS_READ, &err);
    if (!t) return ets_raise(p, err);
    Term r = TERM_NIL;
    if (ets_is_hash(t)) {
        size_t n = t->store.hash.nbuckets;
        if (i > n) r = TERM_NONE;
        else if (i == n) r = ATOM_end_of_table;
        else
            for (const EtsObject *o = t->store.hash.buckets[i]; o; o = o->link[0]) r = ets_object_cons(p, o, r);
        if (i < n) {
            /* the chain was consed back to front */
            Term rev = TERM_NIL;
            for (; term_is_list(r); r = term_tail(r)) rev = term_cons(proc_alloc(p, 2), term_head(r), rev);
            r = rev;
        }
    } else {
        if (i > t->count) r = TERM_NONE;
        else if (i == t->count) r = ATOM_end_of_table;
        else r = ets_object_cons(p, ets_tree_nth(t, i), TERM_NIL);
    }
    ets_release(t);
    return r == TERM_NONE ? ets_raise(p, ETS_BADARG) : r;
}
