/* numbers_text.c — float_to_list/2 and float_to_binary/2 with their options,
 * and the text-to-number BIFs' parsing of strings of any length. The text
 * formats themselves live in term/float_format.c. */
#include "bif/numbers_text.h"

#include <stdlib.h>

#include "atom/atom.h"
#include "bif/bif.h"
#include "bif/bif_util.h"
#include "bif/numbers_int.h"
#include "term/float_format.h"

/* ---- float_to_list/2, float_to_binary/2 ----------------------------------- */

typedef enum { FMT_SCIENTIFIC, FMT_DECIMALS, FMT_SHORT } FloatFmt;

/* The options list, read left to right: the last format option wins and
 * compact counts only for {decimals, N}. False for anything malformed. */
static bool read_options(Term opts, FloatFmt *fmt, int *digits, bool *compact)
{
    *fmt = FMT_SCIENTIFIC, *digits = 20, *compact = false;
    for (; term_is_list(opts); opts = term_tail(opts)) {
        Term o = term_head(opts);
        if (o == ATOM_compact) {
            *compact = true;
        } else if (o == ATOM_short) {
            *fmt = FMT_SHORT;
        } else if (term_is_tuple(o) && term_tuple_arity(o) == 2 && term_is_small(term_tuple_element(o, 2)) &&
                   (term_tuple_element(o, 1) == ATOM_decimals || term_tuple_element(o, 1) == ATOM_scientific)) {
            SInt v = term_small_value(term_tuple_element(o, 2));
            /* beyond the text limit either way: keep the value small and out of range */
            *digits = v > FLOAT_TEXT_MAX ? FLOAT_TEXT_MAX + 1 : v < -1 ? -1 : (int)v;
            *fmt = term_tuple_element(o, 1) == ATOM_decimals ? FMT_DECIMALS : FMT_SCIENTIFIC;
        } else {
            return false;
        }
    }
    return term_is_nil(opts);
}

static Term float_to_text(Process *p, Term f, Term opts, bool binary)
{
    FloatFmt fmt;
    int digits;
    bool compact;
    if (!term_is_float(f) || !read_options(opts, &fmt, &digits, &compact)) return proc_badarg(p);
    char buf[FLOAT_TEXT_MAX];
    double d = term_float_value(f);
    int n = fmt == FMT_SHORT ? float_format_short(d, buf)
            : fmt == FMT_DECIMALS ? float_format_decimals(d, digits, compact, buf)
                                  : float_format_scientific(d, digits, buf);
    if (n < 0) return proc_badarg(p);
    return binary ? bif_make_binary(p, buf, (size_t)n) : bif_bytes_to_list(p, (const uint8_t *)buf, (size_t)n, TERM_NIL);
}

/* Cost: one reduction; the text is at most 255 characters. */
Term bif_erlang_float_to_list_2(Process *p, const Term *args) { return float_to_text(p, args[0], args[1], false); }
Term bif_erlang_float_to_binary_2(Process *p, const Term *args) { return float_to_text(p, args[0], args[1], true); }

/* ---- text to numbers --------------------------------------------------------- */

/* The bytes of a latin-1 string of any length, in stackbuf when they fit,
 * else in memory the caller frees. NULL when list is not such a string. */
static char *list_text(Term list, char *stackbuf, size_t cap, size_t *len)
{
    bool too_long;
    if (bif_latin1_string(list, stackbuf, cap, len, &too_long)) return stackbuf;
    if (!too_long) return NULL;
    size_t n;
    bif_list_length(list, &n);
    char *buf = malloc(n ? n : 1);
    if (!buf) abort();
    if (!bif_latin1_string(list, buf, n, len, NULL)) {
        free(buf);
        return NULL;
    }
    return buf;
}

static Term float_of_text(Process *p, const char *s, size_t len)
{
    double d;
    if (!float_parse(s, len, &d)) return proc_badarg(p);
    return term_make_float(proc_alloc(p, FLOAT_WORDS), d);
}

Term num_list_to_float(Process *p, Term list)
{
    char stackbuf[256];
    size_t len;
    char *s = list_text(list, stackbuf, sizeof stackbuf, &len);
    if (!s) return proc_badarg(p);
    Term r = float_of_text(p, s, len);
    if (s != stackbuf) free(s);
    return r;
}

Term num_binary_to_float(Process *p, Term bin)
{
    const uint8_t *bytes;
    size_t len;
    BinStatus st = bif_binary_bytes(bin, &bytes, &len);
    if (st != BIN_OK) return bif_binary_error(p, st);
    return float_of_text(p, (const char *)bytes, len);
}

Term num_list_to_integer(Process *p, Term list, unsigned base)
{
    char stackbuf[256];
    size_t len;
    char *s = list_text(list, stackbuf, sizeof stackbuf, &len);
    if (!s) return proc_badarg(p);
    Term r = num_int_from_text(p, s, len, base);
    if (s != stackbuf) free(s);
    return r;
}
