/* erlang_tuple.c — tuple BIFs: element access, building and reshaping tuples,
 * and conversion to and from lists. Tuples are never changed in place: every
 * "update" copies, as Erlang's semantics require. */
#include "bif/bif.h"

#include "atom/atom.h"
#include "bif/bif_util.h"
#include "term/binary.h"

/* OTP's largest tuple arity. */
#define MAX_TUPLE_ARITY ((1u << 24) - 1)

/* A 1-based index argument within 1..limit, or 0 when it is not one. */
static UInt index_arg(Term t, UInt limit)
{
    if (!term_is_small(t)) return 0;
    SInt i = term_small_value(t);
    return i >= 1 && (UInt)i <= limit ? (UInt)i : 0;
}

static Term copy_tuple(Process *p, Term t, Term **elems)
{
    UInt n = term_tuple_arity(t);
    Term copy = bif_alloc_tuple(p, n, elems);
    memcpy(*elems, term_tuple_elements(t), n * sizeof(Term));
    return copy;
}

Term bif_erlang_element_2(Process *p, const Term *args)
{
    if (!term_is_tuple(args[1])) return proc_badarg(p);
    UInt i = index_arg(args[0], term_tuple_arity(args[1]));
    return i ? term_tuple_element(args[1], i) : proc_badarg(p);
}

/* Cost: one reduction; copies the tuple. */
Term bif_erlang_setelement_3(Process *p, const Term *args)
{
    if (!term_is_tuple(args[1])) return proc_badarg(p);
    UInt i = index_arg(args[0], term_tuple_arity(args[1]));
    if (!i) return proc_badarg(p);
    Term *e;
    Term copy = copy_tuple(p, args[1], &e);
    e[i - 1] = args[2];
    return copy;
}

Term bif_erlang_tuple_size_1(Process *p, const Term *args)
{
    if (!term_is_tuple(args[0])) return proc_badarg(p);
    return term_make_small((SInt)term_tuple_arity(args[0]));
}

/* size/1: tuple arity or binary byte size. */
Term bif_erlang_size_1(Process *p, const Term *args)
{
    if (term_is_tuple(args[0])) return term_make_small((SInt)term_tuple_arity(args[0]));
    if (!term_is_bitstring(args[0])) return proc_badarg(p);
    return term_make_small((SInt)(binary_bit_size(args[0]) / 8)); /* whole bytes only */
}

static bool arity_arg(Term t, UInt *n)
{
    if (!term_is_small(t) || term_small_value(t) < 0 || term_small_value(t) > MAX_TUPLE_ARITY) return false;
    *n = (UInt)term_small_value(t);
    return true;
}

Term bif_erlang_make_tuple_2(Process *p, const Term *args)
{
    UInt n;
    if (!arity_arg(args[0], &n)) return proc_badarg(p);
    Term *e;
    Term t = bif_alloc_tuple(p, n, &e);
    for (UInt i = 0; i < n; i++) e[i] = args[1];
    return t;
}

/* make_tuple(N, Default, [{Pos, Value}]): later entries win. */
Term bif_erlang_make_tuple_3(Process *p, const Term *args)
{
    UInt n;
    if (!arity_arg(args[0], &n)) return proc_badarg(p);
    Term list = args[2];
    for (Term l = list; !term_is_nil(l); l = term_tail(l)) {
        if (!term_is_list(l)) return proc_badarg(p);
        Term pair = term_head(l);
        if (!term_is_tuple(pair) || term_tuple_arity(pair) != 2) return proc_badarg(p);
        if (!index_arg(term_tuple_element(pair, 1), n)) return proc_badarg(p);
    }
    Term *e;
    Term t = bif_alloc_tuple(p, n, &e);
    for (UInt i = 0; i < n; i++) e[i] = args[1];
    for (Term l = list; term_is_list(l); l = term_tail(l)) {
        Term pair = term_head(l);
        e[term_small_value(term_tuple_element(pair, 1)) - 1] = term_tuple_element(pair, 2);
    }
    return t;
}

Term bif_erlang_append_element_2(Process *p, const Term *args)
{
    if (!term_is_tuple(args[0])) return proc_badarg(p);
    UInt n = term_tuple_arity(args[0]);
    if (n >= MAX_TUPLE_ARITY) return proc_badarg(p);
    Term *e;
    Term t = bif_alloc_tuple(p, n + 1, &e);
    memcpy(e, term_tuple_elements(args[0]), n * sizeof(Term));
    e[n] = args[1];
    return t;
}

Term bif_erlang_insert_element_3(Process *p, const Term *args)
{
    if (!term_is_tuple(args[1])) return proc_badarg(p);
    UInt n = term_tuple_arity(args[1]);
    UInt i = index_arg(args[0], n + 1);
    if (!i || n >= MAX_TUPLE_ARITY) return proc_badarg(p);
    const Term *src = term_tuple_elements(args[1]);
    Term *e;
    Term t = bif_alloc_tuple(p, n + 1, &e);
    memcpy(e, src, (i - 1) * sizeof(Term));
    e[i - 1] = args[2];
    memcpy(e + i, src + i - 1, (n - (i - 1)) * sizeof(Term));
    return t;
}

Term bif_erlang_delete_element_2(Process *p, const Term *args)
{
    if (!term_is_tuple(args[1])) return proc_badarg(p);
    UInt n = term_tuple_arity(args[1]);
    UInt i = index_arg(args[0], n);
    if (!i) return proc_badarg(p);
    const Term *src = term_tuple_elements(args[1]);
    Term *e;
    Term t = bif_alloc_tuple(p, n - 1, &e);
    memcpy(e, src, (i - 1) * sizeof(Term));
    memcpy(e + i - 1, src + i, (n - i) * sizeof(Term));
    return t;
}

/* Cost: one reduction; builds arity cons cells. */
Term bif_erlang_tuple_to_list_1(Process *p, const Term *args)
{
    if (!term_is_tuple(args[0])) return proc_badarg(p);
    return bif_array_to_list(p, term_tuple_elements(args[0]), term_tuple_arity(args[0]), TERM_NIL);
}

Term bif_erlang_list_to_tuple_1(Process *p, const Term *args)
{
    size_t n;
    if (!bif_list_length(args[0], &n) || n > MAX_TUPLE_ARITY) return proc_badarg(p);
    Term *e;
    Term t = bif_alloc_tuple(p, n, &e);
    size_t i = 0;
    for (Term l = args[0]; term_is_list(l); l = term_tail(l)) e[i++] = term_head(l);
    return t;
}
