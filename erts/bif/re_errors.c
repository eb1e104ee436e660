/* re_errors.c — PCRE2 compile errors in PCRE 8.44's words. PCRE2 kept PCRE 8's
 * error numbers (plus 100) but rewrote many messages; programs match on the
 * old texts, so the common ones are translated. Errors PCRE2 added, or whose
 * cause PCRE 8 reported differently, keep PCRE2's text. */
#include "bif/re_errors.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdio.h>
#include <string.h>

#include "bif/bif_util.h"

typedef struct ErrorText {
    int code;
    const char *text;
} ErrorText;

static const ErrorText pcre8_texts[] = {
    {PCRE2_ERROR_ESCAPE_INVALID_IN_CLASS, "invalid escape sequence in character class"},
    {PCRE2_ERROR_QUANTIFIER_INVALID, "nothing to repeat"},
    {PCRE2_ERROR_MISSING_CLOSING_PARENTHESIS, "missing )"},
    {PCRE2_ERROR_BAD_OPTIONS, "unknown option bit(s) set"},
    {PCRE2_ERROR_MISSING_COMMENT_CLOSING, "missing ) after comment"},
    {PCRE2_ERROR_PARENTHESES_NEST_TOO_DEEP, "parentheses are too deeply nested"},
    {PCRE2_ERROR_HEAP_FAILED, "failed to get memory"},
    {PCRE2_ERROR_UNMATCHED_CLOSING_PARENTHESIS, "unmatched parentheses"},
    {PCRE2_ERROR_MISSING_CONDITION_CLOSING, "malformed number or name after (?("},
    {PCRE2_ERROR_ZERO_RELATIVE_REFERENCE, "a numbered reference must not be zero"},
    {PCRE2_ERROR_TOO_MANY_CONDITION_BRANCHES, "conditional group contains more than two branches"},
    {PCRE2_ERROR_BAD_RELATIVE_REFERENCE, "digit expected after (?+"},
    {PCRE2_ERROR_UNICODE_NOT_SUPPORTED, "this version of PCRE is compiled without UTF support"},
    {PCRE2_ERROR_PARENTHESES_STACK_CHECK, "parentheses are too deeply nested (stack check)"},
    {PCRE2_ERROR_CODE_POINT_TOO_BIG, "character value in \\x{} or \\o{} is too large"},
    {PCRE2_ERROR_LOOKBEHIND_INVALID_BACKSLASH_C, "\\C not allowed in lookbehind assertion"},
    {PCRE2_ERROR_UNSUPPORTED_ESCAPE_SEQUENCE, "PCRE does not support \\L, \\l, \\N{name}, \\U, or \\u"},
    {PCRE2_ERROR_CALLOUT_NUMBER_TOO_BIG, "number after (?C is > 255"},
    {PCRE2_ERROR_MISSING_CALLOUT_CLOSING, "closing ) for (?C expected"},
    {PCRE2_ERROR_MISSING_NAME_TERMINATOR, "syntax error in subpattern name (missing terminator)"},
    {PCRE2_ERROR_DUPLICATE_SUBPATTERN_NAME, "two named subpatterns have the same name"},
    {PCRE2_ERROR_INVALID_SUBPATTERN_NAME, "group name must start with a non-digit"},
    {PCRE2_ERROR_UNICODE_PROPERTIES_UNAVAILABLE, "support for \\P, \\p, and \\X has not been compiled"},
    {PCRE2_ERROR_UNKNOWN_UNICODE_PROPERTY, "unknown property name after \\P or \\p"},
    {PCRE2_ERROR_SUBPATTERN_NAME_TOO_LONG, "subpattern name is too long (maximum 32 characters)"},
    {PCRE2_ERROR_DEFINE_TOO_MANY_BRANCHES, "DEFINE group contains more than one branch"},
    {PCRE2_ERROR_PARENS_QUERY_R_MISSING_CLOSING, "(?R or (?[+-]digits must be followed by )"},
    {PCRE2_ERROR_SUBPATTERN_NUMBER_TOO_BIG, "number is too big"},
    {PCRE2_ERROR_BACKSLASH_C_SYNTAX, "\\c must be followed by an ASCII character"},
    {PCRE2_ERROR_UTF_IS_DISABLED, "setting UTF is disabled by the application"},
    {PCRE2_ERROR_BACKSLASH_U_CODE_POINT_TOO_BIG, "character value in \\u.... sequence is too large"},
    {PCRE2_ERROR_MISSING_OCTAL_OR_HEX_DIGITS, "digits missing in \\x{} or \\o{}"},
    {PCRE2_ERROR_PATTERN_TOO_COMPLICATED, "regular expression is too complicated"},
};

const char *re_error_text(int code, char *buf, size_t cap)
{
    /* PCRE2 reports bad UTF-8 in a pattern with one code per kind of fault;
     * PCRE 8 had one message for them all. */
    if (code < 0) return "invalid UTF-8 string";
    if (code == RE_ERROR_INCONSISTENT_NEWLINE) return "inconsistent NEWLINE options";
    for (size_t i = 0; i < sizeof pcre8_texts / sizeof pcre8_texts[0]; i++)
        if (pcre8_texts[i].code == code) return pcre8_texts[i].text;
    if (pcre2_get_error_message(code, (PCRE2_UCHAR *)buf, cap) < 0) snprintf(buf, cap, "Unknown error (%d)", code);
    return buf;
}

/* Where PCRE2 consistently reports an error one byte away from PCRE 8. */
static size_t pcre8_offset(int code, size_t offset)
{
    switch (code) {
    case PCRE2_ERROR_CONDITION_ASSERTION_EXPECTED:
    case PCRE2_ERROR_BAD_RELATIVE_REFERENCE: return offset + 1;
    case PCRE2_ERROR_UNKNOWN_UNICODE_PROPERTY: return offset ? offset - 1 : 0;
    default: return offset;
    }
}

Term re_error_term(Process *p, int code, size_t offset)
{
    char buf[160];
    const char *text = re_error_text(code, buf, sizeof buf);
    Term msg = bif_bytes_to_list(p, (const uint8_t *)text, strlen(text), TERM_NIL);
    return bif_tuple2(p, msg, term_make_small((SInt)pcre8_offset(code, offset)));
}
