/* bundle.c — reads and writes .ebx bundles. Everything read is bounds-checked
 * against the bytes actually present, so a truncated or corrupted bundle gives
 * one line of reason and never a read past a buffer. */
#include "boot/bundle.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

enum { COMPRESS_NONE = 0, COMPRESS_ZLIB = 1 };
enum { ENTRY_FIXED = 24 }; /* kind, compression, name length, 3 x u32, offset */

static bool fail(char *err, size_t cap, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static bool fail(char *err, size_t cap, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, cap, fmt, ap);
    va_end(ap);
    return false;
}

static uint16_t get16(const uint8_t *p) { return (uint16_t)(p[0] | p[1] << 8); }
static uint32_t get32(const uint8_t *p) { return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24; }
static uint64_t get64(const uint8_t *p) { return get32(p) | (uint64_t)get32(p + 4) << 32; }

static void put16(uint8_t *p, uint16_t v) { p[0] = (uint8_t)v, p[1] = (uint8_t)(v >> 8); }
static void put32(uint8_t *p, uint32_t v)
{
    for (int i = 0; i < 4; i++) p[i] = (uint8_t)(v >> 8 * i);
}
static void put64(uint8_t *p, uint64_t v)
{
    put32(p, (uint32_t)v);
    put32(p + 4, (uint32_t)(v >> 32));
}

static uint32_t crc_of(const uint8_t *data, size_t size) { return (uint32_t)crc32_z(crc32(0, Z_NULL, 0), data, size); }

bool bundle_valid_name(const char *name, size_t len)
{
    if (len == 0 || len > BUNDLE_MAX_NAME) return false;
    if ((len == 1 && name[0] == '.') || (len == 2 && name[0] == '.' && name[1] == '.')) return false;
    for (size_t i = 0; i < len; i++) {
        char c = name[i];
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '@' ||
                  c == '.';
        if (!ok) return false;
    }
    return true;
}

void bundle_free(Bundle *b)
{
    for (size_t i = 0; i < b->num_entries; i++) {
        free(b->entries[i].name);
        free(b->entries[i].data);
    }
    free(b->entries);
    free(b->entry_module);
    free(b->entry_function);
    memset(b, 0, sizeof *b);
}

static char *copy_name(const uint8_t *p, size_t len)
{
    char *s = malloc(len + 1);
    if (s) {
        memcpy(s, p, len);
        s[len] = '\0';
    }
    return s;
}

/* Reads the name of len bytes at *pos of the table. */
static bool read_name(const uint8_t *t, size_t tsize, size_t *pos, size_t len, char **out, const char *what, char *err,
                      size_t cap)
{
    if (len > tsize - *pos) return fail(err, cap, "%s runs past the table", what);
    if (!bundle_valid_name((const char *)t + *pos, len)) return fail(err, cap, "bad %s", what);
    *out = copy_name(t + *pos, len);
    if (!*out) return fail(err, cap, "out of memory");
    *pos += len;
    return true;
}

/* Uncompresses (or copies) one entry's stored bytes and checks size and CRC. */
static bool entry_payload(const uint8_t *stored, size_t stored_size, unsigned compression, size_t size, uint32_t crc,
                          BundleEntry *e, char *err, size_t cap)
{
    e->data = malloc(size ? size : 1);
    if (!e->data) return fail(err, cap, "out of memory");
    if (compression == COMPRESS_NONE) {
        if (stored_size != size) return fail(err, cap, "entry %s: stored size %zu is not its size %zu", e->name, stored_size, size);
        memcpy(e->data, stored, size);
    } else {
        uLongf out = size;
        if (uncompress(e->data, &out, stored, stored_size) != Z_OK || out != size)
            return fail(err, cap, "entry %s: corrupt compressed data", e->name);
    }
    e->size = size;
    if (crc_of(e->data, size) != crc) return fail(err, cap, "entry %s: checksum mismatch", e->name);
    return true;
}

static int compare_names(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static bool check_unique(const Bundle *b, char *err, size_t cap)
{
    /* runtime modules and program modules live in different boots, but a
     * name appears once per kind */
    for (int kind = BUNDLE_MODULE; kind <= BUNDLE_RUNTIME; kind++) {
        char **names = malloc((b->num_entries + 1) * sizeof *names);
        if (!names) return fail(err, cap, "out of memory");
        size_t n = 0;
        for (size_t i = 0; i < b->num_entries; i++)
            if (b->entries[i].kind == (BundleKind)kind) names[n++] = b->entries[i].name;
        qsort(names, n, sizeof *names, compare_names);
        for (size_t i = 1; i < n; i++)
            if (strcmp(names[i - 1], names[i]) == 0) {
                fail(err, cap, "module %s appears twice", names[i]);
                free(names);
                return false;
            }
        free(names);
    }
    return true;
}

static bool parse_entries(const uint8_t *data, size_t size, const uint8_t *t, size_t tsize, size_t pos, Bundle *b,
                          char *err, size_t cap)
{
    /* the data of the entries follow each other without gaps or overlaps,
     * so that the work of inflating is bounded by the bytes present */
    uint64_t next = BUNDLE_HEADER_SIZE + tsize;
    for (size_t i = 0; i < b->num_entries; i++) {
        BundleEntry *e = &b->entries[i];
        if (tsize - pos < ENTRY_FIXED) return fail(err, cap, "entry %zu runs past the table", i);
        const uint8_t *f = t + pos;
        unsigned kind = f[0], compression = f[1];
        size_t name_len = get16(f + 2);
        uint32_t stored_size = get32(f + 4), full_size = get32(f + 8), crc = get32(f + 12);
        uint64_t offset = get64(f + 16);
        pos += ENTRY_FIXED;
        if (!read_name(t, tsize, &pos, name_len, &e->name, "module name", err, cap)) return false;
        if (kind > BUNDLE_RUNTIME) return fail(err, cap, "entry %s: unknown kind %u", e->name, kind);
        e->kind = (BundleKind)kind;
        if (compression > COMPRESS_ZLIB) return fail(err, cap, "entry %s: unknown compression %u", e->name, compression);
        if (full_size > BUNDLE_MAX_ENTRY_SIZE) return fail(err, cap, "entry %s: size %u too large", e->name, full_size);
        if (offset < BUNDLE_HEADER_SIZE + tsize || offset > size || stored_size > size - offset)
            return fail(err, cap, "entry %s: data at offset %llu size %u lies outside the bundle", e->name,
                        (unsigned long long)offset, stored_size);
        if (offset != next)
            return fail(err, cap, "entry %s: data at offset %llu, not at %llu where the previous one ends", e->name,
                        (unsigned long long)offset, (unsigned long long)next);
        next += stored_size;
        if (!entry_payload(data + offset, stored_size, compression, full_size, crc, e, err, cap)) return false;
    }
    if (pos != tsize) return fail(err, cap, "table has %zu bytes after its last entry", tsize - pos);
    if (next != size) return fail(err, cap, "%llu bytes after the last entry's data", (unsigned long long)(size - next));
    if (!check_unique(b, err, cap)) return false;
    for (size_t i = 0; i < b->num_entries; i++)
        if (b->entries[i].kind == BUNDLE_MODULE && strcmp(b->entries[i].name, b->entry_module) == 0) return true;
    return fail(err, cap, "the entry module %s is not in the bundle", b->entry_module);
}

static bool parse(const uint8_t *data, size_t size, Bundle *b, char *err, size_t cap)
{
    if (size < BUNDLE_HEADER_SIZE) return fail(err, cap, "truncated: %zu bytes, shorter than the header", size);
    if (memcmp(data, BUNDLE_MAGIC, 8) != 0) return fail(err, cap, "not an Ember bundle (bad magic)");
    uint32_t version = get32(data + 8), count = get32(data + 12), tsize = get32(data + 16), tcrc = get32(data + 20);
    uint64_t total = get64(data + 24);
    if (version != BUNDLE_VERSION) return fail(err, cap, "unsupported bundle version %u (this ember reads %u)", version, BUNDLE_VERSION);
    if (total != size)
        return fail(err, cap, "%s: header says %llu bytes, found %zu", total > size ? "truncated" : "bad size",
                    (unsigned long long)total, size);
    if (tsize > size - BUNDLE_HEADER_SIZE) return fail(err, cap, "table size %u runs past the end", tsize);
    const uint8_t *t = data + BUNDLE_HEADER_SIZE;
    if (crc_of(t, tsize) != tcrc) return fail(err, cap, "table checksum mismatch");
    if (count == 0 || count > BUNDLE_MAX_ENTRIES) return fail(err, cap, "bad number of entries %u", count);
    if (tsize < 4) return fail(err, cap, "table too short for the entry point");
    size_t pos = 4;
    if (!read_name(t, tsize, &pos, get16(t), &b->entry_module, "entry module", err, cap)) return false;
    if (!read_name(t, tsize, &pos, get16(t + 2), &b->entry_function, "entry function", err, cap)) return false;
    b->entries = calloc(count, sizeof *b->entries);
    if (!b->entries) return fail(err, cap, "out of memory");
    b->num_entries = count;
    return parse_entries(data, size, t, tsize, pos, b, err, cap);
}

bool bundle_parse(const uint8_t *data, size_t size, Bundle *b, char *err, size_t cap)
{
    memset(b, 0, sizeof *b);
    if (parse(data, size, b, err, cap)) return true;
    bundle_free(b);
    return false;
}

static bool file_size(FILE *f, uint64_t *size)
{
    if (fseeko(f, 0, SEEK_END) != 0) return false;
    off_t end = ftello(f);
    if (end < 0) return false;
    *size = (uint64_t)end;
    return true;
}

bool bundle_read_file(const char *path, uint64_t offset, uint64_t size, Bundle *b, char *err, size_t cap)
{
    memset(b, 0, sizeof *b);
    FILE *f = fopen(path, "rb");
    if (!f) return fail(err, cap, "cannot open it");
    uint64_t fsize;
    bool ok = file_size(f, &fsize);
    if (ok && size == 0) size = offset <= fsize ? fsize - offset : 0;
    if (!ok || offset > fsize || size > fsize - offset) {
        fclose(f);
        return fail(err, cap, "cannot read it");
    }
    if (size > (uint64_t)BUNDLE_MAX_ENTRIES * BUNDLE_MAX_ENTRY_SIZE) {
        fclose(f);
        return fail(err, cap, "too large");
    }
    uint8_t *data = malloc(size ? size : 1);
    ok = data && fseeko(f, (off_t)offset, SEEK_SET) == 0 && fread(data, 1, size, f) == size;
    fclose(f);
    if (!ok) {
        free(data);
        return fail(err, cap, "cannot read it");
    }
    ok = bundle_parse(data, size, b, err, cap);
    free(data);
    return ok;
}

bool bundle_find_trailer(const char *path, uint64_t *offset, uint64_t *size)
{
    FILE *f = fopen(path, "rb");
    if (!f) return false;
    uint8_t t[BUNDLE_TRAILER_SIZE];
    uint64_t fsize;
    bool ok = file_size(f, &fsize) && fsize >= BUNDLE_TRAILER_SIZE &&
              fseeko(f, (off_t)(fsize - BUNDLE_TRAILER_SIZE), SEEK_SET) == 0 && fread(t, 1, sizeof t, f) == sizeof t;
    fclose(f);
    if (!ok || memcmp(t + 16, BUNDLE_TRAILER_MAGIC, 8) != 0) return false;
    *offset = get64(t);
    *size = get64(t + 8);
    /* a trailer pointing elsewhere is reported by the bundle reader as a
     * bad bundle, so only the gross range is checked here */
    if (*offset > fsize - BUNDLE_TRAILER_SIZE || *size > fsize - BUNDLE_TRAILER_SIZE - *offset) {
        *offset = 0, *size = 1; /* parse fails on it: "truncated" */
    }
    return true;
}

/* ---- writing ---- */

typedef struct Stored {
    uint8_t *bytes; /* compressed copy, or NULL: the entry's own data */
    size_t size;
} Stored;

static size_t table_size(const Bundle *b)
{
    size_t n = 4 + strlen(b->entry_module) + strlen(b->entry_function);
    for (size_t i = 0; i < b->num_entries; i++) n += ENTRY_FIXED + strlen(b->entries[i].name);
    return n;
}

static bool compress_entries(const Bundle *b, Stored *stored, char *err, size_t cap)
{
    for (size_t i = 0; i < b->num_entries; i++) {
        const BundleEntry *e = &b->entries[i];
        uLongf bound = compressBound(e->size);
        uint8_t *z = malloc(bound);
        if (!z) return fail(err, cap, "out of memory");
        if (compress2(z, &bound, e->data, e->size, Z_BEST_COMPRESSION) == Z_OK && bound < e->size) {
            stored[i].bytes = z, stored[i].size = bound;
        } else {
            free(z);
            stored[i].size = e->size;
        }
    }
    return true;
}

static void fill_table(const Bundle *b, const Stored *stored, uint8_t *t, size_t tsize)
{
    size_t mlen = strlen(b->entry_module), flen = strlen(b->entry_function);
    put16(t, (uint16_t)mlen);
    put16(t + 2, (uint16_t)flen);
    memcpy(t + 4, b->entry_module, mlen);
    memcpy(t + 4 + mlen, b->entry_function, flen);
    size_t pos = 4 + mlen + flen;
    uint64_t offset = BUNDLE_HEADER_SIZE + tsize;
    for (size_t i = 0; i < b->num_entries; i++) {
        const BundleEntry *e = &b->entries[i];
        size_t nlen = strlen(e->name);
        uint8_t *f = t + pos;
        f[0] = (uint8_t)e->kind;
        f[1] = stored[i].bytes ? COMPRESS_ZLIB : COMPRESS_NONE;
        put16(f + 2, (uint16_t)nlen);
        put32(f + 4, (uint32_t)stored[i].size);
        put32(f + 8, (uint32_t)e->size);
        put32(f + 12, crc_of(e->data, e->size));
        put64(f + 16, offset);
        memcpy(f + ENTRY_FIXED, e->name, nlen);
        pos += ENTRY_FIXED + nlen;
        offset += stored[i].size;
    }
}

static bool write_all(FILE *f, const Bundle *b, const Stored *stored, uint64_t at_offset, char *err, size_t cap)
{
    size_t tsize = table_size(b);
    uint8_t *t = malloc(tsize);
    if (!t) return fail(err, cap, "out of memory");
    fill_table(b, stored, t, tsize);
    uint64_t total = BUNDLE_HEADER_SIZE + tsize;
    for (size_t i = 0; i < b->num_entries; i++) total += stored[i].size;
    uint8_t h[BUNDLE_HEADER_SIZE];
    memcpy(h, BUNDLE_MAGIC, 8);
    put32(h + 8, BUNDLE_VERSION);
    put32(h + 12, (uint32_t)b->num_entries);
    put32(h + 16, (uint32_t)tsize);
    put32(h + 20, crc_of(t, tsize));
    put64(h + 24, total);
    bool ok = fwrite(h, 1, sizeof h, f) == sizeof h && fwrite(t, 1, tsize, f) == tsize;
    free(t);
    for (size_t i = 0; ok && i < b->num_entries; i++) {
        const uint8_t *bytes = stored[i].bytes ? stored[i].bytes : b->entries[i].data;
        ok = fwrite(bytes, 1, stored[i].size, f) == stored[i].size;
    }
    if (ok && at_offset != UINT64_MAX) {
        uint8_t tr[BUNDLE_TRAILER_SIZE];
        put64(tr, at_offset);
        put64(tr + 8, total);
        memcpy(tr + 16, BUNDLE_TRAILER_MAGIC, 8);
        ok = fwrite(tr, 1, sizeof tr, f) == sizeof tr;
    }
    return ok || fail(err, cap, "write failed");
}

bool bundle_write(FILE *f, const Bundle *b, uint64_t at_offset, char *err, size_t cap)
{
    if (b->num_entries == 0 || b->num_entries > BUNDLE_MAX_ENTRIES) return fail(err, cap, "bad number of modules");
    for (size_t i = 0; i < b->num_entries; i++)
        if (b->entries[i].size > BUNDLE_MAX_ENTRY_SIZE) return fail(err, cap, "%s is too large", b->entries[i].name);
    if (!check_unique(b, err, cap)) return false;
    Stored *stored = calloc(b->num_entries, sizeof *stored);
    if (!stored) return fail(err, cap, "out of memory");
    bool ok = compress_entries(b, stored, err, cap) && write_all(f, b, stored, at_offset, err, cap);
    for (size_t i = 0; i < b->num_entries; i++) free(stored[i].bytes);
    free(stored);
    return ok;
}
