/* ets_info.c — what ets:info/2 tells about a table's storage: the off-heap
 * binaries its objects hold (binary) and the hash chains (stats), and the
 * erts_internal helpers that go with them. */
#include <math.h>

#include "bif/bif.h"
#include "bif/bif_util.h"
#include "ets/ets_store.h"
#include "gc/offheap.h"
#include "term/binary.h"
#include "bif/numbers_int.h"
#include "term/map.h"

static Term uint_term(Process *p, uint64_t v) { return num_int_from_i128(p, (__int128)v); }
/* OTP computes these statistics in single precision; so do we. */
static Term float_term(Process *p, double d) { return term_make_float(proc_alloc(p, FLOAT_WORDS), (double)(float)d); }

/* {Address, Size, Refc} for each refc binary of o, consed onto acc. */
static Term binaries_of(Process *p, const EtsObject *o, Term acc)
{
    for (const Term *obj = o->offheap.first; obj; obj = offheap_next(obj)) {
        if (header_tag(obj[0]) != HDR_REFC_BIN) continue;
        const Binary *b = (const Binary *)(uintptr_t)obj[2];
        Term *e;
        Term info = bif_alloc_tuple(p, 3, &e);
        e[0] = uint_term(p, (uint64_t)(uintptr_t)b);
        e[1] = uint_term(p, obj[1]);
        e[2] = uint_term(p, atomic_load_explicit(&b->refc, memory_order_relaxed));
        acc = term_cons(proc_alloc(p, 2), info, acc);
    }
    return acc;
}

typedef struct BinaryWalk {
    Process *p;
    Term acc;
} BinaryWalk;

static int visit_binaries(void *ctx, const EtsObject *o)
{
    BinaryWalk *w = ctx;
    w->acc = binaries_of(w->p, o, w->acc);
    return ETS_VISIT_NEXT;
}

Term ets_info_binary(Process *p, EtsTable *t)
{
    BinaryWalk w = {p, TERM_NIL};
    EtsCursor c = {0};
    ets_store_scan(t, &c, false, visit_binaries, &w);
    return w.acc;
}

/* {Buckets, MeanChain, ChainStdDev, ExpectedStdDev, MinChain, MaxChain,
 * KeptDeleted, Locks} of a hash table (false for ordered_set), as OTP. */
Term ets_info_stats(Process *p, EtsTable *t)
{
    if (!ets_is_hash(t)) return ATOM_false;
    size_t n = t->store.hash.nbuckets, min = SIZE_MAX, max = 0;
    double sum = 0, sq = 0;
    for (size_t i = 0; i < n; i++) {
        size_t len = 0;
        for (const EtsObject *o = t->store.hash.buckets[i]; o; o = o->link[0]) len++;
        if (len < min) min = len;
        if (len > max) max = len;
        sum += (double)len;
        sq += (double)len * (double)len;
    }
    double mean = sum / (double)n, q = 1.0 / (double)n;
    Term *e;
    Term r = bif_alloc_tuple(p, 8, &e);
    e[0] = uint_term(p, n);
    e[1] = float_term(p, mean);
    e[2] = float_term(p, sqrt(fmax(0.0, sq / (double)n - mean * mean)));
    e[3] = float_term(p, sqrt(sum * q * (1.0 - q)));
    e[4] = uint_term(p, min);
    e[5] = uint_term(p, max);
    e[6] = term_make_small(0); /* deletions are never kept for a fixed table */
    e[7] = term_make_small(t->striped ? ETS_STRIPES : 1);
    return r;
}

/* erts_internal:ets_lookup_binary_info(Tab, Key): binary info of Key's objects. */
Term bif_erts_internal_ets_lookup_binary_info_2(Process *p, const Term *args)
{
    EtsError err;
    EtsTable *t = ets_acquire(p, args[0], ETS_READ, &err);
    if (!t) return ets_raise_from(p, err, ATOM_erl_erts_errors);
    Term acc = TERM_NIL;
    for (const EtsObject *o = ets_store_lookup(t, args[1]); o; o = ets_store_next_same(t, o))
        acc = binaries_of(p, o, acc);
    ets_release(t);
    return acc;
}

/* erts_internal:ets_super_user(Bool): the caller may then use every table. */
Term bif_erts_internal_ets_super_user_1(Process *p, const Term *args)
{
    if (args[0] != ATOM_true && args[0] != ATOM_false) {
        proc_badarg(p);
        Term k = ATOM_module, v = ATOM_erl_erts_errors;
        p->ferror_info = map_from_pairs(p, &k, &v, 1);
        return TERM_NONE;
    }
    p->st.ets_super_user = args[0] == ATOM_true;
    return ATOM_ok;
}
