/* float.h — numbers as doubles for the float instructions (fconv, fmove). */
#ifndef EMBER_EMU_FLOAT_H
#define EMBER_EMU_FLOAT_H

#include <stdbool.h>

#include "term/term.h"

/* The value of an integer (small or big) or float as a double; false for a
 * non-number or an integer too large to be a finite double (badarith). */
bool emu_number_to_double(Term t, double *out);

#endif
