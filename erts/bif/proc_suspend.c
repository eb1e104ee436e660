/* proc_suspend.c — erlang:suspend_process/1,2, erlang:resume_process/1 and
 * erts_internal:suspend_process/2. The suspender keeps one LK_SUSPEND entry
 * per process it suspends (proc/plinks.h), so that resume_process/1 can check
 * the caller's own suspensions and its end undoes them (proc/pexit.c); the
 * suspended process keeps only a count (sched/sched.h). One reduction each. */
#include "bif/bif.h"

#include "atom/atom.h"
#include "bif/bif_util.h"
#include "emu/receive.h"
#include "proc/plinks.h"
#include "proc/ptab.h"
#include "proc/signal.h"
#include "sched/sched.h"

typedef struct SuspendOpts {
    bool unless_suspending, async;
    Term reply_tag; /* {asynchronous, Tag}; TERM_NONE: no reply */
} SuspendOpts;

static bool parse_opts(Term list, SuspendOpts *o)
{
    *o = (SuspendOpts){false, false, TERM_NONE};
    for (; term_is_list(list); list = term_tail(list)) {
        Term opt = term_head(list);
        if (opt == ATOM_unless_suspending) o->unless_suspending = true;
        else if (opt == ATOM_asynchronous) o->async = true;
        else if (term_is_tuple(opt) && term_tuple_arity(opt) == 2 && term_tuple_element(opt, 1) == ATOM_asynchronous) {
            o->async = true;
            o->reply_tag = term_tuple_element(opt, 2);
        } else return false;
    }
    return term_is_nil(list);
}

static void reply(Process *p, const SuspendOpts *o, Term result)
{
    if (o->reply_tag == TERM_NONE) return;
    sig_send(p->pid, msg_copy_of(bif_tuple2(p, o->reply_tag, result), SIG_MSG, p->pid));
}

/* The target is gone: a synchronous request fails, an asynchronous one is
 * accepted and answered with badarg. */
static Term target_gone(Process *p, Term pid, const SuspendOpts *o)
{
    LinkEntry *e = plink_find(p, LK_SUSPEND, pid, NULL);
    if (e) plink_remove(p, e);
    if (!o->async) return ATOM_badarg;
    reply(p, o, ATOM_badarg);
    return ATOM_true;
}

/* A synchronous suspension of a process that was running: the count was
 * taken by the first call; later calls (proc_retry) wait until it stopped. */
static Term await_settled(Process *p, Process *q, LinkEntry *e)
{
    SuspendResult r = sched_suspend_settled(q);
    if (r == SUSPEND_PENDING) return proc_retry(p);
    e->ref[1] = 0;
    return r == SUSPEND_OK ? ATOM_true : ATOM_badarg;
}

static Term suspend_target(Process *p, Process *q, Term pid, const SuspendOpts *o)
{
    LinkEntry *e = plink_find(p, LK_SUSPEND, pid, NULL);
    if (e && e->ref[1]) return await_settled(p, q, e);
    if (o->unless_suspending && e) {
        reply(p, o, ATOM_suspended);
        return ATOM_false;
    }
    SuspendResult r = sched_suspend(q, !o->async);
    if (r == SUSPEND_GONE) return target_gone(p, pid, o);
    if (!e) {
        plink_add(p, (LinkEntry){LK_SUSPEND, pid, TERM_NIL, {0, 0}, NULL});
        e = plink_find(p, LK_SUSPEND, pid, NULL);
    }
    e->ref[0]++;
    if (o->async) {
        reply(p, o, ATOM_suspended);
        return ATOM_true;
    }
    if (r == SUSPEND_PENDING) {
        e->ref[1] = 1;
        return proc_retry(p);
    }
    return ATOM_true;
}

/* true | false | badarg | badopt, as erts_internal:suspend_process/2 answers;
 * TERM_NONE to be called again (proc_retry). */
static Term suspend(Process *p, Term pid, Term opts)
{
    if (!term_is_local_pid(pid) || pid == p->pid) return ATOM_badarg;
    SuspendOpts o;
    if (!parse_opts(opts, &o)) return ATOM_badopt;
    Process *q = ptab_get(pid);
    if (!q) return target_gone(p, pid, &o);
    Term r = suspend_target(p, q, pid, &o);
    proc_release(q);
    return r;
}

Term bif_erts_internal_suspend_process_2(Process *p, const Term *args) { return suspend(p, args[0], args[1]); }

Term bif_erlang_suspend_process_2(Process *p, const Term *args)
{
    Term r = suspend(p, args[0], args[1]);
    if (r == ATOM_badarg || r == ATOM_badopt) return proc_badarg(p);
    return r;
}

Term bif_erlang_suspend_process_1(Process *p, const Term *args)
{
    Term r = suspend(p, args[0], TERM_NIL);
    if (r == ATOM_badarg) return proc_badarg(p);
    if (r == ATOM_false) return proc_error(p, ATOM_internal_error);
    return r;
}

/* badarg unless the caller itself suspends pid. */
Term bif_erlang_resume_process_1(Process *p, const Term *args)
{
    Term pid = args[0];
    if (!term_is_local_pid(pid) || pid == p->pid) return proc_badarg(p);
    LinkEntry *e = plink_find(p, LK_SUSPEND, pid, NULL);
    if (!e) return proc_badarg(p);
    Process *q = ptab_get(pid);
    if (!q) {
        plink_remove(p, e);
        return proc_badarg(p);
    }
    if (--e->ref[0] == 0) plink_remove(p, e);
    sched_resume(q, 1);
    proc_release(q);
    return ATOM_true;
}
