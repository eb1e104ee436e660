/* beam_file.h — a pure, validating parser of the .beam container: the IFF
 * header and the chunks OTP 25 writes. It builds nothing in the runtime (no
 * atoms, no terms); it checks every length and index and hands the loader
 * tables that point into the file's bytes. */
#ifndef EMBER_BEAM_FILE_H
#define EMBER_BEAM_FILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A load error: one line of text naming the chunk, the byte offset in the
 * file and the reason. */
typedef struct LoadError {
    char text[256];
} LoadError;

/* Formats "bad CHUNK chunk at offset N: REASON" (or "bad file header ..." when
 * chunk is NULL) into err; returns false so callers can `return load_fail(...)`. */
bool load_fail(LoadError *err, const char *chunk, size_t offset, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

typedef struct BeamSpan {
    const uint8_t *data;
    size_t size;
    size_t offset; /* of data[0] in the file */
} BeamSpan;

typedef struct BeamText {
    const uint8_t *text;
    size_t len;
} BeamText;

typedef struct BeamImport {
    uint32_t module, function; /* atom indices (1-based) */
    uint32_t arity;
} BeamImport;

typedef struct BeamExport { /* ExpT and LocT entries */
    uint32_t function;        /* atom index */
    uint32_t arity;
    uint32_t label;
} BeamExport;

typedef struct BeamFun {
    uint32_t function, arity, label, index, num_free, old_uniq;
} BeamFun;

typedef struct BeamLineItem {
    uint32_t file; /* 0 = the module's own "<module>.erl", k = file_names[k - 1] */
    uint32_t line; /* 0 = unknown location */
} BeamLineItem;

typedef struct BeamFile {
    const uint8_t *data;
    size_t size;

    /* Atoms: atoms[k] for k = 1..num_atoms; atoms[1] is the module name. */
    BeamText *atoms;
    uint32_t num_atoms;
    bool latin1_atoms; /* the old "Atom" chunk */

    /* Code: the instructions after the sub-header. */
    BeamSpan code;
    uint32_t max_opcode, label_count, function_count;

    BeamSpan strings;
    BeamImport *imports;
    uint32_t num_imports;
    BeamExport *exports;
    uint32_t num_exports;
    size_t exports_offset; /* file offsets of ExpT and FunT, for messages */
    size_t funs_offset;
    BeamExport *locals;
    uint32_t num_locals;
    BeamFun *funs;
    uint32_t num_funs;

    /* Literals: decompressed LitT; each entry is an external term (with the
     * version byte) inside literal_buf. */
    uint8_t *literal_buf;
    BeamText *literals;
    uint32_t num_literals;
    size_t literal_offset; /* file offset of the LitT chunk, for messages */

    /* Line table: item 0 is the implicit "unknown location". */
    BeamLineItem *line_items;
    uint32_t num_line_items;
    BeamText *file_names;
    uint32_t num_file_names;

    BeamSpan attributes; /* Attr: external term, or size 0 */
    BeamSpan compile_info; /* CInf: external term, or size 0 */
} BeamFile;

/* Parses data[0..size) (which must outlive bf). On failure fills err, frees
 * what it allocated and returns false. */
bool load_beam_parse(const uint8_t *data, size_t size, BeamFile *bf, LoadError *err);
void load_beam_free(BeamFile *bf);

#endif
