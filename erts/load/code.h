/* code.h — how loaded code is laid out in memory, shared by the loader, the
 * interpreter and the disassembler. Code is an array of CodeWords: an
 * instruction is its opcode word followed by one word per operand, in the order
 * and kinds that load/ops.def gives it. */
#ifndef EMBER_CODE_H
#define EMBER_CODE_H

#include <stddef.h>
#include <stdint.h>

#include "term/term.h"

typedef uintptr_t CodeWord;

typedef enum Opcode {
#define OP(name, fmt) OP_##name,
#include "load/ops.def"
#undef OP
    OP_COUNT
} Opcode;

/* Operand formats and names, indexed by Opcode (load/code.c). */
extern const char *const op_names[OP_COUNT];
extern const char *const op_formats[OP_COUNT];

/* The shape of each instruction, from its format: the words it takes without
 * its list (opcode and fixed operands, the list's count word included), and
 * what its last operand is. The loader and the interpreter walk every loaded
 * instruction with these, so no format string is read per instruction. */
enum { OP_LIST_NONE, OP_LIST_ITEMS, OP_LIST_PAIRS };
extern const uint8_t op_fixed_words[OP_COUNT];
extern const uint8_t op_list_kind[OP_COUNT];

/*
 * The opcode word holds the Opcode number until the interpreter threads the
 * module (emu_thread_code), after which it holds the handler's address.
 * op_of_word() maps either back to the Opcode.
 *
 * Register operands (kinds s and d) use the header tag (low bits 00), which no
 * term value ever has, so a source word is either a term to use as it is or a
 * register reference:
 *     index << 4 | kind << 2 | 00     kind: 0 = x, 1 = y, 2 = float register
 * A y index counts from the frame base: y(n) is stop[n + 1] (stop[0] holds the
 * saved continuation). Literal boxed terms point into the module's literal area.
 */
enum { REG_X = 0, REG_Y = 1, REG_FR = 2 };

static inline CodeWord code_reg(unsigned kind, UInt index) { return (CodeWord)((index << 4) | (kind << 2)); }
static inline bool code_is_reg(CodeWord w) { return (w & 3) == 0; }
static inline unsigned code_reg_kind(CodeWord w) { return (unsigned)((w >> 2) & 3); }
static inline UInt code_reg_index(CodeWord w) { return (UInt)(w >> 4); }

/* Words of the instruction at pc, whose opcode (not yet threaded) is op. */
static inline size_t code_instr_words(const CodeWord *pc, Opcode op)
{
    size_t n = op_fixed_words[op];
    switch (op_list_kind[op]) {
    case OP_LIST_ITEMS: return n + pc[n - 1];
    case OP_LIST_PAIRS: return n + 2 * pc[n - 1];
    default: return n;
    }
}

/* Limits of the register files; the loader rejects code that exceeds them. */
#define MAX_X_REGS 1024
#define MAX_F_REGS 1024

#endif
