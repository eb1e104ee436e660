/* bundle.h — the .ebx bundle: .beam files and an entry point in one file, and
 * the trailer that makes an ember executable carry one (ember pack --exe).
 * The reader validates every field before use; doc/bundles.md has the layout. */
#ifndef EMBER_BUNDLE_H
#define EMBER_BUNDLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define BUNDLE_MAGIC "EMBERBX\0"
#define BUNDLE_TRAILER_MAGIC "EMBXEXE\0"
#define BUNDLE_VERSION 1u
#define BUNDLE_HEADER_SIZE 32u
#define BUNDLE_TRAILER_SIZE 24u
#define BUNDLE_MAX_ENTRIES 65536u
#define BUNDLE_MAX_NAME 255u
#define BUNDLE_MAX_ENTRY_SIZE (256u << 20) /* one module, uncompressed */

typedef enum BundleKind {
    BUNDLE_MODULE = 0,  /* a module of the program, loaded at every boot */
    BUNDLE_RUNTIME = 1, /* a module of Ember's own library (lib/ebin), loaded only
                         * by the standalone boot, in place of <bin>/../lib/ebin */
} BundleKind;

typedef struct BundleEntry {
    char *name; /* module name, NUL-terminated */
    BundleKind kind;
    uint8_t *data; /* the .beam bytes, uncompressed */
    size_t size;
} BundleEntry;

typedef struct Bundle {
    char *entry_module;
    char *entry_function;
    BundleEntry *entries;
    size_t num_entries;
} Bundle;

/* Parses and checks data[0..size): header, version, sizes, offsets, names
 * (unique module names), the order of the data (no gaps, no overlaps), zlib
 * streams and the CRC-32 of the table and of every entry. On failure
 * returns false with a one-line reason in err and leaves *b empty. Entries
 * own copies; data can be freed afterwards. */
bool bundle_parse(const uint8_t *data, size_t size, Bundle *b, char *err, size_t cap);

/* Reads size bytes at offset of path and parses them; size 0 means the rest
 * of the file. */
bool bundle_read_file(const char *path, uint64_t offset, uint64_t size, Bundle *b, char *err, size_t cap);

/* True when path ends in the bundle trailer; fills the bundle's offset and
 * size within the file (checked against the file's size). */
bool bundle_find_trailer(const char *path, uint64_t *offset, uint64_t *size);

/* Writes b (entries compressed with zlib when that is smaller) to f, followed
 * by the executable trailer when at_offset is not UINT64_MAX (the bundle then
 * starts at that offset of the file). Returns false with err on failure. */
bool bundle_write(FILE *f, const Bundle *b, uint64_t at_offset, char *err, size_t cap);

/* True for a name a bundle may hold: 1..255 bytes of letters, digits, '_',
 * '@' and '.', not "." or "..", so that it is also a safe file name. */
bool bundle_valid_name(const char *name, size_t len);

void bundle_free(Bundle *b);

#endif
