/* float.c — integer and float terms to doubles, as fconv and float/1 need. */
#include "emu/float.h"

#include <math.h>

#include "term/boxed.h"

bool emu_number_to_double(Term t, double *out)
{
    if (term_is_small(t)) {
        *out = (double)term_small_value(t);
        return true;
    }
    if (term_is_float(t)) {
        *out = term_float_value(t);
        return true;
    }
    if (!term_is_bignum(t)) return false;
    /* Horner's rule from the most significant digit; the rounding is that of
     * repeated double arithmetic, exact for magnitudes below 2^53. */
    const uint64_t *d = big_digits(t);
    double v = 0.0;
    for (size_t i = big_ndigits(t); i-- > 0;) v = v * 18446744073709551616.0 + (double)d[i];
    if (!isfinite(v)) return false;
    *out = big_is_negative(t) ? -v : v;
    return true;
}
