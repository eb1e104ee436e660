/* offheap.c — the per-process list of off-heap objects (refcounted binaries
 * and magic references to resources) and its sweep after a copying
 * collection. Work is linear in the list's length. */
#include "gc/offheap.h"

#include "term/binary.h"
#include "term/resource.h"

/* Where an object keeps its link; the raw words survive the object's move. */
static Term **next_of(Term *obj)
{
    return header_tag(obj[0]) == HDR_REFC_BIN ? refc_next(obj) : magic_ref_next(obj);
}

static size_t bytes_of(const Term *obj)
{
    if (header_tag(obj[0]) == HDR_REFC_BIN) return ((Binary *)(uintptr_t)obj[2])->capacity;
    return magic_ref_resource(obj)->size;
}

static void release(const Term *obj)
{
    if (header_tag(obj[0]) == HDR_REFC_BIN) binary_unref((Binary *)(uintptr_t)obj[2]);
    else resource_release(magic_ref_resource(obj)->data);
}

Term *offheap_next(const Term *obj) { return *next_of((Term *)obj); }

void offheap_link(OffHeap *oh, Term *obj)
{
    *next_of(obj) = oh->first;
    oh->first = obj;
}

void gc_offheap_sweep(OffHeap *oh, bool (*in_collected)(const void *ctx, const Term *obj), const void *ctx)
{
    Term *kept = NULL, **tail = &kept;
    size_t live = 0;
    for (Term *obj = oh->first, *next; obj; obj = next) {
        Term *now = obj;
        if (term_is_boxed(obj[0])) {
            now = term_boxed_ptr(obj[0]); /* copied: the header became a forwarding term */
            next = *next_of(now);         /* the copy carries the old link */
        } else {
            next = *next_of(obj);
            if (in_collected(ctx, obj)) {
                release(obj);
                continue;
            }
        }
        *tail = now;
        tail = next_of(now);
        live += bytes_of(now);
    }
    *tail = NULL;
    oh->first = kept;
    oh->live_bytes = live;
    oh->new_bytes = 0;
}

void offheap_release_all(OffHeap *oh)
{
    for (Term *obj = oh->first, *next; obj; obj = next) {
        next = *next_of(obj);
        release(obj);
    }
    oh->first = NULL;
    oh->new_bytes = oh->live_bytes = 0;
}

void offheap_merge(OffHeap *to, OffHeap *from)
{
    if (!from->first) return;
    Term *last = from->first;
    while (*next_of(last)) last = *next_of(last);
    *next_of(last) = to->first;
    to->first = from->first;
    to->new_bytes += from->new_bytes + from->live_bytes;
    from->first = NULL;
    from->new_bytes = from->live_bytes = 0;
}
