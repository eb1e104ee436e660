/* atomics.c — OTP 25's atomics module (new/2, put/3, get/2, add/3,
 * add_get/3, sub/3, sub_get/3, exchange/3, compare_exchange/4, info/1) and
 * the erts_internal counters_* functions behind counters' write_concurrency
 * counters. Both are arrays of 64-bit words updated with C11 atomics, held
 * by a magic reference. Values wrap around modulo 2^64; a signed array reads
 * them as two's complement. Ranges follow OTP: an increment may be anything
 * from -2^63 to 2^64-1, a stored value must fit the array. Each call costs
 * one reduction. */
#include "bif/bif.h"

#include <stdatomic.h>

#include "atom/atom.h"
#include "bif/bif_util.h"
#include "bif/numbers_int.h"
#include "term/map.h"
#include "term/resource.h"

typedef struct AtomicArray {
    size_t size;
    bool is_signed;
    _Atomic uint64_t words[];
} AtomicArray;

static const ResourceType atomics_type = {"atomics", NULL};
static const ResourceType counters_type = {"counters", NULL};

/* What OTP reports as an array's memory: its words and a fixed header. */
enum { ATOMICS_HEADER_BYTES = 40 };

#define I64_MIN (-((__int128)1 << 63))
#define I64_MAX (((__int128)1 << 63) - 1)
#define U64_MAX (((__int128)1 << 64) - 1)

static Term new_array(Process *p, const ResourceType *type, Term arity, bool is_signed)
{
    if (!term_is_small(arity) || term_small_value(arity) < 1) return proc_badarg(p);
    size_t n = (size_t)term_small_value(arity);
    if (n > (SIZE_MAX - sizeof(AtomicArray)) / sizeof(uint64_t)) return proc_error(p, ATOM_system_limit);
    AtomicArray *a = resource_alloc(type, sizeof *a + n * sizeof(uint64_t));
    if (!a) return proc_error(p, ATOM_system_limit);
    a->size = n;
    a->is_signed = is_signed;
    Term ref = resource_make_term(p, a);
    resource_release(a); /* the term holds it now */
    return ref;
}

/* The word at a 1-based index of the array a term refers to; NULL (badarg
 * raised) for a bad reference or index. */
static _Atomic uint64_t *word_at(Process *p, const ResourceType *type, Term ref, Term ix, AtomicArray **array)
{
    AtomicArray *a = resource_from_term(ref, type);
    if (!a || !term_is_small(ix) || term_small_value(ix) < 1 || (size_t)term_small_value(ix) > a->size) {
        proc_badarg(p);
        return NULL;
    }
    *array = a;
    return &a->words[term_small_value(ix) - 1];
}

/* An integer within [lo, hi], as the 64-bit pattern it stores. */
static bool in_range(Term t, __int128 lo, __int128 hi, uint64_t *bits)
{
    __int128 v;
    if (!num_int_to_i128(t, &v) || v < lo || v > hi) return false;
    *bits = (uint64_t)v;
    return true;
}

static bool value_fits(const AtomicArray *a, Term t, uint64_t *bits)
{
    return a->is_signed ? in_range(t, I64_MIN, I64_MAX, bits) : in_range(t, 0, U64_MAX, bits);
}

static Term read_value(Process *p, const AtomicArray *a, uint64_t bits)
{
    return num_int_from_i128(p, a->is_signed ? (__int128)(int64_t)bits : (__int128)bits);
}

/* ---- atomics ------------------------------------------------------------ */

/* Options: {signed, boolean()}, the last one counts; signed by default. */
Term bif_atomics_new_2(Process *p, const Term *args)
{
    bool is_signed = true;
    Term o = args[1];
    for (; term_is_list(o); o = term_tail(o)) {
        Term opt = term_head(o);
        if (!term_is_tuple(opt) || term_tuple_arity(opt) != 2 || term_tuple_element(opt, 1) != ATOM_signed ||
            (term_tuple_element(opt, 2) != ATOM_true && term_tuple_element(opt, 2) != ATOM_false))
            return proc_badarg(p);
        is_signed = term_tuple_element(opt, 2) == ATOM_true;
    }
    if (!term_is_nil(o)) return proc_badarg(p);
    return new_array(p, &atomics_type, args[0], is_signed);
}

/* get, put and add of both kinds of array: (Ref, Ix[, Value]). */
static Term get_word(Process *p, const ResourceType *type, const Term *args)
{
    AtomicArray *a;
    _Atomic uint64_t *w = word_at(p, type, args[0], args[1], &a);
    return w ? read_value(p, a, atomic_load(w)) : TERM_NONE;
}

static Term put_word(Process *p, const ResourceType *type, const Term *args)
{
    AtomicArray *a;
    uint64_t v;
    _Atomic uint64_t *w = word_at(p, type, args[0], args[1], &a);
    if (!w) return TERM_NONE;
    if (!value_fits(a, args[2], &v)) return proc_badarg(p);
    atomic_store(w, v);
    return ATOM_ok;
}

/* add and sub: the new value when `get`, else ok. sub takes what add's
 * negation accepts. */
static Term add(Process *p, const ResourceType *type, const Term *args, bool negate, bool get)
{
    AtomicArray *a;
    uint64_t d;
    _Atomic uint64_t *w = word_at(p, type, args[0], args[1], &a);
    if (!w) return TERM_NONE;
    bool ok = negate ? in_range(args[2], -U64_MAX, -I64_MIN, &d) : in_range(args[2], I64_MIN, U64_MAX, &d);
    if (!ok) return proc_badarg(p);
    if (negate) d = (uint64_t)0 - d;
    uint64_t old = atomic_fetch_add(w, d);
    return get ? read_value(p, a, old + d) : ATOM_ok;
}

Term bif_atomics_get_2(Process *p, const Term *args) { return get_word(p, &atomics_type, args); }
Term bif_atomics_put_3(Process *p, const Term *args) { return put_word(p, &atomics_type, args); }
Term bif_atomics_add_3(Process *p, const Term *args) { return add(p, &atomics_type, args, false, false); }
Term bif_atomics_add_get_3(Process *p, const Term *args) { return add(p, &atomics_type, args, false, true); }
Term bif_atomics_sub_3(Process *p, const Term *args) { return add(p, &atomics_type, args, true, false); }
Term bif_atomics_sub_get_3(Process *p, const Term *args) { return add(p, &atomics_type, args, true, true); }

Term bif_atomics_exchange_3(Process *p, const Term *args)
{
    AtomicArray *a;
    uint64_t v;
    _Atomic uint64_t *w = word_at(p, &atomics_type, args[0], args[1], &a);
    if (!w) return TERM_NONE;
    if (!value_fits(a, args[2], &v)) return proc_badarg(p);
    return read_value(p, a, atomic_exchange(w, v));
}

/* ok when the word held Expected (and now holds Desired), else its value. */
Term bif_atomics_compare_exchange_4(Process *p, const Term *args)
{
    AtomicArray *a;
    uint64_t expected, desired;
    _Atomic uint64_t *w = word_at(p, &atomics_type, args[0], args[1], &a);
    if (!w) return TERM_NONE;
    if (!value_fits(a, args[2], &expected) || !value_fits(a, args[3], &desired)) return proc_badarg(p);
    if (atomic_compare_exchange_strong(w, &expected, desired)) return ATOM_ok;
    return read_value(p, a, expected);
}

static Term info_map(Process *p, const AtomicArray *a, bool with_range)
{
    Term keys[4], values[4];
    size_t n = 0;
    if (with_range) {
        keys[n] = ATOM_max, values[n++] = num_int_from_i128(p, a->is_signed ? I64_MAX : U64_MAX);
        keys[n] = ATOM_min, values[n++] = num_int_from_i128(p, a->is_signed ? I64_MIN : 0);
    }
    keys[n] = ATOM_memory, values[n++] = term_make_small((SInt)(ATOMICS_HEADER_BYTES + a->size * sizeof(uint64_t)));
    keys[n] = ATOM_size, values[n++] = term_make_small((SInt)a->size);
    return map_from_pairs(p, keys, values, n);
}

Term bif_atomics_info_1(Process *p, const Term *args)
{
    AtomicArray *a = resource_from_term(args[0], &atomics_type);
    return a ? info_map(p, a, true) : proc_badarg(p);
}

/* ---- erts_internal counters (write_concurrency) ------------------------ */

Term bif_erts_internal_counters_new_1(Process *p, const Term *args)
{
    return new_array(p, &counters_type, args[0], true);
}

Term bif_erts_internal_counters_get_2(Process *p, const Term *args) { return get_word(p, &counters_type, args); }
Term bif_erts_internal_counters_put_3(Process *p, const Term *args) { return put_word(p, &counters_type, args); }
Term bif_erts_internal_counters_add_3(Process *p, const Term *args)
{
    return add(p, &counters_type, args, false, false);
}

Term bif_erts_internal_counters_info_1(Process *p, const Term *args)
{
    AtomicArray *a = resource_from_term(args[0], &counters_type);
    return a ? info_map(p, a, false) : proc_badarg(p);
}
