/* resource.c — reference numbers and reference-counted native resources. */
#include "term/resource.h"

#include <stdlib.h>
#include <string.h>

#include "gc/offheap.h"
#include "term/boxed.h"

static _Atomic uint64_t next_number = 1;

uint64_t ref_next_number(void) { return atomic_fetch_add_explicit(&next_number, 1, memory_order_relaxed); }

Term ref_make(Process *p) { return term_make_ref_from_counter(proc_alloc(p, REF_WORDS), ref_next_number()); }

void *resource_alloc(const ResourceType *type, size_t size)
{
    Resource *r = calloc(1, sizeof *r + size);
    if (!r) return NULL;
    atomic_init(&r->refc, 1);
    r->type = type;
    r->number = ref_next_number();
    r->size = size;
    return r->data;
}

void resource_keep(void *data) { atomic_fetch_add_explicit(&resource_of(data)->refc, 1, memory_order_relaxed); }

void resource_release(void *data)
{
    Resource *r = resource_of(data);
    if (atomic_fetch_sub_explicit(&r->refc, 1, memory_order_acq_rel) != 1) return;
    if (r->type && r->type->destroy) r->type->destroy(r->data);
    free(r);
}

Term resource_make_term(Process *p, void *data)
{
    Resource *r = resource_of(data);
    Term *mem = proc_alloc(p, MAGIC_REF_WORDS);
    term_make_ref_from_counter(mem, r->number);
    mem[0] = header_make(HDR_REF, MAGIC_REF_WORDS - 1);
    mem[3] = (Term)(uintptr_t)r;
    resource_keep(data);
    offheap_link(&p->offheap, mem);
    p->offheap.new_bytes += r->size;
    return term_make_boxed(mem);
}

void *resource_from_term(Term t, const ResourceType *type)
{
    if (!term_is_magic_ref(t)) return NULL;
    Resource *r = magic_ref_resource(term_boxed_ptr(t));
    return !type || r->type == type ? r->data : NULL;
}
