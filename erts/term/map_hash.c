/* map_hash.c — the hash that places keys in a HAMT: OTP 25's internal term
 * hash (Jenkins' 96-bit mix, salted), reimplemented from its observable
 * behaviour so that large maps iterate, print and encode in OTP's order.
 * Iterative: the parts of a term still to hash sit on a heap stack. */
#include "term/map.h"

#include <stdlib.h>
#include <string.h>

#include "term/binary.h"
#include "term/jenkins.h"

/* OTP starts from this prime so that the hash differs from phash2's. */
#define INTERNAL_SALT 3432918353u
/* OTP's word for [] (Ember's nil tag differs). */
#define OTP_NIL_WORD 0x3Bu

/* A cheap mix of a constant (type information) into the hash. */
static inline void const_hash(uint32_t *h, uint32_t k)
{
    *h ^= k;
    *h = (*h << 17) ^ (*h >> 15);
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
    *h = jenkins_block_hash(bytes, sz, con);
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
