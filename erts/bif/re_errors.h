/* re_errors.h — compile error texts as OTP 25 reports them. OTP 25 bundles
 * PCRE 8.44, whose messages differ from PCRE2's in wording (and, for a few
 * errors, in the offset reported). */
#ifndef EMBER_RE_ERRORS_H
#define EMBER_RE_ERRORS_H

#include <stddef.h>

#include "proc/process.h"

/* PCRE 8's error for newline or \R options that contradict each other,
 * which PCRE2 cannot meet (it takes one convention of each). */
#define RE_ERROR_INCONSISTENT_NEWLINE 1056

/* The message for a pcre2_compile error code, in PCRE 8's words where they
 * differ; buf (cap bytes) receives PCRE2's own text otherwise. */
const char *re_error_text(int code, char *buf, size_t cap);
/* {Text, Offset} for a compile error, as re:compile's {error, _} holds it. */
Term re_error_term(Process *p, int code, size_t offset);

#endif
