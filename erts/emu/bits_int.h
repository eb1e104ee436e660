/* bits_int.h — integers and floats to and from bit fields, for the bit
 * syntax and the binary BIFs: any width, either endianness, signed or not,
 * at any bit offset. */
#ifndef EMBER_BITS_INT_H
#define EMBER_BITS_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "proc/process.h"

/* Segment flags, with the values the compiler gives field_flags. */
enum { BSF_ALIGNED = 1, BSF_LITTLE = 2, BSF_SIGNED = 4, BSF_EXACT = 8, BSF_NATIVE = 16 };

static inline bool bits_little(UInt flags)
{
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    return (flags & (BSF_LITTLE | BSF_NATIVE)) != 0;
#else
    return (flags & BSF_LITTLE) != 0;
#endif
}

/* Heap words bits_read_int may need for an nbits-wide field. */
static inline size_t bits_int_words(size_t nbits) { return nbits < 60 ? 0 : 2 + (nbits + 63) / 64; }

/* The integer in nbits bits of src starting at bit off. Allocates (never
 * collects) at most bits_int_words(nbits) words. */
Term bits_read_int(Process *p, const uint8_t *src, size_t off, size_t nbits, UInt flags);

/* Writes integer value (small or bignum), truncated to nbits bits, at bit off of dst. */
void bits_write_int(uint8_t *dst, size_t off, Term value, size_t nbits, UInt flags);

/* An integer from a magnitude (least significant digit first) and a sign;
 * a small integer when it fits. Allocates at most n + 1 words. */
Term bits_make_integer(Process *p, const uint64_t *mag, size_t n, bool negative);

/* Floats of 16, 32 or 64 bits. Reading fails (false) on NaN and infinities. */
bool bits_read_float(const uint8_t *src, size_t off, size_t nbits, UInt flags, double *out);
void bits_write_float(uint8_t *dst, size_t off, double d, size_t nbits, UInt flags);

#endif
