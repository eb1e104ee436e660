/* jit.h — the plain C interface in front of the template JIT (C++ over AsmJit,
 * one backend per folder: x86_64/, aarch64/). No backend is built yet: the
 * interpreter (erts/emu) runs all code, and nothing calls these functions
 * until a backend lands together with its tests. */
#ifndef EMBER_JIT_H
#define EMBER_JIT_H

#include <stdbool.h>
#include <stddef.h>

#include "load/code.h"

/* Compiles a module's internal instructions to native code. Returns false when
 * the module must stay interpreted. */
bool jit_compile_module(const CodeWord *code, size_t words, void **native_out);

#endif
