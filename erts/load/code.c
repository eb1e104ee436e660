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
