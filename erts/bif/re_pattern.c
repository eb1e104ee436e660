/* re_pattern.c — compiled patterns: the portable Bin of a {re_pattern, ...}
 * term, and a cache of PCRE2 code keyed by it. Bin is a header ("EmRE", then
 * the compile flags, newline and \R convention as little-endian 32-bit words)
 * followed by the pattern's bytes. The cache is direct-mapped and shared by
 * all schedulers: PCRE2 code is read-only while matching, so one copy serves
 * concurrent matches; an entry replaced while in use is freed by its last user. */
#include "bif/re_pattern.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "atom/atom.h"
#include "bif/bif_util.h"
#include "bif/re_errors.h"
#include "bif/re_tables.h"
#include "term/binary.h"

#define MAGIC "EmRE"
#define HEADER_BYTES 16
#define CACHE_SLOTS 256

struct ReCode {
    unsigned refs; /* users, plus one while the cache holds it */
    bool cached;
    uint64_t hash;
    size_t key_len; /* header and source */
    uint8_t *key;
    pcre2_code *code;
};

static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;
static ReCode *cache[CACHE_SLOTS];

static uint64_t fnv1a(const uint8_t *s, size_t n)
{
    uint64_t h = 0xcbf29ce484222325u;
    for (size_t i = 0; i < n; i++) h = (h ^ s[i]) * 0x100000001b3u;
    return h;
}

static void put_u32(uint8_t *d, uint32_t v)
{
    for (int i = 0; i < 4; i++) d[i] = (uint8_t)(v >> (8 * i));
}

static uint32_t get_u32(const uint8_t *s) { return s[0] | s[1] << 8 | s[2] << 16 | (uint32_t)s[3] << 24; }

static void free_code(ReCode *c)
{
    pcre2_code_free(c->code);
    free(c->key);
    free(c);
}

static void unref_locked(ReCode *c)
{
    if (--c->refs == 0) free_code(c);
}

void re_code_release(ReCode *c)
{
    if (!c) return;
    pthread_mutex_lock(&cache_lock);
    unref_locked(c);
    pthread_mutex_unlock(&cache_lock);
}

const pcre2_code *re_code_pcre(const ReCode *c) { return c->code; }

static ReCode *cache_find(const uint8_t *key, size_t len, uint64_t h)
{
    pthread_mutex_lock(&cache_lock);
    ReCode *c = cache[h % CACHE_SLOTS];
    if (c && (c->hash != h || c->key_len != len || memcmp(c->key, key, len) != 0)) c = NULL;
    if (c) c->refs++;
    pthread_mutex_unlock(&cache_lock);
    return c;
}

static void cache_insert(ReCode *c)
{
    pthread_mutex_lock(&cache_lock);
    ReCode **slot = &cache[c->hash % CACHE_SLOTS];
    if (*slot) unref_locked(*slot);
    c->refs++;
    *slot = c;
    pthread_mutex_unlock(&cache_lock);
}

/* In UTF mode without UCP, PCRE2's table of possible first bytes for \w
 * holds only ASCII, so a match starting at a Latin-1 letter (which the
 * tables count as a word character, as OTP's do) would be skipped. Such
 * patterns go without the start-up optimisation. */
static bool needs_full_scan(uint32_t flags, const uint8_t *src, size_t len)
{
    if (!(flags & PCRE2_UTF) || (flags & PCRE2_UCP)) return false;
    for (size_t i = 0; i + 1 < len; i++)
        if (src[i] == '\\' && src[i + 1] == 'w') return true;
    return false;
}

/* Compiles the pattern a key describes. Compiling may recurse deeply on
 * nested groups: PCRE2 guards its own parser depth (parens_nest_limit). */
static ReCode *compile_key(const uint8_t *key, size_t len, uint64_t h, int *err, size_t *erroff)
{
    uint32_t newline = get_u32(key + 8), bsr = get_u32(key + 12);
    pcre2_compile_context *ctx = pcre2_compile_context_create(NULL);
    if (!ctx) {
        *err = PCRE2_ERROR_HEAP_FAILED, *erroff = 0;
        return NULL;
    }
    pcre2_set_character_tables(ctx, re_latin1_tables());
    if (newline) pcre2_set_newline(ctx, newline);
    if (bsr) pcre2_set_bsr(ctx, bsr);
    PCRE2_SIZE off = 0;
    uint32_t flags = get_u32(key + 4);
    if (needs_full_scan(flags, key + HEADER_BYTES, len - HEADER_BYTES)) flags |= PCRE2_NO_START_OPTIMIZE;
    pcre2_code *code = pcre2_compile(key + HEADER_BYTES, len - HEADER_BYTES, flags, err, &off, ctx);
    pcre2_compile_context_free(ctx);
    *erroff = off;
    if (!code) return NULL;
    ReCode *c = malloc(sizeof *c);
    uint8_t *copy = malloc(len);
    if (!c || !copy) {
        free(c), free(copy), pcre2_code_free(code);
        *err = PCRE2_ERROR_HEAP_FAILED, *erroff = 0;
        return NULL;
    }
    memcpy(copy, key, len);
    *c = (ReCode){.refs = 1, .hash = h, .key_len = len, .key = copy, .code = code};
    cache_insert(c);
    return c;
}

static ReCode *code_for_key(const uint8_t *key, size_t len, int *err, size_t *erroff)
{
    uint64_t h = fnv1a(key, len);
    ReCode *c = cache_find(key, len, h);
    return c ? c : compile_key(key, len, h, err, erroff);
}

static void fill_header(uint8_t *key, uint32_t compile, uint32_t newline, uint32_t bsr)
{
    memcpy(key, MAGIC, 4);
    put_u32(key + 4, compile);
    put_u32(key + 8, newline);
    put_u32(key + 12, bsr);
}

ReCode *re_code_compile(const uint8_t *src, size_t len, const ReOptions *o, int *err, size_t *erroff)
{
    if (o->inconsistent_newline) {
        *err = RE_ERROR_INCONSISTENT_NEWLINE, *erroff = 0;
        return NULL;
    }
    uint8_t small[256];
    uint8_t *key = len + HEADER_BYTES <= sizeof small ? small : malloc(len + HEADER_BYTES);
    if (!key) {
        *err = PCRE2_ERROR_HEAP_FAILED, *erroff = 0;
        return NULL;
    }
    fill_header(key, o->compile, o->newline, o->bsr);
    memcpy(key + HEADER_BYTES, src, len);
    ReCode *c = code_for_key(key, len + HEADER_BYTES, err, erroff);
    if (key != small) free(key);
    return c;
}

/* The Bin of a {re_pattern, N, Unicode, UseCrlf, Bin} tuple, or false. */
static bool pattern_bin(Term t, const uint8_t **bytes, size_t *len)
{
    if (!term_is_tuple(t) || term_tuple_arity(t) != 5) return false;
    const Term *e = term_tuple_elements(t);
    if (e[0] != ATOM_re_pattern || !term_is_small(e[1]) || !term_is_small(e[2]) || !term_is_small(e[3])) return false;
    BinView v;
    if (!binary_view(e[4], &v) || v.bit_off % 8 || v.bit_size % 8) return false;
    *bytes = v.bytes + v.bit_off / 8;
    *len = v.bit_size / 8;
    return *len >= HEADER_BYTES && memcmp(*bytes, MAGIC, 4) == 0;
}

ReCode *re_code_of_term(Term pattern, uint32_t newline, uint32_t bsr)
{
    const uint8_t *bin;
    size_t len;
    if (!pattern_bin(pattern, &bin, &len)) return NULL;
    int err;
    size_t off;
    bool same = (!newline || newline == get_u32(bin + 8)) && (!bsr || bsr == get_u32(bin + 12));
    /* The bytes may sit on the heap: copy them before anything else runs. */
    uint8_t *key = malloc(len);
    if (!key) return NULL;
    memcpy(key, bin, len);
    if (!same) fill_header(key, get_u32(bin + 4), newline ? newline : get_u32(bin + 8), bsr ? bsr : get_u32(bin + 12));
    ReCode *c = code_for_key(key, len, &err, &off);
    free(key);
    return c;
}

Term re_pattern_term(Process *p, const ReCode *c, bool unicode)
{
    uint32_t groups = 0, newline = 0;
    pcre2_pattern_info(c->code, PCRE2_INFO_CAPTURECOUNT, &groups);
    pcre2_pattern_info(c->code, PCRE2_INFO_NEWLINE, &newline);
    bool crlf = newline == PCRE2_NEWLINE_ANY || newline == PCRE2_NEWLINE_CRLF || newline == PCRE2_NEWLINE_ANYCRLF;
    Term *e;
    Term bin = binary_from_bytes(p, c->key, c->key_len);
    Term t = bif_alloc_tuple(p, 5, &e);
    e[0] = ATOM_re_pattern;
    e[1] = term_make_small(groups);
    e[2] = term_make_small(unicode);
    e[3] = term_make_small(crlf);
    e[4] = bin;
    return t;
}

bool re_input_bytes(Term t, ReInput *in)
{
    BinView v;
    in->owned = NULL;
    if (binary_view(t, &v) && v.bit_off % 8 == 0 && v.bit_size % 8 == 0) {
        in->bytes = v.bytes + v.bit_off / 8;
        in->len = v.bit_size / 8;
        return true;
    }
    if (!bif_iolist_copy(t, &in->owned, &in->len)) return false;
    in->bytes = in->owned;
    return true;
}

void re_input_free(ReInput *in)
{
    free(in->owned);
    in->owned = NULL;
}
