/* gc.h — the per-process garbage collector. A copying collector over the heap,
 * its fragments and the stack; module literals are never copied. (The
 * generational young/old split comes with the processes issue.) */
#ifndef EMBER_GC_H
#define EMBER_GC_H

#include <stddef.h>

#include "proc/process.h"

/* Collects p and makes room for at least `need` free words between the heap top
 * and the stack. Roots: x[0..live-1] (updated in place), the stack, the process
 * dictionary and the exception fields. May move the whole block, so every term
 * the caller holds outside those roots is invalid afterwards. */
void gc_collect(Process *p, size_t need, Term *x, unsigned live);

#endif
