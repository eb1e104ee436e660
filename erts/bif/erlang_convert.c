/* erlang_convert.c — conversions between atoms, strings (lists of character
 * codes) and integers or floats: atom_to_list, list_to_atom, integer_to_list,
 * list_to_integer, float_to_list and their binary forms. Costs: one reduction,
 * linear in the length of the text. */
#include "bif/bif.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "atom/atom.h"
#include "bif/bif_util.h"
#include "bif/numbers_int.h"
#include "bif/numbers_text.h"
#include "term/bigtext.h"
#include "term/strbuf.h"
#include "term/utf8.h"

/* Text up to this length is read from a buffer here; longer strings (large
 * bignums) go through numbers_text.c. */
#define MAX_INT_TEXT 4096

static Term system_limit(Process *p) { return proc_error(p, ATOM_system_limit); }

static Term atom_result(Process *p, AtomResult r, Term atom)
{
    switch (r) {
    case ATOM_OK: return atom;
    case ATOM_ERROR_LIMIT:
    case ATOM_ERROR_TOO_LONG: return system_limit(p);
    default: return proc_badarg(p);
    }
}

Term bif_erlang_atom_to_list_1(Process *p, const Term *args)
{
    if (!term_is_atom(args[0])) return proc_badarg(p);
    size_t len;
    const char *text = atom_text(args[0], &len);
    return bif_utf8_to_list(p, (const uint8_t *)text, len);
}

/* The UTF-8 text of a list of code points, for list_to_atom. Returns false
 * (badarg) for anything but a proper list of valid code points; sets
 * *too_long when there are more than ATOM_MAX_CHARS of them. */
static bool code_points_to_utf8(Term list, uint8_t *buf, size_t *len, bool *too_long)
{
    size_t n = 0, chars = 0;
    *too_long = false;
    for (; term_is_list(list); list = term_tail(list)) {
        Term c = term_head(list);
        if (!term_is_small(c)) return false;
        SInt v = term_small_value(c);
        if (v < 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return false;
        if (++chars > ATOM_MAX_CHARS) {
            *too_long = true;
            continue; /* keep checking the rest: a bad element is still badarg */
        }
        n += utf8_encode((uint32_t)v, buf + n);
    }
    *len = n;
    return term_is_nil(list);
}

static Term list_to_atom(Process *p, Term list, bool existing)
{
    uint8_t buf[ATOM_MAX_CHARS * 4];
    size_t len;
    bool too_long;
    if (!code_points_to_utf8(list, buf, &len, &too_long)) return proc_badarg(p);
    if (too_long) return existing ? proc_badarg(p) : system_limit(p);
    Term atom = TERM_NONE;
    AtomResult r = existing ? atom_lookup((const char *)buf, len, &atom) : atom_intern((const char *)buf, len, &atom);
    return atom_result(p, r, atom);
}

Term bif_erlang_list_to_atom_1(Process *p, const Term *args) { return list_to_atom(p, args[0], false); }
Term bif_erlang_list_to_existing_atom_1(Process *p, const Term *args) { return list_to_atom(p, args[0], true); }

/* ---- integers <-> text ------------------------------------------------ */

static bool base_arg(Term t, unsigned *base)
{
    if (!term_is_small(t) || term_small_value(t) < 2 || term_small_value(t) > 36) return false;
    *base = (unsigned)term_small_value(t);
    return true;
}

/* Writes v in the given base (upper-case digits) ending at end; returns the start. */
static char *format_int(SInt v, unsigned base, char *end)
{
    UInt mag = v < 0 ? (UInt)0 - (UInt)v : (UInt)v;
    char *s = end;
    do {
        unsigned d = (unsigned)(mag % base);
        *--s = (char)(d < 10 ? '0' + d : 'A' + d - 10);
        mag /= base;
    } while (mag);
    if (v < 0) *--s = '-';
    return s;
}

/* Bignums come only from literals so far, but they print exactly. */
static Term big_to_text(Process *p, Term big, unsigned base, bool binary)
{
    StrBuf b;
    strbuf_init(&b);
    term_integer_to_text(big, base, &b);
    Term t = binary ? bif_make_binary(p, b.data, b.len) : bif_bytes_to_list(p, (const uint8_t *)b.data, b.len, TERM_NIL);
    strbuf_free(&b);
    return t;
}

static Term integer_to_text(Process *p, const Term *args, bool has_base, bool binary)
{
    unsigned base = 10;
    if (has_base && !base_arg(args[1], &base)) return proc_badarg(p);
    if (term_is_bignum(args[0])) return big_to_text(p, args[0], base, binary);
    if (!term_is_small(args[0])) return proc_badarg(p);
    char buf[80];
    char *s = format_int(term_small_value(args[0]), base, buf + sizeof buf);
    size_t len = (size_t)(buf + sizeof buf - s);
    return binary ? bif_make_binary(p, s, len) : bif_bytes_to_list(p, (const uint8_t *)s, len, TERM_NIL);
}

Term bif_erlang_integer_to_list_1(Process *p, const Term *args) { return integer_to_text(p, args, false, false); }
Term bif_erlang_integer_to_list_2(Process *p, const Term *args) { return integer_to_text(p, args, true, false); }
Term bif_erlang_integer_to_binary_1(Process *p, const Term *args) { return integer_to_text(p, args, false, true); }
Term bif_erlang_integer_to_binary_2(Process *p, const Term *args) { return integer_to_text(p, args, true, true); }

static int digit_value(unsigned char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

/* Parses [+-]digits in base; the whole text must be a number. */
static Term parse_int(Process *p, const char *s, size_t len, unsigned base)
{
    size_t i = 0;
    bool neg = false;
    if (len > 0 && (s[0] == '+' || s[0] == '-')) {
        neg = s[0] == '-';
        i = 1;
    }
    if (i == len) return proc_badarg(p);
    __int128 v = 0;
    bool big = false;
    for (; i < len; i++) {
        int d = digit_value((unsigned char)s[i]);
        if (d >= (int)base) return proc_badarg(p);
        if (!big) {
            v = v * base + d;
            if (v > (__int128)SMALL_MAX + 1) big = true;
        }
    }
    if (neg) v = -v;
    if (big || v > SMALL_MAX || v < SMALL_MIN) return num_int_from_text(p, s, len, base);
    return term_make_small((SInt)v);
}

static Term list_to_int(Process *p, const Term *args, bool has_base)
{
    unsigned base = 10;
    if (has_base && !base_arg(args[1], &base)) return proc_badarg(p);
    static _Thread_local char buf[MAX_INT_TEXT];
    size_t len;
    bool too_long;
    if (!bif_latin1_string(args[0], buf, sizeof buf, &len, &too_long))
        return too_long ? num_list_to_integer(p, args[0], base) : proc_badarg(p);
    return parse_int(p, buf, len, base);
}

Term bif_erlang_list_to_integer_1(Process *p, const Term *args) { return list_to_int(p, args, false); }
Term bif_erlang_list_to_integer_2(Process *p, const Term *args) { return list_to_int(p, args, true); }

static Term binary_to_int(Process *p, const Term *args, bool has_base)
{
    unsigned base = 10;
    if (has_base && !base_arg(args[1], &base)) return proc_badarg(p);
    const uint8_t *bytes;
    size_t len;
    BinStatus st = bif_binary_bytes(args[0], &bytes, &len);
    if (st != BIN_OK) return bif_binary_error(p, st);
    return parse_int(p, (const char *)bytes, len, base);
}

Term bif_erlang_binary_to_integer_1(Process *p, const Term *args) { return binary_to_int(p, args, false); }
Term bif_erlang_binary_to_integer_2(Process *p, const Term *args) { return binary_to_int(p, args, true); }

/* ---- floats -> text ---------------------------------------------------- */

/* OTP's default float text: 21 significant digits in C's %e form. */
static Term float_to_text(Process *p, Term f, bool binary)
{
    if (!term_is_float(f)) return proc_badarg(p);
    char buf[64];
    int n = snprintf(buf, sizeof buf, "%.20e", term_float_value(f));
    return binary ? bif_make_binary(p, buf, (size_t)n) : bif_bytes_to_list(p, (const uint8_t *)buf, (size_t)n, TERM_NIL);
}

Term bif_erlang_float_to_list_1(Process *p, const Term *args) { return float_to_text(p, args[0], false); }
Term bif_erlang_float_to_binary_1(Process *p, const Term *args) { return float_to_text(p, args[0], true); }

/* ---- text -> floats ---------------------------------------------------- */

/* OTP's float syntax and its limits are in term/float_format.c. */
Term bif_erlang_list_to_float_1(Process *p, const Term *args) { return num_list_to_float(p, args[0]); }
Term bif_erlang_binary_to_float_1(Process *p, const Term *args) { return num_binary_to_float(p, args[0]); }
