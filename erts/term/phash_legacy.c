/* phash_legacy.c — OTP's make_hash, the hash behind the deprecated
 * erlang:phash/2, reimplemented from its documented behaviour: a running
 * H = H * P + X (mod 2^32) over the bytes of each term, with a different prime P
 * per kind. Integers are hashed on the bytes of their absolute value, least
 * significant first, in whole 32-bit words, so small and big integers agree.
 * Iterative: pending subterms and the finishing steps live on a heap stack. */
#include <stdlib.h>
#include <string.h>

#include "atom/atom.h"
#include "load/export.h"
#include "term/binary.h"
#include "term/boxed.h"
#include "term/phash.h"

/* primes just above 2^28 */
#define P1 268440163u
#define P2 268439161u
#define P3 268435459u
#define P4 268436141u
#define P5 268438633u
#define P6 268437017u
#define P8 268437511u
#define P9 268439627u
#define P10 268440479u
#define P11 268440577u
#define P12 268440581u
#define P13 268440593u
#define P14 268440611u

/* What is still to do: a term to hash, the rest of a list after an element
 * that is not a byte, the end of a tuple (multiply in its arity), or the end of
 * a list (after its final tail). */
typedef enum { TODO_TERM, TODO_LIST_REST, TODO_TUPLE_END, TODO_LIST_END } TodoKind;

typedef struct {
    TodoKind kind;
    Term t;
    uint32_t arity;
} Todo;

typedef struct {
    Todo *items;
    size_t len, cap;
} TodoStack;

static void push(TodoStack *st, Todo it)
{
    if (st->len == st->cap) {
        st->cap = st->cap ? st->cap * 2 : 64;
        st->items = realloc(st->items, st->cap * sizeof *st->items);
        if (!st->items) abort();
    }
    st->items[st->len++] = it;
}

static void push_term(TodoStack *st, Term t) { push(st, (Todo){.kind = TODO_TERM, .t = t}); }

/* The four bytes of x, least significant first. */
static uint32_t word_step(uint32_t h, uint32_t x, uint32_t prime)
{
    for (int i = 0; i < 4; i++) h = h * prime + ((x >> (8 * i)) & 0xFF);
    return h;
}

/* An integer given as its absolute value in 64-bit digits. */
static uint32_t integer_step(uint32_t h, const uint64_t *d, size_t n, bool negative)
{
    for (size_t i = 0; i < n; i++) {
        h = word_step(h, (uint32_t)d[i], P2);
        /* the top half of the most significant digit counts only when set */
        if (i + 1 < n || d[i] >> 32) h = word_step(h, (uint32_t)(d[i] >> 32), P2);
    }
    return h * (negative ? P4 : P3);
}

static uint32_t bitstring_step(uint32_t h, Term t)
{
    BinView v;
    binary_view(t, &v);
    size_t n = v.bit_size / 8, rest = v.bit_size % 8;
    uint8_t *buf = malloc(n + 1);
    if (!buf) abort();
    binary_copy_bits(buf, 0, v.bytes, v.bit_off, v.bit_size);
    for (size_t i = 0; i < n; i++) h = h * P1 + buf[i];
    if (rest) h = (h * P1 + (uint32_t)(buf[n] >> (8 - rest))) * P12 + (uint32_t)rest;
    free(buf);
    return h * P4 + (uint32_t)n;
}

/* Returns the next term to hash, or TERM_NONE when t is finished. */
static Term fun_step(uint32_t *h, Term t, TodoStack *st)
{
    if (header_tag(term_boxed_header(t)) == HDR_EXPORT) {
        const Export *e = export_of_fun(t);
        *h = *h * P11 + e->arity;
        *h = *h * P1 + term_atom_hash(e->module);
        *h = *h * P1 + term_atom_hash(e->function);
        return TERM_NONE;
    }
    const FunEntry *fe = fun_entry(t);
    UInt n = fun_num_free(t);
    *h = *h * P10 + (uint32_t)n;
    *h = *h * P1 + term_atom_hash(fe->module->name);
    *h = *h * P2 + fe->index;
    *h = *h * P2 + fe->old_uniq;
    if (n == 0) return TERM_NONE;
    const Term *env = fun_env(t);
    for (UInt i = n - 1; i >= 1; i--) push_term(st, env[i]);
    return env[0];
}

/* Bytes of a string go straight in; any other element is hashed on its own
 * and the rest of the list follows it. The list ends with its final tail. */
static Term list_step(uint32_t *h, Term t, TodoStack *st)
{
    while (term_is_list(t)) {
        const Term *cell = term_list_ptr(t);
        Term head = cell[0];
        if (!term_is_small(head) || term_small_value(head) < 0 || term_small_value(head) > 255) {
            push(st, (Todo){.kind = TODO_LIST_REST, .t = cell[1]});
            return head;
        }
        *h = *h * P2 + (uint32_t)term_small_value(head);
        t = cell[1];
    }
    push(st, (Todo){.kind = TODO_LIST_END});
    return t;
}

static Term boxed_step(uint32_t *h, Term t, TodoStack *st)
{
    Term hdr = term_boxed_header(t);
    switch (header_tag(hdr)) {
    case HDR_TUPLE: {
        UInt n = header_arity(hdr);
        push(st, (Todo){.kind = TODO_TUPLE_END, .arity = (uint32_t)n});
        for (UInt i = n; i >= 1; i--) push_term(st, term_tuple_element(t, i));
        return TERM_NONE;
    }
    case HDR_MAP:
    case HDR_HASHMAP: *h = *h * P13 + P14 + term_make_hash2(t); return TERM_NONE;
    case HDR_FUN:
    case HDR_EXPORT: return fun_step(h, t, st);
    case HDR_HEAP_BIN:
    case HDR_REFC_BIN:
    case HDR_SUB_BIN: *h = bitstring_step(*h, t); return TERM_NONE;
    case HDR_POS_BIG:
    case HDR_NEG_BIG: *h = integer_step(*h, big_digits(t), big_ndigits(t), big_is_negative(t)); return TERM_NONE;
    case HDR_REF: *h = word_step(*h, ref_number(t, 0), P9) * P10; return TERM_NONE;
    case HDR_FLOAT: {
        double f = term_float_value(t);
        if (f == 0.0) f = 0.0; /* -0.0 hashes as 0.0 */
        uint64_t bits;
        memcpy(&bits, &f, sizeof bits);
        *h = *h * P6 + ((uint32_t)(bits >> 32) ^ (uint32_t)bits);
        return TERM_NONE;
    }
    default:
        /* kinds without a defined layout cannot be created yet */
        *h = *h * P2 + (uint32_t)hdr;
        return TERM_NONE;
    }
}

static Term hash_step(uint32_t *h, Term t, TodoStack *st)
{
    if (term_is_list(t)) return list_step(h, t, st);
    if (term_is_boxed(t)) return boxed_step(h, t, st);
    if (term_is_small(t)) {
        SInt v = term_small_value(t);
        uint64_t abs = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
        *h = integer_step(*h, &abs, 1, v < 0);
    } else if (term_is_atom(t)) {
        *h = *h * P1 + term_atom_hash(t);
    } else if (term_is_nil(t)) {
        *h = *h * P3 + 1;
    } else if (term_is_local_pid(t)) {
        *h = word_step(*h, pid_number_part(t), P5) * P6;
    } else if (term_is_local_port(t)) {
        uint64_t n = term_port_number(t);
        if (n >> 32) *h = word_step(*h, (uint32_t)(n >> 32), P11);
        *h = word_step(*h, (uint32_t)n, P9) * P10;
    }
    return TERM_NONE;
}

uint32_t term_make_hash(Term t)
{
    uint32_t h = 0;
    TodoStack st = {0};
    for (;;) {
        while (t != TERM_NONE) t = hash_step(&h, t, &st);
        if (st.len == 0) break;
        Todo it = st.items[--st.len];
        switch (it.kind) {
        case TODO_TERM: t = it.t; break;
        case TODO_LIST_REST: t = list_step(&h, it.t, &st); break;
        case TODO_TUPLE_END: h = h * P9 + it.arity; break;
        case TODO_LIST_END: h *= P8; break;
        }
    }
    free(st.items);
    return h;
}
