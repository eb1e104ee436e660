/* re_pattern.h — compiled regular expressions and the {re_pattern, N, Unicode,
 * UseCrlf, Bin} term of re:compile. Bin holds the pattern's source and
 * compile flags rather than PCRE's code, so it survives term_to_binary,
 * ETS and other nodes, and equal patterns compare equal as in OTP; the code
 * itself lives in a shared cache keyed by Bin's content. */
#ifndef EMBER_RE_PATTERN_H
#define EMBER_RE_PATTERN_H

#include <stddef.h>
#include <stdint.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "bif/re_options.h"
#include "proc/process.h"

/* A compiled pattern held by its user; release it with re_code_release. */
typedef struct ReCode ReCode;

/* Compiles src[0..len) with o's compile flags, newline and \R conventions
 * (or finds it in the cache). NULL on a compile error, with PCRE2's error
 * code and offset in *err and *erroff. */
ReCode *re_code_compile(const uint8_t *src, size_t len, const ReOptions *o, int *err, size_t *erroff);
/* The code of a {re_pattern, ...} term, compiled again with another newline
 * or \R convention when those are non-zero and differ (PCRE 8 took them at
 * match time). NULL when the term is not a pattern re:compile made. */
ReCode *re_code_of_term(Term pattern, uint32_t newline, uint32_t bsr);
const pcre2_code *re_code_pcre(const ReCode *c);
void re_code_release(ReCode *c);

/* The bytes of a pattern or subject: a byte-aligned binary in place, other
 * iodata copied into owned (free it with re_input_free). */
typedef struct ReInput {
    const uint8_t *bytes;
    size_t len;
    uint8_t *owned;
} ReInput;
/* False when t is not iodata (badarg). */
bool re_input_bytes(Term t, ReInput *in);
void re_input_free(ReInput *in);

/* The {re_pattern, N, Unicode, UseCrlf, Bin} term for compiled code c. */
Term re_pattern_term(Process *p, const ReCode *c, bool unicode);

#endif
