/* system_info.c — erlang:system_info/1: one table from the key's name to the
 * function that answers it, with Ember's own values where they differ from
 * OTP's (the emulator flavour, the allocator, no dirty CPU schedulers). Keys
 * that describe machinery Ember does not have in that form (the textual
 * dumps info, procs, loaded and dist, the allocator statistics, check_io)
 * raise not_implemented; unknown keys badarg, as on OTP. One reduction. */
#define _GNU_SOURCE
#include "bif/bif.h"

#include <ctype.h>
#include <stdio.h>
#include <pthread.h>
#include <sched.h>
#include <string.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#include "atom/atom.h"
#include "bif/bif_util.h"
#include "bif/multi_scheduling.h"
#include "bif/numbers_int.h"
#include "bif/proc_heap.h"
#include "ets/ets_table.h"
#include "gc/gc.h"
#include "io/dirty_io.h"
#include "io/port.h"
#include "proc/ptab.h"
#include "proc/spawn.h"
#include "sched/sched.h"
#include "time/timer.h"

#ifndef EMBER_VERSION
#define EMBER_VERSION "0.1.0"
#endif

/* OTP 25's defaults, which Ember keeps so that programs see the same limits. */
#define PROCESS_LIMIT 262144
#define PORT_LIMIT 65536
#define CONTEXT_REDUCTIONS 4000
#define DEFAULT_MIN_HEAP_WORDS 233
#define DIST_BUF_BUSY_LIMIT 1048576

static unsigned schedulers(void) { return sched_count() ? sched_count() : 1; }

static Term string(Process *p, const char *s) { return bif_bytes_to_list(p, (const uint8_t *)s, strlen(s), TERM_NIL); }

static Term pair(Process *p, const char *key, Term v) { return bif_tuple2(p, atom_from_cstr(key), v); }

static Term list_length_of(Term list)
{
    size_t n = 0;
    bif_list_length(list, &n);
    return term_make_small((SInt)n);
}

/* ---- the machine and the build ------------------------------------------ */

static Term os_type(Process *p)
{
    struct utsname u;
    if (uname(&u) != 0) return bif_not_implemented(p, "os_type");
    char name[sizeof u.sysname];
    size_t n = 0;
    for (; u.sysname[n] && n + 1 < sizeof name; n++) name[n] = (char)tolower((unsigned char)u.sysname[n]);
    Term atom;
    if (atom_intern(name, n, &atom) != ATOM_OK) return proc_error(p, ATOM_system_limit);
    return bif_tuple2(p, ATOM_unix, atom);
}

/* OTP's form, with the machine's own names: x86_64-pc-linux-gnu. */
static Term system_architecture(Process *p)
{
    struct utsname u;
    if (uname(&u) != 0) return bif_not_implemented(p, "system_architecture");
    char os[sizeof u.sysname], text[sizeof u.machine + sizeof u.sysname + 16];
    size_t n = 0;
    for (; u.sysname[n] && n + 1 < sizeof os; n++) os[n] = (char)tolower((unsigned char)u.sysname[n]);
    os[n] = 0;
    snprintf(text, sizeof text, "%s-pc-%s-gnu", u.machine, os);
    return string(p, text);
}

/* The ERTS version Ember stands in for (OTP 25's by default, else the booted
 * OTP's): OTP's libraries read it (the shell's banner, compatibility checks). */
static char erts_version[32] = "13.1.5";

void bif_set_erts_version(const char *vsn) { snprintf(erts_version, sizeof erts_version, "%s", vsn); }

static Term version(Process *p) { return string(p, erts_version); }

/* The first line of the interactive shell: the OTP release whose libraries
 * run, then this runtime (not OTP's erts) and how it runs. */
static Term system_version(Process *p)
{
    char text[128];
    unsigned n = schedulers();
    snprintf(text, sizeof text, "Erlang/OTP 25 [ember-%s] [%zu-bit] [smp:%u:%u]\n", EMBER_VERSION, 8 * sizeof(Term), n, n);
    return string(p, text);
}

static Term endian(Process *p)
{
    (void)p;
    const uint16_t probe = 1;
    return *(const uint8_t *)&probe ? atom_from_cstr("little") : atom_from_cstr("big");
}

static Term c_compiler_used(Process *p)
{
#if defined(__clang__)
    Term v = bif_tuple3(p, term_make_small(__clang_major__), term_make_small(__clang_minor__),
                        term_make_small(__clang_patchlevel__));
    return bif_tuple2(p, atom_from_cstr("clang"), v);
#elif defined(__GNUC__)
    Term v = bif_tuple3(p, term_make_small(__GNUC__), term_make_small(__GNUC_MINOR__),
                        term_make_small(__GNUC_PATCHLEVEL__));
    return bif_tuple2(p, atom_from_cstr("gnuc"), v);
#else
    return bif_tuple2(p, ATOM_undefined, ATOM_undefined);
#endif
}

static Term debug_compiled(Process *p)
{
    (void)p;
#ifdef NDEBUG
    return ATOM_false;
#else
    return ATOM_true;
#endif
}

/* jemalloc underneath, with none of OTP's alloc_util allocators on top. */
static Term allocator(Process *p) { return bif_tuple2(p, atom_from_cstr("jemalloc"), TERM_NIL); }

/* ---- processors and schedulers -------------------------------------------- */

static Term logical_processors(Process *p)
{
    (void)p;
    long n = sysconf(_SC_NPROCESSORS_CONF);
    return n > 0 ? term_make_small(n) : atom_from_cstr("unknown");
}

static Term logical_processors_online(Process *p)
{
    (void)p;
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? term_make_small(n) : atom_from_cstr("unknown");
}

static Term logical_processors_available(Process *p)
{
    (void)p;
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) != 0) return atom_from_cstr("unknown");
    return term_make_small(CPU_COUNT(&set));
}

/* One processor whose cores are the logical processors, as OTP reports a
 * machine without a deeper topology. */
static Term cpu_topology(Process *p)
{
    long n = sysconf(_SC_NPROCESSORS_CONF);
    if (n <= 0 || n > 1024) return ATOM_undefined;
    Term cores[1024];
    for (long k = 0; k < n; k++) cores[k] = pair(p, "core", pair(p, "logical", term_make_small(k)));
    Term processor = pair(p, "processor", bif_array_to_list(p, cores, (size_t)n, TERM_NIL));
    return bif_array_to_list(p, &processor, 1, TERM_NIL);
}

static Term scheduler_bindings(Process *p)
{
    Term *elems;
    unsigned n = schedulers();
    Term t = bif_alloc_tuple(p, n, &elems);
    for (unsigned k = 0; k < n; k++) {
        int cpu = sched_count() ? sched_bound_cpu(k) : -1;
        elems[k] = cpu < 0 ? ATOM_unbound : term_make_small(cpu);
    }
    return t;
}

static Term scheduler_bind_type(Process *p) { return (void)p, system_flag_bind_type(); }
static Term multi_scheduling(Process *p) { return (void)p, multi_scheduling_state(); }
static Term all_blockers(Process *p) { return multi_scheduling_blockers(p, false); }
static Term normal_blockers(Process *p) { return multi_scheduling_blockers(p, true); }

static Term scheduler_id(Process *p)
{
    (void)p;
    unsigned id = sched_current_id();
    return term_make_small(id ? id : 1);
}

static Term scheduler_count(Process *p) { return (void)p, term_make_small(schedulers()); }
static Term schedulers_online(Process *p) { return (void)p, term_make_small(sched_online() ? sched_online() : 1); }
static Term dirty_io_count(Process *p) { return (void)p, term_make_small(dirty_io_thread_count()); }

/* ---- processes, ports, tables -------------------------------------------- */

static Term process_limit(Process *p) { return (void)p, term_make_small(ptab_limit() ? ptab_limit() : PROCESS_LIMIT); }
static Term process_count(Process *p) { return (void)p, term_make_small(ptab_count()); }
static Term port_count(Process *p) { return list_length_of(port_list(p, TERM_NIL)); }
static Term ets_count(Process *p) { return list_length_of(ets_registry_all(p)); }

static SpawnOpts spawn_defaults(void)
{
    SpawnOpts o;
    spawn_opts_default(&o);
    if (!o.min_heap_size) o.min_heap_size = DEFAULT_MIN_HEAP_WORDS;
    return o;
}

static Term min_heap_size(Process *p)
{
    return pair(p, "min_heap_size", term_make_small((SInt)spawn_defaults().min_heap_size));
}

static Term min_bin_vheap_size(Process *p)
{
    return pair(p, "min_bin_vheap_size", term_make_small(system_flag_min_bin_vheap()));
}

static Term fullsweep_after(Process *p)
{
    return pair(p, "fullsweep_after", term_make_small((SInt)spawn_defaults().fullsweep_after));
}

static Term max_heap_size(Process *p)
{
    SpawnOpts o = spawn_defaults();
    MaxHeap m = {o.max_heap_size, o.max_heap_kill, o.max_heap_log};
    return proc_max_heap_map(p, &m);
}

static Term garbage_collection(Process *p)
{
    SpawnOpts o = spawn_defaults();
    Term items[4] = {
        pair(p, "max_heap_size", term_make_small((SInt)o.max_heap_size)),
        pair(p, "min_bin_vheap_size", term_make_small(system_flag_min_bin_vheap())),
        pair(p, "min_heap_size", term_make_small((SInt)o.min_heap_size)),
        pair(p, "fullsweep_after", term_make_small((SInt)o.fullsweep_after)),
    };
    return bif_array_to_list(p, items, 4, TERM_NIL);
}

/* The sizes a heap grows through: the first 137, as many as OTP lists. */
#define HEAP_SIZES_LISTED 137

static Term heap_sizes(Process *p)
{
    Term sizes[HEAP_SIZES_LISTED];
    size_t n = 0;
    for (size_t w = gc_heap_series_at_least(1); n < HEAP_SIZES_LISTED && w <= (size_t)SMALL_MAX;
         w = gc_heap_series_at_least(w + 1))
        sizes[n++] = term_make_small((SInt)w);
    return bif_array_to_list(p, sizes, n, TERM_NIL);
}

/* ---- time ------------------------------------------------------------------ */

static Term start_time(Process *p) { return (void)p, term_make_small(time_start_ns()); }
/* Monotonic time is a small integer of nanoseconds: it ends where smalls do. */
static Term end_time(Process *p) { return (void)p, term_make_small(SMALL_MAX); }

static Term time_source(Process *p, clockid_t id, const char *id_name, bool monotonic)
{
    struct timespec res = {0, 1}, now = {0, 0};
    clock_getres(id, &res);
    clock_gettime(id, &now);
    int64_t per_second = res.tv_sec == 0 && res.tv_nsec > 0 ? 1000000000 / res.tv_nsec : 1;
    Term items[6];
    size_t n = 0;
    items[n++] = pair(p, "function", atom_from_cstr("clock_gettime"));
    items[n++] = pair(p, "clock_id", atom_from_cstr(id_name));
    items[n++] = pair(p, "resolution", term_make_small(per_second));
    if (monotonic) items[n++] = pair(p, "extended", atom_from_cstr("no"));
    items[n++] = pair(p, "parallel", atom_from_cstr("yes"));
    items[n++] = pair(p, "time", num_int_from_i128(p, (__int128)now.tv_sec * 1000000000 + now.tv_nsec));
    return bif_array_to_list(p, items, n, TERM_NIL);
}

static Term os_monotonic_time_source(Process *p) { return time_source(p, CLOCK_MONOTONIC, "CLOCK_MONOTONIC", true); }
static Term os_system_time_source(Process *p) { return time_source(p, CLOCK_REALTIME, "CLOCK_REALTIME", false); }

/* ---- constants ------------------------------------------------------------- */

#define CONST_ATOM(fn, text) \
    static Term fn(Process *p) { return (void)p, atom_from_cstr(text); }
#define CONST_SMALL(fn, value) \
    static Term fn(Process *p) { return (void)p, term_make_small(value); }
#define CONST_STRING(fn, text) \
    static Term fn(Process *p) { return string(p, text); }

CONST_STRING(otp_release, "25")
CONST_STRING(machine, "BEAM")
CONST_STRING(driver_version, "3.3")
CONST_STRING(nif_version, "2.16")
CONST_ATOM(true_atom, "true")
CONST_ATOM(false_atom, "false")
CONST_ATOM(undefined_atom, "undefined")
CONST_ATOM(emu, "emu")
CONST_ATOM(opt, "opt")
CONST_ATOM(none, "none")
CONST_ATOM(private_heap, "private")
CONST_ATOM(on_heap, "on_heap")
CONST_ATOM(enabled, "enabled")
CONST_ATOM(final, "final")
CONST_ATOM(no_time_warp, "no_time_warp")
CONST_ATOM(unchanged, "unchanged")
CONST_ATOM(unknown, "unknown")
CONST_SMALL(wordsize, (SInt)sizeof(Term))
CONST_SMALL(compat_rel, 25)
CONST_SMALL(zero, 0)
CONST_SMALL(context_reductions, CONTEXT_REDUCTIONS)
CONST_SMALL(port_limit, PORT_LIMIT)
CONST_SMALL(dist_buf_busy_limit, DIST_BUF_BUSY_LIMIT)
CONST_SMALL(delayed_node_table_gc, 60)

static Term empty_list(Process *p) { return (void)p, TERM_NIL; }
static Term atoms_used(Process *p) { return (void)p, term_make_small(atom_count()); }
static Term atoms_allowed(Process *p) { return (void)p, term_make_small(atom_limit()); }
static Term system_logger(Process *p) { return (void)p, system_flag_logger(); }
static Term requests_limit(Process *p) { return (void)p, system_flag_requests_limit(); }
static Term trace_control_word(Process *p) { return (void)p, term_make_small(system_flag_trace_control_word()); }
static Term sequential_tracer(Process *p) { return pair(p, "sequential_tracer", ATOM_false); }

typedef Term (*InfoFn)(Process *p);

static const struct InfoKey {
    const char *name;
    InfoFn answer; /* NULL: known to OTP, not kept by Ember (not_implemented) */
} info_keys[] = {
    {"allocated_areas", NULL},
    {"allocator", allocator},
    {"alloc_util_allocators", empty_list},
    {"atom_count", atoms_used},
    {"atom_limit", atoms_allowed},
    {"break_ignored", false_atom},
    {"build_type", opt},
    {"c_compiler_used", c_compiler_used},
    {"check_io", NULL},
    {"compat_rel", compat_rel},
    {"context_reductions", context_reductions},
    {"cpu_quota", unknown},
    {"cpu_topology", cpu_topology},
    {"creation", zero},
    {"debug_compiled", debug_compiled},
    {"delayed_node_table_gc", delayed_node_table_gc},
    /* dirty CPU work runs on the normal schedulers */
    {"dirty_cpu_schedulers", zero},
    {"dirty_cpu_schedulers_online", zero},
    {"dirty_io_schedulers", dirty_io_count},
    {"dist", NULL},
    {"dist_buf_busy_limit", dist_buf_busy_limit},
    {"dist_ctrl", empty_list},
    {"driver_version", driver_version},
    {"dynamic_trace", none},
    {"dynamic_trace_probes", false_atom},
    {"eager_check_io", true_atom},
    {"emu_flavor", emu},
    {"emu_type", opt},
    {"end_time", end_time},
    {"endian", endian},
    {"ets_always_compress", false_atom},
    {"ets_count", ets_count},
    {"ets_limit", NULL},
    {"ethread_info", NULL},
    {"fullsweep_after", fullsweep_after},
    {"garbage_collection", garbage_collection},
    {"heap_sizes", heap_sizes},
    {"heap_type", private_heap},
    {"hipe_architecture", undefined_atom},
    {"info", NULL},
    {"kernel_poll", true_atom},
    {"loaded", NULL},
    {"lock_checking", false_atom},
    {"lock_counting", false_atom},
    {"logical_processors", logical_processors},
    {"logical_processors_available", logical_processors_available},
    {"logical_processors_online", logical_processors_online},
    {"machine", machine},
    {"max_heap_size", max_heap_size},
    {"message_queue_data", on_heap},
    {"min_bin_vheap_size", min_bin_vheap_size},
    {"min_heap_size", min_heap_size},
    {"modified_timing_level", undefined_atom},
    {"multi_scheduling", multi_scheduling},
    {"multi_scheduling_blockers", all_blockers},
    {"nif_version", nif_version},
    {"normal_multi_scheduling_blockers", normal_blockers},
    {"os_monotonic_time_source", os_monotonic_time_source},
    {"os_system_time_source", os_system_time_source},
    {"os_type", os_type},
    {"otp_release", otp_release},
    {"outstanding_system_requests_limit", requests_limit},
    {"port_count", port_count},
    {"port_limit", port_limit},
    {"port_parallelism", false_atom},
    {"process_count", process_count},
    {"process_limit", process_limit},
    {"procs", NULL},
    {"scheduler_bind_type", scheduler_bind_type},
    {"scheduler_bindings", scheduler_bindings},
    {"scheduler_id", scheduler_id},
    {"schedulers", scheduler_count},
    {"schedulers_online", schedulers_online},
    {"sequential_tracer", sequential_tracer},
    {"smp_support", true_atom},
    {"start_time", start_time},
    {"system_architecture", system_architecture},
    {"system_logger", system_logger},
    {"system_version", system_version},
    {"taints", empty_list},
    {"thread_pool_size", zero}, /* no async thread pool */
    {"threads", true_atom},
    {"time_correction", true_atom},
    {"time_offset", final},
    {"time_warp_mode", no_time_warp},
    {"tolerant_timeofday", enabled},
    {"trace_control_word", trace_control_word},
    {"update_cpu_info", unchanged},
    {"version", version},
    {"wordsize", wordsize},
};

#define NUM_KEYS (sizeof info_keys / sizeof *info_keys)

static Term key_atoms[NUM_KEYS];
static pthread_once_t keys_once = PTHREAD_ONCE_INIT;

static void intern_keys(void)
{
    for (size_t k = 0; k < NUM_KEYS; k++) key_atoms[k] = atom_from_cstr(info_keys[k].name);
}

/* {wordsize, internal | external} and {cpu_topology, defined | detected | used}. */
static Term tuple_key(Process *p, Term k)
{
    Term what = term_tuple_element(k, 1), arg = term_tuple_element(k, 2);
    if (what == ATOM_wordsize && (arg == atom_from_cstr("internal") || arg == atom_from_cstr("external")))
        return wordsize(p);
    if (what == atom_from_cstr("cpu_topology")) {
        if (arg == atom_from_cstr("defined")) return ATOM_undefined;
        if (arg == atom_from_cstr("detected") || arg == atom_from_cstr("used")) return cpu_topology(p);
    }
    if (what == atom_from_cstr("allocator") || what == atom_from_cstr("allocator_sizes"))
        return bif_not_implemented(p, "system_info allocator");
    return proc_badarg(p);
}

Term bif_erlang_system_info_1(Process *p, const Term *args)
{
    Term k = args[0];
    if (term_is_tuple(k) && term_tuple_arity(k) == 2) return tuple_key(p, k);
    if (!term_is_atom(k)) return proc_badarg(p);
    pthread_once(&keys_once, intern_keys);
    for (size_t i = 0; i < NUM_KEYS; i++) {
        if (key_atoms[i] != k) continue;
        if (!info_keys[i].answer) return bif_not_implemented(p, info_keys[i].name);
        return info_keys[i].answer(p);
    }
    return proc_badarg(p);
}
