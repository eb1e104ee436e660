/* sched.c — scheduler threads and run queues. A process made runnable joins
 * the queue of the scheduler that made it so (messages between a pair stay on
 * one core); another scheduler is woken only when that queue holds more than
 * the process itself, and idle ones steal. All status changes of a process
 * happen under its own lock, so a process is in at most one queue. */
#define _GNU_SOURCE /* pthread_setaffinity_np, cpu_set_t */
#include "sched/sched.h"
#include "sched/msacc.h"
#include "sched/spin_wait.h"
#include "sched/wall_time.h"

#include <sched.h>
#include <stdlib.h>
#include <unistd.h>

#include "emu/emu.h"
#include "proc/pexit.h"
#include "proc/signal.h"

typedef struct RunQueue {
    pthread_mutex_t lock;
    Process *head[PRIO_COUNT], *tail[PRIO_COUNT];
    size_t len;
    unsigned picks; /* normal picks since a low-priority one */
} RunQueue;

typedef struct Scheduler {
    RunQueue rq;
    pthread_t thread;
    unsigned id;
    /* for statistics/1 (written by the scheduler's own thread) */
    _Atomic bool running;      /* a process is in emu_resume */
    _Atomic uint64_t switches; /* processes run */
    BusyMeter meter;
    _Atomic bool parked;       /* asleep while offline (stay_offline) */
    _Atomic int bound_cpu;     /* scheduler_bind_type: the logical processor it is bound to; -1: unbound */
} Scheduler;

static Scheduler *scheds;
static unsigned nscheds;
static _Thread_local Scheduler *self_sched;
static _Thread_local Process *running; /* the process in emu_resume on this thread */
static pthread_mutex_t sleep_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t sleep_cond = PTHREAD_COND_INITIALIZER;
static _Atomic unsigned nsleeping;
/* Schedulers looking for work a little before they sleep (spin_wait.h): a
 * process made runnable while one looks needs no sleeper woken. */
static _Atomic unsigned nspinning;
/* Schedulers numbered above nonline take no work and sleep on offline_cond
 * (counted in nsleeping) until it rises. It is system_flag(schedulers_online,
 * N), or 1 while multi-scheduling is blocked. */
static _Atomic unsigned nonline;
static unsigned wanted_online; /* (sleep_lock) N */
static bool single;            /* (sleep_lock) multi-scheduling blocked */
static pthread_cond_t offline_cond = PTHREAD_COND_INITIALIZER;
static _Atomic size_t total_runnable;
static _Atomic uint64_t total_reductions;

unsigned sched_count(void) { return nscheds; }
unsigned sched_current_id(void) { return self_sched ? self_sched->id : 0; }
Process *sched_current_process(void) { return running; }
size_t sched_runnable(void) { return atomic_load(&total_runnable); }
bool sched_all_asleep(void) { return atomic_load(&nsleeping) == nscheds && atomic_load(&total_runnable) == 0; }
uint64_t sched_total_reductions(void) { return atomic_load(&total_reductions); }

/* ---- run queues ----------------------------------------------------------- */

static size_t rq_push(RunQueue *q, Process *p)
{
    unsigned prio = p->st.priority;
    p->st.run_next = NULL;
    pthread_mutex_lock(&q->lock);
    if (q->tail[prio]) q->tail[prio]->st.run_next = p;
    else q->head[prio] = p;
    q->tail[prio] = p;
    size_t len = ++q->len;
    pthread_mutex_unlock(&q->lock);
    return len;
}

static Process *take(RunQueue *q, unsigned prio)
{
    Process *p = q->head[prio];
    q->head[prio] = p->st.run_next;
    if (!q->head[prio]) q->tail[prio] = NULL;
    q->len--;
    return p;
}

/* Max and high first; low gets one turn in eight while normal work waits. */
static Process *rq_pop(RunQueue *q)
{
    Process *p = NULL;
    pthread_mutex_lock(&q->lock);
    if (q->head[PRIO_MAX]) p = take(q, PRIO_MAX);
    else if (q->head[PRIO_HIGH]) p = take(q, PRIO_HIGH);
    else if (q->head[PRIO_LOW] && (!q->head[PRIO_NORMAL] || ++q->picks >= 8)) {
        q->picks = 0;
        p = take(q, PRIO_LOW);
    } else if (q->head[PRIO_NORMAL]) p = take(q, PRIO_NORMAL);
    pthread_mutex_unlock(&q->lock);
    if (p) atomic_fetch_sub(&total_runnable, 1);
    return p;
}

void sched_enqueue(Process *p)
{
    unsigned online = atomic_load_explicit(&nonline, memory_order_relaxed);
    Scheduler *s = self_sched && self_sched->id <= online ? self_sched : &scheds[(unsigned)p->st.sched_index % online];
    p->st.sched_index = (int)(s - scheds);
    atomic_fetch_add(&total_runnable, 1);
    size_t len = rq_push(&s->rq, p);
    /* total_runnable rose before nspinning is read, and a scheduler leaving
     * its spin reads total_runnable after lowering nspinning, so one that
     * stops looking still sees this process before it sleeps. */
    if (atomic_load(&nsleeping) > 0 && (s != self_sched || len > 1) &&
        atomic_load(&total_runnable) > atomic_load(&nspinning)) {
        /* the lock orders this with a sleeper's check; signalling after it is
         * dropped spares the woken thread a wait for the lock */
        pthread_mutex_lock(&sleep_lock);
        pthread_mutex_unlock(&sleep_lock);
        pthread_cond_signal(&sleep_cond);
    }
}

/* An offline scheduler hands its queue to the online ones and sleeps until
 * it is online again. */
static void stay_offline(Scheduler *s)
{
    wall_time_idle(&s->meter);
    msacc_enter(MSACC_SLEEP);
    for (Process *p; (p = rq_pop(&s->rq));) sched_enqueue(p);
    pthread_mutex_lock(&sleep_lock);
    atomic_fetch_add(&nsleeping, 1);
    atomic_store(&s->parked, true);
    while (s->id > atomic_load(&nonline)) pthread_cond_wait(&offline_cond, &sleep_lock);
    atomic_store(&s->parked, false);
    atomic_fetch_sub(&nsleeping, 1);
    pthread_mutex_unlock(&sleep_lock);
    msacc_enter(MSACC_OTHER);
    wall_time_busy(&s->meter);
}

/* (sleep_lock held) */
static void update_online(void)
{
    atomic_store(&nonline, single ? 1 : wanted_online);
    pthread_cond_broadcast(&offline_cond);
    pthread_cond_broadcast(&sleep_cond); /* those now offline leave their sleep */
}

unsigned sched_online(void)
{
    pthread_mutex_lock(&sleep_lock);
    unsigned n = wanted_online;
    pthread_mutex_unlock(&sleep_lock);
    return n;
}

unsigned sched_set_online(unsigned n)
{
    if (n < 1) n = 1;
    if (n > nscheds) n = nscheds;
    pthread_mutex_lock(&sleep_lock);
    unsigned old = wanted_online;
    wanted_online = n;
    update_online();
    pthread_mutex_unlock(&sleep_lock);
    return old;
}

bool sched_single_settled(void)
{
    if (sched_current_id() != 1) return false;
    for (unsigned i = 1; i < nscheds; i++)
        if (!atomic_load(&scheds[i].parked)) return false;
    return true;
}

void sched_set_single(bool on)
{
    pthread_mutex_lock(&sleep_lock);
    single = on;
    update_online();
    pthread_mutex_unlock(&sleep_lock);
}

static Process *steal(Scheduler *s)
{
    for (unsigned i = 1; i < nscheds; i++) {
        Scheduler *v = &scheds[(s->id - 1 + i) % nscheds];
        Process *p = rq_pop(&v->rq);
        if (p) return p;
    }
    return NULL;
}

static bool work_waiting(void *arg)
{
    (void)arg;
    return atomic_load_explicit(&total_runnable, memory_order_relaxed) > 0;
}

static void sleep_until_work(void)
{
    atomic_fetch_add(&nspinning, 1);
    bool found = spin_wait(work_waiting, NULL);
    atomic_fetch_sub(&nspinning, 1);
    if (found) return;
    wall_time_idle(&self_sched->meter);
    msacc_enter(MSACC_SLEEP);
    pthread_mutex_lock(&sleep_lock);
    atomic_fetch_add(&nsleeping, 1);
    while (atomic_load(&total_runnable) == 0 && self_sched->id <= atomic_load(&nonline))
        pthread_cond_wait(&sleep_cond, &sleep_lock);
    atomic_fetch_sub(&nsleeping, 1);
    pthread_mutex_unlock(&sleep_lock);
    msacc_enter(MSACC_OTHER);
    wall_time_busy(&self_sched->meter);
}

/* ---- running a process ---------------------------------------------------- */

static void requeue(Process *p)
{
    pthread_mutex_lock(&p->st.lock);
    p->st.status = PS_RUNNABLE;
    pthread_mutex_unlock(&p->st.lock);
    sched_enqueue(p);
}

static void after_wait(Process *p)
{
    pthread_mutex_lock(&p->st.lock);
    bool again = p->st.inbox || p->st.timeout_fired || p->st.io_ready;
    p->st.status = again ? PS_RUNNABLE : PS_WAITING;
    p->st.woken = again;
    pthread_mutex_unlock(&p->st.lock);
    if (again) sched_enqueue(p);
}

/* A suspended process does not run, but it still handles its signals, so that
 * messages queue up and an exit signal ends it. It then waits in no run queue
 * (status PS_WAITING with `deferred` set: parked) until its last suspension
 * is undone. Status PS_RUNNING keeps inspectors off while it handles them. */
static void park_suspended(Process *p)
{
    for (;;) {
        if (!proc_fetch_signals(p)) {
            proc_terminate(p, p->st.exit_reason);
            return;
        }
        pthread_mutex_lock(&p->st.lock);
        if (p->st.inbox) {
            pthread_mutex_unlock(&p->st.lock);
            continue;
        }
        bool resumed = p->st.suspend_count == 0; /* undone while it handled signals */
        p->st.status = resumed ? PS_RUNNABLE : PS_WAITING;
        p->st.deferred = !resumed;
        pthread_mutex_unlock(&p->st.lock);
        if (resumed) sched_enqueue(p);
        return;
    }
}

static void run_slice(Process *p)
{
    pthread_mutex_lock(&p->st.lock);
    if (p->st.held) {
        p->st.deferred = true;
        pthread_mutex_unlock(&p->st.lock);
        return;
    }
    bool suspended = p->st.suspend_count > 0;
    p->st.status = PS_RUNNING;
    p->st.woken = false;
    p->st.deferred = false;
    pthread_mutex_unlock(&p->st.lock);
    if (suspended) {
        park_suspended(p);
        return;
    }
    if (!proc_fetch_signals(p)) {
        proc_terminate(p, p->st.exit_reason);
        return;
    }
    uint64_t before = p->reductions;
    Term result = TERM_NIL;
    running = p;
    atomic_store_explicit(&self_sched->running, true, memory_order_relaxed);
    atomic_fetch_add_explicit(&self_sched->switches, 1, memory_order_relaxed);
    msacc_enter(MSACC_EMULATOR);
    EmuOutcome out = emu_resume(p, SCHED_SLICE_REDUCTIONS, &result);
    msacc_enter(MSACC_OTHER);
    atomic_store_explicit(&self_sched->running, false, memory_order_relaxed);
    running = NULL;
    atomic_fetch_add(&total_reductions, p->reductions - before);
    switch (out) {
    case EMU_YIELDED:
        if (proc_fetch_signals(p)) requeue(p);
        else proc_terminate(p, p->st.exit_reason);
        break;
    case EMU_WAITING: after_wait(p); break;
    case EMU_RETURNED: proc_terminate(p, ATOM_normal); break;
    case EMU_RAISED: proc_terminate(p, proc_crash_reason(p, result)); break;
    case EMU_EXITING: proc_terminate(p, p->st.exit_reason); break;
    case EMU_HALTED: break; /* halt ends the runtime from inside the BIF */
    }
}

static void *scheduler_main(void *arg)
{
    self_sched = arg;
    msacc_register(ATOM_scheduler, self_sched->id, MSACC_OTHER);
    for (;;) {
        if (self_sched->id > atomic_load_explicit(&nonline, memory_order_relaxed)) {
            stay_offline(self_sched);
            continue;
        }
        Process *p = rq_pop(&self_sched->rq);
        if (!p) p = steal(self_sched);
        if (!p) {
            sleep_until_work();
            continue;
        }
        run_slice(p);
    }
    return NULL;
}

void sched_start(unsigned n)
{
    if (n == 0) {
        long cores = sysconf(_SC_NPROCESSORS_ONLN);
        n = cores > 0 ? (unsigned)cores : 1;
    }
    if (n > 1024) n = 1024;
    nscheds = n;
    wanted_online = n;
    atomic_store(&nonline, n);
    scheds = calloc(n, sizeof *scheds);
    if (!scheds) abort();
    for (unsigned i = 0; i < n; i++) {
        pthread_mutex_init(&scheds[i].rq.lock, NULL);
        scheds[i].id = i + 1;
        atomic_init(&scheds[i].bound_cpu, -1);
    }
    for (unsigned i = 0; i < n; i++) {
        pthread_attr_t attr;
        pthread_attr_init(&attr);
        pthread_attr_setstacksize(&attr, 8u << 20); /* deep C recursion in term services */
        if (pthread_create(&scheds[i].thread, &attr, scheduler_main, &scheds[i]) != 0) abort();
        pthread_attr_destroy(&attr);
    }
}

/* ---- statistics ------------------------------------------------------------ */

size_t sched_queue_length(unsigned i)
{
    RunQueue *q = &scheds[i].rq;
    pthread_mutex_lock(&q->lock);
    size_t n = q->len;
    pthread_mutex_unlock(&q->lock);
    return n;
}

bool sched_is_running(unsigned i) { return atomic_load_explicit(&scheds[i].running, memory_order_relaxed); }

uint64_t sched_context_switches(void)
{
    uint64_t n = 0;
    for (unsigned i = 0; i < nscheds; i++) n += atomic_load_explicit(&scheds[i].switches, memory_order_relaxed);
    return n;
}

BusyMeter *sched_meter(unsigned i) { return &scheds[i].meter; }

/* ---- binding to processors ------------------------------------------------ */

/* The processors the runtime may use (its affinity when it started), so that
 * binding stays within a container's or taskset's processors. */
static cpu_set_t allowed;
static pthread_once_t allowed_once = PTHREAD_ONCE_INIT;
static void read_allowed(void)
{
    if (sched_getaffinity(0, sizeof allowed, &allowed) != 0) CPU_ZERO(&allowed);
}

bool sched_bind(bool on)
{
    pthread_once(&allowed_once, read_allowed);
    int cpus[CPU_SETSIZE], ncpu = 0;
    for (int c = 0; c < CPU_SETSIZE; c++)
        if (CPU_ISSET(c, &allowed)) cpus[ncpu++] = c;
    if (ncpu == 0) return false;
    for (unsigned i = 0; i < nscheds; i++) {
        cpu_set_t set = allowed;
        int cpu = on ? cpus[i % (unsigned)ncpu] : -1;
        if (on) {
            CPU_ZERO(&set);
            CPU_SET(cpu, &set);
        }
        if (pthread_setaffinity_np(scheds[i].thread, sizeof set, &set) != 0) return false;
        atomic_store(&scheds[i].bound_cpu, cpu);
    }
    return true;
}

int sched_bound_cpu(unsigned i) { return atomic_load(&scheds[i].bound_cpu); }

/* ---- inspection ------------------------------------------------------------ */

static bool has_signal_from(Process *q, Term pid)
{
    for (Message *m = q->st.inbox; m; m = m->next)
        if (m->from == pid) return true;
    return false;
}

HoldResult proc_hold(Process *self, Process *q)
{
    if (self == q) return HOLD_OK;
    HoldResult r = HOLD_OK;
    pthread_mutex_lock(&q->st.lock);
    if (q->st.closed || q->st.status == PS_EXITING) r = HOLD_GONE;
    else if (q->st.held || q->st.status == PS_RUNNING || (q->st.status == PS_RUNNABLE && q->st.woken) ||
             has_signal_from(q, self->pid))
        r = HOLD_BUSY;
    else q->st.held = true;
    pthread_mutex_unlock(&q->st.lock);
    return r;
}

/* A parked process (see park_suspended) stays parked while it is suspended. */
static bool unpark_locked(Process *q)
{
    if (!q->st.deferred || q->st.held) return false;
    if (q->st.status == PS_WAITING) {
        if (q->st.suspend_count > 0) return false;
        q->st.status = PS_RUNNABLE;
        q->st.woken = q->st.inbox != NULL;
    }
    q->st.deferred = false;
    return true;
}

void proc_unhold(Process *q)
{
    pthread_mutex_lock(&q->st.lock);
    q->st.held = false;
    bool run = unpark_locked(q);
    pthread_mutex_unlock(&q->st.lock);
    if (run) sched_enqueue(q);
}

/* ---- suspension ----------------------------------------------------------- */

SuspendResult sched_suspend(Process *q, bool wait)
{
    SuspendResult r = SUSPEND_OK;
    pthread_mutex_lock(&q->st.lock);
    if (q->st.closed || q->st.status == PS_EXITING) r = SUSPEND_GONE;
    else {
        q->st.suspend_count++;
        if (wait && q->st.status == PS_RUNNING) r = SUSPEND_PENDING;
    }
    pthread_mutex_unlock(&q->st.lock);
    return r;
}

SuspendResult sched_suspend_settled(Process *q)
{
    pthread_mutex_lock(&q->st.lock);
    SuspendResult r = q->st.closed || q->st.status == PS_EXITING ? SUSPEND_GONE
                      : q->st.status == PS_RUNNING                ? SUSPEND_PENDING
                                                                  : SUSPEND_OK;
    pthread_mutex_unlock(&q->st.lock);
    return r;
}

void sched_resume(Process *q, uint32_t n)
{
    pthread_mutex_lock(&q->st.lock);
    q->st.suspend_count = q->st.suspend_count > n ? q->st.suspend_count - n : 0;
    bool run = q->st.suspend_count == 0 && unpark_locked(q);
    pthread_mutex_unlock(&q->st.lock);
    if (run) sched_enqueue(q);
}
