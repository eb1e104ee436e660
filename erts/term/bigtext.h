/* bigtext.h — bignum to text in any base 2..36 (erlang:display, integer_to_list). */
#ifndef EMBER_BIGTEXT_H
#define EMBER_BIGTEXT_H

#include "term/strbuf.h"
#include "term/term.h"

/* Appends the value of an integer term (small or bignum) in base 2..36, with
 * a leading '-' when negative and upper-case letters for digits above 9, as
 * integer_to_list/2 writes it. Cost: quadratic in the number of digits. */
void term_integer_to_text(Term integer, unsigned base, StrBuf *out);

#endif
