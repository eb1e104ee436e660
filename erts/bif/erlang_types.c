/* erlang_types.c — the type-test BIFs of the erlang module (is_atom/1 …),
 * the same tests the compiler emits as guard instructions, for apply and
 * for calls through funs. Each costs one reduction. */
#include "bif/bif.h"

#include "atom/atom.h"
#include "term/binary.h"
#include "term/boxed.h"

static inline Term boolean(bool b) { return b ? ATOM_true : ATOM_false; }

Term bif_erlang_is_atom_1(Process *p, const Term *args) { return boolean(term_is_atom(args[0])); }
Term bif_erlang_is_binary_1(Process *p, const Term *args)
{
    return boolean(binary_is_binary(args[0]));
}
Term bif_erlang_is_bitstring_1(Process *p, const Term *args) { return boolean(term_is_bitstring(args[0])); }
Term bif_erlang_is_boolean_1(Process *p, const Term *args)
{
    return boolean(args[0] == ATOM_true || args[0] == ATOM_false);
}
Term bif_erlang_is_float_1(Process *p, const Term *args) { return boolean(term_is_float(args[0])); }
Term bif_erlang_is_integer_1(Process *p, const Term *args) { return boolean(term_is_integer(args[0])); }
Term bif_erlang_is_number_1(Process *p, const Term *args) { return boolean(term_is_number(args[0])); }
Term bif_erlang_is_list_1(Process *p, const Term *args)
{
    return boolean(term_is_list(args[0]) || term_is_nil(args[0]));
}
Term bif_erlang_is_tuple_1(Process *p, const Term *args) { return boolean(term_is_tuple(args[0])); }
Term bif_erlang_is_map_1(Process *p, const Term *args) { return boolean(term_is_map(args[0])); }
Term bif_erlang_is_pid_1(Process *p, const Term *args) { return boolean(term_is_pid(args[0])); }
Term bif_erlang_is_port_1(Process *p, const Term *args) { return boolean(term_is_port(args[0])); }
Term bif_erlang_is_reference_1(Process *p, const Term *args) { return boolean(term_is_ref(args[0])); }
Term bif_erlang_is_function_1(Process *p, const Term *args) { return boolean(term_is_fun(args[0])); }

/* The arity a fun accepts: a closure's function takes its free variables too. */
static unsigned fun_arity(Term fun)
{
    if (term_is_boxed_tag(fun, HDR_EXPORT)) return export_of_fun(fun)->arity;
    const FunEntry *fe = fun_entry(fun);
    return fe->arity - fe->num_free;
}

/* is_function(F, A): a negative or non-integer A is badarg; an arity too large
 * for any function is simply false. */
Term bif_erlang_is_function_2(Process *p, const Term *args)
{
    Term a = args[1];
    if (term_is_small(a)) {
        if (term_small_value(a) < 0) return proc_badarg(p);
    } else if (term_is_bignum(a)) {
        if (header_tag(term_boxed_header(a)) == HDR_NEG_BIG) return proc_badarg(p);
        return ATOM_false;
    } else {
        return proc_badarg(p);
    }
    if (!term_is_fun(args[0])) return ATOM_false;
    return boolean((SInt)fun_arity(args[0]) == term_small_value(a));
}

Term bif_erlang_is_record_2(Process *p, const Term *args)
{
    if (!term_is_atom(args[1])) return proc_badarg(p);
    Term t = args[0];
    return boolean(term_is_tuple(t) && term_tuple_arity(t) >= 1 && term_tuple_element(t, 1) == args[1]);
}

Term bif_erlang_is_record_3(Process *p, const Term *args)
{
    if (!term_is_atom(args[1]) || !term_is_integer(args[2])) return proc_badarg(p);
    Term t = args[0];
    if (!term_is_small(args[2]) || !term_is_tuple(t)) return ATOM_false;
    SInt size = term_small_value(args[2]);
    return boolean(size >= 1 && term_tuple_arity(t) == (UInt)size && term_tuple_element(t, 1) == args[1]);
}
