/* re_options.h — the option lists of re:compile/2 and re:run/3, read into
 * PCRE2 flags. One parser serves both: compile rejects run-only options and
 * run on a compiled pattern rejects compile-only ones, as OTP 25 does. */
#ifndef EMBER_RE_OPTIONS_H
#define EMBER_RE_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "term/term.h"

enum {
    RE_OPT_COMPILE_ONLY = 1 << 0, /* an option that only compiling takes */
    RE_OPT_RUN_ONLY = 1 << 1,     /* an option that only matching takes */
    RE_OPT_UNICODE = 1 << 2,
    RE_OPT_CAPTURE = 1 << 3,
    RE_OPT_GLOBAL = 1 << 4,
    RE_OPT_REPORT_ERRORS = 1 << 5,
    RE_OPT_MATCH_LIMIT = 1 << 6,
    RE_OPT_MATCH_LIMIT_RECURSION = 1 << 7,
};

typedef struct ReOptions {
    uint32_t compile; /* pcre2_compile options */
    uint32_t newline; /* PCRE2_NEWLINE_*, 0 when not given */
    uint32_t bsr;     /* PCRE2_BSR_*, 0 when not given */
    uint32_t match;   /* pcre2_match options */
    unsigned flags;   /* RE_OPT_* */
    size_t offset;
    Term capture_values, capture_type; /* of {capture, Values[, Type]} */
    uint32_t match_limit, match_limit_recursion;
    /* PCRE 8 kept newline and \R conventions as bits that several options
     * OR together; a mix that names no convention fails to compile with
     * "inconsistent NEWLINE options". */
    bool inconsistent_newline;
} ReOptions;

/* Reads a proper list of options; false for anything OTP answers with badarg. */
bool re_parse_options(Term list, ReOptions *o);

#endif
