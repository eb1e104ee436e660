/* compare.c — term order. The walk keeps pending pairs of term arrays on an
 * explicit stack (a list cell is an array of two: head, then tail), so long
 * lists run in constant stack and deep nesting uses heap memory only. */
#include "term/compare.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "atom/atom.h"
#include "term/binary.h"
#include "term/boxed.h"
#include "term/map.h"

/* Type ranks in Erlang's term order. */
enum { RANK_NUMBER, RANK_ATOM, RANK_REF, RANK_FUN, RANK_PORT, RANK_PID, RANK_TUPLE, RANK_MAP, RANK_NIL, RANK_LIST, RANK_BITS };

static int type_rank(Term t)
{
    if (term_is_small(t)) return RANK_NUMBER;
    if (term_is_atom(t)) return RANK_ATOM;
    if (term_is_nil(t)) return RANK_NIL;
    if (term_is_list(t)) return RANK_LIST;
    if (term_is_local_pid(t)) return RANK_PID;
    if (term_is_local_port(t)) return RANK_PORT;
    if (!term_is_boxed(t)) return RANK_NUMBER; /* not a value: only reachable on corrupt input */
    switch (header_tag(term_boxed_header(t))) {
    case HDR_TUPLE: return RANK_TUPLE;
    case HDR_POS_BIG:
    case HDR_NEG_BIG:
    case HDR_FLOAT: return RANK_NUMBER;
    case HDR_REF:
    case HDR_EXT_REF: return RANK_REF;
    case HDR_FUN:
    case HDR_EXPORT: return RANK_FUN;
    case HDR_MAP:
    case HDR_HASHMAP: return RANK_MAP;
    case HDR_EXT_PID: return RANK_PID;
    case HDR_EXT_PORT: return RANK_PORT;
    default: return RANK_BITS;
    }
}

static int cmp_u64(uint64_t a, uint64_t b) { return a < b ? -1 : a > b; }

/* ---- numbers ------------------------------------------------------------ */

/* An integer as sign and magnitude digits (least significant first). */
typedef struct {
    int sign; /* -1, 0, 1 */
    const uint64_t *d;
    size_t n;
    uint64_t small_mag; /* storage for a small integer's single digit */
} IntView;

static void int_view(Term t, IntView *v)
{
    if (term_is_small(t)) {
        SInt x = term_small_value(t);
        v->small_mag = x < 0 ? (uint64_t)0 - (uint64_t)x : (uint64_t)x;
        v->sign = x < 0 ? -1 : x > 0;
        v->d = &v->small_mag;
        v->n = x != 0;
        return;
    }
    v->d = big_digits(t);
    v->n = big_ndigits(t);
    v->sign = v->n == 0 ? 0 : big_is_negative(t) ? -1 : 1;
}

static int cmp_magnitudes(const uint64_t *a, size_t na, const uint64_t *b, size_t nb)
{
    if (na != nb) return na < nb ? -1 : 1;
    for (size_t i = na; i-- > 0;)
        if (a[i] != b[i]) return cmp_u64(a[i], b[i]);
    return 0;
}

static int cmp_integers(Term a, Term b)
{
    IntView x, y;
    int_view(a, &x);
    int_view(b, &y);
    if (x.sign != y.sign) return x.sign < y.sign ? -1 : 1;
    int r = cmp_magnitudes(x.d, x.n, y.d, y.n);
    return x.sign < 0 ? -r : r;
}

/* Compares an integer magnitude (n > 0) with a finite double f > 0, exactly. */
static int cmp_magnitude_double(const uint64_t *d, size_t n, double f)
{
    int e;
    double m = frexp(f, &e); /* f = m * 2^e, 0.5 <= m < 1 */
    uint64_t mant = (uint64_t)ldexp(m, 53);
    int shift = e - 53;      /* f = mant * 2^shift */
    if (e <= 0) return 1;    /* f < 1 <= magnitude */
    if (shift < 0) {
        uint64_t whole = mant >> -shift;
        bool fraction = (mant & ((UINT64_C(1) << -shift) - 1)) != 0;
        if (n > 1 || d[0] > whole) return 1;
        if (d[0] < whole) return -1;
        return fraction ? -1 : 0;
    }
    uint64_t fd[18] = {0}; /* 2^1024 needs 17 digits */
    size_t word = (size_t)shift / 64, bit = (size_t)shift % 64;
    fd[word] = mant << bit;
    if (bit) fd[word + 1] = mant >> (64 - bit);
    size_t fn = word + 2;
    while (fn > 0 && fd[fn - 1] == 0) fn--;
    return cmp_magnitudes(d, n, fd, fn);
}

static int cmp_integer_float(Term i, double f)
{
    IntView x;
    int_view(i, &x);
    int fsign = f < 0 ? -1 : f > 0;
    if (x.sign != fsign) return x.sign < fsign ? -1 : 1;
    if (x.sign == 0) return 0;
    int r = cmp_magnitude_double(x.d, x.n, fabs(f));
    return x.sign < 0 ? -r : r;
}

static int cmp_numbers(Term a, Term b, bool exact)
{
    bool fa = term_is_float(a), fb = term_is_float(b);
    if (fa && fb) {
        double x = term_float_value(a), y = term_float_value(b);
        return x < y ? -1 : x > y;
    }
    if (!fa && !fb) {
        if (term_is_small(a) && term_is_small(b)) {
            SInt x = term_small_value(a), y = term_small_value(b);
            return x < y ? -1 : x > y;
        }
        return cmp_integers(a, b);
    }
    if (exact) return fa ? 1 : -1; /* map key order: integers before floats */
    return fa ? -cmp_integer_float(b, term_float_value(a)) : cmp_integer_float(a, term_float_value(b));
}

/* ---- atoms, identifiers, funs ----------------------------------------------- */


static int cmp_refs(Term a, Term b)
{
    const Term *x = term_boxed_ptr(a), *y = term_boxed_ptr(b);
    if (x[2] != y[2]) return cmp_u64(x[2], y[2]);
    return cmp_u64(x[1], y[1]);
}

static int cmp_exports(const Export *x, const Export *y)
{
    int r = atom_compare(x->module, y->module);
    if (r) return r;
    if ((r = atom_compare(x->function, y->function))) return r;
    return cmp_u64(x->arity, y->arity);
}

/* ---- the walk ---------------------------------------------------------------- */

typedef struct {
    const Term *a, *b; /* compare a[i] with b[i] for i < n, in order */
    size_t n;
    bool exact;
} Pair;

typedef struct {
    Pair *items;
    size_t len, cap;
    Pair inline_items[32];
    Term **sorted; /* sorted pairs of HAMT maps, freed when the compare ends */
    size_t nsorted;
} PairStack;

static void push(PairStack *st, const Term *a, const Term *b, size_t n, bool exact)
{
    if (n == 0) return;
    if (st->len == st->cap) {
        size_t cap = st->cap * 2;
        Pair *items = st->items == st->inline_items ? malloc(cap * sizeof *items) : realloc(st->items, cap * sizeof *items);
        if (!items) abort();
        if (st->items == st->inline_items) memcpy(items, st->inline_items, sizeof st->inline_items);
        st->items = items;
        st->cap = cap;
    }
    st->items[st->len++] = (Pair){a, b, n, exact};
}

static int cmp_funs(Term a, Term b, bool exact, PairStack *st)
{
    bool ea = header_tag(term_boxed_header(a)) == HDR_EXPORT;
    bool eb = header_tag(term_boxed_header(b)) == HDR_EXPORT;
    if (ea != eb) return ea ? 1 : -1; /* closures sort before export funs */
    if (ea) return cmp_exports(export_of_fun(a), export_of_fun(b));
    const FunEntry *fa = fun_entry(a), *fb = fun_entry(b);
    int r = atom_compare(fa->module->name, fb->module->name);
    if (r) return r;
    if ((r = cmp_u64(fa->index, fb->index))) return r;
    if ((r = cmp_u64(fa->old_uniq, fb->old_uniq))) return r;
    if ((r = cmp_u64(fun_num_free(a), fun_num_free(b)))) return r;
    push(st, fun_env(a), fun_env(b), fun_num_free(a), exact);
    return 0;
}

static int cmp_binaries(Term a, Term b)
{
    if (!term_is_heap_bin(a) || !term_is_heap_bin(b)) return binary_compare(a, b);
    size_t la = term_heap_bin_size(a), lb = term_heap_bin_size(b);
    int r = memcmp(term_heap_bin_bytes(a), term_heap_bin_bytes(b), la < lb ? la : lb);
    if (r) return r < 0 ? -1 : 1;
    return la < lb ? -1 : la > lb;
}

/* A HAMT's pairs in key order (the order OTP compares maps by). */
static Term *sorted_pairs(Term m, PairStack *st)
{
    UInt n;
    Term *kv = map_sorted_pairs(m, &n);
    st->sorted = realloc(st->sorted, (st->nsorted + 1) * sizeof *st->sorted);
    if (!st->sorted) abort();
    st->sorted[st->nsorted++] = kv;
    return kv;
}

static int cmp_maps(Term a, Term b, bool exact, PairStack *st)
{
    UInt n = map_size(a), m = map_size(b);
    if (n != m) return n < m ? -1 : 1;
    if (!term_is_flatmap(a) || !term_is_flatmap(b)) {
        Term *x = sorted_pairs(a, st), *y = sorted_pairs(b, st);
        push(st, x + n, y + n, n, exact);
        push(st, x, y, n, true);
        return 0;
    }
    /* all keys first (in exact order), then the values; the stack is LIFO */
    push(st, flatmap_values(a), flatmap_values(b), n, exact);
    push(st, flatmap_keys(a), flatmap_keys(b), n, true);
    return 0;
}

/* Compares one pair; pushes the parts still to compare, returns 0 if so. */
static int cmp_one(Term a, Term b, bool exact, PairStack *st)
{
    if (a == b) return 0;
    int ra = type_rank(a), rb = type_rank(b);
    if (ra != rb) return ra < rb ? -1 : 1;
    switch (ra) {
    case RANK_NUMBER: return cmp_numbers(a, b, exact);
    case RANK_ATOM: return atom_compare(a, b);
    case RANK_NIL: return 0;
    case RANK_LIST: push(st, term_list_ptr(a), term_list_ptr(b), 2, exact); return 0;
    case RANK_PID:
        if (term_is_local_pid(a) && term_is_local_pid(b)) return cmp_u64(term_pid_number(a), term_pid_number(b));
        break;
    case RANK_PORT:
        if (term_is_local_port(a) && term_is_local_port(b)) return cmp_u64(term_port_number(a), term_port_number(b));
        break;
    case RANK_REF:
        if (term_is_boxed_tag(a, HDR_REF) && term_is_boxed_tag(b, HDR_REF)) return cmp_refs(a, b);
        break;
    case RANK_TUPLE: {
        UInt n = term_tuple_arity(a), m = term_tuple_arity(b);
        if (n != m) return n < m ? -1 : 1;
        push(st, term_tuple_elements(a), term_tuple_elements(b), n, exact);
        return 0;
    }
    case RANK_MAP: return cmp_maps(a, b, exact, st);
    case RANK_FUN: return cmp_funs(a, b, exact, st);
    case RANK_BITS: return cmp_binaries(a, b);
    }
    /* external identifiers: their layout comes with distribution */
    return cmp_u64(a, b);
}

static int compare(Term a, Term b, bool exact)
{
    PairStack st = {.items = NULL, .len = 0, .cap = 32, .sorted = NULL, .nsorted = 0};
    st.items = st.inline_items;
    int r = 0;
    Term top_a = a, top_b = b;
    push(&st, &top_a, &top_b, 1, exact);
    while (st.len && r == 0) {
        Pair *p = &st.items[st.len - 1];
        Term x = p->a[0], y = p->b[0];
        bool ex = p->exact;
        if (p->n > 1) {
            p->a++, p->b++, p->n--;
        } else {
            st.len--;
        }
        r = cmp_one(x, y, ex, &st);
    }
    if (st.items != st.inline_items) free(st.items);
    for (size_t i = 0; i < st.nsorted; i++) free(st.sorted[i]);
    free(st.sorted);
    return r;
}

/* Two small integers or two atoms, the common cases of max/2, min/2, sorting
 * and map keys, order without setting up the walk; *done is false otherwise. */
static inline int shallow_order(Term a, Term b, bool *done)
{
    *done = true;
    if (term_is_small(a) && term_is_small(b)) {
        SInt x = term_small_value(a), y = term_small_value(b);
        return (x > y) - (x < y);
    }
    if (term_is_atom(a) && term_is_atom(b)) return atom_compare(a, b);
    *done = false;
    return 0;
}

int term_compare(Term a, Term b)
{
    if (a == b) return 0;
    bool done;
    int r = shallow_order(a, b, &done);
    return done ? r : compare(a, b, false);
}

int term_compare_exact(Term a, Term b)
{
    if (a == b) return 0;
    bool done;
    int r = shallow_order(a, b, &done);
    return done ? r : compare(a, b, true);
}
bool term_eq_exact_walk(Term a, Term b) { return compare(a, b, true) == 0; }
bool term_eq_walk(Term a, Term b) { return compare(a, b, false) == 0; }
