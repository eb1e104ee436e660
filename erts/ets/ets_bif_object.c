/* ets_bif_object.c — the ETS BIFs on objects and keys: insert, insert_new,
 * lookup, lookup_element, member, delete, delete_object, take, update_counter,
 * update_element and deleting every object. Each works under one lock of the
 * table, so a list insert and an update are atomic for other processes. */
#include <stdlib.h>
#include <string.h>

#include "bif/bif.h"
#include "bif/bif_util.h"
#include "bif/numbers_int.h"
#include "ets/ets_store.h"
#include "term/compare.h"

/* An object the table can hold: a tuple with the key position in range. */
static bool fits(const EtsTable *t, Term obj) { return term_is_tuple(obj) && term_tuple_arity(obj) >= t->keypos; }

static bool all_fit(const EtsTable *t, Term objs)
{
    if (term_is_tuple(objs)) return fits(t, objs);
    for (; term_is_list(objs); objs = term_tail(objs))
        if (!fits(t, term_head(objs))) return false;
    return term_is_nil(objs);
}

static bool put(EtsTable *t, Term obj)
{
    EtsObject *o = ets_table_object(t, obj);
    if (!o) return false;
    ets_store_put(t, o);
    return true;
}

static Term insert(Process *p, const Term *args, bool only_new)
{
    EtsError err;
    EtsStripe *stripe = NULL;
    Term objs = args[1];
    /* one object is one key: a striped table takes only its stripe */
    bool one = term_is_tuple(objs) && term_tuple_arity(objs) >= 1;
    EtsTable *t = one ? ets_acquire_key(p, args[0], ETS_WRITE, term_tuple_element(objs, 1), &stripe, &err)
                      : ets_acquire(p, args[0], ETS_WRITE, &err);
    if (!t) return ets_raise(p, err);
    if (stripe && t->keypos != 1) {
        /* the stripe was chosen by element 1; take the whole table instead */
        ets_release_key(t, stripe);
        stripe = NULL;
        t = ets_acquire(p, args[0], ETS_WRITE, &err);
        if (!t) return ets_raise(p, err);
    }
    if (!all_fit(t, objs)) {
        ets_release_key(t, stripe);
        return ets_raise(p, ETS_BADARG);
    }
    if (only_new) {
        bool clash = false;
        if (term_is_tuple(objs)) clash = ets_store_lookup(t, term_tuple_element(objs, t->keypos)) != NULL;
        for (Term l = objs; !clash && term_is_list(l); l = term_tail(l))
            clash = ets_store_lookup(t, term_tuple_element(term_head(l), t->keypos)) != NULL;
        if (clash) {
            ets_release_key(t, stripe);
            return ATOM_false;
        }
    }
    bool ok = true;
    if (term_is_tuple(objs)) ok = put(t, objs);
    for (Term l = objs; ok && term_is_list(l); l = term_tail(l)) ok = put(t, term_head(l));
    ets_release_key(t, stripe);
    if (!ok) return proc_error(p, ATOM_system_limit);
    return ATOM_true;
}

Term bif_ets_insert_2(Process *p, const Term *args) { return insert(p, args, false); }
Term bif_ets_insert_new_2(Process *p, const Term *args) { return insert(p, args, true); }

/* The objects of key, in the table's order. */
static Term objects_of(Process *p, const EtsTable *t, Term key)
{
    const EtsObject *o = ets_store_lookup(t, key);
    if (!o) return TERM_NIL;
    if (!ets_is_bag(t)) return ets_object_cons(p, o, TERM_NIL);
    size_t n = 0;
    for (const EtsObject *q = o; q; q = ets_store_next_same(t, q)) n++;
    const EtsObject **all = malloc(n * sizeof *all);
    if (!all) abort();
    n = 0;
    for (const EtsObject *q = o; q; q = ets_store_next_same(t, q)) all[n++] = q;
    Term list = TERM_NIL;
    while (n > 0) list = ets_object_cons(p, all[--n], list);
    free(all);
    return list;
}

Term bif_ets_lookup_2(Process *p, const Term *args)
{
    EtsError err;
    EtsStripe *stripe;
    EtsTable *t = ets_acquire_key(p, args[0], ETS_READ, args[1], &stripe, &err);
    if (!t) return ets_raise(p, err);
    Term r = objects_of(p, t, args[1]);
    ets_release_key(t, stripe);
    return r;
}

Term bif_ets_member_2(Process *p, const Term *args)
{
    EtsError err;
    EtsStripe *stripe;
    EtsTable *t = ets_acquire_key(p, args[0], ETS_READ, args[1], &stripe, &err);
    if (!t) return ets_raise(p, err);
    bool found = ets_store_lookup(t, args[1]) != NULL;
    ets_release_key(t, stripe);
    return found ? ATOM_true : ATOM_false;
}

Term bif_ets_lookup_element_3(Process *p, const Term *args)
{
    if (!term_is_small(args[2]) || term_small_value(args[2]) < 1) return ets_raise(p, ETS_BADARG);
    UInt pos = (UInt)term_small_value(args[2]);
    EtsError err;
    EtsStripe *stripe;
    EtsTable *t = ets_acquire_key(p, args[0], ETS_READ, args[1], &stripe, &err);
    if (!t) return ets_raise(p, err);
    const EtsObject *o = ets_store_lookup(t, args[1]);
    if (!o) {
        ets_release_key(t, stripe);
        return ets_raise(p, ETS_ERR_BADKEY);
    }
    for (const EtsObject *q = o; q; q = ets_store_next_same(t, q))
        if (term_tuple_arity(q->tuple) < pos) {
            ets_release_key(t, stripe);
            return ets_raise(p, ETS_BADARG);
        }
    Term r;
    if (!ets_is_bag(t)) {
        r = ets_copy_to_process(p, term_tuple_element(o->tuple, pos));
    } else {
        Term objs = objects_of(p, t, args[1]);
        r = TERM_NIL;
        Term *tail = &r;
        for (; term_is_list(objs); objs = term_tail(objs)) {
            Term *cell = proc_alloc(p, 2);
            *tail = term_cons(cell, term_tuple_element(term_head(objs), pos), TERM_NIL);
            tail = &cell[1];
        }
    }
    ets_release_key(t, stripe);
    return r;
}

Term bif_ets_delete_2(Process *p, const Term *args)
{
    EtsError err;
    EtsStripe *stripe;
    EtsTable *t = ets_acquire_key(p, args[0], ETS_WRITE, args[1], &stripe, &err);
    if (!t) return ets_raise(p, err);
    ets_store_delete_key(t, args[1]);
    ets_release_key(t, stripe);
    return ATOM_true;
}

Term bif_ets_delete_object_2(Process *p, const Term *args)
{
    EtsError err;
    EtsTable *t = ets_acquire(p, args[0], ETS_WRITE, &err);
    if (!t) return ets_raise(p, err);
    Term obj = args[1];
    if (!fits(t, obj)) {
        ets_release(t);
        return ets_raise(p, ETS_BADARG);
    }
    if (ets_is_hash(t)) {
        ets_hash_delete_object(t, obj);
    } else {
        const EtsObject *o = ets_tree_lookup(t, term_tuple_element(obj, t->keypos));
        if (o && term_eq_exact(o->tuple, obj)) ets_tree_delete_key(t, term_tuple_element(obj, t->keypos));
    }
    ets_release(t);
    return ATOM_true;
}

Term bif_ets_take_2(Process *p, const Term *args)
{
    EtsError err;
    EtsStripe *stripe;
    EtsTable *t = ets_acquire_key(p, args[0], ETS_WRITE, args[1], &stripe, &err);
    if (!t) return ets_raise(p, err);
    Term r = objects_of(p, t, args[1]);
    ets_store_delete_key(t, args[1]);
    ets_release_key(t, stripe);
    return r;
}

Term bif_ets_internal_delete_all_2(Process *p, const Term *args)
{
    EtsError err;
    EtsTable *t = ets_acquire(p, args[0], ETS_WRITE, &err);
    if (!t) return ets_raise(p, err);
    size_t n = t->count;
    EtsGarbage g;
    bool any = ets_store_detach(t, &g);
    ets_release(t);
    Term r = term_make_small((SInt)n);
    return any ? ets_free_detached(p, &g, r) : r;
}

/* ---- update_counter and update_element ---- */

/* A copy of the object's tuple on p's heap, to change elements of. */
static Term *working_copy(Process *p, const EtsObject *o)
{
    Term copy = ets_copy_to_process(p, o->tuple);
    return term_tuple_elements(copy) - 1; /* indexed from 1 */
}

/* One {Pos, Incr[, Threshold, SetValue]} (or a bare Incr) applied to elems;
 * the new value in *result. */
static EtsError apply_counter_op(Process *p, const EtsTable *t, Term *elems, UInt arity, Term op, Term *result)
{
    UInt pos = t->keypos + 1;
    Term incr = op, threshold = TERM_NONE, setvalue = TERM_NONE;
    if (term_is_tuple(op)) {
        UInt n = term_tuple_arity(op);
        if (n != 2 && n != 4) return ETS_BADARG;
        Term ps = term_tuple_element(op, 1);
        if (!term_is_small(ps) || term_small_value(ps) < 1) return ETS_BADARG;
        pos = (UInt)term_small_value(ps);
        incr = term_tuple_element(op, 2);
        if (n == 4) {
            threshold = term_tuple_element(op, 3);
            setvalue = term_tuple_element(op, 4);
            if (!term_is_integer(threshold) || !term_is_integer(setvalue)) return ETS_BADARG;
        }
    }
    if (!term_is_integer(incr)) return ETS_BADARG;
    if (pos == t->keypos) return ETS_ERR_KEYPOS;
    if (pos > arity) return ETS_ERR_POSITION;
    if (!term_is_integer(elems[pos])) return ETS_BADARG;
    Term v = num_int_add(p, elems[pos], incr);
    if (v == TERM_NONE) return ETS_BADARG;
    if (threshold != TERM_NONE) {
        bool up = term_compare(incr, term_make_small(0)) >= 0;
        int c = term_compare(v, threshold);
        if (up ? c > 0 : c < 0) v = setvalue;
    }
    elems[pos] = v;
    *result = v;
    return ETS_OK;
}

static Term update_counter(Process *p, const Term *args, Term deflt)
{
    EtsError err;
    EtsStripe *stripe;
    EtsTable *t = ets_acquire_key(p, args[0], ETS_WRITE, args[1], &stripe, &err);
    if (!t) return ets_raise(p, err);
    if (ets_is_bag(t)) {
        ets_release_key(t, stripe);
        return ets_raise(p, ETS_ERR_TABLE_TYPE);
    }
    const EtsObject *o = ets_store_lookup(t, args[1]);
    Term *elems;
    UInt arity;
    if (o) {
        elems = working_copy(p, o);
        arity = term_tuple_arity(o->tuple);
    } else if (deflt != TERM_NONE) {
        if (!fits(t, deflt)) {
            ets_release_key(t, stripe);
            return ets_raise(p, ETS_BADARG);
        }
        arity = term_tuple_arity(deflt);
        Term copy = bif_alloc_tuple(p, arity, &elems);
        memcpy(elems, term_tuple_elements(deflt), arity * sizeof(Term));
        (void)copy;
        elems--;
        elems[t->keypos] = args[1];
    } else {
        ets_release_key(t, stripe);
        return ets_raise(p, ETS_ERR_BADKEY);
    }
    Term ops = args[2], result = TERM_NIL, *tail = &result;
    bool many = term_is_list(ops) || term_is_nil(ops);
    err = ETS_OK;
    if (!many) {
        err = apply_counter_op(p, t, elems, arity, ops, &result);
    } else {
        for (; err == ETS_OK && term_is_list(ops); ops = term_tail(ops)) {
            Term v;
            err = apply_counter_op(p, t, elems, arity, term_head(ops), &v);
            if (err != ETS_OK) break;
            Term *cell = proc_alloc(p, 2);
            *tail = term_cons(cell, v, TERM_NIL);
            tail = &cell[1];
        }
        if (err == ETS_OK && !term_is_nil(ops)) err = ETS_BADARG;
    }
    if (err == ETS_OK && !put(t, term_make_boxed(elems))) err = ETS_BADARG;
    ets_release_key(t, stripe);
    return err == ETS_OK ? result : ets_raise(p, err);
}

Term bif_ets_update_counter_3(Process *p, const Term *args) { return update_counter(p, args, TERM_NONE); }
Term bif_ets_update_counter_4(Process *p, const Term *args) { return update_counter(p, args, args[3]); }

static EtsError apply_element_op(const EtsTable *t, Term *elems, UInt arity, Term op)
{
    if (!term_is_tuple(op) || term_tuple_arity(op) != 2) return ETS_BADARG;
    Term ps = term_tuple_element(op, 1);
    if (!term_is_small(ps) || term_small_value(ps) < 1) return ETS_BADARG;
    UInt pos = (UInt)term_small_value(ps);
    if (pos == t->keypos) return ETS_ERR_KEYPOS;
    if (pos > arity) return ETS_BADARG;
    elems[pos] = term_tuple_element(op, 2);
    return ETS_OK;
}

Term bif_ets_update_element_3(Process *p, const Term *args)
{
    EtsError err;
    EtsStripe *stripe;
    EtsTable *t = ets_acquire_key(p, args[0], ETS_WRITE, args[1], &stripe, &err);
    if (!t) return ets_raise(p, err);
    if (ets_is_bag(t)) {
        ets_release_key(t, stripe);
        return ets_raise(p, ETS_BADARG);
    }
    const EtsObject *o = ets_store_lookup(t, args[1]);
    Term ops = args[2];
    if (!o) {
        /* OTP still checks the shape of the changes first */
        bool shape = term_is_tuple(ops) || term_is_list(ops) || term_is_nil(ops);
        ets_release_key(t, stripe);
        return shape ? ATOM_false : ets_raise(p, ETS_BADARG);
    }
    Term *elems = working_copy(p, o);
    UInt arity = term_tuple_arity(o->tuple);
    err = ETS_OK;
    if (term_is_tuple(ops)) {
        err = apply_element_op(t, elems, arity, ops);
    } else {
        for (; err == ETS_OK && term_is_list(ops); ops = term_tail(ops))
            err = apply_element_op(t, elems, arity, term_head(ops));
        if (err == ETS_OK && !term_is_nil(ops)) err = ETS_BADARG;
    }
    if (err == ETS_OK && !put(t, term_make_boxed(elems))) err = ETS_BADARG;
    ets_release_key(t, stripe);
    return err == ETS_OK ? ATOM_true : ets_raise(p, err);
}
