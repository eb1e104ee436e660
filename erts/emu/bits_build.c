/* bits_build.c — bs_create_bin: a first pass checks every segment and sums
 * the bits (raising badarg or system_limit as OTP does), the heap is then
 * reserved once, and a second pass writes the segments. Work is linear in the
 * bits written, plus the copy of the first segment when an append cannot be
 * done in place (amortised O(1) per byte: capacity doubles). */
#include "emu/bits_build.h"

#include <math.h>
#include <string.h>

#include "atom/atom.h"
#include "emu/bits_int.h"
#include "emu/frames.h"
#include "emu/operand.h"
#include "gc/gc.h"
#include "gc/offheap.h"
#include "term/binary.h"

const char *const bits_segment_types[BS_SEG_TYPES] = {
    "integer", "float", "binary", "utf8", "utf16", "utf32", "string", "append", "private_append",
};

/* No bitstring may exceed this many bits (2^61 bytes is far beyond memory;
 * OTP answers system_limit there too). */
#define MAX_BITS ((UInt)1 << 61)
#define WRITABLE_MIN_BYTES 256

static BitsSeg decode(Process *p, Term *x, const CodeWord *w)
{
    return (BitsSeg){(BsSegType)term_small_value((Term)w[0]), (UInt)term_small_value((Term)w[2]),
                 (UInt)term_small_value((Term)w[3]), emu_src(p, x, w[4]), emu_src(p, x, w[5])};
}

static int utf8_len(UInt c) { return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4; }

static bool code_point(Term t, UInt *c)
{
    if (!term_is_small(t) || term_small_value(t) < 0) return false;
    *c = (UInt)term_small_value(t);
    return *c <= 0x10FFFF && !(*c >= 0xD800 && *c <= 0xDFFF);
}

/* A number as a double; false when it has no finite double. */
static bool number_value(Term t, double *d)
{
    if (term_is_small(t)) *d = (double)term_small_value(t);
    else if (term_is_float(t)) *d = term_float_value(t);
    else if (term_is_bignum(t)) {
        const uint64_t *dig = (const uint64_t *)(term_boxed_ptr(t) + 1);
        size_t n = header_arity(term_boxed_header(t));
        double v = 0;
        for (size_t i = n; i-- > 0;) v = v * 18446744073709551616.0 + (double)dig[i];
        *d = header_tag(term_boxed_header(t)) == HDR_NEG_BIG ? -v : v;
    } else return false;
    return isfinite(*d);
}

/* size * unit bits, with OTP's errors: a size that is not a non-negative
 * integer is badarg, one too large for memory system_limit. */
static Term sized(Term size, UInt unit, UInt *bits)
{
    if (term_is_bignum(size)) return header_tag(term_boxed_header(size)) == HDR_POS_BIG ? ATOM_system_limit : ATOM_badarg;
    if (!term_is_small(size) || term_small_value(size) < 0) return ATOM_badarg;
    UInt n = (UInt)term_small_value(size);
    /* no division: this runs for every segment of every construction */
    if (__builtin_mul_overflow(n, unit, bits) || *bits > MAX_BITS) return ATOM_system_limit;
    return TERM_NONE;
}

/* The bits one segment adds, or an error reason. */
Term bits_seg_bits(const BitsSeg *s, UInt *bits)
{
    BinView v;
    UInt c;
    double d;
    Term err;
    switch (s->type) {
    case BS_INTEGER:
        if ((err = sized(s->size, s->unit, bits))) return err;
        return term_is_integer(s->value) ? TERM_NONE : ATOM_badarg;
    case BS_FLOAT:
        if ((err = sized(s->size, s->unit, bits))) return err;
        if (*bits != 16 && *bits != 32 && *bits != 64) return ATOM_badarg;
        /* a value too large for a narrow float becomes infinity, as in OTP */
        return number_value(s->value, &d) ? TERM_NONE : ATOM_badarg;
    case BS_BINARY:
    case BS_APPEND:
    case BS_PRIVATE_APPEND:
        if (!binary_view(s->value, &v)) return ATOM_badarg;
        if (s->size == ATOM_all) {
            *bits = v.bit_size;
            return s->unit > 1 && v.bit_size % s->unit ? ATOM_badarg : TERM_NONE;
        }
        if ((err = sized(s->size, s->unit, bits))) return err;
        return *bits > v.bit_size ? ATOM_badarg : TERM_NONE;
    case BS_UTF8:
        if (!code_point(s->value, &c)) return ATOM_badarg;
        *bits = 8 * (UInt)utf8_len(c);
        return TERM_NONE;
    case BS_UTF16:
        if (!code_point(s->value, &c)) return ATOM_badarg;
        *bits = c >= 0x10000 ? 32 : 16;
        return TERM_NONE;
    case BS_UTF32:
        if (!code_point(s->value, &c)) return ATOM_badarg;
        *bits = 32;
        return TERM_NONE;
    case BS_STRING: return sized(s->size, 8, bits);
    default: return ATOM_badarg;
    }
}

static size_t write_utf(uint8_t *dst, size_t off, const BitsSeg *s)
{
    UInt c = (UInt)term_small_value(s->value);
    uint8_t b[4];
    size_t n = 0;
    if (s->type == BS_UTF8) {
        int len = utf8_len(c);
        if (len == 1) b[n++] = (uint8_t)c;
        else {
            b[n++] = (uint8_t)((0xF00 >> len) | (c >> (6 * (len - 1))));
            for (int i = len - 2; i >= 0; i--) b[n++] = (uint8_t)(0x80 | ((c >> (6 * i)) & 0x3F));
        }
        binary_copy_bits(dst, off, b, 0, 8 * n);
        return 8 * n;
    }
    if (s->type == BS_UTF32) {
        bits_write_int(dst, off, s->value, 32, s->flags);
        return 32;
    }
    if (c < 0x10000) {
        bits_write_int(dst, off, s->value, 16, s->flags);
        return 16;
    }
    c -= 0x10000;
    bits_write_int(dst, off, term_make_small((SInt)(0xD800 | (c >> 10))), 16, s->flags);
    bits_write_int(dst, off + 16, term_make_small((SInt)(0xDC00 | (c & 0x3FF))), 16, s->flags);
    return 32;
}

void bits_seg_write(uint8_t *dst, size_t off, const BitsSeg *s, UInt bits)
{
    BinView v;
    double d;
    switch (s->type) {
    case BS_INTEGER: bits_write_int(dst, off, s->value, bits, s->flags); return;
    case BS_FLOAT:
        number_value(s->value, &d);
        bits_write_float(dst, off, d, bits, s->flags);
        return;
    case BS_BINARY:
    case BS_STRING:
        binary_view(s->value, &v);
        binary_copy_bits(dst, off, v.bytes, v.bit_off, bits);
        return;
    default: write_utf(dst, off, s); return;
    }
}

Term bits_append_room(Process *p, Term acc, UInt extra, uint8_t **data)
{
    BinView v;
    binary_view(acc, &v);
    UInt total = v.bit_size + extra, bytes = (total + 7) / 8, have = (v.bit_size + 7) / 8;
    if (term_is_boxed_tag(acc, HDR_SUB_BIN) && (*sub_flags(acc) & PB_WRITABLE) && v.bit_off == 0) {
        Term orig = sub_orig(acc);
        if (term_is_boxed_tag(orig, HDR_REFC_BIN) && (*refc_flags(orig) & PB_ACTIVE_WRITER) &&
            *refc_size_word(orig) == have && refc_binary(orig)->capacity >= bytes) {
            *sub_flags(acc) = 0; /* only the newest value may grow the binary */
            *data = refc_binary(orig)->data;
            memset(*data + have, 0, bytes - have);
            *refc_size_word(orig) = bytes;
            return binary_make_sub(proc_alloc(p, SUB_BIN_WORDS), orig, 0, total, PB_WRITABLE);
        }
    }
    UInt cap = 2 * bytes < WRITABLE_MIN_BYTES ? WRITABLE_MIN_BYTES : 2 * bytes;
    Term refc = binary_new_refc(p, cap, bytes, PB_WRITABLE | PB_ACTIVE_WRITER);
    *data = refc_binary(refc)->data;
    if (bytes) (*data)[bytes - 1] = 0;
    binary_copy_bits(*data, 0, v.bytes, v.bit_off, v.bit_size);
    return binary_make_sub(proc_alloc(p, SUB_BIN_WORDS), refc, 0, total, PB_WRITABLE);
}

void bits_reserve(Process *p, Term *x, size_t need, size_t bytes, unsigned live)
{
    if (bytes > BINARY_HEAP_LIMIT && offheap_wants_gc(p)) gc_collect(p, need, x, live);
    else emu_reserve(p, x, need, live);
}

static Term fail(Process *p, Term reason) { return proc_error(p, reason); }

Term bits_create_bin(Process *p, Term *x, const CodeWord *seg, UInt nwords, UInt alloc, unsigned live)
{
    UInt nsegs = nwords / BS_SEG_WORDS, total = 0, bits, first_bits = 0;
    /* The sizes of the first segments are kept for the writing pass: they
     * do not change when a collection moves the values. */
    UInt sizes[16];
    for (UInt i = 0; i < nsegs; i++) {
        BitsSeg s = decode(p, x, seg + i * BS_SEG_WORDS);
        Term err = bits_seg_bits(&s, &bits);
        if (err) return fail(p, err);
        if (i < 16) sizes[i] = bits;
        if (i == 0) first_bits = bits;
        if (bits > MAX_BITS - total) return fail(p, ATOM_system_limit);
        total += bits;
    }
    BitsSeg first = nsegs ? decode(p, x, seg) : (BitsSeg){0};
    bool append = nsegs && (first.type == BS_APPEND || first.type == BS_PRIVATE_APPEND);
    size_t bytes = (total + 7) / 8;
    size_t need = alloc + (append ? REFC_BIN_WORDS + SUB_BIN_WORDS : binary_words(bytes) + SUB_BIN_WORDS);
    bits_reserve(p, x, need, bytes, live);

    uint8_t *data;
    Term result;
    UInt off = 0, i = 0;
    if (append) {
        first = decode(p, x, seg);
        result = bits_append_room(p, first.value, total - first_bits, &data);
        off = first_bits, i = 1;
    } else {
        result = binary_new_bits(p, total, &data);
    }
    for (; i < nsegs; i++) {
        BitsSeg s = decode(p, x, seg + i * BS_SEG_WORDS);
        if (i < 16) bits = sizes[i];
        else bits_seg_bits(&s, &bits);
        bits_seg_write(data, off, &s, bits);
        off += bits;
    }
    return result;
}

Term bits_init_writable(Process *p, Term *x, Term bytes, unsigned live)
{
    UInt cap = WRITABLE_MIN_BYTES;
    if (term_is_small(bytes) && term_small_value(bytes) > (SInt)cap && term_small_value(bytes) < ((SInt)1 << 32))
        cap = (UInt)term_small_value(bytes);
    emu_reserve(p, x, REFC_BIN_WORDS + SUB_BIN_WORDS, live);
    Term refc = binary_new_refc(p, cap, 0, PB_WRITABLE | PB_ACTIVE_WRITER);
    return binary_make_sub(proc_alloc(p, SUB_BIN_WORDS), refc, 0, 0, PB_WRITABLE);
}
