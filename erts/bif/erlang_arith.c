/* erlang_arith.c — arithmetic operators and number BIFs (+ - * / div rem,
 * the bitwise operators, abs, float, trunc, round, ceil, floor). Small
 * integers and floats are handled here; anything involving a bignum goes to
 * bif/numbers_int.c. Every BIF here costs one reduction, plus one per 16
 * digits of bignum work. */
#include "bif/bif.h"

#include <math.h>

#include "atom/atom.h"
#include "bif/bif_util.h"
#include "bif/numbers_int.h"

static Term badarith(Process *p) { return proc_error(p, ATOM_badarith); }

static Term make_int(Process *p, __int128 v)
{
    return num_int_from_i128(p, v);
}

/* A float result: infinities and NaN are badarith, as on OTP. */
static Term make_float(Process *p, double d)
{
    if (!isfinite(d)) return badarith(p);
    return term_make_float(proc_alloc(p, FLOAT_WORDS), d);
}

typedef enum Kind { K_SMALL, K_FLOAT, K_BIG, K_OTHER } Kind;

static Kind kind_of(Term t)
{
    if (term_is_small(t)) return K_SMALL;
    if (term_is_float(t)) return K_FLOAT;
    if (term_is_bignum(t)) return K_BIG;
    return K_OTHER;
}

/* Any number as a double; false for a bignum beyond the double range. */
static bool to_double(Term t, double *out) { return num_to_double(t, out); }

typedef enum ArithOp { OP_ADD, OP_SUB, OP_MUL } ArithOp;

/* + - * on any mix of small integers and floats. */
static Term arith(Process *p, ArithOp op, Term a, Term b)
{
    Kind ka = kind_of(a), kb = kind_of(b);
    if (ka == K_OTHER || kb == K_OTHER) return badarith(p);
    if (ka == K_SMALL && kb == K_SMALL) {
        __int128 x = term_small_value(a), y = term_small_value(b);
        return make_int(p, op == OP_ADD ? x + y : op == OP_SUB ? x - y : x * y);
    }
    if (ka != K_FLOAT && kb != K_FLOAT)
        return op == OP_ADD ? num_int_add(p, a, b) : op == OP_SUB ? num_int_sub(p, a, b) : num_int_mul(p, a, b);
    double x, y;
    if (!to_double(a, &x) || !to_double(b, &y)) return badarith(p);
    return make_float(p, op == OP_ADD ? x + y : op == OP_SUB ? x - y : x * y);
}

Term bif_erlang_plus_2(Process *p, const Term *args) { return arith(p, OP_ADD, args[0], args[1]); }
Term bif_erlang_minus_2(Process *p, const Term *args) { return arith(p, OP_SUB, args[0], args[1]); }
Term bif_erlang_times_2(Process *p, const Term *args) { return arith(p, OP_MUL, args[0], args[1]); }

/* '/' always gives a float; dividing by zero (or 0.0) is badarith. */
Term bif_erlang_divide_2(Process *p, const Term *args)
{
    Kind ka = kind_of(args[0]), kb = kind_of(args[1]);
    if (ka == K_OTHER || kb == K_OTHER) return badarith(p);
    double x, y;
    if (!to_double(args[0], &x) || !to_double(args[1], &y) || y == 0.0) return badarith(p);
    return make_float(p, x / y);
}

/* Both operands of div, rem and the bitwise operators must be integers. */
static bool int_operands(Process *p, const Term *args, Term *err)
{
    Kind ka = kind_of(args[0]), kb = kind_of(args[1]);
    if ((ka != K_SMALL && ka != K_BIG) || (kb != K_SMALL && kb != K_BIG)) {
        *err = badarith(p);
        return false;
    }
    return true;
}

static bool both_small(const Term *args) { return term_is_small(args[0]) && term_is_small(args[1]); }

Term bif_erlang_div_2(Process *p, const Term *args)
{
    Term err;
    if (!int_operands(p, args, &err)) return err;
    if (!both_small(args)) return num_int_div(p, args[0], args[1]);
    SInt y = term_small_value(args[1]);
    if (y == 0) return badarith(p);
    return make_int(p, (__int128)term_small_value(args[0]) / y); /* truncates toward zero, as div */
}

Term bif_erlang_rem_2(Process *p, const Term *args)
{
    Term err;
    if (!int_operands(p, args, &err)) return err;
    if (!both_small(args)) return num_int_rem(p, args[0], args[1]);
    SInt y = term_small_value(args[1]);
    if (y == 0) return badarith(p);
    return term_make_small(term_small_value(args[0]) % y); /* sign of the dividend, as rem */
}

Term bif_erlang_band_2(Process *p, const Term *args)
{
    Term err;
    if (!int_operands(p, args, &err)) return err;
    if (!both_small(args)) return num_int_bitop(p, args[0], args[1], BIG_AND);
    return term_make_small(term_small_value(args[0]) & term_small_value(args[1]));
}

Term bif_erlang_bor_2(Process *p, const Term *args)
{
    Term err;
    if (!int_operands(p, args, &err)) return err;
    if (!both_small(args)) return num_int_bitop(p, args[0], args[1], BIG_OR);
    return term_make_small(term_small_value(args[0]) | term_small_value(args[1]));
}

Term bif_erlang_bxor_2(Process *p, const Term *args)
{
    Term err;
    if (!int_operands(p, args, &err)) return err;
    if (!both_small(args)) return num_int_bitop(p, args[0], args[1], BIG_XOR);
    return term_make_small(term_small_value(args[0]) ^ term_small_value(args[1]));
}

/* a shifted left by s bits (right for negative s). Shifts right past the
 * width give 0 or -1; shifts left of a non-zero value past it need a bignum. */
static Term shift_left(Process *p, SInt a, SInt s)
{
    if (s >= 0) {
        if (a == 0) return term_make_small(0);
        if (s >= 64) return num_int_shift(p, term_make_small(a), term_make_small(s), true);
        return make_int(p, (__int128)a * ((__int128)1 << s));
    }
    if (s <= -63) return term_make_small(a < 0 ? -1 : 0);
    return term_make_small(a >> -s);
}

static Term shift(Process *p, const Term *args, bool left)
{
    Kind ka = kind_of(args[0]), kb = kind_of(args[1]);
    if ((ka != K_SMALL && ka != K_BIG) || (kb != K_SMALL && kb != K_BIG)) return badarith(p);
    if (ka == K_BIG || kb == K_BIG) return num_int_shift(p, args[0], args[1], left);
    SInt s = term_small_value(args[1]);
    return shift_left(p, term_small_value(args[0]), left ? s : -s);
}

Term bif_erlang_bsl_2(Process *p, const Term *args) { return shift(p, args, true); }
Term bif_erlang_bsr_2(Process *p, const Term *args) { return shift(p, args, false); }

Term bif_erlang_bnot_1(Process *p, const Term *args)
{
    Kind k = kind_of(args[0]);
    if (k == K_BIG) return num_int_bnot(p, args[0]);
    if (k != K_SMALL) return badarith(p);
    return term_make_small(~term_small_value(args[0]));
}

Term bif_erlang_minus_1(Process *p, const Term *args)
{
    switch (kind_of(args[0])) {
    case K_SMALL: return make_int(p, -(__int128)term_small_value(args[0]));
    case K_FLOAT: return make_float(p, -term_float_value(args[0]));
    case K_BIG: return num_int_neg(p, args[0]);
    default: return badarith(p);
    }
}

Term bif_erlang_plus_1(Process *p, const Term *args)
{
    return term_is_number(args[0]) ? args[0] : badarith(p);
}

/* ---- number BIFs: badarg (not badarith) for non-numbers ---------------- */

Term bif_erlang_abs_1(Process *p, const Term *args)
{
    switch (kind_of(args[0])) {
    case K_SMALL: {
        SInt v = term_small_value(args[0]);
        return v < 0 ? make_int(p, -(__int128)v) : args[0];
    }
    case K_FLOAT: { /* negates only below zero, so abs(-0.0) stays -0.0 as on OTP 25 */
        double d = term_float_value(args[0]);
        return d < 0 ? make_float(p, -d) : args[0];
    }
    case K_BIG: return num_int_abs(p, args[0]);
    default: return proc_badarg(p);
    }
}

Term bif_erlang_float_1(Process *p, const Term *args)
{
    switch (kind_of(args[0])) {
    case K_SMALL: return make_float(p, (double)term_small_value(args[0]));
    case K_FLOAT: return args[0];
    case K_BIG: {
        double d;
        return num_int_to_double(args[0], &d) ? make_float(p, d) : proc_badarg(p);
    }
    default: return proc_badarg(p);
    }
}

/* A float rounded by fn to an integer; integers pass through unchanged. */
static Term to_integer(Process *p, Term t, double (*fn)(double))
{
    switch (kind_of(t)) {
    case K_SMALL:
    case K_BIG: return t;
    case K_FLOAT: {
        double d = fn(term_float_value(t));
        return num_int_from_double(p, d);
    }
    default: return proc_badarg(p);
    }
}

Term bif_erlang_trunc_1(Process *p, const Term *args) { return to_integer(p, args[0], trunc); }
Term bif_erlang_round_1(Process *p, const Term *args) { return to_integer(p, args[0], round); }
Term bif_erlang_ceil_1(Process *p, const Term *args) { return to_integer(p, args[0], ceil); }
Term bif_erlang_floor_1(Process *p, const Term *args) { return to_integer(p, args[0], floor); }
