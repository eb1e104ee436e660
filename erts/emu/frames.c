/* frames.c — memory for frames and heap terms, and argument lists. The stack
 * grows only here, by asking the collector for a larger block, which is how a
 * deep body recursion keeps running. */
#include "emu/frames.h"

#include "gc/gc.h"

void emu_reserve(Process *p, Term *x, size_t need, unsigned live)
{
    size_t heap_words = (size_t)(p->hend - p->heap);
    if (proc_free_words(p) >= need && p->fragment_words <= heap_words) return;
    gc_collect(p, need, x, live);
}

Term emu_arglist(Process *p, const Term *x, unsigned n)
{
    if (n == 0) return TERM_NIL;
    Term *cells = proc_alloc(p, 2 * (size_t)n);
    Term list = TERM_NIL;
    for (unsigned i = n; i-- > 0;) list = term_cons(cells + 2 * i, x[i], list);
    return list;
}

long emu_list_to_x(Term list, Term *x, unsigned max)
{
    long n = 0;
    while (term_is_list(list)) {
        if ((unsigned long)n >= max) return -2;
        x[n++] = term_head(list);
        list = term_tail(list);
    }
    return term_is_nil(list) ? n : -1;
}
