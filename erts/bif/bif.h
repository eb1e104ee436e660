/* bif.h — declarations of every BIF (from bifs.def) and their registration.
 * A BIF has the BifFn signature of load/export.h. Each BIF's comment states
 * its reduction cost where it is more than one. */
#ifndef EMBER_BIF_H
#define EMBER_BIF_H

#include "load/export.h"
#include "proc/process.h"

#define BIF(module, name, arity, fn) Term fn(Process *p, const Term *args);
#include "bif/bifs.def"
#undef BIF

/* Enters every BIF into the export table. Run after atom_table_init. */
void bif_register_all(void);

#endif
