/* spin_wait.h — waiting a little for work before going to sleep. Waking a
 * sleeping thread costs two futex calls (a few microseconds each, more under
 * a hypervisor); work that follows work usually comes within tens of
 * microseconds (the reply of a port, the next request of a process doing
 * I/O), so the scheduler and the dirty I/O threads look again for a short
 * while before they sleep. The wait is bounded in time so an idle runtime
 * stays idle. */
#ifndef EMBER_SPIN_WAIT_H
#define EMBER_SPIN_WAIT_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

/* How long a thread with nothing to do keeps looking before it sleeps. */
#define SPIN_WAIT_NS 50000

static inline void spin_pause(void)
{
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    __asm__ volatile("yield");
#endif
}

static inline uint64_t spin_now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* Calls ready(arg) until it is true (returns true) or SPIN_WAIT_NS passed
 * (returns false). */
static inline bool spin_wait(bool (*ready)(void *arg), void *arg)
{
    uint64_t until = spin_now_ns() + SPIN_WAIT_NS;
    for (unsigned i = 1;; i++) {
        if (ready(arg)) return true;
        spin_pause();
        if (i % 64 == 0 && spin_now_ns() >= until) return false;
    }
}

#endif
