/* wall_time.h — scheduler wall time (erlang:statistics(scheduler_wall_time)):
 * for each scheduler thread, and for each dirty I/O thread, how long it has
 * been busy since the accounting was turned on, beside the time that passed.
 * Off by default; while off, the threads' hooks cost one relaxed load. */
#ifndef EMBER_WALL_TIME_H
#define EMBER_WALL_TIME_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

/* One thread's account, written by that thread only. */
typedef struct BusyMeter {
    _Atomic uint64_t busy_ns; /* busy time summed up to the last idle start */
    _Atomic int64_t since;    /* when the current busy stretch began; 0: idle */
    _Atomic bool idle;        /* the thread's own state, kept even while off */
} BusyMeter;

/* The thread starts or stops waiting for work. */
void wall_time_idle(BusyMeter *m);
void wall_time_busy(BusyMeter *m);

/* Turns the accounting on or off; returns the old state. Turning it on
 * starts every meter (the meters given) from zero. */
bool wall_time_set(bool on, BusyMeter *const *meters, unsigned n);
bool wall_time_on(void);
/* {busy, total} nanoseconds of a meter since the accounting was turned on. */
void wall_time_read(const BusyMeter *m, uint64_t *busy_ns, uint64_t *total_ns);

#endif
