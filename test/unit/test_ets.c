/* test_ets.c — the ETS stores: the AVL tree of ordered_set (order, balance,
 * key equality by ==) and the hash table of set/bag/duplicate_bag (growth,
 * bag rules, scans that resume and delete). */
#include <check.h>
#include <stdlib.h>

#include "check_run.h"
#include "atom/atom.h"
#include "ets/ets_store.h"

/* {Key, Value} with small integers, in words the test owns. */
static Term pair(Term *mem, Term key, SInt value)
{
    mem[0] = header_make(HDR_TUPLE, 2);
    mem[1] = key;
    mem[2] = term_make_small(value);
    return term_make_boxed(mem);
}

static EtsTable *new_table(EtsType type)
{
    EtsTable *t = calloc(1, sizeof *t);
    t->type = type;
    t->keypos = 1;
    if (ets_is_hash(t)) ets_hash_init(t);
    else ets_tree_init(t);
    return t;
}

static void free_table(EtsTable *t)
{
    t->dead = true;
    ets_table_clear(t);
    free(t);
}

static void put(EtsTable *t, Term key, SInt value)
{
    Term mem[3];
    ets_store_put(t, ets_table_object(t, pair(mem, key, value)));
}

/* Checks the AVL invariants below o and returns the subtree's height. */
static int checked_height(const EtsObject *o)
{
    if (!o) return 0;
    int l = checked_height(o->link[0]), r = checked_height(o->link[1]);
    ck_assert_int_le(abs(l - r), 1);
    int h = (l > r ? l : r) + 1;
    ck_assert_int_eq(o->height, h);
    return h;
}

typedef struct Walk {
    SInt last;
    size_t seen;
    bool sorted;
    size_t stop_every;
    SInt delete_below;
} Walk;

static int visit_sorted(void *ctx, const EtsObject *o)
{
    Walk *w = ctx;
    SInt k = term_small_value(o->key);
    if (w->seen > 0 && k <= w->last) w->sorted = false;
    w->last = k;
    w->seen++;
    int flags = ETS_VISIT_NEXT;
    if (k < w->delete_below) flags |= ETS_VISIT_DELETE;
    if (w->stop_every && w->seen % w->stop_every == 0) flags |= ETS_VISIT_STOP;
    return flags;
}

START_TEST(tree_keeps_order_and_balance)
{
    EtsTable *t = new_table(ETS_ORDERED_SET);
    unsigned seed = 12345;
    for (int i = 0; i < 20000; i++) {
        seed = seed * 1103515245u + 12345u;
        put(t, term_make_small((SInt)(seed % 5000)), i);
    }
    ck_assert_uint_le(t->count, 5000);
    ck_assert_int_le(checked_height(t->store.tree.root), 18);
    Walk w = {.sorted = true, .delete_below = SMALL_MIN};
    EtsCursor c = {0};
    ck_assert(ets_tree_scan(t, &c, false, visit_sorted, &w));
    ck_assert(w.sorted);
    ck_assert_uint_eq(w.seen, t->count);
    /* deletion keeps the invariants */
    size_t before = t->count;
    size_t gone = 0;
    for (SInt k = 0; k < 5000; k += 2) gone += ets_tree_delete_key(t, term_make_small(k));
    ck_assert_uint_eq(t->count, before - gone);
    checked_height(t->store.tree.root);
    ck_assert_ptr_null(ets_tree_lookup(t, term_make_small(2)));
    free_table(t);
}
END_TEST

START_TEST(tree_neighbours_and_positions)
{
    EtsTable *t = new_table(ETS_ORDERED_SET);
    for (SInt k = 10; k <= 100; k += 10) put(t, term_make_small(k), k);
    ck_assert_int_eq(term_small_value(ets_tree_next(t, term_make_small(10))->key), 20);
    ck_assert_int_eq(term_small_value(ets_tree_next(t, term_make_small(15))->key), 20);
    ck_assert_int_eq(term_small_value(ets_tree_prev(t, term_make_small(15))->key), 10);
    ck_assert_ptr_null(ets_tree_next(t, term_make_small(100)));
    ck_assert_ptr_null(ets_tree_prev(t, term_make_small(10)));
    ck_assert_int_eq(term_small_value(ets_tree_nth(t, 3)->key), 40);
    ck_assert_ptr_null(ets_tree_nth(t, 10));
    /* a scan resumed after a key goes on from the next one, both ways */
    Walk w = {.sorted = true, .delete_below = SMALL_MIN};
    EtsCursor c = {.has_key = true, .key = term_make_small(55)};
    ets_tree_scan(t, &c, false, visit_sorted, &w);
    ck_assert_uint_eq(w.seen, 5);
    Walk back = {.sorted = true, .delete_below = SMALL_MIN};
    EtsCursor c2 = {.has_key = true, .key = term_make_small(55)};
    ets_tree_scan(t, &c2, true, visit_sorted, &back);
    ck_assert_uint_eq(back.seen, 5);
    ck_assert(!back.sorted); /* descending */
    free_table(t);
}
END_TEST

/* The nearest key beyond k on side d among 0..LIMIT-1, by lookups only. */
#define LIMIT 3000
static SInt brute_neighbour(const EtsTable *t, SInt k, int d)
{
    for (SInt i = d ? k + 1 : k - 1; i >= 0 && i < LIMIT; i += d ? 1 : -1)
        if (ets_tree_lookup(t, term_make_small(i))) return i;
    return -1;
}

START_TEST(tree_walks_step_through_changes)
{
    /* next/prev steps from the remembered path must agree with lookups, also
     * when the tree changes between two steps */
    EtsTable *t = new_table(ETS_ORDERED_SET);
    for (SInt k = 0; k < LIMIT; k += 3) put(t, term_make_small(k), k);
    unsigned seed = 99;
    for (int d = 1; d >= 0; d--) {
        const EtsObject *o = d ? ets_tree_first(t) : ets_tree_last(t);
        size_t steps = 0;
        while (o) {
            SInt k = term_small_value(o->key);
            seed = seed * 1103515245u + 12345u;
            SInt other = (SInt)(seed % LIMIT);
            if (seed % 7 == 0) put(t, term_make_small(other), 0);
            else if (seed % 7 == 1 && other != k) ets_tree_delete_key(t, term_make_small(other));
            SInt want = brute_neighbour(t, k, d);
            o = d ? ets_tree_next(t, term_make_small(k)) : ets_tree_prev(t, term_make_small(k));
            ck_assert_int_eq(o ? term_small_value(o->key) : -1, want);
            steps++;
        }
        ck_assert_uint_gt(steps, 500);
    }
    checked_height(t->store.tree.root);
    /* a step from a key that is not the remembered one descends */
    put(t, term_make_small(1500), 0);
    ck_assert_int_eq(term_small_value(ets_tree_next(t, term_make_small(1500))->key), brute_neighbour(t, 1500, 1));
    ck_assert_int_eq(term_small_value(ets_tree_prev(t, term_make_small(1500))->key), brute_neighbour(t, 1500, 0));
    free_table(t);
}
END_TEST

START_TEST(detached_objects_are_freed_in_slices)
{
    EtsType types[] = {ETS_ORDERED_SET, ETS_SET, ETS_DUPLICATE_BAG};
    for (size_t i = 0; i < sizeof types / sizeof *types; i++) {
        EtsTable *t = new_table(types[i]);
        for (SInt k = 0; k < 5000; k++) put(t, term_make_small(k), k);
        EtsGarbage g;
        ck_assert(ets_store_detach(t, &g));
        ck_assert_uint_eq(t->count, 0);
        ck_assert_ptr_null(ets_store_lookup(t, term_make_small(7)));
        put(t, term_make_small(7), 1); /* the table is usable at once */
        ck_assert_uint_eq(t->count, 1);
        size_t total = 0, slices = 0, n;
        while (!ets_garbage_free_some(&g, 100, &n)) {
            ck_assert_uint_le(n, 100);
            total += n;
            slices++;
        }
        total += n;
        ck_assert_uint_eq(total, 5000);
        ck_assert_uint_ge(slices, 49);
        free_table(t);
        EtsTable *empty = new_table(types[i]);
        ck_assert(!ets_store_detach(empty, &g));
        free_table(empty);
    }
}
END_TEST

START_TEST(tree_integer_and_float_keys_collide)
{
    EtsTable *t = new_table(ETS_ORDERED_SET);
    Term f[FLOAT_WORDS];
    put(t, term_make_small(1), 1);
    put(t, term_make_float(f, 1.0), 2);
    ck_assert_uint_eq(t->count, 1);
    const EtsObject *o = ets_tree_lookup(t, term_make_small(1));
    ck_assert(term_is_float(o->key));
    free_table(t);
}
END_TEST

START_TEST(hash_grows_and_finds_everything)
{
    EtsTable *t = new_table(ETS_SET);
    size_t n0 = t->store.hash.nbuckets;
    for (SInt k = 0; k < 10000; k++) put(t, term_make_small(k * 7919), k);
    ck_assert_uint_eq(t->count, 10000);
    ck_assert_uint_gt(t->store.hash.nbuckets, n0);
    ck_assert_uint_ge(t->store.hash.nbuckets, t->count);
    for (SInt k = 0; k < 10000; k++) {
        const EtsObject *o = ets_hash_lookup(t, term_make_small(k * 7919));
        ck_assert_ptr_nonnull(o);
        ck_assert_int_eq(term_small_value(term_tuple_element(o->tuple, 2)), k);
    }
    put(t, term_make_small(0), 99); /* a set replaces */
    ck_assert_uint_eq(t->count, 10000);
    ck_assert_uint_eq(ets_hash_delete_key(t, term_make_small(0)), 1);
    ck_assert_ptr_null(ets_hash_lookup(t, term_make_small(0)));
    free_table(t);
}
END_TEST

START_TEST(bags_keep_insertion_order)
{
    EtsTable *b = new_table(ETS_BAG), *d = new_table(ETS_DUPLICATE_BAG);
    SInt values[] = {3, 1, 3, 2};
    for (int i = 0; i < 4; i++) {
        put(b, term_make_small(5), values[i]);
        put(d, term_make_small(5), values[i]);
    }
    ck_assert_uint_eq(b->count, 3); /* the second {5,3} is the same object */
    ck_assert_uint_eq(d->count, 4);
    SInt want_bag[] = {3, 1, 2};
    int i = 0;
    for (const EtsObject *o = ets_hash_lookup(b, term_make_small(5)); o; o = ets_hash_next_same(b, o))
        ck_assert_int_eq(term_small_value(term_tuple_element(o->tuple, 2)), want_bag[i++]);
    ck_assert_int_eq(i, 3);
    Term mem[3];
    ck_assert_uint_eq(ets_hash_delete_object(d, pair(mem, term_make_small(5), 3)), 2);
    ck_assert_uint_eq(d->count, 2);
    free_table(b);
    free_table(d);
}
END_TEST

START_TEST(hash_scan_resumes_and_deletes)
{
    EtsTable *t = new_table(ETS_SET);
    for (SInt k = 0; k < 1000; k++) put(t, term_make_small(k), k);
    /* in chunks of 7: every object once */
    Walk w = {.stop_every = 7, .delete_below = SMALL_MIN};
    EtsCursor c = {0};
    int chunks = 0;
    while (!ets_hash_scan(t, &c, visit_sorted, &w)) chunks++;
    ck_assert_uint_eq(w.seen, 1000);
    ck_assert_int_ge(chunks, 1000 / 7 - 1);
    /* deleting as it goes */
    Walk del = {.delete_below = 500};
    EtsCursor c2 = {0};
    ck_assert(ets_hash_scan(t, &c2, visit_sorted, &del));
    ck_assert_uint_eq(t->count, 500);
    ck_assert_ptr_null(ets_hash_lookup(t, term_make_small(499)));
    ck_assert_ptr_nonnull(ets_hash_lookup(t, term_make_small(500)));
    free_table(t);
}
END_TEST

int main(void)
{
    atom_table_init(0);
    Suite *s = suite_create("ets");
    TCase *tc = tcase_create("stores");
    tcase_add_test(tc, tree_keeps_order_and_balance);
    tcase_add_test(tc, tree_neighbours_and_positions);
    tcase_add_test(tc, tree_walks_step_through_changes);
    tcase_add_test(tc, detached_objects_are_freed_in_slices);
    tcase_add_test(tc, tree_integer_and_float_keys_collide);
    tcase_add_test(tc, hash_grows_and_finds_everything);
    tcase_add_test(tc, bags_keep_insertion_order);
    tcase_add_test(tc, hash_scan_resumes_and_deletes);
    suite_add_tcase(s, tc);
    return check_run(s);
}
