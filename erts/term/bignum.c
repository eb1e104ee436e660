/* bignum.c — natural-number kernels on 64-bit digits: add, subtract,
 * schoolbook and Karatsuba multiplication, Knuth's division, shifts,
 * two's complement views for the bitwise operators, and exact conversions
 * to and from doubles. Portable C with 128-bit intermediates. */
#include "term/bignum.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef unsigned __int128 Wide;

static void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) abort(); /* as the process heap does on exhaustion */
    return p;
}

size_t big_mag_normalize(const BigDigit *a, size_t n)
{
    while (n > 0 && a[n - 1] == 0) n--;
    return n;
}

int big_mag_cmp(const BigDigit *a, size_t na, const BigDigit *b, size_t nb)
{
    if (na != nb) return na < nb ? -1 : 1;
    for (size_t i = na; i-- > 0;)
        if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
    return 0;
}

size_t big_mag_bitlen(const BigDigit *a, size_t n)
{
    n = big_mag_normalize(a, n);
    if (n == 0) return 0;
    return (n - 1) * 64 + (size_t)(64 - __builtin_clzll(a[n - 1]));
}

/* ---- addition and subtraction ------------------------------------------ */

size_t big_mag_add(BigDigit *r, const BigDigit *a, size_t na, const BigDigit *b, size_t nb)
{
    if (na < nb) {
        const BigDigit *t = a;
        a = b, b = t;
        size_t tn = na;
        na = nb, nb = tn;
    }
    BigDigit carry = 0;
    size_t i = 0;
    for (; i < nb; i++) {
        BigDigit s = a[i] + carry;
        BigDigit c1 = s < carry;
        BigDigit t = s + b[i];
        carry = c1 | (t < s);
        r[i] = t;
    }
    for (; i < na; i++) {
        BigDigit s = a[i] + carry;
        carry = s < carry;
        r[i] = s;
    }
    r[na] = carry;
    return big_mag_normalize(r, na + 1);
}

size_t big_mag_sub(BigDigit *r, const BigDigit *a, size_t na, const BigDigit *b, size_t nb)
{
    BigDigit borrow = 0;
    size_t i = 0;
    for (; i < nb; i++) {
        BigDigit x = a[i], y = b[i];
        BigDigit d = x - y;
        BigDigit b1 = x < y;
        BigDigit e = d - borrow;
        borrow = b1 | (d < borrow);
        r[i] = e;
    }
    for (; i < na; i++) {
        BigDigit x = a[i];
        r[i] = x - borrow;
        borrow = x < borrow;
    }
    return big_mag_normalize(r, na);
}

/* r[0..rn) += t[0..tn), tn <= rn; the sum must fit in rn digits. */
static void add_into(BigDigit *r, size_t rn, const BigDigit *t, size_t tn)
{
    BigDigit carry = 0;
    size_t i = 0;
    for (; i < tn; i++) {
        BigDigit s = r[i] + carry;
        BigDigit c1 = s < carry;
        BigDigit u = s + t[i];
        carry = c1 | (u < s);
        r[i] = u;
    }
    for (; carry && i < rn; i++) {
        r[i] += 1;
        carry = r[i] == 0;
    }
}

/* r[0..rn) -= t[0..tn), tn <= rn; r must be at least t. */
static void sub_from(BigDigit *r, size_t rn, const BigDigit *t, size_t tn)
{
    BigDigit borrow = 0;
    size_t i = 0;
    for (; i < tn; i++) {
        BigDigit x = r[i], y = t[i];
        BigDigit d = x - y;
        BigDigit b1 = x < y;
        BigDigit e = d - borrow;
        borrow = b1 | (d < borrow);
        r[i] = e;
    }
    for (; borrow && i < rn; i++) {
        borrow = r[i] == 0;
        r[i] -= 1;
    }
}

/* ---- multiplication ------------------------------------------------------- */

size_t big_mag_mul_1(BigDigit *r, const BigDigit *a, size_t n, BigDigit m, BigDigit c)
{
    for (size_t i = 0; i < n; i++) {
        Wide p = (Wide)a[i] * m + c;
        r[i] = (BigDigit)p;
        c = (BigDigit)(p >> 64);
    }
    r[n] = c;
    return big_mag_normalize(r, n + 1);
}

/* r[0..n) += a[0..n) * m; returns the carry digit. */
static BigDigit addmul_1(BigDigit *r, const BigDigit *a, size_t n, BigDigit m)
{
    BigDigit c = 0;
    for (size_t i = 0; i < n; i++) {
        Wide p = (Wide)a[i] * m + r[i] + c;
        r[i] = (BigDigit)p;
        c = (BigDigit)(p >> 64);
    }
    return c;
}

/* Writes all na + nb digits of a * b. */
static void mul_school(BigDigit *r, const BigDigit *a, size_t na, const BigDigit *b, size_t nb)
{
    memset(r, 0, na * sizeof *r);
    for (size_t j = 0; j < nb; j++) r[na + j] = addmul_1(r + j, a, na, b[j]);
}

static void mul_rec(BigDigit *r, const BigDigit *a, size_t na, const BigDigit *b, size_t nb);

/* na >= 2 * nb: multiplies b by nb-digit slices of a and adds them up, so
 * that every product is balanced enough for Karatsuba. */
static void mul_unbalanced(BigDigit *r, const BigDigit *a, size_t na, const BigDigit *b, size_t nb)
{
    memset(r, 0, (na + nb) * sizeof *r);
    BigDigit *t = xmalloc(2 * nb * sizeof *t);
    for (size_t i = 0; i < na; i += nb) {
        size_t len = na - i < nb ? na - i : nb;
        if (len == nb) mul_rec(t, a + i, nb, b, nb);
        else mul_rec(t, b, nb, a + i, len);
        add_into(r + i, na + nb - i, t, len + nb);
    }
    free(t);
}

/* Karatsuba on a = a1*B^h + a0, b = b1*B^h + b0 with h = na/2 (nb > h as
 * na < 2*nb): z0 = a0*b0 and z2 = a1*b1 go straight into r, and the middle
 * term (a0+a1)(b0+b1) - z0 - z2 is added at digit h. */
static void mul_karatsuba(BigDigit *r, const BigDigit *a, size_t na, const BigDigit *b, size_t nb)
{
    size_t h = na / 2;
    size_t la1 = na - h, lb1 = nb - h;
    mul_rec(r, a, h, b, h);
    mul_rec(r + 2 * h, a + h, la1, b + h, lb1);

    size_t lsa = la1 + 1, lsb = (h > lb1 ? h : lb1) + 1;
    BigDigit *sa = xmalloc((lsa + lsb + lsa + lsb) * sizeof *sa);
    BigDigit *sb = sa + lsa, *t = sb + lsb;
    big_mag_add(sa, a + h, la1, a, h);
    big_mag_add(sb, b, h, b + h, lb1);
    if (sa[lsa - 1] == 0 && sb[lsb - 1] == 0 && lsa >= lsb) {
        /* the usual case: no carry out of either sum */
        mul_rec(t, sa, lsa - 1, sb, lsb - 1);
        t[lsa + lsb - 2] = t[lsa + lsb - 1] = 0;
    } else if (lsa >= lsb) {
        mul_rec(t, sa, lsa, sb, lsb);
    } else {
        mul_rec(t, sb, lsb, sa, lsa);
    }
    size_t lt = lsa + lsb;
    sub_from(t, lt, r, 2 * h);
    sub_from(t, lt, r + 2 * h, la1 + lb1);
    lt = big_mag_normalize(t, lt);
    add_into(r + h, na + nb - h, t, lt);
    free(sa);
}

/* r = a * b, all na + nb digits written; requires na >= nb >= 1. */
static void mul_rec(BigDigit *r, const BigDigit *a, size_t na, const BigDigit *b, size_t nb)
{
    if (nb < BIG_KARATSUBA_THRESHOLD) mul_school(r, a, na, b, nb);
    else if (na >= 2 * nb) mul_unbalanced(r, a, na, b, nb);
    else mul_karatsuba(r, a, na, b, nb);
}

size_t big_mag_mul(BigDigit *r, const BigDigit *a, size_t na, const BigDigit *b, size_t nb)
{
    if (na == 0 || nb == 0) return 0;
    if (na >= nb) mul_rec(r, a, na, b, nb);
    else mul_rec(r, b, nb, a, na);
    return big_mag_normalize(r, na + nb);
}

/* ---- division ------------------------------------------------------------- */

BigDigit big_mag_divrem_1(BigDigit *q, const BigDigit *a, size_t n, BigDigit d)
{
    Wide rem = 0;
    for (size_t i = n; i-- > 0;) {
        Wide cur = (rem << 64) | a[i];
        q[i] = (BigDigit)(cur / d);
        rem = cur % d;
    }
    return (BigDigit)rem;
}

/* One step of algorithm D: the quotient digit of u[0..nb] / v (normalised,
 * nb >= 2 digits), with u updated to the remainder. */
static BigDigit divide_step(BigDigit *u, const BigDigit *v, size_t nb)
{
    BigDigit vtop = v[nb - 1], vnext = v[nb - 2];
    Wide num = ((Wide)u[nb] << 64) | u[nb - 1];
    Wide qhat = num / vtop, rhat = num % vtop;
    while (qhat >> 64 || qhat * vnext > ((rhat << 64) | u[nb - 2])) {
        qhat--;
        rhat += vtop;
        if (rhat >> 64) break;
    }
    BigDigit k = 0, borrow = 0;
    for (size_t i = 0; i < nb; i++) {
        Wide p = qhat * v[i] + k;
        k = (BigDigit)(p >> 64);
        BigDigit pl = (BigDigit)p, x = u[i];
        BigDigit t = x - pl, b1 = x < pl;
        u[i] = t - borrow;
        borrow = b1 | (t < borrow);
    }
    BigDigit x = u[nb];
    BigDigit t = x - k, b1 = x < k;
    u[nb] = t - borrow;
    if (b1 | (t < borrow)) { /* qhat was one too large: add v back */
        qhat--;
        BigDigit c = 0;
        for (size_t i = 0; i < nb; i++) {
            Wide s = (Wide)u[i] + v[i] + c;
            u[i] = (BigDigit)s;
            c = (BigDigit)(s >> 64);
        }
        u[nb] += c;
    }
    return (BigDigit)qhat;
}

void big_mag_divrem(BigDigit *q, BigDigit *r, const BigDigit *a, size_t na, const BigDigit *b, size_t nb)
{
    if (nb == 1) {
        BigDigit *qq = q ? q : xmalloc(na * sizeof *qq);
        BigDigit rem = big_mag_divrem_1(qq, a, na, b[0]);
        if (r) r[0] = rem;
        if (!q) free(qq);
        return;
    }
    BigDigit stackbuf[128];
    size_t need = na + 1 + nb;
    BigDigit *u = need <= 128 ? stackbuf : xmalloc(need * sizeof *u);
    BigDigit *v = u + na + 1;
    unsigned s = (unsigned)__builtin_clzll(b[nb - 1]);
    /* normalise so that v's top digit has its high bit set */
    if (s == 0) {
        memcpy(v, b, nb * sizeof *v);
        memcpy(u, a, na * sizeof *u);
        u[na] = 0;
    } else {
        for (size_t i = nb; i-- > 1;) v[i] = (b[i] << s) | (b[i - 1] >> (64 - s));
        v[0] = b[0] << s;
        u[na] = a[na - 1] >> (64 - s);
        for (size_t i = na; i-- > 1;) u[i] = (a[i] << s) | (a[i - 1] >> (64 - s));
        u[0] = a[0] << s;
    }
    for (size_t j = na - nb + 1; j-- > 0;) {
        BigDigit qd = divide_step(u + j, v, nb);
        if (q) q[j] = qd;
    }
    if (r) {
        if (s == 0) memcpy(r, u, nb * sizeof *r);
        else
            for (size_t i = 0; i < nb; i++) r[i] = (u[i] >> s) | (i + 1 < nb ? u[i + 1] << (64 - s) : 0);
    }
    if (u != stackbuf) free(u);
}

/* ---- shifts ---------------------------------------------------------------- */

size_t big_mag_lshift(BigDigit *r, const BigDigit *a, size_t n, size_t shift)
{
    size_t words = shift / 64;
    unsigned bits = (unsigned)(shift % 64);
    memset(r, 0, words * sizeof *r);
    if (bits == 0) {
        memcpy(r + words, a, n * sizeof *r);
        r[words + n] = 0;
    } else {
        BigDigit carry = 0;
        for (size_t i = 0; i < n; i++) {
            r[words + i] = (a[i] << bits) | carry;
            carry = a[i] >> (64 - bits);
        }
        r[words + n] = carry;
    }
    return big_mag_normalize(r, words + n + 1);
}

size_t big_mag_rshift(BigDigit *r, const BigDigit *a, size_t n, size_t shift, bool *lost)
{
    size_t words = shift / 64;
    unsigned bits = (unsigned)(shift % 64);
    bool any = false;
    if (words >= n) {
        for (size_t i = 0; i < n; i++) any |= a[i] != 0;
        *lost = any;
        return 0;
    }
    for (size_t i = 0; i < words; i++) any |= a[i] != 0;
    if (bits) any |= (a[words] & ((UINT64_C(1) << bits) - 1)) != 0;
    size_t m = n - words;
    for (size_t i = 0; i < m; i++) {
        BigDigit lo = a[words + i] >> bits;
        BigDigit hi = bits && i + 1 < m ? a[words + i + 1] << (64 - bits) : 0;
        r[i] = lo | hi;
    }
    *lost = any;
    return big_mag_normalize(r, m);
}

/* ---- doubles --------------------------------------------------------------- */

bool big_mag_to_double(const BigDigit *a, size_t n, double *out)
{
    n = big_mag_normalize(a, n);
    if (n == 0) {
        *out = 0.0;
        return true;
    }
    if (n == 1) {
        *out = (double)a[0]; /* the conversion rounds to nearest even */
        return true;
    }
    size_t bits = big_mag_bitlen(a, n);
    if (bits > 1025) return false;
    /* The top 64 bits, with every lower bit folded into a sticky bit 0:
     * 64 > 53 + 2, so rounding that word rounds the whole number. */
    unsigned s = (unsigned)__builtin_clzll(a[n - 1]);
    BigDigit top = s ? (a[n - 1] << s) | (a[n - 2] >> (64 - s)) : a[n - 1];
    bool sticky = s ? (a[n - 2] << s) != 0 : a[n - 2] != 0;
    for (size_t i = 0; i + 2 < n && !sticky; i++) sticky = a[i] != 0;
    double d = ldexp((double)(top | (BigDigit)sticky), (int)(bits - 64));
    if (!isfinite(d)) return false;
    *out = d;
    return true;
}

size_t big_mag_from_double(BigDigit *r, double d)
{
    d = fabs(d);
    memset(r, 0, BIG_DOUBLE_DIGITS * sizeof *r);
    if (d < 1.0) return 0;
    int e;
    double m = frexp(d, &e); /* d = m * 2^e, 0.5 <= m < 1 */
    BigDigit mant = (BigDigit)ldexp(m, 53);
    if (e <= 53) {
        r[0] = mant >> (53 - e);
        return 1;
    }
    size_t shift = (size_t)(e - 53);
    return big_mag_lshift(r, &mant, 1, shift);
}

/* ---- two's complement ------------------------------------------------------- */

void big_to_twos(BigDigit *r, size_t n, const BigDigit *m, size_t nm, bool negative)
{
    memcpy(r, m, nm * sizeof *r);
    memset(r + nm, 0, (n - nm) * sizeof *r);
    if (!negative) return;
    /* -m = ~m + 1 */
    BigDigit carry = 1;
    for (size_t i = 0; i < n; i++) {
        BigDigit v = ~r[i] + carry;
        carry = carry && v == 0;
        r[i] = v;
    }
}

void big_twos_op(BigDigit *r, const BigDigit *x, const BigDigit *y, size_t n, BigBitOp op)
{
    for (size_t i = 0; i < n; i++) {
        switch (op) {
        case BIG_AND: r[i] = x[i] & y[i]; break;
        case BIG_OR: r[i] = x[i] | y[i]; break;
        case BIG_XOR: r[i] = x[i] ^ y[i]; break;
        }
    }
}

bool big_from_twos(BigDigit *r, size_t n, size_t *len)
{
    bool negative = n > 0 && (r[n - 1] >> 63) != 0;
    if (negative) {
        BigDigit carry = 1;
        for (size_t i = 0; i < n; i++) {
            BigDigit v = ~r[i] + carry;
            carry = carry && v == 0;
            r[i] = v;
        }
    }
    *len = big_mag_normalize(r, n);
    return negative;
}
