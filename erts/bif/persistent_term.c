/* persistent_term.c — OTP 25's persistent_term module: put/2, get/0,1,2,
 * erase/1 and info/0, and erts_internal:erase_persistent_terms/0. Terms are
 * copied once into memory of their own, and get/1 returns them without a
 * copy: process heaps then point into that memory as they point into a
 * module's literals, which the collector leaves alone. Because any process
 * may still hold such a pointer, a value that is replaced or erased is kept
 * (retired) rather than freed; OTP would instead scan every process before
 * freeing it. put and erase are meant to be rare, as on OTP. Lookups take a
 * read lock; each call costs one reduction. */
#include "bif/bif.h"

#include <pthread.h>
#include <stdlib.h>

#include "atom/atom.h"
#include "bif/bif_util.h"
#include "gc/offheap.h"
#include "term/compare.h"
#include "term/copy.h"
#include "term/map.h"
#include "term/phash.h"

/* One stored {Key, Value}, copied as a 2-tuple into mem. */
typedef struct StoredTerm {
    struct StoredTerm *next; /* in its bucket, or on the retired list */
    uint32_t hash;
    Term pair;
    size_t words;
    OffHeap offheap;
    Term mem[];
} StoredTerm;

static pthread_rwlock_t lock = PTHREAD_RWLOCK_INITIALIZER;
static StoredTerm **buckets;
static size_t nbuckets, count, bytes;
static StoredTerm *retired;

static Term stored_key(const StoredTerm *s) { return term_tuple_element(s->pair, 1); }
static Term stored_value(const StoredTerm *s) { return term_tuple_element(s->pair, 2); }

static StoredTerm **find_slot(Term key, uint32_t hash)
{
    if (!nbuckets) return NULL;
    StoredTerm **at = &buckets[hash % nbuckets];
    while (*at && !((*at)->hash == hash && term_eq_exact(stored_key(*at), key))) at = &(*at)->next;
    return at;
}

static void grow_table(void)
{
    size_t n = nbuckets ? nbuckets * 2 : 64;
    StoredTerm **nb = calloc(n, sizeof *nb);
    if (!nb) abort();
    for (size_t i = 0; i < nbuckets; i++)
        for (StoredTerm *s = buckets[i], *next; s; s = next) {
            next = s->next;
            s->next = nb[s->hash % n];
            nb[s->hash % n] = s;
        }
    free(buckets);
    buckets = nb, nbuckets = n;
}

static StoredTerm *store_copy(Process *p, Term key, Term value, uint32_t hash)
{
    Term pair = bif_tuple2(p, key, value);
    size_t words = term_size(pair);
    StoredTerm *s = malloc(sizeof *s + words * sizeof(Term));
    if (!s) return NULL;
    s->next = NULL;
    s->hash = hash;
    s->words = words;
    s->offheap = (OffHeap){0};
    Term *hp = s->mem;
    s->pair = term_copy_offheap(pair, &hp, &s->offheap);
    return s;
}

static void retire(StoredTerm *s)
{
    count--;
    bytes -= sizeof *s + s->words * sizeof(Term);
    s->next = retired;
    retired = s;
}

/* A value equal (=:=) to the stored one leaves the table as it is. */
Term bif_persistent_term_put_2(Process *p, const Term *args)
{
    uint32_t hash = term_phash2(args[0]);
    pthread_rwlock_rdlock(&lock);
    StoredTerm **at = find_slot(args[0], hash);
    bool same = at && *at && term_eq_exact(stored_value(*at), args[1]);
    pthread_rwlock_unlock(&lock);
    if (same) return ATOM_ok;

    StoredTerm *s = store_copy(p, args[0], args[1], hash);
    if (!s) return proc_error(p, ATOM_system_limit);
    pthread_rwlock_wrlock(&lock);
    if (count >= nbuckets) grow_table();
    at = find_slot(args[0], hash);
    if (*at) {
        s->next = (*at)->next;
        retire(*at);
    }
    *at = s;
    count++;
    bytes += sizeof *s + s->words * sizeof(Term);
    pthread_rwlock_unlock(&lock);
    return ATOM_ok;
}

/* The stored value, or TERM_NONE. Stored terms never move, so the value
 * stays valid after the lock is let go. */
static Term lookup(Term key)
{
    uint32_t hash = term_phash2(key);
    pthread_rwlock_rdlock(&lock);
    StoredTerm **at = find_slot(key, hash);
    Term v = at && *at ? stored_value(*at) : TERM_NONE;
    pthread_rwlock_unlock(&lock);
    return v;
}

Term bif_persistent_term_get_1(Process *p, const Term *args)
{
    Term v = lookup(args[0]);
    return v != TERM_NONE ? v : proc_badarg(p);
}

Term bif_persistent_term_get_2(Process *p, const Term *args)
{
    Term v = lookup(args[0]);
    return v != TERM_NONE ? v : args[1];
}

/* Every {Key, Value}; the tuples are the stored ones, not copies. */
Term bif_persistent_term_get_0(Process *p, const Term *args)
{
    pthread_rwlock_rdlock(&lock);
    Term list = TERM_NIL;
    for (size_t i = 0; i < nbuckets; i++)
        for (const StoredTerm *s = buckets[i]; s; s = s->next) list = term_cons(proc_alloc(p, 2), s->pair, list);
    pthread_rwlock_unlock(&lock);
    return list;
}

Term bif_persistent_term_erase_1(Process *p, const Term *args)
{
    uint32_t hash = term_phash2(args[0]);
    pthread_rwlock_wrlock(&lock);
    StoredTerm **at = find_slot(args[0], hash);
    bool found = at && *at;
    if (found) {
        StoredTerm *s = *at;
        *at = s->next;
        retire(s);
    }
    pthread_rwlock_unlock(&lock);
    return found ? ATOM_true : ATOM_false;
}

/* erts_internal:erase_persistent_terms/0 (init:restart/0): every term goes. */
Term bif_erts_internal_erase_persistent_terms_0(Process *p, const Term *args)
{
    pthread_rwlock_wrlock(&lock);
    for (size_t i = 0; i < nbuckets; i++)
        for (StoredTerm *s = buckets[i], *next; s; s = next) {
            next = s->next;
            retire(s);
        }
    for (size_t i = 0; i < nbuckets; i++) buckets[i] = NULL;
    pthread_rwlock_unlock(&lock);
    return ATOM_true;
}

/* #{count => Terms, memory => Bytes}: memory counts the terms in use. */
Term bif_persistent_term_info_0(Process *p, const Term *args)
{
    pthread_rwlock_rdlock(&lock);
    size_t n = count, b = bytes + nbuckets * sizeof *buckets;
    pthread_rwlock_unlock(&lock);
    Term keys[2] = {ATOM_count, ATOM_memory};
    Term values[2] = {term_make_small((SInt)n), term_make_small((SInt)b)};
    return map_from_pairs(p, keys, values, 2);
}
