/* ets_hash.c — set, bag and duplicate_bag: a chained hash table whose bucket
 * count is a power of two and doubles when there are more objects than
 * buckets (never while the table is fixed, so that a fixed traversal sees
 * every object once). Keys match by =:=; the objects of one key are
 * contiguous in their chain. */
#include <stdlib.h>

#include "ets/ets_store.h"
#include "term/compare.h"
#include "term/phash.h"

#define INITIAL_BUCKETS 256

static void alloc_buckets(EtsTable *t, size_t n)
{
    EtsObject **b = calloc(n, sizeof *b);
    if (!b) abort();
    t->store.hash.buckets = b;
    t->store.hash.nbuckets = n;
}

void ets_hash_init(EtsTable *t) { alloc_buckets(t, INITIAL_BUCKETS); }

void ets_hash_clear(EtsTable *t)
{
    for (size_t i = 0; i < t->store.hash.nbuckets; i++) {
        EtsObject *o = t->store.hash.buckets[i];
        while (o) {
            EtsObject *next = o->link[0];
            ets_object_free(o);
            o = next;
        }
    }
    free(t->store.hash.buckets);
    t->count = 0;
    t->object_bytes = 0;
    if (!t->dead) alloc_buckets(t, INITIAL_BUCKETS);
    else t->store.hash.buckets = NULL, t->store.hash.nbuckets = 0;
}

static inline EtsObject **bucket_of(const EtsTable *t, uint32_t hash)
{
    return &t->store.hash.buckets[hash & (t->store.hash.nbuckets - 1)];
}

static inline bool has_key(const EtsTable *t, const EtsObject *o, uint32_t hash, Term key)
{
    return o->hash == hash && term_eq_exact(o->key, key);
}

EtsObject *ets_hash_lookup(const EtsTable *t, Term key)
{
    uint32_t h = term_make_hash2(key);
    for (EtsObject *o = *bucket_of(t, h); o; o = o->link[0])
        if (has_key(t, o, h, key)) return o;
    return NULL;
}

EtsObject *ets_hash_next_same(const EtsTable *t, const EtsObject *o)
{
    EtsObject *n = o->link[0];
    return n && has_key(t, n, o->hash, o->key) ? n : NULL;
}

/* Doubling splits each chain in two, keeping the order of each. */
static void grow(EtsTable *t)
{
    size_t n = t->store.hash.nbuckets;
    EtsObject **old = t->store.hash.buckets;
    alloc_buckets(t, n * 2);
    for (size_t i = 0; i < n; i++) {
        EtsObject **tail[2] = {&t->store.hash.buckets[i], &t->store.hash.buckets[i + n]};
        for (EtsObject *o = old[i], *next; o; o = next) {
            next = o->link[0];
            int half = (o->hash & n) != 0;
            o->link[0] = NULL;
            *tail[half] = o;
            tail[half] = &o->link[0];
        }
    }
    free(old);
}

void ets_hash_maybe_grow(EtsTable *t)
{
    if (t->count > t->store.hash.nbuckets && !ets_is_fixed(t) && !t->dead) grow(t);
}

static void added(EtsTable *t, EtsObject *o)
{
    atomic_fetch_add_explicit(&t->count, 1, memory_order_relaxed);
    atomic_fetch_add_explicit(&t->object_bytes, ets_object_bytes(o), memory_order_relaxed);
}

static void removed(EtsTable *t, EtsObject *o)
{
    atomic_fetch_sub_explicit(&t->count, 1, memory_order_relaxed);
    atomic_fetch_sub_explicit(&t->object_bytes, ets_object_bytes(o), memory_order_relaxed);
    ets_object_free(o);
}

/* set: replaces the object of the key in place. bag: appends to the key's
 * objects unless an equal object is there. duplicate_bag: appends. */
void ets_hash_put(EtsTable *t, EtsObject *o)
{
    Term key = o->key;
    EtsObject **at = bucket_of(t, o->hash);
    while (*at && !has_key(t, *at, o->hash, key)) at = &(*at)->link[0];
    if (!*at) {
        EtsObject **b = bucket_of(t, o->hash);
        o->link[0] = *b;
        *b = o;
        added(t, o);
        if (!t->striped) ets_hash_maybe_grow(t);
        return;
    }
    if (t->type == ETS_SET) {
        EtsObject *old = *at;
        o->link[0] = old->link[0];
        *at = o;
        added(t, o);
        removed(t, old);
        return;
    }
    for (;;) {
        if (t->type == ETS_BAG && term_eq_exact((*at)->tuple, o->tuple)) {
            ets_object_free(o);
            return;
        }
        EtsObject **next = &(*at)->link[0];
        if (!*next || !has_key(t, *next, o->hash, key)) {
            o->link[0] = *next;
            *next = o;
            added(t, o);
            return;
        }
        at = next;
    }
}

void ets_hash_replace(EtsTable *t, const EtsObject *old, EtsObject *o)
{
    EtsObject **at = bucket_of(t, old->hash);
    while (*at && *at != old) at = &(*at)->link[0];
    if (!*at) {
        ets_object_free(o);
        return;
    }
    o->link[0] = old->link[0];
    *at = o;
    added(t, o);
    removed(t, (EtsObject *)old);
}

size_t ets_hash_delete_key(EtsTable *t, Term key)
{
    uint32_t h = term_make_hash2(key);
    size_t n = 0;
    for (EtsObject **at = bucket_of(t, h); *at;) {
        if (has_key(t, *at, h, key)) {
            EtsObject *o = *at;
            *at = o->link[0];
            removed(t, o);
            n++;
        } else if (n) {
            break;
        } else {
            at = &(*at)->link[0];
        }
    }
    return n;
}

size_t ets_hash_delete_object(EtsTable *t, Term tuple)
{
    Term key = term_tuple_element(tuple, t->keypos);
    uint32_t h = term_make_hash2(key);
    size_t n = 0;
    for (EtsObject **at = bucket_of(t, h); *at;) {
        if (has_key(t, *at, h, key) && term_eq_exact((*at)->tuple, tuple)) {
            EtsObject *o = *at;
            *at = o->link[0];
            removed(t, o);
            n++;
        } else {
            at = &(*at)->link[0];
        }
    }
    return n;
}

static EtsObject *first_from(const EtsTable *t, size_t bucket)
{
    for (size_t i = bucket; i < t->store.hash.nbuckets; i++)
        if (t->store.hash.buckets[i]) return t->store.hash.buckets[i];
    return NULL;
}

EtsObject *ets_hash_first(const EtsTable *t) { return first_from(t, 0); }

EtsObject *ets_hash_next(const EtsTable *t, Term key, bool *found)
{
    uint32_t h = term_make_hash2(key);
    EtsObject *o = *bucket_of(t, h);
    while (o && !has_key(t, o, h, key)) o = o->link[0];
    *found = o != NULL;
    if (!o) return NULL;
    while (o->link[0] && has_key(t, o->link[0], h, key)) o = o->link[0];
    if (o->link[0]) return o->link[0];
    return first_from(t, (h & (t->store.hash.nbuckets - 1)) + 1);
}

bool ets_hash_scan(EtsTable *t, EtsCursor *c, EtsVisitFn fn, void *ctx)
{
    for (; c->bucket < t->store.hash.nbuckets; c->bucket++, c->skip = 0) {
        EtsObject **at = &t->store.hash.buckets[c->bucket];
        for (size_t i = 0; *at && i < c->skip; i++) at = &(*at)->link[0];
        while (*at) {
            EtsObject *o = *at;
            int r = fn(ctx, o);
            c->last = o;
            if (r & ETS_VISIT_DELETE) {
                *at = o->link[0];
                c->last = NULL;
                removed(t, o);
            } else {
                at = &o->link[0];
                c->skip++;
            }
            if (r & ETS_VISIT_STOP) {
                if (!*at) c->bucket++, c->skip = 0;
                return false;
            }
        }
    }
    return true;
}

uint32_t ets_key_hash(const EtsTable *t, Term key) { return ets_is_hash(t) ? term_make_hash2(key) : 0; }
