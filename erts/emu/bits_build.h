/* bits_build.h — the construction side of the bit syntax: bs_create_bin and
 * bs_init_writable. Appending to a binary built by appends extends it in
 * place when nothing else can see the bytes past its end (OTP's writable
 * binaries), so building a binary piece by piece is linear. */
#ifndef EMBER_BITS_BUILD_H
#define EMBER_BITS_BUILD_H

#include <stdint.h>

#include "load/code.h"
#include "proc/process.h"

/* Segment types of bs_create_bin, in the order of bits_segment_types. The
 * loader turns each segment into six words: type, segment number, unit and
 * flags as small integers, then the value and the size as source operands. */
typedef enum BsSegType {
    BS_INTEGER,
    BS_FLOAT,
    BS_BINARY,
    BS_UTF8,
    BS_UTF16,
    BS_UTF32,
    BS_STRING,
    BS_APPEND,
    BS_PRIVATE_APPEND,
    BS_SEG_TYPES
} BsSegType;
extern const char *const bits_segment_types[BS_SEG_TYPES];
#define BS_SEG_WORDS 6

/* One segment, decoded: the form both bs_create_bin and the older bs_put_*
 * instructions (emu/bits_legacy.h) hand to the writer below. */
typedef struct BitsSeg {
    BsSegType type;
    UInt unit, flags;
    Term value, size;
} BitsSeg;

/* The bits segment s adds (*bits), or the reason (badarg, system_limit) it
 * cannot be built; TERM_NONE when it can. A size of `all` takes the whole
 * binary value. */
Term bits_seg_bits(const BitsSeg *s, UInt *bits);
/* Writes segment s, already checked by bits_seg_bits, as `bits` bits at bit
 * off of dst. */
void bits_seg_write(uint8_t *dst, size_t off, const BitsSeg *s, UInt bits);
/* Room for the result of an append of `extra` bits to bitstring acc: in place
 * when acc is the newest writable sub-binary of a binary with room, else a
 * fresh writable binary (twice the size needed) with acc copied. Returns the
 * new writable sub-binary; *data is its bytes. Takes at most REFC_BIN_WORDS +
 * SUB_BIN_WORDS heap words; never collects. */
Term bits_append_room(Process *p, Term acc, UInt extra, uint8_t **data);

/* Makes `need` heap words free before a binary of `bytes` bytes is made:
 * collects when the process has made much off-heap data since its last
 * collection (so that dead binaries are freed), else only when the heap is
 * full. x[0 .. live) are live. */
void bits_reserve(Process *p, Term *x, size_t need, size_t bytes, unsigned live);

/* Builds the bitstring that the segments seg[0 .. nwords) describe; x[0 ..
 * live) are live. Returns it, or TERM_NONE with badarg or system_limit raised
 * on the process. May collect; the segments are read from their operands
 * again afterwards. */
Term bits_create_bin(Process *p, Term *x, const CodeWord *seg, UInt nwords, UInt alloc, unsigned live);

/* An empty binary ready to be appended to, with room for about `bytes`
 * bytes (bs_init_writable). May collect; x[0 .. live) are live. */
Term bits_init_writable(Process *p, Term *x, Term bytes, unsigned live);

#endif
