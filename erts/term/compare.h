/* compare.h — Erlang's term order and the two equalities.
 * Order: number < atom < reference < fun < port < pid < tuple < map < [] <
 * list < bitstring. All functions are iterative (explicit stack on the heap)
 * and never raise. */
#ifndef EMBER_COMPARE_H
#define EMBER_COMPARE_H

#include <stdbool.h>

#include "term/term.h"

/* <0, 0 or >0 in term order, numbers compared by value (1 == 1.0): the order
 * of '<', '==' and friends. */
int term_compare(Term a, Term b);

/* The exact order used for map keys and =:=: like term_compare, except that an
 * integer and a float never compare equal — every integer sorts before every
 * float (so #{1 => a, 1.0 => b} has the key 1 first). */
int term_compare_exact(Term a, Term b);

/* The walks behind term_eq_exact and term_eq, for terms the inline tests
 * below leave undecided. */
bool term_eq_exact_walk(Term a, Term b);
bool term_eq_walk(Term a, Term b);

/* =:= . Two distinct immediates are never equal, and an immediate is never
 * exactly equal to a boxed term (integers in the small range are never
 * bignums). */
static inline bool term_eq_exact(Term a, Term b)
{
    if (a == b) return true;
    if (term_is_immed(a) || term_is_immed(b)) return false;
    return term_eq_exact_walk(a, b);
}

/* == . Only here may an immediate (a small) equal a boxed term (a float). */
static inline bool term_eq(Term a, Term b)
{
    if (a == b) return true;
    if (term_is_immed(a) && term_is_immed(b)) return false;
    return term_eq_walk(a, b);
}

#endif
