/* map.h — Erlang maps in OTP's two representations: a flat map (keys tuple
 * and values in key order) for up to MAP_SMALL_LIMIT keys, and a hash array
 * mapped trie (HAMT) above that, built exactly as OTP 25 builds it so that
 * iteration order, printing and external format match OTP's byte for byte.
 *
 * HAMT layout (term.h, HDR_HASHMAP): [header][raw word][children...]
 *   raw word: bits 0-15 the bitmap of occupied nibbles, bit 16 set on the
 *   head node, bits 17.. the number of keys (head only).
 *   children: one per set bitmap bit, in nibble order; a child is either a
 *   leaf, the cons cell [Key|Value], or another HDR_HASHMAP node.
 * The key's nibble at level L is bits 4*(L%8).. of map_key_hash(Key, L/8).
 * The trie is canonical: a node never holds a single leaf as its only child,
 * so equal key sets give identical shapes whatever the insertion order.
 * A map is flat if and only if it has at most MAP_SMALL_LIMIT keys. */
#ifndef EMBER_MAP_H
#define EMBER_MAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "proc/process.h"
#include "term/boxed.h"
#include "term/term.h"

#define MAP_SMALL_LIMIT 32

#define HAMT_BITMAP_MASK ((UInt)0xFFFF)
#define HAMT_HEAD_FLAG ((UInt)1 << 16)
#define HAMT_SIZE_SHIFT 17

static inline bool term_is_hashmap(Term t) { return term_is_boxed_tag(t, HDR_HASHMAP); }
static inline UInt hamt_raw(Term node) { return term_boxed_ptr(node)[1]; }
static inline unsigned hamt_bitmap(Term node) { return (unsigned)(hamt_raw(node) & HAMT_BITMAP_MASK); }
static inline bool hamt_is_head(Term node) { return (hamt_raw(node) & HAMT_HEAD_FLAG) != 0; }
static inline UInt hamt_size(Term head) { return hamt_raw(head) >> HAMT_SIZE_SHIFT; }
static inline Term *hamt_children(Term node) { return term_boxed_ptr(node) + 2; }
static inline unsigned hamt_nchildren(Term node) { return (unsigned)(header_arity(term_boxed_header(node)) - 1); }

/* OTP 25's internal hash of a term (make_internal_hash) and the hash that
 * places a key in a HAMT at depth `depth` (levels 8*depth .. 8*depth+7).
 * Immediates are hashed by their word as OTP encodes them, so atoms, whose
 * numbering differs from OTP's, place differently than on OTP. */
uint32_t map_internal_hash(Term t, uint32_t salt);
uint32_t map_key_hash(Term key, unsigned depth);

/* Number of keys (m must be a map). */
UInt map_size(Term m);
/* The value stored under key, or NULL. Constant work for flat maps
 * (a binary search), O(log n) for HAMTs. */
const Term *map_get(Term m, Term key);

/* The following build on p's heap and never collect or raise. */
Term map_put(Process *p, Term m, Term key, Term value);
/* TERM_NONE when key is absent. */
Term map_update(Process *p, Term m, Term key, Term value);
/* m itself when key is absent. */
Term map_remove(Process *p, Term m, Term key);
/* A map of n pairs given as two arrays; a later duplicate key wins. */
Term map_from_pairs(Process *p, const Term *keys, const Term *values, size_t n);
/* m with each of the n pairs put in order; exact means every key must exist
 * already: TERM_NONE is returned and *missing set to the first absent key. */
Term map_put_many(Process *p, Term m, const Term *keys, const Term *values, size_t n, bool exact, Term *missing);
/* Both maps' pairs, b's winning. */
Term map_merge(Process *p, Term a, Term b);

/* Lists in OTP's order: [{K,V}...] (maps:to_list), keys, values. For a flat
 * map that is key order; for a HAMT it is the reverse of the walk order. */
Term map_to_list(Process *p, Term m);
Term map_keys(Process *p, Term m);
Term map_values(Process *p, Term m);

/* Walks the pairs in OTP's iteration order (maps:iterator, erlang:display):
 * key order for flat maps, depth first in nibble order for HAMTs. */
typedef struct MapIter {
    Term map;
    UInt flat_index;
    struct MapIterLevel {
        const Term *children;
        unsigned n, next;
    } *levels;
    size_t depth, cap;
} MapIter;
void map_iter_init(MapIter *it, Term m);
bool map_iter_next(MapIter *it, Term *key, Term *value);
void map_iter_free(MapIter *it);

/* The pairs sorted by key (term_compare_exact): keys in [0, n), values in
 * [n, 2n). Caller frees. The order OTP compares maps by. */
Term *map_sorted_pairs(Term m, UInt *n);

/* binary_to_term support: heap words that a decoded map of n pairs needs
 * beyond its n pairs, and the finishing step that turns n decoded leaves
 * (cons cells [K|V], contiguous) plus that reserved area into a HAMT. The
 * head node goes at area[0]; returns false for duplicate keys or when the
 * trie would not fit (never seen with OTP's hash). */
size_t map_decode_area_words(size_t n);
bool map_decode_finish(Term *leaves, size_t n, Term *area);

#endif
