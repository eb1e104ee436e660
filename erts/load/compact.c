/* compact.c — decoding of the compact term encoding (operands and line items),
 * and turning its integers into terms. Every read is checked against the end
 * of the buffer; a malformed operand is reported, never guessed at. */
#include "load/compact.h"

#include <string.h>

/* A value whose length prefix is itself length-prefixed: that nesting is only
 * ever one level deep in real files, so a deeper one is rejected rather than
 * followed (which would let a hostile file recurse once per byte). */
#define MAX_NESTED_LENGTH 1

typedef struct RawValue {
    unsigned tag;
    bool is_big;        /* more than 8 significant bytes, or negative for a non-i tag */
    uint64_t u;         /* the value, for non-i tags */
    int64_t i;          /* the value, for the i tag */
    const uint8_t *big; /* the bytes, when is_big */
    uint32_t big_len;
} RawValue;

/* Drops leading bytes that only repeat the sign, so that the length says how
 * many bytes the value really needs. */
static void strip_sign_bytes(const uint8_t **bytes, size_t *len)
{
    while (*len > 1) {
        uint8_t b0 = (*bytes)[0], b1 = (*bytes)[1];
        if ((b0 == 0x00 && !(b1 & 0x80)) || (b0 == 0xFF && (b1 & 0x80))) {
            (*bytes)++;
            (*len)--;
        } else {
            break;
        }
    }
}

static int64_t sign_extend(const uint8_t *bytes, size_t len)
{
    uint64_t v = (bytes[0] & 0x80) ? ~(uint64_t)0 : 0;
    for (size_t k = 0; k < len; k++) v = (v << 8) | bytes[k];
    return (int64_t)v;
}

static const char *read_raw(CompactReader *r, RawValue *v, int depth);

/* The multi-byte form: 2..8 bytes counted in the first byte, or 9 and more
 * counted by a nested unsigned value. */
static const char *read_long(CompactReader *r, uint8_t first, RawValue *v, int depth)
{
    size_t count = (size_t)(first >> 5);
    if (count < 7) {
        count += 2;
    } else {
        RawValue n;
        if (depth >= MAX_NESTED_LENGTH) return "nested length prefix too deep";
        const char *e = read_raw(r, &n, depth + 1);
        if (e) return e;
        if (n.tag != CT_U || n.is_big) return "bad length prefix of a long value";
        if (n.u > (uint64_t)(r->end - r->pos)) return "long value runs past the end";
        count = (size_t)n.u + 9;
    }
    if (count > (size_t)(r->end - r->pos)) return "long value runs past the end";
    const uint8_t *bytes = r->pos;
    r->pos += count;
    if (v->tag == CT_I) {
        strip_sign_bytes(&bytes, &count);
        if (count <= 8) {
            v->i = sign_extend(bytes, count);
        } else {
            v->is_big = true;
            v->big = bytes;
            v->big_len = (uint32_t)count;
        }
        return NULL;
    }
    if (bytes[0] & 0x80) return "negative value for an unsigned tag";
    while (count > 1 && bytes[0] == 0) bytes++, count--;
    if (count > 8) return "value too large";
    uint64_t u = 0;
    for (size_t k = 0; k < count; k++) u = (u << 8) | bytes[k];
    v->u = u;
    return NULL;
}

static const char *read_raw(CompactReader *r, RawValue *v, int depth)
{
    if (r->pos >= r->end) return "operand runs past the end";
    uint8_t b = *r->pos++;
    memset(v, 0, sizeof *v);
    v->tag = b & 7;
    if (!(b & 0x08)) {
        v->u = b >> 4;
    } else if (!(b & 0x10)) {
        if (r->pos >= r->end) return "operand runs past the end";
        v->u = ((uint64_t)(b >> 5) << 8) | *r->pos++;
    } else {
        return read_long(r, b, v, depth);
    }
    v->i = (int64_t)v->u;
    return NULL;
}

/* Reads a value that must be a plain unsigned number (tag u). */
static const char *read_unsigned(CompactReader *r, uint64_t *out)
{
    RawValue v;
    const char *e = read_raw(r, &v, 0);
    if (e) return e;
    if (v.tag != CT_U) return "expected an unsigned value";
    *out = v.u;
    return NULL;
}

static const char *read_alloc_list(CompactReader *r, CompactOperand *op)
{
    uint64_t n;
    const char *e = read_unsigned(r, &n);
    if (e) return e;
    if (n > 3) return "allocation list too long";
    for (uint64_t k = 0; k < n; k++) {
        uint64_t kind, count;
        if ((e = read_unsigned(r, &kind)) || (e = read_unsigned(r, &count))) return e;
        if (kind > ALLOC_FUNS) return "unknown allocation kind";
        if (count > UINT32_MAX - op->alloc[kind]) return "allocation count too large";
        op->alloc[kind] += (uint32_t)count;
    }
    op->tag = CT_ALLOC;
    return NULL;
}

static const char *read_typed_register(CompactReader *r, CompactOperand *op)
{
    RawValue reg;
    uint64_t type;
    const char *e = read_raw(r, &reg, 0);
    if (e) return e;
    if (reg.tag != CT_X && reg.tag != CT_Y) return "typed operand is not a register";
    if ((e = read_unsigned(r, &type))) return e;
    if (type > UINT32_MAX) return "type index too large";
    op->tag = (CompactTag)reg.tag;
    op->u = reg.u;
    op->typed = true;
    op->type_index = (uint32_t)type;
    return NULL;
}

static const char *read_extended(CompactReader *r, uint64_t kind, CompactOperand *op)
{
    switch (kind) {
    case 0: { /* float: eight bytes of IEEE double, big-endian */
        if (r->end - r->pos < 8) return "float literal runs past the end";
        uint64_t bits = 0;
        for (int k = 0; k < 8; k++) bits = (bits << 8) | *r->pos++;
        memcpy(&op->f, &bits, sizeof op->f);
        op->tag = CT_FLOAT;
        return NULL;
    }
    case 1: { /* list: a count, then that many operands */
        const char *e = read_unsigned(r, &op->u);
        if (e) return e;
        if (op->u > (uint64_t)(r->end - r->pos)) return "list longer than the code";
        op->tag = CT_LIST;
        return NULL;
    }
    case 2: op->tag = CT_FR; return read_unsigned(r, &op->u);
    case 3: return read_alloc_list(r, op);
    case 4: op->tag = CT_LITERAL; return read_unsigned(r, &op->u);
    case 5: return read_typed_register(r, op);
    default: return "unknown extended tag";
    }
}

const char *load_compact_read_general(CompactReader *r, CompactOperand *op)
{
    const uint8_t *start = r->pos;
    RawValue v;
    memset(op, 0, sizeof *op);
    const char *e = read_raw(r, &v, 0);
    if (!e) {
        if (v.tag == 7) {
            if (v.is_big) e = "bad extended tag";
            else e = read_extended(r, v.u, op);
        } else if (v.is_big) {
            op->tag = CT_BIG;
            op->big = v.big;
            op->big_len = v.big_len;
        } else {
            op->tag = (CompactTag)v.tag;
            if (v.tag == CT_I) op->i = v.i;
            else op->u = v.u;
        }
    }
    if (e) r->pos = start;
    return e;
}

uint64_t load_compact_alloc_words(const CompactOperand *op)
{
    return (uint64_t)op->alloc[ALLOC_WORDS] + (uint64_t)op->alloc[ALLOC_FLOATS] * FLOAT_WORDS +
           (uint64_t)op->alloc[ALLOC_FUNS] * 3;
}

size_t load_compact_big_words(size_t len) { return 1 + (len + 7) / 8; }

Term load_compact_make_integer(const uint8_t *bytes, size_t len, Term *mem, size_t *used)
{
    *used = 0;
    if (len == 0) return term_make_small(0);
    strip_sign_bytes(&bytes, &len);
    if (len <= 8) {
        int64_t v = sign_extend(bytes, len);
        if (small_fits(v)) return term_make_small(v);
    }
    bool negative = (bytes[0] & 0x80) != 0;
    size_t ndigits = (len + 7) / 8;
    Term *digits = mem + 1;
    /* Read the bytes from the least significant end into 64-bit digits,
     * negating on the fly (two's complement: invert, then add one). */
    unsigned carry = negative ? 1 : 0;
    for (size_t d = 0; d < ndigits; d++) {
        uint64_t digit = 0;
        for (size_t k = 0; k < 8; k++) {
            size_t pos = d * 8 + k; /* byte index from the least significant end */
            uint8_t b = pos < len ? bytes[len - 1 - pos] : (negative ? 0xFF : 0x00);
            if (negative) {
                unsigned sum = (uint8_t)~b + carry;
                b = (uint8_t)sum;
                carry = sum >> 8;
            }
            digit |= (uint64_t)b << (8 * k);
        }
        digits[d] = digit;
    }
    while (ndigits > 1 && digits[ndigits - 1] == 0) ndigits--;
    mem[0] = header_make(negative ? HDR_NEG_BIG : HDR_POS_BIG, ndigits);
    *used = 1 + ndigits;
    return term_make_boxed(mem);
}

Term load_compact_make_int64(int64_t v, Term *mem, size_t *used)
{
    uint8_t bytes[8];
    for (int k = 0; k < 8; k++) bytes[k] = (uint8_t)((uint64_t)v >> (56 - 8 * k));
    return load_compact_make_integer(bytes, 8, mem, used);
}
