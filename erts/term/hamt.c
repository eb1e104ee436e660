/* hamt.c — lookup, persistent insert and delete, and bulk building of the
 * hash array mapped trie (layout in map.h). Every operation keeps the trie
 * canonical, as OTP does: a new leaf goes as high as its hash prefix allows,
 * and a delete that leaves a node with one leaf pulls that leaf up. Depth is
 * bounded by the hash (8 levels per 32-bit hash), so recursion stays shallow. */
#include "term/hamt.h"

#include <stdio.h>
#include <stdlib.h>

#include "term/compare.h"

/* Levels beyond this would need two distinct keys equal in 4096 hash bits. */
#define HAMT_MAX_LEVEL 1024

static inline unsigned nibble(uint32_t h, unsigned lvl) { return (h >> (4 * (lvl & 7))) & 15; }
static inline unsigned slot_of(unsigned bitmap, unsigned bit) { return (unsigned)__builtin_popcount(bitmap & (bit - 1)); }

/* The hash nibbles, lowest first, read as one number: sorting by it puts keys
 * in the order the trie walks them. */
static uint32_t walk_order(uint32_t h)
{
    uint32_t r = 0;
    for (int i = 0; i < 8; i++, h >>= 4) r = (r << 4) | (h & 15);
    return r;
}

static bool key_eq(Term a, Term b) { return a == b || term_eq_exact(a, b); }

static void too_deep(void)
{
    fprintf(stderr, "ember: internal error: map keys collide in every hash level\n");
    abort();
}

/* Where nodes come from: the process heap, or a reserved area. */
typedef struct Alloc {
    Process *p;
    Term *area;
    size_t left;
    bool overflow;
} Alloc;

static Term *take(Alloc *a, size_t n)
{
    if (!a->area) return proc_alloc(a->p, n);
    if (n > a->left) {
        a->overflow = true;
        return NULL;
    }
    Term *m = a->area;
    a->area += n;
    a->left -= n;
    return m;
}

static Term make_leaf(Alloc *a, Term key, Term value)
{
    Term *cell = take(a, 2);
    return cell ? term_cons(cell, key, value) : TERM_NONE;
}

/* A node (head when size > 0) with the given children. */
static Term make_node(Alloc *a, unsigned bitmap, const Term *kids, unsigned n, UInt size)
{
    Term *m = take(a, 2 + n);
    if (!m) return TERM_NONE;
    m[0] = header_make(HDR_HASHMAP, 1 + n);
    m[1] = bitmap | (size ? HAMT_HEAD_FLAG | (size << HAMT_SIZE_SHIFT) : 0);
    for (unsigned i = 0; i < n; i++) m[2 + i] = kids[i];
    return term_make_boxed(m);
}

/* A copy of node with slot i replaced (or removed when child is TERM_NONE,
 * or inserted before slot i at nibble `bit` when insert is set). */
static Term edit_node(Alloc *a, Term node, unsigned i, Term child, unsigned bit, bool insert, UInt size)
{
    Term kids[16];
    unsigned n = hamt_nchildren(node), bitmap = hamt_bitmap(node), k = 0;
    const Term *old = hamt_children(node);
    for (unsigned j = 0; j < n; j++) {
        if (j == i) {
            if (insert) {
                kids[k++] = child;
                kids[k++] = old[j];
            } else if (child != TERM_NONE) {
                kids[k++] = child;
            }
        } else {
            kids[k++] = old[j];
        }
    }
    if (insert && i == n) kids[k++] = child;
    if (insert) bitmap |= bit;
    else if (child == TERM_NONE) bitmap &= ~bit;
    return make_node(a, bitmap, kids, k, size);
}

/* ---- lookup ---------------------------------------------------------------- */

const Term *hamt_get(Term node, Term key)
{
    uint32_t h = map_key_hash(key, 0);
    for (unsigned lvl = 0;;) {
        unsigned bit = 1u << nibble(h, lvl), bitmap = hamt_bitmap(node);
        if (!(bitmap & bit)) return NULL;
        Term c = hamt_children(node)[slot_of(bitmap, bit)];
        if (term_is_list(c)) return key_eq(term_head(c), key) ? &term_list_ptr(c)[1] : NULL;
        node = c;
        if ((++lvl & 7) == 0) h = map_key_hash(key, lvl >> 3);
    }
}

/* ---- insert ------------------------------------------------------------------- */

/* The smallest subtree at level lvl holding two leaves whose keys differ;
 * h1 and h2 are their hashes at depth lvl / 8. */
static Term make_two(Alloc *a, Term l1, uint32_t h1, Term l2, uint32_t h2, unsigned lvl)
{
    if (lvl > HAMT_MAX_LEVEL) too_deep();
    unsigned b1 = nibble(h1, lvl), b2 = nibble(h2, lvl);
    if (b1 == b2) {
        unsigned next = lvl + 1;
        if ((next & 7) == 0) {
            h1 = map_key_hash(term_head(l1), next >> 3);
            h2 = map_key_hash(term_head(l2), next >> 3);
        }
        Term child = make_two(a, l1, h1, l2, h2, next);
        return make_node(a, 1u << b1, &child, 1, 0);
    }
    Term kids[2] = {b1 < b2 ? l1 : l2, b1 < b2 ? l2 : l1};
    return make_node(a, (1u << b1) | (1u << b2), kids, 2, 0);
}

typedef struct Insert {
    Term key, value;
    bool only_update; /* fail instead of adding a key */
    bool grew;
} Insert;

/* node with the pair inserted; node itself when nothing changes; TERM_NONE
 * when only_update finds no key. */
static Term insert(Alloc *a, Term node, Insert *ins, uint32_t h, unsigned lvl, UInt size)
{
    unsigned bit = 1u << nibble(h, lvl), bitmap = hamt_bitmap(node);
    unsigned i = slot_of(bitmap, bit);
    if (!(bitmap & bit)) {
        if (ins->only_update) return TERM_NONE;
        ins->grew = true;
        return edit_node(a, node, i, make_leaf(a, ins->key, ins->value), bit, true, size ? size + 1 : 0);
    }
    Term c = hamt_children(node)[i], child;
    unsigned next = lvl + 1;
    if (term_is_list(c)) {
        if (key_eq(term_head(c), ins->key)) {
            if (term_tail(c) == ins->value) return node;
            child = make_leaf(a, term_head(c), ins->value);
        } else {
            if (ins->only_update) return TERM_NONE;
            ins->grew = true;
            uint32_t hn = (next & 7) == 0 ? map_key_hash(ins->key, next >> 3) : h;
            uint32_t ho = map_key_hash(term_head(c), next >> 3);
            child = make_two(a, make_leaf(a, ins->key, ins->value), hn, c, ho, next);
        }
    } else {
        uint32_t hn = (next & 7) == 0 ? map_key_hash(ins->key, next >> 3) : h;
        child = insert(a, c, ins, hn, next, 0);
        if (child == TERM_NONE || child == c) return child == c ? node : TERM_NONE;
    }
    return edit_node(a, node, i, child, bit, false, size ? size + ins->grew : 0);
}

Term hamt_put(Process *p, Term head, Term key, Term value, bool only_update)
{
    Alloc a = {.p = p};
    Insert ins = {.key = key, .value = value, .only_update = only_update};
    return insert(&a, head, &ins, map_key_hash(key, 0), 0, hamt_size(head));
}

/* ---- delete ------------------------------------------------------------------- */

#define NOT_FOUND TERM_NONE
#define EMPTIED ((Term)TAG_IMMED2_CATCH) /* the slot goes away (never a child) */

/* node without key: a new node, a lone leaf to pull up, or NOT_FOUND. */
static Term delete(Alloc *a, Term node, Term key, uint32_t h, unsigned lvl, UInt size)
{
    unsigned bit = 1u << nibble(h, lvl), bitmap = hamt_bitmap(node);
    if (!(bitmap & bit)) return NOT_FOUND;
    unsigned i = slot_of(bitmap, bit), n = hamt_nchildren(node);
    Term c = hamt_children(node)[i], child;
    if (term_is_list(c)) {
        if (!key_eq(term_head(c), key)) return NOT_FOUND;
        child = EMPTIED;
    } else {
        unsigned next = lvl + 1;
        uint32_t hn = (next & 7) == 0 ? map_key_hash(key, next >> 3) : h;
        child = delete(a, c, key, hn, next, 0);
        if (child == NOT_FOUND) return NOT_FOUND;
    }
    if (!size) {
        /* an inner node left with a single leaf gives that leaf to its parent */
        if (child == EMPTIED && n == 2 && term_is_list(hamt_children(node)[1 - i])) return hamt_children(node)[1 - i];
        if (child != EMPTIED && n == 1 && term_is_list(child)) return child;
    }
    return edit_node(a, node, i, child == EMPTIED ? TERM_NONE : child, bit, false, size ? size - 1 : 0);
}

static int compare_pairs_by_key(const void *x, const void *y)
{
    return term_compare_exact(((const Term *)x)[0], ((const Term *)y)[0]);
}

Term hamt_remove(Process *p, Term head, Term key)
{
    if (hamt_size(head) > MAP_SMALL_LIMIT + 1) {
        Alloc a = {.p = p};
        Term r = delete(&a, head, key, map_key_hash(key, 0), 0, hamt_size(head));
        return r == NOT_FOUND ? head : r;
    }
    /* dropping to MAP_SMALL_LIMIT keys: the result is a flat map */
    if (!hamt_get(head, key)) return head;
    Term pairs[2 * (MAP_SMALL_LIMIT + 1)];
    size_t n = 0;
    MapIter it;
    Term k, v;
    map_iter_init(&it, head);
    while (map_iter_next(&it, &k, &v))
        if (!key_eq(k, key)) pairs[2 * n] = k, pairs[2 * n + 1] = v, n++;
    map_iter_free(&it);
    qsort(pairs, n, 2 * sizeof(Term), compare_pairs_by_key);
    Term *keys = proc_alloc(p, 1 + n), *m = proc_alloc(p, 2 + n);
    keys[0] = header_make(HDR_TUPLE, n);
    m[0] = header_make(HDR_MAP, n + 1);
    m[1] = term_make_boxed(keys);
    for (size_t j = 0; j < n; j++) keys[1 + j] = pairs[2 * j], m[2 + j] = pairs[2 * j + 1];
    return term_make_boxed(m);
}

/* ---- bulk building -------------------------------------------------------------- */

static int compare_items(const void *x, const void *y)
{
    const HamtItem *a = x, *b = y;
    if (a->order != b->order) return a->order < b->order ? -1 : 1;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static void sort_at_depth(HamtItem *items, size_t n, unsigned depth)
{
    for (size_t i = 0; i < n; i++) {
        items[i].hash = map_key_hash(items[i].key, depth);
        items[i].order = walk_order(items[i].hash);
    }
    qsort(items, n, sizeof *items, compare_items);
}

size_t hamt_prepare(HamtItem *items, size_t n)
{
    sort_at_depth(items, n, 0);
    size_t out = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i + 1;
        while (j < n && items[j].order == items[i].order) j++;
        /* within a run of equal hashes keep the last of each key */
        for (size_t x = i; x < j; x++) {
            bool later = false;
            for (size_t y = x + 1; y < j && !later; y++) later = key_eq(items[x].key, items[y].key);
            if (!later) items[out++] = items[x];
        }
        i = j;
    }
    return out;
}

static Term item_leaf(Alloc *a, const HamtItem *it)
{
    return it->leaf != TERM_NONE ? it->leaf : make_leaf(a, it->key, it->value);
}

/* The subtree at level lvl over items sorted in walk order (n >= 2). */
static Term build_node(Alloc *a, HamtItem *items, size_t n, unsigned lvl, UInt size)
{
    if (lvl > HAMT_MAX_LEVEL) too_deep();
    Term kids[16];
    unsigned bitmap = 0, k = 0;
    for (size_t i = 0; i < n;) {
        unsigned b = nibble(items[i].hash, lvl);
        size_t j = i + 1;
        while (j < n && nibble(items[j].hash, lvl) == b) j++;
        Term child;
        if (j - i == 1) {
            child = item_leaf(a, &items[i]);
        } else {
            if (((lvl + 1) & 7) == 0) sort_at_depth(items + i, j - i, (lvl + 1) >> 3);
            child = build_node(a, items + i, j - i, lvl + 1, 0);
        }
        if (child == TERM_NONE) return TERM_NONE;
        bitmap |= 1u << b;
        kids[k++] = child;
        i = j;
    }
    return make_node(a, bitmap, kids, k, size);
}

Term hamt_build(Process *p, HamtItem *items, size_t n, Term *area, size_t *area_left)
{
    Alloc a = {.p = p, .area = area, .left = area_left ? *area_left : 0};
    Term head = build_node(&a, items, n, 0, n);
    if (a.overflow) return TERM_NONE;
    if (area_left) *area_left = a.left;
    return head;
}
