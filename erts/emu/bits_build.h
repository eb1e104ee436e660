/* bits_build.h — the construction side of the bit syntax: bs_create_bin and
 * bs_init_writable. Appending to a binary built by appends extends it in
 * place when nothing else can see the bytes past its end (OTP's writable
 * binaries), so building a binary piece by piece is linear. */
#ifndef EMBER_BITS_BUILD_H
#define EMBER_BITS_BUILD_H

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

/* Builds the bitstring that the segments seg[0 .. nwords) describe; x[0 ..
 * live) are live. Returns it, or TERM_NONE with badarg or system_limit raised
 * on the process. May collect; the segments are read from their operands
 * again afterwards. */
Term bits_create_bin(Process *p, Term *x, const CodeWord *seg, UInt nwords, UInt alloc, unsigned live);

/* An empty binary ready to be appended to, with room for about `bytes`
 * bytes (bs_init_writable). May collect; x[0 .. live) are live. */
Term bits_init_writable(Process *p, Term *x, Term bytes, unsigned live);

#endif
