/* display.c — renders terms the way OTP 25's erlang:display/1 does. The walk
 * keeps its pending work on a heap-allocated stack, so a list of a million
 * elements or a deeply nested term cannot overflow the C stack. */
#include "term/display.h"

#include <stdio.h>
#include <stdlib.h>

#include "atom/atom.h"
#include "term/bigtext.h"
#include "term/binary.h"
#include "term/boxed.h"
#include "term/map.h"

/* ---- atoms ------------------------------------------------------------ */

/* Character classes over latin-1, as OTP's printer defines them. */
static bool is_lower(int c) { return (c >= 'a' && c <= 'z') || (c >= 223 && c <= 255 && c != 247); }
static bool is_upper(int c) { return (c >= 'A' && c <= 'Z') || (c >= 192 && c <= 222 && c != 215); }
static bool is_digit(int c) { return c >= '0' && c <= '9'; }
static bool is_alnum(int c) { return is_digit(c) || is_lower(c) || is_upper(c); }

/* The latin-1 character a UTF-8 sequence starts with, 'a' for a continuation
 * byte (never decisive) and 0 for a code point above 0x7FF (always quoted). */
static int latin1_at(const uint8_t *s, size_t i, size_t n)
{
    uint8_t c = s[i];
    if (c < 0x80) return c;
    if ((c & 0xE0) == 0xC0) return i + 1 < n ? ((c & 0x1F) << 6) | (s[i + 1] & 0x3F) : 0;
    if ((c & 0xC0) == 0x80) return 'a';
    return 0;
}

static bool atom_needs_quotes(const uint8_t *s, size_t n)
{
    if (!is_lower(latin1_at(s, 0, n))) return true;
    for (size_t i = 1; i < n; i++) {
        int c = latin1_at(s, i, n);
        if (!is_alnum(c) && c != '_') return true;
    }
    return false;
}

static void append_octal_escape(StrBuf *out, unsigned c) { strbuf_printf(out, "\\%03o", c); }

void term_display_atom(Term atom, StrBuf *out)
{
    size_t n;
    const uint8_t *s = (const uint8_t *)atom_text(atom, &n);
    if (n == 0) {
        strbuf_append_cstr(out, "''");
        return;
    }
    bool quote = atom_needs_quotes(s, n);
    if (quote) strbuf_append_char(out, '\'');
    for (size_t i = 0; i < n; i++) {
        uint8_t c = s[i];
        switch (c) {
        case '\'': strbuf_append_cstr(out, "\\'"); break;
        case '\\': strbuf_append_cstr(out, "\\\\"); break;
        case '\n': strbuf_append_cstr(out, "\\n"); break;
        case '\f': strbuf_append_cstr(out, "\\f"); break;
        case '\t': strbuf_append_cstr(out, "\\t"); break;
        case '\r': strbuf_append_cstr(out, "\\r"); break;
        case '\b': strbuf_append_cstr(out, "\\b"); break;
        case '\v': strbuf_append_cstr(out, "\\v"); break;
        default:
            if (c < ' ') {
                append_octal_escape(out, c);
            } else if (c == 0xC2 && i + 1 < n && s[i + 1] < 0xA0) {
                /* U+0080..U+009F, the latin-1 control block */
                append_octal_escape(out, s[++i]);
            } else {
                /* ASCII and whole UTF-8 sequences pass through as bytes */
                strbuf_append_char(out, (char)c);
            }
        }
    }
    if (quote) strbuf_append_char(out, '\'');
}

/* ---- strings and binaries --------------------------------------------- */

static bool is_display_printable(SInt c)
{
    if (c < 0 || c > 255) return false;
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') return true;
    return !(c < ' ' || c == 127 || (c >= 128 && c < 160));
}

/* A non-empty proper list of printable latin-1 characters prints as "...". */
static bool is_printable_string(Term list)
{
    while (term_is_list(list)) {
        Term h = term_head(list);
        if (!term_is_small(h) || !is_display_printable(term_small_value(h))) return false;
        list = term_tail(list);
    }
    return term_is_nil(list);
}

static void display_string(Term list, StrBuf *out)
{
    strbuf_append_char(out, '"');
    for (; term_is_list(list); list = term_tail(list)) {
        int c = (int)term_small_value(term_head(list));
        if (c == '\n') {
            strbuf_append_cstr(out, "\\n");
            continue;
        }
        if (c == '"') strbuf_append_char(out, '\\');
        strbuf_append_char(out, (char)c); /* latin-1 bytes go out raw, as OTP's */
    }
    strbuf_append_char(out, '"');
}

static void display_bytes(const uint8_t *b, size_t n, StrBuf *out)
{
    bool printable = n > 0;
    for (size_t i = 0; i < n && printable; i++) printable = b[i] >= ' ' && b[i] < 127;
    if (printable) {
        strbuf_append_cstr(out, "<<\"");
        for (size_t i = 0; i < n; i++) {
            if (b[i] == '"') strbuf_append_char(out, '\\');
            strbuf_append_char(out, (char)b[i]);
        }
        strbuf_append_cstr(out, "\">>");
        return;
    }
    strbuf_append_cstr(out, "<<");
    for (size_t i = 0; i < n; i++) strbuf_printf(out, i ? ",%u" : "%u", b[i]);
    strbuf_append_cstr(out, ">>");
}

/* Any bitstring: whole bytes as display_bytes shows them, then the
 * trailing bits as Value:Bits (printable text is shown as text only when no
 * bits trail). */
static void display_bitstring(Term t, StrBuf *out)
{
    const uint8_t *bytes;
    size_t n;
    BinView v;
    binary_view(t, &v);
    uint8_t *copy = malloc(v.bit_size / 8 + 1);
    if (!copy) abort();
    binary_copy_bits(copy, 0, v.bytes, v.bit_off, v.bit_size);
    bytes = copy, n = v.bit_size / 8;
    size_t rest = v.bit_size % 8;
    if (!rest) {
        display_bytes(bytes, n, out);
    } else {
        strbuf_append_cstr(out, "<<");
        for (size_t i = 0; i < n; i++) strbuf_printf(out, "%u,", bytes[i]);
        strbuf_printf(out, "%u:%u>>", (unsigned)(bytes[n] >> (8 - rest)), (unsigned)rest);
    }
    free(copy);
}

/* ---- the walk ----------------------------------------------------------- */

typedef enum {
    OP_TERM,       /* print t */
    OP_TEXT,       /* print the C string s */
    OP_LIST_REST,  /* t is what follows a printed list element */
    OP_ELEMENTS,   /* print p[0..n) separated by commas */
    OP_MAP_PAIRS,  /* print keys p[0..n) => values q[0..n) */
} DisplayOp;

typedef struct {
    DisplayOp op;
    Term t;
    const Term *p, *q;
    size_t n;
    const char *s;
} Pending;

typedef struct {
    Pending *items;
    size_t len, cap;
} PendingStack;

static void push(PendingStack *st, Pending item)
{
    if (st->len == st->cap) {
        st->cap = st->cap ? st->cap * 2 : 32;
        st->items = realloc(st->items, st->cap * sizeof *st->items);
        if (!st->items) abort();
    }
    st->items[st->len++] = item;
}

static void push_text(PendingStack *st, const char *s) { push(st, (Pending){.op = OP_TEXT, .s = s}); }

static void display_fun(Term t, StrBuf *out)
{
    if (header_tag(term_boxed_header(t)) == HDR_EXPORT) {
        const Export *e = export_of_fun(t);
        strbuf_append_cstr(out, "fun ");
        term_display_atom(e->module, out);
        strbuf_append_char(out, ':');
        term_display_atom(e->function, out);
        strbuf_printf(out, "/%u", e->arity);
        return;
    }
    const FunEntry *fe = fun_entry(t);
    size_t n;
    const char *mod = atom_text(fe->module->name, &n);
    strbuf_append_cstr(out, "#Fun<");
    strbuf_append(out, mod, n); /* the module name goes out unquoted */
    strbuf_printf(out, ".%u.%u>", fe->index, fe->old_uniq);
}

/* Prints the boxed term t, or queues its parts on st. */
static void display_boxed(Term t, PendingStack *st, StrBuf *out)
{
    Term hdr = term_boxed_header(t);
    switch (header_tag(hdr)) {
    case HDR_TUPLE:
        strbuf_append_char(out, '{');
        push_text(st, "}");
        if (header_arity(hdr)) push(st, (Pending){.op = OP_ELEMENTS, .p = term_tuple_elements(t), .n = header_arity(hdr)});
        return;
    case HDR_POS_BIG:
    case HDR_NEG_BIG: term_integer_to_text(t, 10, out); return;
    case HDR_FLOAT: strbuf_printf(out, "%.6e", term_float_value(t)); return;
    case HDR_REF:
        strbuf_printf(out, "#Ref<0.%u.%u.%u>", ref_number(t, 2), ref_number(t, 1), ref_number(t, 0));
        return;
    case HDR_FUN:
    case HDR_EXPORT: display_fun(t, out); return;
    case HDR_HEAP_BIN: display_bytes(term_heap_bin_bytes(t), term_heap_bin_size(t), out); return;
    case HDR_REFC_BIN:
    case HDR_SUB_BIN: display_bitstring(t, out); return;
    case HDR_MAP:
        strbuf_append_cstr(out, "#{");
        push_text(st, "}");
        if (flatmap_size(t))
            push(st, (Pending){.op = OP_MAP_PAIRS, .p = flatmap_keys(t), .q = flatmap_values(t), .n = flatmap_size(t)});
        return;
    case HDR_HASHMAP:
        /* as OTP prints a trie: each node's bitmap, its leaves as [K|V] */
        strbuf_printf(out, "%s<%x>{", hamt_is_head(t) ? "#" : "", hamt_bitmap(t));
        push_text(st, "}");
        push(st, (Pending){.op = OP_ELEMENTS, .p = hamt_children(t), .n = hamt_nchildren(t)});
        return;
    default:
        /* Kinds whose layout is not defined yet (off-heap and sub binaries,
         * hash maps, external identifiers) cannot be read. */
        strbuf_printf(out, "#<unsupported term kind %u>", (unsigned)header_tag(hdr));
        return;
    }
}

static void display_one(Term t, PendingStack *st, StrBuf *out)
{
    if (term_is_small(t)) {
        strbuf_printf(out, "%lld", (long long)term_small_value(t));
    } else if (term_is_atom(t)) {
        term_display_atom(t, out);
    } else if (term_is_nil(t)) {
        strbuf_append_cstr(out, "[]");
    } else if (term_is_local_pid(t)) {
        strbuf_printf(out, "<0.%u.%u>", pid_number_part(t), pid_serial_part(t));
    } else if (term_is_local_port(t)) {
        strbuf_printf(out, "#Port<0.%llu>", (unsigned long long)term_port_number(t));
    } else if (term_is_list(t)) {
        if (is_printable_string(t)) {
            display_string(t, out);
            return;
        }
        strbuf_append_char(out, '[');
        push_text(st, "]");
        push(st, (Pending){.op = OP_LIST_REST, .t = term_tail(t)});
        push(st, (Pending){.op = OP_TERM, .t = term_head(t)});
    } else if (term_is_boxed(t)) {
        display_boxed(t, st, out);
    } else if (term_is_none(t)) {
        strbuf_append_cstr(out, "<none>");
    } else {
        strbuf_printf(out, "#<unexpected word %#llx>", (unsigned long long)t);
    }
}

void term_display(Term t, StrBuf *out)
{
    PendingStack st = {0};
    push(&st, (Pending){.op = OP_TERM, .t = t});
    while (st.len) {
        Pending it = st.items[--st.len];
        switch (it.op) {
        case OP_TERM: display_one(it.t, &st, out); break;
        case OP_TEXT: strbuf_append_cstr(out, it.s); break;
        case OP_LIST_REST:
            if (term_is_nil(it.t)) break;
            if (term_is_list(it.t)) {
                strbuf_append_char(out, ',');
                push(&st, (Pending){.op = OP_LIST_REST, .t = term_tail(it.t)});
                push(&st, (Pending){.op = OP_TERM, .t = term_head(it.t)});
            } else {
                strbuf_append_char(out, '|');
                push(&st, (Pending){.op = OP_TERM, .t = it.t});
            }
            break;
        case OP_ELEMENTS:
            if (it.n > 1) push(&st, (Pending){.op = OP_ELEMENTS, .p = it.p + 1, .n = it.n - 1, .s = ","});
            if (it.s) strbuf_append_cstr(out, it.s);
            push(&st, (Pending){.op = OP_TERM, .t = it.p[0]});
            break;
        case OP_MAP_PAIRS:
            if (it.n > 1)
                push(&st, (Pending){.op = OP_MAP_PAIRS, .p = it.p + 1, .q = it.q + 1, .n = it.n - 1, .s = ","});
            if (it.s) strbuf_append_cstr(out, it.s);
            push(&st, (Pending){.op = OP_TERM, .t = it.q[0]});
            push_text(&st, "=>");
            push(&st, (Pending){.op = OP_TERM, .t = it.p[0]});
            break;
        }
    }
    free(st.items);
}
