/* bif_reds.h — reductions for BIFs whose work grows with their input. Such a
 * BIF charges its caller for the work done, so that a process calling it in a
 * loop reaches the end of its slice after one long call and others get to run
 * (the check is made where the next call enters its target). */
#ifndef EMBER_BIF_REDS_H
#define EMBER_BIF_REDS_H

#include <stddef.h>

#include "proc/process.h"

/* One reduction per this many list cells walked or built, or tuple elements. */
#define BIF_CELLS_PER_REDUCTION 16
/* One reduction per this many bytes encoded, decoded or copied. */
#define BIF_BYTES_PER_REDUCTION 256

static inline void bif_charge_cells(Process *p, size_t cells) { p->reductions += cells / BIF_CELLS_PER_REDUCTION; }
static inline void bif_charge_bytes(Process *p, size_t bytes) { p->reductions += bytes / BIF_BYTES_PER_REDUCTION; }

#endif
