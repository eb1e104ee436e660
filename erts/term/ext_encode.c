/* ext_encode.c — term_to_binary. Chooses each tag exactly as OTP 25 does with
 * its default minor version 1: atoms as ATOM_EXT when their text is latin-1,
 * byte lists up to 65535 long as STRING_EXT, integers in the smallest of
 * SMALL_INTEGER/INTEGER/SMALL_BIG/LARGE_BIG, floats as NEW_FLOAT_EXT. Pending
 * work (the rest of a list, tuple or map) sits on a heap stack. */
#include "term/ext_encode.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atom/atom.h"
#include "proc/process.h"
#include "term/binary.h"
#include "term/boxed.h"
#include "term/map.h"
#include "term/ext_tags.h"
#include "term/utf8.h"

#include <zlib.h>

static void put_u8(StrBuf *b, unsigned v) { strbuf_append_char(b, (char)(uint8_t)v); }
static void put_u16(StrBuf *b, uint32_t v)
{
    uint8_t x[2] = {(uint8_t)(v >> 8), (uint8_t)v};
    strbuf_append(b, x, 2);
}
static void put_u32(StrBuf *b, uint32_t v)
{
    uint8_t x[4] = {(uint8_t)(v >> 24), (uint8_t)(v >> 16), (uint8_t)(v >> 8), (uint8_t)v};
    strbuf_append(b, x, 4);
}
static void put_u64(StrBuf *b, uint64_t v)
{
    put_u32(b, (uint32_t)(v >> 32));
    put_u32(b, (uint32_t)v);
}

/* ---- atoms and numbers ------------------------------------------------------ */

static void put_atom(StrBuf *b, ExtEncodeOptions *o, Term atom)
{
    size_t n;
    const uint8_t *s = (const uint8_t *)atom_text(atom, &n);
    /* latin-1 text (every code point below 256) goes out as ATOM_EXT,
     * unless minor version 2 asks for UTF-8 throughout */
    uint8_t latin1[256];
    size_t chars = 0;
    bool is_latin1 = o->minor_version < 2;
    for (size_t i = 0; i < n && is_latin1;) {
        size_t size;
        int32_t c = utf8_decode(s + i, n - i, &size);
        if (c < 0 || c > 255 || chars == sizeof latin1) {
            is_latin1 = false;
            break;
        }
        latin1[chars++] = (uint8_t)c;
        i += size;
    }
    if (is_latin1) {
        put_u8(b, EXT_TAG_ATOM);
        put_u16(b, (uint32_t)chars);
        strbuf_append(b, latin1, chars);
    } else if (n <= 255) {
        put_u8(b, EXT_TAG_SMALL_ATOM_UTF8);
        put_u8(b, (unsigned)n);
        strbuf_append(b, s, n);
    } else {
        put_u8(b, EXT_TAG_ATOM_UTF8);
        put_u16(b, (uint32_t)n);
        strbuf_append(b, s, n);
    }
}

/* A magnitude as SMALL_BIG_EXT or LARGE_BIG_EXT, least significant byte first. */
static void put_big(StrBuf *b, const uint64_t *d, size_t ndigits, bool negative)
{
    size_t nbytes = ndigits * 8;
    while (nbytes > 0 && ((d[(nbytes - 1) / 8] >> (8 * ((nbytes - 1) % 8))) & 0xFF) == 0) nbytes--;
    if (nbytes <= 255) {
        put_u8(b, EXT_TAG_SMALL_BIG);
        put_u8(b, (unsigned)nbytes);
    } else {
        put_u8(b, EXT_TAG_LARGE_BIG);
        put_u32(b, (uint32_t)nbytes);
    }
    put_u8(b, negative);
    strbuf_reserve(b, nbytes);
    for (size_t i = 0; i < nbytes; i++) put_u8(b, (unsigned)((d[i / 8] >> (8 * (i % 8))) & 0xFF));
}

static void put_small(StrBuf *b, SInt v)
{
    if (v >= 0 && v <= 255) {
        put_u8(b, EXT_TAG_SMALL_INTEGER);
        put_u8(b, (unsigned)v);
    } else if (v >= INT32_MIN && v <= INT32_MAX) {
        put_u8(b, EXT_TAG_INTEGER);
        put_u32(b, (uint32_t)(int32_t)v);
    } else {
        uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
        put_big(b, &mag, 1, v < 0);
    }
}

static void put_float(StrBuf *b, ExtEncodeOptions *o, double f)
{
    if (o->minor_version == 0) {
        /* FLOAT_EXT: the %.20e text, NUL-padded to 31 bytes */
        char text[EXT_FLOAT_TEXT_BYTES + 1] = {0};
        snprintf(text, sizeof text, "%.20e", f);
        put_u8(b, EXT_TAG_FLOAT);
        strbuf_append(b, text, EXT_FLOAT_TEXT_BYTES);
        return;
    }
    uint64_t bits;
    memcpy(&bits, &f, sizeof bits);
    put_u8(b, EXT_TAG_NEW_FLOAT);
    put_u64(b, bits);
}

/* ---- identifiers ------------------------------------------------------------ */

static void put_local_node(StrBuf *b, ExtEncodeOptions *o) { put_atom(b, o, ATOM_nonode_nohost); }

static void put_pid(StrBuf *b, ExtEncodeOptions *o, Term pid)
{
    put_u8(b, EXT_TAG_NEW_PID);
    put_local_node(b, o);
    put_u32(b, pid_number_part(pid));
    put_u32(b, pid_serial_part(pid));
    put_u32(b, 0); /* creation */
}

static void put_port(StrBuf *b, ExtEncodeOptions *o, Term port)
{
    UInt n = term_port_number(port);
    put_u8(b, n > UINT32_MAX ? EXT_TAG_V4_PORT : EXT_TAG_NEW_PORT);
    put_local_node(b, o);
    if (n > UINT32_MAX)
        put_u64(b, n);
    else
        put_u32(b, (uint32_t)n);
    put_u32(b, 0);
}

/* BINARY_EXT, or BIT_BINARY_EXT when bits trail (their padding zeroed). */
static void put_bitstring(StrBuf *b, Term t)
{
    BinView v;
    binary_view(t, &v);
    size_t n = (v.bit_size + 7) / 8, rest = v.bit_size % 8;
    uint8_t *buf = malloc(n + 1);
    if (!buf) abort();
    if (n) buf[n - 1] = 0;
    binary_copy_bits(buf, 0, v.bytes, v.bit_off, v.bit_size);
    put_u8(b, rest ? EXT_TAG_BIT_BINARY : EXT_TAG_BINARY);
    put_u32(b, (uint32_t)n);
    if (rest) put_u8(b, (uint8_t)rest);
    strbuf_append(b, buf, n);
    free(buf);
}

static void put_ref(StrBuf *b, ExtEncodeOptions *o, Term ref)
{
    put_u8(b, EXT_TAG_NEWER_REFERENCE);
    put_u16(b, REF_NUMBERS);
    put_local_node(b, o);
    put_u32(b, 0);
    for (int i = 0; i < REF_NUMBERS; i++) put_u32(b, ref_number(ref, i));
}

/* ---- lists ---------------------------------------------------------------- */

/* A proper list of at most 65535 integers 0..255 becomes STRING_EXT. */
static bool put_string_if_bytes(StrBuf *b, Term list)
{
    size_t n = 0;
    Term t = list;
    for (; term_is_list(t); t = term_tail(t), n++) {
        Term h = term_head(t);
        if (n == 65535 || !term_is_small(h) || term_small_value(h) < 0 || term_small_value(h) > 255) return false;
    }
    if (!term_is_nil(t)) return false;
    put_u8(b, EXT_TAG_STRING);
    put_u16(b, (uint32_t)n);
    strbuf_reserve(b, n);
    for (t = list; term_is_list(t); t = term_tail(t)) put_u8(b, (unsigned)term_small_value(term_head(t)));
    return true;
}

/* ---- the walk --------------------------------------------------------------- */

typedef enum { W_TERM, W_LIST_REST, W_ARRAY, W_MAP, W_HAMT, W_FUN_SIZE } WorkKind;

typedef struct {
    WorkKind kind;
    Term t;             /* W_TERM, W_LIST_REST */
    const Term *p, *q;  /* W_ARRAY: p[0..n); W_MAP: keys p, values q */
    size_t n;           /* W_FUN_SIZE: where the size field is; split bytes then in q's place */
    size_t split_before;
} Work;

typedef struct {
    Work *items;
    size_t len, cap;
    Term **sorted; /* deterministic: sorted pairs of large maps, freed at the end */
    size_t nsorted, sorted_cap;
} WorkStack;

static void push(WorkStack *st, Work w)
{
    if (st->len == st->cap) {
        st->cap = st->cap ? st->cap * 2 : 64;
        st->items = realloc(st->items, st->cap * sizeof *st->items);
        if (!st->items) abort();
    }
    st->items[st->len++] = w;
}

static void grow_array(void **items, size_t *cap, size_t len, size_t size)
{
    if (len < *cap) return;
    *cap = *cap ? *cap * 2 : 8;
    *items = realloc(*items, *cap * size);
    if (!*items) abort();
}

/* term_to_iovec: a byte-aligned bitstring larger than a heap binary keeps
 * its whole bytes to itself; only its header (and a trailing partial byte)
 * goes into the text. */
static bool split_binary(StrBuf *b, ExtEncodeOptions *o, Term t)
{
    if (!o->split_binaries) return false;
    BinView v;
    binary_view(t, &v);
    size_t n = (v.bit_size + 7) / 8, rest = v.bit_size % 8;
    if (v.bit_off % 8 || n < EXT_SPLIT_MIN_BYTES) return false;
    put_u8(b, rest ? EXT_TAG_BIT_BINARY : EXT_TAG_BINARY);
    put_u32(b, (uint32_t)n);
    if (rest) put_u8(b, (uint8_t)rest);
    grow_array((void **)&o->splits, &o->splits_cap, o->nsplits, sizeof *o->splits);
    o->splits[o->nsplits++] = (ExtSplit){.at = b->len, .bin = t, .bytes = v.bit_size / 8};
    o->split_bytes += v.bit_size / 8;
    if (rest) {
        uint8_t last = 0;
        binary_copy_bits(&last, 0, v.bytes, v.bit_off + v.bit_size - rest, rest);
        put_u8(b, last);
    }
    return true;
}

/* An integer field of NEW_FUN_EXT; OTP's size estimate counts each as
 * INTEGER_EXT, five bytes. */
static void put_fun_integer(StrBuf *b, ExtEncodeOptions *o, uint32_t v)
{
    size_t before = b->len;
    put_small(b, (SInt)v);
    o->size_slack += 5 - (b->len - before);
}

/* NEW_FUN_EXT: the size (patched once the free variables are out, see
 * W_FUN_SIZE), arity, the module's MD5, new index, free-variable count,
 * module, old index, old uniq, creator pid, then the free variables. */
static void put_closure(StrBuf *b, ExtEncodeOptions *o, Term t, WorkStack *st)
{
    const FunEntry *fe = fun_entry(t);
    UInt nfree = fun_num_free(t);
    put_u8(b, EXT_TAG_NEW_FUN);
    size_t at = b->len;
    put_u32(b, 0);
    put_u8(b, fe->arity - fe->num_free);
    strbuf_append(b, fe->module->md5, sizeof fe->module->md5);
    put_u32(b, fe->new_index);
    put_u32(b, (uint32_t)nfree);
    put_atom(b, o, fe->module->name);
    put_fun_integer(b, o, fe->index);
    put_fun_integer(b, o, fe->old_uniq);
    put_pid(b, o, fun_creator(t));
    push(st, (Work){.kind = W_FUN_SIZE, .n = at, .split_before = o->split_bytes});
    if (nfree) push(st, (Work){.kind = W_ARRAY, .p = fun_env(t), .n = nfree});
}

static ExtEncodeStatus put_boxed(StrBuf *b, ExtEncodeOptions *o, Term t, WorkStack *st)
{
    Term hdr = term_boxed_header(t);
    switch (header_tag(hdr)) {
    case HDR_TUPLE: {
        UInt n = header_arity(hdr);
        if (n <= 255) {
            put_u8(b, EXT_TAG_SMALL_TUPLE);
            put_u8(b, (unsigned)n);
        } else {
            put_u8(b, EXT_TAG_LARGE_TUPLE);
            put_u32(b, (uint32_t)n);
        }
        if (n) push(st, (Work){.kind = W_ARRAY, .p = term_tuple_elements(t), .n = n});
        return EXT_ENCODE_OK;
    }
    case HDR_POS_BIG:
    case HDR_NEG_BIG: put_big(b, big_digits(t), big_ndigits(t), big_is_negative(t)); return EXT_ENCODE_OK;
    case HDR_FLOAT: put_float(b, o, term_float_value(t)); return EXT_ENCODE_OK;
    case HDR_REF: put_ref(b, o, t); return EXT_ENCODE_OK;
    case HDR_EXPORT: {
        const Export *e = export_of_fun(t);
        put_u8(b, EXT_TAG_EXPORT);
        put_atom(b, o, e->module);
        put_atom(b, o, e->function);
        put_u8(b, EXT_TAG_SMALL_INTEGER);
        put_u8(b, e->arity);
        return EXT_ENCODE_OK;
    }
    case HDR_HEAP_BIN:
        if (split_binary(b, o, t)) return EXT_ENCODE_OK;
        put_u8(b, EXT_TAG_BINARY);
        put_u32(b, (uint32_t)term_heap_bin_size(t));
        strbuf_append(b, term_heap_bin_bytes(t), term_heap_bin_size(t));
        return EXT_ENCODE_OK;
    case HDR_REFC_BIN:
    case HDR_SUB_BIN:
        if (!split_binary(b, o, t)) put_bitstring(b, t);
        return EXT_ENCODE_OK;
    case HDR_MAP:
        put_u8(b, EXT_TAG_MAP);
        put_u32(b, (uint32_t)flatmap_size(t));
        if (flatmap_size(t)) push(st, (Work){.kind = W_MAP, .p = flatmap_keys(t), .q = flatmap_values(t), .n = flatmap_size(t)});
        return EXT_ENCODE_OK;
    case HDR_HASHMAP:
        put_u8(b, EXT_TAG_MAP);
        put_u32(b, (uint32_t)hamt_size(t));
        if (o->deterministic) {
            UInt n;
            Term *pairs = map_sorted_pairs(t, &n);
            grow_array((void **)&st->sorted, &st->sorted_cap, st->nsorted, sizeof *st->sorted);
            st->sorted[st->nsorted++] = pairs;
            push(st, (Work){.kind = W_MAP, .p = pairs, .q = pairs + n, .n = n});
        } else {
            push(st, (Work){.kind = W_HAMT, .t = t});
        }
        return EXT_ENCODE_OK;
    case HDR_FUN:
        /* a creator from another node would need the distribution layouts */
        if (!term_is_local_pid(fun_creator(t))) return EXT_ENCODE_UNSUPPORTED;
        put_closure(b, o, t, st);
        return EXT_ENCODE_OK;
    default:
        /* other kinds have no layout yet */
        return EXT_ENCODE_UNSUPPORTED;
    }
}

static ExtEncodeStatus put_term(StrBuf *b, ExtEncodeOptions *o, Term t, WorkStack *st)
{
    if (term_is_small(t)) {
        put_small(b, term_small_value(t));
    } else if (term_is_atom(t)) {
        put_atom(b, o, t);
    } else if (term_is_nil(t)) {
        put_u8(b, EXT_TAG_NIL);
    } else if (term_is_list(t)) {
        if (put_string_if_bytes(b, t)) return EXT_ENCODE_OK;
        size_t n = 0;
        Term rest = t;
        for (; term_is_list(rest); rest = term_tail(rest)) n++;
        put_u8(b, EXT_TAG_LIST);
        put_u32(b, (uint32_t)n);
        push(st, (Work){.kind = W_LIST_REST, .t = t});
    } else if (term_is_local_pid(t)) {
        put_pid(b, o, t);
    } else if (term_is_local_port(t)) {
        put_port(b, o, t);
    } else if (term_is_boxed(t)) {
        return put_boxed(b, o, t, st);
    } else {
        return EXT_ENCODE_UNSUPPORTED;
    }
    return EXT_ENCODE_OK;
}

ExtEncodeStatus ext_encode(Term t, StrBuf *out)
{
    ExtEncodeOptions o = EXT_ENCODE_DEFAULTS;
    return ext_encode_with(t, &o, out);
}

ExtEncodeStatus ext_encode_with(Term t, ExtEncodeOptions *o, StrBuf *out)
{
    WorkStack st = {0};
    ExtEncodeStatus s = EXT_ENCODE_OK;
    put_u8(out, EXT_VERSION_MAGIC);
    push(&st, (Work){.kind = W_TERM, .t = t});
    while (s == EXT_ENCODE_OK && st.len) {
        Work w = st.items[--st.len];
        switch (w.kind) {
        case W_TERM: s = put_term(out, o, w.t, &st); break;
        case W_LIST_REST:
            /* w.t is a cons: its head now, the rest after it; a non-list
             * tail ends the LIST_EXT (NIL_EXT for a proper list) */
            if (term_is_list(term_tail(w.t)))
                push(&st, (Work){.kind = W_LIST_REST, .t = term_tail(w.t)});
            else
                push(&st, (Work){.kind = W_TERM, .t = term_tail(w.t)});
            push(&st, (Work){.kind = W_TERM, .t = term_head(w.t)});
            break;
        case W_ARRAY:
            if (w.n > 1) push(&st, (Work){.kind = W_ARRAY, .p = w.p + 1, .n = w.n - 1});
            push(&st, (Work){.kind = W_TERM, .t = w.p[0]});
            break;
        case W_MAP:
            if (w.n > 1) push(&st, (Work){.kind = W_MAP, .p = w.p + 1, .q = w.q + 1, .n = w.n - 1});
            push(&st, (Work){.kind = W_TERM, .t = w.q[0]});
            push(&st, (Work){.kind = W_TERM, .t = w.p[0]});
            break;
        case W_FUN_SIZE: {
            /* the size counts from its own field to the end of the free
             * variables, binaries term_to_iovec left out included */
            size_t size = out->len - w.n + (o->split_bytes - w.split_before);
            uint8_t x[4] = {(uint8_t)(size >> 24), (uint8_t)(size >> 16), (uint8_t)(size >> 8), (uint8_t)size};
            memcpy(out->data + w.n, x, 4);
            break;
        }
        case W_HAMT:
            /* OTP stacks a node's children in order and pops them, so the
             * pairs go out in the reverse of the walk order */
            if (term_is_list(w.t)) {
                push(&st, (Work){.kind = W_TERM, .t = term_tail(w.t)});
                push(&st, (Work){.kind = W_TERM, .t = term_head(w.t)});
            } else {
                for (unsigned i = 0; i < hamt_nchildren(w.t); i++)
                    push(&st, (Work){.kind = W_HAMT, .t = hamt_children(w.t)[i]});
            }
            break;
        }
    }
    free(st.items);
    for (size_t i = 0; i < st.nsorted; i++) free(st.sorted[i]);
    free(st.sorted);
    return s;
}

void ext_compress(StrBuf *enc, int level)
{
    size_t plain = enc->len - 1; /* after the version byte */
    uLongf zlen = plain < 5 ? 0 : plain - 5;
    uint8_t *z = malloc(zlen + 1);
    if (!z) abort();
    if (compress2(z, &zlen, (const Bytef *)enc->data + 1, plain, level) == Z_OK) {
        strbuf_clear(enc);
        put_u8(enc, EXT_VERSION_MAGIC);
        put_u8(enc, EXT_TAG_COMPRESSED);
        put_u32(enc, (uint32_t)plain);
        strbuf_append(enc, z, zlen);
    }
    free(z);
}

Term ext_term_to_binary(struct Process *p, Term t)
{
    StrBuf b;
    strbuf_init(&b);
    if (ext_encode(t, &b) != EXT_ENCODE_OK) {
        strbuf_free(&b);
        return proc_error2(p, ATOM_not_implemented, atom_from_cstr("term_to_binary"));
    }
    Term bin = binary_from_bytes(p, b.data, b.len);
    strbuf_free(&b);
    return bin;
}
