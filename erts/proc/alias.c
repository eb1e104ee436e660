/* alias.c — the alias-to-owner table: chained hashing under one mutex (an
 * alias is looked up once per message sent to it). */
#include "proc/alias.h"

#include <pthread.h>
#include <stdlib.h>

#include "proc/plinks.h"

typedef struct AliasEntry {
    struct AliasEntry *next;
    uint64_t ref[2];
    Term owner;
} AliasEntry;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static AliasEntry **buckets;
static size_t nbuckets, count;

static size_t bucket_of(const uint64_t ref[2], size_t n)
{
    uint64_t h = (ref[0] ^ (ref[1] * UINT64_C(0x9E3779B97F4A7C15))) * UINT64_C(0xBF58476D1CE4E5B9);
    return (size_t)(h >> 32) % n;
}

static AliasEntry **find(const uint64_t ref[2])
{
    if (!nbuckets) return NULL;
    AliasEntry **at = &buckets[bucket_of(ref, nbuckets)];
    while (*at && ((*at)->ref[0] != ref[0] || (*at)->ref[1] != ref[1])) at = &(*at)->next;
    return at;
}

static void grow(void)
{
    size_t n = nbuckets ? nbuckets * 2 : 256;
    AliasEntry **nb = calloc(n, sizeof *nb);
    if (!nb) abort();
    for (size_t i = 0; i < nbuckets; i++)
        for (AliasEntry *e = buckets[i], *next; e; e = next) {
            next = e->next;
            size_t b = bucket_of(e->ref, n);
            e->next = nb[b];
            nb[b] = e;
        }
    free(buckets);
    buckets = nb, nbuckets = n;
}

void alias_make(Process *p, const uint64_t ref[2], Term mode)
{
    plink_add(p, (LinkEntry){LK_ALIAS, TERM_NIL, mode, {ref[0], ref[1]}, NULL});
    alias_register(ref, p->pid);
}

bool alias_drop(Process *p, const uint64_t ref[2], Term mode1, Term mode2)
{
    LinkEntry *a = plink_find(p, LK_ALIAS, TERM_NIL, ref);
    if (!a || (mode1 != TERM_NONE && a->name != mode1 && a->name != mode2)) return false;
    alias_unregister(ref);
    plink_remove(p, a);
    return true;
}

void alias_register(const uint64_t ref[2], Term owner)
{
    AliasEntry *e = malloc(sizeof *e);
    if (!e) abort();
    e->ref[0] = ref[0], e->ref[1] = ref[1], e->owner = owner;
    pthread_mutex_lock(&lock);
    if (count >= nbuckets) grow();
    AliasEntry **at = &buckets[bucket_of(ref, nbuckets)];
    e->next = *at;
    *at = e;
    count++;
    pthread_mutex_unlock(&lock);
}

void alias_unregister(const uint64_t ref[2])
{
    pthread_mutex_lock(&lock);
    AliasEntry **at = find(ref);
    AliasEntry *e = at ? *at : NULL;
    if (e) {
        *at = e->next;
        count--;
    }
    pthread_mutex_unlock(&lock);
    free(e);
}

Term alias_owner(const uint64_t ref[2])
{
    pthread_mutex_lock(&lock);
    AliasEntry **at = find(ref);
    Term owner = at && *at ? (*at)->owner : TERM_NONE;
    pthread_mutex_unlock(&lock);
    return owner;
}
