/* ets_tree.c — ordered_set: an AVL tree of objects in the term order of their
 * keys, compared by == (so 1 and 1.0 are one key, as in OTP). The height of
 * a tree of a billion objects stays under 45, so the recursive updates and
 * the fixed scan stack below are safe. */
#include <stdatomic.h>
#include <stdlib.h>

#include "ets/ets_store.h"
#include "term/compare.h"

#define MAX_HEIGHT 64

/* The path from the root to the object a walk (first/next/last/prev) last
 * returned, so the next step from that key costs O(1) amortized instead of a
 * descent from the root. Readers share it under the table's read lock, so one
 * reader at a time takes it (the others descend as before); every change of
 * the tree happens under the write lock and forgets it. */
typedef struct EtsTreeWalk {
    atomic_flag busy;
    int depth; /* 0: nothing remembered */
    EtsObject *path[MAX_HEIGHT];
} EtsTreeWalk;

static void forget_walk(EtsTable *t)
{
    if (t->store.tree.walk) t->store.tree.walk->depth = 0;
}

void ets_tree_init(EtsTable *t)
{
    t->store.tree.root = NULL;
    t->store.tree.walk = calloc(1, sizeof(EtsTreeWalk)); /* NULL: walks just descend */
}

static void free_tree(EtsObject *o)
{
    while (o) {
        free_tree(o->link[0]);
        EtsObject *right = o->link[1];
        ets_object_free(o);
        o = right;
    }
}

void ets_tree_clear(EtsTable *t)
{
    free_tree(t->store.tree.root);
    t->store.tree.root = NULL;
    forget_walk(t);
    if (t->dead) {
        free(t->store.tree.walk);
        t->store.tree.walk = NULL;
    }
    t->count = 0;
    t->object_bytes = 0;
}

static inline int cmp_key(const EtsTable *t, Term key, const EtsObject *o)
{
    (void)t;
    Term k = o->key;
    if (term_is_small(key) && term_is_small(k)) { /* the common case, without a call */
        SInt a = term_small_value(key), b = term_small_value(k);
        return (a > b) - (a < b);
    }
    return term_compare(key, k);
}

EtsObject *ets_tree_lookup(const EtsTable *t, Term key)
{
    EtsObject *o = t->store.tree.root;
    while (o) {
        int c = cmp_key(t, key, o);
        if (c == 0) return o;
        o = o->link[c > 0];
    }
    return NULL;
}

static inline int height(const EtsObject *o) { return o ? o->height : 0; }
static inline void fix_height(EtsObject *o)
{
    int l = height(o->link[0]), r = height(o->link[1]);
    o->height = (l > r ? l : r) + 1;
}

/* Rotates so that o's child on side d becomes the subtree's root. */
static EtsObject *rotate(EtsObject *o, int d)
{
    EtsObject *c = o->link[d];
    o->link[d] = c->link[!d];
    c->link[!d] = o;
    fix_height(o);
    fix_height(c);
    return c;
}

static EtsObject *balance(EtsObject *o)
{
    fix_height(o);
    int diff = height(o->link[1]) - height(o->link[0]);
    if (diff > 1 || diff < -1) {
        int d = diff > 0;
        EtsObject *c = o->link[d];
        if (height(c->link[!d]) > height(c->link[d])) o->link[d] = rotate(c, !d);
        return rotate(o, d);
    }
    return o;
}

/* Inserts o under root, replacing an object of an equal key (*old gets it).
 * *grew says whether the subtree got taller: only then can the nodes above
 * need rebalancing, so an insert usually touches nothing off its path. */
static EtsObject *insert(const EtsTable *t, EtsObject *root, EtsObject *o, EtsObject **old, bool *grew)
{
    if (!root) {
        *grew = true;
        return o;
    }
    int c = cmp_key(t, o->key, root);
    if (c == 0) {
        o->link[0] = root->link[0];
        o->link[1] = root->link[1];
        o->height = root->height;
        *old = root;
        *grew = false;
        return o;
    }
    root->link[c > 0] = insert(t, root->link[c > 0], o, old, grew);
    if (!*grew) return root;
    int before = root->height;
    root = balance(root);
    *grew = root->height > before;
    return root;
}

void ets_tree_put(EtsTable *t, EtsObject *o)
{
    EtsObject *old = NULL;
    bool grew;
    o->link[0] = o->link[1] = NULL;
    o->height = 1;
    forget_walk(t);
    t->store.tree.root = insert(t, t->store.tree.root, o, &old, &grew);
    t->count++;
    t->object_bytes += ets_object_bytes(o);
    if (old) {
        t->count--;
        t->object_bytes -= ets_object_bytes(old);
        ets_object_free(old);
    }
}

/* Unlinks the smallest object of a non-empty subtree into *min. */
static EtsObject *take_min(EtsObject *root, EtsObject **min)
{
    if (!root->link[0]) {
        *min = root;
        return root->link[1];
    }
    root->link[0] = take_min(root->link[0], min);
    return balance(root);
}

static EtsObject *delete(const EtsTable *t, EtsObject *root, Term key, EtsObject **gone)
{
    if (!root) return NULL;
    int c = cmp_key(t, key, root);
    if (c != 0) {
        root->link[c > 0] = delete(t, root->link[c > 0], key, gone);
        return balance(root);
    }
    *gone = root;
    if (!root->link[1]) return root->link[0];
    EtsObject *min;
    EtsObject *right = take_min(root->link[1], &min);
    min->link[0] = root->link[0];
    min->link[1] = right;
    return balance(min);
}

size_t ets_tree_delete_key(EtsTable *t, Term key)
{
    EtsObject *gone = NULL;
    forget_walk(t);
    t->store.tree.root = delete(t, t->store.tree.root, key, &gone);
    if (!gone) return 0;
    t->count--;
    t->object_bytes -= ets_object_bytes(gone);
    ets_object_free(gone);
    return 1;
}

/* Steps the remembered path to the in-order neighbour on side d (1: next,
 * 0: previous) of its last node; depth 0 when there is none. */
static void step_path(EtsTreeWalk *w, int d)
{
    EtsObject *o = w->path[w->depth - 1];
    if (o->link[d]) {
        for (o = o->link[d]; o; o = o->link[!d]) w->path[w->depth++] = o;
        return;
    }
    /* climb while we come up from side d; the parent we reach from the other side is it */
    while (w->depth > 1 && w->path[w->depth - 2]->link[d] == w->path[w->depth - 1]) w->depth--;
    w->depth--;
}

/* The path to the extreme object on side d, or to the neighbour of key on
 * side d, descended from the root into w. */
static void descend(const EtsTable *t, EtsTreeWalk *w, const Term *key, int d)
{
    int depth = 0, best = 0;
    for (EtsObject *o = t->store.tree.root; o;) {
        w->path[depth++] = o;
        if (!key) {
            best = depth;
            o = o->link[d];
            continue;
        }
        int c = cmp_key(t, *key, o);
        if (d ? c < 0 : c > 0) {
            best = depth;
            o = o->link[!d];
        } else {
            o = o->link[d];
        }
    }
    w->depth = best;
}

/* One walk step: the extreme object on side d (key NULL) or key's neighbour
 * there, from the remembered path when it ends at key. */
static EtsObject *walk(const EtsTable *t, const Term *key, int d)
{
    EtsTreeWalk *w = t->store.tree.walk, local;
    bool shared = w && !atomic_flag_test_and_set_explicit(&w->busy, memory_order_acquire);
    if (!shared) w = &local;
    if (shared && key && w->depth > 0 && cmp_key(t, *key, w->path[w->depth - 1]) == 0) step_path(w, d);
    else descend(t, w, key, d);
    EtsObject *o = w->depth > 0 ? w->path[w->depth - 1] : NULL;
    if (shared) atomic_flag_clear_explicit(&w->busy, memory_order_release);
    return o;
}

EtsObject *ets_tree_first(const EtsTable *t) { return walk(t, NULL, 0); }
EtsObject *ets_tree_last(const EtsTable *t) { return walk(t, NULL, 1); }
EtsObject *ets_tree_next(const EtsTable *t, Term key) { return walk(t, &key, 1); }
EtsObject *ets_tree_prev(const EtsTable *t, Term key) { return walk(t, &key, 0); }

EtsObject *ets_tree_nth(const EtsTable *t, size_t i)
{
    EtsObject *o = ets_tree_first(t);
    for (; o && i > 0; i--) o = ets_tree_next(t, o->key);
    return o;
}

/* In-order scan with an explicit stack; reversed scans mirror every step. The
 * cursor's key, when set, says where the previous chunk stopped. Objects the
 * visitor deletes are collected and removed once the scan is over, except the
 * one it stops at (see EtsCursor.last_doomed). */
bool ets_tree_scan(EtsTable *t, EtsCursor *c, bool reverse, EtsVisitFn fn, void *ctx)
{
    int fwd = reverse ? 0 : 1; /* the side we move towards */
    EtsObject *stack[MAX_HEIGHT];
    int sp = 0;
    for (EtsObject *o = t->store.tree.root; o;) {
        if (c->has_key) {
            int cmp = cmp_key(t, c->key, o);
            if (fwd ? cmp < 0 : cmp > 0) {
                stack[sp++] = o;
                o = o->link[!fwd];
            } else {
                o = o->link[fwd];
            }
        } else {
            stack[sp++] = o;
            o = o->link[!fwd];
        }
    }
    EtsObject **doomed = NULL;
    size_t ndoomed = 0, cap = 0;
    bool done = true;
    while (sp > 0) {
        EtsObject *o = stack[--sp];
        int r = fn(ctx, o);
        c->last = o;
        c->last_doomed = false;
        if ((r & ETS_VISIT_DELETE) && (r & ETS_VISIT_STOP)) {
            c->last_doomed = true;
        } else if (r & ETS_VISIT_DELETE) {
            if (ndoomed == cap) {
                cap = cap ? cap * 2 : 64;
                doomed = realloc(doomed, cap * sizeof *doomed);
                if (!doomed) abort();
            }
            doomed[ndoomed++] = o;
        }
        if (r & ETS_VISIT_STOP) {
            done = false;
            break;
        }
        for (EtsObject *n = o->link[fwd]; n; n = n->link[!fwd]) stack[sp++] = n;
    }
    for (size_t i = 0; i < ndoomed; i++) ets_tree_delete_key(t, doomed[i]->key);
    free(doomed);
    return done;
}
