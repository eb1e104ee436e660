/* code.c — the instruction table's names and operand formats, expanded from ops.def. */
#include "load/code.h"

const char *const op_names[OP_COUNT] = {
#define OP(name, fmt) #name,
#include "load/ops.def"
#undef OP
};

const char *const op_formats[OP_COUNT] = {
#define OP(name, fmt) fmt,
#include "load/ops.def"
#undef OP
};

/* Computed from the format literals at compile time: sizeof counts the
 * opcode word in place of the terminating NUL, and lists are always last. */
#define LAST_LETTER(fmt) (sizeof(fmt) < 2 ? '\0' : (fmt)[sizeof(fmt) - 2])

const uint8_t op_fixed_words[OP_COUNT] = {
#define OP(name, fmt) sizeof(fmt),
#include "load/ops.def"
#undef OP
};

const uint8_t op_list_kind[OP_COUNT] = {
#define OP(name, fmt)                                                                                                \
    LAST_LETTER(fmt) == 'S'                              ? OP_LIST_ITEMS                                              \
    : LAST_LETTER(fmt) == 'P' || LAST_LETTER(fmt) == 'A' ? OP_LIST_PAIRS                                              \
                                                         : OP_LIST_NONE,
#include "load/ops.def"
#undef OP
};
