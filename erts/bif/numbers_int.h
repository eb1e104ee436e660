/* numbers_int.h — integer arithmetic on terms of any size: the bignum side of
 * the arithmetic BIFs. Results are normalised (a value in the small range is
 * always a small integer). Operands must already be integers (small or big);
 * type checks and the choice of error stay with the calling BIF. Each
 * function that can fail returns TERM_NONE with the exception on p
 * (badarith for division by zero, system_limit for results larger than
 * BIG_MAX_DIGITS digits). None of them collects garbage. */
#ifndef EMBER_NUMBERS_INT_H
#define EMBER_NUMBERS_INT_H

#include <stdbool.h>

#include "proc/process.h"
#include "term/bignum.h"
#include "term/term.h"

/* A 128-bit value as an integer term (small or big). */
Term num_int_from_i128(Process *p, __int128 v);
/* The value of an integer term when it fits in 128 bits (signed); false for
 * anything else. */
bool num_int_to_i128(Term t, __int128 *out);

Term num_int_add(Process *p, Term a, Term b);
Term num_int_sub(Process *p, Term a, Term b);
/* Time O(n^1.585) for large operands (Karatsuba). */
Term num_int_mul(Process *p, Term a, Term b);
/* div and rem: truncating toward zero; rem has the sign of a. O(n*m). */
Term num_int_div(Process *p, Term a, Term b);
Term num_int_rem(Process *p, Term a, Term b);
Term num_int_neg(Process *p, Term a);
Term num_int_abs(Process *p, Term a);

/* band / bor / bxor with two's complement semantics on negative values. */
Term num_int_bitop(Process *p, Term a, Term b, BigBitOp op);
Term num_int_bnot(Process *p, Term a);
/* a bsl count (left) or a bsr count; count may be any integer. */
Term num_int_shift(Process *p, Term a, Term count, bool left);

/* An integer as a double, correctly rounded; false when it is too large
 * for a finite double. */
bool num_int_to_double(Term a, double *out);
/* Any number (small, big or float) as a double; false for a non-number or
 * an integer too large for a finite double. */
bool num_to_double(Term t, double *out);
/* The integer value of an integral finite double. */
Term num_int_from_double(Process *p, double d);

/* Parses [+-]digits in base 2..36 (either letter case) from the whole of
 * s[0..len); badarg when the text is not such a number. Time quadratic in
 * the length. */
Term num_int_from_text(Process *p, const char *s, size_t len, unsigned base);

#endif
