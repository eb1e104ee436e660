/* frames.h — the interpreter's memory services: room for frames and heap terms
 * (collecting when the block is full) and moving argument lists between x
 * registers and the heap. */
#ifndef EMBER_EMU_FRAMES_H
#define EMBER_EMU_FRAMES_H

#include "proc/process.h"

/* Makes `need` words free between the heap top and the stack. Collects (and
 * may move the whole block) when they are not, or when heap fragments have
 * grown larger than the heap; x[0..live) are roots and are updated. */
void emu_reserve(Process *p, Term *x, size_t need, unsigned live);

/* [x0, ..., x(n-1)] on the heap (never collects). */
Term emu_arglist(Process *p, const Term *x, unsigned n);

/* Copies the elements of a proper list into x[0..]; returns the length, -1 for
 * an improper list, -2 when it has more than max elements. */
long emu_list_to_x(Term list, Term *x, unsigned max);

#endif
