/* test_term_phash.c — erlang:phash2/1,2 against the values OTP 25 computes,
 * and term_size/term_copy (deep copies hash and compare like the original). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>

#include "check_run.h"
#include "atom/atom.h"
#include "load/export.h"
#include "load/module.h"
#include "term/compare.h"
#include "term/copy.h"
#include "term/phash.h"
#include "test_term_cases.h"
#include "test_term_support.h"

START_TEST(matches_otp_for_all_cases)
{
    int failures = 0;
    for (size_t i = 0; i < TERM_CASE_COUNT; i++) {
        const TermCase *c = &TERM_CASES[i];
        Term t = decode_bytes(c->ext, c->ext_len);
        uint32_t h = term_phash2(t), r = term_phash2_range(t, 1000), full = term_phash2_range(t, UINT64_C(1) << 32);
        if (h != c->phash2 || r != c->phash2_1000 || full != c->phash2_2_32) {
            fprintf(stderr, "case %zu (%s): expected %u/%u/%u, got %u/%u/%u\n", i, c->display, c->phash2, c->phash2_1000,
                    c->phash2_2_32, h, r, full);
            failures++;
        }
    }
    free_decoded();
    ck_assert_int_eq(failures, 0);
}
END_TEST

START_TEST(long_list_hashes_without_recursion)
{
    enum { N = 1000000 };
    Term *mem = malloc(2 * N * sizeof(Term));
    /* erlang:phash2(lists:seq(1, 1000000)) and a million nested lists */
    ck_assert_uint_eq(term_phash2(make_int_list(mem, N, 1)), 54897218u);
    ck_assert_uint_eq(term_phash2(make_nested_list(mem, N)), 31031606u);
    free(mem);
}
END_TEST

START_TEST(copies_are_equal_and_exactly_sized)
{
    int failures = 0;
    for (size_t i = 0; i < TERM_CASE_COUNT; i++) {
        Term t = decode_bytes(TERM_CASES[i].ext, TERM_CASES[i].ext_len);
        size_t words = term_size(t);
        Term *mem = malloc((words + 1) * sizeof(Term));
        mem[words] = 0xdeadbeef;
        Term *hp = mem;
        Term c = term_copy(t, &hp);
        if ((size_t)(hp - mem) != words || mem[words] != 0xdeadbeef || !term_eq_exact(t, c) ||
            term_phash2(c) != TERM_CASES[i].phash2)
            failures++;
        free(mem);
    }
    free_decoded();
    ck_assert_int_eq(failures, 0);
}
END_TEST

START_TEST(copy_of_a_long_list)
{
    enum { N = 1000000 };
    Term *mem = malloc(2 * N * sizeof(Term)), *to = malloc(2 * N * sizeof(Term));
    Term l = make_int_list(mem, N, 0);
    ck_assert_uint_eq(term_size(l), 2 * N);
    Term *hp = to;
    Term c = term_copy(l, &hp);
    ck_assert_ptr_eq(hp, to + 2 * N);
    ck_assert(term_eq_exact(l, c));
    Term d = make_nested_list(mem, N);
    hp = to;
    c = term_copy(d, &hp);
    ck_assert(term_eq_exact(d, c));
    ck_assert_uint_eq(term_size(term_make_small(3)), 0);
    free(mem);
    free(to);
}
END_TEST

/* Closures of funs:mk/2 (X = 5, Y = {a, "b"}) with OTP's values:
 * mk(X, Y) -> [fun() -> X end, fun(Z) -> {Z, X, Y} end, fun() -> ok end]. */
START_TEST(closures_hash_like_otp)
{
    Module m = {.name = atom_from_cstr("funs")};
    FunEntry f0 = {.module = &m, .index = 0, .old_uniq = 46629003, .num_free = 1};
    FunEntry f1 = {.module = &m, .index = 1, .old_uniq = 46629003, .num_free = 2};
    FunEntry f2 = {.module = &m, .index = 2, .old_uniq = 46629003};
    Term str[4], y[3];
    Term b = term_cons(&str[0], term_make_small('b'), TERM_NIL);
    y[0] = header_make(HDR_TUPLE, 2), y[1] = atom_from_cstr("a"), y[2] = b;
    Term c0[4] = {header_make(HDR_FUN, 3), (Term)(uintptr_t)&f0, term_make_pid(0), term_make_small(5)};
    Term c1[5] = {header_make(HDR_FUN, 4), (Term)(uintptr_t)&f1, term_make_pid(0), term_make_small(5), term_make_boxed(y)};
    Term c2[3] = {header_make(HDR_FUN, 2), (Term)(uintptr_t)&f2, term_make_pid(0)};
    ck_assert_uint_eq(term_phash2(term_make_boxed(c0)), 97778913u);
    ck_assert_uint_eq(term_phash2(term_make_boxed(c1)), 102925014u);
    ck_assert_uint_eq(term_phash2(term_make_boxed(c2)), 28075308u);
    Term l[4];
    Term pair = term_cons(&l[0], term_make_boxed(c1), term_cons(&l[2], term_make_boxed(c1), TERM_NIL));
    ck_assert_uint_eq(term_phash2(pair), 45951419u);
}
END_TEST

int main(void)
{
    atom_table_init(0);
    export_table_init();
    Suite *s = suite_create("term_phash");
    TCase *tc = tcase_create("phash");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, matches_otp_for_all_cases);
    tcase_add_test(tc, long_list_hashes_without_recursion);
    tcase_add_test(tc, copies_are_equal_and_exactly_sized);
    tcase_add_test(tc, copy_of_a_long_list);
    tcase_add_test(tc, closures_hash_like_otp);
    suite_add_tcase(s, tc);
    return check_run(s);
}
