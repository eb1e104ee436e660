/* map_ops.h — the slow paths of the map instructions (ops_maps.def): building
 * maps with put_map_assoc/put_map_exact and matching them with
 * has_map_fields/get_map_elements. Operands are read from pc as the loader
 * laid them out (see ops_maps.def). */
#ifndef EMBER_EMU_MAP_OPS_H
#define EMBER_EMU_MAP_OPS_H

#include <stdbool.h>

#include "load/code.h"
#include "proc/process.h"

/* put_map_assoc / put_map_exact: the new map, or TERM_NONE with {badmap, M}
 * or {badkey, K} raised on p. May collect (x[0..live) are roots). */
Term emu_put_map(Process *p, Term *x, const CodeWord *pc, bool exact);

/* has_map_fields: true if the map holds every listed key. */
bool emu_has_map_fields(Process *p, Term *x, const CodeWord *pc);

/* get_map_elements: looks every key up first, then writes the destinations
 * (a destination may be a key's register); false if a key is missing. */
bool emu_get_map_elements(Process *p, Term *x, const CodeWord *pc);

#endif
