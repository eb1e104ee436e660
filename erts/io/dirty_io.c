/* dirty_io.c — the dirty I/O pool: a fixed set of threads taking jobs from
 * one queue. Jobs are submitted by scheduler threads and finish by waking
 * their process. (libuv's pool is not used because uv_queue_work may only be
 * called on its loop's thread, which would add a thread hop to every job.) */
#include "io/dirty_io.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#include "emu/receive.h"
#include "io/poller.h"
#include "proc/pexit.h"
#include "proc/ptab.h"
#include "sched/sched.h"
#include "sched/spin_wait.h"
#include "sched/msacc.h"
#include "sched/wall_time.h"
#include "proc/signal.h"

/* OTP's default number of dirty I/O schedulers. */
#define DEFAULT_THREADS 10

enum { JOB_RUNNING, JOB_DONE, JOB_ORPHANED };

static pthread_mutex_t queue_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t queue_cond = PTHREAD_COND_INITIALIZER;
static IoJob *queue_head, **queue_tail = &queue_head;
static unsigned nthreads = DEFAULT_THREADS;
/* Threads looking for a job without the lock, and threads asleep on
 * queue_cond (the latter under queue_lock): a submit wakes a sleeper only
 * when nobody is looking. */
static _Atomic unsigned nspinning;
static unsigned nsleeping;
static _Atomic size_t nqueued; /* the queue's length, for lock-free looks */
static _Atomic size_t nunfinished; /* submitted, not yet complete */
static BusyMeter *meters; /* one per thread, for statistics(scheduler_wall_time_all) */
static pthread_once_t started = PTHREAD_ONCE_INIT;

void dirty_io_free(IoJob *job)
{
    if (job->release) job->release(job);
    free(job);
}

void dirty_io_complete(IoJob *job)
{
    Process *p = job->proc; /* the job may be freed by p once it is marked done */
    if (atomic_exchange(&job->state, JOB_DONE) == JOB_ORPHANED) {
        dirty_io_free(job);
    } else {
        pthread_mutex_lock(&p->st.lock);
        p->st.io_ready = true;
        bool wake = proc_wake_locked(p);
        pthread_mutex_unlock(&p->st.lock);
        if (wake) sched_enqueue(p);
    }
    atomic_fetch_sub(&nunfinished, 1); /* after the wake: never idle in between */
    proc_release(p);
}

static bool job_queued(void *arg)
{
    (void)arg;
    return atomic_load_explicit(&nqueued, memory_order_relaxed) > 0;
}

static void *worker(void *arg)
{
    BusyMeter *meter = arg;
    msacc_register(ATOM_dirty_io_scheduler, (unsigned)(meter - meters) + 1, MSACC_OTHER);
    for (;;) {
        /* one thread at a time looks for the next job before sleeping */
        unsigned none = 0;
        if (atomic_compare_exchange_strong(&nspinning, &none, 1)) {
            spin_wait(job_queued, NULL);
            atomic_store(&nspinning, 0); /* before the locked look below */
        }
        pthread_mutex_lock(&queue_lock);
        if (!queue_head) wall_time_idle(meter), msacc_enter(MSACC_SLEEP);
        while (!queue_head) {
            nsleeping++;
            pthread_cond_wait(&queue_cond, &queue_lock);
            nsleeping--;
        }
        IoJob *job = queue_head;
        queue_head = job->next;
        if (!queue_head) queue_tail = &queue_head;
        atomic_fetch_sub(&nqueued, 1);
        /* more waiting: a sleeper takes the next one (submit may not have
         * woken one while this thread was looking) */
        if (queue_head && nsleeping > 0) pthread_cond_signal(&queue_cond);
        pthread_mutex_unlock(&queue_lock);
        wall_time_busy(meter);
        msacc_enter(MSACC_EMULATOR);
        job->work(job);
        dirty_io_complete(job);
        msacc_enter(MSACC_OTHER);
    }
    return NULL;
}

/* A process that ends while its job runs: the pool frees the job later. */
static void orphan_job(Process *p, Term reason)
{
    (void)reason;
    IoJob *job = p->st.io_job;
    if (!job) return;
    p->st.io_job = NULL;
    if (atomic_exchange(&job->state, JOB_ORPHANED) == JOB_DONE) dirty_io_free(job);
}

static void start_threads(void)
{
    for (unsigned i = 0; i < nthreads; i++) {
        pthread_t t;
        pthread_attr_t attr;
        pthread_attr_init(&attr);
        pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
        if (pthread_create(&t, &attr, worker, &meters[i]) != 0 && i == 0) {
            fprintf(stderr, "ember: cannot start the dirty I/O threads\n");
            abort();
        }
        pthread_attr_destroy(&attr);
    }
}

void dirty_io_init(unsigned n)
{
    if (n) nthreads = n;
    meters = calloc(nthreads, sizeof *meters);
    if (!meters) abort();
    for (unsigned i = 0; i < nthreads; i++) atomic_init(&meters[i].idle, true); /* not started yet */
    proc_exit_hook_register(EXIT_HOOK_DIRTY_IO, orphan_job);
}

IoJob *dirty_io_finished(Process *p, bool *wait)
{
    IoJob *job = p->st.io_job;
    *wait = false;
    if (!job) return NULL;
    if (atomic_load(&job->state) == JOB_RUNNING) {
        *wait = true;
        return NULL;
    }
    p->st.io_job = NULL;
    pthread_mutex_lock(&p->st.lock);
    p->st.io_ready = false;
    pthread_mutex_unlock(&p->st.lock);
    return job;
}

Term dirty_io_wait(Process *p)
{
    p->st.io_waiting = true;
    return proc_retry(p);
}

/* Marks job as p's current job, held until it completes. */
static void begin(Process *p, IoJob *job, IoWorkFn work, IoFreeFn release)
{
    job->work = work;
    job->release = release;
    job->proc = p;
    job->next = NULL;
    job->error = 0;
    atomic_init(&job->state, JOB_RUNNING);
    atomic_fetch_add(&p->st.refc, 1);
    atomic_fetch_add(&nunfinished, 1);
    p->st.io_job = job;
    proc_exit_hook_arm(p, EXIT_HOOK_DIRTY_IO);
}

Term dirty_io_submit(Process *p, IoJob *job, IoWorkFn work, IoFreeFn release)
{
    pthread_once(&started, start_threads);
    begin(p, job, work, release);
    pthread_mutex_lock(&queue_lock);
    *queue_tail = job;
    queue_tail = &job->next;
    size_t queued = atomic_fetch_add(&nqueued, 1) + 1;
    if (nsleeping > 0 && (atomic_load(&nspinning) == 0 || queued > 1)) pthread_cond_signal(&queue_cond);
    pthread_mutex_unlock(&queue_lock);
    return dirty_io_wait(p);
}

static void run_on_poller(void *arg)
{
    IoJob *job = arg;
    job->work(job);
    dirty_io_complete(job);
}

Term dirty_io_submit_poller(Process *p, IoJob *job, IoWorkFn work, IoFreeFn release)
{
    begin(p, job, work, release);
    poller_call(run_on_poller, job);
    return dirty_io_wait(p);
}

unsigned dirty_io_thread_count(void) { return nthreads; }
size_t dirty_io_unfinished(void) { return atomic_load(&nunfinished); }
size_t dirty_io_queued(void) { return atomic_load(&nqueued); }
BusyMeter *dirty_io_meter(unsigned i) { return &meters[i]; }
