/* ets_object.c — copying objects into and out of tables. */
#include "ets/ets_object.h"

#include <stdlib.h>

#include "gc/offheap.h"
#include "term/copy.h"

EtsObject *ets_object_new(Term tuple, unsigned keypos, uint32_t hash)
{
    size_t words = term_size(tuple);
    EtsObject *o = malloc(sizeof *o + words * sizeof(Term));
    if (!o) return NULL;
    o->link[0] = o->link[1] = NULL;
    o->height = 1;
    o->hash = hash;
    o->offheap = (OffHeap){0};
    o->words = words;
    Term *hp = o->mem;
    o->tuple = term_copy_offheap(tuple, &hp, &o->offheap);
    o->key = keypos ? term_tuple_element(o->tuple, keypos) : TERM_NIL;
    return o;
}

void ets_object_free(EtsObject *o)
{
    if (!o) return;
    offheap_release_all(&o->offheap);
    free(o);
}

Term ets_copy_to_process(Process *p, Term t)
{
    size_t words = term_size(t);
    if (!words) return t;
    Term *hp = proc_alloc(p, words);
    return term_copy_offheap(t, &hp, &p->offheap);
}

Term ets_object_cons(Process *p, const EtsObject *o, Term tail)
{
    Term *cell = proc_alloc(p, 2);
    Term *hp = proc_alloc(p, o->words);
    Term copy = term_copy_offheap(o->tuple, &hp, &p->offheap);
    return term_cons(cell, copy, tail);
}
