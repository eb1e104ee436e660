/* beam_chunks.c — raw chunk lookup and the module MD5 (see beam_chunks.h).
 * The walk accepts what the loader's container parser accepts: a last chunk
 * may lack its alignment padding. */
#include "load/beam_chunks.h"

#define OPENSSL_SUPPRESS_DEPRECATED /* the one-shot MD5_* calls are all this needs */
#include <openssl/md5.h>
#include <string.h>

static uint32_t be32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

bool load_beam_chunk(const uint8_t *data, size_t size, const char id[4], BeamSpan *out)
{
    if (size < 12 || memcmp(data, "FOR1", 4) != 0 || memcmp(data + 8, "BEAM", 4) != 0) return false;
    uint32_t form = be32(data + 4);
    if (form > size - 8 || form < 4) return false;
    size_t pos = 12, end = 8 + (size_t)form;
    while (end - pos >= 8) {
        uint32_t len = be32(data + pos + 4);
        if (len > end - pos - 8) return false;
        if (memcmp(data + pos, id, 4) == 0) {
            *out = (BeamSpan){data + pos + 8, len, pos + 8};
            return true;
        }
        size_t stored = ((size_t)len + 3) & ~(size_t)3;
        if (stored > end - pos - 8) stored = len;
        pos += 8 + stored;
    }
    return false;
}

/* FunT entries are six words; the sixth, old_uniq, is left out of the digest
 * so that it does not depend on the compiler's hash of the fun's code. */
static void md5_funs(MD5_CTX *ctx, const BeamSpan *s)
{
    static const uint8_t zero[4];
    if (s->size < 4) {
        MD5_Update(ctx, s->data, s->size);
        return;
    }
    MD5_Update(ctx, s->data, 4);
    size_t pos = 4;
    for (; s->size - pos >= 24; pos += 24) {
        MD5_Update(ctx, s->data + pos, 20);
        MD5_Update(ctx, zero, 4);
    }
    MD5_Update(ctx, s->data + pos, s->size - pos);
}

void load_beam_md5(const uint8_t *data, size_t size, uint8_t md5[16])
{
    static const char ids[][5] = {"Atom", "AtU8", "Code", "StrT", "ImpT", "ExpT", "FunT", "LitT", "Meta"};
    MD5_CTX ctx;
    MD5_Init(&ctx);
    for (size_t k = 0; k < sizeof ids / sizeof *ids; k++) {
        BeamSpan s;
        if (!load_beam_chunk(data, size, ids[k], &s)) continue;
        if (strcmp(ids[k], "FunT") == 0)
            md5_funs(&ctx, &s);
        else
            MD5_Update(&ctx, s.data, s.size);
    }
    MD5_Final(md5, &ctx);
}
