/* process.h — an Erlang process: its control block, its memory (heap and stack
 * in one block, growing toward each other), and the exception it is raising.
 *
 *   heap ........ htop -->        free        <-- stop ........ hend
 *   [ heap terms        ]                     [ stack: frames  ]
 *
 * A frame is [CP][y0]..[yN-1] upward from stop. Terms never point from the
 * heap into the stack. Allocation outside the interpreter (BIFs, message
 * copies) never collects: when the block is full it takes a heap fragment,
 * which the next collection folds in. */
#ifndef EMBER_PROCESS_H
#define EMBER_PROCESS_H

#include <stddef.h>

#include "atom/atom.h"
#include "load/code.h"
#include "proc/procstate.h"
#include "term/term.h"

typedef struct HeapFragment {
    struct HeapFragment *next;
    size_t size; /* words in mem */
    size_t used;
    Term mem[];
} HeapFragment;

/* The off-heap binaries (REFC_BIN objects, chained through their next word)
 * that a heap refers to, and the bytes they hold; see gc/offheap.h. */
typedef struct OffHeap {
    Term *first;
    size_t new_bytes;  /* made or adopted since the last collection */
    size_t live_bytes; /* held after the last collection */
} OffHeap;

typedef struct Process {
    Term *heap, *htop, *stop, *hend;
    HeapFragment *fragments;
    OffHeap offheap;
    size_t fragment_words; /* words allocated in fragments since the last GC */
    size_t min_heap_words;

    Term pid;
    Term dictionary; /* process dictionary: a list of {Key, Value} */
    Term group_leader;

    /* The exception being raised, valid while a BIF or helper returns TERM_NONE.
     *   fclass:  error | exit | throw
     *   freason: the reason (the thrown term for throw)
     *   fargs:   for erlang:error/2,3, the argument list that replaces the
     *            arity in the top stack frame; TERM_NONE otherwise
     *   ftrace:  TERM_NONE while the interpreter should capture the stack, or a
     *            trace to reuse as it is (erlang:raise/3, raw_raise)
     *   ferror_info: for erlang:error/3, the error_info option; TERM_NONE otherwise */
    Term fclass, freason, fargs, ftrace, ferror_info;

    /* Saved context while the process is not running. */
    CodeWord *pc;
    CodeWord *cp;
    uint64_t reductions;
    unsigned arity;

    ProcState st; /* signals, messages, links, scheduling: see proc/procstate.h */
} Process;

/* OTP's default min_heap_size, in words: what the collector never shrinks a
 * young heap below, and what process_info reports as min_heap_size. */
#define PROC_MIN_HEAP_WORDS 233
/* The block a new process starts with when its spawn needs no more (words;
 * heap and stack share it). An idle process never outgrows it; the first
 * collection of a busy one grows it to min_heap_size at once. */
#define PROC_START_WORDS 40

/* Creates a process with a block of at least min_words words (0: the start
 * size), and min_heap_size PROC_MIN_HEAP_WORDS. */
Process *proc_new(size_t min_words);
void proc_free(Process *p);

/* The rarely used part of p (procstate.h), allocated on first use. Aborts
 * the runtime with a message when memory is exhausted. */
ProcRare *proc_rare_new(Process *p);
static inline ProcRare *proc_rare(Process *p) { return p->st.rare ? p->st.rare : proc_rare_new(p); }

/* Words free between the heap top and the stack. */
static inline size_t proc_free_words(const Process *p) { return (size_t)(p->stop - p->htop); }

/* Allocates n words on the process heap, or in a heap fragment when the block
 * is full. Never collects, so terms the caller holds stay valid. Aborts the
 * runtime with a message when memory is exhausted. */
Term *proc_alloc_fragment(Process *p, size_t n);
static inline Term *proc_alloc(Process *p, size_t n)
{
    if (proc_free_words(p) >= n) {
        Term *mem = p->htop;
        p->htop += n;
        return mem;
    }
    return proc_alloc_fragment(p, n);
}

/* Stores an exception on the process and returns TERM_NONE, so that a BIF can
 * write `return proc_raise(p, ATOM_error, ATOM_badarg);`. */
static inline Term proc_raise(Process *p, Term cls, Term reason)
{
    p->fclass = cls;
    p->freason = reason;
    p->fargs = TERM_NONE;
    p->ftrace = TERM_NONE;
    p->ferror_info = TERM_NONE;
    return TERM_NONE;
}
static inline Term proc_error(Process *p, Term reason) { return proc_raise(p, ATOM_error, reason); }
static inline Term proc_badarg(Process *p) { return proc_raise(p, ATOM_error, ATOM_badarg); }

/* Builds {Tag, Value} on p's heap. */
Term proc_tuple2(Process *p, Term tag, Term value);
/* error:{Tag, Value} */
static inline Term proc_error2(Process *p, Term tag, Term value) { return proc_error(p, proc_tuple2(p, tag, value)); }

#endif
