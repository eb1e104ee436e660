/* text_bifs.c — string:list_to_integer/1 and list_to_float/1, which read a number from the
 * front of a string and return it with the rest, and the fixed answers of
 * io:printable_range/0 and file:native_name_encoding/0. The numbers themselves are made by
 * the parsers behind erlang:list_to_integer/list_to_float. Cost: one reduction per 16
 * characters read. */
#include "bif/bif.h"

#include <stdlib.h>

#include "atom/atom.h"
#include "bif/bif_reds.h"
#include "bif/bif_util.h"
#include "bif/numbers_int.h"
#include "term/float_format.h"
#include "term/strbuf.h"

static int head_char(Term l)
{
    return term_is_list(l) && term_is_small(term_head(l)) ? (int)term_small_value(term_head(l)) : -1;
}
static bool is_digit(int c) { return c >= '0' && c <= '9'; }

/* Copies a sign, if any, at *l into t and moves past it. */
static void take_sign(Term *l, StrBuf *t)
{
    int c = head_char(*l);
    if (c == '+' || c == '-') {
        strbuf_append_char(t, (char)c);
        *l = term_tail(*l);
    }
}

/* Copies the digits at *l into t, moving past them; the count taken. */
static size_t take_digits(Term *l, StrBuf *t)
{
    size_t n = 0;
    for (int c; is_digit(c = head_char(*l)); n++) {
        strbuf_append_char(t, (char)c);
        *l = term_tail(*l);
    }
    return n;
}

Term bif_string_list_to_integer_1(Process *p, const Term *args)
{
    Term l = args[0];
    if (!term_is_list(l) && !term_is_nil(l)) return bif_tuple2(p, ATOM_error, ATOM_not_a_list);
    StrBuf t;
    strbuf_init(&t);
    take_sign(&l, &t);
    Term result;
    if (take_digits(&l, &t) == 0)
        result = bif_tuple2(p, ATOM_error, ATOM_no_integer);
    else
        result = bif_tuple2(p, num_int_from_text(p, t.data, t.len, 10), l);
    bif_charge_cells(p, t.len);
    strbuf_free(&t);
    return result;
}

/* OTP's syntax: [+-]Digits(.|,)Digits, then an exponent (e|E)[+-]Digits only when it is
 * complete; whatever follows is the rest. */
Term bif_string_list_to_float_1(Process *p, const Term *args)
{
    Term l = args[0];
    if (!term_is_list(l) && !term_is_nil(l)) return bif_tuple2(p, ATOM_error, ATOM_not_a_list);
    StrBuf t;
    strbuf_init(&t);
    take_sign(&l, &t);
    bool ok = take_digits(&l, &t) > 0;
    int c = head_char(l);
    ok = ok && (c == '.' || c == ',');
    if (ok) {
        strbuf_append_char(&t, (char)c);
        l = term_tail(l);
        ok = take_digits(&l, &t) > 0;
    }
    c = head_char(l);
    if (ok && (c == 'e' || c == 'E')) {
        /* read the exponent ahead; keep it only when it has digits */
        size_t mark = t.len;
        Term after = term_tail(l);
        strbuf_append_char(&t, (char)c);
        take_sign(&after, &t);
        if (take_digits(&after, &t) > 0)
            l = after;
        else
            t.len = mark;
    }
    double d;
    Term result;
    if (ok && float_parse(t.data, t.len, &d))
        result = bif_tuple2(p, term_make_float(proc_alloc(p, FLOAT_WORDS), d), l);
    else
        result = bif_tuple2(p, ATOM_error, ATOM_no_float);
    bif_charge_cells(p, t.len);
    strbuf_free(&t);
    return result;
}

/* Ember has no +pc flag: only latin-1 characters count as printable. */
Term bif_io_printable_range_0(Process *p, const Term *args) { return ATOM_latin1; }

/* File names are UTF-8 text (OTP's default on Linux; Ember has no +fn flag). */
Term bif_file_native_name_encoding_0(Process *p, const Term *args) { return ATOM_utf8; }
