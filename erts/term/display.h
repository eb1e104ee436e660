/* display.h — the text erlang:display/1 prints for a term (OTP 25's format:
 * floats as %e, strings of printable latin-1 as "...", atoms quoted only when
 * needed, funs as #Fun<M.Index.Uniq> or fun M:F/A). */
#ifndef EMBER_DISPLAY_H
#define EMBER_DISPLAY_H

#include "term/strbuf.h"
#include "term/term.h"

/* Appends the text of t, without a newline. Iterative: deep or long terms use
 * heap memory, not C stack. */
void term_display(Term t, StrBuf *out);

/* Appends an atom's text, quoted and escaped as erlang:display/1 does. */
void term_display_atom(Term atom, StrBuf *out);

#endif
