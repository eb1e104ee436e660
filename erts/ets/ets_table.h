/* ets_table.h — an ETS table: its options, its owner, its lock and its
 * objects; the registry of live tables (tids and named tables); and taking a
 * table for an operation with OTP's access rules.
 *
 * A table is a resource (term/resource.h): its tid is a magic reference to it,
 * so a tid held by any process keeps the table's memory valid even after
 * ets:delete, which only marks it dead and empties it. Every operation takes
 * the table's read/write lock: there is no global lock on the data path, and a
 * reader never sees an object half inserted. */
#ifndef EMBER_ETS_TABLE_H
#define EMBER_ETS_TABLE_H

#include <pthread.h>
#include <stdalign.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "ets/ets_object.h"
#include "proc/process.h"
#include "term/term.h"

typedef enum EtsType { ETS_SET, ETS_ORDERED_SET, ETS_BAG, ETS_DUPLICATE_BAG } EtsType;
typedef enum EtsProtection { ETS_PRIVATE, ETS_PROTECTED, ETS_PUBLIC } EtsProtection;

/* One process's safe_fixtable count. */
typedef struct EtsFix {
    struct EtsFix *next;
    Term pid;
    long count;
} EtsFix;

/* With write_concurrency, a hash table's single-key operations run under its
 * lock held for reading plus the spinlock of the key's stripe; a bucket
 * always falls in one stripe because both counts are powers of two. Anything
 * else on such a table takes the lock for writing. */
#define ETS_STRIPES 64
typedef struct EtsStripe {
    alignas(64) atomic_bool busy;
} EtsStripe;

typedef struct EtsTable {
    pthread_rwlock_t lock;
    struct EtsTable *prev_live, *next_live; /* registry list, under its lock */
    struct EtsTable *next_named;            /* name hash chain, under its lock */
    uint64_t number;                        /* the tid's reference number */
    Term name;                              /* atom */
    bool named, dead;
    bool striped;   /* hash table with write_concurrency: see EtsStripe */
    bool exclusive; /* the lock is held for writing (set by its holder) */
    EtsStripe *stripes;
    EtsType type;
    EtsProtection protection;
    unsigned keypos;
    bool read_concurrency, write_concurrency, write_auto, decentralized_counters, compressed;
    _Atomic Term owner;
    Term heir;               /* pid or ATOM_none */
    EtsObject *heir_data;    /* {HeirData} copied, or NULL */
    EtsFix *fixes;
    int64_t fix_time_ns;     /* monotonic time of the first fixation */
    _Atomic size_t count;    /* objects */
    _Atomic size_t object_bytes;
    union {
        struct { EtsObject **buckets; size_t nbuckets; } hash;
        struct { EtsObject *root; struct EtsTreeWalk *walk; } tree;
    } store;
} EtsTable;

static inline bool ets_is_hash(const EtsTable *t) { return t->type != ETS_ORDERED_SET; }
static inline bool ets_is_bag(const EtsTable *t) { return t->type == ETS_BAG || t->type == ETS_DUPLICATE_BAG; }
static inline bool ets_is_fixed(const EtsTable *t) { return t->fixes != NULL; }

/* Why an operation refused: OTP's error_info causes. */
typedef enum EtsError {
    ETS_OK,
    ETS_BADARG,        /* plain badarg */
    ETS_ERR_ID,        /* no such table */
    ETS_ERR_ACCESS,    /* the protection forbids it */
    ETS_ERR_BADKEY,
    ETS_ERR_KEYPOS,
    ETS_ERR_TYPE,
    ETS_ERR_OWNER,
    ETS_ERR_ALREADY_EXISTS,
    ETS_ERR_NOT_OWNER,      /* only the owner may: cause access */
    ETS_ERR_POSITION,
    ETS_ERR_TABLE_TYPE,
} EtsError;

/* Raises badarg with the error_info map OTP attaches to ETS errors. */
Term ets_raise(Process *p, EtsError e);
/* The same, for a BIF of another module (module: its errors module atom). */
Term ets_raise_from(Process *p, EtsError e, Term module);

typedef enum EtsLockKind { ETS_READ, ETS_WRITE } EtsLockKind;

/* The table named or referred to by id, locked for kind after the access
 * check for p; NULL with *err set otherwise. Release it with ets_release. */
EtsTable *ets_acquire(Process *p, Term id, EtsLockKind kind, EtsError *err);
void ets_release(EtsTable *t);
/* For an operation on one key: as ets_acquire, but a striped table is held
 * for reading with the key's stripe locked (*stripe, NULL otherwise). */
EtsTable *ets_acquire_key(Process *p, Term id, EtsLockKind kind, Term key, EtsStripe **stripe, EtsError *err);
void ets_release_key(EtsTable *t, EtsStripe *stripe);
/* As ets_acquire without the protection check (info/1,2 read any table). */
EtsTable *ets_acquire_any(Term id, EtsLockKind kind);

/* A new, empty, unregistered table owned by p (options already checked). */
EtsTable *ets_table_create(Process *p, Term name, bool named);
/* Registers t: false when t is named and the name is taken. */
bool ets_registry_add(EtsTable *t);
/* Locked t (write): empties it, marks it dead, drops it from the registry,
 * unlocks it and lets go of the registry's hold on it. */
void ets_table_destroy(EtsTable *t);
/* Renames a named table; false when the new name is taken. Caller holds t. */
bool ets_registry_rename(EtsTable *t, Term name);
/* The tid term of t on p's heap. */
Term ets_tid_term(Process *p, EtsTable *t);
/* What ets:new returns and 'ETS-TRANSFER' carries: the name or the tid. */
Term ets_id_term(Process *p, EtsTable *t);
/* A list of the ids of every live table, on p's heap. */
Term ets_registry_all(Process *p);
/* Bytes held by every table (erlang:memory(ets)). */
size_t ets_total_bytes(void);
size_t ets_table_bytes(const EtsTable *t);

/* Frees every object and resets the store (t locked for writing). */
void ets_table_clear(EtsTable *t);

/* False when `to` is not alive; otherwise moves ownership to it and sends {'ETS-TRANSFER', Id, From, Data}. */
bool ets_transfer(Process *from, EtsTable *t, Term to, Term data);

void ets_init(void);

#endif
