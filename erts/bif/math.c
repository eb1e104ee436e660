/* math.c — the math module's BIFs. Arguments are any numbers (a bignum
 * beyond the double range is badarith, a non-number badarg); a NaN or
 * infinite result is badarith, as on OTP. Each costs one reduction. */
#include "bif/bif.h"

#include <math.h>

#include "atom/atom.h"
#include "bif/numbers_int.h"

static Term badarith(Process *p) { return proc_error(p, ATOM_badarith); }

/* Reads n numeric arguments as doubles; false, with the error raised into
 * *err, when one is not a number (badarg) or too large (badarith). */
static bool read_args(Process *p, const Term *args, int n, double *out, Term *err)
{
    for (int i = 0; i < n; i++) {
        if (!term_is_number(args[i])) {
            *err = proc_badarg(p);
            return false;
        }
        if (!num_to_double(args[i], &out[i])) {
            *err = badarith(p);
            return false;
        }
    }
    return true;
}

static Term result(Process *p, double r)
{
    if (!isfinite(r)) return badarith(p);
    return term_make_float(proc_alloc(p, FLOAT_WORDS), r);
}

static Term apply1(Process *p, const Term *args, double (*fn)(double))
{
    double x;
    Term err;
    if (!read_args(p, args, 1, &x, &err)) return err;
    return result(p, fn(x));
}

static Term apply2(Process *p, const Term *args, double (*fn)(double, double))
{
    double x[2];
    Term err;
    if (!read_args(p, args, 2, x, &err)) return err;
    return result(p, fn(x[0], x[1]));
}

#define MATH1(name)                                                                          \
    Term bif_math_##name##_1(Process *p, const Term *args) { return apply1(p, args, name); }
#define MATH2(name)                                                                          \
    Term bif_math_##name##_2(Process *p, const Term *args) { return apply2(p, args, name); }

MATH1(acos)
MATH1(acosh)
MATH1(asin)
MATH1(asinh)
MATH1(atan)
MATH1(atanh)
MATH1(ceil)
MATH1(cos)
MATH1(cosh)
MATH1(erf)
MATH1(erfc)
MATH1(exp)
MATH1(floor)
MATH1(log)
MATH1(log10)
MATH1(log2)
MATH1(sin)
MATH1(sinh)
MATH1(sqrt)
MATH1(tan)
MATH1(tanh)
MATH2(atan2)
MATH2(fmod)
MATH2(pow)

/* pi/0 is plain Erlang in OTP's math module; Ember has no math.beam, so it
 * is a BIF with the same value. */
Term bif_math_pi_0(Process *p, const Term *args)
{
    (void)args;
    return term_make_float(proc_alloc(p, FLOAT_WORDS), 3.1415926535897932);
}
