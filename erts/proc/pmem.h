/* pmem.h — memory counters for erlang:memory: the bytes that processes hold
 * (control blocks, heaps and stacks, old generations, heap fragments, messages
 * not yet received) and those of off-heap binaries, counted as they are
 * allocated and freed. */
#ifndef EMBER_PMEM_H
#define EMBER_PMEM_H

#include <stdatomic.h>
#include <stddef.h>

extern _Atomic long pmem_bytes;

/* Adds (or, negative, subtracts) bytes to the count. Relaxed: only the
 * total matters, and it is read as a snapshot. */
static inline void pmem_add(long bytes) { atomic_fetch_add_explicit(&pmem_bytes, bytes, memory_order_relaxed); }

/* Bytes of off-heap binaries alive (erlang:memory(binary)). */
extern _Atomic long pmem_binary_bytes;
static inline void pmem_binary_add(long bytes)
{
    atomic_fetch_add_explicit(&pmem_binary_bytes, bytes, memory_order_relaxed);
}

static inline size_t pmem_total(void)
{
    long b = atomic_load_explicit(&pmem_bytes, memory_order_relaxed);
    return b > 0 ? (size_t)b : 0;
}

#endif
