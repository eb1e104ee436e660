/* timer.c — the timer service: a timing wheel of 1 ms ticks, a hash of
 * erlang:send_after timers by reference, and one thread that sleeps on a
 * condition variable until the earliest tick. Arming and cancelling are O(1);
 * finding the next tick to sleep until looks at most one turn of the wheel. */
#include "time/timer.h"

#include <stdlib.h>
#include <time.h>

#include "proc/ptab.h"
#include "gc/offheap.h"
#include "proc/plinks.h"
#include "proc/registry.h"
#include "proc/signal.h"
#include "sched/msacc.h"
#include "sched/sched.h"
#include "term/boxed.h"
#include "term/copy.h"
#include "time/shutdown_clock.h"

typedef struct Timer {
    int64_t deadline; /* ns */
    int64_t tick;     /* the wheel tick (ms) it fires at: deadline rounded up */
    struct Timer *prev, *next; /* its wheel slot's list */
    bool in_wheel;
    Term pid;     /* receive timer: the process; send timer: the destination pid or name */
    uint32_t seq; /* receive timer: the number it was armed with */
    bool is_send, wrap;
    uint64_t ref[2];
    Message *msg; /* send timer: the message, already copied */
    struct Timer *hnext; /* hash chain of send timers */
} Timer;

/* A hashed timing wheel of 1 ms ticks: a timer sits in slot tick % WHEEL_SLOTS
 * and fires when the cursor reaches its tick; one due later than a turn of the
 * wheel waits in its slot for the turn it belongs to. */
#define WHEEL_SLOTS 4096
#define HASH_BUCKETS 4096
#define NS_PER_TICK 1000000

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond;
static Timer *wheel[WHEEL_SLOTS];
static size_t wheel_count;
static int64_t cursor;    /* the next tick to process */
static int64_t wake_tick; /* the tick the service thread sleeps until (INT64_MAX: none) */
static Timer *hash[HASH_BUCKETS];
static int64_t start_ns;
/* How far the timers' clock runs ahead of the monotonic clock: 0 until a
 * quiet stopping system skips ahead to its next deadline (shutdown_clock.h).
 * Deadlines and the wheel are on the timers' clock. */
static int64_t skew_ns;

static int64_t timers_now_ns(void) { return time_monotonic_ns() + skew_ns; }

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

/* ---- the wheel (lock held) -------------------------------------------------- */

static Timer **slot_of(int64_t tick) { return &wheel[(uint64_t)tick % WHEEL_SLOTS]; }

/* O(1). Wakes the service thread when t is due before the tick it sleeps until. */
static void wheel_insert(Timer *t)
{
    t->tick = (t->deadline + NS_PER_TICK - 1) / NS_PER_TICK;
    if (wheel_count == 0) {
        /* the wheel was idle: the cursor may be far behind */
        int64_t now_tick = timers_now_ns() / NS_PER_TICK;
        if (cursor < now_tick) cursor = now_tick;
    }
    if (t->tick < cursor) t->tick = cursor; /* due already: the next tick processed */
    Timer **slot = slot_of(t->tick);
    t->prev = NULL;
    t->next = *slot;
    if (*slot) (*slot)->prev = t;
    *slot = t;
    t->in_wheel = true;
    wheel_count++;
    if (t->tick < wake_tick) pthread_cond_signal(&cond);
}

/* O(1). */
static void wheel_remove(Timer *t)
{
    if (t->prev) t->prev->next = t->next;
    else *slot_of(t->tick) = t->next;
    if (t->next) t->next->prev = t->prev;
    t->in_wheel = false;
    wheel_count--;
}

/* Moves the timers due at or before `tick` out of one slot to the end of the
 * list at **tail, oldest first (a slot holds its newest first). */
static void take_due(Timer **slot, int64_t tick, Timer ***tail)
{
    Timer *got = NULL;
    for (Timer *t = *slot, *next; t; t = next) {
        next = t->next;
        if (t->tick > tick) continue;
        wheel_remove(t);
        t->next = got;
        got = t;
    }
    **tail = got;
    while (**tail) *tail = &(**tail)->next;
}

/* Advances the cursor to now, collecting what is due in tick order. After a
 * stall longer than a turn, one pass over every slot takes the rest. */
static Timer *advance(int64_t now_tick)
{
    Timer *due = NULL, **tail = &due;
    for (; cursor <= now_tick && now_tick - cursor < WHEEL_SLOTS; cursor++) take_due(slot_of(cursor), cursor, &tail);
    if (cursor <= now_tick) {
        for (size_t i = 0; i < WHEEL_SLOTS; i++) take_due(&wheel[i], now_tick, &tail);
        cursor = now_tick + 1;
    }
    return due;
}

/* The earliest tick holding a timer, looking at most one turn ahead; a turn
 * later when nothing is due within the turn (the thread then looks again). */
static int64_t next_tick(void)
{
    if (wheel_count == 0) return INT64_MAX;
    for (int64_t tick = cursor; tick < cursor + WHEEL_SLOTS; tick++)
        for (Timer *t = *slot_of(tick); t; t = t->next)
            if (t->tick == tick) return tick;
    return cursor + WHEEL_SLOTS;
}

static Timer **hash_slot(const uint64_t ref[2])
{
    Timer **t = &hash[(ref[0] ^ (ref[0] >> 32) ^ ref[1]) % HASH_BUCKETS];
    while (*t && ((*t)->ref[0] != ref[0] || (*t)->ref[1] != ref[1])) t = &(*t)->hnext;
    return t;
}

/* ---- firing (lock not held) ------------------------------------------------- */

static void fire_receive(Term pid, uint32_t seq)
{
    Process *p = ptab_get(pid);
    if (!p) return;
    pthread_mutex_lock(&p->st.lock);
    bool wake = false;
    if (p->st.recv_seq == seq) {
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

/* Fires the due timers in deadline order of their ticks (the list is built
 * newest first per slot; ties within a tick have no order to keep). A receive
 * timer belongs to its process, which frees it: only its pid and number are
 * read here, before the lock is let go. */
static void fire_all(Timer *due)
{
    while (due) {
        Timer *t = due;
        due = t->next;
        if (t->is_send) {
            *hash_slot(t->ref) = t->hnext;
            pthread_mutex_unlock(&lock);
            fire_send(t);
            free(t);
        } else {
            Term pid = t->pid;
            uint32_t seq = t->seq;
            pthread_mutex_unlock(&lock);
            fire_receive(pid, seq);
        }
        pthread_mutex_lock(&lock);
    }
}

/* While a stop is under way the service looks this often whether the system
 * has gone quiet; two quiet looks in a row, a look apart, move the clock. */
#define QUIET_LOOK_NS 1000000

/* Whether to skip ahead to the next deadline: the system was quiet at this
 * look and at the one before (lock held; let go during the look, which takes
 * the port table's and ports' locks). */
static bool quiet_twice(void)
{
    static bool quiet_before;
    pthread_mutex_unlock(&lock);
    bool quiet = shutdown_clock_system_quiet();
    pthread_mutex_lock(&lock);
    bool twice = quiet && quiet_before;
    quiet_before = quiet && !twice;
    return twice;
}

static void *service(void *arg)
{
    (void)arg;
    msacc_register(ATOM_aux, 1, MSACC_AUX);
    pthread_mutex_lock(&lock);
    for (;;) {
        int64_t now_tick = timers_now_ns() / NS_PER_TICK;
        Timer *due = advance(now_tick);
        if (due) {
            fire_all(due);
            continue;
        }
        wake_tick = next_tick();
        bool stopping = wake_tick != INT64_MAX && shutdown_clock_on();
        if (stopping && quiet_twice()) {
            int64_t ahead = wake_tick * NS_PER_TICK - timers_now_ns();
            if (ahead > 0) skew_ns += ahead;
            wake_tick = INT64_MAX;
            continue;
        }
        msacc_enter(MSACC_SLEEP);
        if (wake_tick == INT64_MAX) {
            pthread_cond_wait(&cond, &lock);
        } else {
            int64_t at = wake_tick * NS_PER_TICK - skew_ns, now = time_monotonic_ns();
            if (stopping && at > now + QUIET_LOOK_NS) at = now + QUIET_LOOK_NS;
            struct timespec ts = {(time_t)(at / 1000000000), (long)(at % 1000000000)};
            pthread_cond_timedwait(&cond, &lock, &ts);
        }
        msacc_enter(MSACC_AUX);
        wake_tick = INT64_MAX;
    }
    return NULL;
}

void timer_kick(void)
{
    pthread_mutex_lock(&lock);
    pthread_cond_signal(&cond);
    pthread_mutex_unlock(&lock);
}

void timer_init(void)
{
    pthread_condattr_t attr;
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_cond_init(&cond, &attr);
    pthread_condattr_destroy(&attr);
    start_ns = time_monotonic_ns();
    cursor = start_ns / NS_PER_TICK;
    wake_tick = INT64_MAX;
    pthread_t th;
    if (pthread_create(&th, NULL, service, NULL) != 0) abort();
    pthread_detach(th);
}

/* ---- receive timeouts ------------------------------------------------------- */

/* At most one receive timer is armed per process; the process owns its entry
 * (st.recv_timer) and takes it out of the wheel when the receive ends. */
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
    p->st.timer_armed = true;
    p->st.recv_timer = t;
    pthread_mutex_lock(&lock);
    t->deadline = timers_now_ns() + (int64_t)(ms > 100000000000ull ? 100000000000ull : ms) * 1000000;
    wheel_insert(t);
    pthread_mutex_unlock(&lock);
}

/* Removes the entry at once (O(1)); a firing already under way sees a stale
 * number and does nothing. */
void timer_cancel_receive(Process *p)
{
    pthread_mutex_lock(&p->st.lock);
    p->st.recv_seq++;
    p->st.timeout_fired = false;
    pthread_mutex_unlock(&p->st.lock);
    Timer *t = p->st.recv_timer;
    if (t) {
        pthread_mutex_lock(&lock);
        if (t->in_wheel) wheel_remove(t);
        pthread_mutex_unlock(&lock);
        free(t);
    }
    p->st.recv_timer = NULL;
    p->st.timer_armed = false;
}

size_t timer_pending(void)
{
    pthread_mutex_lock(&lock);
    size_t n = wheel_count;
    pthread_mutex_unlock(&lock);
    return n;
}

/* ---- send timers ------------------------------------------------------------ */

void timer_start_send(int64_t deadline_ns, Term dest, Term msg, bool wrap, const uint64_t ref[2])
{
    Timer *t = calloc(1, sizeof *t);
    if (!t) abort();
    t->pid = dest;
    t->is_send = true;
    t->wrap = wrap;
    t->ref[0] = ref[0], t->ref[1] = ref[1];
    t->msg = msg_copy_of(msg, SIG_MSG, TERM_NIL);
    pthread_mutex_lock(&lock);
    t->deadline = deadline_ns + skew_ns;
    Timer **slot = hash_slot(ref);
    t->hnext = *slot;
    *slot = t;
    wheel_insert(t);
    pthread_mutex_unlock(&lock);
}

static bool lookup_send(const uint64_t ref[2], int64_t *left_ns, bool cancel)
{
    pthread_mutex_lock(&lock);
    Timer **slot = hash_slot(ref);
    Timer *t = *slot;
    if (t) {
        *left_ns = t->deadline - timers_now_ns();
        if (*left_ns < 0) *left_ns = 0;
        if (cancel) {
            *slot = t->hnext;
            wheel_remove(t);
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
