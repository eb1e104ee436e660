/* export.c — the export table: a chained hash table. Lookups take the lock
 * too; they happen at load time and on apply, never per local call. */
#include "load/export.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#define EXPORT_BUCKETS 16384

static Export *buckets[EXPORT_BUCKETS];
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static uint64_t next_seq; /* guarded by lock */

static size_t bucket_of(Term m, Term f, unsigned a)
{
    uint64_t h = m * 0x9E3779B97F4A7C15ull ^ f * 0xC2B2AE3D27D4EB4Full ^ a;
    return (size_t)((h ^ (h >> 29)) % EXPORT_BUCKETS);
}

static Export *find(size_t b, Term m, Term f, unsigned a)
{
    for (Export *e = buckets[b]; e; e = e->next)
        if (e->module == m && e->function == f && e->arity == a) return e;
    return NULL;
}

void export_table_init(void) {}

Export *export_get(Term module, Term function, unsigned arity)
{
    pthread_mutex_lock(&lock);
    Export *e = find(bucket_of(module, function, arity), module, function, arity);
    pthread_mutex_unlock(&lock);
    return e;
}

Export *export_put(Term module, Term function, unsigned arity)
{
    size_t b = bucket_of(module, function, arity);
    pthread_mutex_lock(&lock);
    Export *e = find(b, module, function, arity);
    if (!e) {
        e = calloc(1, sizeof *e);
        if (!e) {
            fprintf(stderr, "ember: out of memory in the export table\n");
            abort();
        }
        e->module = module;
        e->function = function;
        e->arity = arity;
        e->seq = next_seq++;
        e->next = buckets[b];
        buckets[b] = e;
    }
    pthread_mutex_unlock(&lock);
    return e;
}
