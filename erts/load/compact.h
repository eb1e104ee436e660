/* compact.h — the compact term encoding that .beam files use for instruction
 * operands and for the Line chunk: a tag in the low three bits of the first
 * byte, the value in the same byte, in one more byte, or in a run of bytes.
 * The decoder knows nothing about modules; it only checks the bytes. */
#ifndef EMBER_COMPACT_H
#define EMBER_COMPACT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "term/term.h"

/* The first eight are the tags of the encoding itself; the rest are what the
 * extended tag (7) and oversized integers decode to. */
typedef enum CompactTag {
    CT_U = 0,   /* untagged number */
    CT_I = 1,   /* integer that fits in int64_t: .i */
    CT_A = 2,   /* atom index, 0 = [] */
    CT_X = 3,   /* x register */
    CT_Y = 4,   /* y register */
    CT_F = 5,   /* label, 0 = none */
    CT_H = 6,   /* character */
    CT_BIG = 8, /* integer wider than int64_t: .big/.big_len, two's complement, big-endian */
    CT_FLOAT,   /* float literal (superseded since R16, still decoded): .f */
    CT_LIST,    /* extended list: .u items follow in the stream */
    CT_FR,      /* float register */
    CT_ALLOC,   /* allocation list: .alloc[] */
    CT_LITERAL, /* index into the literal table */
} CompactTag;

enum { ALLOC_WORDS = 0, ALLOC_FLOATS = 1, ALLOC_FUNS = 2 };

/* 24 bytes: the loader keeps one per operand of a whole module, so fields that
 * never occur together share their space. */
typedef struct CompactOperand {
    CompactTag tag;
    bool typed; /* a register that carried a type hint (stripped) */
    union {
        struct {
            union {
                uint64_t u;         /* CT_U, CT_A, CT_X, CT_Y, CT_F, CT_H, CT_LIST, CT_FR, CT_LITERAL */
                int64_t i;          /* CT_I */
                double f;           /* CT_FLOAT */
                const uint8_t *big; /* CT_BIG */
            };
            union {
                uint32_t type_index; /* the hint, when typed */
                uint32_t big_len;    /* CT_BIG */
            };
        };
        uint32_t alloc[3]; /* CT_ALLOC: words, floats, funs */
    };
} CompactOperand;

typedef struct CompactReader {
    const uint8_t *start; /* for offsets in error messages */
    const uint8_t *pos;
    const uint8_t *end;
} CompactReader;

static inline void load_compact_init(CompactReader *r, const uint8_t *data, size_t size)
{
    r->start = r->pos = data;
    r->end = data + size;
}

/* Reads one operand in any form: load_compact_read's path for the rare ones. */
const char *load_compact_read_general(CompactReader *r, CompactOperand *op);

/* Reads one operand. Returns NULL on success, or a static text saying what is
 * wrong; r->pos is then where the bad operand starts. */
static inline const char *load_compact_read(CompactReader *r, CompactOperand *op)
{
    /* Most operands are one byte holding a value below 16 (registers, small
     * atom and label numbers) or two bytes holding one below 2048 (larger
     * atom, label and literal numbers): decoded inline. Both forms are
     * unsigned, so u also serves as i for tag i. */
    if (r->pos < r->end && (*r->pos & 7) != 7) {
        uint8_t b = *r->pos;
        if (!(b & 0x08)) {
            r->pos++;
            op->tag = (CompactTag)(b & 7);
            op->typed = false;
            op->u = b >> 4;
            op->type_index = 0;
            return NULL;
        }
        if (!(b & 0x10) && r->end - r->pos >= 2) {
            op->tag = (CompactTag)(b & 7);
            op->typed = false;
            op->u = ((uint64_t)(b >> 5) << 8) | r->pos[1];
            op->type_index = 0;
            r->pos += 2;
            return NULL;
        }
    }
    return load_compact_read_general(r, op);
}

/* Heap words of an allocation list operand: floats and funs counted at their
 * object size (a fun at 3 words; make_fun reserves its own space anyway). */
uint64_t load_compact_alloc_words(const CompactOperand *op);

/* Upper bound of the words an integer of len two's complement bytes needs as
 * a bignum (header and 64-bit digits). */
size_t load_compact_big_words(size_t len);

/* Builds the integer in bytes[0..len) (two's complement, big-endian): a small
 * integer when it fits, otherwise a bignum written into mem, which must hold
 * load_compact_big_words(len) words; *used gets the words written. */
Term load_compact_make_integer(const uint8_t *bytes, size_t len, Term *mem, size_t *used);

/* The same for an int64_t value (mem: load_compact_big_words(8) words). */
Term load_compact_make_int64(int64_t v, Term *mem, size_t *used);

#endif
