/* binary.h — the binary kinds behind a bitstring term and one way to read them
 * all. Small binaries live on the process heap (HEAP_BIN, term.h); larger ones
 * live off-heap in a reference-counted Binary block that processes share
 * without copying (REFC_BIN); SUB_BIN is a bit-addressed slice of either, and
 * MATCH_CTX is the cursor of a bit-syntax match.
 *
 * Layouts (words after the header):
 *   REFC_BIN  [bytes used][Binary *][next REFC_BIN in the owner's off-heap list][flags]
 *   SUB_BIN   [bit size][bit offset][flags][underlying HEAP_BIN or REFC_BIN term]
 *   MATCH_CTX [bit position][bit end][saved 0 .. n][underlying HEAP_BIN or REFC_BIN term]
 *             saved 0 is where the match (re)started; saved 1 .. n are the
 *             slots of the older bs_save2/bs_restore2 instructions.
 * A sub-binary never points at another sub-binary, and positions in a match
 * context are absolute bit offsets into the underlying binary's bytes.
 * Invariant: a bitstring whose size is whole bytes also starts on a byte
 * boundary, so every binary can be read as plain bytes (binary_slice copies
 * to keep it so). */
#ifndef EMBER_BINARY_H
#define EMBER_BINARY_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "proc/process.h"
#include "term/term.h"

/* Binaries above this many bytes are made off-heap, as in OTP. */
#define BINARY_HEAP_LIMIT 64

/* An off-heap block. capacity >= every user's size; appends in place write
 * past the sizes others see, never below them, so readers need no lock. */
typedef struct Binary {
    atomic_size_t refc;
    size_t capacity;
    uint8_t data[];
} Binary;

#define REFC_BIN_WORDS 5
#define SUB_BIN_WORDS 5
/* A match context without bs_save2 slots; each slot adds a word. */
#define MATCH_CTX_WORDS 5

/* REFC_BIN flags: the binary was made to be appended to, and the newest
 * writable sub-binary over it may still extend it in place. */
enum { PB_WRITABLE = 1, PB_ACTIVE_WRITER = 2 };

static inline UInt *refc_size_word(Term t) { return (UInt *)term_boxed_ptr(t) + 1; }
static inline Binary *refc_binary(Term t) { return (Binary *)(uintptr_t)term_boxed_ptr(t)[2]; }
static inline Term **refc_next(Term *obj) { return (Term **)(obj + 3); }
static inline UInt *refc_flags(Term t) { return (UInt *)term_boxed_ptr(t) + 4; }

static inline UInt sub_bit_size(Term t) { return term_boxed_ptr(t)[1]; }
static inline UInt sub_bit_offset(Term t) { return term_boxed_ptr(t)[2]; }
static inline UInt *sub_flags(Term t) { return (UInt *)term_boxed_ptr(t) + 3; }
static inline Term sub_orig(Term t) { return term_boxed_ptr(t)[4]; }

static inline bool term_is_match_ctx(Term t) { return term_is_boxed_tag(t, HDR_MATCH_CTX); }
static inline UInt *ctx_pos(Term t) { return (UInt *)term_boxed_ptr(t) + 1; }
static inline UInt ctx_end(Term t) { return term_boxed_ptr(t)[2]; }
/* Saved position i (0: the start of the match); i <= ctx_slots(t). */
static inline UInt *ctx_saved(Term t, UInt i) { return (UInt *)term_boxed_ptr(t) + 3 + i; }
static inline UInt ctx_slots(Term t) { return header_arity(term_boxed_header(t)) - (MATCH_CTX_WORDS - 1); }
static inline Term ctx_orig(Term t)
{
    const Term *b = term_boxed_ptr(t);
    return b[header_arity(b[0])];
}

/* A bitstring seen as bits [bit_off, bit_off + bit_size) of bytes. The bytes
 * of a heap binary move with the heap: use a view before anything can collect. */
typedef struct BinView {
    const uint8_t *bytes;
    size_t bit_off;
    size_t bit_size;
} BinView;

/* The bytes of an underlying (heap or refc) binary and their count. */
const uint8_t *binary_orig_bytes(Term orig, size_t *nbytes);
/* Fills *v for any bitstring; false for anything else. */
bool binary_view(Term t, BinView *v);
static inline size_t binary_bit_size(Term t)
{
    BinView v;
    return binary_view(t, &v) ? v.bit_size : 0;
}
/* True for a bitstring whose size is a whole number of bytes. */
bool binary_is_binary(Term t);

/* Copies nbits bits from src at bit src_off to dst at bit dst_off (MSB
 * first); bits of dst outside the range are kept. */
void binary_copy_bits(uint8_t *dst, size_t dst_off, const uint8_t *src, size_t src_off, size_t nbits);

/* Heap words a new binary of nbytes bytes takes (heap or refc). */
static inline size_t binary_words(size_t nbytes)
{
    return nbytes <= BINARY_HEAP_LIMIT ? HEAP_BIN_WORDS(nbytes) : REFC_BIN_WORDS;
}
/* A new binary of nbytes bytes, uninitialised; *data is where to write them.
 * Heap binary up to BINARY_HEAP_LIMIT bytes, else off-heap and owned by p.
 * Never collects. */
Term binary_new(Process *p, size_t nbytes, uint8_t **data);
Term binary_from_bytes(Process *p, const void *bytes, size_t nbytes);
/* A bitstring of nbits bits, uninitialised (trailing bits zeroed). */
Term binary_new_bits(Process *p, size_t nbits, uint8_t **data);
/* An off-heap binary over a fresh Binary of the given capacity, owned by p. */
Term binary_new_refc(Process *p, size_t capacity, size_t used, UInt flags);
/* An off-heap binary of the first `used` bytes of b, owned by p; b's
 * reference passes to the new term. */
Term binary_adopt(Process *p, Binary *b, size_t used, UInt flags);
/* The bitstring of bits [bit_off, bit_off + nbits) of bitstring t: a
 * sub-binary, or a copy when that is smaller. Never collects. */
Term binary_slice(Process *p, Term t, size_t bit_off, size_t nbits);
/* Heap words binary_slice may take. */
#define BINARY_SLICE_WORDS (REFC_BIN_WORDS + HEAP_BIN_WORDS(BINARY_HEAP_LIMIT))
/* A sub-binary term over an underlying binary, in SUB_BIN_WORDS words at mem. */
Term binary_make_sub(Term *mem, Term orig, size_t bit_off, size_t nbits, UInt flags);

/* A binary that is byte-aligned in memory with the same content as t (t
 * itself when it already is); NULL bytes when t is not a binary. The result
 * may live on p's heap. */
Term binary_aligned(Process *p, Term t, const uint8_t **bytes, size_t *nbytes);

/* Off-heap block management. */
Binary *binary_alloc(size_t capacity); /* aborts when memory is exhausted */
Binary *binary_try_alloc(size_t capacity); /* NULL when memory is exhausted */
static inline void binary_ref(Binary *b) { atomic_fetch_add_explicit(&b->refc, 1, memory_order_relaxed); }
void binary_unref(Binary *b);

/* Term order of two bitstrings: bit by bit, a prefix first. */
int binary_compare(Term a, Term b);

/* Bytes referenced by t's underlying binary (binary:referenced_byte_size). */
size_t binary_referenced_size(Term t);

#endif
