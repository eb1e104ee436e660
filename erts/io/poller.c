/* poller.c — the loop thread and its queue of calls from other threads (a
 * mutex-guarded list drained when a uv_async_t fires). */
#include "io/poller.h"

#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>

#include "atom/atom.h"
#include "sched/msacc.h"

typedef struct Call {
    void (*fn)(void *arg);
    void *arg;
    struct Call *next;
} Call;

static uv_loop_t loop;
static uv_async_t wakeup;
static pthread_mutex_t calls_lock = PTHREAD_MUTEX_INITIALIZER;
static Call *calls, **calls_tail = &calls;
static pthread_once_t started = PTHREAD_ONCE_INIT;

uv_loop_t *poller_loop(void) { return &loop; }

static void drain(uv_async_t *h)
{
    (void)h;
    pthread_mutex_lock(&calls_lock);
    Call *list = calls;
    calls = NULL;
    calls_tail = &calls;
    pthread_mutex_unlock(&calls_lock);
    while (list) {
        Call *c = list;
        list = c->next;
        c->fn(c->arg);
        free(c);
    }
}

/* microstate accounting: asleep in the poll, handling I/O after it */
static uv_prepare_t before_poll;
static uv_check_t after_poll;
static void entering_poll(uv_prepare_t *h) { (void)h, msacc_enter(MSACC_SLEEP); }
static void leaving_poll(uv_check_t *h) { (void)h, msacc_enter(MSACC_CHECK_IO); }

static void *run(void *arg)
{
    (void)arg;
    msacc_register(ATOM_poll, 0, MSACC_CHECK_IO);
    uv_run(&loop, UV_RUN_DEFAULT); /* the async handle keeps it running */
    return NULL;
}

static void start(void)
{
    pthread_t t;
    /* A write to a program that has gone must fail with EPIPE (its end is
     * reported as the port's), not end the runtime; OTP ignores it too. */
    signal(SIGPIPE, SIG_IGN);
    if (uv_loop_init(&loop) != 0 || uv_async_init(&loop, &wakeup, drain) != 0 ||
        uv_prepare_init(&loop, &before_poll) != 0 || uv_prepare_start(&before_poll, entering_poll) != 0 ||
        uv_check_init(&loop, &after_poll) != 0 || uv_check_start(&after_poll, leaving_poll) != 0 ||
        pthread_create(&t, NULL, run, NULL) != 0) {
        fprintf(stderr, "ember: cannot start the I/O poller\n");
        abort();
    }
    pthread_detach(t);
}

void poller_call(void (*fn)(void *arg), void *arg)
{
    pthread_once(&started, start);
    Call *c = malloc(sizeof *c);
    if (!c) {
        fprintf(stderr, "ember: out of memory queueing I/O work\n");
        abort();
    }
    *c = (Call){fn, arg, NULL};
    pthread_mutex_lock(&calls_lock);
    *calls_tail = c;
    calls_tail = &c->next;
    pthread_mutex_unlock(&calls_lock);
    uv_async_send(&wakeup);
}
