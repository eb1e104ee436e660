/* process.c — creating and freeing processes, and heap fragments. */
#include "proc/process.h"

#include <stdio.h>
#include <stdlib.h>

#include "gc/gc.h"
#include "gc/offheap.h"
#include "proc/pmem.h"
#include "proc/signal.h"

static _Atomic uint64_t next_pid_number = 0;

static void out_of_memory(size_t words)
{
    fprintf(stderr, "ember: cannot allocate %zu words of process memory (out of memory)\n", words);
    abort();
}

Process *proc_new(size_t min_words)
{
    Process *p = calloc(1, sizeof *p);
    if (!p) out_of_memory(sizeof *p / sizeof(Term));
    size_t words = min_words > PROC_START_WORDS ? min_words : PROC_START_WORDS;
    p->heap = malloc(words * sizeof(Term));
    if (!p->heap) out_of_memory(words);
    pmem_add((long)(sizeof *p + words * sizeof(Term)));
    p->htop = p->heap;
    p->hend = p->heap + words;
    p->stop = p->hend;
    p->min_heap_words = PROC_MIN_HEAP_WORDS;
    p->pid = term_make_pid(next_pid_number++);
    p->dictionary = TERM_NIL;
    p->group_leader = p->pid;
    p->fclass = p->freason = p->fargs = p->ftrace = p->ferror_info = TERM_NONE;
    proc_state_init(p);
    return p;
}

ProcRare *proc_rare_new(Process *p)
{
    ProcRare *r = calloc(1, sizeof *r);
    if (!r) out_of_memory(sizeof *r / sizeof(Term));
    pmem_add((long)sizeof *r);
    p->st.rare = r;
    return r;
}

void proc_free(Process *p)
{
    proc_state_free(p);
    offheap_release_all(&p->offheap);
    gc_release(p);
    long bytes = (long)(sizeof *p + (size_t)(p->hend - p->heap) * sizeof(Term));
    if (p->st.rare) bytes += (long)sizeof *p->st.rare;
    free(p->st.rare);
    for (HeapFragment *f = p->fragments, *next; f; f = next) {
        next = f->next;
        bytes += (long)(sizeof *f + f->size * sizeof(Term));
        free(f);
    }
    pmem_add(-bytes);
    free(p->heap);
    free(p);
}

Term *proc_alloc_fragment(Process *p, size_t n)
{
    HeapFragment *f = p->fragments;
    if (f && f->size - f->used >= n) {
        Term *mem = f->mem + f->used;
        f->used += n;
        p->fragment_words += n;
        return mem;
    }
    /* Each new fragment is at least as big as all the others together, so
     * a BIF that builds a large result makes few of them (the collector
     * looks a pointer up in every fragment). */
    size_t size = n > 256 ? n : 256;
    if (size < p->fragment_words) size = p->fragment_words;
    f = malloc(sizeof *f + size * sizeof(Term));
    if (!f) out_of_memory(size);
    pmem_add((long)(sizeof *f + size * sizeof(Term)));
    f->size = size;
    f->used = n;
    f->next = p->fragments;
    p->fragments = f;
    p->fragment_words += n;
    return f->mem;
}

Term proc_tuple2(Process *p, Term tag, Term value)
{
    Term *t = proc_alloc(p, 3);
    t[0] = header_make(HDR_TUPLE, 2);
    t[1] = tag;
    t[2] = value;
    return term_make_boxed(t);
}
