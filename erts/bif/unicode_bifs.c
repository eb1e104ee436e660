/* unicode_bifs.c — unicode:characters_to_binary/2, characters_to_list/2 and bin_is_7bit/1,
 * always to UTF-8. The Rest of {error, _, Rest} and {incomplete, _, Rest} has OTP's shapes:
 * those of its native converter for latin1/UTF-8 input, those of stdlib's Erlang fallback
 * for UTF-16/UTF-32 input. Cost: one reduction per 256 bytes made. */
#include "bif/bif.h"

#include <stdlib.h>
#include <string.h>

#include "atom/atom.h"
#include "bif/bif_reds.h"
#include "bif/bif_util.h"
#include "term/binary.h"
#include "term/strbuf.h"
#include "term/utf8.h"

/* ---- growable buffers -------------------------------------------------------- */

static void bytes_put_char(StrBuf *o, uint32_t c)
{
    uint8_t tmp[4];
    strbuf_append(o, tmp, utf8_encode(c, tmp));
}

/* The outer list tails still to walk, innermost last: nesting depth is bounded only by memory. */
typedef struct Tails {
    Term *t;
    size_t n, cap;
} Tails;

static void tails_push(Tails *s, Term t)
{
    if (s->n == s->cap) {
        s->cap = s->cap ? 2 * s->cap : 16;
        s->t = realloc(s->t, s->cap * sizeof(Term));
        if (!s->t) abort();
    }
    s->t[s->n++] = t;
}

static Term cons(Process *p, Term head, Term tail) { return term_cons(proc_alloc(p, 2), head, tail); }

/* An error's Rest as seen from the outermost list: each enclosing level adds [Rest | ItsTail]. */
static Term wrap_rest(Process *p, Tails *s, Term rest)
{
    while (s->n) rest = cons(p, rest, s->t[--s->n]);
    return rest;
}

static bool valid_char(Term t)
{
    if (!term_is_small(t)) return false;
    SInt c = term_small_value(t);
    return c >= 0 && c <= 0x10FFFF && (c < 0xD800 || c > 0xDFFF);
}

static Term tail_bytes(Process *p, Term bin, size_t from)
{
    return binary_slice(p, bin, from * 8, binary_bit_size(bin) - from * 8);
}

/* ---- latin1 and UTF-8 input --------------------------------------------------- */

/* OTP first checks the whole term's shape (integers, byte binaries, lists, a binary
 * as an improper tail) and stops looking at the first bignum: the walk that follows
 * reports that as a bad character instead. */
static bool chardata_shape_ok(Term t)
{
    if (term_is_nil(t)) return true;
    if (!term_is_list(t)) return binary_is_binary(t);
    Tails s = {0};
    bool ok = true;
    Term l = t;
    for (;;) {
        if (term_is_list(l)) {
            Term h = term_head(l);
            l = term_tail(l);
            if (term_is_small(h) || term_is_nil(h)) continue;
            if (term_is_bignum(h)) break;
            if (term_is_list(h)) {
                tails_push(&s, l);
                l = h;
                continue;
            }
            if (!binary_is_binary(h)) {
                ok = false;
                break;
            }
            continue;
        }
        if (!term_is_nil(l) && !binary_is_binary(l)) {
            ok = false;
            break;
        }
        if (!s.n) break;
        l = s.t[--s.n];
    }
    free(s.t);
    return ok;
}

/* The native walk's state: UTF-8 made so far and the bytes of a character that a
 * binary ended in the middle of, to be completed by the next binary. */
typedef struct Walk {
    Process *p;
    bool latin1;
    StrBuf out;
    uint8_t part[4];
    size_t npart;
} Walk;

static size_t lead_length(uint8_t b)
{
    if (b < 0x80) return 1;
    if ((b & 0xE0) == 0xC0) return 2;
    if ((b & 0xF0) == 0xE0) return 3;
    if ((b & 0xF8) == 0xF0) return 4;
    return 0;
}

static bool whole_char(const uint8_t *s, size_t n)
{
    size_t size;
    return utf8_decode(s, n, &size) >= 0 && size == n;
}

/* Converts one binary; returns SIZE_MAX, or the offset of the first bad byte (0 also
 * when the character carried over from an earlier binary cannot be completed). */
static size_t walk_binary(Walk *w, const uint8_t *s, size_t len)
{
    if (w->latin1) {
        for (size_t i = 0; i < len; i++) bytes_put_char(&w->out, s[i]);
        return SIZE_MAX;
    }
    size_t i = 0;
    if (w->npart) {
        size_t need = lead_length(w->part[0]), more = need - w->npart;
        if (len < more) {
            memcpy(w->part + w->npart, s, len);
            w->npart += len;
            return SIZE_MAX;
        }
        memcpy(w->part + w->npart, s, more);
        if (!whole_char(w->part, need)) return 0;
        strbuf_append(&w->out, w->part, need);
        w->npart = 0;
        i = more;
    }
    while (i < len) {
        size_t n = lead_length(s[i]);
        if (n == 0) return i;
        if (len - i < n) {
            memcpy(w->part, s + i, len - i);
            w->npart = len - i;
            break;
        }
        if (n > 1 && !whole_char(s + i, n)) return i;
        strbuf_append(&w->out, s + i, n);
        i += n;
    }
    return SIZE_MAX;
}

/* A binary of the walk: TERM_NONE when it converted, else its unconverted rest. */
static Term walk_bin_term(Walk *w, Term bin)
{
    const uint8_t *s;
    size_t len;
    bif_binary_bytes(bin, &s, &len);
    size_t bad = walk_binary(w, s, len);
    return bad == SIZE_MAX ? TERM_NONE : tail_bytes(w->p, bin, bad);
}

static bool char_ok(const Walk *w, Term t)
{
    if (!term_is_small(t)) return false;
    return w->latin1 ? term_small_value(t) >= 0 && term_small_value(t) <= 255 : valid_char(t);
}

/* Walks chardata whose shape was checked; TERM_NONE when all of it converted, else
 * the Rest from the first character that did not. */
static Term walk(Walk *w, Term t)
{
    Tails s = {0};
    Term rest = TERM_NONE, l = t;
    for (;;) {
        if (term_is_list(l)) {
            Term h = term_head(l);
            if (term_is_list(h)) {
                tails_push(&s, term_tail(l));
                l = h;
            } else if (term_is_nil(h)) {
                l = term_tail(l);
            } else if (term_is_bitstring(h)) {
                Term r = walk_bin_term(w, h);
                if (r != TERM_NONE) {
                    rest = cons(w->p, r, term_tail(l));
                    break;
                }
                l = term_tail(l);
            } else {
                /* a character may not follow bytes left of an unfinished one */
                if (w->npart || !char_ok(w, h)) {
                    rest = l;
                    break;
                }
                bytes_put_char(&w->out, (uint32_t)term_small_value(h));
                l = term_tail(l);
            }
            continue;
        }
        if (term_is_bitstring(l)) {
            rest = walk_bin_term(w, l);
            if (rest != TERM_NONE) break;
        } else if (!term_is_nil(l)) {
            rest = l;
            break;
        }
        if (!s.n) break;
        l = s.t[--s.n];
    }
    if (rest != TERM_NONE) rest = wrap_rest(w->p, &s, rest);
    free(s.t);
    return rest;
}

/* Whether the bytes left at the end could still begin a character (incomplete) rather
 * than being wrong already (error). */
static bool part_could_finish(const uint8_t *s, size_t n)
{
    size_t need = lead_length(s[0]);
    for (size_t i = 1; i < n; i++)
        if ((s[i] & 0xC0) != 0x80) return false;
    return need > n;
}

typedef enum Form { AS_BINARY, AS_LIST } Form;

static Term converted(Process *p, const StrBuf *o, Form form)
{
    static const uint8_t none[1];
    const uint8_t *b = o->data ? (const uint8_t *)o->data : none; /* nothing was made */
    bif_charge_bytes(p, o->len);
    if (form == AS_BINARY) return bif_make_binary(p, b, o->len);
    return bif_utf8_to_list(p, b, o->len);
}

static Term native_convert(Process *p, Term data, bool latin1, Form form)
{
    /* OTP treats [Binary] as Binary, which shows in the Rest of an error */
    if (term_is_list(data) && term_is_nil(term_tail(data)) && binary_is_binary(term_head(data))) data = term_head(data);
    if (!chardata_shape_ok(data)) return proc_badarg(p);
    Walk w = {.p = p, .latin1 = latin1};
    Term rest = walk(&w, data);
    Term result;
    if (rest == TERM_NONE && !w.npart) {
        result = form == AS_BINARY && !latin1 && term_is_bitstring(data) ? data : converted(p, &w.out, form);
    } else if (rest != TERM_NONE) {
        if (w.npart) rest = cons(p, bif_make_binary(p, w.part, w.npart), cons(p, rest, TERM_NIL));
        result = bif_tuple3(p, ATOM_error, converted(p, &w.out, form), rest);
    } else {
        Term tag = part_could_finish(w.part, w.npart) ? ATOM_incomplete : ATOM_error;
        result = bif_tuple3(p, tag, converted(p, &w.out, form), bif_make_binary(p, w.part, w.npart));
    }
    strbuf_free(&w.out);
    return result;
}

/* ---- UTF-16 and UTF-32 input --------------------------------------------------- */

typedef enum Wide { UTF16_BE, UTF16_LE, UTF32_BE, UTF32_LE, WIDE_BAD } Wide;

static Wide wide_encoding(Term enc)
{
    if (enc == ATOM_utf16) return UTF16_BE;
    if (enc == ATOM_utf32) return UTF32_BE;
    if (!term_is_tuple(enc) || term_tuple_arity(enc) != 2) return WIDE_BAD;
    Term kind = term_tuple_element(enc, 1), end = term_tuple_element(enc, 2);
    if (end != ATOM_big && end != ATOM_little) return WIDE_BAD;
    if (kind == ATOM_utf16) return end == ATOM_big ? UTF16_BE : UTF16_LE;
    if (kind == ATOM_utf32) return end == ATOM_big ? UTF32_BE : UTF32_LE;
    return WIDE_BAD;
}

static uint32_t unit(Wide e, const uint8_t *s)
{
    switch (e) {
    case UTF16_BE: return (uint32_t)s[0] << 8 | s[1];
    case UTF16_LE: return (uint32_t)s[1] << 8 | s[0];
    case UTF32_BE: return (uint32_t)s[0] << 24 | (uint32_t)s[1] << 16 | (uint32_t)s[2] << 8 | s[3];
    default: return (uint32_t)s[3] << 24 | (uint32_t)s[2] << 16 | (uint32_t)s[1] << 8 | s[0];
    }
}

/* One character at s: its byte length, or 0 when none can be read there. */
static size_t wide_char(Wide e, const uint8_t *s, size_t len, uint32_t *c)
{
    if (e == UTF32_BE || e == UTF32_LE) {
        if (len < 4) return 0;
        *c = unit(e, s);
        return *c <= 0x10FFFF && (*c < 0xD800 || *c > 0xDFFF) ? 4 : 0;
    }
    if (len < 2) return 0;
    uint32_t w1 = unit(e, s);
    if (w1 < 0xD800 || w1 > 0xDFFF) {
        *c = w1;
        return 2;
    }
    if (w1 > 0xDBFF || len < 4) return 0;
    uint32_t w2 = unit(e, s + 2);
    if (w2 < 0xDC00 || w2 > 0xDFFF) return 0;
    *c = 0x10000 + ((w1 - 0xD800) << 10) + (w2 - 0xDC00);
    return 4;
}

/* Bytes still missing when the n bytes at s may begin a character (OTP's rules, which
 * look at a few leading bits only), or 0 when they are wrong already. */
static size_t wide_missing(Wide e, const uint8_t *s, size_t n)
{
    bool high0 = n > 0 && (s[0] & 0xFC) == 0xD8;
    switch (e) {
    case UTF16_BE:
        if (n == 1) return high0 ? 3 : s[0] <= 215 || s[0] >= 224;
        if (n == 2) return high0 ? 2 : 0;
        return n == 3 && high0 && (s[2] & 0xFC) == 0xDC;
    case UTF16_LE:
        if (n == 1) return 1;
        if (n == 2 || n == 3) return (s[1] & 0xFC) == 0xD8 ? 4 - n : 0;
        return 0;
    case UTF32_BE:
        if (n == 1) return s[0] == 0 ? 3 : 0;
        if (n == 2) return s[0] == 0 && s[1] <= 16 ? 2 : 0;
        return n == 3 && s[0] == 0 && s[1] <= 16 && (s[1] > 0 || s[2] <= 215 || s[2] >= 224);
    default:
        if (n == 1) return 3;
        if (n == 2) return 2;
        if (n != 3 || (s[2] == 0 && s[1] == 255 && s[0] >= 254)) return 0;
        return s[2] <= 16 && (s[2] > 0 || s[1] <= 215 || s[1] >= 224);
    }
}

typedef struct WideWalk {
    Process *p;
    Wide enc;
    StrBuf out;
    Term pending; /* bytes of an unfinished character, or TERM_NONE */
    size_t missing;
} WideWalk;

/* Bigger binaries are cut into pieces of this size first, which shows in an error's Rest. */
#define WIDE_PIECE 8192

static Term concat(Process *p, Term a, Term b, size_t blen)
{
    const uint8_t *sa, *sb;
    size_t la, lb;
    bif_binary_bytes(a, &sa, &la);
    bif_binary_bytes(b, &sb, &lb);
    uint8_t *d;
    Term r = binary_new(p, la + blen, &d);
    memcpy(d, sa, la);
    memcpy(d + la, sb, blen);
    return r;
}

/* Decodes one binary of at most WIDE_PIECE bytes: TERM_NONE when it converted (perhaps
 * leaving a pending character), else the bytes from the bad character on. */
static Term wide_piece(WideWalk *w, Term bin)
{
    const uint8_t *s;
    size_t len, i = 0, n;
    uint32_t c;
    bif_binary_bytes(bin, &s, &len);
    while (i < len && (n = wide_char(w->enc, s + i, len - i, &c)) != 0) {
        bytes_put_char(&w->out, c);
        i += n;
    }
    if (i == len) return TERM_NONE;
    Term rest = tail_bytes(w->p, bin, i);
    size_t missing = wide_missing(w->enc, s + i, len - i);
    if (!missing) return rest;
    w->pending = rest;
    w->missing = missing;
    return TERM_NONE;
}

typedef enum Step { STEP_NEXT, STEP_LEVEL_DONE, STEP_ERROR, STEP_BADARG } Step;

/* A binary met where the walk expects a list: the whole input, or an improper tail.
 * May replace *l by a list of pieces to walk instead. */
static Step wide_bare(WideWalk *w, Term *l, Term *rest)
{
    Process *p = w->p;
    Term bin = *l;
    size_t len = binary_bit_size(bin) / 8;
    if (w->pending != TERM_NONE) {
        if (len >= w->missing) {
            *l = cons(p, w->pending, cons(p, bin, TERM_NIL));
            w->pending = TERM_NONE;
            return STEP_NEXT;
        }
        w->pending = concat(p, w->pending, bin, len);
        w->missing -= len;
        return STEP_LEVEL_DONE;
    }
    if (len > WIDE_PIECE) {
        Term first = binary_slice(p, bin, 0, WIDE_PIECE * 8);
        *l = cons(p, first, cons(p, tail_bytes(p, bin, WIDE_PIECE), TERM_NIL));
        return STEP_NEXT;
    }
    *rest = wide_piece(w, bin);
    return *rest == TERM_NONE ? STEP_LEVEL_DONE : STEP_ERROR;
}

/* The element at the head of list l. */
static Step wide_element(WideWalk *w, Term *l, Tails *s, Term *rest)
{
    Process *p = w->p;
    Term h = term_head(*l), tl = term_tail(*l);
    if (term_is_integer(h)) {
        if (w->pending != TERM_NONE) {
            *rest = cons(p, w->pending, *l);
            return STEP_ERROR;
        }
        if (!valid_char(h)) {
            *rest = cons(p, cons(p, h, TERM_NIL), tl);
            return STEP_ERROR;
        }
        bytes_put_char(&w->out, (uint32_t)term_small_value(h));
        *l = tl;
        return STEP_NEXT;
    }
    if (term_is_list(h) || term_is_nil(h)) {
        tails_push(s, tl);
        *l = h;
        return STEP_NEXT;
    }
    if (!binary_is_binary(h)) return STEP_BADARG;
    size_t len = binary_bit_size(h) / 8;
    if (w->pending != TERM_NONE) {
        if (len >= w->missing) {
            Term whole = concat(p, w->pending, h, w->missing);
            *l = cons(p, whole, cons(p, tail_bytes(p, h, w->missing), tl));
            w->pending = TERM_NONE;
        } else {
            w->pending = concat(p, w->pending, h, len);
            w->missing -= len;
            *l = tl;
        }
        return STEP_NEXT;
    }
    if (len > WIDE_PIECE) {
        Term first = binary_slice(p, h, 0, WIDE_PIECE * 8);
        *l = cons(p, first, cons(p, tail_bytes(p, h, WIDE_PIECE), tl));
        return STEP_NEXT;
    }
    Term r = wide_piece(w, h);
    if (r != TERM_NONE) {
        *rest = cons(p, r, tl);
        return STEP_ERROR;
    }
    *l = tl;
    return STEP_NEXT;
}

/* TERM_NONE when all converted (w->pending may be left), else the error's Rest; badarg
 * is reported through *bad. Unlike the native walk, a bad term is only found when reached. */
static Term wide_walk(WideWalk *w, Term t, bool *bad)
{
    Tails s = {0};
    Term rest = TERM_NONE, l = t;
    *bad = false;
    for (;;) {
        Step st;
        if (term_is_list(l))
            st = wide_element(w, &l, &s, &rest);
        else if (term_is_nil(l))
            st = STEP_LEVEL_DONE;
        else if (binary_is_binary(l))
            st = wide_bare(w, &l, &rest);
        else
            st = STEP_BADARG;
        if (st == STEP_NEXT) continue;
        if (st == STEP_ERROR) {
            rest = wrap_rest(w->p, &s, rest);
            break;
        }
        if (st == STEP_BADARG) {
            *bad = true;
            break;
        }
        if (!s.n) break;
        l = s.t[--s.n];
    }
    free(s.t);
    return rest;
}

static Term wide_convert(Process *p, Term data, Wide enc, Form form)
{
    WideWalk w = {.p = p, .enc = enc, .pending = TERM_NONE};
    bool bad;
    Term rest = wide_walk(&w, data, &bad);
    Term result;
    if (bad)
        result = proc_badarg(p);
    else if (rest != TERM_NONE)
        result = bif_tuple3(p, ATOM_error, converted(p, &w.out, form), rest);
    else if (w.pending != TERM_NONE)
        result = bif_tuple3(p, ATOM_incomplete, converted(p, &w.out, form), w.pending);
    else
        result = converted(p, &w.out, form);
    strbuf_free(&w.out);
    return result;
}

static Term convert(Process *p, Term data, Term enc, Form form)
{
    if (enc == ATOM_latin1) return native_convert(p, data, true, form);
    if (enc == ATOM_unicode || enc == ATOM_utf8) return native_convert(p, data, false, form);
    Wide wide = wide_encoding(enc);
    if (wide == WIDE_BAD) return proc_badarg(p);
    return wide_convert(p, data, wide, form);
}

Term bif_unicode_characters_to_binary_2(Process *p, const Term *args)
{
    return convert(p, args[0], args[1], AS_BINARY);
}

Term bif_unicode_characters_to_list_2(Process *p, const Term *args) { return convert(p, args[0], args[1], AS_LIST); }

Term bif_unicode_bin_is_7bit_1(Process *p, const Term *args)
{
    const uint8_t *s;
    size_t len;
    if (!binary_is_binary(args[0]) || bif_binary_bytes(args[0], &s, &len) != BIN_OK) return ATOM_false;
    bif_charge_bytes(p, len);
    for (size_t i = 0; i < len; i++)
        if (s[i] & 0x80) return ATOM_false;
    return ATOM_true;
}
