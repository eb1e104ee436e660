/* hamt.h — the hash array mapped trie behind maps of more than
 * MAP_SMALL_LIMIT keys (layout in map.h). Used by map.c only; everything
 * allocates on the process heap and never collects or raises. */
#ifndef EMBER_HAMT_H
#define EMBER_HAMT_H

#include "term/map.h"

/* A key/value pair with its hash at the depth being built. */
typedef struct HamtItem {
    Term key, value;
    uint32_t hash;  /* map_key_hash(key, depth) */
    uint32_t order; /* nibbles of hash, lowest first, as a sort key */
    size_t seq;     /* position in the input: later duplicates win */
    Term leaf;      /* the [Key|Value] cell to use, or TERM_NONE to make one */
} HamtItem;

const Term *hamt_get(Term head, Term key);
Term hamt_put(Process *p, Term head, Term key, Term value, bool only_update);
/* The new map (flat when it drops to MAP_SMALL_LIMIT keys), or head itself. */
Term hamt_remove(Process *p, Term head, Term key);

/* Sorts items by hash order and drops earlier duplicates; returns how many
 * distinct pairs are left (at the front of items). */
size_t hamt_prepare(HamtItem *items, size_t n);
/* Builds the head node over prepared items (n > MAP_SMALL_LIMIT). When
 * area is given, nodes are written there (at most *area_left words, the
 * head last) instead of on p's heap; returns TERM_NONE if it is too small. */
Term hamt_build(Process *p, HamtItem *items, size_t n, Term *area, size_t *area_left);

#endif
