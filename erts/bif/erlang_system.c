/* erlang_system.c — BIFs about the running system rather than about terms:
 * halt/0,1,2, node/0,1, self/0, make_ref/0, unique_integer/0,1,
 * bump_reductions/1, the dt_* tag functions and system_info/1. Each costs one reduction. */
#include "bif/bif.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/utsname.h>
#include <unistd.h>
#include <ctype.h>

#include "atom/atom.h"
#include "bif/bif_util.h"
#include "io/tty_sl_drv.h"
#include "proc/ptab.h"
#include "sched/sched.h"
#include "term/boxed.h"
#include "term/resource.h"

#ifndef EMBER_VERSION
#define EMBER_VERSION "0.1.0"
#endif

/* OTP 25's defaults, which Ember keeps so that programs see the same limits. */
#define PROCESS_LIMIT 262144
#define CONTEXT_REDUCTIONS 4000

/* ---- halt ---------------------------------------------------------------- */

/* Ends the runtime. With flush, buffered standard output reaches the OS first;
 * without, buffered output is dropped as OTP drops pending port output. */
_Noreturn void bif_stop_runtime(int status, bool flush)
{
    io_tty_restore(); /* _exit skips atexit: the terminal must not stay raw */
    if (flush) {
        fflush(stdout);
        fflush(stderr);
        exit(status);
    }
    _exit(status);
}

/* halt(Slogan) and init:stop(Slogan): the slogan goes to standard error as OTP
 * writes it (OTP also writes a crash dump, which Ember does not), status 1. */
bool bif_halt_with_slogan(Term slogan)
{
    static char buf[4096];
    size_t len;
    bool too_long;
    if (!bif_latin1_string(slogan, buf, sizeof buf - 1, &len, &too_long)) {
        if (!too_long) return false;
        len = sizeof buf - 1;
    }
    fflush(stdout);
    fwrite(buf, 1, len, stderr);
    fputs("\r\n", stderr);
    bif_stop_runtime(1, true);
}

/* The status argument of halt/1,2: a non-negative integer, abort, or a string. */
static Term halt(Process *p, Term status, bool flush)
{
    if (term_is_small(status) && term_small_value(status) >= 0) bif_stop_runtime((int)term_small_value(status), flush);
    if (status == ATOM_abort) {
        fflush(stdout);
        abort();
    }
    if (term_is_bignum(status)) return bif_bignum(p);
    if (term_is_list(status) || term_is_nil(status)) {
        if (bif_halt_with_slogan(status)) return TERM_NONE; /* not reached */
    }
    return proc_badarg(p);
}

Term bif_erlang_halt_0(Process *p, const Term *args) { bif_stop_runtime(0, true); }
Term bif_erlang_halt_1(Process *p, const Term *args) { return halt(p, args[0], true); }

/* halt(Status, Options): the only option is {flush, boolean()}. */
Term bif_erlang_halt_2(Process *p, const Term *args)
{
    bool flush = true;
    Term opts = args[1];
    for (; term_is_list(opts); opts = term_tail(opts)) {
        Term o = term_head(opts);
        if (!term_is_tuple(o) || term_tuple_arity(o) != 2 || term_tuple_element(o, 1) != ATOM_flush)
            return proc_badarg(p);
        Term v = term_tuple_element(o, 2);
        if (v != ATOM_true && v != ATOM_false) return proc_badarg(p);
        flush = v == ATOM_true;
    }
    if (!term_is_nil(opts)) return proc_badarg(p);
    return halt(p, args[0], flush);
}

/* ---- identity ------------------------------------------------------------ */

Term bif_erlang_node_0(Process *p, const Term *args) { return ATOM_nonode_nohost; }

/* node(Pid | Port | Ref): every one is local until distribution exists. */
Term bif_erlang_node_1(Process *p, const Term *args)
{
    Term t = args[0];
    if (term_is_pid(t) || term_is_port(t) || term_is_ref(t)) {
        if (term_is_local_pid(t) || term_is_local_port(t) || term_is_boxed_tag(t, HDR_REF)) return ATOM_nonode_nohost;
        return bif_not_implemented(p, "distribution");
    }
    return proc_badarg(p);
}

Term bif_erlang_self_0(Process *p, const Term *args) { return p->pid; }

Term bif_erlang_make_ref_0(Process *p, const Term *args) { return ref_make(p); }

/* One counter serves every kind of unique_integer: its values are unique and
 * strictly increasing, so they are monotonic too. Without `positive` they
 * start at the bottom of the small range, as OTP's start below zero. */
static _Atomic uint64_t unique_counter;

static Term unique_integer(bool positive)
{
    uint64_t n = atomic_fetch_add(&unique_counter, 1) + 1;
    return term_make_small(positive ? (SInt)n : SMALL_MIN + (SInt)n);
}

Term bif_erlang_unique_integer_0(Process *p, const Term *args) { return unique_integer(false); }

/* Options: positive, monotonic. */
Term bif_erlang_unique_integer_1(Process *p, const Term *args)
{
    bool positive = false;
    Term o = args[0];
    for (; term_is_list(o); o = term_tail(o)) {
        if (term_head(o) == ATOM_positive)
            positive = true;
        else if (term_head(o) != ATOM_monotonic)
            return proc_badarg(p);
    }
    if (!term_is_nil(o)) return proc_badarg(p);
    return unique_integer(positive);
}

/* Dynamic-trace tags: Ember has no DTrace/SystemTap probes, and answers as
 * OTP built without them does. */
Term bif_erlang_dt_get_tag_0(Process *p, const Term *args) { return ATOM_undefined; }
Term bif_erlang_dt_put_tag_1(Process *p, const Term *args) { return ATOM_undefined; }
Term bif_erlang_dt_vm_tag_data_1(Process *p, const Term *args) { return args[0]; }
Term bif_erlang_dt_spread_tag_1(Process *p, const Term *args)
{
    return args[0] == ATOM_true || args[0] == ATOM_false ? ATOM_true : proc_badarg(p);
}
Term bif_erlang_dt_restore_tag_1(Process *p, const Term *args)
{
    return args[0] == ATOM_true ? ATOM_true : proc_badarg(p);
}

Term bif_erlang_bump_reductions_1(Process *p, const Term *args)
{
    if (!term_is_small(args[0]) || term_small_value(args[0]) < 0) return proc_badarg(p);
    p->reductions += (uint64_t)term_small_value(args[0]);
    return ATOM_true;
}

/* {unix, Name} with the kernel name in lower case, as OTP reports it. */
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

/* ---- system_info --------------------------------------------------------- */

static Term string(Process *p, const char *s) { return bif_bytes_to_list(p, (const uint8_t *)s, strlen(s), TERM_NIL); }

/* The ERTS version Ember stands in for (OTP 25's by default, else the booted
 * OTP's): OTP's libraries read it (the shell's banner, compatibility checks). */
static char erts_version[32] = "13.1.5";

void bif_set_erts_version(const char *vsn) { snprintf(erts_version, sizeof erts_version, "%s", vsn); }

/* The first line of the interactive shell: the OTP release whose libraries
 * run, then this runtime (not OTP's erts) and how it runs. */
static Term system_version(Process *p)
{
    char text[128];
    unsigned n = sched_count() ? sched_count() : 1;
    snprintf(text, sizeof text, "Erlang/OTP 25 [ember-%s] [%zu-bit] [smp:%u:%u]\n", EMBER_VERSION, 8 * sizeof(Term), n, n);
    return string(p, text);
}

Term bif_erlang_system_info_1(Process *p, const Term *args)
{
    Term k = args[0];
    if (k == ATOM_otp_release) return string(p, "25");
    if (k == ATOM_version) return string(p, erts_version);
    if (k == ATOM_system_version) return system_version(p);
    /* no +Bi here: ^G's q may halt (the break handler itself is not there) */
    if (k == atom_from_cstr("break_ignored")) return ATOM_false;
    if (k == ATOM_machine) return string(p, "BEAM");
    if (k == ATOM_wordsize) return term_make_small((SInt)sizeof(Term));
    if (k == ATOM_schedulers || k == ATOM_schedulers_online) return term_make_small(sched_count() ? sched_count() : 1);
    if (k == ATOM_process_limit) return term_make_small(ptab_limit() ? ptab_limit() : PROCESS_LIMIT);
    if (k == ATOM_process_count) return term_make_small(ptab_count());
    if (k == ATOM_atom_count) return term_make_small(atom_count());
    if (k == ATOM_atom_limit) return term_make_small(atom_limit());
    if (k == ATOM_smp_support || k == ATOM_threads) return ATOM_true;
    if (k == ATOM_thread_pool_size) return term_make_small(0); /* no async thread pool */
    if (k == ATOM_context_reductions) return term_make_small(CONTEXT_REDUCTIONS);
    if (k == ATOM_emu_flavor) return ATOM_emu;
    if (k == ATOM_emu_type) return ATOM_opt;
    if (k == ATOM_os_type) return os_type(p);
    if (k == ATOM_system_logger) return system_flag_logger();
    if (k == ATOM_outstanding_system_requests_limit) return system_flag_requests_limit();
    /* {wordsize, internal | external}: both are the machine word here */
    if (term_is_tuple(k) && term_tuple_arity(k) == 2 && term_tuple_element(k, 1) == ATOM_wordsize &&
        (term_tuple_element(k, 2) == atom_from_cstr("internal") || term_tuple_element(k, 2) == atom_from_cstr("external")))
        return term_make_small((SInt)sizeof(Term));
    return proc_badarg(p);
}
