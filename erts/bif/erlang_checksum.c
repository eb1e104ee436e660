/* erlang_checksum.c — erlang:crc32/1,2, crc32_combine/3, adler32/1,2,
 * adler32_combine/3 (zlib's) and md5/1, md5_init/0, md5_update/2,
 * md5_final/1 (OpenSSL's). Data is any iodata, walked without flattening.
 *
 * An md5 context is a binary, as OTP's: 88 bytes laid out as OTP's own
 * (four state words, the bit count in two words, 64 buffered bytes). OpenSSL's
 * context carries the same plus the number of buffered bytes, which the bit
 * count gives back. */
#define OPENSSL_SUPPRESS_DEPRECATED /* MD5_CTX: the context must be a binary */
#include <openssl/md5.h>
#include <string.h>
#include <zlib.h>

#include "bif/bif.h"
#include "bif/bif_reds.h"
#include "bif/bif_util.h"
#include "term/binary.h"

/* An integer 0..2^32-1 (checksums and combine lengths). */
static bool u32_arg(Term t, uLong *out)
{
    if (!term_is_small(t) || term_small_value(t) < 0 || term_small_value(t) > 0xffffffffL) return false;
    *out = (uLong)term_small_value(t);
    return true;
}

typedef struct Sum {
    uLong value;
    size_t bytes;
} Sum;

static void crc_piece(void *ctx, const uint8_t *bytes, size_t len)
{
    Sum *s = ctx;
    s->value = crc32_z(s->value, bytes, len);
    s->bytes += len;
}

static void adler_piece(void *ctx, const uint8_t *bytes, size_t len)
{
    Sum *s = ctx;
    s->value = adler32_z(s->value, bytes, len);
    s->bytes += len;
}

static Term checksum(Process *p, uLong start, Term data, IodataPiece piece)
{
    Sum s = {start, 0};
    BinStatus st = bif_iodata_each(data, piece, &s);
    if (st != BIN_OK) return bif_binary_error(p, st);
    bif_charge_bytes(p, s.bytes);
    return term_make_small((SInt)s.value);
}

Term bif_erlang_crc32_1(Process *p, const Term *args) { return checksum(p, crc32(0, Z_NULL, 0), args[0], crc_piece); }

Term bif_erlang_crc32_2(Process *p, const Term *args)
{
    uLong start;
    if (!u32_arg(args[0], &start)) return proc_badarg(p);
    return checksum(p, start, args[1], crc_piece);
}

Term bif_erlang_adler32_1(Process *p, const Term *args)
{
    return checksum(p, adler32(0, Z_NULL, 0), args[0], adler_piece);
}

Term bif_erlang_adler32_2(Process *p, const Term *args)
{
    uLong start;
    if (!u32_arg(args[0], &start)) return proc_badarg(p);
    return checksum(p, start, args[1], adler_piece);
}

Term bif_erlang_crc32_combine_3(Process *p, const Term *args)
{
    uLong a, b, len;
    if (!u32_arg(args[0], &a) || !u32_arg(args[1], &b) || !u32_arg(args[2], &len)) return proc_badarg(p);
    return term_make_small((SInt)crc32_combine(a, b, (z_off_t)len));
}

Term bif_erlang_adler32_combine_3(Process *p, const Term *args)
{
    uLong a, b, len;
    if (!u32_arg(args[0], &a) || !u32_arg(args[1], &b) || !u32_arg(args[2], &len)) return proc_badarg(p);
    return term_make_small((SInt)adler32_combine(a, b, (z_off_t)len));
}

/* ---- md5 ---------------------------------------------------------------------- */

enum { MD5_CONTEXT_BYTES = 88, MD5_STATE_AT = 0, MD5_COUNT_AT = 16, MD5_BUFFER_AT = 24 };

static void context_save(const MD5_CTX *c, uint8_t out[MD5_CONTEXT_BYTES])
{
    MD5_LONG state[4] = {c->A, c->B, c->C, c->D}, count[2] = {c->Nl, c->Nh};
    memcpy(out + MD5_STATE_AT, state, sizeof state);
    memcpy(out + MD5_COUNT_AT, count, sizeof count);
    memcpy(out + MD5_BUFFER_AT, c->data, 64);
}

/* A context binary back into OpenSSL's form; false when t is not one. */
static bool context_load(Term t, MD5_CTX *c)
{
    const uint8_t *bytes;
    size_t len;
    if (bif_binary_bytes(t, &bytes, &len) != BIN_OK || len != MD5_CONTEXT_BYTES) return false;
    MD5_LONG state[4], count[2];
    memcpy(state, bytes + MD5_STATE_AT, sizeof state);
    memcpy(count, bytes + MD5_COUNT_AT, sizeof count);
    memset(c, 0, sizeof *c);
    c->A = state[0], c->B = state[1], c->C = state[2], c->D = state[3];
    c->Nl = count[0], c->Nh = count[1];
    memcpy(c->data, bytes + MD5_BUFFER_AT, 64);
    c->num = (c->Nl >> 3) & 63; /* bytes buffered: the byte count mod 64 */
    return true;
}

static Term context_term(Process *p, const MD5_CTX *c)
{
    uint8_t *out;
    Term bin = binary_new(p, MD5_CONTEXT_BYTES, &out);
    context_save(c, out);
    return bin;
}

typedef struct Md5Walk {
    MD5_CTX ctx;
    size_t bytes;
} Md5Walk;

static void md5_piece(void *ctx, const uint8_t *bytes, size_t len)
{
    Md5Walk *w = ctx;
    MD5_Update(&w->ctx, bytes, len);
    w->bytes += len;
}

/* Feeds iodata into w; a status other than BIN_OK when it is not iodata. */
static BinStatus md5_feed(Process *p, Md5Walk *w, Term data)
{
    BinStatus st = bif_iodata_each(data, md5_piece, w);
    bif_charge_bytes(p, w->bytes);
    return st;
}

static Term digest_term(Process *p, MD5_CTX *c)
{
    uint8_t digest[MD5_DIGEST_LENGTH];
    MD5_Final(digest, c);
    return binary_from_bytes(p, digest, sizeof digest);
}

Term bif_erlang_md5_1(Process *p, const Term *args)
{
    Md5Walk w = {.bytes = 0};
    MD5_Init(&w.ctx);
    BinStatus st = md5_feed(p, &w, args[0]);
    return st == BIN_OK ? digest_term(p, &w.ctx) : bif_binary_error(p, st);
}

Term bif_erlang_md5_init_0(Process *p, const Term *args)
{
    (void)args;
    MD5_CTX c;
    MD5_Init(&c);
    return context_term(p, &c);
}

Term bif_erlang_md5_update_2(Process *p, const Term *args)
{
    Md5Walk w = {.bytes = 0};
    if (!context_load(args[0], &w.ctx)) return proc_badarg(p);
    BinStatus st = md5_feed(p, &w, args[1]);
    if (st != BIN_OK) return bif_binary_error(p, st);
    return context_term(p, &w.ctx);
}

Term bif_erlang_md5_final_1(Process *p, const Term *args)
{
    MD5_CTX c;
    if (!context_load(args[0], &c)) return proc_badarg(p);
    return digest_term(p, &c);
}
