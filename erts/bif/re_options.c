/* re_options.c — re:compile/run option lists to PCRE2 flags. Options that
 * PCRE 8 took both when compiling and when matching (anchored, newline, the
 * \R conventions) are marked neither compile-only nor run-only. */
#include "bif/re_options.h"

#include <limits.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "atom/atom.h"

/* PCRE 8's bits: CRLF is CR | LF, and ANYCRLF is CR | ANY. OTP 25 has no nul. */
enum { NL_CR = 1, NL_LF = 2, NL_CRLF = 3, NL_ANY = 4, NL_ANYCRLF = 5, BSR_ANYCRLF = 1, BSR_UNICODE = 2 };

typedef struct FlagOption {
    Term name;
    uint32_t compile, match;
    unsigned flags;
} FlagOption;

static bool flag_option(Term name, ReOptions *o)
{
    const FlagOption table[] = {
        {ATOM_anchored, PCRE2_ANCHORED, PCRE2_ANCHORED, 0},
        {ATOM_notempty, 0, PCRE2_NOTEMPTY, RE_OPT_RUN_ONLY},
        {ATOM_notempty_atstart, 0, PCRE2_NOTEMPTY_ATSTART, RE_OPT_RUN_ONLY},
        {ATOM_notbol, 0, PCRE2_NOTBOL, RE_OPT_RUN_ONLY},
        {ATOM_noteol, 0, PCRE2_NOTEOL, RE_OPT_RUN_ONLY},
        {ATOM_report_errors, 0, 0, RE_OPT_RUN_ONLY | RE_OPT_REPORT_ERRORS},
        {ATOM_global, 0, 0, RE_OPT_RUN_ONLY | RE_OPT_GLOBAL},
        {ATOM_no_start_optimize, PCRE2_NO_START_OPTIMIZE, 0, RE_OPT_COMPILE_ONLY},
        {ATOM_caseless, PCRE2_CASELESS, 0, RE_OPT_COMPILE_ONLY},
        {ATOM_dollar_endonly, PCRE2_DOLLAR_ENDONLY, 0, RE_OPT_COMPILE_ONLY},
        {ATOM_dotall, PCRE2_DOTALL, 0, RE_OPT_COMPILE_ONLY},
        {ATOM_extended, PCRE2_EXTENDED, 0, RE_OPT_COMPILE_ONLY},
        {ATOM_firstline, PCRE2_FIRSTLINE, 0, RE_OPT_COMPILE_ONLY},
        {ATOM_multiline, PCRE2_MULTILINE, 0, RE_OPT_COMPILE_ONLY},
        {ATOM_no_auto_capture, PCRE2_NO_AUTO_CAPTURE, 0, RE_OPT_COMPILE_ONLY},
        {ATOM_dupnames, PCRE2_DUPNAMES, 0, RE_OPT_COMPILE_ONLY},
        {ATOM_ungreedy, PCRE2_UNGREEDY, 0, RE_OPT_COMPILE_ONLY},
        {ATOM_ucp, PCRE2_UCP, 0, RE_OPT_COMPILE_ONLY},
        {ATOM_never_utf, PCRE2_NEVER_UTF, 0, RE_OPT_COMPILE_ONLY},
        {ATOM_unicode, PCRE2_UTF, 0, RE_OPT_COMPILE_ONLY | RE_OPT_UNICODE},
    };
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
        if (table[i].name != name) continue;
        o->compile |= table[i].compile;
        o->match |= table[i].match;
        o->flags |= table[i].flags;
        return true;
    }
    if (name == ATOM_bsr_anycrlf)
        o->bsr |= BSR_ANYCRLF;
    else if (name == ATOM_bsr_unicode)
        o->bsr |= BSR_UNICODE;
    else
        return false;
    return true;
}

static uint32_t newline_spec(Term t)
{
    if (t == ATOM_cr) return NL_CR;
    if (t == ATOM_lf) return NL_LF;
    if (t == ATOM_crlf) return NL_CRLF;
    if (t == ATOM_anycrlf) return NL_ANYCRLF;
    if (t == ATOM_any) return NL_ANY;
    return 0;
}

/* The PCRE2 settings for the bits the options set. */
static void settle_conventions(ReOptions *o)
{
    static const uint32_t newline[] = {
        0, PCRE2_NEWLINE_CR, PCRE2_NEWLINE_LF, PCRE2_NEWLINE_CRLF, PCRE2_NEWLINE_ANY, PCRE2_NEWLINE_ANYCRLF, 0, 0};
    if (o->newline > 5 || o->bsr > 2) o->inconsistent_newline = true;
    o->newline = newline[o->newline & 7];
    o->bsr = o->bsr == BSR_ANYCRLF ? PCRE2_BSR_ANYCRLF : o->bsr == BSR_UNICODE ? PCRE2_BSR_UNICODE : 0;
}

/* A non-negative integer that fits a C int, as OTP's option values must. */
static bool int_value(Term t, uint32_t *v)
{
    if (!term_is_small(t) || term_small_value(t) < 0 || term_small_value(t) > INT_MAX) return false;
    *v = (uint32_t)term_small_value(t);
    return true;
}

static bool tuple_option(Term t, ReOptions *o)
{
    UInt n = term_tuple_arity(t);
    Term key = n >= 1 ? term_tuple_element(t, 1) : TERM_NIL;
    if (n == 3 && key == ATOM_capture) {
        o->capture_values = term_tuple_element(t, 2);
        o->capture_type = term_tuple_element(t, 3);
        o->flags |= RE_OPT_CAPTURE | RE_OPT_RUN_ONLY;
        return true;
    }
    if (n != 2) return false;
    Term v = term_tuple_element(t, 2);
    uint32_t x;
    if (key == ATOM_capture) {
        o->capture_values = v;
        o->capture_type = ATOM_index;
        o->flags |= RE_OPT_CAPTURE | RE_OPT_RUN_ONLY;
    } else if (key == ATOM_offset) {
        if (!int_value(v, &x)) return false;
        o->offset = x;
        o->flags |= RE_OPT_RUN_ONLY;
    } else if (key == ATOM_match_limit) {
        if (!int_value(v, &o->match_limit)) return false;
        o->flags |= RE_OPT_RUN_ONLY | RE_OPT_MATCH_LIMIT;
    } else if (key == ATOM_match_limit_recursion) {
        if (!int_value(v, &o->match_limit_recursion)) return false;
        o->flags |= RE_OPT_RUN_ONLY | RE_OPT_MATCH_LIMIT_RECURSION;
    } else if (key == ATOM_newline) {
        if (!(x = newline_spec(v))) return false;
        o->newline |= x;
    } else {
        return false;
    }
    return true;
}

bool re_parse_options(Term list, ReOptions *o)
{
    *o = (ReOptions){.capture_values = TERM_NIL, .capture_type = ATOM_index};
    for (; term_is_list(list); list = term_tail(list)) {
        Term item = term_head(list);
        if (term_is_tuple(item) ? !tuple_option(item, o) : !flag_option(item, o)) return false;
    }
    settle_conventions(o);
    return term_is_nil(list);
}
