/* ets_object.h — one object of an ETS table: a tuple copied out of a process
 * heap into memory of its own, with the off-heap binaries it refers to held
 * through its own off-heap list. Readers copy it back onto their heap; the
 * stored copy is never shared with a process. */
#ifndef EMBER_ETS_OBJECT_H
#define EMBER_ETS_OBJECT_H

#include <stddef.h>
#include <stdint.h>

#include "proc/process.h"
#include "term/term.h"

typedef struct EtsObject {
    struct EtsObject *link[2]; /* hash: link[0] is the bucket chain; tree: children */
    int32_t height;            /* tree only */
    uint32_t hash;             /* hash only */
    OffHeap offheap;
    size_t words;
    Term tuple;
    Term key; /* the tuple's key element, kept here for the walks of lookups */
    Term mem[];
} EtsObject;

/* A copy of tuple with its key at keypos (0: none); NULL when memory is
 * exhausted. */
EtsObject *ets_object_new(Term tuple, unsigned keypos, uint32_t hash);
void ets_object_free(EtsObject *o);

/* Bytes the object takes, for info(memory) and memory(ets). */
static inline size_t ets_object_bytes(const EtsObject *o) { return sizeof *o + o->words * sizeof(Term); }

/* A copy of t on p's heap, its off-heap binaries chained into p. */
Term ets_copy_to_process(Process *p, Term t);
/* [copy of o's tuple | tail] on p's heap. */
Term ets_object_cons(Process *p, const EtsObject *o, Term tail);

#endif
