/* internal_proc.c — the erts_internal halves of OTP's erlang:group_leader/2,
 * is_process_alive/1 and garbage_collect/0,1: answers as values (not raised)
 * for /2, and as a message {Ref, Result} to the caller for the variants
 * with a reference. One reduction each. */
#include "bif/bif.h"

#include "atom/atom.h"
#include "bif/bif_util.h"
#include "emu/receive.h"
#include "gc/gc.h"
#include "proc/ptab.h"
#include "proc/signal.h"
#include "sched/sched.h"
#include "term/copy.h"

/* Sets pid's group leader: true, badarg (not a live local process), or
 * TERM_NONE when the call must be retried (pid busy). */
static Term set_group_leader(Process *p, Term gl, Term pid)
{
    if (pid == p->pid) {
        p->group_leader = gl;
        return ATOM_true;
    }
    Process *q = ptab_get(pid);
    if (!q) return ATOM_badarg;
    HoldResult h = proc_hold(p, q);
    if (h == HOLD_OK) {
        q->group_leader = gl;
        proc_unhold(q);
    }
    proc_release(q);
    return h == HOLD_BUSY ? proc_retry(p) : h == HOLD_OK ? ATOM_true : ATOM_badarg;
}

static void reply(Process *p, Term ref, Term result)
{
    Term msg = bif_tuple2(p, ref, result);
    sig_send(p->pid, msg_copy_of(msg, SIG_MSG, p->pid));
}

Term bif_erts_internal_group_leader_2(Process *p, const Term *args)
{
    if (!term_is_pid(args[0]) || !term_is_pid(args[1])) return ATOM_badarg;
    if (!term_is_local_pid(args[1])) return bif_not_implemented(p, "distribution");
    return set_group_leader(p, args[0], args[1]);
}

/* The result comes as {Ref, true | badarg}; bad arguments raise badarg. */
Term bif_erts_internal_group_leader_3(Process *p, const Term *args)
{
    if (!term_is_pid(args[0]) || !term_is_pid(args[1]) || !term_is_ref(args[2])) return proc_badarg(p);
    if (!term_is_local_pid(args[1])) return bif_not_implemented(p, "distribution");
    Term r = set_group_leader(p, args[0], args[1]);
    if (r == TERM_NONE) return r;
    reply(p, args[2], r);
    return ATOM_ok;
}

/* The answer of is_process_alive/1 as {Ref, Alive}. */
Term bif_erts_internal_is_process_alive_2(Process *p, const Term *args)
{
    if (!term_is_pid(args[0]) || !term_is_ref(args[1])) return proc_badarg(p);
    Term alive = bif_erlang_is_process_alive_1(p, args);
    if (alive == TERM_NONE) return alive;
    reply(p, args[1], alive);
    return ATOM_ok;
}

/* The caller's own collection, major or minor (both collect fully here). */
Term bif_erts_internal_garbage_collect_1(Process *p, const Term *args)
{
    if (args[0] != ATOM_major && args[0] != ATOM_minor) return proc_badarg(p);
    gc_request_full(p);
    return ATOM_true;
}
