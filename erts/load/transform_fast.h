/* transform_fast.h — the loader's peephole pass: after the general transform,
 * picks specialised and fused instructions (load/ops_fast.def) where operand
 * kinds and neighbouring instructions allow. */
#ifndef EMBER_LOAD_TRANSFORM_FAST_H
#define EMBER_LOAD_TRANSFORM_FAST_H

#include <stddef.h>

#include "load/code.h"

/* Rewrites code[0..words) in place: opcode words change and select_val pairs
 * may be reordered, but no instruction moves or changes its size. Runs on
 * unthreaded code whose labels are resolved. */
void load_fast_rewrite(CodeWord *code, size_t words);

#endif
