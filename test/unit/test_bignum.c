/* test_bignum.c — the bignum kernels (term/bignum.c) and the integer BIFs
 * built on them, checked against GMP on random operands of many sizes
 * (including sizes that take the Karatsuba and unbalanced paths), plus the
 * exact rounding of conversions to double and the two's complement views. */
#include <check.h>
#include <float.h>
#include <gmp.h>
#include <math.h>
#include <stdlib.h>

#include "check_run.h"
#include "bif/numbers_int.h"
#include "term/bignum.h"
#include "term/boxed.h"

static uint64_t rng_state = 0x9E3779B97F4A7C15u;
static uint64_t rnd(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

/* Random magnitude of exactly n digits, sometimes with runs of all-ones or
 * zero digits, which exercise carries and the corner cases of division. */
static void random_mag(BigDigit *d, size_t n)
{
    unsigned style = (unsigned)(rnd() % 4);
    for (size_t i = 0; i < n; i++) {
        switch (style) {
        case 0: d[i] = rnd(); break;
        case 1: d[i] = rnd() % 3 == 0 ? UINT64_MAX : rnd(); break;
        case 2: d[i] = rnd() % 3 == 0 ? 0 : rnd(); break;
        default: d[i] = rnd() % 2 ? UINT64_MAX : 0; break;
        }
    }
    if (n) d[n - 1] |= (rnd() % 2) ? UINT64_C(1) << 63 : 1;
}

static void to_mpz(mpz_t z, const BigDigit *d, size_t n) { mpz_import(z, n, -1, sizeof(BigDigit), 0, 0, d); }

static void assert_equal(const BigDigit *d, size_t n, const mpz_t z)
{
    mpz_t t;
    mpz_init(t);
    to_mpz(t, d, n);
    ck_assert(n == big_mag_normalize(d, n));
    ck_assert(mpz_cmp(t, z) == 0);
    mpz_clear(t);
}

static size_t random_size(void)
{
    static const size_t sizes[] = {1, 2, 3, 5, 8, 31, 32, 33, 47, 64, 65, 100, 150, 257};
    return sizes[rnd() % (sizeof sizes / sizeof sizes[0])] + (rnd() % 3);
}

START_TEST(add_sub_mul)
{
    mpz_t x, y, r;
    mpz_inits(x, y, r, NULL);
    for (int iter = 0; iter < 400; iter++) {
        size_t na = random_size(), nb = random_size();
        BigDigit *a = malloc(na * 8), *b = malloc(nb * 8), *out = malloc((na + nb + 1) * 8);
        random_mag(a, na);
        random_mag(b, nb);
        to_mpz(x, a, na);
        to_mpz(y, b, nb);

        mpz_add(r, x, y);
        assert_equal(out, big_mag_add(out, a, na, b, nb), r);
        mpz_mul(r, x, y);
        assert_equal(out, big_mag_mul(out, a, na, b, nb), r);
        if (mpz_cmp(x, y) >= 0) {
            mpz_sub(r, x, y);
            assert_equal(out, big_mag_sub(out, a, na, b, nb), r);
        }
        BigDigit m = rnd(), c = rnd();
        mpz_mul_ui(r, x, m);
        mpz_add_ui(r, r, c);
        assert_equal(out, big_mag_mul_1(out, a, na, m, c), r);
        free(a), free(b), free(out);
    }
    mpz_clears(x, y, r, NULL);
}
END_TEST

/* Karatsuba on sizes well above the threshold, balanced and not. */
START_TEST(large_mul)
{
    static const size_t sizes[][2] = {{500, 500}, {1000, 999}, {777, 300}, {2048, 65}, {1500, 1100}};
    mpz_t x, y, r;
    mpz_inits(x, y, r, NULL);
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        size_t na = sizes[k][0], nb = sizes[k][1];
        BigDigit *a = malloc(na * 8), *b = malloc(nb * 8), *out = malloc(2 * na * 8);
        random_mag(a, na);
        random_mag(b, nb);
        to_mpz(x, a, na);
        to_mpz(y, b, nb);
        mpz_mul(r, x, y);
        assert_equal(out, big_mag_mul(out, a, na, b, nb), r);
        assert_equal(out, big_mag_mul(out, b, nb, a, na), r);
        assert_equal(out, big_mag_mul(out, a, na, a, na), (mpz_mul(r, x, x), r));
        free(a), free(b), free(out);
    }
    mpz_clears(x, y, r, NULL);
}
END_TEST

START_TEST(division)
{
    mpz_t x, y, q, r;
    mpz_inits(x, y, q, r, NULL);
    for (int iter = 0; iter < 600; iter++) {
        size_t nb = random_size() % 40 + 1, na = nb + rnd() % 40;
        BigDigit *a = malloc(na * 8), *b = malloc(nb * 8);
        BigDigit *qq = malloc((na - nb + 1) * 8), *rr = malloc(nb * 8);
        random_mag(a, na);
        random_mag(b, nb);
        if (iter % 5 == 0) memcpy(a + na - nb, b, nb * 8); /* top digits equal: qhat corner */
        to_mpz(x, a, na);
        to_mpz(y, b, nb);
        mpz_tdiv_qr(q, r, x, y);
        big_mag_divrem(qq, rr, a, na, b, nb);
        assert_equal(qq, big_mag_normalize(qq, na - nb + 1), q);
        assert_equal(rr, big_mag_normalize(rr, nb), r);
        free(a), free(b), free(qq), free(rr);
    }
    mpz_clears(x, y, q, r, NULL);
}
END_TEST

START_TEST(shifts)
{
    mpz_t x, r;
    mpz_inits(x, r, NULL);
    for (int iter = 0; iter < 300; iter++) {
        size_t n = random_size(), s = rnd() % 700;
        BigDigit *a = malloc(n * 8), *out = malloc((n + s / 64 + 1) * 8);
        random_mag(a, n);
        to_mpz(x, a, n);
        mpz_mul_2exp(r, x, s);
        assert_equal(out, big_mag_lshift(out, a, n, s), r);
        bool lost;
        mpz_tdiv_q_2exp(r, x, s);
        assert_equal(out, big_mag_rshift(out, a, n, s, &lost), r);
        ck_assert(lost == !mpz_divisible_2exp_p(x, s));
        free(a), free(out);
    }
    mpz_clears(x, r, NULL);
}
END_TEST

/* Two's complement and/or/xor against GMP's, which has the same semantics. */
START_TEST(bitwise)
{
    mpz_t x, y, r, t;
    mpz_inits(x, y, r, t, NULL);
    for (int iter = 0; iter < 300; iter++) {
        size_t na = random_size() % 20 + 1, nb = random_size() % 20 + 1, n = (na > nb ? na : nb) + 1;
        bool xneg = rnd() % 2, yneg = rnd() % 2;
        BigDigit a[24], b[24], tx[24], ty[24], out[24];
        random_mag(a, na);
        random_mag(b, nb);
        to_mpz(x, a, na);
        to_mpz(y, b, nb);
        if (xneg) mpz_neg(x, x);
        if (yneg) mpz_neg(y, y);
        big_to_twos(tx, n, a, na, xneg);
        big_to_twos(ty, n, b, nb, yneg);
        for (int op = BIG_AND; op <= BIG_XOR; op++) {
            big_twos_op(out, tx, ty, n, (BigBitOp)op);
            size_t len;
            bool neg = big_from_twos(out, n, &len);
            if (op == BIG_AND) mpz_and(r, x, y);
            else if (op == BIG_OR) mpz_ior(r, x, y);
            else mpz_xor(r, x, y);
            ck_assert(neg == (mpz_sgn(r) < 0));
            mpz_abs(t, r);
            assert_equal(out, len, t);
        }
    }
    mpz_clears(x, y, r, t, NULL);
}
END_TEST

/* The double nearest to the magnitude, ties to even, checked exactly. */
static void check_nearest(const BigDigit *a, size_t n)
{
    double d;
    bool ok = big_mag_to_double(a, n, &d);
    mpz_t x, fd, diff, diff2;
    mpz_inits(x, fd, diff, diff2, NULL);
    to_mpz(x, a, n);
    if (!ok) {
        /* overflow: the value is at least halfway past DBL_MAX */
        mpz_set_d(fd, DBL_MAX);
        mpz_sub(diff, x, fd);
        mpz_t half;
        mpz_init_set_ui(half, 1);
        mpz_mul_2exp(half, half, 970);
        ck_assert(mpz_cmp(diff, half) >= 0);
        mpz_clear(half);
    } else {
        mpz_set_d(fd, d);
        mpz_sub(diff, x, fd);
        mpz_abs(diff, diff);
        double other[2] = {nextafter(d, 0.0), nextafter(d, INFINITY)};
        for (int k = 0; k < 2; k++) {
            if (!isfinite(other[k])) continue;
            mpz_set_d(fd, other[k]);
            mpz_sub(diff2, x, fd);
            mpz_abs(diff2, diff2);
            int c = mpz_cmp(diff, diff2);
            ck_assert(c < 0 || (c == 0 && (((uint64_t)ldexp(frexp(d, &(int){0}), 53)) & 1) == 0));
        }
    }
    mpz_clears(x, fd, diff, diff2, NULL);
}

START_TEST(doubles)
{
    for (int iter = 0; iter < 2000; iter++) {
        size_t n = rnd() % 17 + 1;
        BigDigit a[17];
        random_mag(a, n);
        check_nearest(a, n);
    }
    /* ties, just above and below: 2^64 + 2^11 (+1, -1) and friends */
    BigDigit t[3] = {UINT64_C(1) << 11, 1, 0};
    check_nearest(t, 2);
    t[0] += 1;
    check_nearest(t, 2);
    t[0] -= 2;
    check_nearest(t, 2);
    BigDigit u[3] = {1, UINT64_C(1) << 11, 1}; /* Horner's rounding would be wrong here */
    check_nearest(u, 3);
    double d;
    ck_assert(big_mag_to_double(u, 3, &d) && d == ldexp(1.0, 128) + ldexp(1.0, 76));
    /* 2^1024 - 2^970 is halfway past DBL_MAX and rounds (to even) to 2^1024:
     * overflow; one less is DBL_MAX */
    BigDigit m[16] = {0};
    m[15] = UINT64_MAX << 10;
    ck_assert(!big_mag_to_double(m, 16, &d));
    check_nearest(m, 16);
    for (int i = 0; i < 15; i++) m[i] = UINT64_MAX;
    m[15] = (UINT64_MAX << 10) - 1;
    ck_assert(big_mag_to_double(m, 16, &d) && d == DBL_MAX);
    /* round trip of doubles */
    for (int iter = 0; iter < 2000; iter++) {
        double x = ldexp((double)(rnd() >> 11), (int)(rnd() % 960));
        x = floor(x);
        if (x < 1.0) continue;
        BigDigit r[BIG_DOUBLE_DIGITS];
        size_t n = big_mag_from_double(r, x);
        ck_assert(big_mag_to_double(r, n, &d) && d == x);
    }
}
END_TEST

/* The term-level operations: identities on random signed values. */
START_TEST(term_identities)
{
    Process *p = proc_new(0);
    for (int iter = 0; iter < 300; iter++) {
        size_t na = random_size() % 80 + 1, nb = random_size() % 40 + 1;
        Term *ma = proc_alloc(p, na + 1), *mb = proc_alloc(p, nb + 1);
        random_mag((BigDigit *)(ma + 1), na);
        random_mag((BigDigit *)(mb + 1), nb);
        ma[0] = header_make(rnd() % 2 ? HDR_NEG_BIG : HDR_POS_BIG, na);
        mb[0] = header_make(rnd() % 2 ? HDR_NEG_BIG : HDR_POS_BIG, nb);
        Term a = term_make_boxed(ma), b = term_make_boxed(mb);
        if (na == 1 && ma[1] <= (Term)SMALL_MAX) a = term_make_small((SInt)(ma[1] & 0xFFFF));
        /* (a div b) * b + a rem b == a */
        Term q = num_int_div(p, a, b), r = num_int_rem(p, a, b);
        ck_assert(q != TERM_NONE && r != TERM_NONE);
        Term back = num_int_add(p, num_int_mul(p, q, b), r);
        ck_assert(num_int_sub(p, back, a) == term_make_small(0));
        /* (a + b) - b == a, and -(-a) == a */
        ck_assert(num_int_sub(p, num_int_sub(p, num_int_add(p, a, b), b), a) == term_make_small(0));
        ck_assert(num_int_sub(p, num_int_neg(p, num_int_neg(p, a)), a) == term_make_small(0));
        /* a bxor b bxor b == a; bnot bnot a == a; (a bsl k) bsr k == a */
        Term x = num_int_bitop(p, num_int_bitop(p, a, b, BIG_XOR), b, BIG_XOR);
        ck_assert(num_int_sub(p, x, a) == term_make_small(0));
        ck_assert(num_int_sub(p, num_int_bnot(p, num_int_bnot(p, a)), a) == term_make_small(0));
        Term k = term_make_small((SInt)(rnd() % 300));
        Term sh = num_int_shift(p, num_int_shift(p, a, k, true), k, false);
        ck_assert(num_int_sub(p, sh, a) == term_make_small(0));
    }
    /* results in the small range are small integers */
    Term big = num_int_from_i128(p, (__int128)SMALL_MAX + 1);
    ck_assert(term_is_bignum(big));
    ck_assert(num_int_sub(p, big, term_make_small(1)) == term_make_small(SMALL_MAX));
    ck_assert(num_int_neg(p, big) == term_make_small(SMALL_MIN));
    proc_free(p);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("bignum");
    TCase *tc = tcase_create("kernels");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, add_sub_mul);
    tcase_add_test(tc, large_mul);
    tcase_add_test(tc, division);
    tcase_add_test(tc, shifts);
    tcase_add_test(tc, bitwise);
    tcase_add_test(tc, doubles);
    tcase_add_test(tc, term_identities);
    suite_add_tcase(s, tc);
    return check_run(s);
}
