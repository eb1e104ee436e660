/* system_flag.c — erlang:system_flag/2. Each flag returns its old value.
 * The spawn defaults (min_heap_size, fullsweep_after, max_heap_size) change
 * what later spawns start with; system_logger, trace_control_word,
 * min_bin_vheap_size and outstanding_system_requests_limit are kept and
 * reported; backtrace_depth sets how many frames traces keep; time_offset
 * finalize answers final (Ember's time offset never changes);
 * scheduler_wall_time and microstate_accounting switch the accounting
 * (bif/statistics.c, sched/msacc.h); schedulers_online, multi_scheduling
 * and scheduler_bind_type change what the schedulers do (sched/sched.h,
 * bif/multi_scheduling.c). cpu_topology (a user-defined topology) raises
 * not_implemented; unknown flags badarg. Each call costs one reduction. */
#include "bif/bif.h"

#include <pthread.h>

#include "atom/atom.h"
#include "bif/bif_util.h"
#include "bif/multi_scheduling.h"
#include "bif/proc_heap.h"
#include "bif/statistics.h"
#include "emu/exception.h"
#include "gc/gc.h"
#include "proc/spawn.h"
#include "sched/msacc.h"
#include "sched/sched.h"

/* OTP's defaults. */
#define DEFAULT_MIN_HEAP_WORDS 233
#define DEFAULT_MIN_BIN_VHEAP_WORDS 46422
#define MAX_SYSTEM_REQUESTS_LIMIT ((1 << 27) - 1)

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static Term system_logger = TERM_NONE; /* TERM_NONE: the default, logger */
static uint64_t trace_control_word;
static SInt min_bin_vheap_words = DEFAULT_MIN_BIN_VHEAP_WORDS;
static SInt system_requests_limit; /* 0: the default, two per scheduler */
static Term bind_type = ATOM_unbound;

/* scheduler_bind_type: every type binds scheduler N to logical processor N
 * (modulo the processors), as all the spreads come to on the flat topology
 * Ember reports (bif/system_info.c); default_bind names OTP's default type. */
static Term set_bind_type(Process *p, Term v)
{
    static const Term types[] = {ATOM_unbound, ATOM_default_bind, ATOM_no_spread, ATOM_thread_spread,
                                 ATOM_processor_spread, ATOM_spread, ATOM_no_node_thread_spread,
                                 ATOM_no_node_processor_spread, ATOM_thread_no_node_processor_spread};
    bool known = false;
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) known |= v == types[i];
    if (!known) return proc_badarg(p);
    if (v == ATOM_default_bind) v = ATOM_thread_no_node_processor_spread;
    pthread_mutex_lock(&lock);
    Term old = bind_type;
    bool ok = sched_bind(v != ATOM_unbound);
    if (ok) bind_type = v;
    pthread_mutex_unlock(&lock);
    if (!ok) return proc_error(p, ATOM_notsup);
    return old;
}

Term system_flag_bind_type(void)
{
    pthread_mutex_lock(&lock);
    Term t = bind_type;
    pthread_mutex_unlock(&lock);
    return t;
}

/* 0 stands for OTP's default: two per scheduler. Caller holds the lock. */
static SInt requests_limit_locked(void)
{
    return system_requests_limit ? system_requests_limit : 2 * (SInt)(sched_count() ? sched_count() : 1);
}

static bool word_count(Term v, size_t *out)
{
    if (!term_is_small(v) || term_small_value(v) < 0) return false;
    *out = (size_t)term_small_value(v);
    return true;
}

/* A spawn default: the old value's term, or TERM_NONE (badarg raised).
 * Caller holds the lock, so that two changes cannot lose one. */
static Term change_spawn_default(Process *p, Term flag, Term v)
{
    SpawnOpts o;
    spawn_opts_default(&o);
    size_t min_heap = o.min_heap_size ? o.min_heap_size : DEFAULT_MIN_HEAP_WORDS;
    Term old;
    if (flag == ATOM_min_heap_size) {
        old = term_make_small((SInt)min_heap);
        if (!word_count(v, &o.min_heap_size)) return proc_badarg(p);
        o.min_heap_size = gc_heap_series_at_least(o.min_heap_size); /* OTP rounds it up, not to 233 */
    } else if (flag == ATOM_fullsweep_after) {
        old = term_make_small((SInt)o.fullsweep_after);
        if (!word_count(v, &o.fullsweep_after)) return proc_badarg(p);
    } else {
        MaxHeap was = {o.max_heap_size, o.max_heap_kill, o.max_heap_log}, m;
        if (!proc_max_heap_parse(v, min_heap, &m)) return proc_badarg(p);
        old = proc_max_heap_map(p, &was);
        o.max_heap_size = m.size, o.max_heap_kill = m.kill, o.max_heap_log = m.error_logger;
    }
    spawn_defaults_set(&o);
    return old;
}

static Term spawn_default(Process *p, Term flag, Term v)
{
    pthread_mutex_lock(&lock);
    Term old = change_spawn_default(p, flag, v);
    pthread_mutex_unlock(&lock);
    return old;
}

Term bif_erlang_system_flag_2(Process *p, const Term *args)
{
    Term flag = args[0], v = args[1];
    if (flag == ATOM_min_heap_size || flag == ATOM_fullsweep_after || flag == ATOM_max_heap_size)
        return spawn_default(p, flag, v);
    if (flag == ATOM_system_logger) {
        if (!term_is_local_pid(v) && v != ATOM_undefined && v != ATOM_logger) return proc_badarg(p);
        pthread_mutex_lock(&lock);
        Term old = system_logger == TERM_NONE ? ATOM_logger : system_logger;
        system_logger = v;
        pthread_mutex_unlock(&lock);
        return old;
    }
    if (flag == ATOM_trace_control_word) {
        if (!term_is_small(v) || term_small_value(v) < 0 || term_small_value(v) > (SInt)UINT32_MAX)
            return proc_badarg(p);
        pthread_mutex_lock(&lock);
        Term old = term_make_small((SInt)trace_control_word);
        trace_control_word = (uint64_t)term_small_value(v);
        pthread_mutex_unlock(&lock);
        return old;
    }
    if (flag == ATOM_min_bin_vheap_size) {
        if (!term_is_small(v) || term_small_value(v) < 0) return proc_badarg(p);
        pthread_mutex_lock(&lock);
        Term old = term_make_small(min_bin_vheap_words);
        min_bin_vheap_words = (SInt)gc_heap_series_at_least((size_t)term_small_value(v));
        pthread_mutex_unlock(&lock);
        return old;
    }
    if (flag == ATOM_outstanding_system_requests_limit) {
        if (!term_is_small(v) || term_small_value(v) < 1 || term_small_value(v) > MAX_SYSTEM_REQUESTS_LIMIT)
            return proc_badarg(p);
        pthread_mutex_lock(&lock);
        SInt was = requests_limit_locked();
        system_requests_limit = term_small_value(v);
        pthread_mutex_unlock(&lock);
        return term_make_small(was);
    }
    if (flag == ATOM_time_offset) return v == ATOM_finalize ? ATOM_final : proc_badarg(p);
    if (flag == ATOM_schedulers_online) {
        if (!term_is_small(v) || term_small_value(v) < 1 || term_small_value(v) > (SInt)sched_count())
            return proc_badarg(p);
        return term_make_small((SInt)sched_set_online((unsigned)term_small_value(v)));
    }
    if (flag == ATOM_backtrace_depth) {
        if (!term_is_small(v) || term_small_value(v) < 0) return proc_badarg(p);
        SInt n = term_small_value(v);
        return term_make_small(emu_set_trace_depth(n > EMU_TRACE_MAX_DEPTH ? EMU_TRACE_MAX_DEPTH : (unsigned)n));
    }
    if (flag == ATOM_scheduler_wall_time) {
        /* counted as OTP's kernel counts the requests: on while more were
         * for it than against it (the answer: whether it was on) */
        static SInt wall_time_requests;
        if (v != ATOM_true && v != ATOM_false) return proc_badarg(p);
        pthread_mutex_lock(&lock);
        bool was_on = wall_time_requests > 0;
        wall_time_requests += v == ATOM_true ? 1 : (was_on ? -1 : 0);
        statistics_set_wall_time(wall_time_requests > 0);
        pthread_mutex_unlock(&lock);
        return was_on ? ATOM_true : ATOM_false;
    }
    if (flag == ATOM_microstate_accounting) {
        if (v == ATOM_reset) return msacc_reset() ? ATOM_true : ATOM_false;
        if (v != ATOM_true && v != ATOM_false) return proc_badarg(p);
        return msacc_set(v == ATOM_true) ? ATOM_true : ATOM_false;
    }
    if (flag == ATOM_scheduler_bind_type) return set_bind_type(p, v);
    /* the dirty I/O pool's size is fixed at start, as OTP's */
    if (flag == ATOM_dirty_io_schedulers_online) return bif_badopt(p);
    /* Ember has no dirty CPU schedulers: no number of them is in range */
    if (flag == ATOM_dirty_cpu_schedulers_online) return proc_badarg(p);
    if (flag == ATOM_multi_scheduling) return multi_scheduling_flag(p, v);
    if (flag == ATOM_cpu_topology)
        return bif_not_implemented(p, "system_flag");
    return proc_badarg(p);
}

Term system_flag_requests_limit(void)
{
    pthread_mutex_lock(&lock);
    SInt n = requests_limit_locked();
    pthread_mutex_unlock(&lock);
    return term_make_small(n);
}

Term system_flag_logger(void)
{
    pthread_mutex_lock(&lock);
    Term t = system_logger == TERM_NONE ? ATOM_logger : system_logger;
    pthread_mutex_unlock(&lock);
    return t;
}

SInt system_flag_min_bin_vheap(void)
{
    pthread_mutex_lock(&lock);
    SInt n = min_bin_vheap_words;
    pthread_mutex_unlock(&lock);
    return n;
}

SInt system_flag_trace_control_word(void)
{
    pthread_mutex_lock(&lock);
    SInt n = (SInt)trace_control_word;
    pthread_mutex_unlock(&lock);
    return n;
}
