/* ext_fun.h — the fun entry a closure decoded by binary_to_term points at
 * (NEW_FUN_EXT names a module version by its MD5 and the fun by its indices). */
#ifndef EMBER_EXT_FUN_H
#define EMBER_EXT_FUN_H

#include <stdint.h>

#include "load/module.h"

/* What NEW_FUN_EXT says about the fun; arity is the fun's own arity,
 * without the free variables. */
typedef struct ExtFunId {
    Term module;
    uint8_t md5[16];
    uint32_t new_index, old_index, old_uniq;
    unsigned arity, num_free;
} ExtFunId;

/* The loaded version's own entry when the module is loaded with that MD5 and
 * the entry agrees; otherwise an entry without code that stands for the
 * version (made once per id and kept). Calling it goes through
 * emu_purged_fun, which finds the version once it is loaded, as OTP's
 * shared fun table does. Thread-safe; takes the module table's lock, so it
 * must not run while a module is being loaded from the code path. */
const FunEntry *ext_fun_entry(const ExtFunId *id);

/* The entry of the loaded version that a decoded entry stands for, or fe
 * itself when it is a loaded version's own (for fun_info's name). */
const FunEntry *ext_fun_resolved(const FunEntry *fe);

#endif
