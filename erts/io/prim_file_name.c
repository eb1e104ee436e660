/* prim_file_name.c — file names between Erlang and the system, as OTP does
 * with UTF-8 file name encoding (Linux's default): a name is a (deep) list of
 * characters or a binary; natively it is UTF-8 bytes ending in NUL. */
#include <stdlib.h>
#include <string.h>

#include "bif/bif.h"
#include "bif/bif_util.h"
#include "term/binary.h"
#include "term/utf8.h"

typedef struct NameBuf {
    uint8_t *bytes;
    size_t len, cap;
} NameBuf;

static bool put(NameBuf *b, const uint8_t *s, size_t n)
{
    if (b->len + n > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 256;
        while (cap < b->len + n) cap *= 2;
        uint8_t *grown = realloc(b->bytes, cap);
        if (!grown) return false;
        b->bytes = grown;
        b->cap = cap;
    }
    memcpy(b->bytes + b->len, s, n);
    b->len += n;
    return true;
}

/* A deep list of characters (binaries allowed inside, as raw bytes). */
static bool encode_list(NameBuf *b, Term t, int depth)
{
    if (depth > 1000) return false;
    for (; term_is_list(t); t = term_tail(t)) {
        Term h = term_head(t);
        if (term_is_small(h)) {
            SInt c = term_small_value(h);
            if (c < 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return false;
            uint8_t u[4];
            if (!put(b, u, utf8_encode((uint32_t)c, u))) return false;
        } else if (term_is_list(h) || term_is_nil(h)) {
            if (!encode_list(b, h, depth + 1)) return false;
        } else {
            const uint8_t *bytes;
            size_t len;
            if (bif_binary_bytes(h, &bytes, &len) != BIN_OK || !put(b, bytes, len)) return false;
        }
    }
    return term_is_nil(t);
}

Term bif_prim_file_internal_name2native_1(Process *p, const Term *args)
{
    NameBuf b = {0};
    const uint8_t *bytes;
    size_t len;
    bool ok;
    if (term_is_bitstring(args[0])) ok = bif_binary_bytes(args[0], &bytes, &len) == BIN_OK && put(&b, bytes, len);
    else ok = (term_is_list(args[0]) || term_is_nil(args[0])) && encode_list(&b, args[0], 0);
    ok = ok && !memchr(b.bytes ? b.bytes : (const uint8_t *)"", 0, b.len) && put(&b, (const uint8_t *)"", 1);
    Term r = ok ? binary_from_bytes(p, b.bytes, b.len) : TERM_NONE;
    free(b.bytes);
    return ok ? r : proc_badarg(p);
}

static bool valid_utf8(const uint8_t *s, size_t len) { return utf8_count_chars(s, len) != UTF8_INVALID; }

/* A raw name back as characters; {error, warning} when it is not UTF-8 (the
 * file name error mode OTP starts with). */
Term bif_prim_file_internal_native2name_1(Process *p, const Term *args)
{
    const uint8_t *bytes;
    size_t len;
    if (bif_binary_bytes(args[0], &bytes, &len) != BIN_OK) return proc_badarg(p);
    if (!valid_utf8(bytes, len)) return bif_tuple2(p, ATOM_error, atom_from_cstr("warning"));
    return bif_utf8_to_list(p, bytes, len);
}

/* Linux keeps names as they are: no normalization, only decoding. */
Term bif_prim_file_internal_normalize_utf8_1(Process *p, const Term *args)
{
    const uint8_t *bytes;
    size_t len;
    if (bif_binary_bytes(args[0], &bytes, &len) != BIN_OK || !valid_utf8(bytes, len)) return proc_badarg(p);
    return bif_utf8_to_list(p, bytes, len);
}

Term bif_prim_file_is_translatable_1(Process *p, const Term *args)
{
    const uint8_t *bytes;
    size_t len;
    if (bif_binary_bytes(args[0], &bytes, &len) != BIN_OK) return proc_badarg(p);
    return valid_utf8(bytes, len) ? ATOM_true : ATOM_false;
}
