/* loader.h — builds a Module from the bytes of a .beam file: parse the
 * container (load/beam_file.h), decode the code (load/gencode.h), intern
 * atoms, resolve imports, decode literals, transform (load/transform.h) and
 * thread the code for the interpreter. It does not enter the module into the
 * module table; load/module.c does that. */
#ifndef EMBER_LOADER_H
#define EMBER_LOADER_H

#include <stddef.h>
#include <stdint.h>

#include "load/beam_file.h"
#include "load/module.h"

/* Builds the module in data[0..size). path names it in Module.path (may be
 * NULL). When expected is an atom, the file must define that module. Returns
 * LOAD_OK and *out, or LOAD_BAD_FILE with the reason in err (nothing leaks). */
LoadStatus load_module_bytes(const uint8_t *data, size_t size, const char *path, Term expected, Module **out,
                             LoadError *err);

/* Reads a whole file into memory. LOAD_NOT_FOUND when it cannot be opened,
 * LOAD_BAD_FILE when it cannot be read; err says why. */
LoadStatus load_read_file(const char *path, uint8_t **data, size_t *size, LoadError *err);

/* Frees a module that no code can be running in (never registered, or purged). */
void load_module_free(Module *m);

/* The code entry of an exported function, found in the module's function table. */
CodeWord *load_export_entry(const Module *m, const Export *e);

#endif
