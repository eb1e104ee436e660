/* erlang_compare.c — the comparison operators, max/min and the boolean
 * operators. Ordering and equality come from term/compare.h, the one place
 * that knows Erlang's term order. Each costs one reduction. */
#include "bif/bif.h"

#include "atom/atom.h"
#include "term/compare.h"

static inline Term boolean(bool b) { return b ? ATOM_true : ATOM_false; }

Term bif_erlang_eq_2(Process *p, const Term *args) { return boolean(term_eq(args[0], args[1])); }
Term bif_erlang_neq_2(Process *p, const Term *args) { return boolean(!term_eq(args[0], args[1])); }
Term bif_erlang_exact_eq_2(Process *p, const Term *args) { return boolean(term_eq_exact(args[0], args[1])); }
Term bif_erlang_exact_neq_2(Process *p, const Term *args) { return boolean(!term_eq_exact(args[0], args[1])); }
Term bif_erlang_lt_2(Process *p, const Term *args) { return boolean(term_compare(args[0], args[1]) < 0); }
Term bif_erlang_gt_2(Process *p, const Term *args) { return boolean(term_compare(args[0], args[1]) > 0); }
Term bif_erlang_le_2(Process *p, const Term *args) { return boolean(term_compare(args[0], args[1]) <= 0); }
Term bif_erlang_ge_2(Process *p, const Term *args) { return boolean(term_compare(args[0], args[1]) >= 0); }

/* On a tie (1 and 1.0) both return their first argument, as OTP does. */
Term bif_erlang_max_2(Process *p, const Term *args)
{
    return term_compare(args[0], args[1]) < 0 ? args[1] : args[0];
}

Term bif_erlang_min_2(Process *p, const Term *args)
{
    return term_compare(args[0], args[1]) > 0 ? args[1] : args[0];
}

static inline bool is_bool(Term t) { return t == ATOM_true || t == ATOM_false; }

/* and/or/xor evaluate both operands (unlike andalso/orelse), so both must be booleans. */
Term bif_erlang_and_2(Process *p, const Term *args)
{
    if (!is_bool(args[0]) || !is_bool(args[1])) return proc_badarg(p);
    return boolean(args[0] == ATOM_true && args[1] == ATOM_true);
}

Term bif_erlang_or_2(Process *p, const Term *args)
{
    if (!is_bool(args[0]) || !is_bool(args[1])) return proc_badarg(p);
    return boolean(args[0] == ATOM_true || args[1] == ATOM_true);
}

Term bif_erlang_xor_2(Process *p, const Term *args)
{
    if (!is_bool(args[0]) || !is_bool(args[1])) return proc_badarg(p);
    return boolean(args[0] != args[1]);
}

Term bif_erlang_not_1(Process *p, const Term *args)
{
    if (!is_bool(args[0])) return proc_badarg(p);
    return boolean(args[0] == ATOM_false);
}
