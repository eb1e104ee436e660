/* bits_match.c — reading fields through a match context (bits_match.h).
 * Each helper checks that the field fits before touching the bytes, so a
 * short binary is a plain match failure. Work is linear in the field. */
#include "emu/bits_match.h"

#include <string.h>

#include "atom/atom.h"
#include "emu/bits_int.h"

static const uint8_t *ctx_bytes(Term ctx)
{
    size_t n;
    return binary_orig_bytes(ctx_orig(ctx), &n);
}

Term bits_new_match_ctx(Process *p, Term orig, size_t pos, size_t end, UInt slots)
{
    size_t words = MATCH_CTX_WORDS + slots;
    Term *mem = proc_alloc(p, words);
    mem[0] = header_make(HDR_MATCH_CTX, words - 1);
    mem[1] = pos;
    mem[2] = end;
    for (UInt i = 0; i <= slots; i++) mem[3 + i] = pos;
    mem[words - 1] = orig;
    return term_make_boxed(mem);
}

Term bits_start_match(Process *p, Term t)
{
    if (term_is_match_ctx(t)) return t;
    BinView v;
    if (!binary_view(t, &v)) return TERM_NONE;
    Term orig = term_is_boxed_tag(t, HDR_SUB_BIN) ? sub_orig(t) : t;
    return bits_new_match_ctx(p, orig, v.bit_off, v.bit_off + v.bit_size, 0);
}

bool bits_field_size(Term ctx, Term size, UInt unit, size_t *nbits)
{
    if (size == ATOM_all) {
        size_t left = bits_left(ctx);
        if (unit > 1 && left % unit) return false;
        *nbits = left;
        return true;
    }
    if (!term_is_small(size) || term_small_value(size) < 0) return false;
    UInt n = (UInt)term_small_value(size);
    if (unit && n > ((UInt)1 << 60) / unit) return false; /* more bits than any binary holds */
    *nbits = n * unit;
    return true;
}

Term bits_get_integer(Process *p, Term ctx, size_t nbits, UInt flags)
{
    if (bits_left(ctx) < nbits) return TERM_NONE;
    UInt *pos = ctx_pos(ctx);
    Term r = bits_read_int(p, ctx_bytes(ctx), *pos, nbits, flags);
    *pos += nbits;
    return r;
}

Term bits_get_float(Process *p, Term ctx, size_t nbits, UInt flags)
{
    if (nbits != 16 && nbits != 32 && nbits != 64) return TERM_NONE;
    if (bits_left(ctx) < nbits) return TERM_NONE;
    UInt *pos = ctx_pos(ctx);
    double d;
    if (!bits_read_float(ctx_bytes(ctx), *pos, nbits, flags, &d)) return TERM_NONE;
    *pos += nbits;
    return term_make_float(proc_alloc(p, FLOAT_WORDS), d);
}

Term bits_get_binary(Process *p, Term ctx, size_t nbits)
{
    if (bits_left(ctx) < nbits) return TERM_NONE;
    UInt *pos = ctx_pos(ctx);
    Term orig = ctx_orig(ctx);
    size_t start = *pos;
    *pos += nbits;
    return binary_slice(p, orig, start, nbits);
}

bool bits_skip(Term ctx, size_t nbits)
{
    if (bits_left(ctx) < nbits) return false;
    *ctx_pos(ctx) += nbits;
    return true;
}

Term bits_get_tail(Process *p, Term ctx)
{
    size_t start = *ctx_pos(ctx), n = bits_left(ctx);
    return binary_slice(p, ctx_orig(ctx), start, n);
}

bool bits_match_string(Term ctx, const uint8_t *bytes, size_t nbits)
{
    if (bits_left(ctx) < nbits) return false;
    const uint8_t *src = ctx_bytes(ctx);
    UInt *pos = ctx_pos(ctx);
    uint8_t buf[64];
    for (size_t done = 0; done < nbits;) {
        size_t chunk = nbits - done > 8 * sizeof buf ? 8 * sizeof buf : nbits - done;
        buf[(chunk - 1) / 8] = 0;
        binary_copy_bits(buf, 0, src, *pos + done, chunk);
        size_t full = chunk / 8, rest = chunk % 8;
        if (memcmp(buf, bytes + done / 8, full) != 0) return false;
        if (rest && ((buf[full] ^ bytes[done / 8 + full]) & (uint8_t)(0xFF00 >> rest))) return false;
        done += chunk;
    }
    *pos += nbits;
    return true;
}

/* Up to n whole bytes at the position, without moving it. */
static size_t peek_bytes(Term ctx, uint8_t *buf, size_t n)
{
    size_t have = bits_left(ctx) / 8;
    if (n > have) n = have;
    binary_copy_bits(buf, 0, ctx_bytes(ctx), *ctx_pos(ctx), 8 * n);
    return n;
}

Term bits_get_utf8(Term ctx)
{
    uint8_t b[4];
    size_t n = peek_bytes(ctx, b, 4);
    if (n == 0) return TERM_NONE;
    uint32_t c;
    size_t len;
    if (b[0] < 0x80) c = b[0], len = 1;
    else if (b[0] < 0xC2) return TERM_NONE;
    else if (b[0] < 0xE0) c = b[0] & 0x1F, len = 2;
    else if (b[0] < 0xF0) c = b[0] & 0x0F, len = 3;
    else if (b[0] < 0xF5) c = b[0] & 0x07, len = 4;
    else return TERM_NONE;
    if (len > n) return TERM_NONE;
    for (size_t i = 1; i < len; i++) {
        if ((b[i] & 0xC0) != 0x80) return TERM_NONE;
        c = (c << 6) | (b[i] & 0x3F);
    }
    /* shortest form only, no surrogates, nothing above U+10FFFF */
    if ((len == 3 && c < 0x800) || (len == 4 && c < 0x10000) || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return TERM_NONE;
    *ctx_pos(ctx) += 8 * len;
    return term_make_small(c);
}

static uint32_t unit16(const uint8_t *b, bool little) { return little ? b[0] | (b[1] << 8) : (b[0] << 8) | b[1]; }

Term bits_get_utf16(Term ctx, UInt flags)
{
    uint8_t b[4];
    size_t n = peek_bytes(ctx, b, 4);
    bool little = bits_little(flags);
    if (n < 2) return TERM_NONE;
    uint32_t w1 = unit16(b, little);
    if (w1 < 0xD800 || w1 > 0xDFFF) {
        *ctx_pos(ctx) += 16;
        return term_make_small(w1);
    }
    if (w1 > 0xDBFF || n < 4) return TERM_NONE;
    uint32_t w2 = unit16(b + 2, little);
    if (w2 < 0xDC00 || w2 > 0xDFFF) return TERM_NONE;
    *ctx_pos(ctx) += 32;
    return term_make_small(0x10000 + (((w1 & 0x3FF) << 10) | (w2 & 0x3FF)));
}

Term bits_get_utf32(Term ctx, UInt flags)
{
    uint8_t b[4];
    if (peek_bytes(ctx, b, 4) < 4) return TERM_NONE;
    uint32_t c = bits_little(flags) ? b[0] | (b[1] << 8) | (b[2] << 16) | ((uint32_t)b[3] << 24)
                                    : ((uint32_t)b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3];
    if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return TERM_NONE;
    *ctx_pos(ctx) += 32;
    return term_make_small(c);
}
