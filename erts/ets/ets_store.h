/* ets_store.h — where a table's objects live: set, bag and duplicate_bag in a
 * resizable hash table (ets_hash.c; objects with equal keys sit next to each
 * other in their chain, in insertion order), ordered_set in an AVL tree in
 * term order (ets_tree.c; keys equal by == collide, as in OTP). Callers hold
 * the table's lock; functions that change the store need the write lock. */
#ifndef EMBER_ETS_STORE_H
#define EMBER_ETS_STORE_H

#include "ets/ets_table.h"

/* A position in a scan, kept between the chunks of select/3 and friends.
 * Hash tables resume at (bucket, objects already seen in it); trees resume
 * after (or, reversed, before) the key of the last object seen. */
typedef struct EtsCursor {
    size_t bucket, skip;
    bool has_key;
    Term key;
    const EtsObject *last; /* the last object visited, valid while locked */
    bool last_doomed;      /* tree: last is to be deleted, by the caller, once it has
                              taken the key to resume after */
} EtsCursor;

enum { ETS_VISIT_NEXT = 0, ETS_VISIT_STOP = 1, ETS_VISIT_DELETE = 2 };
/* Returns ETS_VISIT_* flags: STOP ends the scan after this object, DELETE
 * removes it (the scan must then hold the write lock). */
typedef int (*EtsVisitFn)(void *ctx, const EtsObject *o);

/* ---- hash tables ---- */
void ets_hash_init(EtsTable *t);
void ets_hash_clear(EtsTable *t);
EtsObject *ets_hash_lookup(const EtsTable *t, Term key);
/* The object after o when it has the same key, else NULL. */
EtsObject *ets_hash_next_same(const EtsTable *t, const EtsObject *o);
/* Grows the bucket array only when the lock is held for writing; striped
 * writers leave that to ets_hash_maybe_grow when they let go. */
void ets_hash_put(EtsTable *t, EtsObject *o);
void ets_hash_maybe_grow(EtsTable *t);
size_t ets_hash_delete_key(EtsTable *t, Term key);
/* Puts o where old is (same key), freeing old. */
void ets_hash_replace(EtsTable *t, const EtsObject *old, EtsObject *o);
size_t ets_hash_delete_object(EtsTable *t, Term tuple);
EtsObject *ets_hash_first(const EtsTable *t);
/* The first object of the next key after key; *found says whether key exists. */
EtsObject *ets_hash_next(const EtsTable *t, Term key, bool *found);
/* False when the scan was stopped by fn (the cursor then says where). */
bool ets_hash_scan(EtsTable *t, EtsCursor *c, EtsVisitFn fn, void *ctx);

/* ets:info/2's binary and stats items (ets_info.c). */
Term ets_info_binary(Process *p, EtsTable *t);
Term ets_info_stats(Process *p, EtsTable *t);

/* ---- detached objects, freed in slices (ets_garbage.c) ---- */
typedef struct EtsGarbage {
    bool tree;
    EtsObject *root;                /* tree */
    EtsObject **buckets, *chain;    /* hash: the old bucket array, the chain being freed */
    size_t nbuckets, next_bucket;
} EtsGarbage;
/* Moves every object of t into g, leaving t empty as after a clear; false
 * (and nothing to free) when t was empty. */
bool ets_store_detach(EtsTable *t, EtsGarbage *g);
/* Frees up to budget objects of g (*freed says how many); true when g is
 * empty and owns nothing more. */
bool ets_garbage_free_some(EtsGarbage *g, size_t budget, size_t *freed);
/* Frees g's objects in slices, the process yielding in between; returns
 * result (or traps, to return it in the end). Call it with no table locked. */
Term ets_free_detached(Process *p, EtsGarbage *g, Term result);

/* ---- trees ---- */
void ets_tree_init(EtsTable *t);
void ets_tree_clear(EtsTable *t);
EtsObject *ets_tree_lookup(const EtsTable *t, Term key);
void ets_tree_put(EtsTable *t, EtsObject *o);
size_t ets_tree_delete_key(EtsTable *t, Term key);
EtsObject *ets_tree_first(const EtsTable *t);
EtsObject *ets_tree_last(const EtsTable *t);
/* The object with the smallest key above key (prev: the largest below). */
EtsObject *ets_tree_next(const EtsTable *t, Term key);
EtsObject *ets_tree_prev(const EtsTable *t, Term key);
/* The object at position i (0-based) in term order, NULL past the end. */
EtsObject *ets_tree_nth(const EtsTable *t, size_t i);
bool ets_tree_scan(EtsTable *t, EtsCursor *c, bool reverse, EtsVisitFn fn, void *ctx);

/* ---- both ---- */
static inline EtsObject *ets_store_lookup(const EtsTable *t, Term key)
{
    return ets_is_hash(t) ? ets_hash_lookup(t, key) : ets_tree_lookup(t, key);
}
static inline EtsObject *ets_store_next_same(const EtsTable *t, const EtsObject *o)
{
    return ets_is_hash(t) ? ets_hash_next_same(t, o) : NULL;
}
static inline void ets_store_put(EtsTable *t, EtsObject *o)
{
    if (ets_is_hash(t)) ets_hash_put(t, o);
    else ets_tree_put(t, o);
}
static inline size_t ets_store_delete_key(EtsTable *t, Term key)
{
    return ets_is_hash(t) ? ets_hash_delete_key(t, key) : ets_tree_delete_key(t, key);
}
static inline bool ets_store_scan(EtsTable *t, EtsCursor *c, bool reverse, EtsVisitFn fn, void *ctx)
{
    return ets_is_hash(t) ? ets_hash_scan(t, c, fn, ctx) : ets_tree_scan(t, c, reverse, fn, ctx);
}
/* The hash the store keeps for a key (0 for trees, which do not hash). */
uint32_t ets_key_hash(const EtsTable *t, Term key);
/* A copy of tuple (already checked to fit t) ready to put in t; NULL when
 * memory is exhausted. */
static inline EtsObject *ets_table_object(const EtsTable *t, Term tuple)
{
    return ets_object_new(tuple, t->keypos, ets_key_hash(t, term_tuple_element(tuple, t->keypos)));
}

#endif
