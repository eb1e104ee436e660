/* copy.h — deep copies of terms between heaps (messages, literals, results
 * built outside a process). Shared subterms are copied once per reference, as
 * OTP does; both functions are iterative and safe on long lists. */
#ifndef EMBER_COPY_H
#define EMBER_COPY_H

#include <stddef.h>

#include "term/term.h"

/* Heap words a deep copy of t needs (0 for immediates). */
size_t term_size(Term t);

/* Copies t to *hp, which must have term_size(t) free words, and advances *hp
 * past the copy. Immediates are returned unchanged. */
Term term_copy(Term t, Term **hp);

/* As term_copy, for a copy that a process heap (or a message bound for one)
 * will hold: each off-heap binary in it gains a reference that is chained
 * into oh (a process's list, or a message's own list to merge later with
 * offheap_merge). term_copy's copies keep their references forever. */
/* A term copied out of every heap into one malloc'd block, released with
 * free(); off-heap binaries in it keep their references forever, as
 * term_copy's do. For small terms that native state holds (monitor tags,
 * port data). */
typedef struct TermBox {
    Term term;
    Term mem[];
} TermBox;
TermBox *term_box_new(Term t);

struct OffHeap;
Term term_copy_offheap(Term t, Term **hp, struct OffHeap *oh);

#endif
