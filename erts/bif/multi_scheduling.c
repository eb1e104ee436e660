/* multi_scheduling.c — system_flag(multi_scheduling, block | unblock |
 * block_normal | unblock_normal). While any process holds a block, only
 * scheduler 1 runs processes (sched_set_single). Each process counts its
 * blocks and must undo each; a process that ends undoes its own. Ember has
 * no dirty CPU schedulers, so blocking normal schedulers only (block_normal)
 * stops the same threads as a full block, and is reported apart as on OTP.
 * A block returns once the other schedulers are parked and the caller runs on
 * scheduler 1 (the BIF is retried until then). One reduction a call. */
#include "bif/multi_scheduling.h"

#include <pthread.h>
#include <stdlib.h>

#include "atom/atom.h"
#include "bif/bif_util.h"
#include "emu/receive.h"
#include "proc/pexit.h"
#include "sched/sched.h"

typedef struct Blocker {
    Term pid;
    unsigned full, normal; /* blocks held */
    bool settling;         /* its last block waits for the others to park */
} Blocker;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static Blocker *blockers; /* (lock) */
static size_t nblockers, capblockers;

/* (lock held) */
static Blocker *find(Term pid)
{
    for (size_t i = 0; i < nblockers; i++)
        if (blockers[i].pid == pid) return &blockers[i];
    return NULL;
}

static size_t count_of(bool normal)
{
    size_t n = 0;
    for (size_t i = 0; i < nblockers; i++) n += normal ? blockers[i].normal > 0 : blockers[i].full > 0;
    return n;
}

/* (lock held) */
static Term state_locked(void)
{
    if (count_of(false)) return ATOM_blocked;
    return count_of(true) ? ATOM_blocked_normal : ATOM_enabled;
}

/* Drops empty entries and sets the schedulers for what is left (lock held). */
static void settle_locked(void)
{
    size_t kept = 0;
    for (size_t i = 0; i < nblockers; i++)
        if (blockers[i].full || blockers[i].normal) blockers[kept++] = blockers[i];
    nblockers = kept;
    sched_set_single(nblockers > 0);
}

static void blocker_exited(Process *p, Term reason)
{
    (void)reason;
    pthread_mutex_lock(&lock);
    Blocker *b = find(p->pid);
    if (b) b->full = b->normal = 0, settle_locked();
    pthread_mutex_unlock(&lock);
}

Term multi_scheduling_flag(Process *p, Term how)
{
    bool block = how == ATOM_block || how == ATOM_block_normal;
    bool normal = how == ATOM_block_normal || how == ATOM_unblock_normal;
    if (!block && how != ATOM_unblock && how != ATOM_unblock_normal) return proc_badarg(p);
    pthread_mutex_lock(&lock);
    Blocker *b = find(p->pid);
    if (block && !(b && b->settling)) {
        if (!b) {
            if (nblockers == capblockers) {
                size_t cap = capblockers ? 2 * capblockers : 4;
                Blocker *grown = realloc(blockers, cap * sizeof *grown);
                if (!grown) {
                    pthread_mutex_unlock(&lock);
                    return proc_error(p, ATOM_system_limit);
                }
                blockers = grown, capblockers = cap;
            }
            b = &blockers[nblockers++];
            *b = (Blocker){p->pid, 0, 0, false};
            proc_exit_hook_register(EXIT_HOOK_MULTI_SCHEDULING, blocker_exited);
            proc_exit_hook_arm(p, EXIT_HOOK_MULTI_SCHEDULING);
        }
        if (normal) b->normal++;
        else b->full++;
        b->settling = true;
        settle_locked();
        b = find(p->pid);
    } else if (!block && b) {
        unsigned *held = normal ? &b->normal : &b->full;
        if (*held) --*held;
        settle_locked();
        b = NULL;
    }
    if (b && b->settling) {
        if (!sched_single_settled()) {
            pthread_mutex_unlock(&lock);
            return proc_retry(p); /* called again from scheduler 1, once the others are parked */
        }
        b->settling = false;
    }
    Term state = state_locked();
    pthread_mutex_unlock(&lock);
    return state;
}

Term multi_scheduling_state(void)
{
    pthread_mutex_lock(&lock);
    Term state = state_locked();
    pthread_mutex_unlock(&lock);
    return state;
}

Term multi_scheduling_blockers(Process *p, bool normal)
{
    pthread_mutex_lock(&lock);
    Term list = TERM_NIL;
    for (size_t i = nblockers; i-- > 0;)
        if (normal ? blockers[i].normal : blockers[i].full) list = term_cons(proc_alloc(p, 2), blockers[i].pid, list);
    pthread_mutex_unlock(&lock);
    return list;
}
