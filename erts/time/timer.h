/* timer.h — Erlang time and timers: the monotonic clock, receive timeouts,
 * and erlang:send_after/start_timer, kept in a timing wheel. One service
 * thread sleeps until the earliest deadline (or until a new, earlier one is
 * set), so idle timers cost no CPU. */
#ifndef EMBER_TIMER_H
#define EMBER_TIMER_H

#include <stdint.h>

#include "proc/process.h"

/* Nanoseconds on the monotonic clock (Ember's native time unit, as OTP's on Linux). */
int64_t time_monotonic_ns(void);
/* Nanoseconds since the Unix epoch. */
int64_t time_system_ns(void);
/* The monotonic time the runtime started at. */
int64_t time_start_ns(void);

void timer_init(void);
/* Wakes the service thread to look again (the shutdown clock has turned on). */
void timer_kick(void);

/* Arms p's receive timeout for `ms` milliseconds (p is the running process). */
void timer_start_receive(Process *p, uint64_t ms);
/* Disarms it; a firing that races with this is ignored. */
void timer_cancel_receive(Process *p);

/* erlang:send_after / start_timer: at `deadline_ns` sends msg (copied now) to
 * dest (a pid or a registered name), wrapped as {timeout, Ref, Msg} when
 * wrap is set. ref: the raw words of the timer's reference. */
void timer_start_send(int64_t deadline_ns, Term dest, Term msg, bool wrap, const uint64_t ref[2]);
/* Cancels the timer with this reference: false when none is pending, else
 * true with the nanoseconds that were left in *left_ns. */
bool timer_cancel_send(const uint64_t ref[2], int64_t *left_ns);
/* As cancel, without cancelling. */
bool timer_read_send(const uint64_t ref[2], int64_t *left_ns);

/* Timers in the wheel now (receive timeouts and send timers). */
size_t timer_pending(void);

#endif
