/* maps_iter.c — map iterators: maps:iterator/1, maps:next/1 and
 * erts_internal:map_next/3, which OTP's maps module builds fold, map, filter
 * and to_list on. A path names the next leaf of a HAMT as child positions,
 * four bits per level from the root up, exactly as OTP encodes it, so that
 * iterators can be printed and passed between the two runtimes. */
#include "bif/bif.h"

#include <stdlib.h>
#include <string.h>

#include "atom/atom.h"
#include "bif/bif_util.h"
#include "term/map.h"

/* Pairs handed out per call past the first; OTP ties it to the reductions
 * left (about a thousand in a fresh slice), which is not observable. */
#define MAP_NEXT_BATCH 1000
#define PATH_BITS 4
#define LEVELS_PER_DIGIT 16

typedef struct {
    const Term *children;
    unsigned n, next; /* next: the next child to visit */
} Level;

typedef struct {
    Level *items;
    size_t len, cap;
} LevelStack;

static void push(LevelStack *s, const Term *children, unsigned n, unsigned next)
{
    if (s->len == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 16;
        s->items = realloc(s->items, s->cap * sizeof *s->items);
        if (!s->items) abort();
    }
    s->items[s->len++] = (Level){children, n, next};
}

/* Output: an iterator chain {K,V,Next} or a list of {K,V} onto an accumulator. */
typedef struct {
    Process *p;
    bool iterator;
    Term first, *patch; /* iterator: the chain and the hole at its end */
    Term list;          /* list: what is built so far */
} Out;

static void emit(Out *o, Term leaf)
{
    Term k = term_head(leaf), v = term_tail(leaf);
    if (!o->iterator) {
        o->list = term_cons(proc_alloc(o->p, 2), bif_tuple2(o->p, k, v), o->list);
        return;
    }
    Term *t = proc_alloc(o->p, 4);
    t[0] = header_make(HDR_TUPLE, 3);
    t[1] = k, t[2] = v, t[3] = ATOM_none;
    if (o->patch) *o->patch = term_make_boxed(t);
    else o->first = term_make_boxed(t);
    o->patch = &t[3];
}

/* The path digits (least significant first) held in a path argument. */
static bool read_path(Term path, const uint64_t **digits, size_t *n, uint64_t *small)
{
    if (term_is_small(path)) {
        if (term_small_value(path) < 0) return false;
        *small = (uint64_t)term_small_value(path);
        *digits = small;
        *n = 1;
        return true;
    }
    if (!term_is_bignum(path) || big_is_negative(path)) return false;
    *digits = big_digits(path);
    *n = big_ndigits(path);
    return true;
}

/* The stack as a path term: each level's last visited position. */
static Term make_path(Process *p, const LevelStack *s)
{
    size_t ndig = (s->len + LEVELS_PER_DIGIT - 1) / LEVELS_PER_DIGIT;
    uint64_t *d = calloc(ndig + 1, sizeof *d);
    if (!d) abort();
    for (size_t j = 0; j < s->len; j++)
        d[j / LEVELS_PER_DIGIT] |= (uint64_t)(s->items[j].next - 1) << (PATH_BITS * (j % LEVELS_PER_DIGIT));
    while (ndig > 1 && d[ndig - 1] == 0) ndig--;
    Term r;
    if (ndig == 1 && d[0] <= (uint64_t)SMALL_MAX) {
        r = term_make_small((SInt)d[0]);
    } else {
        Term *b = proc_alloc(p, 1 + ndig);
        b[0] = header_make(HDR_POS_BIG, ndig);
        memcpy(b + 1, d, ndig * sizeof *d);
        r = term_make_boxed(b);
    }
    free(d);
    return r;
}

/* Follows the path down to its leaf, which it emits. */
static bool descend(Term map, Term path, LevelStack *s, Out *o)
{
    const uint64_t *digits;
    size_t ndig;
    uint64_t small;
    if (!read_path(path, &digits, &ndig, &small)) return false;
    uint64_t cur = digits[0];
    size_t used = 1;
    Term node = map;
    for (unsigned i = 1;; i++) {
        unsigned n = hamt_nchildren(node), idx = (unsigned)(cur & 15);
        if (idx >= n) return false;
        push(s, hamt_children(node), n, idx + 1);
        Term c = hamt_children(node)[idx];
        if (term_is_list(c)) {
            emit(o, c);
            return true;
        }
        node = c;
        cur >>= PATH_BITS;
        if (i == LEVELS_PER_DIGIT) {
            i = 0;
            cur = used < ndig ? digits[used++] : 0;
        }
    }
}

/* Emits up to `budget` more leaves after the descent; true if more remain. */
static bool walk(LevelStack *s, Out *o, size_t budget)
{
    while (s->len) {
        Level *l = &s->items[s->len - 1];
        while (l->next < l->n && budget && term_is_list(l->children[l->next])) {
            emit(o, l->children[l->next++]);
            budget--;
        }
        if (l->next < l->n) {
            if (!budget) {
                l->next++;
                return true;
            }
            Term c = l->children[l->next++];
            push(s, hamt_children(c), hamt_nchildren(c), 0);
            continue;
        }
        s->len--;
        if (!budget) {
            /* the next leaf lies under the first ancestor with children left */
            while (s->len && s->items[s->len - 1].next >= s->items[s->len - 1].n) s->len--;
            if (!s->len) return false;
            s->items[s->len - 1].next++;
            return true;
        }
    }
    return false;
}

static Term flat_next(Process *p, Term path, Term map, Out *o)
{
    UInt n = flatmap_size(map);
    if (!term_is_small(path) || term_small_value(path) < 0 || (UInt)term_small_value(path) > n) return proc_badarg(p);
    const Term *k = flatmap_keys(map), *v = flatmap_values(map);
    Term res = o->iterator ? ATOM_none : o->list;
    for (UInt i = n; i-- > 0;) {
        if (o->iterator) {
            Term *t = proc_alloc(p, 4);
            t[0] = header_make(HDR_TUPLE, 3);
            t[1] = k[i], t[2] = v[i], t[3] = res;
            res = term_make_boxed(t);
        } else {
            res = term_cons(proc_alloc(p, 2), bif_tuple2(p, k[i], v[i]), res);
        }
    }
    p->reductions += n / 4;
    return res;
}

/* erts_internal:map_next(Path, Map, iterator | Acc). Cost: one reduction per
 * four pairs handed out. */
Term bif_erts_internal_map_next_3(Process *p, const Term *args)
{
    Term path = args[0], map = args[1], kind = args[2];
    if (!term_is_map(map)) return proc_badarg(p);
    Out o = {.p = p, .iterator = kind == ATOM_iterator, .first = ATOM_none, .list = kind};
    if (!o.iterator && !term_is_list(kind) && !term_is_nil(kind)) return proc_badarg(p);
    if (term_is_flatmap(map)) return flat_next(p, path, map, &o);
    UInt size = hamt_size(map);
    size_t budget = size < MAP_NEXT_BATCH ? size : MAP_NEXT_BATCH;
    if (path == term_make_small(0) && budget > MAP_SMALL_LIMIT) budget = MAP_SMALL_LIMIT;
    LevelStack s = {0};
    if (!descend(map, path, &s, &o)) {
        free(s.items);
        return proc_badarg(p);
    }
    bool more = walk(&s, &o, budget - 1);
    p->reductions += budget / 4;
    Term next = more ? make_path(p, &s) : TERM_NONE;
    free(s.items);
    if (o.iterator) {
        if (more) *o.patch = term_cons(proc_alloc(p, 2), next, map);
        return o.first;
    }
    if (!more) return o.list;
    Term r = term_cons(proc_alloc(p, 2), map, o.list);
    return term_cons(proc_alloc(p, 2), next, r);
}

Term bif_maps_iterator_1(Process *p, const Term *args)
{
    if (!term_is_map(args[0])) return proc_error2(p, ATOM_badmap, args[0]);
    return term_cons(proc_alloc(p, 2), term_make_small(0), args[0]);
}

Term bif_maps_next_1(Process *p, const Term *args)
{
    Term it = args[0];
    if (it == ATOM_none) return it;
    if (term_is_tuple(it) && term_tuple_arity(it) == 3) return it;
    if (term_is_list(it) && term_is_integer(term_head(it)) && term_is_map(term_tail(it))) {
        Term a[3] = {term_head(it), term_tail(it), ATOM_iterator};
        return bif_erts_internal_map_next_3(p, a);
    }
    return proc_badarg(p);
}
