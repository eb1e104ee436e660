/* test_bif_arith.c — the arithmetic, comparison and number BIFs called
 * directly: small-integer edges, float results, and the exact error each
 * bad operand raises (badarith, badarg); results past the small range are
 * bignums (test_bignum.c checks their values). */
#include <check.h>
#include <math.h>
#include <stdlib.h>

#include "check_run.h"
#include "atom/atom.h"
#include "bif/bif.h"
#include "bif/bif_util.h"

static Process *p;

static void setup(void) { p = proc_new(0); }
static void teardown(void) { proc_free(p); }

static Term small(SInt v) { return term_make_small(v); }
static Term flt(double d) { return term_make_float(proc_alloc(p, FLOAT_WORDS), d); }

static Term call2(BifFn fn, Term a, Term b)
{
    Term args[2] = {a, b};
    return fn(p, args);
}
static Term call1(BifFn fn, Term a) { return fn(p, &a); }

static void assert_error(Term result, Term reason)
{
    ck_assert(result == TERM_NONE);
    ck_assert(p->fclass == ATOM_error);
    ck_assert(p->freason == reason);
}

/* A result past the small range comes back as a bignum, never wrapped. */
static void assert_bignum(Term result)
{
    ck_assert(result != TERM_NONE);
    ck_assert(term_is_bignum(result));
}

START_TEST(small_arithmetic)
{
    ck_assert(call2(bif_erlang_plus_2, small(2), small(3)) == small(5));
    ck_assert(call2(bif_erlang_minus_2, small(2), small(3)) == small(-1));
    ck_assert(call2(bif_erlang_times_2, small(-4), small(3)) == small(-12));
    ck_assert(call2(bif_erlang_div_2, small(-7), small(2)) == small(-3));
    ck_assert(call2(bif_erlang_rem_2, small(-7), small(2)) == small(-1));
    ck_assert(call2(bif_erlang_rem_2, small(7), small(-2)) == small(1));
    ck_assert(call2(bif_erlang_band_2, small(12), small(10)) == small(8));
    ck_assert(call2(bif_erlang_bor_2, small(12), small(10)) == small(14));
    ck_assert(call2(bif_erlang_bxor_2, small(12), small(10)) == small(6));
    ck_assert(call1(bif_erlang_bnot_1, small(5)) == small(-6));
    ck_assert(call1(bif_erlang_minus_1, small(5)) == small(-5));
    ck_assert(call2(bif_erlang_plus_2, small(SMALL_MAX - 1), small(1)) == small(SMALL_MAX));
}
END_TEST

START_TEST(overflow_needs_bignum)
{
    assert_bignum(call2(bif_erlang_plus_2, small(SMALL_MAX), small(1)));
    assert_bignum(call2(bif_erlang_minus_2, small(SMALL_MIN), small(1)));
    assert_bignum(call2(bif_erlang_times_2, small(1L << 40), small(1L << 30)));
    assert_bignum(call1(bif_erlang_minus_1, small(SMALL_MIN)));
    assert_bignum(call1(bif_erlang_abs_1, small(SMALL_MIN)));
    assert_bignum(call2(bif_erlang_div_2, small(SMALL_MIN), small(-1)));
    assert_bignum(call2(bif_erlang_bsl_2, small(1), small(59)));
    ck_assert(call2(bif_erlang_bsl_2, small(1), small(58)) == small(1L << 58));
    ck_assert(call2(bif_erlang_bsl_2, small(-1), small(59)) == small(SMALL_MIN));
    ck_assert(call2(bif_erlang_bsl_2, small(0), small(100000)) == small(0));
}
END_TEST

START_TEST(shifts)
{
    ck_assert(call2(bif_erlang_bsr_2, small(-8), small(1)) == small(-4));
    ck_assert(call2(bif_erlang_bsr_2, small(-8), small(100)) == small(-1));
    ck_assert(call2(bif_erlang_bsr_2, small(8), small(100)) == small(0));
    ck_assert(call2(bif_erlang_bsr_2, small(16), small(-2)) == small(64));
    ck_assert(call2(bif_erlang_bsl_2, small(16), small(-2)) == small(4));
    assert_error(call2(bif_erlang_bsl_2, small(1), flt(1.0)), ATOM_badarith);
}
END_TEST

START_TEST(floats)
{
    Term r = call2(bif_erlang_times_2, small(3), flt(2.5));
    ck_assert(term_is_float(r) && term_float_value(r) == 7.5);
    r = call2(bif_erlang_divide_2, small(7), small(2));
    ck_assert(term_is_float(r) && term_float_value(r) == 3.5);
    r = call2(bif_erlang_divide_2, small(0), small(3));
    ck_assert(term_is_float(r) && term_float_value(r) == 0.0);
    r = call1(bif_erlang_minus_1, flt(0.0));
    ck_assert(term_is_float(r) && signbit(term_float_value(r)));
    assert_error(call2(bif_erlang_divide_2, small(1), small(0)), ATOM_badarith);
    assert_error(call2(bif_erlang_divide_2, small(1), flt(0.0)), ATOM_badarith);
    assert_error(call2(bif_erlang_times_2, flt(1e308), small(10)), ATOM_badarith);
    assert_error(call2(bif_erlang_div_2, flt(1.5), small(1)), ATOM_badarith);
    assert_error(call2(bif_erlang_rem_2, small(5), small(0)), ATOM_badarith);
    assert_error(call2(bif_erlang_band_2, small(5), flt(3.0)), ATOM_badarith);
}
END_TEST

START_TEST(non_numbers)
{
    assert_error(call2(bif_erlang_plus_2, ATOM_ok, small(1)), ATOM_badarith);
    assert_error(call2(bif_erlang_plus_2, small(1), TERM_NIL), ATOM_badarith);
    assert_error(call1(bif_erlang_minus_1, ATOM_ok), ATOM_badarith);
    assert_error(call1(bif_erlang_plus_1, ATOM_ok), ATOM_badarith);
    ck_assert(call1(bif_erlang_plus_1, small(4)) == small(4));
    assert_error(call1(bif_erlang_abs_1, ATOM_ok), ATOM_badarg);
    assert_error(call1(bif_erlang_float_1, ATOM_ok), ATOM_badarg);
    assert_error(call1(bif_erlang_trunc_1, ATOM_ok), ATOM_badarg);
}
END_TEST

START_TEST(rounding)
{
    ck_assert(call1(bif_erlang_round_1, flt(2.5)) == small(3));
    ck_assert(call1(bif_erlang_round_1, flt(-2.5)) == small(-3));
    ck_assert(call1(bif_erlang_round_1, flt(-0.5)) == small(-1));
    ck_assert(call1(bif_erlang_trunc_1, flt(-3.7)) == small(-3));
    ck_assert(call1(bif_erlang_ceil_1, flt(1.1)) == small(2));
    ck_assert(call1(bif_erlang_floor_1, flt(-1.1)) == small(-2));
    ck_assert(call1(bif_erlang_trunc_1, small(5)) == small(5));
    assert_bignum(call1(bif_erlang_round_1, flt(1e18)));
    Term r = call1(bif_erlang_float_1, small(3));
    ck_assert(term_is_float(r) && term_float_value(r) == 3.0);
    r = call1(bif_erlang_abs_1, flt(-5.5));
    ck_assert(term_is_float(r) && term_float_value(r) == 5.5);
}
END_TEST

START_TEST(comparisons)
{
    Term one_f = flt(1.0);
    ck_assert(call2(bif_erlang_eq_2, small(1), one_f) == ATOM_true);
    ck_assert(call2(bif_erlang_exact_eq_2, small(1), one_f) == ATOM_false);
    ck_assert(call2(bif_erlang_exact_neq_2, small(1), one_f) == ATOM_true);
    ck_assert(call2(bif_erlang_lt_2, small(1), ATOM_ok) == ATOM_true);
    ck_assert(call2(bif_erlang_ge_2, small(1), one_f) == ATOM_true);
    ck_assert(call2(bif_erlang_max_2, small(1), one_f) == small(1));
    ck_assert(call2(bif_erlang_max_2, one_f, small(1)) == one_f);
    ck_assert(call2(bif_erlang_min_2, small(1), one_f) == small(1));
    ck_assert(call2(bif_erlang_min_2, small(2), one_f) == one_f);
}
END_TEST

START_TEST(booleans)
{
    ck_assert(call2(bif_erlang_and_2, ATOM_true, ATOM_false) == ATOM_false);
    ck_assert(call2(bif_erlang_or_2, ATOM_true, ATOM_false) == ATOM_true);
    ck_assert(call2(bif_erlang_xor_2, ATOM_true, ATOM_true) == ATOM_false);
    ck_assert(call1(bif_erlang_not_1, ATOM_false) == ATOM_true);
    assert_error(call2(bif_erlang_and_2, ATOM_true, small(1)), ATOM_badarg);
    assert_error(call2(bif_erlang_or_2, ATOM_true, ATOM_ok), ATOM_badarg);
    assert_error(call1(bif_erlang_not_1, small(1)), ATOM_badarg);
}
END_TEST

int main(void)
{
    atom_table_init(0);
    Suite *s = suite_create("bif_arith");
    TCase *tc = tcase_create("arith");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, small_arithmetic);
    tcase_add_test(tc, overflow_needs_bignum);
    tcase_add_test(tc, shifts);
    tcase_add_test(tc, floats);
    tcase_add_test(tc, non_numbers);
    tcase_add_test(tc, rounding);
    tcase_add_test(tc, comparisons);
    tcase_add_test(tc, booleans);
    suite_add_tcase(s, tc);
    return check_run(s);
}
