/* registry.c — the name table: chained hashing on the atom index. */
#include "proc/registry.h"

#include <stdlib.h>

#include "proc/ptab.h"

#define BUCKETS 1024

typedef struct RegEntry {
    struct RegEntry *next;
    Term name, pid;
} RegEntry;

static RegEntry *buckets[BUCKETS];
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static RegEntry **slot_of(Term name)
{
    RegEntry **e = &buckets[term_atom_index(name) % BUCKETS];
    while (*e && (*e)->name != name) e = &(*e)->next;
    return e;
}

RegResult registry_register(Term name, Term pid)
{
    Process *q = ptab_get(pid);
    if (!q) return REG_NOT_ALIVE;
    RegResult r = REG_OK;
    pthread_mutex_lock(&lock);
    pthread_mutex_lock(&q->st.lock);
    bool closed = q->st.closed;
    pthread_mutex_unlock(&q->st.lock);
    RegEntry **e = slot_of(name);
    if (closed) r = REG_NOT_ALIVE;
    else if (*e) r = REG_NAME_TAKEN;
    else if (q->st.reg_name != TERM_NIL) r = REG_PID_HAS_NAME;
    else {
        RegEntry *n = malloc(sizeof *n);
        if (!n) abort();
        n->next = NULL, n->name = name, n->pid = pid;
        *e = n;
        q->st.reg_name = name;
    }
    pthread_mutex_unlock(&lock);
    proc_release(q);
    return r;
}

static void remove_locked(RegEntry **e)
{
    RegEntry *n = *e;
    *e = n->next;
    Process *q = ptab_get(n->pid);
    if (q) {
        q->st.reg_name = TERM_NIL;
        proc_release(q);
    }
    free(n);
}

bool registry_unregister(Term name)
{
    pthread_mutex_lock(&lock);
    RegEntry **e = slot_of(name);
    bool found = *e != NULL;
    if (found) remove_locked(e);
    pthread_mutex_unlock(&lock);
    return found;
}

Term registry_whereis(Term name)
{
    pthread_mutex_lock(&lock);
    RegEntry *e = *slot_of(name);
    Term pid = e ? e->pid : TERM_NONE;
    pthread_mutex_unlock(&lock);
    return pid;
}

Term registry_name_of(Process *p)
{
    pthread_mutex_lock(&lock);
    Term name = p->st.reg_name;
    pthread_mutex_unlock(&lock);
    return name;
}

Term registry_names(Process *p)
{
    pthread_mutex_lock(&lock);
    size_t n = 0;
    for (int b = 0; b < BUCKETS; b++)
        for (RegEntry *e = buckets[b]; e; e = e->next) n++;
    Term *cells = proc_alloc(p, 2 * n);
    Term list = TERM_NIL;
    for (int b = 0; b < BUCKETS; b++)
        for (RegEntry *e = buckets[b]; e; e = e->next, cells += 2) list = term_cons(cells, e->name, list);
    pthread_mutex_unlock(&lock);
    return list;
}

void registry_unregister_pid(Process *p)
{
    pthread_mutex_lock(&lock);
    if (p->st.reg_name != TERM_NIL) {
        RegEntry **e = slot_of(p->st.reg_name);
        if (*e) {
            RegEntry *n = *e;
            *e = n->next;
            free(n);
        }
        p->st.reg_name = TERM_NIL;
    }
    pthread_mutex_unlock(&lock);
}
