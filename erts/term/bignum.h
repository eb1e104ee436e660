/* bignum.h — natural-number kernels on arrays of 64-bit digits, least
 * significant first (the magnitude layout of term.h's POS_BIG/NEG_BIG). They
 * know nothing of terms or processes: callers own every buffer, and signs,
 * promotion and demotion live in the integer BIFs built on top. */
#ifndef EMBER_BIGNUM_H
#define EMBER_BIGNUM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint64_t BigDigit;

/* The largest integer OTP 25 builds has this many 64-bit digits; a result
 * beyond it is a system_limit error. */
#define BIG_MAX_DIGITS ((size_t)(1u << 19) - 1)

/* Above this many digits in the shorter operand, multiplication switches
 * from the schoolbook method to Karatsuba's. */
#define BIG_KARATSUBA_THRESHOLD 32

/* Length of a[0..n) without its leading zero digits. */
size_t big_mag_normalize(const BigDigit *a, size_t n);
/* Compares two normalised magnitudes: <0, 0, >0. */
int big_mag_cmp(const BigDigit *a, size_t na, const BigDigit *b, size_t nb);
/* Number of significant bits (0 for zero). */
size_t big_mag_bitlen(const BigDigit *a, size_t n);

/* r = a + b. r has room for max(na, nb) + 1 digits and may alias a or b.
 * Returns the normalised length. O(n). */
size_t big_mag_add(BigDigit *r, const BigDigit *a, size_t na, const BigDigit *b, size_t nb);
/* r = a - b, which requires a >= b. r has room for na digits and may alias
 * a or b. Returns the normalised length. O(n). */
size_t big_mag_sub(BigDigit *r, const BigDigit *a, size_t na, const BigDigit *b, size_t nb);
/* r = a * m + c for one digit m and carry-in c. r has room for n + 1 digits
 * and may alias a. Returns the normalised length. O(n). */
size_t big_mag_mul_1(BigDigit *r, const BigDigit *a, size_t n, BigDigit m, BigDigit c);
/* r = a * b. r has room for na + nb digits and must not overlap a or b.
 * Schoolbook below BIG_KARATSUBA_THRESHOLD digits, Karatsuba above:
 * O(n^1.585). Returns the normalised length. */
size_t big_mag_mul(BigDigit *r, const BigDigit *a, size_t na, const BigDigit *b, size_t nb);

/* q = a / d, returns a % d, for d != 0. q has room for n digits and may
 * alias a. O(n). */
BigDigit big_mag_divrem_1(BigDigit *q, const BigDigit *a, size_t n, BigDigit d);
/* Knuth's algorithm D: q = a / b and r = a % b for normalised a and b with
 * na >= nb >= 1. q has room for na - nb + 1 digits, r for nb; either may be
 * NULL when not wanted. Neither may overlap a or b. O(nb * (na - nb + 1)). */
void big_mag_divrem(BigDigit *q, BigDigit *r, const BigDigit *a, size_t na, const BigDigit *b, size_t nb);

/* r = a << shift. r has room for n + shift / 64 + 1 digits and must not
 * overlap a. Returns the normalised length. */
size_t big_mag_lshift(BigDigit *r, const BigDigit *a, size_t n, size_t shift);
/* r = a >> shift. r has room for n digits and may equal a. Returns the
 * normalised length; *lost is set when any one bit was shifted out. */
size_t big_mag_rshift(BigDigit *r, const BigDigit *a, size_t n, size_t shift, bool *lost);

/* The magnitude as a double, rounded to nearest with ties to even. Returns
 * false when the value rounds past the largest finite double. */
bool big_mag_to_double(const BigDigit *a, size_t n, double *out);
/* The magnitude of an integral, finite double into r (room for
 * BIG_DOUBLE_DIGITS digits). Returns the normalised length. */
#define BIG_DOUBLE_DIGITS 17
size_t big_mag_from_double(BigDigit *r, double d);

/* Two's complement digit-wise operations: x and y hold signed values in
 * n digits each (sign-extended); r = x op y, n digits, may alias. */
typedef enum BigBitOp { BIG_AND, BIG_OR, BIG_XOR } BigBitOp;
void big_twos_op(BigDigit *r, const BigDigit *x, const BigDigit *y, size_t n, BigBitOp op);
/* Writes the n-digit two's complement form of a sign-magnitude value
 * (m[0..nm), nm < n) into r. */
void big_to_twos(BigDigit *r, size_t n, const BigDigit *m, size_t nm, bool negative);
/* Turns an n-digit two's complement value in place into its magnitude;
 * returns whether it was negative. The normalised length is in *len. */
bool big_from_twos(BigDigit *r, size_t n, size_t *len);

#endif
