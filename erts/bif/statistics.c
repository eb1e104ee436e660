/* statistics.c — erlang:statistics/1 and the scheduler wall time switch
 * (system_flag(scheduler_wall_time, _), erts_internal:scheduler_wall_time/1).
 *
 * The lists follow OTP 25's shapes: one element per scheduler, then one for
 * the dirty CPU run queue (Ember has no dirty CPU schedulers: it is always
 * empty), then, in the _all forms, one for the dirty I/O pool. Scheduler wall
 * time numbers the schedulers from 1 and the dirty I/O threads after them.
 * Microstate accounting (sched/msacc.h) reports OTP's states for Ember's
 * threads. One reduction each. */
#include "bif/bif.h"

#include <stdatomic.h>
#include <time.h>

#include "atom/atom.h"
#include "bif/bif_util.h"
#include "bif/statistics.h"
#include "gc/gc.h"
#include "io/dirty_io.h"
#include "io/port.h"
#include "sched/msacc.h"
#include "sched/sched.h"
#include "sched/wall_time.h"
#include "term/map.h"
#include "time/timer.h"

static _Atomic int64_t last_reductions, last_runtime_ms, last_wall_ms;

static Term total_and_since(Process *p, int64_t total, _Atomic int64_t *last)
{
    int64_t before = atomic_exchange(last, total);
    return bif_tuple2(p, term_make_small(total), term_make_small(total - before));
}

static int64_t cpu_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static Term cons(Process *p, Term head, Term tail) { return term_cons(proc_alloc(p, 2), head, tail); }

/* Run queue lengths, or active tasks (queued plus running), per queue. */
static size_t sched_tasks(unsigned i, bool active)
{
    return sched_queue_length(i) + (active && sched_is_running(i) ? 1 : 0);
}

static Term task_list(Process *p, bool active, bool all)
{
    Term list = TERM_NIL;
    if (all) list = cons(p, term_make_small((SInt)(active ? dirty_io_unfinished() : dirty_io_queued())), list);
    list = cons(p, term_make_small(0), list); /* the dirty CPU run queue */
    for (unsigned i = sched_count(); i-- > 0;) list = cons(p, term_make_small((SInt)sched_tasks(i, active)), list);
    return list;
}

static Term task_total(bool active, bool all)
{
    size_t n = all ? (active ? dirty_io_unfinished() : dirty_io_queued()) : 0;
    for (unsigned i = 0; i < sched_count(); i++) n += sched_tasks(i, active);
    return term_make_small((SInt)n);
}

/* ---- scheduler wall time ---------------------------------------------------- */

static unsigned meter_count(bool all) { return sched_count() + (all ? dirty_io_thread_count() : 0); }
static BusyMeter *meter_at(unsigned i) { return i < sched_count() ? sched_meter(i) : dirty_io_meter(i - sched_count()); }

bool statistics_set_wall_time(bool on)
{
    enum { MAX_METERS = 2048 };
    BusyMeter *meters[MAX_METERS];
    unsigned n = meter_count(true);
    if (n > MAX_METERS) n = MAX_METERS;
    for (unsigned i = 0; i < n; i++) meters[i] = meter_at(i);
    return wall_time_set(on, meters, n);
}

static Term wall_time_list(Process *p, bool all)
{
    if (!wall_time_on()) return ATOM_undefined;
    Term list = TERM_NIL;
    for (unsigned i = meter_count(all); i-- > 0;) {
        uint64_t busy, total;
        wall_time_read(meter_at(i), &busy, &total);
        Term entry = bif_tuple3(p, term_make_small((SInt)i + 1), term_make_small((SInt)busy), term_make_small((SInt)total));
        list = cons(p, entry, list);
    }
    return list;
}

/* kernel_refc turns the accounting on and off through this; the old state. */
Term bif_erts_internal_scheduler_wall_time_1(Process *p, const Term *args)
{
    if (args[0] != ATOM_true && args[0] != ATOM_false) return proc_badarg(p);
    return statistics_set_wall_time(args[0] == ATOM_true) ? ATOM_true : ATOM_false;
}

/* ---- microstate accounting ---------------------------------------------------- */

static Term account_entry(Process *p, const Msacc *m, Term tail)
{
    Term states[MSACC_STATES] = {ATOM_aux, ATOM_check_io, ATOM_emulator, ATOM_gc, ATOM_other, ATOM_port, ATOM_sleep};
    Term ns[MSACC_STATES];
    for (int s = 0; s < MSACC_STATES; s++) ns[s] = term_make_small((SInt)msacc_read(m, (MsaccState)s));
    Term keys[] = {ATOM_counters, ATOM_id, ATOM_type};
    Term values[] = {map_from_pairs(p, states, ns, MSACC_STATES), term_make_small((SInt)m->id), m->type};
    return cons(p, map_from_pairs(p, keys, values, 3), tail);
}

/* One map per thread that keeps an account: schedulers, dirty I/O threads
 * started so far, the poller, the timer service (type aux). */
static Term microstate_list(Process *p)
{
    Term list = TERM_NIL;
    for (const Msacc *m = msacc_first(); m; m = m->next) list = account_entry(p, m, list);
    return list;
}

/* ---- statistics/1 ------------------------------------------------------------ */

Term bif_erlang_statistics_1(Process *p, const Term *args)
{
    Term k = args[0];
    if (k == ATOM_reductions || k == ATOM_exact_reductions)
        return total_and_since(p, (int64_t)sched_total_reductions(), &last_reductions);
    if (k == ATOM_runtime) return total_and_since(p, cpu_ms(), &last_runtime_ms);
    if (k == ATOM_wall_clock)
        return total_and_since(p, (time_monotonic_ns() - time_start_ns()) / 1000000, &last_wall_ms);
    if (k == ATOM_run_queue || k == ATOM_total_run_queue_lengths) return task_total(false, false);
    if (k == ATOM_total_run_queue_lengths_all) return task_total(false, true);
    if (k == ATOM_total_active_tasks) return task_total(true, false);
    if (k == ATOM_total_active_tasks_all) return task_total(true, true);
    if (k == ATOM_run_queue_lengths) return task_list(p, false, false);
    if (k == ATOM_run_queue_lengths_all) return task_list(p, false, true);
    if (k == ATOM_active_tasks) return task_list(p, true, false);
    if (k == ATOM_active_tasks_all) return task_list(p, true, true);
    if (k == ATOM_context_switches)
        return bif_tuple2(p, term_make_small((SInt)sched_context_switches()), term_make_small(0));
    if (k == ATOM_garbage_collection) {
        uint64_t count, words;
        gc_totals(&count, &words);
        return bif_tuple3(p, term_make_small((SInt)count), term_make_small((SInt)words), term_make_small(0));
    }
    if (k == ATOM_io) {
        uint64_t in, out;
        port_io_totals(&in, &out);
        Term i = bif_tuple2(p, ATOM_input, term_make_small((SInt)in));
        Term o = bif_tuple2(p, ATOM_output, term_make_small((SInt)out));
        return bif_tuple2(p, i, o);
    }
    if (k == ATOM_scheduler_wall_time) return wall_time_list(p, false);
    if (k == ATOM_scheduler_wall_time_all) return wall_time_list(p, true);
    if (k == ATOM_microstate_accounting) return microstate_list(p);
    return proc_badarg(p);
}
