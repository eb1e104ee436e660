/* erlang_term.c — BIFs over whole terms, backed by the term services:
 * display/1, display_string/1, display_nl/0 (term/display.h), phash/2 and phash2/1,2 (term/phash.h), term_to_binary/1,2,
 * term_to_iovec/1,2, external_size/1,2 and binary_to_term/1,2
 * (term/external.h, term/ext_encode.h). Costs: one reduction, linear in the
 * size of the term. */
#include "bif/bif.h"

#include <stdio.h>
#include <stdlib.h>

#include "atom/atom.h"
#include "bif/bif_reds.h"
#include "bif/bif_util.h"
#include "term/binary.h"
#include "term/display.h"
#include "term/ext_encode.h"
#include "term/external.h"
#include "term/phash.h"
#include "term/strbuf.h"
#include "term/utf8.h"

/* The text and its line end go out in one write, so lines from several
 * schedulers never interleave. OTP ends the line with "\r\n" whatever
 * stdout is, and output must match it byte for byte. */
Term bif_erlang_display_1(Process *p, const Term *args)
{
    StrBuf b;
    strbuf_init(&b);
    term_display(args[0], &b);
    strbuf_append_cstr(&b, "\r\n");
    fwrite(b.data, 1, b.len, stdout);
    fflush(stdout);
    strbuf_free(&b);
    return ATOM_true;
}

/* display_string/1 and display_nl/0 write to standard error, a newline as
 * "\r\n" as OTP does, the text as UTF-8. */
static void display_error_text(const StrBuf *b)
{
    fwrite(b->data, 1, b->len, stderr);
    fflush(stderr);
}

Term bif_erlang_display_string_1(Process *p, const Term *args)
{
    StrBuf b;
    strbuf_init(&b);
    Term l = args[0];
    for (; term_is_list(l); l = term_tail(l)) {
        Term c = term_head(l);
        SInt v = term_is_small(c) ? term_small_value(c) : -1;
        uint8_t utf8[4];
        if (v < 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) break;
        if (v == '\n')
            strbuf_append_cstr(&b, "\r\n");
        else
            strbuf_append(&b, utf8, utf8_encode((int32_t)v, utf8));
    }
    if (!term_is_nil(l)) {
        strbuf_free(&b);
        return proc_badarg(p);
    }
    display_error_text(&b);
    strbuf_free(&b);
    return ATOM_true;
}

Term bif_erlang_display_nl_0(Process *p, const Term *args)
{
    StrBuf b;
    strbuf_init(&b);
    strbuf_append_cstr(&b, "\r\n");
    display_error_text(&b);
    strbuf_free(&b);
    return ATOM_true;
}

/* phash(Term, Range) with Range in 1..2^32: a result in 1..Range. */
Term bif_erlang_phash_2(Process *p, const Term *args)
{
    Term r = args[1];
    if (!term_is_small(r) || term_small_value(r) < 1 || term_small_value(r) > (SInt)1 << 32) return proc_badarg(p);
    uint64_t range = (uint64_t)term_small_value(r);
    return term_make_small((SInt)(term_make_hash(args[0]) % range) + 1);
}

Term bif_erlang_phash2_1(Process *p, const Term *args) { return term_make_small(term_phash2(args[0])); }

/* phash2(Term, Range) with Range in 1..2^32. */
Term bif_erlang_phash2_2(Process *p, const Term *args)
{
    Term r = args[1];
    uint64_t range;
    if (term_is_small(r) && term_small_value(r) >= 1 && term_small_value(r) <= (SInt)1 << 32)
        range = (uint64_t)term_small_value(r);
    else
        return proc_badarg(p);
    return term_make_small(term_phash2_range(args[0], range));
}

/* ---- term_to_binary and its relatives ------------------------------------- */

/* What zlib's Z_DEFAULT_COMPRESSION stands for, and what `compressed` means. */
enum { ZLIB_DEFAULT_LEVEL = 6 };

typedef struct EncodeRequest {
    ExtEncodeOptions ext;
    int compress_level; /* -1: not compressed */
} EncodeRequest;

/* The options of term_to_binary/2 and term_to_iovec/2 (for_size: the few
 * external_size/2 takes, minor versions 0 and 1 only). */
static bool parse_encode_options(Term list, bool for_size, EncodeRequest *r)
{
    *r = (EncodeRequest){.ext = EXT_ENCODE_DEFAULTS, .compress_level = -1};
    for (; term_is_list(list); list = term_tail(list)) {
        Term o = term_head(list);
        if (!for_size && o == ATOM_compressed) {
            r->compress_level = ZLIB_DEFAULT_LEVEL;
        } else if (!for_size && o == ATOM_deterministic) {
            r->ext.deterministic = true;
        } else if (term_is_tuple(o) && term_tuple_arity(o) == 2 && term_is_small(term_tuple_element(o, 2))) {
            Term key = term_tuple_element(o, 1);
            SInt v = term_small_value(term_tuple_element(o, 2));
            if (!for_size && key == ATOM_compressed && v >= 0 && v <= 9)
                r->compress_level = (int)v;
            else if (key == ATOM_minor_version && v >= 0 && v <= (for_size ? 1 : 2))
                r->ext.minor_version = (unsigned)v;
            else
                return false;
        } else {
            return false;
        }
    }
    return term_is_nil(list);
}

/* The request of a BIF's options argument, or the defaults when it has
 * none (opts TERM_NONE); false with badarg raised for bad options. */
static bool encode_request(Process *p, Term opts, bool for_size, EncodeRequest *r)
{
    if (opts == TERM_NONE) {
        *r = (EncodeRequest){.ext = EXT_ENCODE_DEFAULTS, .compress_level = -1};
        return true;
    }
    if (parse_encode_options(opts, for_size, r)) return true;
    proc_badarg(p);
    return false;
}

/* Encodes t as the request asks; false (with the error raised on p) for a
 * term that cannot be encoded yet. */
static bool encode(Process *p, Term t, EncodeRequest *r, StrBuf *out)
{
    strbuf_init(out);
    if (ext_encode_with(t, &r->ext, out) != EXT_ENCODE_OK) {
        strbuf_free(out);
        free(r->ext.splits);
        bif_not_implemented(p, "term_to_binary");
        return false;
    }
    if (r->compress_level >= 0) ext_compress(out, r->compress_level);
    bif_charge_bytes(p, out->len); /* one reduction per 256 bytes */
    return true;
}

static Term term_to_binary(Process *p, Term t, EncodeRequest *r)
{
    StrBuf b;
    if (!encode(p, t, r, &b)) return TERM_NONE;
    Term bin = binary_from_bytes(p, b.data, b.len);
    strbuf_free(&b);
    return bin;
}

Term bif_erlang_term_to_binary_1(Process *p, const Term *args)
{
    EncodeRequest r;
    encode_request(p, TERM_NONE, false, &r);
    return term_to_binary(p, args[0], &r);
}

Term bif_erlang_term_to_binary_2(Process *p, const Term *args)
{
    EncodeRequest r;
    return encode_request(p, args[1], false, &r) ? term_to_binary(p, args[0], &r) : TERM_NONE;
}

/* The encoding as a list of binaries: the text between large binaries, and
 * those binaries themselves, uncopied. Compressed, it is one binary, not a
 * list, as on OTP 25. */
static Term term_to_iovec(Process *p, Term t, EncodeRequest *r)
{
    if (r->compress_level >= 0) return term_to_binary(p, t, r);
    r->ext.split_binaries = true;
    StrBuf b;
    if (!encode(p, t, r, &b)) return TERM_NONE;
    size_t n = 0, from = 0;
    Term *parts = malloc((2 * r->ext.nsplits + 1) * sizeof *parts);
    if (!parts) abort();
    for (size_t i = 0; i < r->ext.nsplits; i++) {
        const ExtSplit *s = &r->ext.splits[i];
        if (s->at > from) parts[n++] = binary_from_bytes(p, b.data + from, s->at - from);
        parts[n++] = s->bytes * 8 == binary_bit_size(s->bin) ? s->bin : binary_slice(p, s->bin, 0, s->bytes * 8);
        from = s->at;
    }
    if (b.len > from) parts[n++] = binary_from_bytes(p, b.data + from, b.len - from);
    Term list = bif_array_to_list(p, parts, n, TERM_NIL);
    free(parts);
    free(r->ext.splits);
    strbuf_free(&b);
    return list;
}

Term bif_erlang_term_to_iovec_1(Process *p, const Term *args)
{
    EncodeRequest r;
    encode_request(p, TERM_NONE, false, &r);
    return term_to_iovec(p, args[0], &r);
}

Term bif_erlang_term_to_iovec_2(Process *p, const Term *args)
{
    EncodeRequest r;
    return encode_request(p, args[1], false, &r) ? term_to_iovec(p, args[0], &r) : TERM_NONE;
}

/* The size of the uncompressed encoding, as OTP's upper bound: exact but
 * for closures, whose integer fields it counts at five bytes each. */
static Term external_size(Process *p, Term t, EncodeRequest *r)
{
    StrBuf b;
    if (!encode(p, t, r, &b)) return TERM_NONE;
    Term size = term_make_small((SInt)(b.len + r->ext.size_slack));
    strbuf_free(&b);
    return size;
}

Term bif_erlang_external_size_1(Process *p, const Term *args)
{
    EncodeRequest r;
    encode_request(p, TERM_NONE, true, &r);
    return external_size(p, args[0], &r);
}

Term bif_erlang_external_size_2(Process *p, const Term *args)
{
    EncodeRequest r;
    return encode_request(p, args[1], true, &r) ? external_size(p, args[0], &r) : TERM_NONE;
}

/* ---- binary_to_term ---------------------------------------------------------- */

static Term binary_to_term(Process *p, Term bin, bool safe, bool used)
{
    const uint8_t *bytes;
    size_t len, span;
    BinStatus st = bif_binary_bytes(bin, &bytes, &len);
    if (st != BIN_OK) return bif_binary_error(p, st);
    bif_charge_bytes(p, len); /* one reduction per 256 bytes */
    Term t = ext_binary_to_term_opts(p, bytes, len, safe, &span);
    if (t == TERM_NONE || !used) return t;
    return bif_tuple2(p, t, term_make_small((SInt)span));
}

Term bif_erlang_binary_to_term_1(Process *p, const Term *args) { return binary_to_term(p, args[0], false, false); }

/* Options: safe, used. */
Term bif_erlang_binary_to_term_2(Process *p, const Term *args)
{
    bool safe = false, used = false;
    Term list = args[1];
    for (; term_is_list(list); list = term_tail(list)) {
        if (term_head(list) == ATOM_safe)
            safe = true;
        else if (term_head(list) == ATOM_used)
            used = true;
        else
            return proc_badarg(p);
    }
    if (!term_is_nil(list)) return proc_badarg(p);
    return binary_to_term(p, args[0], safe, used);
}
