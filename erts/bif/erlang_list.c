/* erlang_list.c — list BIFs of the erlang module (hd, tl, length, ++, --) and
 * the native functions of the lists module (reverse/2, member/2, keyfind/3,
 * keymember/3, keysearch/3). Every list is checked to be proper before any
 * result is built, so a badarg never leaves a half-built list behind. */
#include "bif/bif.h"

#include <stdlib.h>

#include "atom/atom.h"
#include "bif/bif_reds.h"
#include "bif/bif_util.h"
#include "term/compare.h"

Term bif_erlang_hd_1(Process *p, const Term *args)
{
    return term_is_list(args[0]) ? term_head(args[0]) : proc_badarg(p);
}

Term bif_erlang_tl_1(Process *p, const Term *args)
{
    return term_is_list(args[0]) ? term_tail(args[0]) : proc_badarg(p);
}

/* Cost: one reduction per 16 cells (bif_reds.h). */
Term bif_erlang_length_1(Process *p, const Term *args)
{
    size_t n;
    if (!bif_list_length(args[0], &n)) return proc_badarg(p);
    bif_charge_cells(p, n);
    return term_make_small((SInt)n);
}

/* Copies the n cells of the proper prefix of list onto the heap, ending in tail. */
static Term copy_prefix(Process *p, Term list, size_t n, Term tail)
{
    if (n == 0) return tail;
    Term *cells = proc_alloc(p, 2 * n);
    for (size_t i = 0; i < n; i++, list = term_tail(list)) {
        cells[2 * i] = term_head(list);
        cells[2 * i + 1] = i + 1 < n ? term_make_list(cells + 2 * (i + 1)) : tail;
    }
    return term_make_list(cells);
}

/* A ++ B: copies A; B is shared, whatever it is. Cost: one reduction per 16
 * cells of A. */
Term bif_erlang_plusplus_2(Process *p, const Term *args)
{
    size_t n;
    if (!bif_list_length(args[0], &n)) return proc_badarg(p);
    bif_charge_cells(p, n);
    return copy_prefix(p, args[0], n, args[1]);
}

/*
 * A -- B removes, for each element of B, the first remaining element of A
 * that is exactly equal to it. Walking A once and consuming matches from a
 * multiset of B gives the same result. Immediates (the common case: atoms,
 * small integers) go into a hash table keyed by their word, since two
 * immediates are =:= exactly when their words are equal; boxed terms are
 * matched by a linear scan. Cost: O(|A| + |B|) for immediates, O(|A|·k) for k
 * boxed elements of B.
 */
typedef struct Multiset {
    Term *keys; /* TERM_NONE marks an empty slot */
    size_t *counts;
    size_t mask;
    Term *boxed; /* boxed elements of B, TERM_NONE once consumed */
    size_t num_boxed;
} Multiset;

static size_t slot_of(const Multiset *m, Term key)
{
    size_t i = (size_t)((key * 0x9E3779B97F4A7C15ull) >> 20) & m->mask;
    while (m->keys[i] != TERM_NONE && m->keys[i] != key) i = (i + 1) & m->mask;
    return i;
}

static bool multiset_init(Multiset *m, Term list, size_t n)
{
    size_t cap = 16;
    while (cap < 2 * n) cap <<= 1;
    m->keys = calloc(cap, sizeof *m->keys);
    m->counts = calloc(cap, sizeof *m->counts);
    m->boxed = malloc((n ? n : 1) * sizeof *m->boxed);
    m->mask = cap - 1;
    m->num_boxed = 0;
    if (!m->keys || !m->counts || !m->boxed) return false;
    for (; term_is_list(list); list = term_tail(list)) {
        Term x = term_head(list);
        if (term_is_immed(x)) {
            size_t s = slot_of(m, x);
            m->keys[s] = x;
            m->counts[s]++;
        } else {
            m->boxed[m->num_boxed++] = x;
        }
    }
    return true;
}

static void multiset_free(Multiset *m)
{
    free(m->keys);
    free(m->counts);
    free(m->boxed);
}

/* Removes one element exactly equal to x; true if there was one. */
static bool multiset_take(Multiset *m, Term x)
{
    if (term_is_immed(x)) {
        size_t s = slot_of(m, x);
        if (m->keys[s] != x || m->counts[s] == 0) return false;
        m->counts[s]--;
        return true;
    }
    for (size_t i = 0; i < m->num_boxed; i++) {
        if (m->boxed[i] != TERM_NONE && term_eq_exact(m->boxed[i], x)) {
            m->boxed[i] = TERM_NONE;
            return true;
        }
    }
    return false;
}

Term bif_erlang_minusminus_2(Process *p, const Term *args)
{
    size_t na, nb;
    if (!bif_list_length(args[0], &na) || !bif_list_length(args[1], &nb)) return proc_badarg(p);
    bif_charge_cells(p, na + nb); /* one reduction per 16 cells of A and B */
    if (na == 0 || nb == 0) return args[0];
    Multiset m;
    if (!multiset_init(&m, args[1], nb)) {
        multiset_free(&m);
        return proc_error(p, ATOM_system_limit);
    }
    /* Keep flags first, then build: the result is at most na cells. */
    Term *cells = proc_alloc(p, 2 * na);
    size_t kept = 0;
    for (Term l = args[0]; term_is_list(l); l = term_tail(l)) {
        Term x = term_head(l);
        if (!multiset_take(&m, x)) cells[2 * kept++] = x;
    }
    multiset_free(&m);
    if (kept == 0) return TERM_NIL;
    for (size_t i = 0; i < kept; i++) cells[2 * i + 1] = i + 1 < kept ? term_make_list(cells + 2 * (i + 1)) : TERM_NIL;
    return term_make_list(cells);
}

/* lists:reverse(List, Tail). Cost: one reduction per 16 cells. */
Term bif_lists_reverse_2(Process *p, const Term *args)
{
    size_t n;
    if (!bif_list_length(args[0], &n)) return proc_badarg(p);
    bif_charge_cells(p, n);
    Term *cells = n ? proc_alloc(p, 2 * n) : NULL;
    Term acc = args[1];
    size_t i = 0;
    for (Term l = args[0]; term_is_list(l); l = term_tail(l), i++) acc = term_cons(cells + 2 * i, term_head(l), acc);
    return acc;
}

/* lists:member/2 uses exact equality and stops at the first match, so an
 * improper tail after a match is not an error. */
Term bif_lists_member_2(Process *p, const Term *args)
{
    Term l = args[1];
    size_t n = 0; /* cost: one reduction per 16 cells walked */
    for (; term_is_list(l); l = term_tail(l), n++)
        if (term_eq_exact(term_head(l), args[0])) return bif_charge_cells(p, n), ATOM_true;
    bif_charge_cells(p, n);
    return term_is_nil(l) ? ATOM_false : proc_badarg(p);
}

/* The key functions compare with == (1 finds {1.0}). Returns the tuple found,
 * TERM_NIL when there is none, or TERM_NONE after raising badarg. */
static Term keyfind(Process *p, const Term *args)
{
    if (!term_is_small(args[1]) || term_small_value(args[1]) < 1) return proc_badarg(p);
    UInt pos = (UInt)term_small_value(args[1]);
    Term l = args[2];
    size_t n = 0; /* cost: one reduction per 16 cells walked */
    for (; term_is_list(l); l = term_tail(l), n++) {
        Term t = term_head(l);
        if (term_is_tuple(t) && term_tuple_arity(t) >= pos && term_eq(term_tuple_element(t, pos), args[0]))
            return bif_charge_cells(p, n), t;
    }
    bif_charge_cells(p, n);
    return term_is_nil(l) ? TERM_NIL : proc_badarg(p);
}

Term bif_lists_keyfind_3(Process *p, const Term *args)
{
    Term t = keyfind(p, args);
    return t == TERM_NIL ? ATOM_false : t;
}

Term bif_lists_keymember_3(Process *p, const Term *args)
{
    Term t = keyfind(p, args);
    if (t == TERM_NONE) return t;
    return t == TERM_NIL ? ATOM_false : ATOM_true;
}

Term bif_lists_keysearch_3(Process *p, const Term *args)
{
    Term t = keyfind(p, args);
    if (t == TERM_NONE || t == TERM_NIL) return t == TERM_NIL ? ATOM_false : t;
    return bif_tuple2(p, ATOM_value, t);
}
