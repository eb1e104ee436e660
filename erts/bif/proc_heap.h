/* proc_heap.h — a process's heap limit (max_heap_size) as the spawn option and
 * process flag give it, and as process_info reports it. */
#ifndef EMBER_PROC_HEAP_H
#define EMBER_PROC_HEAP_H

#include <stdbool.h>
#include <stddef.h>

#include "proc/process.h"

typedef struct MaxHeap {
    size_t size; /* words, 0: no limit */
    bool kill, error_logger;
} MaxHeap;

/* Reads a size or a #{size, kill, error_logger} map (other keys ignored, as
 * OTP does). False for bad input, including a limit below min_heap words. */
bool proc_max_heap_parse(Term v, size_t min_heap, MaxHeap *out);

/* #{error_logger => _, kill => _, size => _} for q, or for m, built on p's heap. */
Term proc_max_heap_term(Process *p, const Process *q);
Term proc_max_heap_map(Process *p, const MaxHeap *m);

/* process_flag(max_heap_size, V): sets p's limit, returns the old one's map. */
Term proc_flag_max_heap(Process *p, Term v);

#endif
