/* erlang_dict.c — the process dictionary: put/2, get/0,1, erase/0,1,
 * get_keys/0,1. p->dictionary is a list of {Key, Value} tuples, newest key
 * first; keys match with =:=. Cells and tuples are never changed in place (a
 * generational collector must not see old terms pointing at new ones), so an
 * update copies the cells in front of the entry it replaces. get/0 and
 * get_keys/0 list entries in insertion order (OTP's order is that of its hash
 * table). Costs: one reduction; put/erase/get are linear in the size. */
#include "bif/bif.h"

#include "atom/atom.h"
#include "bif/bif_util.h"
#include "term/compare.h"

/* Position (0-based) of the entry for key, or -1. */
static long find(Term dict, Term key, Term *entry)
{
    long i = 0;
    for (; term_is_list(dict); dict = term_tail(dict), i++) {
        Term e = term_head(dict);
        if (term_eq_exact(term_tuple_element(e, 1), key)) {
            *entry = e;
            return i;
        }
    }
    return -1;
}

/* The dictionary with entry number pos replaced by repl, or dropped when repl
 * is TERM_NONE: copies the cells in front of it and shares the rest. */
static Term rebuild(Process *p, Term dict, long pos, Term repl)
{
    Term rest = dict;
    for (long i = 0; i <= pos; i++) rest = term_tail(rest);
    if (repl != TERM_NONE) rest = term_cons(proc_alloc(p, 2), repl, rest);
    if (pos == 0) return rest;
    Term *cells = proc_alloc(p, 2 * (size_t)pos);
    Term l = dict;
    for (long i = 0; i < pos; i++, l = term_tail(l)) {
        cells[2 * i] = term_head(l);
        cells[2 * i + 1] = i + 1 < pos ? term_make_list(cells + 2 * (i + 1)) : rest;
    }
    return term_make_list(cells);
}

Term bif_erlang_put_2(Process *p, const Term *args)
{
    Term entry = TERM_NONE;
    long pos = find(p->dictionary, args[0], &entry);
    Term fresh = bif_tuple2(p, args[0], args[1]);
    if (pos < 0) {
        p->dictionary = term_cons(proc_alloc(p, 2), fresh, p->dictionary);
        return ATOM_undefined;
    }
    p->dictionary = rebuild(p, p->dictionary, pos, fresh);
    return term_tuple_element(entry, 2);
}

Term bif_erlang_get_1(Process *p, const Term *args)
{
    Term entry;
    return find(p->dictionary, args[0], &entry) < 0 ? ATOM_undefined : term_tuple_element(entry, 2);
}

Term bif_erlang_erase_1(Process *p, const Term *args)
{
    Term entry = TERM_NONE;
    long pos = find(p->dictionary, args[0], &entry);
    if (pos < 0) return ATOM_undefined;
    p->dictionary = rebuild(p, p->dictionary, pos, TERM_NONE);
    return term_tuple_element(entry, 2);
}

/* The entries (or only their keys) in insertion order, i.e. reversed. Entries
 * are shared: their tuples are never modified. */
static Term listing(Process *p, bool keys_only, Term value)
{
    Term out = TERM_NIL;
    for (Term l = p->dictionary; term_is_list(l); l = term_tail(l)) {
        Term e = term_head(l);
        if (value != TERM_NONE && !term_eq_exact(term_tuple_element(e, 2), value)) continue;
        out = term_cons(proc_alloc(p, 2), keys_only ? term_tuple_element(e, 1) : e, out);
    }
    return out;
}

Term bif_erlang_get_0(Process *p, const Term *args) { return listing(p, false, TERM_NONE); }

Term bif_erlang_erase_0(Process *p, const Term *args)
{
    Term all = listing(p, false, TERM_NONE);
    p->dictionary = TERM_NIL;
    return all;
}

Term bif_erlang_get_keys_0(Process *p, const Term *args) { return listing(p, true, TERM_NONE); }
Term bif_erlang_get_keys_1(Process *p, const Term *args) { return listing(p, true, args[0]); }
