/* offheap.c — the per-process list of off-heap binary references and its
 * sweep after a copying collection. Work is linear in the list's length. */
#include "gc/offheap.h"

#include "term/binary.h"

void offheap_link(OffHeap *oh, Term *obj)
{
    *refc_next(obj) = oh->first;
    oh->first = obj;
}

void gc_offheap_sweep(OffHeap *oh, bool (*in_collected)(const void *ctx, const Term *obj), const void *ctx)
{
    Term *kept = NULL, **tail = &kept;
    size_t live = 0;
    for (Term *obj = oh->first, *next; obj; obj = next) {
        next = *refc_next(obj); /* the old object's raw words survive its move */
        Term *now = obj;
        if (term_is_boxed(obj[0])) {
            now = term_boxed_ptr(obj[0]); /* copied: the header became a forwarding term */
        } else if (in_collected(ctx, obj)) {
            binary_unref((Binary *)(uintptr_t)obj[2]);
            continue;
        }
        *tail = now;
        tail = refc_next(now);
        live += ((Binary *)(uintptr_t)now[2])->capacity;
    }
    *tail = NULL;
    oh->first = kept;
    oh->live_bytes = live;
    oh->new_bytes = 0;
}

void offheap_release_all(OffHeap *oh)
{
    for (Term *obj = oh->first, *next; obj; obj = next) {
        next = *refc_next(obj);
        binary_unref((Binary *)(uintptr_t)obj[2]);
    }
    oh->first = NULL;
    oh->new_bytes = oh->live_bytes = 0;
}

void offheap_merge(OffHeap *to, OffHeap *from)
{
    if (!from->first) return;
    Term *last = from->first;
    while (*refc_next(last)) last = *refc_next(last);
    *refc_next(last) = to->first;
    to->first = from->first;
    to->new_bytes += from->new_bytes + from->live_bytes;
    from->first = NULL;
    from->new_bytes = from->live_bytes = 0;
}
