/* spawn.c — a new process gets its own block, a copy of its start arguments,
 * its links and monitor (set on both sides before it can run, so spawn_link
 * cannot lose an early exit), and a place in a run queue. */
#include "proc/spawn.h"

#include <stdatomic.h>
#include <stdlib.h>

#include "bif/bif.h"
#include "emu/emu.h"
#include "gc/gc.h"
#include "proc/alias.h"
#include "proc/plinks.h"
#include "proc/ptab.h"
#include "proc/signal.h"
#include "sched/sched.h"
#include "term/copy.h"

/* Every spawn reads the defaults, system_flag/2 seldom changes them: they
 * are published whole, and a replaced version stays allocated, chained to
 * its successor (a reader may still be copying it): one small block per
 * change. */
typedef struct Defaults {
    SpawnOpts opts;
    const struct Defaults *replaced;
} Defaults;

static const Defaults initial_defaults = {.opts = {.max_heap_kill = true,
                                                   .max_heap_log = true,
                                                   .fullsweep_after = 65535,
                                                   .priority = PRIO_NORMAL,
                                                   .monitor_tag = ATOM_DOWN,
                                                   .monitor_alias = TERM_NONE}};
static _Atomic(const Defaults *) defaults = &initial_defaults;

void spawn_opts_default(SpawnOpts *o) { *o = atomic_load_explicit(&defaults, memory_order_acquire)->opts; }

void spawn_defaults_set(const SpawnOpts *o)
{
    Defaults *d = malloc(sizeof *d);
    if (!d) abort();
    d->opts = *o;
    d->replaced = atomic_load_explicit(&defaults, memory_order_relaxed);
    atomic_store_explicit(&defaults, d, memory_order_release);
}

static Term copy_in(Process *child, Term t)
{
    size_t n = term_size(t);
    if (n == 0) return t;
    Term *hp = proc_alloc(child, n);
    return term_copy_offheap(t, &hp, &child->offheap);
}

static unsigned list_length(Term l)
{
    unsigned n = 0;
    for (; term_is_list(l); l = term_tail(l)) n++;
    return n;
}

Term proc_spawn(Process *parent, Term module, Term function, Term args, const SpawnOpts *o, Term *mon_ref)
{
    /* A process asked for a larger min_heap_size gets it at once; any other
     * starts small (proc/process.h) and grows at its first collection. */
    size_t need = term_size(module) + term_size(args) + 8;
    size_t words = o->min_heap_size > PROC_MIN_HEAP_WORDS ? o->min_heap_size : PROC_START_WORDS;
    if (words < 2 * need) words = 2 * need;
    Process *c = proc_new(words);
    if (o->min_heap_size > PROC_MIN_HEAP_WORDS) c->min_heap_words = gc_heap_size_at_least(o->min_heap_size);
    c->st.scheduled = true;
    c->st.priority = (uint8_t)o->priority;
    c->st.fullsweep_after = o->fullsweep_after;
    c->st.system_process = o->system_process;
    c->st.max_heap_size = o->max_heap_size;
    c->st.max_heap_kill = o->max_heap_kill;
    c->st.max_heap_log = o->max_heap_log;
    if (parent) {
        c->group_leader = parent->group_leader;
        c->st.sched_index = parent->st.sched_index;
    }
    if (!ptab_insert(c)) {
        proc_free(c);
        if (parent) proc_error(parent, ATOM_system_limit);
        return TERM_NONE;
    }
    if (!parent) c->group_leader = c->pid;
    if (function == TERM_NONE) {
        c->st.init_mod = ATOM_erlang, c->st.init_fun = ATOM_apply, c->st.init_arity = 2;
    } else {
        c->st.init_mod = module, c->st.init_fun = function, c->st.init_arity = list_length(args);
    }
    Term m = copy_in(c, module), a = copy_in(c, args);
    emu_setup_spawn(c, m, function, a);
    if (parent && o->link) {
        plink_add(parent, (LinkEntry){LK_LINK, c->pid, TERM_NIL, {0, 0}, NULL});
        plink_add(c, (LinkEntry){LK_LINK, parent->pid, TERM_NIL, {0, 0}, NULL});
    }
    if (parent && (o->monitor || o->request)) *mon_ref = bif_erlang_make_ref_0(parent, NULL);
    if (parent && o->monitor) {
        LinkEntry e = {LK_MONITOR, c->pid, TERM_NIL, {0, 0}, NULL};
        ref_raw(*mon_ref, e.ref);
        plink_add(parent, e);
        if (o->monitor_alias != TERM_NONE) alias_make(parent, e.ref, o->monitor_alias);
        e.kind = LK_WATCHER, e.pid = parent->pid, e.tag = monitor_tag_new(o->monitor_tag);
        plink_add(c, e);
    }
    Term pid = c->pid;
    if (parent && o->request && o->reply_ok) {
        Term *hp = proc_alloc(parent, 5);
        hp[0] = header_make(HDR_TUPLE, 4), hp[1] = o->reply_tag, hp[2] = *mon_ref, hp[3] = ATOM_ok, hp[4] = pid;
        sig_send(parent->pid, msg_copy_of(term_make_boxed(hp), SIG_MSG, parent->pid));
    }
    sched_enqueue(c); /* c may run, and even end, from here on */
    return pid;
}
