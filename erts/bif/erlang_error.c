/* erlang_error.c — the BIFs that raise: error/1,2,3, exit/1, throw/1,
 * raise/3 and nif_error/1,2. They only fill in the exception fields of the
 * process (proc/process.h); the interpreter builds the stack trace. */
#include "bif/bif.h"

#include "atom/atom.h"
#include "bif/bif_util.h"

static bool is_list(Term t) { return term_is_list(t) || term_is_nil(t); }

Term bif_erlang_error_1(Process *p, const Term *args) { return proc_raise(p, ATOM_error, args[0]); }

/* error(Reason, Args): Args replaces the arity of the caller's frame when it
 * is a list (even an improper one, as on OTP); anything else is ignored. */
Term bif_erlang_error_2(Process *p, const Term *args)
{
    proc_raise(p, ATOM_error, args[0]);
    if (is_list(args[1])) p->fargs = args[1];
    return TERM_NONE;
}

/* The error_info map of error/3's options. OTP honours it only when every
 * option is a well-formed {error_info, Map} in a proper list. */
static Term error_info_option(Term opts)
{
    Term info = TERM_NONE;
    for (; term_is_list(opts); opts = term_tail(opts)) {
        Term o = term_head(opts);
        if (!term_is_tuple(o) || term_tuple_arity(o) != 2 || term_tuple_element(o, 1) != ATOM_error_info ||
            !term_is_map(term_tuple_element(o, 2)))
            return TERM_NONE;
        info = term_tuple_element(o, 2);
    }
    return term_is_nil(opts) ? info : TERM_NONE;
}

Term bif_erlang_error_3(Process *p, const Term *args)
{
    proc_raise(p, ATOM_error, args[0]);
    if (is_list(args[1])) p->fargs = args[1];
    p->ferror_info = error_info_option(args[2]);
    return TERM_NONE;
}

Term bif_erlang_exit_1(Process *p, const Term *args) { return proc_raise(p, ATOM_exit, args[0]); }
Term bif_erlang_throw_1(Process *p, const Term *args) { return proc_raise(p, ATOM_throw, args[0]); }

/* nif_error/1,2 is what a NIF stub calls when its library is not loaded: a
 * plain error whose BIF frame the interpreter adds like any other BIF's. */
Term bif_erlang_nif_error_1(Process *p, const Term *args) { return proc_raise(p, ATOM_error, args[0]); }
Term bif_erlang_nif_error_2(Process *p, const Term *args) { return proc_raise(p, ATOM_error, args[0]); }

/* One stack trace entry as raise/3 accepts it, normalised to four elements:
 * {M,F,A,Loc} and {M,F,A} with atoms M and F, or {Fun,Args,Loc} and
 * {Fun,Args}; Loc must be a list. Returns TERM_NONE for anything else. */
static Term trace_entry(Process *p, Term e)
{
    if (!term_is_tuple(e)) return TERM_NONE;
    UInt n = term_tuple_arity(e);
    Term a = n >= 1 ? term_tuple_element(e, 1) : TERM_NIL;
    Term b = n >= 2 ? term_tuple_element(e, 2) : TERM_NIL;
    if (term_is_fun(a)) {
        if (n == 2) return bif_tuple3(p, a, b, TERM_NIL);
        if (n == 3 && is_list(term_tuple_element(e, 3))) return e;
        return TERM_NONE;
    }
    if (!term_is_atom(a) || !term_is_atom(b)) return TERM_NONE;
    if (n == 4 && is_list(term_tuple_element(e, 4))) return e;
    if (n != 3) return TERM_NONE;
    Term *el;
    Term t = bif_alloc_tuple(p, 4, &el);
    el[0] = a;
    el[1] = b;
    el[2] = term_tuple_element(e, 3);
    el[3] = TERM_NIL;
    return t;
}

/* raise(Class, Reason, Trace): with a bad class or trace it does not raise
 * but returns badarg. Cost: one reduction, linear in the trace. */
Term bif_erlang_raise_3(Process *p, const Term *args)
{
    Term cls = args[0];
    if (cls != ATOM_error && cls != ATOM_exit && cls != ATOM_throw) return ATOM_badarg;
    size_t n;
    if (!bif_list_length(args[2], &n)) return ATOM_badarg;
    Term *cells = n ? proc_alloc(p, 2 * n) : NULL;
    size_t i = 0;
    for (Term l = args[2]; term_is_list(l); l = term_tail(l), i++) {
        Term e = trace_entry(p, term_head(l));
        if (e == TERM_NONE) return ATOM_badarg;
        cells[2 * i] = e;
        cells[2 * i + 1] = i + 1 < n ? term_make_list(cells + 2 * (i + 1)) : TERM_NIL;
    }
    proc_raise(p, cls, args[1]);
    p->ftrace = n ? term_make_list(cells) : TERM_NIL;
    return TERM_NONE;
}
