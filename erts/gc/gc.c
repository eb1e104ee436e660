/* gc.c — per-process copying collector (Cheney's algorithm).
 * Live terms are copied from the old block and the heap fragments into a new
 * block; the stack is moved to the top of the new block. Anything outside the
 * old block and the fragments (module literals) is left where it is. */
#include "gc/gc.h"

#include <stdio.h>
#include <stdlib.h>

#include "gc/offheap.h"

typedef struct FromSpace {
    Term *heap, *htop; /* the old heap part of the block */
    HeapFragment *fragments;
} FromSpace;

typedef struct Collector {
    FromSpace from;
    Term *htop; /* next free word in the new heap */
} Collector;

static bool in_from_space(const FromSpace *from, const Term *ptr)
{
    if (ptr >= from->heap && ptr < from->htop) return true;
    for (const HeapFragment *f = from->fragments; f; f = f->next)
        if (ptr >= f->mem && ptr < f->mem + f->used) return true;
    return false;
}

/* Returns the new location of t, copying its top object if not yet copied.
 * A moved cons cell has TERM_NONE in its head and the new list term in its
 * tail (no live cons cell holds TERM_NONE); a moved boxed object has the new
 * boxed term in place of its header (headers are never boxed-tagged). */
static Term evacuate(Collector *c, Term t)
{
    if (term_is_list(t)) {
        Term *cell = term_list_ptr(t);
        if (!in_from_space(&c->from, cell)) return t;
        if (cell[0] == TERM_NONE) return cell[1];
        Term *to = c->htop;
        c->htop += 2;
        to[0] = cell[0];
        to[1] = cell[1];
        Term moved = term_make_list(to);
        cell[0] = TERM_NONE;
        cell[1] = moved;
        return moved;
    }
    if (term_is_boxed(t)) {
        Term *obj = term_boxed_ptr(t);
        if (!in_from_space(&c->from, obj)) return t;
        if (term_is_boxed(obj[0])) return obj[0];
        size_t words = 1 + header_arity(obj[0]);
        Term *to = c->htop;
        c->htop += words;
        memcpy(to, obj, words * sizeof(Term));
        Term moved = term_make_boxed(to);
        obj[0] = moved;
        return moved;
    }
    return t;
}

static void evacuate_range(Collector *c, Term *start, Term *end)
{
    for (Term *w = start; w < end; w++)
        if (!term_is_header(*w)) *w = evacuate(c, *w);
}

/* Scans the new heap from `scan` until it catches up with the copy pointer. */
static void scan_copied(Collector *c, Term *scan)
{
    while (scan < c->htop) {
        if (term_is_header(*scan)) {
            Term hdr = *scan;
            UInt arity = header_arity(hdr);
            UInt raw = header_raw_words(hdr);
            evacuate_range(c, scan + 1 + raw, scan + 1 + arity); /* raw words come first */
            scan += 1 + arity;
        } else {
            evacuate_range(c, scan, scan + 2); /* a cons cell */
            scan += 2;
        }
    }
}

static bool from_space_contains(const void *from, const Term *ptr) { return in_from_space(from, ptr); }

static void out_of_memory(size_t words)
{
    fprintf(stderr, "ember: cannot allocate a process heap of %zu words (out of memory)\n", words);
    abort();
}

static void free_fragments(HeapFragment *f)
{
    while (f) {
        HeapFragment *next = f->next;
        free(f);
        f = next;
    }
}

/* Copies everything live into a fresh block of `words` words. */
static void collect_into(Process *p, size_t words, Term *x, unsigned live)
{
    Term *block = malloc(words * sizeof(Term));
    if (!block) out_of_memory(words);
    size_t stack_words = (size_t)(p->hend - p->stop);
    Term *new_hend = block + words;
    Term *new_stop = new_hend - stack_words;
    memcpy(new_stop, p->stop, stack_words * sizeof(Term));

    Collector c = {.from = {p->heap, p->htop, p->fragments}, .htop = block};
    evacuate_range(&c, x, x + live);
    evacuate_range(&c, new_stop, new_hend); /* CPs carry the header tag: skipped */
    Term *roots[] = {&p->dictionary, &p->fclass, &p->freason, &p->fargs, &p->ftrace, &p->ferror_info};
    for (size_t i = 0; i < sizeof roots / sizeof roots[0]; i++)
        if (*roots[i] != TERM_NONE) *roots[i] = evacuate(&c, *roots[i]);
    scan_copied(&c, block);
    gc_offheap_sweep(&p->offheap, from_space_contains, &c.from);

    free(p->heap);
    free_fragments(p->fragments);
    p->fragments = NULL;
    p->fragment_words = 0;
    p->heap = block;
    p->htop = c.htop;
    p->stop = new_stop;
    p->hend = new_hend;
}

/* A block twice the size of what is live leaves room to work before the next
 * collection, so collection cost stays proportional to allocation. */
static size_t wanted_size(const Process *p, size_t need)
{
    size_t in_use = (size_t)(p->htop - p->heap) + (size_t)(p->hend - p->stop);
    size_t size = 2 * in_use + need;
    return size < p->min_heap_words ? p->min_heap_words : size;
}

void gc_collect(Process *p, size_t need, Term *x, unsigned live)
{
    size_t heap_words = (size_t)(p->htop - p->heap) + p->fragment_words;
    size_t stack_words = (size_t)(p->hend - p->stop);
    /* First pass: room for everything that might be live, plus the request. */
    collect_into(p, heap_words + stack_words + need, x, live);
    /* Second pass only when the first block is far from the right size. */
    size_t wanted = wanted_size(p, need);
    size_t size = (size_t)(p->hend - p->heap);
    if (size < wanted || size > 2 * wanted) collect_into(p, wanted, x, live);
}
