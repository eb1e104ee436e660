/* disasm.h — prints a loaded module's internal instructions (ember -dis). */
#ifndef EMBER_DISASM_H
#define EMBER_DISASM_H

#include <stdio.h>

#include "load/module.h"

/* Prints every function ("name/arity:") and its instructions with decoded
 * operands: registers as x(0), y(2), fr(1); labels as name/arity when they are
 * a function's entry and L<offset> otherwise; literals as terms. */
void load_disassemble(const Module *m, FILE *out);

#endif
