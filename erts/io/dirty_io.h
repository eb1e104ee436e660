/* dirty_io.h — blocking work (file system calls) off the scheduler threads.
 * A BIF that would block hands a job to the dirty I/O pool and its process
 * waits, holding no scheduler, until the job is done; the BIF is then called
 * again with the same arguments and takes the job's outcome:
 *
 *     bool wait;
 *     MyJob *done = (MyJob *)dirty_io_finished(p, &wait);
 *     if (wait) return dirty_io_wait(p);
 *     if (done) { Term r = result_of(p, done); dirty_io_free(&done->job); return r; }
 *     ... check the arguments, malloc a MyJob (an IoJob first) ...
 *     return dirty_io_submit(p, &job->job, work, release);
 *
 * A process that ends while its job runs leaves the job to the pool, which
 * frees it when done. */
#ifndef EMBER_IO_DIRTY_IO_H
#define EMBER_IO_DIRTY_IO_H

#include <stdatomic.h>

#include "proc/process.h"

typedef struct IoJob IoJob;
/* Runs on a pool thread: does the blocking work, keeps its outcome in the job. */
typedef void (*IoWorkFn)(IoJob *job);
/* Frees what the job holds (not the job itself); may be NULL. */
typedef void (*IoFreeFn)(IoJob *job);

struct IoJob {
    IoWorkFn work;
    IoFreeFn release;
    Process *proc; /* held by a reference until the job is done */
    _Atomic int state;
    IoJob *next;   /* pool queue */
    int error;     /* errno of the work, 0 for success */
};

/* Starts the pool (threads are made on first use); n threads, 0: the default. */
void dirty_io_init(unsigned n);
/* How many threads the pool has (system_info(dirty_io_schedulers)). */
unsigned dirty_io_thread_count(void);
/* Jobs submitted and not yet complete (a look, not a lock). */
size_t dirty_io_unfinished(void);
/* Jobs waiting for a thread; thread i's busy meter (sched/wall_time.h). */
size_t dirty_io_queued(void);
struct BusyMeter *dirty_io_meter(unsigned i);

/* The call pattern of a dirty BIF. Returns the finished job of p's current
 * call, or NULL; *wait is set when p must wait (the BIF then returns
 * dirty_io_wait(p)). */
IoJob *dirty_io_finished(Process *p, bool *wait);
/* Hands job (allocated by the caller with malloc, its fields beyond IoJob set)
 * to the pool; the BIF returns what this returns. */
Term dirty_io_submit(Process *p, IoJob *job, IoWorkFn work, IoFreeFn release);
/* The same, with the work run on the I/O poller's thread (io/poller.h), for
 * work that must touch libuv handles. */
Term dirty_io_submit_poller(Process *p, IoJob *job, IoWorkFn work, IoFreeFn release);
/* Ends a job whose work is done: wakes its process (or frees an orphan). */
void dirty_io_complete(IoJob *job);
/* What a BIF returns while its job is still running. */
Term dirty_io_wait(Process *p);
/* Frees a finished job taken from dirty_io_finished. */
void dirty_io_free(IoJob *job);

#endif
