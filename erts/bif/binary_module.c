/* binary_module.c — the BIFs of the binary module: parts and bytes, unsigned
 * integer codecs, common prefixes and suffixes, and searching (match,
 * matches, split, replace). Searching tries every pattern at each position,
 * leftmost match first and longest among those: O(subject * total pattern
 * bytes) work, one reduction per call. Other BIFs are linear in their bytes. */
#include "bif/bif.h"

#include <stdlib.h>
#include <string.h>

#include "atom/atom.h"
#include "bif/bif_util.h"
#include "emu/bits_int.h"
#include "term/strbuf.h"
#include "term/binary.h"

Term bits_binary_part(Process *p, Term bin, Term start, Term len);

static bool bytes_of(Term t, const uint8_t **b, size_t *n) { return bif_binary_bytes(t, b, n) == BIN_OK; }

Term bif_binary_part_3(Process *p, const Term *args) { return bits_binary_part(p, args[0], args[1], args[2]); }
Term bif_binary_part_2(Process *p, const Term *args) { return bif_erlang_binary_part_2(p, args); }

Term bif_binary_at_2(Process *p, const Term *args)
{
    const uint8_t *b;
    size_t n;
    if (!bytes_of(args[0], &b, &n) || !term_is_small(args[1]) || term_small_value(args[1]) < 0 ||
        (UInt)term_small_value(args[1]) >= n)
        return proc_badarg(p);
    return term_make_small(b[term_small_value(args[1])]);
}

Term bif_binary_first_1(Process *p, const Term *args)
{
    const uint8_t *b;
    size_t n;
    if (!bytes_of(args[0], &b, &n) || n == 0) return proc_badarg(p);
    return term_make_small(b[0]);
}

Term bif_binary_last_1(Process *p, const Term *args)
{
    const uint8_t *b;
    size_t n;
    if (!bytes_of(args[0], &b, &n) || n == 0) return proc_badarg(p);
    return term_make_small(b[n - 1]);
}

Term bif_binary_copy_2(Process *p, const Term *args)
{
    const uint8_t *b;
    size_t n;
    if (!bytes_of(args[0], &b, &n) || !term_is_small(args[1]) || term_small_value(args[1]) < 0)
        return proc_badarg(p);
    UInt times = (UInt)term_small_value(args[1]);
    if (n && times > ((UInt)1 << 40) / n) return proc_error(p, ATOM_system_limit);
    uint8_t *data;
    Term r = binary_new(p, n * times, &data);
    bytes_of(args[0], &b, &n);
    for (UInt i = 0; i < times; i++) memcpy(data + i * n, b, n);
    return r;
}
Term bif_binary_copy_1(Process *p, const Term *args)
{
    Term a[2] = {args[0], term_make_small(1)};
    return bif_binary_copy_2(p, a);
}

static Term bin_to_list(Process *p, Term bin, Term start, Term len)
{
    const uint8_t *b;
    size_t n;
    if (!bytes_of(bin, &b, &n)) return proc_badarg(p);
    Term part = bits_binary_part(p, bin, start, len);
    if (part == TERM_NONE) return part;
    bytes_of(part, &b, &n);
    return bif_bytes_to_list(p, b, n, TERM_NIL);
}
Term bif_binary_bin_to_list_1(Process *p, const Term *args)
{
    const uint8_t *b;
    size_t n;
    if (!bytes_of(args[0], &b, &n)) return proc_badarg(p);
    return bif_bytes_to_list(p, b, n, TERM_NIL);
}
Term bif_binary_bin_to_list_2(Process *p, const Term *args)
{
    if (!term_is_tuple(args[1]) || term_tuple_arity(args[1]) != 2) return proc_badarg(p);
    return bin_to_list(p, args[0], term_tuple_element(args[1], 1), term_tuple_element(args[1], 2));
}
Term bif_binary_bin_to_list_3(Process *p, const Term *args) { return bin_to_list(p, args[0], args[1], args[2]); }

Term bif_binary_list_to_bin_1(Process *p, const Term *args) { return bif_erlang_list_to_binary_1(p, args); }

/* ---- unsigned integers -------------------------------------------------- */

static bool endian_arg(Term t, UInt *flags)
{
    if (t == ATOM_big) *flags = 0;
    else if (t == ATOM_little) *flags = BSF_LITTLE;
    else return false;
    return true;
}

static Term decode_unsigned(Process *p, Term bin, Term endian)
{
    const uint8_t *b;
    size_t n;
    UInt flags;
    if (!bytes_of(bin, &b, &n) || !endian_arg(endian, &flags)) return proc_badarg(p);
    return bits_read_int(p, b, 0, 8 * n, flags);
}
Term bif_binary_decode_unsigned_1(Process *p, const Term *args) { return decode_unsigned(p, args[0], ATOM_big); }
Term bif_binary_decode_unsigned_2(Process *p, const Term *args) { return decode_unsigned(p, args[0], args[1]); }

static Term encode_unsigned(Process *p, Term value, Term endian)
{
    UInt flags;
    if (!endian_arg(endian, &flags) || !term_is_integer(value)) return proc_badarg(p);
    size_t nbytes;
    if (term_is_small(value)) {
        SInt v = term_small_value(value);
        if (v < 0) return proc_badarg(p);
        nbytes = 1;
        while (nbytes < 8 && (UInt)v >> (8 * nbytes)) nbytes++;
    } else {
        if (header_tag(term_boxed_header(value)) == HDR_NEG_BIG) return proc_badarg(p);
        const uint64_t *d = (const uint64_t *)(term_boxed_ptr(value) + 1);
        size_t nd = header_arity(term_boxed_header(value));
        while (nd > 1 && d[nd - 1] == 0) nd--;
        nbytes = 8 * (nd - 1) + 1;
        while (nbytes < 8 * nd && d[nd - 1] >> (8 * (nbytes - 8 * (nd - 1)))) nbytes++;
    }
    uint8_t *data;
    Term r = binary_new(p, nbytes, &data);
    bits_write_int(data, 0, value, 8 * nbytes, flags);
    return r;
}
Term bif_binary_encode_unsigned_1(Process *p, const Term *args) { return encode_unsigned(p, args[0], ATOM_big); }
Term bif_binary_encode_unsigned_2(Process *p, const Term *args) { return encode_unsigned(p, args[0], args[1]); }

/* ---- common prefix and suffix ---------------------------------------------- */

static Term common_affix(Process *p, Term list, bool suffix)
{
    if (!term_is_list(list)) return proc_badarg(p);
    const uint8_t *first;
    size_t best;
    if (!bytes_of(term_head(list), &first, &best)) return proc_badarg(p);
    for (Term l = term_tail(list); term_is_list(l); l = term_tail(l)) {
        const uint8_t *b;
        size_t n, k = 0;
        if (!bytes_of(term_head(l), &b, &n)) return proc_badarg(p);
        size_t lim = n < best ? n : best;
        if (suffix) {
            size_t nf;
            bytes_of(term_head(list), &first, &nf);
            while (k < lim && first[nf - 1 - k] == b[n - 1 - k]) k++;
        } else {
            while (k < lim && first[k] == b[k]) k++;
        }
        best = k;
    }
    for (Term l = list; term_is_list(l); l = term_tail(l)) list = term_tail(l);
    if (!term_is_nil(list)) return proc_badarg(p);
    return term_make_small((SInt)best);
}
Term bif_binary_longest_common_prefix_1(Process *p, const Term *args) { return common_affix(p, args[0], false); }
Term bif_binary_longest_common_suffix_1(Process *p, const Term *args) { return common_affix(p, args[0], true); }

Term bif_binary_referenced_byte_size_1(Process *p, const Term *args)
{
    const uint8_t *b;
    size_t n;
    if (!bytes_of(args[0], &b, &n)) return proc_badarg(p);
    return term_make_small((SInt)binary_referenced_size(args[0]));
}

/* ---- searching --------------------------------------------------------------- */

typedef struct Patterns {
    Term *items; /* the pattern binaries */
    size_t n;
} Patterns;

/* A pattern argument: a non-empty binary, a non-empty list of them, or what
 * compile_pattern/1 returned ({bm, Bin} or {ac, List}). */
static bool patterns_arg(Term t, Patterns *ps)
{
    if (term_is_tuple(t) && term_tuple_arity(t) == 2 &&
        (term_tuple_element(t, 1) == atom_from_cstr("bm") || term_tuple_element(t, 1) == atom_from_cstr("ac")))
        t = term_tuple_element(t, 2);
    const uint8_t *b;
    size_t n, count = 0;
    if (bytes_of(t, &b, &n)) {
        if (n == 0) return false;
        ps->items = malloc(sizeof(Term));
        if (!ps->items) abort();
        ps->items[0] = t;
        ps->n = 1;
        return true;
    }
    Term l = t;
    for (; term_is_list(l); l = term_tail(l), count++)
        if (!bytes_of(term_head(l), &b, &n) || n == 0) return false;
    if (!term_is_nil(l) || count == 0) return false;
    ps->items = malloc(count * sizeof(Term));
    if (!ps->items) abort();
    ps->n = 0;
    for (l = t; term_is_list(l); l = term_tail(l)) ps->items[ps->n++] = term_head(l);
    return true;
}

/* Leftmost, then longest, match in subject[from, to); false if none. */
static bool find(const Patterns *ps, const uint8_t *s, size_t from, size_t to, size_t *at, size_t *len)
{
    for (size_t i = from; i < to; i++) {
        size_t best = 0;
        for (size_t k = 0; k < ps->n; k++) {
            const uint8_t *b;
            size_t n;
            bytes_of(ps->items[k], &b, &n);
            if (n <= to - i && n > best && memcmp(s + i, b, n) == 0) best = n;
        }
        if (best) {
            *at = i, *len = best;
            return true;
        }
    }
    return false;
}

typedef struct Options {
    bool global, trim, trim_all;
    size_t from, to; /* the scope */
    Term insert;     /* insert_replaced: a position or a list of them; NIL if none */
} Options;

static bool scope_arg(Term t, size_t size, Options *o)
{
    if (!term_is_tuple(t) || term_tuple_arity(t) != 2) return false;
    size_t from, n;
    Term s = term_tuple_element(t, 1), l = term_tuple_element(t, 2);
    if (!term_is_small(s) || !term_is_small(l)) return false;
    SInt a = term_small_value(s), b = term_small_value(l);
    if (b < 0) a += b, b = -b;
    if (a < 0 || (UInt)a > size || (UInt)b > size - (UInt)a) return false;
    from = (size_t)a, n = (size_t)b;
    o->from = from, o->to = from + n;
    return true;
}

/* Parses an option list; `allowed` names the options the BIF takes. */
static bool options_arg(Term list, size_t size, const char *allowed, Options *o)
{
    *o = (Options){.to = size, .insert = TERM_NIL};
    for (; term_is_list(list); list = term_tail(list)) {
        Term opt = term_head(list);
        if (opt == ATOM_global && strchr(allowed, 'g')) o->global = true;
        else if (opt == ATOM_trim && strchr(allowed, 't')) o->trim = true;
        else if (opt == ATOM_trim_all && strchr(allowed, 't')) o->trim_all = true;
        else if (term_is_tuple(opt) && term_tuple_arity(opt) == 2 && term_tuple_element(opt, 1) == ATOM_scope) {
            if (!scope_arg(term_tuple_element(opt, 2), size, o)) return false;
        } else if (term_is_tuple(opt) && term_tuple_arity(opt) == 2 &&
                   term_tuple_element(opt, 1) == ATOM_insert_replaced && strchr(allowed, 'i')) {
            o->insert = term_tuple_element(opt, 2);
        } else {
            return false;
        }
    }
    return term_is_nil(list);
}

static Term search(Process *p, Term subject, Term pattern, Term opts, bool all)
{
    const uint8_t *s;
    size_t size, at, len;
    Patterns ps;
    Options o;
    if (!bytes_of(subject, &s, &size) || !patterns_arg(pattern, &ps)) return proc_badarg(p);
    if (!options_arg(opts, size, "", &o)) {
        free(ps.items);
        return proc_badarg(p);
    }
    Term result = all ? TERM_NIL : atom_from_cstr("nomatch");
    Term *last = &result;
    for (size_t from = o.from; find(&ps, s, from, o.to, &at, &len); from = at + len) {
        Term m = bif_tuple2(p, term_make_small((SInt)at), term_make_small((SInt)len));
        if (!all) {
            result = m;
            break;
        }
        Term *cell = proc_alloc(p, 2);
        *last = term_cons(cell, m, TERM_NIL);
        last = &cell[1];
    }
    free(ps.items);
    return result;
}
Term bif_binary_match_2(Process *p, const Term *args) { return search(p, args[0], args[1], TERM_NIL, false); }
Term bif_binary_match_3(Process *p, const Term *args) { return search(p, args[0], args[1], args[2], false); }
Term bif_binary_matches_2(Process *p, const Term *args) { return search(p, args[0], args[1], TERM_NIL, true); }
Term bif_binary_matches_3(Process *p, const Term *args) { return search(p, args[0], args[1], args[2], true); }

Term bif_binary_compile_pattern_1(Process *p, const Term *args)
{
    Patterns ps;
    if (!patterns_arg(args[0], &ps)) return proc_badarg(p);
    free(ps.items);
    return bif_tuple2(p, atom_from_cstr(term_is_list(args[0]) ? "ac" : "bm"), args[0]);
}

static Term split(Process *p, Term subject, Term pattern, Term opts)
{
    const uint8_t *s;
    size_t size, at, len;
    Patterns ps;
    Options o;
    if (!bytes_of(subject, &s, &size) || !patterns_arg(pattern, &ps)) return proc_badarg(p);
    if (!options_arg(opts, size, "gt", &o)) {
        free(ps.items);
        return proc_badarg(p);
    }
    /* Part boundaries first, then the parts (trimmed) as a list. */
    size_t cap = 8, nparts = 0, start = 0;
    size_t *bounds = malloc(2 * cap * sizeof *bounds);
    if (!bounds) abort();
    for (size_t from = o.from; find(&ps, s, from, o.to, &at, &len); from = at + len) {
        if (nparts + 2 > cap && !(bounds = realloc(bounds, 2 * (cap *= 2) * sizeof *bounds))) abort();
        bounds[2 * nparts] = start, bounds[2 * nparts + 1] = at;
        nparts++;
        start = at + len;
        if (!o.global) break;
    }
    bounds[2 * nparts] = start, bounds[2 * nparts + 1] = size;
    nparts++;
    size_t keep = nparts;
    if (o.trim || o.trim_all)
        while (keep > 0 && bounds[2 * keep - 2] == bounds[2 * keep - 1]) keep--;
    Term list = TERM_NIL;
    for (size_t i = keep; i-- > 0;) {
        size_t a = bounds[2 * i], b = bounds[2 * i + 1];
        if (o.trim_all && a == b) continue;
        Term part = binary_slice(p, subject, 8 * a, 8 * (b - a));
        list = term_cons(proc_alloc(p, 2), part, list);
    }
    free(bounds);
    free(ps.items);
    return list;
}
Term bif_binary_split_2(Process *p, const Term *args) { return split(p, args[0], args[1], TERM_NIL); }
Term bif_binary_split_3(Process *p, const Term *args) { return split(p, args[0], args[1], args[2]); }

/* insert_replaced positions, checked against the replacement's size. */
static bool insert_positions(Term t, size_t rsize, size_t *pos, size_t *n)
{
    *n = 0;
    if (term_is_small(t)) {
        if (term_small_value(t) < 0 || (UInt)term_small_value(t) > rsize) return false;
        pos[(*n)++] = (size_t)term_small_value(t);
        return true;
    }
    for (; term_is_list(t); t = term_tail(t)) {
        Term h = term_head(t);
        if (!term_is_small(h) || term_small_value(h) < 0 || (UInt)term_small_value(h) > rsize || *n >= 64)
            return false;
        pos[(*n)++] = (size_t)term_small_value(h);
    }
    return term_is_nil(t);
}

static Term replace(Process *p, const Term *args, Term opts)
{
    const uint8_t *s, *r;
    size_t size, rsize, at, len, pos[64], npos = 0;
    Patterns ps;
    Options o;
    if (!bytes_of(args[0], &s, &size) || !bytes_of(args[2], &r, &rsize) || !patterns_arg(args[1], &ps))
        return proc_badarg(p);
    bool ok = options_arg(opts, size, "gi", &o);
    if (ok && o.insert != TERM_NIL) ok = insert_positions(o.insert, rsize, pos, &npos);
    if (!ok) {
        free(ps.items);
        return proc_badarg(p);
    }
    StrBuf out;
    strbuf_init(&out);
    size_t done = 0;
    for (size_t from = o.from; find(&ps, s, from, o.to, &at, &len); from = at + len) {
        strbuf_append(&out, s + done, at - done);
        /* the replacement, with the matched part inserted at each position */
        size_t prev = 0;
        for (size_t k = 0; k < npos; k++) {
            size_t cut = pos[k] < prev ? prev : pos[k];
            strbuf_append(&out, r + prev, cut - prev);
            strbuf_append(&out, s + at, len);
            prev = cut;
        }
        strbuf_append(&out, r + prev, rsize - prev);
        done = at + len;
        if (!o.global) break;
    }
    strbuf_append(&out, s + done, size - done);
    Term result = binary_from_bytes(p, out.data, out.len);
    strbuf_free(&out);
    free(ps.items);
    return result;
}
Term bif_binary_replace_3(Process *p, const Term *args) { return replace(p, args, TERM_NIL); }
Term bif_binary_replace_4(Process *p, const Term *args) { return replace(p, args, args[3]); }
