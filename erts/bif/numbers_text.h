/* numbers_text.h — numbers from and to text, for the conversion BIFs:
 * list_to_float/binary_to_float, integers from strings of any length. */
#ifndef EMBER_NUMBERS_TEXT_H
#define EMBER_NUMBERS_TEXT_H

#include "proc/process.h"
#include "term/term.h"

/* list_to_float/1 and binary_to_float/1: badarg unless the whole text has
 * OTP's float syntax and a finite value. Linear in the length. */
Term num_list_to_float(Process *p, Term list);
Term num_binary_to_float(Process *p, Term bin);

/* list_to_integer for a string of any length (badarg if not a string of
 * digits in base). Quadratic in the length. */
Term num_list_to_integer(Process *p, Term list, unsigned base);

#endif
