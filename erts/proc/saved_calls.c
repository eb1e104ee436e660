/* saved_calls.c — the ring of a process's last calls (saved_calls.h). */
#include "proc/saved_calls.h"

#include <stdlib.h>

#include "atom/atom.h"
#include "term/boxed.h"

unsigned saved_calls_size(const Process *p)
{
    const SavedCalls *s = saved_calls_of(p);
    return s ? s->size : 0;
}

void saved_calls_set(Process *p, unsigned n)
{
    if (p->st.rare) {
        free(p->st.rare->saved_calls);
        p->st.rare->saved_calls = NULL;
    }
    if (n == 0) return;
    SavedCalls *s = calloc(1, sizeof *s + n * sizeof s->calls[0]);
    if (!s) abort();
    s->size = n;
    proc_rare(p)->saved_calls = s;
}

void saved_calls_note(Process *p, Term module, Term function, unsigned arity)
{
    SavedCalls *s = saved_calls_of(p);
    s->calls[s->next] = (SavedCall){module, function, arity};
    s->next = (s->next + 1) % s->size;
    if (s->count < s->size) s->count++;
}

Term saved_calls_list(Process *p, const Process *q)
{
    const SavedCalls *s = saved_calls_of(q);
    if (!s) return ATOM_false;
    Term list = TERM_NIL;
    /* newest first from the end, so that the list reads oldest first */
    for (unsigned k = 0; k < s->count; k++) {
        const SavedCall *c = &s->calls[(s->next + s->size - 1 - k) % s->size];
        Term item = c->function;
        if (c->module != TERM_NONE) {
            Term *t = proc_alloc(p, 4);
            t[0] = header_make(HDR_TUPLE, 3), t[1] = c->module, t[2] = c->function, t[3] = term_make_small(c->arity);
            item = term_make_boxed(t);
        }
        list = term_cons(proc_alloc(p, 2), item, list);
    }
    return list;
}
