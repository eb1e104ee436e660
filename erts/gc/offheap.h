/* offheap.h — the off-heap data a process's heap refers to. Each REFC_BIN
 * object and each magic reference (term/resource.h) on a heap is chained into
 * its owner's OffHeap list (proc/process.h); the collector keeps the ones it
 * copied and drops a reference for the rest, and freeing the process drops
 * them all. */
#ifndef EMBER_OFFHEAP_H
#define EMBER_OFFHEAP_H

#include <stdbool.h>

#include "proc/process.h"

/* Chains the REFC_BIN object or magic reference at obj into oh. */
void offheap_link(OffHeap *oh, Term *obj);
/* The entry after obj in its list, NULL at the end. */
Term *offheap_next(const Term *obj);

/* After a collection has copied every live object: rebuilds oh from the
 * copies and releases the binaries whose REFC_BIN was in the collected area
 * (in_collected says which addresses those are) and was not copied. Objects
 * outside the collected area (an old generation) stay as they are. Must run
 * before the collected area is freed. */
void gc_offheap_sweep(OffHeap *oh, bool (*in_collected)(const void *ctx, const Term *obj), const void *ctx);

/* Releases every binary in oh (the process is going away). */
void offheap_release_all(OffHeap *oh);

/* Moves the entries of `from` (a message's own list) to the front of `to`. */
void offheap_merge(OffHeap *to, OffHeap *from);

/* True when the process has made so much off-heap data since its last
 * collection that collecting now would be worth it (OTP's virtual heap). */
static inline bool offheap_wants_gc(const Process *p)
{
    size_t limit = p->offheap.live_bytes > (1u << 20) ? p->offheap.live_bytes : (1u << 20);
    return p->offheap.new_bytes > limit;
}

#endif
