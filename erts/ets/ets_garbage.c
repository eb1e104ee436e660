/* ets_garbage.c — objects taken out of a table at once (delete_all_objects,
 * delete) and freed a slice at a time, so that emptying a table of a million
 * objects neither holds its lock nor blocks a scheduler for long. */
#include <stdlib.h>

#include "ets/ets_store.h"

bool ets_store_detach(EtsTable *t, EtsGarbage *g)
{
    *g = (EtsGarbage){.tree = !ets_is_hash(t)};
    if (t->count == 0) return false;
    if (g->tree) {
        g->root = t->store.tree.root;
        t->store.tree.root = NULL; /* the walk path is forgotten by the clear below */
    } else {
        g->buckets = t->store.hash.buckets;
        g->nbuckets = t->store.hash.nbuckets;
        t->store.hash.buckets = NULL;
        t->store.hash.nbuckets = 0;
    }
    ets_table_clear(t); /* empty now: a fresh store, the counters at 0 */
    return true;
}

/* A tree is freed by rotating left children up, so every step is O(1) and
 * needs no stack. */
static size_t free_tree_some(EtsGarbage *g, size_t budget)
{
    size_t n = 0;
    while (g->root && n < budget) {
        EtsObject *o = g->root;
        if (o->link[0]) {
            EtsObject *l = o->link[0];
            o->link[0] = l->link[1];
            l->link[1] = o;
            g->root = l;
            continue;
        }
        g->root = o->link[1];
        ets_object_free(o);
        n++;
    }
    return n;
}

static size_t free_hash_some(EtsGarbage *g, size_t budget)
{
    size_t n = 0;
    while (n < budget) {
        if (!g->chain) {
            if (g->next_bucket == g->nbuckets) break;
            g->chain = g->buckets[g->next_bucket++];
            continue;
        }
        EtsObject *o = g->chain;
        g->chain = o->link[0];
        ets_object_free(o);
        n++;
    }
    return n;
}

bool ets_garbage_free_some(EtsGarbage *g, size_t budget, size_t *freed)
{
    size_t n = g->tree ? free_tree_some(g, budget) : free_hash_some(g, budget);
    if (freed) *freed = n;
    bool done = g->tree ? !g->root : !g->chain && g->next_bucket == g->nbuckets;
    if (done && g->buckets) {
        free(g->buckets);
        g->buckets = NULL;
        g->nbuckets = g->next_bucket = 0;
    }
    return done;
}
