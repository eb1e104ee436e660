/* float.c — integer and float terms to doubles, as fconv and float/1 need. */
#include "emu/float.h"

#include <math.h>

#include "term/bignum.h"
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
    /* rounded to nearest, ties to even, as OTP converts */
    double v;
    if (!big_mag_to_double(big_digits(t), big_ndigits(t), &v)) return false;
    *out = big_is_negative(t) ? -v : v;
    return true;
}
