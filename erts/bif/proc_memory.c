/* proc_memory.c — erlang:memory/0,1. Processes and binaries are counted as
 * they are allocated and freed (proc/pmem.h); code from the loaded modules;
 * atoms from the atom table's text; total is the resident set of the OS
 * process, system what is not process memory; ETS what its tables hold.
 * Cost: one reduction, plus a walk over the atom and module tables. */
#include "bif/bif.h"

#include <stdio.h>
#include <unistd.h>

#include "atom/atom.h"
#include "ets/ets_table.h"
#include "bif/bif_util.h"
#include "load/module.h"
#include "proc/pmem.h"

typedef struct MemFigures {
    size_t total, processes, system, atom, binary, code, ets;
} MemFigures;

static size_t resident_bytes(void)
{
    FILE *f = fopen("/proc/self/statm", "r");
    unsigned long pages = 0, resident = 0;
    if (f) {
        if (fscanf(f, "%lu %lu", &pages, &resident) != 2) resident = 0;
        fclose(f);
    }
    long page = sysconf(_SC_PAGESIZE);
    return (size_t)resident * (size_t)(page > 0 ? page : 4096);
}

/* Each atom: its text and its table entry (a text pointer and a length). */
static size_t atom_bytes(void)
{
    uint32_t n = atom_count();
    size_t bytes = 0;
    for (uint32_t i = 0; i < n; i++) {
        size_t len;
        atom_text(term_make_atom(i), &len);
        bytes += len + 1 + 2 * sizeof(void *);
    }
    return bytes;
}

static void measure(MemFigures *m)
{
    m->processes = pmem_total();
    m->binary = (size_t)(atomic_load_explicit(&pmem_binary_bytes, memory_order_relaxed) > 0
                             ? atomic_load_explicit(&pmem_binary_bytes, memory_order_relaxed)
                             : 0);
    m->atom = atom_bytes();
    m->code = module_code_bytes();
    m->ets = ets_total_bytes();
    size_t counted = m->processes + m->binary + m->atom + m->code + m->ets;
    size_t rss = resident_bytes();
    m->total = rss > counted ? rss : counted;
    m->system = m->total - m->processes;
}

/* The figure for one key, or TERM_NONE for an unknown key. */
static Term figure(const MemFigures *m, Term key)
{
    static const char *const names[] = {"total", "processes", "processes_used", "system", "atom",
                                        "atom_used", "binary", "code", "ets"};
    const size_t values[] = {m->total, m->processes, m->processes, m->system, m->atom,
                             m->atom, m->binary, m->code, m->ets};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (key == atom_from_cstr(names[i])) return term_make_small((SInt)values[i]);
    return TERM_NONE;
}

Term bif_erlang_memory_0(Process *p, const Term *args)
{
    (void)args;
    MemFigures m;
    measure(&m);
    static const char *const order[] = {"total", "processes", "processes_used", "system", "atom",
                                        "atom_used", "binary", "code", "ets"};
    Term items[9];
    for (size_t i = 0; i < 9; i++) {
        Term k = atom_from_cstr(order[i]);
        items[i] = bif_tuple2(p, k, figure(&m, k));
    }
    return bif_array_to_list(p, items, 9, TERM_NIL);
}

/* Keys are checked in order: an unknown one is badarg; an improper tail after
 * known keys is function_clause, as OTP's own Erlang code for this answers. */
Term bif_erlang_memory_1(Process *p, const Term *args)
{
    Term what = args[0];
    MemFigures m;
    measure(&m);
    if (term_is_atom(what)) {
        Term v = figure(&m, what);
        return v == TERM_NONE ? proc_badarg(p) : v;
    }
    if (!term_is_list(what) && !term_is_nil(what)) return proc_badarg(p);
    size_t n = 0;
    Term l = what;
    for (; term_is_list(l); l = term_tail(l), n++)
        if (figure(&m, term_head(l)) == TERM_NONE) return proc_badarg(p);
    if (!term_is_nil(l)) return proc_error(p, ATOM_function_clause);
    Term result = TERM_NIL, *tail = &result;
    for (l = what; term_is_list(l); l = term_tail(l)) {
        Term *cell = proc_alloc(p, 2);
        *tail = term_cons(cell, bif_tuple2(p, term_head(l), figure(&m, term_head(l))), TERM_NIL);
        tail = &cell[1];
    }
    return result;
}
