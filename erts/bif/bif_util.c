/* bif_util.c — helpers shared by the BIF files (see bif_util.h). */
#include "bif/bif_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atom/atom.h"
#include "term/binary.h"
#include "term/map.h"
#include "term/utf8.h"

Term bif_not_implemented(Process *p, const char *what)
{
    return proc_error2(p, ATOM_not_implemented, atom_from_cstr(what));
}

Term bif_badopt(Process *p)
{
    proc_badarg(p);
    Term keys[2] = {ATOM_cause, ATOM_module}, values[2] = {ATOM_badopt, ATOM_erl_erts_errors};
    p->ferror_info = map_from_pairs(p, keys, values, 2);
    return TERM_NONE;
}

Term bif_bignum(Process *p) { return bif_not_implemented(p, "bignum"); }

bool bif_list_length(Term list, size_t *len)
{
    size_t n = 0;
    while (term_is_list(list)) {
        n++;
        list = term_tail(list);
    }
    *len = n;
    return term_is_nil(list);
}

Term bif_alloc_tuple(Process *p, size_t n, Term **elems)
{
    Term *t = proc_alloc(p, n + 1);
    t[0] = header_make(HDR_TUPLE, n);
    *elems = t + 1;
    return term_make_boxed(t);
}

Term bif_tuple2(Process *p, Term a, Term b) { return proc_tuple2(p, a, b); }

Term bif_tuple3(Process *p, Term a, Term b, Term c)
{
    Term *e;
    Term t = bif_alloc_tuple(p, 3, &e);
    e[0] = a;
    e[1] = b;
    e[2] = c;
    return t;
}

Term bif_bytes_to_list(Process *p, const uint8_t *s, size_t len, Term tail)
{
    if (len == 0) return tail;
    Term *cells = proc_alloc(p, 2 * len);
    Term list = tail;
    for (size_t i = len; i-- > 0;) list = term_cons(cells + 2 * i, term_make_small(s[i]), list);
    return list;
}

Term bif_utf8_to_list(Process *p, const uint8_t *s, size_t len)
{
    size_t n = utf8_count_chars(s, len);
    if (n == UTF8_INVALID || n == 0) return TERM_NIL;
    Term *cells = proc_alloc(p, 2 * n);
    size_t pos = 0;
    for (size_t i = 0; i < n; i++) {
        size_t size = 1;
        int32_t c = utf8_decode(s + pos, len - pos, &size);
        pos += size;
        cells[2 * i] = term_make_small(c < 0 ? 0xFFFD : c);
        cells[2 * i + 1] = i + 1 < n ? term_make_list(cells + 2 * (i + 1)) : TERM_NIL;
    }
    return term_make_list(cells);
}

Term bif_array_to_list(Process *p, const Term *items, size_t n, Term tail)
{
    if (n == 0) return tail;
    Term *cells = proc_alloc(p, 2 * n);
    Term list = tail;
    for (size_t i = n; i-- > 0;) list = term_cons(cells + 2 * i, items[i], list);
    return list;
}

BinStatus bif_binary_bytes(Term t, const uint8_t **bytes, size_t *len)
{
    BinView v;
    /* a bitstring with trailing bits is not a binary; binaries are byte
     * aligned (term/binary.h) */
    if (!binary_view(t, &v) || v.bit_size % 8 || v.bit_off % 8) return BIN_NOT_BINARY;
    *bytes = v.bytes + v.bit_off / 8;
    *len = v.bit_size / 8;
    return BIN_OK;
}

Term bif_binary_error(Process *p, BinStatus status)
{
    if (status == BIN_UNSUPPORTED) return bif_not_implemented(p, "binary");
    return proc_badarg(p);
}

Term bif_make_binary(Process *p, const void *bytes, size_t len)
{
    return binary_from_bytes(p, bytes, len);
}

bool bif_latin1_string(Term list, char *buf, size_t cap, size_t *len, bool *too_long)
{
    size_t n = 0;
    bool over = false;
    if (too_long) *too_long = false;
    for (; term_is_list(list); list = term_tail(list)) {
        Term c = term_head(list);
        if (!term_is_small(c) || term_small_value(c) < 0 || term_small_value(c) > 255) return false;
        if (n == cap) {
            over = true; /* keep validating: a bad element is still not a string */
            continue;
        }
        buf[n++] = (char)term_small_value(c);
    }
    *len = n;
    if (!term_is_nil(list)) return false;
    if (over && too_long) *too_long = true;
    return !over;
}

/* ---- iodata --------------------------------------------------------------- */

enum { BYTE_RUN = 256 };

/* Byte elements come in runs; they are handed on together. */
typedef struct IodataWalk {
    IodataPiece piece;
    void *ctx;
    uint8_t run[BYTE_RUN];
    size_t run_len;
} IodataWalk;

static void flush_run(IodataWalk *w)
{
    if (w->run_len) w->piece(w->ctx, w->run, w->run_len);
    w->run_len = 0;
}

static BinStatus binary_piece(IodataWalk *w, Term t)
{
    const uint8_t *bytes;
    size_t len;
    BinStatus st = bif_binary_bytes(t, &bytes, &len);
    if (st != BIN_OK) return st;
    flush_run(w);
    if (len) w->piece(w->ctx, bytes, len);
    return BIN_OK;
}

/* Without recursion: deep nesting keeps the pending tails on a heap stack. */
BinStatus bif_iodata_each(Term t, IodataPiece piece, void *ctx)
{
    IodataWalk w = {.piece = piece, .ctx = ctx};
    size_t depth = 0, cap = 0;
    Term *stack = NULL;
    BinStatus st = BIN_OK;
    if (!term_is_list(t) && !term_is_nil(t) && !term_is_bitstring(t)) return BIN_NOT_BINARY;
    for (;;) {
        if (term_is_list(t)) {
            Term h = term_head(t);
            if (term_is_small(h) && term_small_value(h) >= 0 && term_small_value(h) <= 255) {
                if (w.run_len == BYTE_RUN) flush_run(&w);
                w.run[w.run_len++] = (uint8_t)term_small_value(h);
                t = term_tail(t);
                continue;
            }
            if (term_is_list(h) || term_is_nil(h)) {
                if (depth == cap) {
                    cap = cap ? 2 * cap : 64;
                    Term *grown = realloc(stack, cap * sizeof *stack);
                    if (!grown) {
                        fprintf(stderr, "ember: out of memory walking an iolist\n");
                        abort();
                    }
                    stack = grown;
                }
                stack[depth++] = term_tail(t);
                t = h;
                continue;
            }
            if ((st = binary_piece(&w, h)) != BIN_OK) break;
            t = term_tail(t);
            continue;
        }
        if (!term_is_nil(t) && (st = binary_piece(&w, t)) != BIN_OK) break;
        if (depth == 0) break;
        t = stack[--depth];
    }
    free(stack);
    if (st == BIN_OK) flush_run(&w);
    return st;
}

static void count_piece(void *ctx, const uint8_t *bytes, size_t len)
{
    (void)bytes;
    *(size_t *)ctx += len;
}

BinStatus bif_iodata_size(Term t, size_t *size)
{
    *size = 0;
    return bif_iodata_each(t, count_piece, size);
}

static void copy_piece(void *ctx, const uint8_t *bytes, size_t len)
{
    uint8_t **at = ctx;
    memcpy(*at, bytes, len);
    *at += len;
}

void bif_iodata_copy(Term t, uint8_t *dst) { bif_iodata_each(t, copy_piece, &dst); }

bool bif_iolist_copy(Term t, uint8_t **bytes, size_t *len)
{
    if (bif_iodata_size(t, len) != BIN_OK) return false;
    *bytes = malloc(*len ? *len : 1);
    if (!*bytes) return false;
    bif_iodata_copy(t, *bytes);
    return true;
}
