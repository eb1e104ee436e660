/* binary.c — making and reading the binary kinds of binary.h: views over any
 * bitstring, the bit copier every construction and match goes through, and
 * off-heap blocks with atomic reference counts. */
#include "term/binary.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gc/offheap.h"
#include "proc/pmem.h"

Binary *binary_try_alloc(size_t capacity)
{
    Binary *b = malloc(sizeof *b + (capacity ? capacity : 1));
    if (!b) return NULL;
    atomic_init(&b->refc, 1);
    b->capacity = capacity;
    pmem_binary_add((long)capacity);
    return b;
}

Binary *binary_alloc(size_t capacity)
{
    Binary *b = binary_try_alloc(capacity);
    if (!b) {
        fprintf(stderr, "ember: cannot allocate a binary of %zu bytes (out of memory)\n", capacity);
        abort();
    }
    return b;
}

void binary_unref(Binary *b)
{
    if (atomic_fetch_sub_explicit(&b->refc, 1, memory_order_acq_rel) == 1) {
        pmem_binary_add(-(long)b->capacity);
        free(b);
    }
}

const uint8_t *binary_orig_bytes(Term orig, size_t *nbytes)
{
    if (term_is_heap_bin(orig)) {
        *nbytes = term_heap_bin_size(orig);
        return term_heap_bin_bytes(orig);
    }
    *nbytes = *refc_size_word(orig);
    return refc_binary(orig)->data;
}

bool binary_view(Term t, BinView *v)
{
    if (!term_is_boxed(t)) return false;
    size_t n;
    switch (header_tag(term_boxed_header(t))) {
    case HDR_HEAP_BIN:
    case HDR_REFC_BIN:
        v->bytes = binary_orig_bytes(t, &n);
        v->bit_off = 0;
        v->bit_size = n * 8;
        return true;
    case HDR_SUB_BIN:
        v->bytes = binary_orig_bytes(sub_orig(t), &n);
        v->bit_off = sub_bit_offset(t);
        v->bit_size = sub_bit_size(t);
        return true;
    default: return false;
    }
}

bool binary_is_binary(Term t)
{
    BinView v;
    return binary_view(t, &v) && v.bit_size % 8 == 0;
}

/* Bits are numbered from the most significant bit of each byte. */
void binary_copy_bits(uint8_t *dst, size_t dst_off, const uint8_t *src, size_t src_off, size_t nbits)
{
    if (nbits == 0) return;
    dst += dst_off / 8, dst_off %= 8;
    src += src_off / 8, src_off %= 8;
    if (dst_off == 0 && src_off == 0) {
        memcpy(dst, src, nbits / 8);
        size_t rest = nbits % 8;
        if (rest) {
            uint8_t mask = (uint8_t)(0xFF00 >> rest);
            dst[nbits / 8] = (uint8_t)((dst[nbits / 8] & ~mask) | (src[nbits / 8] & mask));
        }
        return;
    }
    /* General case: one destination byte at a time, assembling its bits from
     * at most two source bytes. */
    while (nbits > 0) {
        size_t take = 8 - dst_off;
        if (take > nbits) take = nbits;
        unsigned window = ((unsigned)src[0] << 8) | (src_off + take > 8 ? src[1] : 0);
        unsigned bits = (window >> (16 - src_off - take)) & ((1u << take) - 1);
        unsigned shift = 8 - dst_off - (unsigned)take;
        uint8_t mask = (uint8_t)(((1u << take) - 1) << shift);
        *dst = (uint8_t)((*dst & ~mask) | (bits << shift));
        nbits -= take;
        dst_off += take;
        if (dst_off == 8) dst++, dst_off = 0;
        src_off += take;
        src += src_off / 8;
        src_off %= 8;
    }
}

Term binary_new_refc(Process *p, size_t capacity, size_t used, UInt flags)
{
    return binary_adopt(p, binary_alloc(capacity), used, flags);
}

Term binary_adopt(Process *p, Binary *b, size_t used, UInt flags)
{
    size_t capacity = b->capacity;
    Term *mem = proc_alloc(p, REFC_BIN_WORDS);
    mem[0] = header_make(HDR_REFC_BIN, REFC_BIN_WORDS - 1);
    mem[1] = used;
    mem[2] = (Term)(uintptr_t)b;
    mem[4] = flags;
    offheap_link(&p->offheap, mem);
    p->offheap.new_bytes += capacity;
    return term_make_boxed(mem);
}

Term binary_new(Process *p, size_t nbytes, uint8_t **data)
{
    if (nbytes <= BINARY_HEAP_LIMIT) {
        size_t words = HEAP_BIN_WORDS(nbytes);
        Term *mem = proc_alloc(p, words);
        mem[0] = header_make(HDR_HEAP_BIN, words - 1);
        mem[1] = nbytes;
        mem[words - 1] = 0; /* padding stays zero, as term_make_heap_bin keeps it */
        *data = (uint8_t *)(mem + 2);
        return term_make_boxed(mem);
    }
    Term t = binary_new_refc(p, nbytes, nbytes, 0);
    *data = refc_binary(t)->data;
    return t;
}

Term binary_from_bytes(Process *p, const void *bytes, size_t nbytes)
{
    uint8_t *data;
    Term t = binary_new(p, nbytes, &data);
    if (nbytes) memcpy(data, bytes, nbytes);
    return t;
}

Term binary_make_sub(Term *mem, Term orig, size_t bit_off, size_t nbits, UInt flags)
{
    mem[0] = header_make(HDR_SUB_BIN, SUB_BIN_WORDS - 1);
    mem[1] = nbits;
    mem[2] = bit_off;
    mem[3] = flags;
    mem[4] = orig;
    return term_make_boxed(mem);
}

Term binary_new_bits(Process *p, size_t nbits, uint8_t **data)
{
    size_t nbytes = (nbits + 7) / 8;
    Term bin = binary_new(p, nbytes, data);
    if (nbytes) (*data)[nbytes - 1] = 0;
    if (nbits % 8 == 0) return bin;
    return binary_make_sub(proc_alloc(p, SUB_BIN_WORDS), bin, 0, nbits, 0);
}

Term binary_slice(Process *p, Term t, size_t bit_off, size_t nbits)
{
    BinView v = {0};
    binary_view(t, &v);
    if (bit_off == 0 && nbits == v.bit_size) return t;
    if (nbits % 8 == 0 && (nbits <= 8 * BINARY_HEAP_LIMIT || (v.bit_off + bit_off) % 8 != 0)) {
        /* Pieces that fit a heap binary are copied, as OTP does, and a
         * binary is never left unaligned (binary.h). */
        uint8_t *data;
        Term bin = binary_new(p, nbits / 8, &data);
        binary_copy_bits(data, 0, v.bytes, v.bit_off + bit_off, nbits);
        return bin;
    }
    Term orig = term_is_boxed_tag(t, HDR_SUB_BIN) ? sub_orig(t) : t;
    return binary_make_sub(proc_alloc(p, SUB_BIN_WORDS), orig, v.bit_off + bit_off, nbits, 0);
}

Term binary_aligned(Process *p, Term t, const uint8_t **bytes, size_t *nbytes)
{
    BinView v;
    if (!binary_view(t, &v) || v.bit_size % 8) {
        *bytes = NULL;
        return TERM_NONE;
    }
    *nbytes = v.bit_size / 8;
    if (v.bit_off % 8 == 0) {
        *bytes = v.bytes + v.bit_off / 8;
        return t;
    }
    uint8_t *data;
    Term bin = binary_new(p, *nbytes, &data);
    binary_copy_bits(data, 0, v.bytes, v.bit_off, v.bit_size);
    *bytes = data;
    return bin;
}

size_t binary_referenced_size(Term t)
{
    Term orig = term_is_boxed_tag(t, HDR_SUB_BIN) ? sub_orig(t) : t;
    size_t n;
    binary_orig_bytes(orig, &n);
    return n;
}

/* Reads up to 8 * cap bits of v from bit `at` into buf, aligned. */
static size_t chunk_bits(const BinView *v, size_t at, uint8_t *buf, size_t cap)
{
    size_t n = v->bit_size - at;
    if (n > 8 * cap) n = 8 * cap;
    if (n % 8) buf[n / 8] = 0;
    binary_copy_bits(buf, 0, v->bytes, v->bit_off + at, n);
    return n;
}

int binary_compare(Term a, Term b)
{
    BinView va, vb;
    binary_view(a, &va);
    binary_view(b, &vb);
    size_t common = va.bit_size < vb.bit_size ? va.bit_size : vb.bit_size;
    if (va.bit_off % 8 == 0 && vb.bit_off % 8 == 0) {
        int r = memcmp(va.bytes + va.bit_off / 8, vb.bytes + vb.bit_off / 8, common / 8);
        if (r) return r < 0 ? -1 : 1;
    }
    uint8_t ba[256], bb[256];
    for (size_t at = 0; at < common;) {
        size_t na = chunk_bits(&va, at, ba, sizeof ba), nb = chunk_bits(&vb, at, bb, sizeof bb);
        size_t n = na < nb ? na : nb;
        if (n > common - at) n = common - at;
        size_t full = n / 8, rest = n % 8;
        int r = memcmp(ba, bb, full);
        if (r) return r < 0 ? -1 : 1;
        if (rest) {
            uint8_t mask = (uint8_t)(0xFF00 >> rest), x = ba[full] & mask, y = bb[full] & mask;
            if (x != y) return x < y ? -1 : 1;
        }
        at += n;
    }
    return va.bit_size < vb.bit_size ? -1 : va.bit_size > vb.bit_size;
}
