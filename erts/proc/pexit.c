/* pexit.c — process termination. The signal queue is closed first, so that
 * any signal sent afterwards is answered as for a process that is gone; the
 * signals that came before are answered with the real exit reason. */
#include "proc/pexit.h"

#include <stdio.h>
#include <stdlib.h>

#include "bif/bif_util.h"
#include "proc/alias.h"
#include "proc/logger_report.h"
#include "proc/plinks.h"
#include "proc/ptab.h"
#include "proc/registry.h"
#include "proc/signal.h"
#include "sched/sched.h"
#include "term/boxed.h"
#include "term/display.h"
#include "term/map.h"
#include "term/strbuf.h"
#include "time/timer.h"

static Message *close_inbox(Process *p)
{
    pthread_mutex_lock(&p->st.lock);
    p->st.closed = true;
    p->st.status = PS_EXITING;
    Message *list = p->st.inbox;
    p->st.inbox = NULL;
    p->st.inbox_tail = &p->st.inbox;
    pthread_mutex_unlock(&p->st.lock);
    return list;
}

/* Links and monitors that were asked for before the end still see it. */
static void answer_pending(Process *p, Message *list, Term reason)
{
    while (list) {
        Message *m = list;
        list = m->next;
        if (m->kind == SIG_LINK) {
            sig_send_exit(SIG_EXIT_LINK, p->pid, m->from, reason);
        } else if (m->kind == SIG_MONITOR) {
            uint64_t raw[2];
            ref_raw(term_tuple_element(m->term, 1), raw);
            Term name = term_tuple_element(m->term, 2);
            sig_send_down(p->pid, m->from, raw, term_is_atom(name) ? name : TERM_NIL, reason, sig_monitor_tag(m->term));
        } else if (m->kind == SIG_UNLINK) {
            LinkEntry *e = plink_find(p, LK_LINK, m->from, NULL);
            if (e) plink_remove(p, e);
        } else if (m->kind == SIG_DEMONITOR) {
            uint64_t raw[2];
            ref_raw(m->term, raw);
            LinkEntry *e = plink_find(p, LK_WATCHER, m->from, raw);
            if (e) plink_remove(p, e);
        }
        msg_free(m);
    }
}

/* A process's suspensions of others end with it, as on OTP. */
static void undo_suspend(const LinkEntry *e)
{
    Process *q = ptab_get(e->pid);
    if (!q) return;
    sched_resume(q, (uint32_t)e->ref[0]);
    proc_release(q);
}

static void signal_links(Process *p, Term reason)
{
    ProcLinks *l = p->st.links;
    if (!l) return;
    for (size_t i = 0; i < l->n; i++) {
        LinkEntry *e = &l->e[i];
        switch (e->kind) {
        case LK_LINK: sig_send_exit(SIG_EXIT_LINK, p->pid, e->pid, reason); break;
        case LK_WATCHER: sig_send_down(p->pid, e->pid, e->ref, e->name, reason, monitor_tag_term(e->tag)); break;
        case LK_ALIAS: alias_unregister(e->ref); break;
        case LK_MONITOR:
            if (monitor_has_target(e)) sig_send(e->pid, msg_demonitor(p->pid, e->ref));
            break;
        case LK_SUSPEND: undo_suspend(e); break;
        }
    }
}

static ProcExitFn exit_hooks[EXIT_HOOK_COUNT];

void proc_exit_hook_register(ProcExitHook hook, ProcExitFn fn) { exit_hooks[hook] = fn; }

static void run_exit_hooks(Process *p, Term reason)
{
    uint32_t armed = atomic_exchange_explicit(&p->st.exit_hooks, 0, memory_order_acquire);
    for (int h = 0; armed && h < EXIT_HOOK_COUNT; h++)
        if ((armed & (1u << h)) && exit_hooks[h]) exit_hooks[h](p, reason);
}

_Atomic Term proc_init_pid = TERM_NONE;

static _Noreturn void init_failed(Term reason)
{
    StrBuf b;
    strbuf_init(&b);
    term_display(reason, &b);
    fprintf(stderr, "ember: init failed: %.*s\n", (int)b.len, b.data);
    strbuf_free(&b);
    bif_stop_runtime(1, true);
}

/* OTP's runtime reports a crash to the logger process when there is one,
 * which logger prints as its "Error in process ... with exit value" report. */
static bool report_to_logger(Process *p, Term reason)
{
    Term args = term_cons(proc_alloc(p, 2), reason, TERM_NIL);
    args = term_cons(proc_alloc(p, 2), p->pid, args);
    return logger_report_error(p, "Error in process ~p with exit value:~n~p~n", args);
}

static void report_to_stderr(Term reason)
{
    StrBuf b;
    strbuf_init(&b);
    term_display(reason, &b);
    fprintf(stderr, "=ERROR REPORT==== Error in process with exit value:\n%.*s\n", (int)b.len, b.data);
    strbuf_free(&b);
}

void proc_terminate(Process *p, Term reason)
{
    if (p->pid == proc_init_pid && reason != ATOM_normal) init_failed(reason);
    Message *pending = close_inbox(p);
    p->st.exit_reason = reason;
    registry_unregister_pid(p);
    if (p->st.timer_armed) timer_cancel_receive(p);
    /* its tables and files go before anyone can learn that it is gone */
    run_exit_hooks(p, reason);
    answer_pending(p, pending, reason);
    signal_links(p, reason);
    /* after the exit signals, as the report loses the race with a halt
     * they cause on OTP (init's after a failed boot command) */
    if (p->st.crashed && !report_to_logger(p, reason)) report_to_stderr(reason);
    ptab_remove(p);
}

Term proc_crash_reason(Process *p, Term trace)
{
    if (p->fclass == ATOM_exit) return p->freason;
    p->st.crashed = true;
    return proc_tuple2(p, p->freason, trace);
}
