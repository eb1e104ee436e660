/* gc.h — the per-process garbage collector: generational copying collection
 * over a young heap (with its fragments and the stack) and an old generation.
 * Module literals are never copied. */
#ifndef EMBER_GC_H
#define EMBER_GC_H

#include <stddef.h>

#include "proc/process.h"

/* Collects p and makes room for at least `need` free words between the heap top
 * and the stack. Roots: x[0..live-1] (updated in place), the stack, the process
 * dictionary and the exception fields. May move the whole block, so every term
 * the caller holds outside those roots is invalid afterwards.
 *
 * Usually a minor collection: young terms that already survived one collection
 * are promoted to the old generation, the rest stay young. A full sweep (every
 * generation into one new young heap) happens after st.fullsweep_after minor
 * ones, when the old generation is full, or when garbage_collect asked for it.
 * When the heap then exceeds st.max_heap_size the process is sent a kill
 * signal (it ends with reason killed at its next reduction check). */
void gc_collect(Process *p, size_t need, Term *x, unsigned live);
/* Collections so far and the words they reclaimed, over all processes. */
void gc_totals(uint64_t *count, uint64_t *reclaimed);

/* Asks for the next collection of p to be a full sweep, done at its next heap
 * check (garbage_collect/0 cannot move the caller's heap under it). */
void gc_request_full(Process *p);

/* Asks for a collection of p at its next heap check: for a BIF that made so
 * much off-heap data (offheap_wants_gc) that OTP's virtual heap would have
 * the process collect, which a BIF cannot do under its caller. */
void gc_request(Process *p);

/* Words of heap the process holds in all generations and fragments (what
 * max_heap_size limits, and total_heap_size reports). */
size_t gc_total_heap_words(const Process *p);

/* The smallest of OTP's heap sizes (a Fibonacci-like series 12, 38, 51, ...
 * 233, ..., then steps of 20% past a million words) that holds `words`: the
 * series itself, and the size a process's min_heap_size is rounded up to
 * (never below 233 words), as OTP reports them. */
size_t gc_heap_series_at_least(size_t words);
size_t gc_heap_size_at_least(size_t words);

/* Frees the old generation (the process is going away). */
void gc_release(Process *p);

#endif
