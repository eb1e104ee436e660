/* gencode.h — the first pass over the Code chunk: decodes the generic BEAM
 * instructions and their operands, checking opcodes, operand tags and every
 * index against the file's tables. The transform (load/transform.h) then turns
 * the result into internal instructions. */
#ifndef EMBER_GENCODE_H
#define EMBER_GENCODE_H

#include <stddef.h>
#include <stdint.h>

#include "load/beam_file.h"
#include "load/compact.h"

/* Register limits: OTP's loader refuses x and y registers from 1024 on. */
#define MAX_Y_REGS 1024

typedef struct GenOp {
    uint8_t op;      /* generic opcode (genop.def) */
    uint32_t arg;    /* index of the first operand in GenCode.args */
    uint32_t nargs;  /* operands, a list counting as itself plus its items */
    uint32_t offset; /* of the opcode byte in the file (files are far below 4 GB) */
} GenOp;

typedef struct GenCode {
    GenOp *ops;
    size_t num_ops;
    CompactOperand *args;
    size_t num_args;
    size_t literal_words; /* room the bignum and float operands need as literals */
    void *scratch;        /* the thread's reused arrays ops and args live in, or NULL */
} GenCode;

/* Name and arity of a generic opcode; NULL name when the number is unknown. */
const char *load_genop_name(unsigned op);
unsigned load_genop_arity(unsigned op);
/* Generic opcode numbers the transform needs by name. */
enum {
#define GENOP(n, name, arity) GENOP_##name = n,
#include "load/genop.def"
#undef GENOP
};

bool load_gencode_decode(const BeamFile *bf, GenCode *gc, LoadError *err);
void load_gencode_free(GenCode *gc);

#endif
