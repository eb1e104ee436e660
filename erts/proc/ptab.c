/* ptab.c — the process table. Slots are guarded by striped mutexes: a lookup
 * takes its reference under the stripe lock, and removal clears the slot under
 * the same lock before dropping the table's reference, so a process is never
 * freed while a lookup is reading it. */
#include "proc/ptab.h"

#include <stdlib.h>

#include "term/boxed.h"

#define STRIPES 64
#define DEFAULT_LIMIT 262144u
#define MIN_LIMIT 1024u
/* OTP's pid data: 15 bits of number and 13 of serial. */
#define PID_DATA_BITS 28

static Process **slots;
static unsigned size, mask;
static pthread_mutex_t stripes[STRIPES];
static pthread_mutex_t alloc_lock = PTHREAD_MUTEX_INITIALIZER;
static uint64_t next_data; /* guarded by alloc_lock */
static _Atomic unsigned count;

void ptab_init(unsigned limit)
{
    if (limit == 0) limit = DEFAULT_LIMIT;
    if (limit < MIN_LIMIT) limit = MIN_LIMIT;
    size = 1;
    while (size < limit) size <<= 1;
    mask = size - 1;
    slots = calloc(size, sizeof *slots);
    if (!slots) abort();
    for (int i = 0; i < STRIPES; i++) pthread_mutex_init(&stripes[i], NULL);
}

unsigned ptab_limit(void) { return size; }
unsigned ptab_count(void) { return atomic_load(&count); }

static pthread_mutex_t *stripe_of(unsigned slot) { return &stripes[slot % STRIPES]; }

bool ptab_insert(Process *p)
{
    pthread_mutex_lock(&alloc_lock);
    if (atomic_load(&count) >= size) {
        pthread_mutex_unlock(&alloc_lock);
        return false;
    }
    for (;;) {
        uint64_t data = next_data;
        next_data = (next_data + 1) & ((UINT64_C(1) << PID_DATA_BITS) - 1);
        unsigned slot = (unsigned)(data & mask);
        pthread_mutex_t *m = stripe_of(slot);
        pthread_mutex_lock(m);
        if (!slots[slot]) {
            p->pid = term_make_pid(data);
            atomic_store(&p->st.refc, 1);
            slots[slot] = p;
            atomic_fetch_add(&count, 1);
            pthread_mutex_unlock(m);
            break;
        }
        pthread_mutex_unlock(m);
    }
    pthread_mutex_unlock(&alloc_lock);
    return true;
}

void ptab_remove(Process *p)
{
    unsigned slot = (unsigned)(term_pid_number(p->pid) & mask);
    pthread_mutex_t *m = stripe_of(slot);
    pthread_mutex_lock(m);
    if (slots[slot] == p) {
        slots[slot] = NULL;
        atomic_fetch_sub(&count, 1);
    }
    pthread_mutex_unlock(m);
    proc_release(p);
}

Process *ptab_get(Term pid)
{
    if (!term_is_local_pid(pid) || !slots) return NULL;
    unsigned slot = (unsigned)(term_pid_number(pid) & mask);
    pthread_mutex_t *m = stripe_of(slot);
    pthread_mutex_lock(m);
    Process *p = slots[slot];
    if (p && p->pid == pid) atomic_fetch_add(&p->st.refc, 1);
    else p = NULL;
    pthread_mutex_unlock(m);
    return p;
}

void proc_release(Process *p)
{
    if (atomic_fetch_sub(&p->st.refc, 1) == 1) proc_free(p);
}

/* Pids order by serial, then number: collect, then sort. */
static int cmp_pid(const void *a, const void *b)
{
    Term x = *(const Term *)a, y = *(const Term *)b;
    return (x > y) - (x < y);
}

void ptab_foreach(void (*fn)(Term pid, void *ctx), void *ctx)
{
    size_t n = 0, cap = atomic_load(&count) + 16;
    Term *pids = malloc(cap * sizeof *pids);
    if (!pids) abort();
    for (unsigned s = 0; s < STRIPES; s++) {
        pthread_mutex_lock(&stripes[s]);
        for (unsigned i = s; i < size; i += STRIPES) {
            if (!slots[i]) continue;
            if (n == cap) {
                cap *= 2;
                pids = realloc(pids, cap * sizeof *pids);
                if (!pids) abort();
            }
            pids[n++] = slots[i]->pid;
        }
        pthread_mutex_unlock(&stripes[s]);
    }
    qsort(pids, n, sizeof *pids, cmp_pid);
    for (size_t i = 0; i < n; i++) fn(pids[i], ctx);
    free(pids);
}
