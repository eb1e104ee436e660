/* numbers_int.c — integer arithmetic on terms of any size. Each operation
 * reads its operands as sign and magnitude (a small integer as a one-digit
 * magnitude), computes the magnitude straight into a result object on the
 * process heap sized for the worst case, then demotes it to a small integer
 * when it fits and hands the unused words back to the heap. */
#include "bif/numbers_int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "atom/atom.h"
#include "term/boxed.h"

/* An integer operand as sign and magnitude. The magnitude of a small integer
 * lives in `one`, so an Int must not be copied once loaded. */
typedef struct {
    const BigDigit *d;
    size_t n;
    bool neg;
    BigDigit one;
} Int;

static void int_load(Term t, Int *v)
{
    if (term_is_small(t)) {
        SInt x = term_small_value(t);
        v->one = x < 0 ? (BigDigit)0 - (BigDigit)x : (BigDigit)x;
        v->d = &v->one;
        v->n = x != 0;
        v->neg = x < 0;
        return;
    }
    v->d = big_digits(t);
    v->n = big_ndigits(t);
    v->neg = big_is_negative(t);
}

static Term system_limit(Process *p) { return proc_error(p, ATOM_system_limit); }

/* Charges work proportional to the digits touched: one reduction per 16
 * digits, so that long bignum loops still yield. */
static void charge(Process *p, size_t digits) { p->reductions += digits / 16; }

/* ---- results ------------------------------------------------------------ */

typedef struct {
    Term *mem; /* header word, then cap digits */
    size_t cap;
} Out;

static BigDigit *out_alloc(Process *p, Out *o, size_t cap)
{
    o->cap = cap;
    o->mem = proc_alloc(p, cap + 1);
    return (BigDigit *)(o->mem + 1);
}

/* Returns the last k words of the most recent allocation, ending at end. */
static void give_back(Process *p, Term *end, size_t k)
{
    if (k == 0) return;
    if (end == p->htop) {
        p->htop -= k;
        return;
    }
    HeapFragment *f = p->fragments;
    if (f && end == f->mem + f->used) {
        f->used -= k;
        p->fragment_words -= k;
    }
    /* otherwise the words stay behind as unreachable garbage */
}

/* Finishes a result of magnitude digits[0..n) with the given sign. */
static Term out_finish(Process *p, Out *o, size_t n, bool neg)
{
    BigDigit *d = (BigDigit *)(o->mem + 1);
    n = big_mag_normalize(d, n);
    Term *end = o->mem + 1 + o->cap;
    if (n > BIG_MAX_DIGITS) {
        give_back(p, end, o->cap + 1);
        return system_limit(p);
    }
    if (n == 0 || (n == 1 && d[0] <= (BigDigit)SMALL_MAX + neg)) {
        SInt v = n == 0 ? 0 : neg ? (SInt)(0 - d[0]) : (SInt)d[0];
        give_back(p, end, o->cap + 1);
        return term_make_small(v);
    }
    o->mem[0] = header_make(neg ? HDR_NEG_BIG : HDR_POS_BIG, n);
    give_back(p, end, o->cap - n);
    return term_make_boxed(o->mem);
}

Term num_int_from_i128(Process *p, __int128 v)
{
    if (v >= SMALL_MIN && v <= SMALL_MAX) return term_make_small((SInt)v);
    unsigned __int128 m = v < 0 ? -(unsigned __int128)v : (unsigned __int128)v;
    Out o;
    BigDigit *d = out_alloc(p, &o, 2);
    d[0] = (BigDigit)m;
    d[1] = (BigDigit)(m >> 64);
    return out_finish(p, &o, 2, v < 0);
}

bool num_int_to_i128(Term t, __int128 *out)
{
    if (term_is_small(t)) {
        *out = term_small_value(t);
        return true;
    }
    if (!term_is_boxed(t) || (header_tag(term_boxed_header(t)) != HDR_POS_BIG && !big_is_negative(t))) return false;
    size_t n = big_ndigits(t);
    const uint64_t *d = big_digits(t);
    if (n > 2 || (n == 2 && d[1] >> 63)) return false;
    unsigned __int128 m = d[0] | (n == 2 ? (unsigned __int128)d[1] << 64 : 0);
    *out = big_is_negative(t) ? -(__int128)m : (__int128)m;
    return true;
}

/* ---- + - * ------------------------------------------------------------------ */

/* x + y, with yneg as y's sign (already flipped for subtraction). */
static Term add_signed(Process *p, const Int *x, const Int *y, bool yneg)
{
    Out o;
    size_t cap = (x->n > y->n ? x->n : y->n) + 1;
    if (cap - 1 > BIG_MAX_DIGITS) return system_limit(p);
    charge(p, cap);
    if (x->neg == yneg) {
        BigDigit *d = out_alloc(p, &o, cap);
        return out_finish(p, &o, big_mag_add(d, x->d, x->n, y->d, y->n), x->neg);
    }
    int c = big_mag_cmp(x->d, x->n, y->d, y->n);
    BigDigit *d = out_alloc(p, &o, cap);
    if (c >= 0) return out_finish(p, &o, big_mag_sub(d, x->d, x->n, y->d, y->n), x->neg);
    return out_finish(p, &o, big_mag_sub(d, y->d, y->n, x->d, x->n), yneg);
}

Term num_int_add(Process *p, Term a, Term b)
{
    Int x, y;
    int_load(a, &x);
    int_load(b, &y);
    return add_signed(p, &x, &y, y.neg);
}

Term num_int_sub(Process *p, Term a, Term b)
{
    Int x, y;
    int_load(a, &x);
    int_load(b, &y);
    return add_signed(p, &x, &y, y.n ? !y.neg : false);
}

Term num_int_mul(Process *p, Term a, Term b)
{
    Int x, y;
    int_load(a, &x);
    int_load(b, &y);
    if (x.n == 0 || y.n == 0) return term_make_small(0);
    if (x.n + y.n - 1 > BIG_MAX_DIGITS) return system_limit(p);
    bool neg = x.neg != y.neg;
    Out o;
    BigDigit *d = out_alloc(p, &o, x.n + y.n);
    size_t n;
    if (y.n == 1) n = big_mag_mul_1(d, x.d, x.n, y.d[0], 0);
    else if (x.n == 1) n = big_mag_mul_1(d, y.d, y.n, x.d[0], 0);
    else n = big_mag_mul(d, x.d, x.n, y.d, y.n);
    charge(p, x.n < y.n ? x.n * 4 : y.n * 4);
    return out_finish(p, &o, n, neg);
}

Term num_int_neg(Process *p, Term a)
{
    Int x;
    int_load(a, &x);
    Out o;
    BigDigit *d = out_alloc(p, &o, x.n ? x.n : 1);
    memcpy(d, x.d, x.n * sizeof *d);
    return out_finish(p, &o, x.n, x.n ? !x.neg : false);
}

Term num_int_abs(Process *p, Term a)
{
    if (term_is_small(a) ? term_small_value(a) >= 0 : !big_is_negative(a)) return a;
    return num_int_neg(p, a);
}

/* ---- div and rem -------------------------------------------------------------- */

/* Quotient (want_q) or remainder of truncating division; b is not zero. */
static Term divide(Process *p, Term a, Term b, bool want_q)
{
    Int x, y;
    int_load(a, &x);
    int_load(b, &y);
    if (y.n == 0) return proc_error(p, ATOM_badarith);
    if (big_mag_cmp(x.d, x.n, y.d, y.n) < 0) return want_q ? term_make_small(0) : a;
    charge(p, y.n * (x.n - y.n + 1));
    Out o;
    if (want_q) {
        BigDigit *q = out_alloc(p, &o, x.n - y.n + 1);
        big_mag_divrem(q, NULL, x.d, x.n, y.d, y.n);
        return out_finish(p, &o, x.n - y.n + 1, x.neg != y.neg);
    }
    BigDigit *r = out_alloc(p, &o, y.n);
    big_mag_divrem(NULL, r, x.d, x.n, y.d, y.n);
    return out_finish(p, &o, y.n, x.neg);
}

Term num_int_div(Process *p, Term a, Term b) { return divide(p, a, b, true); }
Term num_int_rem(Process *p, Term a, Term b) { return divide(p, a, b, false); }

/* ---- bitwise ------------------------------------------------------------------- */

Term num_int_bitop(Process *p, Term a, Term b, BigBitOp op)
{
    Int x, y;
    int_load(a, &x);
    int_load(b, &y);
    size_t n = (x.n > y.n ? x.n : y.n) + 1;
    BigDigit stackbuf[64];
    BigDigit *tx = 2 * n <= 64 ? stackbuf : malloc(2 * n * sizeof *tx);
    if (!tx) abort();
    BigDigit *ty = tx + n;
    big_to_twos(tx, n, x.d, x.n, x.neg);
    big_to_twos(ty, n, y.d, y.n, y.neg);
    Out o;
    BigDigit *d = out_alloc(p, &o, n);
    big_twos_op(d, tx, ty, n, op);
    if (tx != stackbuf) free(tx);
    size_t len;
    bool neg = big_from_twos(d, n, &len);
    charge(p, n);
    return out_finish(p, &o, len, neg);
}

static const BigDigit ONE = 1;

/* bnot a = -a - 1: -(m + 1) for a = m >= 0, m - 1 for a = -m. */
Term num_int_bnot(Process *p, Term a)
{
    Int x;
    int_load(a, &x);
    Out o;
    BigDigit *d = out_alloc(p, &o, x.n + 1);
    if (!x.neg) return out_finish(p, &o, big_mag_add(d, x.d, x.n, &ONE, 1), true);
    return out_finish(p, &o, big_mag_sub(d, x.d, x.n, &ONE, 1), false);
}

/* A shift by a bignum count: only its direction matters. */
static Term huge_shift(Process *p, const Int *x, bool left)
{
    if (x->n == 0) return term_make_small(0);
    if (left) return system_limit(p);
    return term_make_small(x->neg ? -1 : 0);
}

Term num_int_shift(Process *p, Term a, Term count, bool left)
{
    Int x;
    int_load(a, &x);
    if (term_is_bignum(count)) return huge_shift(p, &x, left != big_is_negative(count));
    SInt s = term_small_value(count);
    if (!left) s = -s;
    if (x.n == 0) return term_make_small(0);
    Out o;
    if (s >= 0) {
        size_t bits = big_mag_bitlen(x.d, x.n) + (size_t)s;
        if ((bits + 63) / 64 > BIG_MAX_DIGITS) return system_limit(p);
        size_t cap = x.n + (size_t)s / 64 + 1;
        BigDigit *d = out_alloc(p, &o, cap);
        charge(p, cap);
        return out_finish(p, &o, big_mag_lshift(d, x.d, x.n, (size_t)s), x.neg);
    }
    UInt k = (UInt)0 - (UInt)s;
    if (k / 64 >= x.n) return term_make_small(x.neg ? -1 : 0);
    BigDigit *d = out_alloc(p, &o, x.n + 1);
    bool lost;
    size_t n = big_mag_rshift(d, x.d, x.n, (size_t)k, &lost);
    /* a negative value rounds toward minus infinity: -(m >> k) - 1 if bits fell off */
    if (x.neg && lost) n = big_mag_add(d, d, n, &ONE, 1);
    charge(p, x.n);
    return out_finish(p, &o, n, x.neg);
}

/* ---- doubles --------------------------------------------------------------------- */

bool num_int_to_double(Term a, double *out)
{
    if (term_is_small(a)) {
        *out = (double)term_small_value(a);
        return true;
    }
    double d;
    if (!big_mag_to_double(big_digits(a), big_ndigits(a), &d)) return false;
    *out = big_is_negative(a) ? -d : d;
    return true;
}

bool num_to_double(Term t, double *out)
{
    if (term_is_float(t)) {
        *out = term_float_value(t);
        return true;
    }
    return term_is_integer(t) && num_int_to_double(t, out);
}

Term num_int_from_double(Process *p, double d)
{
    if (d >= -9.0e15 && d <= 9.0e15) return term_make_small((SInt)d);
    Out o;
    BigDigit *r = out_alloc(p, &o, BIG_DOUBLE_DIGITS);
    return out_finish(p, &o, big_mag_from_double(r, d), d < 0);
}

/* ---- text -------------------------------------------------------------------------- */

static int digit_value(unsigned char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

Term num_int_from_text(Process *p, const char *s, size_t len, unsigned base)
{
    size_t i = 0;
    bool neg = false;
    if (len > 0 && (s[0] == '+' || s[0] == '-')) neg = s[i++] == '-';
    if (i == len) return proc_badarg(p);
    for (size_t j = i; j < len; j++)
        if (digit_value((unsigned char)s[j]) >= (int)base) return proc_badarg(p);
    while (i + 1 < len && s[i] == '0') i++; /* leading zeros add no digits */
    /* chunks of `per` characters: base^per < 2^64 */
    BigDigit chunk_max = base;
    unsigned per = 1;
    while (chunk_max <= UINT64_MAX / base) chunk_max *= base, per++;
    double bits_per_char = log2((double)base);
    size_t cap = (size_t)((double)(len - i) * bits_per_char / 64.0) + 2;
    if (cap - 1 > BIG_MAX_DIGITS) return system_limit(p);
    Out o;
    BigDigit *d = out_alloc(p, &o, cap);
    size_t n = 0;
    while (i < len) {
        BigDigit v = 0, mult = 1;
        for (unsigned k = 0; k < per && i < len; k++, i++) {
            v = v * base + (BigDigit)digit_value((unsigned char)s[i]);
            mult *= base;
        }
        n = big_mag_mul_1(d, d, n, mult, v);
    }
    charge(p, n * n / 8);
    return out_finish(p, &o, n, neg);
}
