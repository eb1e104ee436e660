/* map_hash.c — the hash that places keys in a HAMT: OTP 25's internal term
 * hash (Jenkins' 96-bit mix, salted), reimplemented from its observable
 * behaviour so that large maps iterate, print and encode in OTP's order.
 * Iterative: the parts of a term still to hash sit on a heap stack. */
#include "term/map.h"

#include <stdlib.h>
#include <string.h>

#include "term/binary.h"

/* The golden ratio and its multiples modulo 2^32, as OTP numbers them. */
#define HC 0x9e3779b9u
#define HC_4 0x78dde6e4u
#define HC_7 0x5384540fu
#define HC_8 0xf1bbcdc8u
#define HC_9 0x8ff34781u
#define HC_10 0x2e2ac13au
#define HC_11 0xcc623af3u
#define HC_12 0x6a99b4acu
#define HC_13 0x08d12e65u
#define HC_14 0xa708a81eu
#define HC_15 0x454021d7u
#define HC_16 0xe3779b90u
#define HC_17 0x81af1549u
#define HC_18 0x1fe68f02u
#define HC_20 0x5c558274u
#define HC_21 0xfa8cfc2du
#define HC_22 0x98c475e6u

/* OTP starts from this prime so that the hash differs from phash2's. */
#define INTERNAL_SALT 3432918353u
/* OTP's word for [] (Ember's nil tag differs). */
#define OTP_NIL_WORD 0x3Bu

static inline void mix(uint32_t *pa, uint32_t *pb, uint32_t *pc)
{
    uint32_t a = *pa, b = *pb, c = *pc;
    a -= b; a -= c; a ^= (c >> 13);
    b -= c; b -= a; b ^= (a << 8);
    c -= a; c -= b; c ^= (b >> 13);
    a -= b; a -= c; a ^= (c >> 12);
    b -= c; b -= a; b ^= (a << 16);
    c -= a; c -= b; c ^= (b >> 5);
    a -= b; a -= c; a ^= (c >> 3);
    b -= c; b -= a; b ^= (a << 10);
    c -= a; c -= b; c ^= (b >> 15);
    *pa = a, *pb = b, *pc = c;
}

static inline void hash2(uint32_t *h, uint32_t x, uint32_t y, uint32_t k)
{
    uint32_t a = k + x, b = k + y;
    mix(&a, &b, h);
}
static inline void hash1(uint32_t *h, uint32_t x, uint32_t k) { hash2(h, x, 0, k); }
/* A cheap mix of a constant (type information) into the hash. */
static inline void const_hash(uint32_t *h, uint32_t k)
{
    *h ^= k;
    *h = (*h << 17) ^ (*h >> 15);
}

static inline uint32_t le32(const uint8_t *p)
{
    return p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}

/* Jenkins' lookup2 over bytes, seeded with init (as phash2's binaries). */
static uint32_t block_hash(const uint8_t *k, size_t len, uint32_t init)
{
    uint32_t a = HC, b = HC, c = init;
    size_t left = len;
    while (left >= 12) {
        a += le32(k), b += le32(k + 4), c += le32(k + 8);
        mix(&a, &b, &c);
        k += 12, left -= 12;
    }
    c += (uint32_t)len;
    switch (left) { /* each case adds one byte and falls through */
    case 11: c += (uint32_t)k[10] << 24; /* fall through */
    case 10: c += (uint32_t)k[9] << 16; /* fall through */
    case 9: c += (uint32_t)k[8] << 8; /* fall through */
    case 8: b += (uint32_t)k[7] << 24; /* fall through */
    case 7: b += (uint32_t)k[6] << 16; /* fall through */
    case 6: b += (uint32_t)k[5] << 8; /* fall through */
    case 5: b += k[4]; /* fall through */
    case 4: a += (uint32_t)k[3] << 24; /* fall through */
    case 3: a += (uint32_t)k[2] << 16; /* fall through */
    case 2: a += (uint32_t)k[1] << 8; /* fall through */
    case 1: a += k[0];
    }
    mix(&a, &b, &c);
    return c;
}

/* An immediate as the word OTP would hold for it. */
static uint64_t otp_immediate_word(Term t) { return term_is_nil(t) ? OTP_NIL_WORD : (uint64_t)t; }

static void hash_immediate(uint32_t *h, Term t)
{
    uint64_t w = otp_immediate_word(t);
    hash2(h, (uint32_t)w, (uint32_t)(w >> 32), HC);
}

/* ---- the walk ------------------------------------------------------------ */

/* A stack entry that is not a term: the end of an improper list's tail. */
#define CDR_MARK ((Term)header_make(HDR_REF, 3))

typedef struct {
    Term *items;
    size_t len, cap;
} Stack;

static void push(Stack *s, Term t)
{
    if (s->len == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 32;
        s->items = realloc(s->items, s->cap * sizeof *s->items);
        if (!s->items) abort();
    }
    s->items[s->len++] = t;
}

/* A list: runs of bytes are packed four to a word; returns the next term. */
static Term hash_list(uint32_t *h, Term t, Stack *s)
{
    uint32_t sh = 0, c = 0;
    const Term *cell = term_list_ptr(t);
    while (term_is_small(cell[0]) && term_small_value(cell[0]) >= 0 && term_small_value(cell[0]) <= 255) {
        sh = (sh << 8) + (uint32_t)term_small_value(cell[0]);
        if (c == 3) {
            hash1(h, sh, HC_4);
            c = sh = 0;
        } else {
            c++;
        }
        t = cell[1];
        if (!term_is_list(t)) break;
        cell = term_list_ptr(t);
    }
    if (c > 0) hash2(h, sh, c, HC_22);
    if (!term_is_list(t)) return t;
    const_hash(h, HC_17);
    push(s, cell[1]);
    if (!term_is_list(cell[1])) push(s, CDR_MARK);
    return cell[0];
}

static void hash_bits(uint32_t *h, Term t)
{
    BinView v;
    if (!binary_view(t, &v)) return;
    size_t sz = v.bit_size / 8, bits = v.bit_size % 8;
    uint32_t con = HC_13 + *h;
    if (sz == 0 && bits == 0) {
        *h = con;
        return;
    }
    uint8_t *copy = NULL;
    const uint8_t *bytes = v.bytes + v.bit_off / 8;
    if (v.bit_off % 8) {
        copy = calloc(sz + 1, 1);
        if (!copy) abort();
        binary_copy_bits(copy, 0, v.bytes, v.bit_off, v.bit_size);
        bytes = copy;
    }
    *h = block_hash(bytes, sz, con);
    if (bits) hash2(h, (uint32_t)bits, (uint32_t)(bytes[sz] >> (8 - bits)), HC_15);
    free(copy);
}

static void push_hamt_children(Term node, Stack *s)
{
    const Term *c = hamt_children(node);
    for (unsigned i = 0, n = hamt_nchildren(node); i < n; i++) {
        if (term_is_list(c[i])) {
            push(s, term_tail(c[i]));
            push(s, term_head(c[i]));
        } else {
            push(s, c[i]);
        }
    }
}

/* A boxed term: hashes what it can, pushes its parts; returns the next term
 * to hash, or TERM_NONE to pop one. */
static Term hash_boxed(uint32_t *h, Term t, Stack *s)
{
    Term hdr = term_boxed_header(t);
    switch (header_tag(hdr)) {
    case HDR_TUPLE: {
        UInt n = header_arity(hdr);
        hash1(h, (uint32_t)n, HC_9);
        if (n == 0) return TERM_NONE;
        for (UInt i = n; i >= 2; i--) push(s, term_tuple_element(t, i));
        return term_tuple_element(t, 1);
    }
    case HDR_MAP: {
        UInt n = flatmap_size(t);
        hash1(h, (uint32_t)n, HC_16);
        const Term *k = flatmap_keys(t), *v = flatmap_values(t);
        for (UInt i = n; i-- > 0;) {
            push(s, v[i]);
            push(s, k[i]);
        }
        return TERM_NONE;
    }
    case HDR_HASHMAP:
        if (hamt_is_head(t)) hash1(h, (uint32_t)hamt_size(t), HC_16);
        push_hamt_children(t, s);
        return TERM_NONE;
    case HDR_FUN: {
        const FunEntry *fe = fun_entry(t);
        UInt n = fun_num_free(t);
        hash2(h, (uint32_t)n, (uint32_t)fe->module->name, HC_20);
        hash2(h, fe->index, fe->old_uniq, HC_21);
        if (n == 0) return TERM_NONE;
        const Term *env = fun_env(t);
        for (UInt i = n - 1; i >= 1; i--) push(s, env[i]);
        return env[0];
    }
    case HDR_EXPORT: {
        /* OTP mixes the export entry's address: no portable order exists */
        uint64_t a = (uint64_t)(uintptr_t)export_of_fun(t);
        hash2(h, (uint32_t)a, (uint32_t)(a >> 32), HC_14);
        return TERM_NONE;
    }
    case HDR_POS_BIG:
    case HDR_NEG_BIG: {
        const uint64_t *d = big_digits(t);
        size_t n = big_ndigits(t);
        uint32_t con = big_is_negative(t) ? HC_10 : HC_11;
        for (size_t i = 0; i < n; i++) hash2(h, (uint32_t)d[i], (uint32_t)(d[i] >> 32), con);
        return TERM_NONE;
    }
    case HDR_REF:
        hash1(h, ref_number(t, 0), HC_7);
        hash2(h, ref_number(t, 1), ref_number(t, 2), HC_8);
        return TERM_NONE;
    case HDR_FLOAT: {
        double f = term_float_value(t);
        if (f == 0.0) f = 0.0; /* -0.0 hashes as 0.0 */
        uint64_t bits;
        memcpy(&bits, &f, sizeof bits);
        hash2(h, (uint32_t)bits, (uint32_t)(bits >> 32), HC_12);
        return TERM_NONE;
    }
    default:
        if (term_is_binary_kind(header_tag(hdr))) hash_bits(h, t);
        return TERM_NONE;
    }
}

uint32_t map_internal_hash(Term t, uint32_t salt)
{
    uint32_t h = salt ^ INTERNAL_SALT;
    if (term_is_immed(t)) {
        hash_immediate(&h, t);
        return h;
    }
    Stack s = {0};
    for (;;) {
        while (t != TERM_NONE) {
            if (term_is_list(t)) t = hash_list(&h, t, &s);
            else if (term_is_boxed(t)) t = hash_boxed(&h, t, &s);
            else {
                hash_immediate(&h, t);
                t = TERM_NONE;
            }
        }
        if (s.len == 0) break;
        t = s.items[--s.len];
        while (t == CDR_MARK) {
            const_hash(&h, HC_18);
            if (s.len == 0) {
                t = TERM_NONE;
                break;
            }
            t = s.items[--s.len];
        }
        if (t == TERM_NONE) break;
    }
    free(s.items);
    return h;
}

uint32_t map_key_hash(Term key, unsigned depth)
{
    uint32_t salt = 0;
    /* deeper levels salt the hash as OTP's would hash the cons [depth|Key] */
    if (depth > 0) hash2(&salt, depth, 1, HC_22);
    return map_internal_hash(key, salt);
}
