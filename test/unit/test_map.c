/* test_map.c — maps: OTP's internal hash for HAMT placement, canonical tries
 * whatever the order of building, the flat/HAMT threshold both ways, and the
 * external format of large maps. Expected values come from OTP 25. */
#include <check.h>
#include <stdlib.h>

#include "check_run.h"
#include "atom/atom.h"
#include "load/export.h"
#include "proc/process.h"
#include "term/compare.h"
#include "term/binary.h"
#include "term/external.h"
#include "term/map.h"

static Process *p;

static void setup(void) { p = proc_new(0); }
static void teardown(void) { proc_free(p); }

static Term int_map(SInt from, SInt to)
{
    size_t n = (size_t)(to - from + 1);
    Term *kv = malloc(2 * n * sizeof *kv);
    for (size_t i = 0; i < n; i++) kv[i] = kv[n + i] = term_make_small(from + (SInt)i);
    Term m = map_from_pairs(p, kv, kv + n, n);
    free(kv);
    return m;
}

START_TEST(internal_hash_matches_otp)
{
    /* the HAMT nibbles OTP 25 shows for these integer keys */
    ck_assert_uint_eq(map_key_hash(term_make_small(16), 0), 0x4691da00u);
    ck_assert_uint_eq(map_key_hash(term_make_small(18), 0), 0x14313090u);
    ck_assert_uint_eq(map_key_hash(term_make_small(33), 0), 0x75cfb3ffu);
    /* 40660 and 59671 collide in all 32 bits; the second depth separates them */
    ck_assert_uint_eq(map_key_hash(term_make_small(40660), 0), map_key_hash(term_make_small(59671), 0));
    ck_assert_uint_eq(map_key_hash(term_make_small(40660), 1) & 15, 2);
    ck_assert_uint_eq(map_key_hash(term_make_small(59671), 1) & 15, 1);
}
END_TEST

START_TEST(threshold_both_ways)
{
    Term m32 = int_map(1, 32), m33 = int_map(1, 33);
    ck_assert(term_is_flatmap(m32));
    ck_assert(term_is_hashmap(m33));
    ck_assert_uint_eq(map_size(m33), 33);
    Term grown = map_put(p, m32, term_make_small(33), term_make_small(33));
    ck_assert(term_is_hashmap(grown));
    ck_assert(term_eq_exact(grown, m33));
    Term shrunk = map_remove(p, m33, term_make_small(33));
    ck_assert(term_is_flatmap(shrunk));
    ck_assert(term_eq_exact(shrunk, m32));
    ck_assert(map_remove(p, m33, term_make_small(99)) == m33);
}
END_TEST

START_TEST(tries_are_canonical)
{
    Term built = int_map(1, 2000);
    Term m = map_from_pairs(p, NULL, NULL, 0);
    for (SInt k = 3000; k >= 1; k--) m = map_put(p, m, term_make_small(k), term_make_small(k));
    for (SInt k = 2001; k <= 3000; k++) m = map_remove(p, m, term_make_small(k));
    ck_assert_uint_eq(map_size(m), 2000);
    ck_assert(term_eq_exact(m, built));
    /* the walk starts with OTP's first key for 1..60 */
    MapIter it;
    Term k, v;
    map_iter_init(&it, int_map(1, 60));
    ck_assert(map_iter_next(&it, &k, &v));
    ck_assert_int_eq(term_small_value(k), 16);
    map_iter_free(&it);
    for (SInt i = 1; i <= 2000; i++) {
        const Term *got = map_get(built, term_make_small(i));
        ck_assert_ptr_nonnull(got);
        ck_assert(*got == term_make_small(i));
    }
    ck_assert_ptr_null(map_get(built, term_make_small(2001)));
}
END_TEST

START_TEST(external_format_round_trip)
{
    Term m = int_map(1, 5000);
    Term bin = ext_term_to_binary(p, m);
    ck_assert(bin != TERM_NONE);
    BinView v;
    ck_assert(binary_view(bin, &v));
    Term back = ext_binary_to_term(p, v.bytes + v.bit_off / 8, v.bit_size / 8);
    ck_assert(back != TERM_NONE);
    ck_assert(term_is_hashmap(back));
    ck_assert(term_eq_exact(back, m));
}
END_TEST

int main(void)
{
    atom_table_init(0);
    export_table_init();
    Suite *s = suite_create("map");
    TCase *tc = tcase_create("map");
    tcase_set_timeout(tc, 60);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, internal_hash_matches_otp);
    tcase_add_test(tc, threshold_both_ways);
    tcase_add_test(tc, tries_are_canonical);
    tcase_add_test(tc, external_format_round_trip);
    suite_add_tcase(s, tc);
    return check_run(s);
}
