/* proc_time.c — time and timers: erlang:send_after/3,4, start_timer/3,4,
 * cancel_timer/1,2, read_timer/1,2, monotonic_time/0,1, system_time/0,1,
 * timestamp/0, time_offset/0,1, now/0 and convert_time_unit/3. Each costs one
 * reduction (send_after: plus the copy of the message). */
#include "bif/bif.h"

#include <stdatomic.h>
#include <time.h>

#include "atom/atom.h"
#include "bif/bif_util.h"
#include "bif/numbers_int.h"
#include "proc/plinks.h"
#include "sched/sched.h"
#include "term/boxed.h"
#include "emu/receive.h"
#include "time/timer.h"

#define NATIVE_PER_SECOND 1000000000

/* Parts per second of a time unit; 0 for a bad unit. */
static int64_t unit_rate(Term u)
{
    if (u == ATOM_native || u == ATOM_nanosecond || u == ATOM_nano_seconds || u == ATOM_perf_counter)
        return NATIVE_PER_SECOND;
    if (u == ATOM_microsecond || u == ATOM_micro_seconds) return 1000000;
    if (u == ATOM_millisecond || u == ATOM_milli_seconds) return 1000;
    if (u == ATOM_second || u == ATOM_seconds) return 1;
    if (term_is_small(u) && term_small_value(u) > 0) return term_small_value(u);
    return 0;
}

/* t in units of `from` to units of `to`, rounded down as OTP does. */
static Term convert(Process *p, int64_t t, int64_t from, int64_t to)
{
    __int128 v = (__int128)t * to;
    __int128 q = v / from;
    if (v % from != 0 && v < 0) q--;
    return num_int_from_i128(p, q);
}

Term bif_erlang_monotonic_time_0(Process *p, const Term *args) { return term_make_small(time_monotonic_ns()); }
Term bif_erlang_monotonic_time_1(Process *p, const Term *args)
{
    int64_t r = unit_rate(args[0]);
    return r ? convert(p, time_monotonic_ns(), NATIVE_PER_SECOND, r) : proc_badarg(p);
}
Term bif_erlang_system_time_0(Process *p, const Term *args) { return term_make_small(time_system_ns()); }
Term bif_erlang_system_time_1(Process *p, const Term *args)
{
    int64_t r = unit_rate(args[0]);
    return r ? convert(p, time_system_ns(), NATIVE_PER_SECOND, r) : proc_badarg(p);
}

/* system_time = monotonic_time + time_offset, in native units. */
Term bif_erlang_time_offset_0(Process *p, const Term *args)
{
    return num_int_from_i128(p, time_system_ns() - time_monotonic_ns());
}
Term bif_erlang_time_offset_1(Process *p, const Term *args)
{
    int64_t r = unit_rate(args[0]);
    return r ? convert(p, time_system_ns() - time_monotonic_ns(), NATIVE_PER_SECOND, r) : proc_badarg(p);
}

static Term microseconds_triple(Process *p, int64_t us)
{
    return bif_tuple3(p, term_make_small(us / 1000000000000), term_make_small(us / 1000000 % 1000000),
                      term_make_small(us % 1000000));
}

Term bif_erlang_timestamp_0(Process *p, const Term *args) { return microseconds_triple(p, time_system_ns() / 1000); }

/* The deprecated now/0: system time in microseconds, but strictly increasing
 * across all callers, so each call gets a value of its own. */
static _Atomic int64_t last_now_us;

Term bif_erlang_now_0(Process *p, const Term *args)
{
    int64_t us = time_system_ns() / 1000;
    int64_t last = atomic_load(&last_now_us);
    int64_t next;
    do {
        next = us > last ? us : last + 1;
    } while (!atomic_compare_exchange_weak(&last_now_us, &last, next));
    return microseconds_triple(p, next);
}

Term bif_erlang_convert_time_unit_3(Process *p, const Term *args)
{
    int64_t from = unit_rate(args[1]), to = unit_rate(args[2]);
    if (!term_is_small(args[0]) || !from || !to) return proc_badarg(p);
    return convert(p, term_small_value(args[0]), from, to);
}

/* ---- timers -------------------------------------------------------------------- */

/* send_after/start_timer: Time in ms (absolute monotonic ms with {abs, true}),
 * Dest a pid or an atom. */
static Term start(Process *p, const Term *args, Term opts, bool wrap)
{
    Term time = args[0], dest = args[1];
    bool abs = false;
    for (; term_is_list(opts); opts = term_tail(opts)) {
        Term o = term_head(opts);
        if (!term_is_tuple(o) || term_tuple_arity(o) != 2 || term_tuple_element(o, 1) != ATOM_abs) return proc_badarg(p);
        Term v = term_tuple_element(o, 2);
        if (v != ATOM_true && v != ATOM_false) return proc_badarg(p);
        abs = v == ATOM_true;
    }
    if (!term_is_nil(opts) || !term_is_small(time)) return proc_badarg(p);
    if (!term_is_local_pid(dest) && !term_is_atom(dest)) return proc_badarg(p);
    SInt ms = term_small_value(time);
    if (!abs && ms < 0) return proc_badarg(p);
    int64_t now = time_monotonic_ns();
    int64_t deadline = abs ? ms * 1000000 : now + (ms > INT64_MAX / 2000000 ? INT64_MAX / 2 : ms * 1000000);
    Term ref = bif_erlang_make_ref_0(p, NULL);
    uint64_t raw[2];
    ref_raw(ref, raw);
    timer_start_send(deadline, dest, args[2], wrap, raw);
    return ref;
}

Term bif_erlang_send_after_3(Process *p, const Term *args) { return start(p, args, TERM_NIL, false); }
Term bif_erlang_send_after_4(Process *p, const Term *args) { return start(p, args, args[3], false); }
Term bif_erlang_start_timer_3(Process *p, const Term *args) { return start(p, args, TERM_NIL, true); }
Term bif_erlang_start_timer_4(Process *p, const Term *args) { return start(p, args, args[3], true); }

/* Milliseconds left, rounded up so that a running timer never reads 0 early. */
static Term left_ms(int64_t ns) { return term_make_small((ns + 999999) / 1000000); }

/* Options {async, Bool} and {info, Bool}: with async or without info the
 * answer is ok (nothing is sent back, as no reply message is needed locally). */
static Term timer_op(Process *p, Term ref, Term opts, bool cancel)
{
    bool async = false, info = true;
    for (; term_is_list(opts); opts = term_tail(opts)) {
        Term o = term_head(opts);
        if (!term_is_tuple(o) || term_tuple_arity(o) != 2) return proc_badarg(p);
        Term k = term_tuple_element(o, 1), v = term_tuple_element(o, 2);
        if ((k != ATOM_async && k != ATOM_info) || (v != ATOM_true && v != ATOM_false)) return proc_badarg(p);
        if (k == ATOM_async) async = v == ATOM_true;
        else info = v == ATOM_true;
    }
    if (!term_is_nil(opts) || !term_is_ref(ref)) return proc_badarg(p);
    if (!term_is_boxed_tag(ref, HDR_REF)) return bif_not_implemented(p, "distribution");
    uint64_t raw[2];
    ref_raw(ref, raw);
    int64_t ns = 0;
    bool found = cancel ? timer_cancel_send(raw, &ns) : timer_read_send(raw, &ns);
    if (async && info) {
        /* the answer comes as a message: {cancel_timer | read_timer, Ref, Result} */
        Term r = found ? left_ms(ns) : ATOM_false;
        Term msg = bif_tuple3(p, atom_from_cstr(cancel ? "cancel_timer" : "read_timer"), ref, r);
        Term to = p->pid;
        emu_send(p, to, msg);
        return ATOM_ok;
    }
    if (async || !info) return ATOM_ok;
    return found ? left_ms(ns) : ATOM_false;
}

Term bif_erlang_cancel_timer_1(Process *p, const Term *args) { return timer_op(p, args[0], TERM_NIL, true); }
Term bif_erlang_cancel_timer_2(Process *p, const Term *args) { return timer_op(p, args[0], args[1], true); }
Term bif_erlang_read_timer_1(Process *p, const Term *args) { return timer_op(p, args[0], TERM_NIL, false); }
Term bif_erlang_read_timer_2(Process *p, const Term *args) { return timer_op(p, args[0], args[1], false); }
