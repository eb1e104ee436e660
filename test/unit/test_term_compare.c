/* test_term_compare.c — term order, == and =:= against a table OTP 25
 * computed, plus the exact integer/float edge and very long or deep terms. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>

#include "check_run.h"
#include "atom/atom.h"
#include "load/export.h"
#include "load/module.h"
#include "term/compare.h"
#include "test_term_cases.h"
#include "test_term_support.h"

static int sign(int x) { return x < 0 ? -1 : x > 0; }

START_TEST(matches_otp_table)
{
    Term t[CMP_TERM_COUNT];
    for (size_t i = 0; i < CMP_TERM_COUNT; i++) t[i] = decode_bytes(CMP_TERMS[i].ext, CMP_TERMS[i].ext_len);
    int failures = 0;
    for (size_t i = 0; i < CMP_TERM_COUNT; i++) {
        for (size_t j = 0; j < CMP_TERM_COUNT; j++) {
            char want = CMP_ORDER[i][j];
            int got = sign(term_compare(t[i], t[j]));
            char g = got < 0 ? '<' : got > 0 ? '>' : '=';
            bool exact = CMP_EXACT[i][j] == '1';
            if (g != want || term_eq(t[i], t[j]) != (want == '=') || term_eq_exact(t[i], t[j]) != exact) {
                fprintf(stderr, "pair %zu,%zu: want %c/%d got %c/%d\n", i, j, want, exact, g, term_eq_exact(t[i], t[j]));
                failures++;
            }
        }
    }
    free_decoded();
    ck_assert_int_eq(failures, 0);
}
END_TEST

START_TEST(integer_float_comparison_is_exact)
{
    Term f[FLOAT_WORDS];
    Term two53 = term_make_float(f, 9007199254740992.0);
    ck_assert_int_gt(term_compare(term_make_small(9007199254740993), two53), 0);
    ck_assert_int_eq(term_compare(term_make_small(9007199254740992), two53), 0);
    ck_assert(!term_eq_exact(term_make_small(9007199254740992), two53));
    ck_assert_int_lt(term_compare(term_make_small(9007199254740991), two53), 0);
    Term half = term_make_float(f, -0.5);
    ck_assert_int_gt(term_compare(term_make_small(0), half), 0);
    ck_assert_int_lt(term_compare(term_make_small(-1), half), 0);
    /* 2^64 as a bignum against 2^64 and its neighbours as floats */
    Term big[3] = {header_make(HDR_POS_BIG, 2), 0, 1};
    Term b = term_make_boxed(big);
    ck_assert_int_eq(term_compare(b, term_make_float(f, 18446744073709551616.0)), 0);
    ck_assert_int_lt(term_compare(b, term_make_float(f, 18446744073709555712.0)), 0);
    ck_assert_int_gt(term_compare(b, term_make_float(f, 18446744073709549568.0)), 0);
    ck_assert_int_lt(term_compare(b, term_make_float(f, 1e300)), 0);
    big[0] = header_make(HDR_NEG_BIG, 2);
    ck_assert_int_gt(term_compare(b, term_make_float(f, -1e300)), 0);
    ck_assert_int_lt(term_compare(b, term_make_float(f, -1.0)), 0);
}
END_TEST

START_TEST(long_and_deep_lists)
{
    enum { N = 1000000 };
    Term *a = malloc(2 * N * sizeof(Term)), *b = malloc(2 * N * sizeof(Term));
    Term la = make_int_list(a, N, 0), lb = make_int_list(b, N, 0);
    ck_assert_int_eq(term_compare(la, lb), 0);
    ck_assert(term_eq_exact(la, lb));
    b[2 * (N - 1)] = term_make_small(N); /* last element bigger */
    ck_assert_int_lt(term_compare(la, lb), 0);
    Term da = make_nested_list(a, N), db = make_nested_list(b, N);
    ck_assert(term_eq(da, db));
    b[0] = term_make_small(1); /* innermost [[]] becomes [1]: numbers sort before [] */
    ck_assert_int_gt(term_compare(da, db), 0);
    free(a);
    free(b);
}
END_TEST

START_TEST(funs_order_by_module_index_uniq_env)
{
    Module m = {.name = atom_from_cstr("m")};
    FunEntry f0 = {.module = &m, .index = 0, .old_uniq = 9}, f1 = {.module = &m, .index = 1, .old_uniq = 9};
    Term a[4] = {header_make(HDR_FUN, 3), (Term)(uintptr_t)&f0, term_make_pid(0), term_make_small(1)};
    Term b[4] = {header_make(HDR_FUN, 3), (Term)(uintptr_t)&f0, term_make_pid(0), term_make_small(2)};
    Term c[3] = {header_make(HDR_FUN, 2), (Term)(uintptr_t)&f1, term_make_pid(0)};
    Export *e = export_put(atom_from_cstr("a"), atom_from_cstr("b"), 0);
    Term x[2] = {header_make(HDR_EXPORT, 1), (Term)(uintptr_t)e};
    ck_assert_int_lt(term_compare(term_make_boxed(a), term_make_boxed(b)), 0);
    ck_assert_int_lt(term_compare(term_make_boxed(b), term_make_boxed(c)), 0);
    ck_assert_int_lt(term_compare(term_make_boxed(c), term_make_boxed(x)), 0);
    ck_assert_int_lt(term_compare(term_make_small(1), term_make_boxed(x)), 0);
    ck_assert_int_lt(term_compare(term_make_boxed(x), term_make_port(0)), 0);
}
END_TEST

int main(void)
{
    atom_table_init(0);
    export_table_init();
    Suite *s = suite_create("term_compare");
    TCase *tc = tcase_create("compare");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, matches_otp_table);
    tcase_add_test(tc, integer_float_comparison_is_exact);
    tcase_add_test(tc, long_and_deep_lists);
    tcase_add_test(tc, funs_order_by_module_index_uniq_env);
    suite_add_tcase(s, tc);
    return check_run(s);
}
