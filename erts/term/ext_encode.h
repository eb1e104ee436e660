/* ext_encode.h — encoding terms in Erlang's external term format, byte for
 * byte as OTP 25's term_to_binary/1 does (ext_term_to_binary in external.h
 * is built on this). */
#ifndef EMBER_EXT_ENCODE_H
#define EMBER_EXT_ENCODE_H

#include "term/external.h"
#include "term/strbuf.h"

#include <stdbool.h>

typedef enum ExtEncodeStatus {
    EXT_ENCODE_OK = 0,
    EXT_ENCODE_UNSUPPORTED, /* kinds without a defined layout yet (closures made on other nodes) */
} ExtEncodeStatus;

/* A binary that term_to_iovec leaves out of the encoded text: its first
 * `bytes` bytes belong at offset `at`, right after its header (a trailing
 * partial byte of a bitstring stays in the text). */
typedef struct ExtSplit {
    size_t at;
    Term bin;
    size_t bytes;
} ExtSplit;

/* The options of term_to_binary/2 and term_to_iovec/2. */
typedef struct ExtEncodeOptions {
    unsigned minor_version; /* 0: floats as FLOAT_EXT text; 1: the default; 2: every atom as UTF-8 */
    bool deterministic;     /* maps too large to be flat go out in key order */
    bool split_binaries;    /* leave binaries over EXT_SPLIT_MIN_BYTES out, listed in splits */
    ExtSplit *splits;       /* filled by the encoder; the caller frees it */
    size_t nsplits, splits_cap;
    size_t split_bytes;     /* encoder's count: bytes left out in splits */
    size_t size_slack;      /* encoder's count: what external_size adds to the exact size
                             * (OTP over-estimates the integer fields of closures) */
} ExtEncodeOptions;

#define EXT_ENCODE_DEFAULTS ((ExtEncodeOptions){.minor_version = 1})
/* OTP keeps binaries up to this size on the process heap; term_to_iovec
 * hands larger ones over as they are. */
#define EXT_SPLIT_MIN_BYTES 65

/* Appends the encoding of t to out, starting with the version byte 131.
 * Iterative along list tails and with a heap stack for nesting. */
ExtEncodeStatus ext_encode(Term t, StrBuf *out);
ExtEncodeStatus ext_encode_with(Term t, ExtEncodeOptions *o, StrBuf *out);

/* Replaces an encoding (version byte first) by its COMPRESSED_EXT form at
 * zlib level 0..9, exactly when OTP does: when the compressed body fits in
 * five bytes less than the plain one. */
void ext_compress(StrBuf *enc, int level);

#endif
