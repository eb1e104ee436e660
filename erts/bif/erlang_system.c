/* erlang_system.c — BIFs about the running system rather than about terms:
 * halt/0,1,2, node/0,1, self/0, make_ref/0, unique_integer/0,1,
 * bump_reductions/1 and the dt_* tag functions (system_info/1 is in system_info.c).
 * Each costs one reduction. */
#include "bif/bif.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "atom/atom.h"
#include "bif/bif_util.h"
#include "io/port.h"
#include "io/tty_sl_drv.h"
#include "proc/ptab.h"
#include "sched/sched.h"
#include "term/boxed.h"
#include "term/resource.h"

/* ---- halt ---------------------------------------------------------------- */

/* Ends the runtime. With flush, buffered stdio output reaches the OS first;
 * without, buffered output is dropped as OTP drops pending port output.
 * Always _exit: the schedulers and the poller are still running, and exit()'s
 * library destructors (libuv tears down its thread pool and signal pipe) would
 * pull state from under them, which aborts the process now and then. */
_Noreturn void bif_stop_runtime(int status, bool flush)
{
    io_tty_restore(); /* _exit skips atexit: the terminal must not stay raw */
    if (flush) {
        port_drain_output();
        fflush(NULL);
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

