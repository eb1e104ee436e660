/* bits_legacy.c — the older bit-syntax instructions (bits_legacy.h). The
 * binary being filled by bs_put_* is per scheduler thread, as in OTP: the
 * compiler emits a bs_init / bs_append and its puts with nothing in between
 * that could collect, call or yield. Segments go through bits_build.c's
 * checker and writer, so both families agree to the bit. */
#include "emu/bits_legacy.h"

#include <string.h>

#include "atom/atom.h"
#include "emu/bits_match.h"
#include "emu/frames.h"
#include "emu/operand.h"
#include "term/binary.h"

/* Where the next bs_put_ writes: bits [pos, end) of data are still to fill. */
static _Thread_local struct {
    uint8_t *data;
    size_t pos, end;
} building;

/* size * unit in bits, or the error bs_create_bin gives for that size. */
static Term size_bits(Term size, UInt unit, UInt *bits)
{
    BitsSeg s = {.type = BS_INTEGER, .unit = unit, .value = term_make_small(0), .size = size};
    return bits_seg_bits(&s, bits);
}

Term bits_legacy_init(Process *p, Term *x, Term size, UInt unit, UInt extra, unsigned live)
{
    UInt bits;
    Term err = size_bits(size, unit, &bits);
    if (err) return proc_error(p, err);
    size_t bytes = (bits + 7) / 8;
    bits_reserve(p, x, binary_words(bytes) + SUB_BIN_WORDS + extra, bytes, live);
    uint8_t *data;
    Term bin = binary_new_bits(p, bits, &data);
    building.data = data;
    building.pos = 0;
    building.end = bits;
    return bin;
}

Term bits_legacy_append(Process *p, Term *x, CodeWord bin_op, Term size, UInt unit, UInt extra, int live)
{
    UInt bits;
    Term err = size_bits(size, 1, &bits);
    if (err) return proc_error(p, err);
    BinView v;
    Term bin = emu_src(p, x, bin_op);
    if (!binary_view(bin, &v) || (unit > 1 && v.bit_size % unit)) return proc_badarg(p);
    size_t bytes = (v.bit_size + bits + 7) / 8;
    if (live >= 0) {
        bits_reserve(p, x, REFC_BIN_WORDS + SUB_BIN_WORDS + extra, bytes, (unsigned)live);
        bin = emu_src(p, x, bin_op);
    }
    /* bs_private_append has no live count: its words come from a heap
     * fragment when the heap is full (proc_alloc never collects). */
    uint8_t *data;
    Term r = bits_append_room(p, bin, bits, &data);
    building.data = data;
    building.pos = v.bit_size;
    building.end = v.bit_size + bits;
    return r;
}

bool bits_legacy_put(Process *p, BsSegType type, Term size, UInt unit, UInt flags, Term value)
{
    BitsSeg s = {.type = type, .unit = unit, .flags = flags, .value = value, .size = size};
    UInt bits;
    /* Old code raises badarg for every bad segment: sizes were checked by bs_add. */
    if (bits_seg_bits(&s, &bits) || !building.data || bits > building.end - building.pos) {
        proc_badarg(p);
        return false;
    }
    bits_seg_write(building.data, building.pos, &s, bits);
    building.pos += bits;
    return true;
}

bool bits_legacy_put_string(Process *p, Term str, UInt nbytes)
{
    if (!building.data || 8 * nbytes > building.end - building.pos) {
        proc_badarg(p);
        return false;
    }
    binary_copy_bits(building.data, building.pos, term_heap_bin_bytes(str), 0, 8 * nbytes);
    building.pos += 8 * nbytes;
    return true;
}

static bool positive_big(Term t) { return term_is_bignum(t) && header_tag(term_boxed_header(t)) == HDR_POS_BIG; }

Term bits_legacy_add(Process *p, Term a, Term b, UInt unit)
{
    if (term_is_small(a) && term_is_small(b)) {
        SInt m = term_small_value(a), n = term_small_value(b);
        if (m < 0 || n < 0) return proc_badarg(p);
        UInt prod, sum;
        if (__builtin_mul_overflow((UInt)n, unit, &prod) || __builtin_add_overflow((UInt)m, prod, &sum) ||
            sum > (UInt)SMALL_MAX)
            return proc_error(p, ATOM_system_limit);
        return term_make_small((SInt)sum);
    }
    bool ok_a = positive_big(a) || (term_is_small(a) && term_small_value(a) >= 0);
    bool ok_b = positive_big(b) || (term_is_small(b) && term_small_value(b) >= 0);
    return proc_error(p, ok_a && ok_b ? ATOM_system_limit : ATOM_badarg);
}

Term bits_legacy_utf_size(Term c, BsSegType type)
{
    SInt v = term_is_small(c) ? term_small_value(c) : -1;
    if (type == BS_UTF16) return term_make_small(v >= 0x10000 || v < 0 ? 4 : 2);
    if (v >= 0 && v < 0x80) return term_make_small(1);
    if (v >= 0 && v < 0x800) return term_make_small(2);
    if (v >= 0 && v < 0x10000) return term_make_small(3);
    return term_make_small(4);
}

Term bits_legacy_start_match(Process *p, Term *x, CodeWord src_op, UInt slots, unsigned live)
{
    Term src = emu_src(p, x, src_op);
    if (term_is_match_ctx(src) && ctx_slots(src) >= slots) {
        *ctx_saved(src, 0) = *ctx_pos(src);
        return src;
    }
    if (!term_is_match_ctx(src) && !term_is_bitstring(src)) return TERM_NONE;
    emu_reserve(p, x, MATCH_CTX_WORDS + slots, live);
    src = emu_src(p, x, src_op);
    if (term_is_match_ctx(src)) {
        /* Too few slots: a larger copy that goes on from the same place. */
        Term ctx = bits_new_match_ctx(p, ctx_orig(src), *ctx_pos(src), ctx_end(src), slots);
        for (UInt i = 1; i <= ctx_slots(src); i++) *ctx_saved(ctx, i) = *ctx_saved(src, i);
        return ctx;
    }
    BinView v;
    binary_view(src, &v);
    Term orig = term_is_boxed_tag(src, HDR_SUB_BIN) ? sub_orig(src) : src;
    return bits_new_match_ctx(p, orig, v.bit_off, v.bit_off + v.bit_size, slots);
}

UInt *bits_legacy_slot(Term ctx, UInt index)
{
    if (!term_is_match_ctx(ctx) || index > ctx_slots(ctx)) return NULL;
    return ctx_saved(ctx, index);
}

void bits_legacy_context_to_binary(Process *p, Term *reg)
{
    Term ctx = *reg;
    if (!term_is_match_ctx(ctx)) return;
    size_t start = *ctx_saved(ctx, 0), n = ctx_end(ctx) - start;
    Term orig = ctx_orig(ctx);
    if (n % 8 == 0 && start % 8 != 0) {
        /* A whole-byte binary must start on a byte (term/binary.h): copy. */
        *reg = binary_slice(p, orig, start, n);
        return;
    }
    /* In place, as OTP does, so that every register holding the context sees
     * the binary; words left over become a raw filler object. */
    Term *obj = term_boxed_ptr(ctx);
    size_t words = header_arity(obj[0]) + 1;
    binary_make_sub(obj, orig, start, n, 0);
    if (words > SUB_BIN_WORDS) obj[SUB_BIN_WORDS] = header_make(HDR_POS_BIG, words - SUB_BIN_WORDS - 1);
}
