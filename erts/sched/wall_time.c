/* wall_time.c — the busy meters behind statistics(scheduler_wall_time). */
#include "sched/wall_time.h"

#include "time/timer.h"

static _Atomic bool on;
static _Atomic int64_t started_ns;

bool wall_time_on(void) { return atomic_load_explicit(&on, memory_order_relaxed); }

void wall_time_idle(BusyMeter *m)
{
    atomic_store_explicit(&m->idle, true, memory_order_relaxed);
    if (!wall_time_on()) return;
    int64_t since = atomic_exchange_explicit(&m->since, 0, memory_order_relaxed);
    if (since) atomic_fetch_add_explicit(&m->busy_ns, (uint64_t)(time_monotonic_ns() - since), memory_order_relaxed);
}

void wall_time_busy(BusyMeter *m)
{
    atomic_store_explicit(&m->idle, false, memory_order_relaxed);
    if (wall_time_on()) atomic_store_explicit(&m->since, time_monotonic_ns(), memory_order_relaxed);
}

bool wall_time_set(bool turn_on, BusyMeter *const *meters, unsigned n)
{
    if (!turn_on) return atomic_exchange(&on, false);
    if (wall_time_on()) return true;
    int64_t now = time_monotonic_ns();
    for (unsigned i = 0; i < n; i++) {
        atomic_store(&meters[i]->busy_ns, 0);
        atomic_store(&meters[i]->since, atomic_load(&meters[i]->idle) ? 0 : now);
    }
    atomic_store(&started_ns, now);
    return atomic_exchange(&on, true);
}

void wall_time_read(const BusyMeter *m, uint64_t *busy_ns, uint64_t *total_ns)
{
    int64_t now = time_monotonic_ns();
    int64_t since = atomic_load_explicit(&m->since, memory_order_relaxed);
    uint64_t busy = atomic_load_explicit(&m->busy_ns, memory_order_relaxed);
    if (since && since < now) busy += (uint64_t)(now - since);
    uint64_t total = (uint64_t)(now - atomic_load(&started_ns));
    *busy_ns = busy < total ? busy : total;
    *total_ns = total;
}
