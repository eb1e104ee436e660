/* proc_heap.c — max_heap_size: parsing the option, the process flag and the
 * map that process_info shows. The limit itself is enforced by the collector
 * (gc/gc.c), which counts every generation and the heap fragments. */
#include "bif/proc_heap.h"

#include "term/map.h"

static bool flag_of(Term v, bool *out)
{
    if (v != ATOM_true && v != ATOM_false) return false;
    *out = v == ATOM_true;
    return true;
}

static bool size_of(Term v, size_t *out)
{
    if (!term_is_small(v) || term_small_value(v) < 0) return false;
    *out = (size_t)term_small_value(v);
    return true;
}

bool proc_max_heap_parse(Term v, size_t min_heap, MaxHeap *out)
{
    MaxHeap m = {0, true, true};
    if (term_is_map(v)) {
        const Term *size = map_get(v, ATOM_size);
        const Term *kill = map_get(v, ATOM_kill);
        const Term *log = map_get(v, ATOM_error_logger);
        if (!size || !size_of(*size, &m.size)) return false;
        if (kill && !flag_of(*kill, &m.kill)) return false;
        if (log && !flag_of(*log, &m.error_logger)) return false;
    } else if (!size_of(v, &m.size)) {
        return false;
    }
    if (m.size != 0 && m.size < min_heap) return false;
    *out = m;
    return true;
}

Term proc_max_heap_map(Process *p, const MaxHeap *m)
{
    /* keys in term order, as a small map holds them */
    Term keys[3] = {ATOM_error_logger, ATOM_kill, ATOM_size};
    Term values[3] = {m->error_logger ? ATOM_true : ATOM_false, m->kill ? ATOM_true : ATOM_false,
                      term_make_small((SInt)m->size)};
    return map_from_pairs(p, keys, values, 3);
}

Term proc_max_heap_term(Process *p, const Process *q)
{
    MaxHeap m = {q->st.max_heap_size, q->st.max_heap_kill, q->st.max_heap_log};
    return proc_max_heap_map(p, &m);
}

Term proc_flag_max_heap(Process *p, Term v)
{
    MaxHeap m;
    if (!proc_max_heap_parse(v, p->min_heap_words, &m)) return proc_badarg(p);
    Term old = proc_max_heap_term(p, p);
    p->st.max_heap_size = m.size;
    p->st.max_heap_kill = m.kill;
    p->st.max_heap_log = m.error_logger;
    return old;
}
