/* external.c — decoding Erlang's external term format (binary_to_term and
 * .beam literals). One walker serves both passes of external.h: in the size
 * pass it validates every byte and counts heap words, in the build pass it
 * writes the term. The walk is iterative: the terms still to read are a
 * counter (size pass) or a heap stack of destination slots (build pass), so
 * hostile nesting cannot exhaust the C stack, and every length is checked
 * against the bytes that remain before anything is allocated. */
#include "term/external.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "atom/atom.h"
#include "load/export.h"
#include "proc/process.h"
#include "term/boxed.h"
#include "term/compare.h"
#include "term/binary.h"
#include "term/ext_fun.h"
#include "term/ext_tags.h"
#include "term/map.h"

typedef struct {
    const uint8_t *p, *end;
    bool build;
    bool existing_atoms; /* binary_to_term's safe option: no new atoms */
    bool allow_funs;     /* binary_to_term only: a closure looks its module up, which
                          * must not happen while the loader decodes literals */
    Term *hp;       /* build: next free word */
    size_t words;   /* size: words counted so far */
    size_t pending; /* size: terms announced but not read yet */
    Term **slots;   /* build: where the terms still to read go, top last */
    size_t nslots, slots_cap;
    Term *maps; /* build: maps whose keys must be sorted afterwards */
    size_t nmaps, maps_cap;
} Dec;

#define CHECK(cond) \
    do { \
        if (!(cond)) return EXT_BADARG; \
    } while (0)

static size_t remaining(const Dec *d) { return (size_t)(d->end - d->p); }

static uint32_t get_u16(const uint8_t *p) { return ((uint32_t)p[0] << 8) | p[1]; }
static uint32_t get_u32(const uint8_t *p)
{
    return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | p[3];
}
static uint64_t get_u64(const uint8_t *p) { return ((uint64_t)get_u32(p) << 32) | get_u32(p + 4); }

/* Consumes n bytes and returns where they start, or NULL if they are not there. */
static const uint8_t *take(Dec *d, size_t n)
{
    if (remaining(d) < n) return NULL;
    const uint8_t *at = d->p;
    d->p += n;
    return at;
}

/* Heap words for the current term: counted, or handed out. */
static Term *alloc_words(Dec *d, size_t n)
{
    if (!d->build) {
        d->words += n;
        return NULL;
    }
    Term *mem = d->hp;
    d->hp += n;
    return mem;
}

static void grow(void **items, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap) return;
    size_t c = *cap ? *cap : 64;
    while (c < need) c *= 2;
    void *p = realloc(*items, c * size);
    if (!p) abort();
    *items = p;
    *cap = c;
}

/* Announces n more terms to read. Every term takes at least one byte, so more
 * announced terms than bytes left is malformed input — checked before any
 * allocation that depends on n. */
static bool expect(Dec *d, size_t n)
{
    if (d->build) {
        grow((void **)&d->slots, &d->slots_cap, d->nslots + n, sizeof *d->slots);
        return true;
    }
    if (n > remaining(d) || d->pending + n > remaining(d)) return false;
    d->pending += n;
    return true;
}
static void push_slot(Dec *d, Term *slot) { d->slots[d->nslots++] = slot; }

/* ---- atoms --------------------------------------------------------------- */

static ExtStatus atom_status(AtomResult r)
{
    switch (r) {
    case ATOM_OK: return EXT_OK;
    case ATOM_ERROR_LIMIT: return EXT_SYSTEM_LIMIT;
    default: return EXT_BADARG;
    }
}

static bool is_atom_tag(uint8_t tag)
{
    return tag == EXT_TAG_ATOM || tag == EXT_TAG_SMALL_ATOM || tag == EXT_TAG_ATOM_UTF8 || tag == EXT_TAG_SMALL_ATOM_UTF8;
}

/* Reads an atom's length and text after its tag. */
static ExtStatus read_atom_body(Dec *d, uint8_t tag, Term *out)
{
    bool small = tag == EXT_TAG_SMALL_ATOM || tag == EXT_TAG_SMALL_ATOM_UTF8;
    const uint8_t *lp = take(d, small ? 1 : 2);
    CHECK(lp);
    size_t n = small ? lp[0] : get_u16(lp);
    const uint8_t *text = take(d, n);
    CHECK(text);
    bool latin1 = tag == EXT_TAG_ATOM || tag == EXT_TAG_SMALL_ATOM;
    if (d->existing_atoms)
        return atom_status(latin1 ? atom_lookup_latin1(text, n, out) : atom_lookup((const char *)text, n, out));
    return atom_status(latin1 ? atom_intern_latin1(text, n, out) : atom_intern((const char *)text, n, out));
}

static ExtStatus read_atom_term(Dec *d, Term *out)
{
    const uint8_t *tp = take(d, 1);
    CHECK(tp && is_atom_tag(*tp));
    return read_atom_body(d, *tp, out);
}

/* Local identifiers must name this node with creation 0; identifiers of other
 * nodes need the distribution layouts, which do not exist yet. */
static ExtStatus read_local_node(Dec *d, size_t creation_bytes, const uint8_t **after)
{
    Term node;
    ExtStatus s = read_atom_term(d, &node);
    if (s != EXT_OK) return s;
    CHECK(node == ATOM_nonode_nohost);
    const uint8_t *c = take(d, creation_bytes);
    CHECK(c);
    *after = c;
    return EXT_OK;
}

/* ---- numbers ----------------------------------------------------------- */

static ExtStatus read_big(Dec *d, uint8_t tag, Term *out)
{
    const uint8_t *hp = take(d, tag == EXT_TAG_SMALL_BIG ? 2 : 5);
    CHECK(hp);
    size_t n = tag == EXT_TAG_SMALL_BIG ? hp[0] : get_u32(hp);
    bool negative = (tag == EXT_TAG_SMALL_BIG ? hp[1] : hp[4]) != 0;
    const uint8_t *bytes = take(d, n);
    CHECK(bytes);
    while (n > 0 && bytes[n - 1] == 0) n--; /* accept unnormalised input */
    if (n <= 8) {
        uint64_t v = 0;
        for (size_t i = n; i-- > 0;) v = (v << 8) | bytes[i];
        if (!negative && v <= (uint64_t)SMALL_MAX) {
            *out = term_make_small((SInt)v);
            return EXT_OK;
        }
        if (negative && v <= (uint64_t)SMALL_MAX + 1) {
            *out = term_make_small((SInt)(0 - v));
            return EXT_OK;
        }
    }
    size_t ndigits = (n + 7) / 8;
    Term *mem = alloc_words(d, 1 + ndigits);
    if (!mem) return EXT_OK;
    mem[0] = header_make(negative ? HDR_NEG_BIG : HDR_POS_BIG, ndigits);
    memset(mem + 1, 0, ndigits * sizeof(Term));
    for (size_t i = 0; i < n; i++) mem[1 + i / 8] |= (Term)bytes[i] << (8 * (i % 8));
    *out = term_make_boxed(mem);
    return EXT_OK;
}

static ExtStatus read_float(Dec *d, uint8_t tag, Term *out)
{
    double f;
    if (tag == EXT_TAG_NEW_FLOAT) {
        const uint8_t *b = take(d, 8);
        CHECK(b);
        uint64_t bits = get_u64(b);
        memcpy(&f, &bits, sizeof f);
    } else {
        /* the old format: 31 bytes of printf %.20e text, NUL-padded */
        const uint8_t *b = take(d, EXT_FLOAT_TEXT_BYTES);
        CHECK(b);
        char text[EXT_FLOAT_TEXT_BYTES + 1];
        memcpy(text, b, EXT_FLOAT_TEXT_BYTES);
        text[EXT_FLOAT_TEXT_BYTES] = '\0';
        char *end;
        f = strtod(text, &end);
        CHECK(end != text);
    }
    CHECK(isfinite(f));
    Term *mem = alloc_words(d, FLOAT_WORDS);
    if (mem) *out = term_make_float(mem, f);
    return EXT_OK;
}

/* ---- identifiers ------------------------------------------------------- */

static ExtStatus read_pid(Dec *d, uint8_t tag, Term *out)
{
    const uint8_t *c;
    size_t fixed = tag == EXT_TAG_NEW_PID ? 12 : 9; /* id, serial, creation */
    ExtStatus s = read_local_node(d, fixed, &c);
    if (s != EXT_OK) return s;
    uint32_t id = get_u32(c), serial = get_u32(c + 4);
    uint32_t creation = tag == EXT_TAG_NEW_PID ? get_u32(c + 8) : c[8];
    CHECK(creation == 0 && id <= PID_NUMBER_MASK && serial <= PID_SERIAL_MAX);
    *out = term_make_pid(((UInt)serial << PID_NUMBER_BITS) | id);
    return EXT_OK;
}

static ExtStatus read_port(Dec *d, uint8_t tag, Term *out)
{
    const uint8_t *c;
    size_t idlen = tag == EXT_TAG_V4_PORT ? 8 : 4;
    size_t crlen = tag == EXT_TAG_PORT ? 1 : 4;
    ExtStatus s = read_local_node(d, idlen + crlen, &c);
    if (s != EXT_OK) return s;
    uint64_t id = idlen == 8 ? get_u64(c) : get_u32(c);
    uint32_t creation = crlen == 1 ? c[idlen] : get_u32(c + idlen);
    CHECK(creation == 0 && id < (UINT64_C(1) << 28)); /* OTP 25's port number range */
    *out = term_make_port(id);
    return EXT_OK;
}

static ExtStatus read_ref(Dec *d, uint8_t tag, Term *out)
{
    size_t n = 1;
    if (tag != EXT_TAG_REFERENCE) {
        const uint8_t *lp = take(d, 2);
        CHECK(lp);
        n = get_u16(lp);
    }
    /* OTP accepts one to three numbers for a local reference */
    CHECK(n >= 1 && n <= REF_NUMBERS);
    const uint8_t *c;
    size_t crlen = tag == EXT_TAG_NEWER_REFERENCE ? 4 : 1;
    ExtStatus s = read_local_node(d, tag == EXT_TAG_REFERENCE ? 4 + crlen : crlen, &c);
    if (s != EXT_OK) return s;
    uint32_t num[REF_NUMBERS] = {0};
    if (tag == EXT_TAG_REFERENCE) {
        num[0] = get_u32(c);
        CHECK(c[4] == 0 && num[0] < (UINT32_C(1) << REF_NUMBER0_BITS));
    } else {
        CHECK((crlen == 4 ? get_u32(c) : c[0]) == 0);
        const uint8_t *ids = take(d, 4 * n);
        CHECK(ids);
        for (size_t i = 0; i < n; i++) num[i] = get_u32(ids + 4 * i);
        CHECK(num[0] < (UINT32_C(1) << REF_NUMBER0_BITS));
    }
    Term *mem = alloc_words(d, 3);
    if (!mem) return EXT_OK;
    mem[0] = header_make(HDR_REF, 2);
    mem[1] = (Term)num[0] | ((Term)num[1] << 32);
    mem[2] = num[2];
    *out = term_make_boxed(mem);
    return EXT_OK;
}

static ExtStatus read_export(Dec *d, Term *out)
{
    Term module, function;
    ExtStatus s = read_atom_term(d, &module);
    if (s == EXT_OK) s = read_atom_term(d, &function);
    if (s != EXT_OK) return s;
    const uint8_t *a = take(d, 2);
    CHECK(a && a[0] == EXT_TAG_SMALL_INTEGER);
    Term *mem = alloc_words(d, 2);
    if (!mem) return EXT_OK;
    mem[0] = header_make(HDR_EXPORT, 1);
    mem[1] = (Term)(uintptr_t)export_put(module, function, a[1]);
    *out = term_make_boxed(mem);
    return EXT_OK;
}

/* An integer field of NEW_FUN_EXT (old index, old uniq): SMALL_INTEGER_EXT
 * or a non-negative INTEGER_EXT. */
static ExtStatus read_fun_integer(Dec *d, uint32_t *out)
{
    const uint8_t *tp = take(d, 1);
    CHECK(tp && (*tp == EXT_TAG_SMALL_INTEGER || *tp == EXT_TAG_INTEGER));
    const uint8_t *b = take(d, *tp == EXT_TAG_SMALL_INTEGER ? 1 : 4);
    CHECK(b);
    *out = *tp == EXT_TAG_SMALL_INTEGER ? b[0] : get_u32(b);
    CHECK(*out <= INT32_MAX);
    return EXT_OK;
}

/* NEW_FUN_EXT: size, arity, MD5, new index, free-variable count, module,
 * old index, old uniq, creator pid, then the free variables. */
static ExtStatus read_new_fun(Dec *d, Term *out)
{
    CHECK(d->allow_funs);
    /* the size field is not checked: OTP 25 ignores it too */
    const uint8_t *h = take(d, 4 + 1 + 16 + 4 + 4);
    CHECK(h);
    ExtFunId id = {.arity = h[4], .new_index = get_u32(h + 21)};
    memcpy(id.md5, h + 5, 16);
    uint32_t nfree = get_u32(h + 25);
    ExtStatus s = read_atom_term(d, &id.module);
    if (s == EXT_OK) s = read_fun_integer(d, &id.old_index);
    if (s == EXT_OK) s = read_fun_integer(d, &id.old_uniq);
    if (s != EXT_OK) return s;
    const uint8_t *tp = take(d, 1);
    CHECK(tp && (*tp == EXT_TAG_NEW_PID || *tp == EXT_TAG_PID));
    Term creator;
    if ((s = read_pid(d, *tp, &creator)) != EXT_OK) return s;
    CHECK(expect(d, nfree));
    id.num_free = nfree;
    Term *mem = alloc_words(d, FUN_FIXED_WORDS + nfree);
    if (!mem) return EXT_OK;
    *out = term_make_fun(mem, ext_fun_entry(&id), creator, nfree);
    for (size_t i = nfree; i-- > 0;) push_slot(d, &mem[FUN_FIXED_WORDS + i]);
    return EXT_OK;
}

/* ---- containers ---------------------------------------------------------- */

static ExtStatus read_tuple(Dec *d, uint8_t tag, Term *out)
{
    const uint8_t *ap = take(d, tag == EXT_TAG_SMALL_TUPLE ? 1 : 4);
    CHECK(ap);
    size_t n = tag == EXT_TAG_SMALL_TUPLE ? ap[0] : get_u32(ap);
    CHECK(expect(d, n));
    Term *mem = alloc_words(d, 1 + n);
    if (!mem) return EXT_OK;
    mem[0] = header_make(HDR_TUPLE, n);
    for (size_t i = n; i >= 1; i--) push_slot(d, &mem[i]);
    *out = term_make_boxed(mem);
    return EXT_OK;
}

static ExtStatus read_string(Dec *d, Term *out)
{
    const uint8_t *lp = take(d, 2);
    CHECK(lp);
    size_t n = get_u16(lp);
    const uint8_t *bytes = take(d, n);
    CHECK(bytes);
    Term *mem = alloc_words(d, 2 * n);
    if (!mem) return EXT_OK;
    Term list = TERM_NIL;
    for (size_t i = n; i-- > 0;) list = term_cons(&mem[2 * i], term_make_small(bytes[i]), list);
    *out = list;
    return EXT_OK;
}

/* LIST_EXT: n elements, then the tail. With n = 0 the term is the tail itself. */
static ExtStatus read_list(Dec *d, Term *slot, Term *out, bool *pass_slot)
{
    const uint8_t *lp = take(d, 4);
    CHECK(lp);
    size_t n = get_u32(lp);
    CHECK(expect(d, n + 1));
    if (n == 0) {
        *pass_slot = true;
        if (d->build) push_slot(d, slot);
        return EXT_OK;
    }
    Term *mem = alloc_words(d, 2 * n);
    if (!mem) return EXT_OK;
    for (size_t i = 0; i + 1 < n; i++) mem[2 * i + 1] = term_make_list(&mem[2 * i + 2]);
    push_slot(d, &mem[2 * n - 1]);
    for (size_t i = n; i-- > 0;) push_slot(d, &mem[2 * i]);
    *out = term_make_list(mem);
    return EXT_OK;
}

static ExtStatus read_binary(Dec *d, Term *out)
{
    const uint8_t *lp = take(d, 4);
    CHECK(lp);
    size_t n = get_u32(lp);
    const uint8_t *bytes = take(d, n);
    CHECK(bytes);
    Term *mem = alloc_words(d, HEAP_BIN_WORDS(n));
    if (mem) *out = term_make_heap_bin(mem, bytes, n);
    return EXT_OK;
}

/* BIT_BINARY_EXT: the bytes, of which the last holds `bits` (1..8) bits;
 * a heap binary, and a sub-binary over it when bits trail. */
static ExtStatus read_bit_binary(Dec *d, Term *out)
{
    const uint8_t *lp = take(d, 5);
    CHECK(lp);
    size_t n = get_u32(lp);
    unsigned bits = lp[4];
    CHECK(n == 0 ? bits == 0 : bits >= 1 && bits <= 8);
    const uint8_t *bytes = take(d, n);
    CHECK(bytes);
    bool whole = bits == 8 || n == 0;
    Term *mem = alloc_words(d, HEAP_BIN_WORDS(n) + (whole ? 0 : SUB_BIN_WORDS));
    if (!mem) return EXT_OK;
    *out = term_make_heap_bin(mem, bytes, n);
    if (!whole) *out = binary_make_sub(mem + HEAP_BIN_WORDS(n), *out, 0, 8 * (n - 1) + bits, 0);
    return EXT_OK;
}

/* A flat map: [header][keys tuple][values...], then the keys tuple. The keys
 * arrive in any order; they are sorted once the whole term is built. */
/* More than MAP_SMALL_LIMIT pairs make a trie: the pairs are read into
 * leaves [K|V] after a reserved node area, whose first words mark the map as
 * unfinished (arity 0, then n) until finish_maps builds the trie. */
static ExtStatus read_large_map(Dec *d, size_t n, Term *out)
{
    size_t area = map_decode_area_words(n);
    Term *mem = alloc_words(d, area + 2 * n);
    if (!mem) return EXT_OK;
    Term *leaves = mem + area;
    mem[0] = header_make(HDR_HASHMAP, 0);
    mem[1] = n;
    for (size_t i = 2 * n; i-- > 0;) push_slot(d, &leaves[i]);
    *out = term_make_boxed(mem);
    grow((void **)&d->maps, &d->maps_cap, d->nmaps + 1, sizeof *d->maps);
    d->maps[d->nmaps++] = *out;
    return EXT_OK;
}

static ExtStatus read_map(Dec *d, Term *out)
{
    const uint8_t *lp = take(d, 4);
    CHECK(lp);
    size_t n = get_u32(lp);
    CHECK(n <= SIZE_MAX / 16 && expect(d, 2 * n));
    if (n > MAP_SMALL_LIMIT) return read_large_map(d, n, out);
    Term *mem = alloc_words(d, (2 + n) + (1 + n));
    if (!mem) return EXT_OK;
    Term *keys = mem + 2 + n;
    keys[0] = header_make(HDR_TUPLE, n);
    mem[0] = header_make(HDR_MAP, n + 1);
    mem[1] = term_make_boxed(keys);
    for (size_t i = n; i-- > 0;) {
        push_slot(d, &mem[2 + i]);
        push_slot(d, &keys[1 + i]);
    }
    *out = term_make_boxed(mem);
    grow((void **)&d->maps, &d->maps_cap, d->nmaps + 1, sizeof *d->maps);
    d->maps[d->nmaps++] = *out;
    return EXT_OK;
}

/* ---- the walk ------------------------------------------------------------ */

static ExtStatus read_one(Dec *d, Term *slot)
{
    const uint8_t *tp = take(d, 1);
    CHECK(tp);
    uint8_t tag = *tp;
    Term t = TERM_NIL;
    bool pass_slot = false;
    ExtStatus s = EXT_OK;
    switch (tag) {
    case EXT_TAG_SMALL_INTEGER: {
        const uint8_t *b = take(d, 1);
        CHECK(b);
        t = term_make_small(b[0]);
        break;
    }
    case EXT_TAG_INTEGER: {
        const uint8_t *b = take(d, 4);
        CHECK(b);
        t = term_make_small((int32_t)get_u32(b));
        break;
    }
    case EXT_TAG_SMALL_BIG:
    case EXT_TAG_LARGE_BIG: s = read_big(d, tag, &t); break;
    case EXT_TAG_NEW_FLOAT:
    case EXT_TAG_FLOAT: s = read_float(d, tag, &t); break;
    case EXT_TAG_ATOM:
    case EXT_TAG_SMALL_ATOM:
    case EXT_TAG_ATOM_UTF8:
    case EXT_TAG_SMALL_ATOM_UTF8: s = read_atom_body(d, tag, &t); break;
    case EXT_TAG_SMALL_TUPLE:
    case EXT_TAG_LARGE_TUPLE: s = read_tuple(d, tag, &t); break;
    case EXT_TAG_NIL: t = TERM_NIL; break;
    case EXT_TAG_STRING: s = read_string(d, &t); break;
    case EXT_TAG_LIST: s = read_list(d, slot, &t, &pass_slot); break;
    case EXT_TAG_BINARY: s = read_binary(d, &t); break;
    case EXT_TAG_BIT_BINARY: s = read_bit_binary(d, &t); break;
    case EXT_TAG_MAP: s = read_map(d, &t); break;
    case EXT_TAG_NEW_PID:
    case EXT_TAG_PID: s = read_pid(d, tag, &t); break;
    case EXT_TAG_NEW_PORT:
    case EXT_TAG_V4_PORT:
    case EXT_TAG_PORT: s = read_port(d, tag, &t); break;
    case EXT_TAG_NEWER_REFERENCE:
    case EXT_TAG_NEW_REFERENCE:
    case EXT_TAG_REFERENCE: s = read_ref(d, tag, &t); break;
    case EXT_TAG_EXPORT: s = read_export(d, &t); break;
    case EXT_TAG_NEW_FUN: s = read_new_fun(d, &t); break;
    default:
        /* the old FUN_EXT (gone from OTP 25 too), atom cache references
         * and nested compression are not supported */
        return EXT_BADARG;
    }
    if (s == EXT_OK && d->build && !pass_slot) *slot = t;
    return s;
}

static int compare_pairs(const void *a, const void *b)
{
    return term_compare_exact(((const Term *)a)[0], ((const Term *)b)[0]);
}

/* Sorts each decoded map's keys (values follow their keys) and rejects
 * duplicate keys. Inner maps were decoded after the maps holding them, so
 * going backwards sorts them before they are compared as keys. */
static bool finish_maps(Dec *d)
{
    for (size_t m = d->nmaps; m-- > 0;) {
        Term map = d->maps[m];
        if (term_is_boxed_tag(map, HDR_HASHMAP)) {
            Term *area = term_boxed_ptr(map);
            size_t pairs = area[1];
            if (!map_decode_finish(area + map_decode_area_words(pairs), pairs, area)) return false;
            continue;
        }
        size_t n = flatmap_size(map);
        if (n < 2) continue;
        Term *keys = flatmap_keys(map), *values = flatmap_values(map);
        Term *pairs = malloc(2 * n * sizeof *pairs);
        if (!pairs) abort();
        for (size_t i = 0; i < n; i++) pairs[2 * i] = keys[i], pairs[2 * i + 1] = values[i];
        qsort(pairs, n, 2 * sizeof *pairs, compare_pairs);
        bool ok = true;
        for (size_t i = 0; i < n; i++) {
            keys[i] = pairs[2 * i], values[i] = pairs[2 * i + 1];
            if (i > 0 && term_compare_exact(keys[i - 1], keys[i]) == 0) ok = false;
        }
        free(pairs);
        if (!ok) return false;
    }
    return true;
}

static ExtStatus walk(Dec *d, Term *result)
{
    ExtStatus s = EXT_OK;
    if (d->build) {
        grow((void **)&d->slots, &d->slots_cap, 1, sizeof *d->slots);
        push_slot(d, result);
        while (s == EXT_OK && d->nslots) s = read_one(d, d->slots[--d->nslots]);
    } else {
        d->pending = 1;
        while (s == EXT_OK && d->pending) {
            d->pending--;
            s = read_one(d, NULL);
        }
    }
    if (s == EXT_OK && d->build && !finish_maps(d)) s = EXT_BADARG;
    free(d->slots);
    free(d->maps);
    return s;
}

/* ---- compression and the public entry points ------------------------------ */

/* Inflates a compressed term body (after tag 80): a 4-byte size, then zlib
 * data. Returns the bytes (caller frees) or NULL on malformed input. */
static uint8_t *inflate_body(const uint8_t *buf, size_t len, size_t *out_len, size_t *consumed)
{
    if (len < 4) return NULL;
    size_t want = get_u32(buf);
    /* deflate expands at most ~1032:1: refuse sizes no stream could produce */
    if (want == 0 || want / 1032 > len) return NULL;
    uint8_t *out = malloc(want);
    if (!out) return NULL;
    z_stream z = {0};
    if (inflateInit(&z) != Z_OK) {
        free(out);
        return NULL;
    }
    z.next_in = (Bytef *)(uintptr_t)(buf + 4);
    z.avail_in = (uInt)((len - 4) > UINT32_MAX ? UINT32_MAX : len - 4);
    z.next_out = out;
    z.avail_out = (uInt)want;
    int r = inflate(&z, Z_FINISH);
    bool ok = r == Z_STREAM_END && z.total_out == want;
    *consumed = 4 + z.total_in;
    inflateEnd(&z);
    if (!ok) {
        free(out);
        return NULL;
    }
    *out_len = want;
    return out;
}

/* Runs one pass over buf; see external.h for the contract of both passes. */
static ExtStatus run_pass(const uint8_t *buf, size_t len, bool skip_version, bool safe, bool allow_funs, Term *mem,
                          Term *result, size_t *words, size_t *used)
{
    size_t off = 0;
    if (!skip_version) {
        if (len < 1 || buf[0] != EXT_VERSION_MAGIC) return EXT_BADARG;
        off = 1;
    }
    Dec d = {.build = mem != NULL, .existing_atoms = safe, .allow_funs = allow_funs, .hp = mem};
    if (off < len && buf[off] == EXT_TAG_COMPRESSED) {
        size_t body_len, consumed;
        uint8_t *body = inflate_body(buf + off + 1, len - off - 1, &body_len, &consumed);
        if (!body) return EXT_BADARG;
        d.p = body, d.end = body + body_len;
        ExtStatus s = walk(&d, result);
        if (s == EXT_OK && d.p != d.end) s = EXT_BADARG; /* the size must be exact */
        free(body);
        *words = d.words;
        *used = off + 1 + consumed;
        return s;
    }
    d.p = buf + off, d.end = buf + len;
    ExtStatus s = walk(&d, result);
    *words = d.words;
    *used = (size_t)(d.p - buf);
    return s;
}

ExtStatus ext_decoded_size(const uint8_t *buf, size_t len, bool skip_version, size_t *words, size_t *used)
{
    return run_pass(buf, len, skip_version, false, false, NULL, NULL, words, used);
}

Term ext_decode(const uint8_t *buf, size_t len, bool skip_version, Term *mem)
{
    Term result = TERM_NONE;
    size_t words, used;
    Term scratch; /* a term that needs no heap words may come with mem == NULL */
    if (run_pass(buf, len, skip_version, false, false, mem ? mem : &scratch, &result, &words, &used) != EXT_OK)
        return TERM_NONE;
    return result;
}

Term ext_binary_to_term(struct Process *p, const uint8_t *bytes, size_t len)
{
    return ext_binary_to_term_opts(p, bytes, len, false, NULL);
}

Term ext_binary_to_term_opts(struct Process *p, const uint8_t *bytes, size_t len, bool safe, size_t *used)
{
    size_t words, span, words2, span2;
    ExtStatus s = run_pass(bytes, len, false, safe, true, NULL, NULL, &words, &span);
    if (s == EXT_SYSTEM_LIMIT) return proc_error(p, ATOM_system_limit);
    if (s != EXT_OK) return proc_badarg(p);
    Term *mem = proc_alloc(p, words);
    Term t = TERM_NONE, scratch;
    if (run_pass(bytes, len, false, safe, true, words ? mem : &scratch, &t, &words2, &span2) != EXT_OK) t = TERM_NONE;
    if (t == TERM_NONE) {
        /* duplicate map keys: give the words back when they are on the heap top */
        if (p->htop == mem + words) p->htop = mem;
        return proc_badarg(p);
    }
    if (used) *used = span;
    return t;
}
