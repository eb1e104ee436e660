/* ets_table.c — the registry of live tables, taking a table for an operation,
 * creating and destroying tables, ownership and its transfer, and the end of
 * an owner (the table goes to its heir or dies with it). */
#include "ets/ets_table.h"

#include <sched.h>
#include <stdlib.h>

#include "bif/bif_util.h"
#include "ets/ets_store.h"
#include "proc/pexit.h"
#include "proc/ptab.h"
#include "proc/signal.h"
#include "term/map.h"
#include "term/phash.h"
#include "term/resource.h"
#include "time/timer.h"

#define NAME_BUCKETS 1024

static pthread_rwlock_t registry_lock = PTHREAD_RWLOCK_INITIALIZER;
static EtsTable *live;                     /* every live table */
static EtsTable *named[NAME_BUCKETS];      /* named tables by atom index */

static void destroy_table(void *data)
{
    EtsTable *t = data;
    pthread_rwlock_destroy(&t->lock);
    free(t->stripes);
}
static const ResourceType ets_table_type = {"ets_table", destroy_table};

static EtsTable **name_bucket(Term name) { return &named[term_atom_index(name) % NAME_BUCKETS]; }

static EtsTable *find_named(Term name)
{
    for (EtsTable *t = *name_bucket(name); t; t = t->next_named)
        if (t->name == name) return t;
    return NULL;
}

/* The table id names, held once for the caller; NULL when there is none. */
static EtsTable *hold(Term id)
{
    if (term_is_atom(id)) {
        pthread_rwlock_rdlock(&registry_lock);
        EtsTable *t = find_named(id);
        if (t) resource_keep(t);
        pthread_rwlock_unlock(&registry_lock);
        return t;
    }
    EtsTable *t = resource_from_term(id, &ets_table_type);
    if (t) resource_keep(t);
    return t;
}

static void lock(EtsTable *t, EtsLockKind kind)
{
    /* whole-table readers of a striped table exclude its striped writers */
    if (kind == ETS_WRITE || t->striped) {
        pthread_rwlock_wrlock(&t->lock);
        t->exclusive = true;
    } else {
        pthread_rwlock_rdlock(&t->lock);
    }
}

static void unlock(EtsTable *t)
{
    /* only the writer clears the flag: readers share the lock, and a store by
     * each of them would race with the others' loads */
    if (t->exclusive) t->exclusive = false;
    pthread_rwlock_unlock(&t->lock);
}

void ets_release(EtsTable *t)
{
    if (t->exclusive && t->striped) ets_hash_maybe_grow(t);
    unlock(t);
    resource_release(t);
}

static void stripe_lock(EtsStripe *s)
{
    unsigned spins = 0;
    while (atomic_exchange_explicit(&s->busy, true, memory_order_acquire)) {
        while (atomic_load_explicit(&s->busy, memory_order_relaxed))
            if (++spins % 1024 == 0) sched_yield();
    }
}

static void stripe_unlock(EtsStripe *s) { atomic_store_explicit(&s->busy, false, memory_order_release); }

/* Checks what ets_acquire checks, on a table locked by the caller. */
static EtsError check_access(Process *p, EtsTable *t, EtsLockKind kind)
{
    if (t->dead) return ETS_ERR_ID;
    if (t->protection != ETS_PUBLIC && atomic_load(&t->owner) != p->pid && !p->st.ets_super_user &&
        (t->protection == ETS_PRIVATE || kind == ETS_WRITE))
        return ETS_ERR_ACCESS;
    return ETS_OK;
}

EtsTable *ets_acquire_key(Process *p, Term id, EtsLockKind kind, Term key, EtsStripe **stripe, EtsError *err)
{
    *stripe = NULL;
    if (!term_is_atom(id) && !term_is_ref(id)) {
        *err = ETS_ERR_TYPE;
        return NULL;
    }
    if (term_is_ref(id) && !resource_from_term(id, &ets_table_type)) {
        *err = ETS_ERR_TYPE;
        return NULL;
    }
    EtsTable *t = hold(id);
    if (!t) {
        *err = ETS_ERR_ID;
        return NULL;
    }
    if (!t->striped) {
        lock(t, kind);
    } else {
        pthread_rwlock_rdlock(&t->lock);
        *stripe = &t->stripes[term_make_hash2(key) & (ETS_STRIPES - 1)];
        stripe_lock(*stripe);
    }
    *err = check_access(p, t, kind);
    if (*err != ETS_OK) {
        ets_release_key(t, *stripe);
        return NULL;
    }
    return t;
}

void ets_release_key(EtsTable *t, EtsStripe *stripe)
{
    if (!stripe) {
        ets_release(t);
        return;
    }
    stripe_unlock(stripe);
    bool crowded = !t->dead && t->count > t->store.hash.nbuckets;
    pthread_rwlock_unlock(&t->lock);
    if (crowded) {
        lock(t, ETS_WRITE);
        ets_release(t);
    } else {
        resource_release(t);
    }
}

EtsTable *ets_acquire_any(Term id, EtsLockKind kind)
{
    EtsTable *t = hold(id);
    if (!t) return NULL;
    lock(t, kind);
    if (t->dead) {
        unlock(t);
        resource_release(t);
        return NULL;
    }
    return t;
}

EtsTable *ets_acquire(Process *p, Term id, EtsLockKind kind, EtsError *err)
{
    if (!term_is_atom(id) && !term_is_ref(id)) {
        *err = ETS_ERR_TYPE;
        return NULL;
    }
    if (term_is_ref(id) && !resource_from_term(id, &ets_table_type)) {
        *err = ETS_ERR_TYPE;
        return NULL;
    }
    EtsTable *t = ets_acquire_any(id, kind);
    if (!t) {
        *err = ETS_ERR_ID;
        return NULL;
    }
    *err = check_access(p, t, kind);
    if (*err != ETS_OK) {
        ets_release(t);
        return NULL;
    }
    return t;
}

Term ets_raise(Process *p, EtsError e) { return ets_raise_from(p, e, ATOM_erl_stdlib_errors); }

Term ets_raise_from(Process *p, EtsError e, Term module)
{
    static const char *const causes[] = {
        [ETS_ERR_ID] = "id",         [ETS_ERR_ACCESS] = "access", [ETS_ERR_BADKEY] = "badkey",
        [ETS_ERR_KEYPOS] = "keypos", [ETS_ERR_TYPE] = "type",     [ETS_ERR_OWNER] = "owner",
        [ETS_ERR_ALREADY_EXISTS] = "already_exists", [ETS_ERR_NOT_OWNER] = "access",
        [ETS_ERR_POSITION] = "position", [ETS_ERR_TABLE_TYPE] = "table_type",
    };
    Term keys[2], values[2];
    size_t n = 0;
    if (e > ETS_BADARG) {
        keys[n] = ATOM_cause;
        values[n++] = atom_from_cstr(causes[e]);
    }
    keys[n] = ATOM_module;
    values[n++] = module;
    proc_badarg(p);
    p->ferror_info = map_from_pairs(p, keys, values, n);
    return TERM_NONE;
}

EtsTable *ets_table_create(Process *p, Term name, bool is_named)
{
    EtsTable *t = resource_alloc(&ets_table_type, sizeof *t);
    if (!t) return NULL;
    pthread_rwlock_init(&t->lock, NULL);
    t->number = resource_of(t)->number;
    t->name = name;
    t->named = is_named;
    t->owner = p->pid;
    t->heir = ATOM_none;
    t->keypos = 1;
    t->protection = ETS_PROTECTED;
    return t;
}

bool ets_registry_add(EtsTable *t)
{
    if (ets_is_hash(t) && t->write_concurrency) {
        t->stripes = calloc(ETS_STRIPES, sizeof *t->stripes);
        if (!t->stripes) abort();
        t->striped = true;
    }
    if (ets_is_hash(t)) ets_hash_init(t);
    else ets_tree_init(t);
    pthread_rwlock_wrlock(&registry_lock);
    if (t->named) {
        if (find_named(t->name)) {
            pthread_rwlock_unlock(&registry_lock);
            return false;
        }
        t->next_named = *name_bucket(t->name);
        *name_bucket(t->name) = t;
    }
    t->prev_live = NULL;
    t->next_live = live;
    if (live) live->prev_live = t;
    live = t;
    pthread_rwlock_unlock(&registry_lock);
    return true;
}

static void unlink_name(EtsTable *t)
{
    for (EtsTable **at = name_bucket(t->name); *at; at = &(*at)->next_named)
        if (*at == t) {
            *at = t->next_named;
            return;
        }
}

bool ets_registry_rename(EtsTable *t, Term name)
{
    pthread_rwlock_wrlock(&registry_lock);
    bool ok = t->named ? !find_named(name) || find_named(name) == t : true;
    if (ok) {
        if (t->named) unlink_name(t);
        t->name = name;
        if (t->named) {
            t->next_named = *name_bucket(name);
            *name_bucket(name) = t;
        }
    }
    pthread_rwlock_unlock(&registry_lock);
    return ok;
}

void ets_table_clear(EtsTable *t)
{
    if (ets_is_hash(t)) ets_hash_clear(t);
    else ets_tree_clear(t);
}

static void free_fixes(EtsTable *t)
{
    while (t->fixes) {
        EtsFix *f = t->fixes;
        t->fixes = f->next;
        free(f);
    }
}

void ets_table_destroy(EtsTable *t)
{
    t->dead = true;
    ets_table_clear(t);
    ets_object_free(t->heir_data);
    t->heir_data = NULL;
    free_fixes(t);
    unlock(t);
    pthread_rwlock_wrlock(&registry_lock);
    if (t->named) unlink_name(t);
    if (t->prev_live) t->prev_live->next_live = t->next_live;
    else live = t->next_live;
    if (t->next_live) t->next_live->prev_live = t->prev_live;
    pthread_rwlock_unlock(&registry_lock);
    resource_release(t); /* the registry's hold, from resource_alloc */
    resource_release(t); /* the caller's, from ets_acquire */
}

Term ets_tid_term(Process *p, EtsTable *t) { return resource_make_term(p, t); }
Term ets_id_term(Process *p, EtsTable *t) { return t->named ? t->name : ets_tid_term(p, t); }

Term ets_registry_all(Process *p)
{
    pthread_rwlock_rdlock(&registry_lock);
    Term list = TERM_NIL;
    for (EtsTable *t = live; t; t = t->next_live) {
        Term *cell = proc_alloc(p, 2);
        list = term_cons(cell, ets_id_term(p, t), list);
    }
    pthread_rwlock_unlock(&registry_lock);
    return list;
}

size_t ets_table_bytes(const EtsTable *t)
{
    size_t store = ets_is_hash(t) ? t->store.hash.nbuckets * sizeof(EtsObject *) : 0;
    return sizeof(Resource) + sizeof *t + store + t->object_bytes;
}

size_t ets_total_bytes(void)
{
    size_t bytes = 0;
    pthread_rwlock_rdlock(&registry_lock);
    for (EtsTable *t = live; t; t = t->next_live) bytes += ets_table_bytes(t);
    pthread_rwlock_unlock(&registry_lock);
    return bytes;
}

/* Makes pid the owner; false when it is not a live local process. */
static bool set_owner(EtsTable *t, Term pid)
{
    Process *q = ptab_get(pid);
    if (!q) return false;
    proc_exit_hook_arm(q, EXIT_HOOK_ETS);
    proc_release(q);
    atomic_store(&t->owner, pid);
    return true;
}

bool ets_transfer(Process *from, EtsTable *t, Term to, Term data)
{
    if (!set_owner(t, to)) return false;
    Term *e;
    Term msg = bif_alloc_tuple(from, 4, &e);
    e[0] = ATOM_ETS_TRANSFER;
    e[1] = ets_id_term(from, t);
    e[2] = from->pid;
    e[3] = data;
    sig_send(to, msg_copy_of(msg, SIG_MSG, from->pid));
    return true;
}

/* Every live table, each held once; the caller releases them. */
static EtsTable **hold_all(size_t *n)
{
    pthread_rwlock_rdlock(&registry_lock);
    size_t count = 0;
    for (EtsTable *t = live; t; t = t->next_live) count++;
    EtsTable **all = malloc((count ? count : 1) * sizeof *all);
    if (!all) abort();
    count = 0;
    for (EtsTable *t = live; t; t = t->next_live) {
        resource_keep(t);
        all[count++] = t;
    }
    pthread_rwlock_unlock(&registry_lock);
    *n = count;
    return all;
}

static void drop_fixes_of(EtsTable *t, Term pid)
{
    for (EtsFix **at = &t->fixes; *at;) {
        if ((*at)->pid == pid) {
            EtsFix *f = *at;
            *at = f->next;
            free(f);
        } else {
            at = &(*at)->next;
        }
    }
}

/* The tables p owns go to their heirs or die with it; its fixations end. */
static void owner_exited(Process *p, Term reason)
{
    (void)reason;
    size_t n;
    EtsTable **all = hold_all(&n);
    for (size_t i = 0; i < n; i++) {
        EtsTable *t = all[i];
        lock(t, ETS_WRITE);
        if (!t->dead) drop_fixes_of(t, p->pid);
        if (t->dead || atomic_load(&t->owner) != p->pid) {
            ets_release(t);
            continue;
        }
        Term data = t->heir_data ? term_tuple_element(t->heir_data->tuple, 1) : ATOM_undefined;
        if (t->heir != ATOM_none && t->heir != p->pid && ets_transfer(p, t, t->heir, data)) {
            ets_release(t);
            continue;
        }
        ets_table_destroy(t);
    }
    free(all);
}

void ets_init(void) { proc_exit_hook_register(EXIT_HOOK_ETS, owner_exited); }
