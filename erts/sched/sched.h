/* sched.h — the schedulers: one OS thread per core by default, each with a
 * run queue of four priorities (max, high, normal, low). Idle schedulers steal
 * from busy ones and sleep on a condition variable when there is no work. A
 * process runs for a slice of SCHED_SLICE_REDUCTIONS reductions at most. */
#ifndef EMBER_SCHED_H
#define EMBER_SCHED_H

#include "proc/process.h"

#define SCHED_SLICE_REDUCTIONS 4000

/* Starts n scheduler threads (0: one per online core). */
void sched_start(unsigned n);
unsigned sched_count(void);
/* Schedulers online (system_flag(schedulers_online, N)): those numbered
 * above take no work. Setting clamps to 1..sched_count() and returns the
 * old number. */
unsigned sched_online(void);
unsigned sched_set_online(unsigned n);
/* Multi-scheduling blocked: only scheduler 1 runs processes, whatever the
 * number online, until it is set off again. */
void sched_set_single(bool on);
/* The calling thread is scheduler 1 and every other scheduler is parked. */
bool sched_single_settled(void);
/* The calling thread's scheduler number from 1, or 0 outside the schedulers. */
unsigned sched_current_id(void);
/* The process running on the calling scheduler thread, or NULL: a driver
 * called from a BIF learns its caller so (OTP's driver_caller). */
Process *sched_current_process(void);

/* Puts a runnable process (status PS_RUNNABLE, in no queue) in a run queue. */
void sched_enqueue(Process *p);

/* Processes waiting in run queues, and reductions done so far by all processes. */
size_t sched_runnable(void);
/* Every scheduler thread asleep with no process runnable (a look, not a lock). */
bool sched_all_asleep(void);
uint64_t sched_total_reductions(void);

/* For statistics/1, scheduler i counted from 0: its run queue's length,
 * whether it runs a process now, its busy meter (sched/wall_time.h); and the
 * number of times any scheduler has started running a process. */
size_t sched_queue_length(unsigned i);
bool sched_is_running(unsigned i);
struct BusyMeter *sched_meter(unsigned i);
uint64_t sched_context_switches(void);

/* system_flag(scheduler_bind_type, _): binds scheduler i to the i-th (modulo
 * their number) of the processors the runtime may use, or lets them all run
 * on any of those again; false when the system refuses. The processor
 * scheduler i is bound to, or -1. */
bool sched_bind(bool on);
int sched_bound_cpu(unsigned i);

/* Inspection of another process q by the running process self (process_info,
 * garbage_collect/1): HOLD_OK when q is now held (it will not run until
 * proc_unhold); HOLD_BUSY when q is running, or has signals to handle first
 * (from self, or that woke it), so that OTP's signal order shows: the BIF
 * then asks to be called again (proc_retry); HOLD_GONE when q is exiting. */
typedef enum HoldResult { HOLD_OK, HOLD_BUSY, HOLD_GONE } HoldResult;
HoldResult proc_hold(Process *self, Process *q);
void proc_unhold(Process *q);

/* Suspension (erlang:suspend_process/2): q does not run while its suspend
 * count is above zero, though it still handles signals (messages queue up,
 * exit signals end it). sched_suspend adds one to the count: SUSPEND_GONE
 * when q is exiting (nothing changed); with `wait`, SUSPEND_PENDING when q
 * is running now and stops only at the end of its slice, which the caller
 * awaits by asking sched_suspend_settled until it answers SUSPEND_OK.
 * sched_resume takes n off the count and lets q run again at zero. */
typedef enum SuspendResult { SUSPEND_OK, SUSPEND_PENDING, SUSPEND_GONE } SuspendResult;
SuspendResult sched_suspend(Process *q, bool wait);
SuspendResult sched_suspend_settled(Process *q);
void sched_resume(Process *q, uint32_t n);

#endif
