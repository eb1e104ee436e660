/* bits_int.c — integer and float fields of the bit syntax. A field is first
 * gathered into (or spread from) a little-endian byte array holding the value
 * modulo 2^nbits; endianness and bit offsets are handled only at that border,
 * so one path serves every width. Work is linear in the field's width. */
#include "emu/bits_int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "term/binary.h"

/* Scratch space for a field's bytes: on the stack when small. */
typedef struct Scratch {
    uint8_t local[64];
    uint8_t *buf;
} Scratch;

static uint8_t *scratch(Scratch *s, size_t n)
{
    s->buf = n <= sizeof s->local ? s->local : malloc(n);
    if (!s->buf) abort();
    memset(s->buf, 0, n);
    return s->buf;
}
static void scratch_free(Scratch *s)
{
    if (s->buf != s->local) free(s->buf);
}

/* Reads the field into le[0..n) (value bytes, least significant first). */
static void gather(uint8_t *le, const uint8_t *src, size_t off, size_t nbits, bool little)
{
    size_t n = (nbits + 7) / 8, rest = nbits - 8 * (n - 1);
    if (little) {
        binary_copy_bits(le, 0, src, off, 8 * (n - 1));
        uint8_t last = 0;
        binary_copy_bits(&last, 8 - rest, src, off + 8 * (n - 1), rest);
        le[n - 1] = last;
        return;
    }
    Scratch s;
    uint8_t *be = scratch(&s, n);
    binary_copy_bits(be, 8 * n - nbits, src, off, nbits);
    for (size_t i = 0; i < n; i++) le[i] = be[n - 1 - i];
    scratch_free(&s);
}

/* Writes le[0..n) (value bytes, least significant first) as the field. */
static void spread(uint8_t *dst, size_t off, const uint8_t *le, size_t nbits, bool little)
{
    size_t n = (nbits + 7) / 8, rest = nbits - 8 * (n - 1);
    if (little) {
        binary_copy_bits(dst, off, le, 0, 8 * (n - 1));
        binary_copy_bits(dst, off + 8 * (n - 1), &le[n - 1], 8 - rest, rest);
        return;
    }
    Scratch s;
    uint8_t *be = scratch(&s, n);
    for (size_t i = 0; i < n; i++) be[i] = le[n - 1 - i];
    binary_copy_bits(dst, off, be, 8 * n - nbits, nbits);
    scratch_free(&s);
}

Term bits_make_integer(Process *p, const uint64_t *mag, size_t n, bool negative)
{
    while (n > 0 && mag[n - 1] == 0) n--;
    if (n == 0) return term_make_small(0);
    if (n == 1 && mag[0] <= (uint64_t)SMALL_MAX) return term_make_small(negative ? -(SInt)mag[0] : (SInt)mag[0]);
    if (n == 1 && negative && mag[0] == (uint64_t)SMALL_MAX + 1) return term_make_small(SMALL_MIN);
    Term *mem = proc_alloc(p, n + 1);
    mem[0] = header_make(negative ? HDR_NEG_BIG : HDR_POS_BIG, n);
    memcpy(mem + 1, mag, n * sizeof(uint64_t));
    return term_make_boxed(mem);
}

/* Two's complement negation of le[0..n) in place. */
static void negate(uint8_t *le, size_t n)
{
    unsigned carry = 1;
    for (size_t i = 0; i < n; i++) {
        unsigned v = (uint8_t)~le[i] + carry;
        le[i] = (uint8_t)v;
        carry = v >> 8;
    }
}

Term bits_read_int(Process *p, const uint8_t *src, size_t off, size_t nbits, UInt flags)
{
    if (nbits == 0) return term_make_small(0);
    bool little = bits_little(flags), sign = flags & BSF_SIGNED;
    if (!little && nbits <= 56) {
        /* Fast path: the field fits a 64-bit window read big-endian. */
        const uint8_t *s = src + off / 8;
        size_t shift = off % 8, span = (shift + nbits + 7) / 8;
        uint64_t w = 0;
        for (size_t i = 0; i < span; i++) w = (w << 8) | s[i];
        w >>= 8 * span - shift - nbits;
        w &= (((uint64_t)1) << nbits) - 1;
        if (sign && (w >> (nbits - 1)) & 1) return term_make_small((SInt)(w | (~(uint64_t)0 << nbits)));
        return term_make_small((SInt)w);
    }
    size_t n = (nbits + 7) / 8, ndig = (n + 7) / 8;
    Scratch s;
    uint8_t *le = scratch(&s, ndig * 8);
    gather(le, src, off, nbits, little);
    size_t top = (nbits - 1) % 8;
    bool negative = sign && ((le[n - 1] >> top) & 1);
    if (negative) {
        le[n - 1] |= (uint8_t)(0xFF << top); /* sign-extend the top byte, then negate */
        negate(le, n);
    }
    uint64_t *mag = malloc(ndig * sizeof *mag + 8);
    if (!mag) abort();
    for (size_t d = 0; d < ndig; d++) {
        uint64_t v = 0;
        for (size_t b = 8; b-- > 0;) v = (v << 8) | le[8 * d + b];
        mag[d] = v;
    }
    Term r = bits_make_integer(p, mag, ndig, negative);
    free(mag);
    scratch_free(&s);
    return r;
}

/* Byte i (least significant first) of an integer in two's complement,
 * sign-extended past its digits. */
static uint8_t int_byte(Term value, size_t i)
{
    if (term_is_small(value)) {
        SInt v = term_small_value(value);
        return i < 8 ? (uint8_t)((uint64_t)v >> (8 * i)) : (v < 0 ? 0xFF : 0);
    }
    const uint64_t *d = (const uint64_t *)(term_boxed_ptr(value) + 1);
    size_t nd = header_arity(term_boxed_header(value));
    return i / 8 < nd ? (uint8_t)(d[i / 8] >> (8 * (i % 8))) : 0;
}

/* A whole-byte field at a byte boundary, written in place: the value's own
 * bytes, then the sign fill (a wide field of a small value is mostly fill;
 * no scratch buffer of the field's size is needed). */
static void write_aligned(uint8_t *d, size_t n, Term value, bool little)
{
    bool negative = term_is_small(value) ? term_small_value(value) < 0 : header_tag(term_boxed_header(value)) == HDR_NEG_BIG;
    size_t digits = term_is_small(value) ? 8 : 8 * header_arity(term_boxed_header(value));
    size_t own = digits < n ? digits : n;
    if (!term_is_small(value) && negative) {
        /* a bignum is a magnitude: its two's complement is ~m + 1 */
        unsigned carry = 1;
        for (size_t i = 0; i < own; i++) {
            unsigned b = (uint8_t)~int_byte(value, i) + carry;
            d[little ? i : n - 1 - i] = (uint8_t)b;
            carry = b >> 8;
        }
        uint8_t fill = carry ? 0x00 : 0xFF;
        if (little) memset(d + own, fill, n - own);
        else memset(d, fill, n - own);
        return;
    }
    for (size_t i = 0; i < own; i++) d[little ? i : n - 1 - i] = int_byte(value, i);
    uint8_t fill = negative ? 0xFF : 0x00;
    if (little) memset(d + own, fill, n - own);
    else memset(d, fill, n - own);
}

void bits_write_int(uint8_t *dst, size_t off, Term value, size_t nbits, UInt flags)
{
    if (nbits == 0) return;
    bool little = bits_little(flags);
    if (term_is_small(value) && !little && nbits <= 56) {
        uint64_t v = (uint64_t)term_small_value(value);
        uint8_t *d = dst + off / 8;
        if (off % 8 == 0 && nbits % 8 == 0) {
            for (size_t i = nbits / 8; i-- > 0; v >>= 8) d[i] = (uint8_t)v;
            return;
        }
        /* Fast path: the field sits inside a 64-bit big-endian window of
         * at most 8 bytes (7 bits of offset + 56 bits). */
        size_t shift = off % 8, span = (shift + nbits + 7) / 8, low = 8 * span - shift - nbits;
        uint64_t mask = ((((uint64_t)1) << nbits) - 1) << low, w = 0;
        for (size_t i = 0; i < span; i++) w = (w << 8) | d[i];
        w = (w & ~mask) | ((v << low) & mask);
        for (size_t i = span; i-- > 0; w >>= 8) d[i] = (uint8_t)w;
        return;
    }
    size_t n = (nbits + 7) / 8;
    if (off % 8 == 0 && nbits % 8 == 0) {
        write_aligned(dst + off / 8, n, value, little);
        return;
    }
    Scratch s;
    uint8_t *le = scratch(&s, n);
    if (term_is_small(value)) {
        SInt v = term_small_value(value);
        for (size_t i = 0; i < n; i++) le[i] = i < 8 ? (uint8_t)((uint64_t)v >> (8 * i)) : (v < 0 ? 0xFF : 0);
    } else {
        const uint64_t *d = (const uint64_t *)(term_boxed_ptr(value) + 1);
        size_t nd = header_arity(term_boxed_header(value));
        for (size_t i = 0; i < n && i / 8 < nd; i++) le[i] = (uint8_t)(d[i / 8] >> (8 * (i % 8)));
        if (header_tag(term_boxed_header(value)) == HDR_NEG_BIG) negate(le, n);
    }
    spread(dst, off, le, nbits, little);
    scratch_free(&s);
}

/* IEEE half precision, rounded to nearest even. */
static uint16_t double_to_half(double d)
{
    float f = (float)d;
    uint32_t x;
    memcpy(&x, &f, 4);
    uint32_t sign = (x >> 16) & 0x8000, exp = (x >> 23) & 0xFF, man = x & 0x7FFFFF;
    if (exp == 0xFF) return (uint16_t)(sign | 0x7C00 | (man ? 0x200 : 0));
    int e = (int)exp - 127 + 15;
    if (e >= 31) return (uint16_t)(sign | 0x7C00);
    if (e <= 0) {
        if (e < -10) return (uint16_t)sign;
        man |= 0x800000;
        unsigned shift = (unsigned)(14 - e);
        uint32_t h = man >> shift, rem = man & ((1u << shift) - 1), half = 1u << (shift - 1);
        if (rem > half || (rem == half && (h & 1))) h++;
        return (uint16_t)(sign | h);
    }
    uint32_t h = ((uint32_t)e << 10) | (man >> 13), rem = man & 0x1FFF;
    if (rem > 0x1000 || (rem == 0x1000 && (h & 1))) h++;
    return (uint16_t)(sign | h);
}

static double half_to_double(uint16_t h)
{
    int exp = (h >> 10) & 0x1F;
    double man = h & 0x3FF;
    double v = exp == 0 ? ldexp(man, -24) : exp == 31 ? (man ? NAN : INFINITY) : ldexp(man + 1024, exp - 25);
    return (h & 0x8000) ? -v : v;
}

bool bits_read_float(const uint8_t *src, size_t off, size_t nbits, UInt flags, double *out)
{
    uint64_t w = 0;
    if (off % 8 == 0 && !bits_little(flags)) {
        for (size_t i = 0; i < nbits / 8; i++) w = (w << 8) | src[off / 8 + i]; /* the common case */
    } else {
        uint8_t le[8] = {0};
        gather(le, src, off, nbits, bits_little(flags));
        for (size_t i = nbits / 8; i-- > 0;) w = (w << 8) | le[i];
    }
    double d;
    if (nbits == 64) {
        memcpy(&d, &w, 8);
    } else if (nbits == 32) {
        uint32_t v = (uint32_t)w;
        float f;
        memcpy(&f, &v, 4);
        d = f;
    } else {
        d = half_to_double((uint16_t)w);
    }
    if (!isfinite(d)) return false;
    *out = d;
    return true;
}

void bits_write_float(uint8_t *dst, size_t off, double d, size_t nbits, UInt flags)
{
    uint64_t w;
    if (nbits == 64) {
        memcpy(&w, &d, 8);
    } else if (nbits == 32) {
        float f = (float)d;
        uint32_t v;
        memcpy(&v, &f, 4);
        w = v;
    } else {
        w = double_to_half(d);
    }
    if (off % 8 == 0 && !bits_little(flags)) {
        for (size_t i = nbits / 8; i-- > 0; w >>= 8) dst[off / 8 + i] = (uint8_t)w; /* the common case */
        return;
    }
    uint8_t le[8];
    for (size_t i = 0; i < 8; i++) le[i] = (uint8_t)(w >> (8 * i));
    spread(dst, off, le, nbits, bits_little(flags));
}
