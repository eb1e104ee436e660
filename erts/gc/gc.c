/* gc.c — per-process generational copying collector (Cheney's algorithm with
 * two to-spaces). A minor collection copies the live young terms: those below
 * the high-water mark (they survived the previous collection) are promoted to
 * the old generation, the rest go to a new young block. A full sweep copies
 * every generation into a new young block and frees the old one. */
#include "gc/gc.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

#include "gc/offheap.h"
#include "proc/pmem.h"
#include "sched/msacc.h"
#include "proc/signal.h"
#include "emu/receive.h"

typedef enum GcKind {
    GC_MINOR, /* promote the mature young terms */
    GC_FULL,  /* every generation into the new young block */
    GC_MOVE,  /* young terms into a block of a new size, promoting nothing */
} GcKind;

typedef struct Collector {
    Term *young, *young_top; /* from-space: the young heap */
    Term *mature_end;        /* young terms below it are promoted */
    HeapFragment *fragments; /* from-space too */
    Term *old, *old_top;     /* from-space in a full sweep only */
    Term *htop;              /* next free word of the new young heap */
    Term *otop;              /* next free word of the old generation */
} Collector;

static bool in_from_space(const Collector *c, const Term *ptr)
{
    if (ptr >= c->young && ptr < c->young_top) return true;
    if (ptr >= c->old && ptr < c->old_top) return true;
    for (const HeapFragment *f = c->fragments; f; f = f->next)
        if (ptr >= f->mem && ptr < f->mem + f->used) return true;
    return false;
}

/* Where an object of `words` words at ptr (in from-space) goes. */
static Term *destination(Collector *c, const Term *ptr, size_t words)
{
    Term **top = ptr >= c->young && ptr < c->mature_end ? &c->otop : &c->htop;
    Term *to = *top;
    *top += words;
    return to;
}

/* Returns the new location of t, copying its top object if not yet copied.
 * A moved cons cell has TERM_NONE in its head and the new list term in its
 * tail (no live cons cell holds TERM_NONE); a moved boxed object has the new
 * boxed term in place of its header (headers are never boxed-tagged). */
static Term evacuate(Collector *c, Term t)
{
    if (term_is_list(t)) {
        Term *cell = term_list_ptr(t);
        if (!in_from_space(c, cell)) return t;
        if (cell[0] == TERM_NONE) return cell[1];
        Term *to = destination(c, cell, 2);
        to[0] = cell[0];
        to[1] = cell[1];
        Term moved = term_make_list(to);
        cell[0] = TERM_NONE;
        cell[1] = moved;
        return moved;
    }
    if (term_is_boxed(t)) {
        Term *obj = term_boxed_ptr(t);
        if (!in_from_space(c, obj)) return t;
        if (term_is_boxed(obj[0])) return obj[0];
        size_t words = 1 + header_arity(obj[0]);
        Term *to = destination(c, obj, words);
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

/* Scans copied objects from `scan` until it catches up with *top (which moves
 * as the scan copies more); returns where it stopped. */
static Term *scan_copied(Collector *c, Term *scan, Term *const *top)
{
    while (scan < *top) {
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
    return scan;
}

static bool from_space_contains(const void *c, const Term *ptr) { return in_from_space(c, ptr); }

static void out_of_memory(size_t words)
{
    fprintf(stderr, "ember: cannot allocate a process heap of %zu words (out of memory)\n", words);
    abort();
}

static Term *alloc_words(size_t words)
{
    Term *mem = malloc(words * sizeof(Term));
    if (!mem) out_of_memory(words);
    pmem_add((long)(words * sizeof(Term)));
    return mem;
}

static void free_words(Term *mem, size_t words)
{
    if (!mem) return;
    pmem_add(-(long)(words * sizeof(Term)));
    free(mem);
}

static void free_fragments(HeapFragment *f)
{
    while (f) {
        HeapFragment *next = f->next;
        pmem_add(-(long)(sizeof *f + f->size * sizeof(Term)));
        free(f);
        f = next;
    }
}

static Term *mature_end_of(const Process *p)
{
    Term *hw = p->st.high_water;
    return hw && hw >= p->heap && hw <= p->htop ? hw : p->heap;
}

static void evacuate_roots(Collector *c, Process *p, Term *x, unsigned live, Term *stop, Term *hend)
{
    evacuate_range(c, x, x + live);
    evacuate_range(c, stop, hend); /* CPs carry the header tag: skipped */
    Term *roots[] = {&p->dictionary, &p->fclass, &p->freason, &p->fargs, &p->ftrace, &p->ferror_info};
    for (size_t i = 0; i < sizeof roots / sizeof roots[0]; i++)
        if (*roots[i] != TERM_NONE) *roots[i] = evacuate(c, *roots[i]);
}

/* Copies everything live of the collected generations into a fresh young
 * block of `words` words (and, for a minor collection, the old generation). */
static void collect_into(Process *p, size_t words, Term *x, unsigned live, GcKind kind)
{
    ProcState *s = &p->st;
    Term *block = alloc_words(words);
    size_t stack_words = (size_t)(p->hend - p->stop);
    Term *new_hend = block + words;
    Term *new_stop = new_hend - stack_words;
    memcpy(new_stop, p->stop, stack_words * sizeof(Term));

    Collector c = {.young = p->heap, .young_top = p->htop, .mature_end = p->heap,
                   .fragments = p->fragments, .htop = block, .otop = s->old_htop};
    if (kind == GC_MINOR) c.mature_end = mature_end_of(p);
    if (kind == GC_FULL) c.old = s->old_heap, c.old_top = s->old_htop;
    Term *old_scan = c.otop;
    evacuate_roots(&c, p, x, live, new_stop, new_hend);
    Term *young_scan = block;
    do {
        young_scan = scan_copied(&c, young_scan, &c.htop);
        if (old_scan) old_scan = scan_copied(&c, old_scan, &c.otop);
    } while (young_scan < c.htop || (old_scan && old_scan < c.otop));
    gc_offheap_sweep(&p->offheap, from_space_contains, &c);

    free_words(p->heap, (size_t)(p->hend - p->heap));
    free_fragments(p->fragments);
    p->fragments = NULL;
    p->fragment_words = 0;
    p->heap = block;
    p->htop = c.htop;
    p->stop = new_stop;
    p->hend = new_hend;
    if (kind == GC_FULL) {
        free_words(s->old_heap, (size_t)(s->old_hend - s->old_heap));
        s->old_heap = s->old_htop = s->old_hend = NULL;
    } else {
        s->old_htop = c.otop;
    }
}

/* Makes sure the old generation can take every mature young term; false when
 * it cannot (a full sweep is due instead). A new old generation gets twice
 * what it must take, so that several minor collections fit before a sweep. */
static bool old_room_for(Process *p, size_t mature)
{
    ProcState *s = &p->st;
    if (mature == 0) return true;
    if (s->old_heap) return (size_t)(s->old_hend - s->old_htop) >= mature;
    size_t words = 2 * mature > p->min_heap_words ? 2 * mature : p->min_heap_words;
    s->old_heap = s->old_htop = alloc_words(words);
    s->old_hend = s->old_heap + words;
    return true;
}

/* A block twice the size of what is live leaves room to work before the next
 * collection, so collection cost stays proportional to allocation. */
static size_t wanted_size(const Process *p, size_t need)
{
    size_t in_use = (size_t)(p->htop - p->heap) + (size_t)(p->hend - p->stop);
    size_t size = 2 * in_use + need;
    return size < p->min_heap_words ? p->min_heap_words : size;
}

size_t gc_total_heap_words(const Process *p)
{
    return (size_t)(p->hend - p->heap) + p->fragment_words + (size_t)(p->st.old_hend - p->st.old_heap);
}

/* OTP kills the process at the end of the collection; here the kill is a
 * signal to itself, taken at its next reduction check. */
static void enforce_max_heap(Process *p)
{
    ProcState *s = &p->st;
    if (s->max_heap_size == 0 || !s->max_heap_kill || gc_total_heap_words(p) <= s->max_heap_size) return;
    sig_send_exit(SIG_EXIT, p->pid, p->pid, ATOM_kill);
    proc_request_yield(p);
}

/* statistics(garbage_collection): collections and words reclaimed, all processes */
static _Atomic uint64_t collections, words_reclaimed;

void gc_totals(uint64_t *count, uint64_t *reclaimed)
{
    *count = atomic_load_explicit(&collections, memory_order_relaxed);
    *reclaimed = atomic_load_explicit(&words_reclaimed, memory_order_relaxed);
}

/* (fragment_words may be raised on purpose to force a collection: the
 * fragments themselves are counted) */
static size_t words_in_use(const Process *p)
{
    size_t n = (size_t)(p->htop - p->heap) + (size_t)(p->st.old_htop - p->st.old_heap);
    for (const HeapFragment *f = p->fragments; f; f = f->next) n += f->used;
    return n;
}

void gc_collect(Process *p, size_t need, Term *x, unsigned live)
{
    ProcState *s = &p->st;
    MsaccState was = msacc_current();
    msacc_enter(MSACC_GC);
    size_t in_use_before = words_in_use(p);
    size_t mature = (size_t)(mature_end_of(p) - p->heap);
    bool full = s->gc_full_wanted || s->minor_gcs >= s->fullsweep_after || !old_room_for(p, mature);
    size_t heap_words = (size_t)(p->htop - p->heap) + p->fragment_words;
    if (full) heap_words += (size_t)(s->old_htop - s->old_heap);
    size_t stack_words = (size_t)(p->hend - p->stop);
    /* First pass: room for everything that might stay young, plus the request,
     * and never below min_heap_size, so that a process that started on a small
     * block (proc/process.h) reaches it in one pass. */
    size_t first = heap_words + stack_words + need;
    collect_into(p, first > p->min_heap_words ? first : p->min_heap_words, x, live, full ? GC_FULL : GC_MINOR);
    s->minor_gcs = full ? 0 : s->minor_gcs + 1;
    s->gc_full_wanted = false;
    /* Second pass only when the first block is far from the right size. */
    size_t wanted = wanted_size(p, need);
    size_t size = (size_t)(p->hend - p->heap);
    if (size < wanted || size > 2 * wanted) collect_into(p, wanted, x, live, GC_MOVE);
    s->high_water = p->htop; /* everything young now has survived once */
    size_t in_use_after = words_in_use(p);
    atomic_fetch_add_explicit(&collections, 1, memory_order_relaxed);
    if (in_use_before > in_use_after)
        atomic_fetch_add_explicit(&words_reclaimed, in_use_before - in_use_after, memory_order_relaxed);
    msacc_enter(was);
    enforce_max_heap(p);
}

/* Makes the next heap check collect: fragment_words above the block size.
 * Never lowered, as the collection sizes its first block by it. */
static void request(Process *p)
{
    size_t heap = (size_t)(p->hend - p->heap);
    if (p->fragment_words <= heap) p->fragment_words = heap + 1;
}

void gc_request_full(Process *p)
{
    p->st.gc_full_wanted = true;
    request(p);
}

void gc_request(Process *p) { request(p); }

size_t gc_heap_size_at_least(size_t words) { return gc_heap_series_at_least(words < 233 ? 233 : words); }

size_t gc_heap_series_at_least(size_t words)
{
    size_t a = 0, b = 12; /* two consecutive sizes of the series, which starts 12, 38 */
    while (b < words) {
        if (a == 0) {
            a = 12, b = 38;
            continue;
        }
        size_t next = a + b + 1 <= 1000000 ? a + b + 1 : b / 5 * 6 + b % 5 * 6 / 5;
        a = b, b = next;
    }
    return b;
}

void gc_release(Process *p)
{
    ProcState *s = &p->st;
    free_words(s->old_heap, (size_t)(s->old_hend - s->old_heap));
    s->old_heap = s->old_htop = s->old_hend = NULL;
}
