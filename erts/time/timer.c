/* timer.c — the timer service: a binary heap of deadlines, a hash of
 * erlang:send_after timers by reference, and one thread that sleeps on a
 * condition variable until the earliest deadline. Operations are O(log n). */
#include "time/timer.h"

#include <stdlib.h>
#include <time.h>

#include "proc/ptab.h"
#include "gc/offheap.h"
#include "proc/plinks.h"
#include "proc/registry.h"
#include "proc/signal.h"
#include "sched/sched.h"
#include "term/boxed.h"
#include "term/copy.h"

typedef struct Timer {
    int64_t deadline;
    size_t heap_index;
    Term pid;     /* receive timer: the process; send timer: the destination pid or name */
    uint32_t seq; /* receive timer: the number it was armed with */
    bool is_send, wrap;
    uint64_t ref[2];
    Message *msg; /* send timer: the message, already copied */
    struct Timer *hnext; /* hash chain of send timers */
} Timer;

#define HASH_BUCKETS 4096

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond;
static Timer **heap;
static size_t heap_len, heap_cap;
static Timer *hash[HASH_BUCKETS];
static int64_t start_ns;

int64_t time_monotonic_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

int64_t time_system_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

int64_t time_start_ns(void) { return start_ns; }

/* ---- the heap (lock held) --------------------------------------------------- */

static void heap_set(size_t i, Timer *t)
{
    heap[i] = t;
    t->heap_index = i;
}

static void sift_up(size_t i)
{
    Timer *t = heap[i];
    while (i > 0 && heap[(i - 1) / 2]->deadline > t->deadline) {
        heap_set(i, heap[(i - 1) / 2]);
        i = (i - 1) / 2;
    }
    heap_set(i, t);
}

static void sift_down(size_t i)
{
    Timer *t = heap[i];
    for (;;) {
        size_t c = 2 * i + 1;
        if (c >= heap_len) break;
        if (c + 1 < heap_len && heap[c + 1]->deadline < heap[c]->deadline) c++;
        if (heap[c]->deadline >= t->deadline) break;
        heap_set(i, heap[c]);
        i = c;
    }
    heap_set(i, t);
}

static void heap_push(Timer *t)
{
    if (heap_len == heap_cap) {
        heap_cap = heap_cap ? 2 * heap_cap : 256;
        heap = realloc(heap, heap_cap * sizeof *heap);
        if (!heap) abort();
    }
    heap_set(heap_len++, t);
    sift_up(heap_len - 1);
    if (t->heap_index == 0) pthread_cond_signal(&cond); /* a new earliest deadline */
}

static void heap_remove(Timer *t)
{
    size_t i = t->heap_index;
    Timer *last = heap[--heap_len];
    if (i == heap_len) return;
    heap_set(i, last);
    sift_up(i);
    sift_down(last->heap_index);
}

static Timer **hash_slot(const uint64_t ref[2])
{
    Timer **t = &hash[(ref[0] ^ (ref[0] >> 32) ^ ref[1]) % HASH_BUCKETS];
    while (*t && ((*t)->ref[0] != ref[0] || (*t)->ref[1] != ref[1])) t = &(*t)->hnext;
    return t;
}

/* ---- firing (lock not held) ------------------------------------------------- */

static void fire_receive(Timer *t)
{
    Process *p = ptab_get(t->pid);
    if (!p) return;
    pthread_mutex_lock(&p->st.lock);
    bool wake = false;
    if (p->st.recv_seq == t->seq) {
        p->st.timeout_fired = true;
        wake = proc_wake_locked(p);
    }
    pthread_mutex_unlock(&p->st.lock);
    if (wake) sched_enqueue(p);
    proc_release(p);
}

static void fire_send(Timer *t)
{
    Message *m = t->msg;
    t->msg = NULL;
    Term to = t->pid;
    if (term_is_atom(to)) to = registry_whereis(to);
    if (t->wrap) {
        /* {timeout, Ref, Msg}: a new message holding the old one's term. */
        Term *hp;
        size_t mw = term_size(m->term);
        Message *w = msg_build(SIG_MSG, TERM_NIL, 4 + REF_WORDS + mw, &hp);
        Term *mp = hp + 4 + REF_WORDS;
        OffHeap oh = {0};
        Term inner = mw ? term_copy_offheap(m->term, &mp, &oh) : m->term;
        Term ref = ref_from_raw(hp + 4, t->ref);
        hp[0] = header_make(HDR_TUPLE, 3), hp[1] = ATOM_timeout, hp[2] = ref, hp[3] = inner;
        w->term = term_make_boxed(hp);
        w->oh_first = oh.first, w->oh_bytes = oh.new_bytes;
        msg_free(m);
        m = w;
    }
    if (to == TERM_NONE) msg_free(m);
    else sig_send(to, m);
}

static void *service(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&lock);
    for (;;) {
        if (heap_len == 0) {
            pthread_cond_wait(&cond, &lock);
            continue;
        }
        int64_t now = time_monotonic_ns();
        Timer *t = heap[0];
        if (t->deadline > now) {
            struct timespec ts = {(time_t)(t->deadline / 1000000000), (long)(t->deadline % 1000000000)};
            pthread_cond_timedwait(&cond, &lock, &ts);
            continue;
        }
        heap_remove(t);
        if (t->is_send) *hash_slot(t->ref) = t->hnext;
        pthread_mutex_unlock(&lock);
        if (t->is_send) fire_send(t);
        else fire_receive(t);
        free(t);
        pthread_mutex_lock(&lock);
    }
    return NULL;
}

void timer_init(void)
{
    pthread_condattr_t attr;
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_cond_init(&cond, &attr);
    pthread_condattr_destroy(&attr);
    start_ns = time_monotonic_ns();
    pthread_t th;
    if (pthread_create(&th, NULL, service, NULL) != 0) abort();
    pthread_detach(th);
}

/* ---- receive timeouts ------------------------------------------------------- */

/* The running process's receive timer is found through its pid and number; at
 * most one is armed per process, so the heap entry is remembered nowhere else. */
void timer_start_receive(Process *p, uint64_t ms)
{
    Timer *t = calloc(1, sizeof *t);
    if (!t) abort();
    pthread_mutex_lock(&p->st.lock);
    uint32_t seq = ++p->st.recv_seq;
    p->st.timeout_fired = false;
    pthread_mutex_unlock(&p->st.lock);
    t->pid = p->pid;
    t->seq = seq;
    t->deadline = time_monotonic_ns() + (int64_t)(ms > 100000000000ull ? 100000000000ull : ms) * 1000000;
    p->st.timer_armed = true;
    pthread_mutex_lock(&lock);
    heap_push(t);
    pthread_mutex_unlock(&lock);
}

/* The heap entry stays until its deadline (a stale number makes it a no-op):
 * cancelling is a counter bump, the common case when the message comes first. */
void timer_cancel_receive(Process *p)
{
    pthread_mutex_lock(&p->st.lock);
    p->st.recv_seq++;
    p->st.timeout_fired = false;
    pthread_mutex_unlock(&p->st.lock);
    p->st.timer_armed = false;
}

/* ---- send timers ------------------------------------------------------------ */

void timer_start_send(int64_t deadline_ns, Term dest, Term msg, bool wrap, const uint64_t ref[2])
{
    Timer *t = calloc(1, sizeof *t);
    if (!t) abort();
    t->deadline = deadline_ns;
    t->pid = dest;
    t->is_send = true;
    t->wrap = wrap;
    t->ref[0] = ref[0], t->ref[1] = ref[1];
    t->msg = msg_copy_of(msg, SIG_MSG, TERM_NIL);
    pthread_mutex_lock(&lock);
    Timer **slot = hash_slot(ref);
    t->hnext = *slot;
    *slot = t;
    heap_push(t);
    pthread_mutex_unlock(&lock);
}

static bool lookup_send(const uint64_t ref[2], int64_t *left_ns, bool cancel)
{
    pthread_mutex_lock(&lock);
    Timer **slot = hash_slot(ref);
    Timer *t = *slot;
    if (t) {
        *left_ns = t->deadline - time_monotonic_ns();
        if (*left_ns < 0) *left_ns = 0;
        if (cancel) {
            *slot = t->hnext;
            heap_remove(t);
        }
    }
    pthread_mutex_unlock(&lock);
    if (t && cancel) {
        msg_free(t->msg);
        free(t);
    }
    return t != NULL;
}

bool timer_cancel_send(const uint64_t ref[2], int64_t *left_ns) { return lookup_send(ref, left_ns, true); }
bool timer_read_send(const uint64_t ref[2], int64_t *left_ns) { return lookup_send(ref, left_ns, false); }
