/* map.c — map operations over both representations: flat maps (sorted keys,
 * binary search, copy on update) here, the trie in hamt.c. A result crosses
 * between the two exactly where OTP's does: above MAP_SMALL_LIMIT keys a map
 * is a trie, at or below it a flat map. */
#include "term/map.h"

#include <stdlib.h>

#include "term/compare.h"
#include "term/hamt.h"

UInt map_size(Term m) { return term_is_flatmap(m) ? flatmap_size(m) : hamt_size(m); }

/* Index of key in a flat map, or -(insertion point) - 1. */
static long flat_find_immed(Term m, Term key);

static long flat_find(Term m, Term key)
{
    if (term_is_immed(key)) {
        long i = flat_find_immed(m, key);
        if (i >= 0) return i;
    }
    const Term *keys = flatmap_keys(m);
    long lo = 0, hi = (long)flatmap_size(m) - 1;
    while (lo <= hi) {
        long mid = (lo + hi) / 2;
        if (keys[mid] == key) return mid;
        int c = term_compare_exact(keys[mid], key);
        if (c == 0) return mid;
        if (c < 0) lo = mid + 1;
        else hi = mid - 1;
    }
    return -lo - 1;
}

/* Index of an immediate key in a flat map, or -1. Immediates are equal exactly
 * when their words are, and a scan of at most MAP_SMALL_LIMIT words is cheaper
 * than a binary search whose every probe orders atoms by their text. */
static long flat_find_immed(Term m, Term key)
{
    const Term *keys = flatmap_keys(m);
    for (UInt i = 0, n = flatmap_size(m); i < n; i++)
        if (keys[i] == key) return (long)i;
    return -1;
}

const Term *map_get(Term m, Term key)
{
    if (term_is_flatmap(m)) {
        long i = term_is_immed(key) ? flat_find_immed(m, key) : flat_find(m, key);
        return i >= 0 ? &flatmap_values(m)[i] : NULL;
    }
    return hamt_get(m, key);
}

/* A flat map over n sorted, distinct keys (the keys tuple shared if given). */
static Term flat_make(Process *p, const Term *keys, const Term *values, size_t n, Term keys_tuple)
{
    Term *m = proc_alloc(p, 2 + n);
    if (keys_tuple == TERM_NONE) {
        Term *t = proc_alloc(p, 1 + n);
        t[0] = header_make(HDR_TUPLE, n);
        for (size_t i = 0; i < n; i++) t[1 + i] = keys[i];
        keys_tuple = term_make_boxed(t);
    }
    m[0] = header_make(HDR_MAP, n + 1);
    m[1] = keys_tuple;
    for (size_t i = 0; i < n; i++) m[2 + i] = values[i];
    return term_make_boxed(m);
}

/* ---- building from pairs --------------------------------------------------------- */

typedef struct {
    Term key, value;
} Pair;

/* A stable insertion sort by key: at most MAP_SMALL_LIMIT pairs, often
 * already in order (the compiler's literal keys), where qsort's merge sort
 * costs more in setup than in comparisons. */
static void sort_pairs(Pair *pairs, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        Pair x = pairs[i];
        size_t j = i;
        for (; j > 0 && term_compare_exact(pairs[j - 1].key, x.key) > 0; j--) pairs[j] = pairs[j - 1];
        pairs[j] = x;
    }
}

/* Sorts pairs by key, keeping the last of equal keys; builds a flat map. */
static Term flat_from_pairs(Process *p, Pair *pairs, size_t n)
{
    sort_pairs(pairs, n);
    Term keys[MAP_SMALL_LIMIT], values[MAP_SMALL_LIMIT];
    size_t out = 0;
    for (size_t i = 0; i < n; i++) {
        if (i + 1 < n && term_eq_exact(pairs[i].key, pairs[i + 1].key)) continue;
        keys[out] = pairs[i].key;
        values[out++] = pairs[i].value;
    }
    return flat_make(p, keys, values, out, TERM_NONE);
}

static Term from_items(Process *p, HamtItem *items, size_t n)
{
    n = hamt_prepare(items, n);
    if (n > MAP_SMALL_LIMIT) return hamt_build(p, items, n, NULL, NULL);
    Pair pairs[MAP_SMALL_LIMIT];
    for (size_t i = 0; i < n; i++) pairs[i] = (Pair){items[i].key, items[i].value};
    return flat_from_pairs(p, pairs, n);
}

Term map_from_pairs(Process *p, const Term *keys, const Term *values, size_t n)
{
    if (n <= MAP_SMALL_LIMIT) {
        Pair pairs[MAP_SMALL_LIMIT];
        for (size_t i = 0; i < n; i++) pairs[i] = (Pair){keys[i], values[i]};
        return flat_from_pairs(p, pairs, n);
    }
    HamtItem *items = malloc(n * sizeof *items);
    if (!items) abort();
    for (size_t i = 0; i < n; i++) items[i] = (HamtItem){.key = keys[i], .value = values[i], .seq = i, .leaf = TERM_NONE};
    Term m = from_items(p, items, n);
    free(items);
    return m;
}

/* ---- single updates -------------------------------------------------------------- */

static Term flat_put(Process *p, Term m, Term key, Term value, bool only_update)
{
    long i = flat_find(m, key);
    UInt n = flatmap_size(m);
    const Term *keys = flatmap_keys(m), *values = flatmap_values(m);
    if (i >= 0) {
        if (values[i] == value) return m;
        Term *r = proc_alloc(p, 2 + n);
        r[0] = header_make(HDR_MAP, n + 1);
        r[1] = flatmap_keys_tuple(m);
        for (UInt j = 0; j < n; j++) r[2 + j] = values[j];
        r[2 + i] = value;
        return term_make_boxed(r);
    }
    if (only_update) return TERM_NONE;
    size_t at = (size_t)(-i - 1);
    if (n < MAP_SMALL_LIMIT) {
        Term nk[MAP_SMALL_LIMIT], nv[MAP_SMALL_LIMIT];
        for (size_t j = 0, o = 0; j <= n; j++) {
            if (j == at) nk[j] = key, nv[j] = value;
            else nk[j] = keys[o], nv[j] = values[o], o++;
        }
        return flat_make(p, nk, nv, n + 1, TERM_NONE);
    }
    HamtItem items[MAP_SMALL_LIMIT + 1];
    for (UInt j = 0; j < n; j++) items[j] = (HamtItem){.key = keys[j], .value = values[j], .seq = j, .leaf = TERM_NONE};
    items[n] = (HamtItem){.key = key, .value = value, .seq = n, .leaf = TERM_NONE};
    return from_items(p, items, n + 1);
}

Term map_put(Process *p, Term m, Term key, Term value)
{
    return term_is_flatmap(m) ? flat_put(p, m, key, value, false) : hamt_put(p, m, key, value, false);
}

Term map_update(Process *p, Term m, Term key, Term value)
{
    return term_is_flatmap(m) ? flat_put(p, m, key, value, true) : hamt_put(p, m, key, value, true);
}

Term map_remove(Process *p, Term m, Term key)
{
    if (!term_is_flatmap(m)) return hamt_remove(p, m, key);
    long i = flat_find(m, key);
    if (i < 0) return m;
    UInt n = flatmap_size(m);
    Term nk[MAP_SMALL_LIMIT], nv[MAP_SMALL_LIMIT];
    for (UInt j = 0, o = 0; j < n; j++)
        if ((long)j != i) nk[o] = flatmap_keys(m)[j], nv[o] = flatmap_values(m)[j], o++;
    return flat_make(p, nk, nv, n - 1, TERM_NONE);
}

/* ---- several pairs at once --------------------------------------------------------- */

/* All pairs of m, then the n given ones, as one array (caller frees). */
static Term *gather(Term m, const Term *keys, const Term *values, size_t n, size_t *total)
{
    UInt size = map_size(m);
    Term *kv = malloc((size + n) * 2 * sizeof *kv + 1);
    if (!kv) abort();
    Term *ks = kv, *vs = kv + size + n;
    MapIter it;
    size_t k = 0;
    map_iter_init(&it, m);
    while (map_iter_next(&it, &ks[k], &vs[k])) k++;
    map_iter_free(&it);
    for (size_t i = 0; i < n; i++) ks[k + i] = keys[i], vs[k + i] = values[i];
    *total = k + n;
    return kv;
}

/* Updates of at most MAP_SMALL_LIMIT keys a flat map already has: a copy of
 * its values sharing its keys tuple, as OTP's. TERM_NONE, with the first
 * absent key. */
static Term flat_update_many(Process *p, Term m, const Term *keys, const Term *values, size_t n, Term *missing)
{
    long at[MAP_SMALL_LIMIT];
    for (size_t i = 0; i < n; i++) {
        if ((at[i] = flat_find(m, keys[i])) < 0) {
            *missing = keys[i];
            return TERM_NONE;
        }
    }
    UInt size = flatmap_size(m);
    Term *r = proc_alloc(p, 2 + size);
    r[0] = header_make(HDR_MAP, size + 1);
    r[1] = flatmap_keys_tuple(m);
    for (UInt j = 0; j < size; j++) r[2 + j] = flatmap_values(m)[j];
    for (size_t i = 0; i < n; i++) r[2 + at[i]] = values[i]; /* the last of equal keys wins */
    return term_make_boxed(r);
}

Term map_put_many(Process *p, Term m, const Term *keys, const Term *values, size_t n, bool exact, Term *missing)
{
    if (n > 1 && n <= MAP_SMALL_LIMIT && term_is_flatmap(m)) {
        Term absent;
        Term r = flat_update_many(p, m, keys, values, n, &absent);
        if (r != TERM_NONE) return r;
        if (exact) {
            *missing = absent;
            return TERM_NONE;
        }
    }
    if (exact && (n == 1 || !term_is_flatmap(m))) {
        /* one walk per key: an update fails on an absent key */
        for (size_t i = 0; i < n; i++) {
            Term r = map_update(p, m, keys[i], values[i]);
            if (r == TERM_NONE) {
                *missing = keys[i];
                return TERM_NONE;
            }
            m = r;
        }
        return m;
    }
    for (size_t i = 0; exact && i < n; i++) {
        if (!map_get(m, keys[i])) {
            *missing = keys[i];
            return TERM_NONE;
        }
    }
    if (n == 1 || !term_is_flatmap(m)) {
        for (size_t i = 0; i < n; i++) m = map_put(p, m, keys[i], values[i]);
        return m;
    }
    size_t total;
    Term *kv = gather(m, keys, values, n, &total);
    Term r = map_from_pairs(p, kv, kv + total, total);
    free(kv);
    return r;
}

Term map_merge(Process *p, Term a, Term b)
{
    if (map_size(b) == 0) return a;
    if (map_size(a) == 0) return b;
    if (!term_is_flatmap(a) && map_size(b) < map_size(a) / 8) {
        MapIter it;
        Term k, v;
        map_iter_init(&it, b);
        while (map_iter_next(&it, &k, &v)) a = hamt_put(p, a, k, v, false);
        map_iter_free(&it);
        return a;
    }
    size_t nb = map_size(b), total;
    Term *bkv = malloc(2 * nb * sizeof *bkv + 1);
    if (!bkv) abort();
    MapIter it;
    size_t k = 0;
    map_iter_init(&it, b);
    while (map_iter_next(&it, &bkv[k], &bkv[nb + k])) k++;
    map_iter_free(&it);
    Term *kv = gather(a, bkv, bkv + nb, nb, &total);
    Term r = map_from_pairs(p, kv, kv + total, total);
    free(kv);
    free(bkv);
    return r;
}

/* ---- walking ----------------------------------------------------------------------- */

static void push_level(MapIter *it, Term node)
{
    if (it->depth == it->cap) {
        it->cap = it->cap ? it->cap * 2 : 16;
        it->levels = realloc(it->levels, it->cap * sizeof *it->levels);
        if (!it->levels) abort();
    }
    it->levels[it->depth++] = (struct MapIterLevel){hamt_children(node), hamt_nchildren(node), 0};
}

void map_iter_init(MapIter *it, Term m)
{
    *it = (MapIter){.map = m};
    if (!term_is_flatmap(m)) push_level(it, m);
}

bool map_iter_next(MapIter *it, Term *key, Term *value)
{
    if (term_is_flatmap(it->map)) {
        if (it->flat_index >= flatmap_size(it->map)) return false;
        *key = flatmap_keys(it->map)[it->flat_index];
        *value = flatmap_values(it->map)[it->flat_index++];
        return true;
    }
    while (it->depth) {
        struct MapIterLevel *l = &it->levels[it->depth - 1];
        if (l->next == l->n) {
            it->depth--;
            continue;
        }
        Term c = l->children[l->next++];
        if (term_is_list(c)) {
            *key = term_head(c);
            *value = term_tail(c);
            return true;
        }
        push_level(it, c);
    }
    return false;
}

void map_iter_free(MapIter *it) { free(it->levels); }

enum { LIST_PAIRS, LIST_KEYS, LIST_VALUES };

static Term list_item(Process *p, int what, Term k, Term v)
{
    if (what == LIST_KEYS) return k;
    if (what == LIST_VALUES) return v;
    Term *t = proc_alloc(p, 3);
    t[0] = header_make(HDR_TUPLE, 2);
    t[1] = k, t[2] = v;
    return term_make_boxed(t);
}

static Term to_list(Process *p, Term m, int what)
{
    Term list = TERM_NIL;
    if (term_is_flatmap(m)) {
        for (UInt i = flatmap_size(m); i-- > 0;)
            list = term_cons(proc_alloc(p, 2), list_item(p, what, flatmap_keys(m)[i], flatmap_values(m)[i]), list);
        return list;
    }
    /* consing in walk order gives OTP's order, the walk reversed */
    MapIter it;
    Term k, v;
    map_iter_init(&it, m);
    while (map_iter_next(&it, &k, &v)) list = term_cons(proc_alloc(p, 2), list_item(p, what, k, v), list);
    map_iter_free(&it);
    return list;
}

Term map_to_list(Process *p, Term m) { return to_list(p, m, LIST_PAIRS); }
Term map_keys(Process *p, Term m) { return to_list(p, m, LIST_KEYS); }
Term map_values(Process *p, Term m) { return to_list(p, m, LIST_VALUES); }

static int compare_kv(const void *x, const void *y)
{
    return term_compare_exact(((const Term *)x)[0], ((const Term *)y)[0]);
}

Term *map_sorted_pairs(Term m, UInt *n)
{
    UInt size = map_size(m);
    Term *kv = malloc(2 * size * sizeof *kv + 1), *out = malloc(2 * size * sizeof *out + 1);
    if (!kv || !out) abort();
    MapIter it;
    size_t k = 0;
    map_iter_init(&it, m);
    while (map_iter_next(&it, &kv[2 * k], &kv[2 * k + 1])) k++;
    map_iter_free(&it);
    if (!term_is_flatmap(m)) qsort(kv, k, 2 * sizeof *kv, compare_kv);
    for (size_t i = 0; i < k; i++) out[i] = kv[2 * i], out[k + i] = kv[2 * i + 1];
    free(kv);
    *n = k;
    return out;
}

/* ---- binary_to_term ----------------------------------------------------------------- */

/* Nodes take 3 words per node plus one per leaf; OTP's tries average about
 * 0.35 nodes per key, so one node per key leaves a wide margin. */
size_t map_decode_area_words(size_t n) { return 4 * n + 2 + 16; }

bool map_decode_finish(Term *leaves, size_t n, Term *area)
{
    HamtItem *items = malloc(n * sizeof *items);
    if (!items) abort();
    for (size_t i = 0; i < n; i++) {
        Term leaf = term_make_list(&leaves[2 * i]);
        items[i] = (HamtItem){.key = leaves[2 * i], .value = leaves[2 * i + 1], .seq = i, .leaf = leaf};
    }
    size_t distinct = hamt_prepare(items, n);
    size_t head_words = 2 + 16, left = map_decode_area_words(n) - head_words;
    Term head = distinct == n ? hamt_build(NULL, items, n, area + head_words, &left) : TERM_NONE;
    free(items);
    if (head == TERM_NONE) return false;
    /* the head moves to the front of the area, where the map term points;
     * the words it leaves behind become a filler object */
    Term *hp = term_boxed_ptr(head);
    size_t words = 1 + header_arity(hp[0]);
    for (size_t i = 0; i < words; i++) area[i] = hp[i];
    if (head_words > words) area[words] = header_make(HDR_POS_BIG, head_words - words - 1);
    hp[0] = header_make(HDR_POS_BIG, words - 1);
    Term *end = area + map_decode_area_words(n), *used_end = end - left;
    if (used_end < end) *used_end = header_make(HDR_POS_BIG, (UInt)(end - used_end - 1));
    return true;
}
