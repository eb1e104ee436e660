/* phash.c — OTP's make_hash2 (the hash behind erlang:phash2) reimplemented
 * from its documented behaviour: Bob Jenkins' 96-bit mix over 32-bit pieces of
 * each term, with a different constant per kind, strings packed four bytes at a
 * time, and maps hashed order-independently (an xor over key/value pairs).
 * Iterative: pending subterms and map bookkeeping live on a heap stack. */
#include "term/phash.h"

#include <stdlib.h>
#include <string.h>

#include "atom/atom.h"
#include "term/binary.h"
#include "term/jenkins.h"
#include "term/boxed.h"
#include "term/map.h"

/* The hash of [] when it is not the first thing hashed mixes in OTP's
 * internal tag number for nil. */
#define OTP_NIL_TAG 2u
#define NIL_FIRST_HASH 3468870702u


uint32_t term_atom_hash(Term atom)
{
    size_t len;
    const uint8_t *p = (const uint8_t *)atom_text(atom, &len);
    uint32_t h = 0;
    while (len--) {
        uint8_t v = *p++;
        /* a two-byte UTF-8 sequence for U+0080..U+00FF hashes as its latin-1
         * byte, so latin-1 atoms keep the hash they had before UTF-8 atoms */
        if (len && (v & 0xFE) == 0xC2 && (*p & 0xC0) == 0x80) {
            v = (uint8_t)((v << 6) | (*p & 0x3F));
            p++, len--;
        }
        h = (h << 4) + v;
        uint32_t g = h & 0xf0000000u;
        if (g) {
            h ^= g >> 24;
            h ^= g;
        }
    }
    return h;
}

/* ---- the walk ----------------------------------------------------------- */

typedef enum { ITEM_TERM, ITEM_MAP_PAIR, ITEM_MAP_TAIL } ItemKind;

typedef struct {
    ItemKind kind;
    Term t;
    uint32_t saved_hash, saved_xor; /* ITEM_MAP_TAIL */
} Item;

typedef struct {
    Item *items;
    size_t len, cap;
} ItemStack;

static void push(ItemStack *st, Item it)
{
    if (st->len == st->cap) {
        st->cap = st->cap ? st->cap * 2 : 64;
        st->items = realloc(st->items, st->cap * sizeof *st->items);
        if (!st->items) abort();
    }
    st->items[st->len++] = it;
}
static void push_term(ItemStack *st, Term t) { push(st, (Item){.kind = ITEM_TERM, .t = t}); }

static void hash_integer_digit(uint32_t *hash, uint64_t d, bool negative)
{
    hash2(hash, (uint32_t)d, (uint32_t)(d >> 32), negative ? HC_10 : HC_11);
}

static void hash_small(uint32_t *hash, SInt v)
{
    if (v < -(SInt)(1 << 27) || v >= (SInt)(1 << 27)) {
        hash_integer_digit(hash, v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v, v < 0);
        return;
    }
    int32_t y = (int32_t)v;
    if (y < 0) hash1(hash, (uint32_t)-y, HC); /* negatives are mixed twice, as in OTP */
    hash1(hash, (uint32_t)y, HC);
}

/* Returns the next term to hash without popping (a "continue"), or TERM_NONE
 * when t is finished and the stack should be consulted. */
static Term hash_list(uint32_t *hash, Term t, ItemStack *st)
{
    uint32_t sh = 0;
    int c = 0;
    const Term *cell = term_list_ptr(t);
    for (;;) {
        Term h = cell[0];
        if (!term_is_small(h) || term_small_value(h) < 0 || term_small_value(h) > 255) break;
        sh = (sh << 8) + (uint32_t)term_small_value(h);
        if (c == 3) {
            hash1(hash, sh, HC_4);
            c = 0, sh = 0;
        } else {
            c++;
        }
        t = cell[1];
        if (!term_is_list(t)) break;
        cell = term_list_ptr(t);
    }
    if (c > 0) hash1(hash, sh, HC_4);
    if (!term_is_list(t)) return t; /* the tail, hashed next */
    push_term(st, cell[1]);
    return cell[0];
}

static Term hash_map(uint32_t *hash, uint32_t *xor_pairs, Term t, ItemStack *st)
{
    UInt n = map_size(t);
    hash1(hash, (uint32_t)n, HC_16);
    if (n == 0) return TERM_NONE;
    /* each key/value pair is hashed from zero and the results are xor-ed, so
     * the order of the keys does not matter */
    push(st, (Item){.kind = ITEM_MAP_TAIL, .saved_hash = *hash, .saved_xor = *xor_pairs});
    *hash = 0;
    *xor_pairs = 0;
    MapIter it;
    Term k, v;
    map_iter_init(&it, t);
    while (map_iter_next(&it, &k, &v)) {
        push(st, (Item){.kind = ITEM_MAP_PAIR});
        push_term(st, v);
        push_term(st, k);
    }
    map_iter_free(&it);
    return TERM_NONE;
}

static Term hash_fun(uint32_t *hash, Term t, ItemStack *st)
{
    if (header_tag(term_boxed_header(t)) == HDR_EXPORT) {
        const Export *e = export_of_fun(t);
        hash2(hash, e->arity, term_atom_hash(e->module), HC);
        hash1(hash, term_atom_hash(e->function), HC_14);
        return TERM_NONE;
    }
    const FunEntry *fe = fun_entry(t);
    UInt n = fun_num_free(t);
    hash2(hash, (uint32_t)n, term_atom_hash(fe->module->name), HC);
    hash2(hash, fe->index, fe->old_uniq, HC);
    if (n == 0) return TERM_NONE;
    const Term *env = fun_env(t);
    for (UInt i = n - 1; i >= 1; i--) push_term(st, env[i]);
    return env[0];
}

/* The whole bytes as a block, then trailing bits with their count, as OTP. */
static void hash_bitstring(uint32_t *hash, Term t)
{
    BinView v;
    binary_view(t, &v);
    size_t n = v.bit_size / 8, rest = v.bit_size % 8;
    uint32_t con = HC_13 + *hash;
    if (n == 0 && rest == 0) {
        *hash = con;
        return;
    }
    uint8_t *buf = malloc(n + 1);
    if (!buf) abort();
    binary_copy_bits(buf, 0, v.bytes, v.bit_off, v.bit_size);
    *hash = jenkins_block_hash(buf, n & 0xFFFFFFFFu, con);
    if (rest) hash2(hash, (uint32_t)rest, (uint32_t)(buf[n] >> (8 - rest)), HC_15);
    free(buf);
}

static Term hash_boxed(uint32_t *hash, uint32_t *xor_pairs, Term t, ItemStack *st)
{
    Term hdr = term_boxed_header(t);
    switch (header_tag(hdr)) {
    case HDR_TUPLE: {
        UInt n = header_arity(hdr);
        hash1(hash, (uint32_t)n, HC_9);
        if (n == 0) return TERM_NONE;
        for (UInt i = n; i >= 2; i--) push_term(st, term_tuple_element(t, i));
        return term_tuple_element(t, 1);
    }
    case HDR_MAP:
    case HDR_HASHMAP: return hash_map(hash, xor_pairs, t, st);
    case HDR_FUN:
    case HDR_EXPORT: return hash_fun(hash, t, st);
    case HDR_HEAP_BIN: {
        size_t n = term_heap_bin_size(t);
        uint32_t con = HC_13 + *hash;
        *hash = n == 0 ? con : jenkins_block_hash(term_heap_bin_bytes(t), n & 0xFFFFFFFFu, con);
        return TERM_NONE;
    }
    case HDR_REFC_BIN:
    case HDR_SUB_BIN: hash_bitstring(hash, t); return TERM_NONE;
    case HDR_POS_BIG:
    case HDR_NEG_BIG: {
        const uint64_t *d = big_digits(t);
        size_t n = big_ndigits(t);
        for (size_t i = 0; i < n; i++) hash_integer_digit(hash, d[i], big_is_negative(t));
        return TERM_NONE;
    }
    case HDR_REF: hash1(hash, ref_number(t, 0), HC_7); return TERM_NONE;
    case HDR_FLOAT: {
        double f = term_float_value(t);
        if (f == 0.0) f = 0.0; /* -0.0 hashes as 0.0 */
        uint64_t bits;
        memcpy(&bits, &f, sizeof bits);
        hash2(hash, (uint32_t)(bits >> 32), (uint32_t)bits, HC_12);
        return TERM_NONE;
    }
    default:
        /* Kinds whose layout is not defined yet hash by header only; they
         * cannot be created before their layouts exist. */
        hash1(hash, (uint32_t)hdr, HC_2);
        return TERM_NONE;
    }
}

/* Hashes one term; returns the next term to hash, or TERM_NONE. */
static Term hash_one(uint32_t *hash, uint32_t *xor_pairs, Term t, ItemStack *st)
{
    if (term_is_list(t)) return hash_list(hash, t, st);
    if (term_is_boxed(t)) return hash_boxed(hash, xor_pairs, t, st);
    if (term_is_small(t)) {
        hash_small(hash, term_small_value(t));
    } else if (term_is_atom(t)) {
        if (*hash == 0)
            *hash = term_atom_hash(t);
        else
            hash1(hash, term_atom_hash(t), HC_3);
    } else if (term_is_nil(t)) {
        if (*hash == 0)
            *hash = NIL_FIRST_HASH;
        else
            hash1(hash, OTP_NIL_TAG, HC_2);
    } else if (term_is_local_pid(t)) {
        hash1(hash, pid_number_part(t), HC_5);
    } else if (term_is_local_port(t)) {
        UInt n = term_port_number(t);
        hash2(hash, (uint32_t)n, (uint32_t)(n >> 32), HC_6);
    }
    return TERM_NONE;
}

uint32_t term_make_hash2(Term t)
{
    uint32_t hash = 0, xor_pairs = 0;
    ItemStack st = {0};
    for (;;) {
        while (t != TERM_NONE) t = hash_one(&hash, &xor_pairs, t, &st);
        if (st.len == 0) break;
        Item it = st.items[--st.len];
        switch (it.kind) {
        case ITEM_TERM: t = it.t; break;
        case ITEM_MAP_PAIR:
            xor_pairs ^= hash;
            hash = 0;
            break;
        case ITEM_MAP_TAIL:
            hash = it.saved_hash;
            hash1(&hash, xor_pairs, HC_19);
            xor_pairs = it.saved_xor;
            break;
        }
    }
    free(st.items);
    return hash;
}

uint32_t term_phash2(Term t) { return term_make_hash2(t) & ((1u << 27) - 1); }

uint32_t term_phash2_range(Term t, uint64_t range)
{
    uint32_t h = term_make_hash2(t);
    if (range == 0 || range >= (UINT64_C(1) << 32)) return h;
    return (uint32_t)(h % range);
}
