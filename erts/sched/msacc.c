/* msacc.c — the per-thread state accounts behind microstate accounting. */
#include "sched/msacc.h"

#include <pthread.h>
#include <stdlib.h>

#include "time/timer.h"

_Thread_local Msacc *msacc_self;

static _Atomic bool on;
static pthread_mutex_t list_lock = PTHREAD_MUTEX_INITIALIZER;
static Msacc *_Atomic accounts; /* pushed at the front, never removed */

void msacc_register(Term type, unsigned id, MsaccState first)
{
    Msacc *m = calloc(1, sizeof *m);
    if (!m) return; /* this thread keeps no account */
    m->type = type, m->id = id;
    atomic_init(&m->state, (int)first);
    atomic_init(&m->since, atomic_load(&on) ? time_monotonic_ns() : 0);
    pthread_mutex_lock(&list_lock);
    m->next = atomic_load(&accounts);
    atomic_store(&accounts, m);
    pthread_mutex_unlock(&list_lock);
    msacc_self = m;
}

void msacc_enter(MsaccState s)
{
    Msacc *m = msacc_self;
    if (!m) return;
    int64_t now = atomic_load_explicit(&on, memory_order_relaxed) ? time_monotonic_ns() : 0;
    int64_t since = atomic_exchange_explicit(&m->since, now, memory_order_relaxed);
    int was = atomic_exchange_explicit(&m->state, (int)s, memory_order_relaxed);
    if (since && now > since) atomic_fetch_add_explicit(&m->ns[was], (uint64_t)(now - since), memory_order_relaxed);
}

/* Every account starts counting its current state from now (0: stops). */
static void restart_all(int64_t now)
{
    for (Msacc *m = atomic_load(&accounts); m; m = m->next) {
        int64_t since = atomic_exchange(&m->since, now);
        int state = atomic_load(&m->state);
        if (since && !now) atomic_fetch_add(&m->ns[state], (uint64_t)(time_monotonic_ns() - since));
    }
}

bool msacc_set(bool turn_on)
{
    pthread_mutex_lock(&list_lock);
    bool was = atomic_exchange(&on, turn_on);
    if (was != turn_on) restart_all(turn_on ? time_monotonic_ns() : 0);
    pthread_mutex_unlock(&list_lock);
    return was;
}

bool msacc_reset(void)
{
    pthread_mutex_lock(&list_lock);
    bool is_on = atomic_load(&on);
    for (Msacc *m = atomic_load(&accounts); m; m = m->next)
        for (int s = 0; s < MSACC_STATES; s++) atomic_store(&m->ns[s], 0);
    if (is_on) restart_all(time_monotonic_ns());
    pthread_mutex_unlock(&list_lock);
    return is_on;
}

uint64_t msacc_read(const Msacc *m, MsaccState s)
{
    uint64_t ns = atomic_load_explicit(&m->ns[s], memory_order_relaxed);
    int64_t since = atomic_load_explicit(&m->since, memory_order_relaxed);
    if (since && atomic_load_explicit(&m->state, memory_order_relaxed) == (int)s) {
        int64_t now = time_monotonic_ns();
        if (now > since) ns += (uint64_t)(now - since);
    }
    return ns;
}

const Msacc *msacc_first(void) { return atomic_load(&accounts); }
