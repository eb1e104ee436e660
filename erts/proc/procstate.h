/* procstate.h — the part of a process that the processes issue adds: its
 * signal queue and message queue, links and monitors, scheduling state and
 * receive timer. Embedded in Process (proc/process.h) as `st`. Fields marked
 * (lock) are guarded by st.lock; (owner) ones are touched only by the thread
 * running the process, or by an inspector holding it (proc_hold). */
#ifndef EMBER_PROCSTATE_H
#define EMBER_PROCSTATE_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "term/term.h"

struct HeapFragment;
struct Process;
struct ProcLinks;

/* Signals travel between processes in one queue per receiver, so that every
 * kind keeps Erlang's per-pair ordering with every other kind. */
typedef enum SigKind {
    SIG_MSG,       /* term: the message */
    SIG_EXIT,      /* exit/2: term {'EXIT', From, Reason} */
    SIG_EXIT_SIGNAL, /* exit_signal/2: as SIG_EXIT, but reason normal from the receiver itself does nothing */
    SIG_EXIT_LINK, /* a linked process ended: term {'EXIT', From, Reason} */
    SIG_LINK,      /* from wants a link */
    SIG_UNLINK,    /* from dropped its link */
    SIG_MONITOR,   /* term {Ref, NameOrPid} or {Ref, NameOrPid, Tag}: from monitors the receiver */
    SIG_DEMONITOR, /* term Ref: from dropped its monitor */
    SIG_DOWN,      /* term {Tag, Ref, process, Object, Reason}, Tag usually 'DOWN' */
    SIG_ALIAS_MSG, /* term {Alias, Message}: a message sent to one of the receiver's aliases */
} SigKind;

/* A signal or message. Its term lives in frag (NULL when immediate) until the
 * receiver takes the message, which moves frag onto the receiver's heap
 * fragments. */
typedef struct Message {
    struct Message *next;
    Term term;
    Term from;
    struct HeapFragment *frag;
    Term *oh_first; /* off-heap binaries the copy refers to (an OffHeap list) */
    size_t oh_bytes;
    SigKind kind;
} Message;

typedef enum ProcStatus {
    PS_RUNNABLE, /* in a run queue (or about to be) */
    PS_RUNNING,
    PS_WAITING, /* in receive (or suspended: deferred set), no run queue holds it */
    PS_EXITING,
} ProcStatus;

typedef enum ProcPriority { PRIO_MAX, PRIO_HIGH, PRIO_NORMAL, PRIO_LOW, PRIO_COUNT } ProcPriority;

#define PROC_MARKERS 4

typedef struct RecvMarker {
    Message **pos;   /* receive resumes scanning here; NULL: unused slot */
    uint64_t ref[2]; /* raw words of the bound reference; 0,0 while only reserved */
    bool bound;
} RecvMarker;

#define PROC_TRAP_ARGS 4

/* The rarely used part of a process (owner): allocated on first use and
 * freed with the process, so that an idle process does not carry it. Its
 * bytes count as process memory (proc/pmem.h). */
typedef struct ProcRare {
    RecvMarker markers[PROC_MARKERS];
    const void *trap_export;        /* proc_trap: the function (Export *) to go on in */
    Term trap_args[PROC_TRAP_ARGS]; /* and its arguments, until the call copies them */
    unsigned monitor_nodes; /* process_flag(monitor_nodes) subscriptions (a node that is never distributed) */
    struct SavedCalls *saved_calls; /* process_flag(save_calls, N) (proc/saved_calls.h); NULL: off */
    bool sensitive; /* process_flag(sensitive): process_info hides its messages and dictionary */
} ProcRare;

/* Fields are grouped by size (words, then 32-bit, then bytes), so that the
 * block of an idle process has no padding to speak of. */
typedef struct ProcState {
    pthread_mutex_t lock;
    Message *inbox, **inbox_tail; /* (lock) signals not yet seen by the receiver */
    void *recv_timer;             /* (owner) its entry in the timer wheel (time/timer.c) */

    Message *msgq, **msgq_tail, **save; /* (owner) the message queue and receive position */
    size_t msgq_len;
    struct ProcLinks *links; /* (owner) NULL until the first link or monitor */
    ProcRare *rare;          /* (owner) NULL until first needed: proc_rare() */

    uint64_t slice_end;      /* the call that reaches this reduction count yields */
    Term reg_name;           /* registered name or NIL; guarded by the registry's lock */
    Term exit_reason;        /* while exiting */
    Term init_mod, init_fun; /* atoms */
    size_t fullsweep_after;
    size_t max_heap_size; /* words, 0: no limit */

    /* The generational collector's state (owner; see gc/gc.h). The old
     * generation is a block of its own, NULL until something is promoted. */
    Term *old_heap, *old_htop, *old_hend;
    Term *high_water; /* young terms below it survived a collection; NULL: none */

    struct Process *run_next; /* run queue link */
    const void *retry_export; /* the BIF (Export *) to call again when resumed */
    void *io_job;             /* (owner) the dirty I/O job of the current BIF call (io/dirty_io.h) */

    uint32_t suspend_count;       /* (lock) suspensions in effect (sched/sched.h) */
    uint32_t recv_seq;            /* (lock) number of the receive timer armed now */
    unsigned init_arity;
    uint32_t minor_gcs;           /* minor collections since the last full sweep */
    _Atomic int refc;             /* the process table's reference plus temporary ones */
    int sched_index;              /* the scheduler whose queue it last joined */
    _Atomic uint32_t exit_hooks;  /* ProcExitHook bits: subsystems to tell when it ends (proc/pexit.h) */

    uint8_t status;       /* (lock) ProcStatus */
    bool closed;          /* (lock) exiting: no more signals are taken */
    bool held, deferred;  /* (lock) an inspector holds it; it was due to run */
    bool woken;           /* (lock) runnable because signals came while it waited */
    bool timeout_fired;   /* (lock) the receive timer with recv_seq fired */
    bool timer_armed;     /* (owner) */
    _Atomic bool trap_exit; /* read by senders deciding is_process_alive */
    uint8_t priority;     /* ProcPriority */
    bool max_heap_kill, max_heap_log; /* the limit's kill and error_logger flags */
    bool system_process;  /* erts_internal:is_system_process/1 */
    bool crashed;         /* ended by an error or throw: its end is reported (proc/pexit.c) */
    bool off_heap_messages; /* process_flag(message_queue_data): recorded; messages stay where they are */
    bool ets_super_user;  /* (owner) may read and write every ETS table, as erts_internal:ets_super_user/1 */
    bool gc_full_wanted;  /* garbage_collect/0 asked for a full sweep */
    bool scheduled;       /* runs on the schedulers (not a bare proc_new process) */
    bool io_waiting;      /* (owner) the BIF returned to wait for io_job, not to yield */
    bool io_ready;        /* (lock) io_job finished: the process is to run again */
    bool hibernating;     /* (owner) hibernate/3 trapped: drop the stack, wait for a message */
} ProcState;

#endif
