/* erlang_trace.c — tracing, sequential tracing, system_monitor and
 * system_profile, before tracing exists in Ember: nothing is ever traced, so
 * the functions that ask (trace_info/2, seq_trace_info/1, seq_trace_print,
 * system_monitor/0, system_profile/0, trace_delivered/1) answer as OTP does
 * with no trace set, and the functions that would set one (trace/3,
 * trace_pattern/2,3, seq_trace/2, a system monitor or profiler) raise
 * error:{not_implemented, tracing}. Each call costs one reduction. */
#include "bif/bif.h"

#include "atom/atom.h"
#include "bif/bif_util.h"
#include "proc/signal.h"

static Term tracing(Process *p) { return bif_not_implemented(p, "tracing"); }

Term bif_erlang_trace_3(Process *p, const Term *args) { return tracing(p); }
Term bif_erlang_trace_pattern_2(Process *p, const Term *args) { return tracing(p); }
Term bif_erlang_trace_pattern_3(Process *p, const Term *args) { return tracing(p); }
Term bif_erlang_seq_trace_2(Process *p, const Term *args) { return tracing(p); }

static bool is_mfa(Term t)
{
    return term_is_tuple(t) && term_tuple_arity(t) == 3 && term_is_atom(term_tuple_element(t, 1)) &&
           term_is_atom(term_tuple_element(t, 2)) && term_is_small(term_tuple_element(t, 3));
}

/* Processes and ports have no flags or tracer; functions are not traced. */
Term bif_erlang_trace_info_2(Process *p, const Term *args)
{
    Term what = args[0], item = args[1];
    if (term_is_pid(what) || term_is_port(what) || what == ATOM_new || what == ATOM_new_processes ||
        what == ATOM_new_ports) {
        if (item == ATOM_flags || item == ATOM_tracer) return bif_tuple2(p, item, TERM_NIL);
        return proc_badarg(p);
    }
    if (is_mfa(what) || what == ATOM_on_load) return bif_tuple2(p, item, ATOM_false);
    return proc_badarg(p);
}

/* No trace message is ever in flight, so delivery is confirmed at once. */
Term bif_erlang_trace_delivered_1(Process *p, const Term *args)
{
    if (!term_is_pid(args[0]) && args[0] != ATOM_all) return proc_badarg(p);
    Term ref = bif_erlang_make_ref_0(p, NULL);
    sig_send(p->pid, msg_copy_of(bif_tuple3(p, ATOM_trace_delivered, args[0], ref), SIG_MSG, p->pid));
    return ref;
}

/* With no sequential trace token, the token's parts are empty. */
Term bif_erlang_seq_trace_info_1(Process *p, const Term *args)
{
    Term item = args[0];
    if (item == ATOM_label || item == ATOM_serial) return TERM_NIL;
    if (item == ATOM_send || item == ATOM_receive || item == ATOM_print || item == ATOM_timestamp ||
        item == ATOM_monotonic_timestamp || item == ATOM_strict_monotonic_timestamp)
        return bif_tuple2(p, item, ATOM_false);
    return proc_badarg(p);
}

Term bif_erlang_seq_trace_print_1(Process *p, const Term *args) { return ATOM_false; }
Term bif_erlang_seq_trace_print_2(Process *p, const Term *args) { return ATOM_false; }

Term bif_erlang_system_monitor_0(Process *p, const Term *args) { return ATOM_undefined; }

/* Turning the monitor off is all that can be done yet. */
Term bif_erlang_system_monitor_1(Process *p, const Term *args)
{
    Term a = args[0];
    if (a == ATOM_undefined) return ATOM_undefined;
    if (term_is_tuple(a) && term_tuple_arity(a) == 2) {
        Term two[2] = {term_tuple_element(a, 1), term_tuple_element(a, 2)};
        return bif_erlang_system_monitor_2(p, two);
    }
    return proc_badarg(p);
}

/* With no options the monitor is off, whoever is named. */
Term bif_erlang_system_monitor_2(Process *p, const Term *args)
{
    if (term_is_nil(args[1])) return ATOM_undefined;
    if ((!term_is_local_pid(args[0]) && !term_is_local_port(args[0])) || !term_is_list(args[1])) return proc_badarg(p);
    return tracing(p);
}

Term bif_erlang_system_profile_0(Process *p, const Term *args) { return ATOM_undefined; }

Term bif_erlang_system_profile_2(Process *p, const Term *args)
{
    if (args[0] == ATOM_undefined || term_is_nil(args[1])) return ATOM_undefined;
    if (!term_is_local_pid(args[0]) && !term_is_local_port(args[0])) return proc_badarg(p);
    return tracing(p);
}
