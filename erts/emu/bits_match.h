/* bits_match.h — the match side of the bit syntax: a match context walks a
 * binary, and each bs_get_ / bs_skip_ / bs_test_ instruction reads or checks
 * the next field. Failures are match failures (false / TERM_NONE), never
 * exceptions. Heap-allocating helpers never collect: the instruction reserves
 * the words first (the *_WORDS and bits_int_words bounds). */
#ifndef EMBER_BITS_MATCH_H
#define EMBER_BITS_MATCH_H

#include <stdbool.h>

#include "proc/process.h"
#include "term/binary.h"

/* A match context over bitstring t, or t itself when it is one already;
 * TERM_NONE when t is neither. Takes MATCH_CTX_WORDS. */
Term bits_start_match(Process *p, Term t);
/* A match context over bits [pos, end) of underlying binary orig, with
 * `slots` bs_save2 slots; every saved position starts at pos. Takes
 * MATCH_CTX_WORDS + slots words; never collects. */
Term bits_new_match_ctx(Process *p, Term orig, size_t pos, size_t end, UInt slots);

/* The field size in bits from a Size operand (a non-negative integer, or the
 * atom all: what is left, which must be a multiple of unit). */
bool bits_field_size(Term ctx, Term size, UInt unit, size_t *nbits);

Term bits_get_integer(Process *p, Term ctx, size_t nbits, UInt flags);
/* Takes FLOAT_WORDS. */
Term bits_get_float(Process *p, Term ctx, size_t nbits, UInt flags);
/* Takes BINARY_SLICE_WORDS. */
Term bits_get_binary(Process *p, Term ctx, size_t nbits);
bool bits_skip(Term ctx, size_t nbits);
/* The rest of the binary, from the position to the end. Takes BINARY_SLICE_WORDS. */
Term bits_get_tail(Process *p, Term ctx);
bool bits_match_string(Term ctx, const uint8_t *bytes, size_t nbits);

/* UTF code points: the value, or TERM_NONE; skip when p is NULL. */
Term bits_get_utf8(Term ctx);
Term bits_get_utf16(Term ctx, UInt flags);
Term bits_get_utf32(Term ctx, UInt flags);

static inline size_t bits_left(Term ctx) { return ctx_end(ctx) - *ctx_pos(ctx); }

#endif
