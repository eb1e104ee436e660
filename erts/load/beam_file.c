/* beam_file.c — parsing and validation of the .beam container and its chunks.
 * Every count is checked against the bytes that remain before anything is
 * allocated for it, so a corrupt file costs at most its own size in memory. */
#include "load/beam_file.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "load/compact.h"

/* OTP 25's highest generic opcode; a file that needs a later one is refused. */
#define MAX_GENERIC_OPCODE 180
/* Decompressed literals larger than this are refused (a bit flip in the size
 * word must not become a huge allocation). Deflate never expands more than
 * about 1032:1, which gives the second bound. */
#define MAX_LITERAL_BYTES (256u << 20)
#define MAX_DEFLATE_RATIO 1032u

bool load_fail(LoadError *err, const char *chunk, size_t offset, const char *fmt, ...)
{
    char reason[200];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(reason, sizeof reason, fmt, ap);
    va_end(ap);
    if (chunk) snprintf(err->text, sizeof err->text, "bad %s chunk at offset %zu: %s", chunk, offset, reason);
    else snprintf(err->text, sizeof err->text, "bad file header at offset %zu: %s", offset, reason);
    return false;
}

/* A cursor over one chunk, which knows how to report a failure at its position. */
typedef struct Reader {
    const uint8_t *base, *p, *end;
    size_t base_offset;
    const char *chunk;
    LoadError *err;
} Reader;

static void reader_init(Reader *r, const BeamSpan *s, const char *chunk, LoadError *err)
{
    r->base = r->p = s->data;
    r->end = s->data + s->size;
    r->base_offset = s->offset;
    r->chunk = chunk;
    r->err = err;
}

static size_t reader_offset(const Reader *r) { return r->base_offset + (size_t)(r->p - r->base); }
static size_t reader_left(const Reader *r) { return (size_t)(r->end - r->p); }

static uint32_t be32(const uint8_t *p) { return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3]; }

static bool read_u32(Reader *r, uint32_t *v, const char *what)
{
    *v = 0;
    if (reader_left(r) < 4) return load_fail(r->err, r->chunk, reader_offset(r), "truncated %s", what);
    *v = be32(r->p);
    r->p += 4;
    return true;
}

/* Reads a count of items of item_bytes each (at least) and checks that they fit. */
static bool read_count(Reader *r, uint32_t *n, size_t item_bytes, const char *what)
{
    if (!read_u32(r, n, what)) return false;
    if (*n > reader_left(r) / item_bytes)
        return load_fail(r->err, r->chunk, reader_offset(r) - 4, "%s count %u exceeds the chunk", what, *n);
    return true;
}

static bool check_atom(Reader *r, const BeamFile *bf, uint32_t index, const char *what)
{
    if (index == 0 || index > bf->num_atoms)
        return load_fail(r->err, r->chunk, reader_offset(r), "%s atom index %u out of range", what, index);
    return true;
}

/* ---- atoms ------------------------------------------------------------- */

static bool parse_atoms(const BeamSpan *s, BeamFile *bf, bool latin1, LoadError *err)
{
    Reader r;
    int32_t count;
    uint32_t raw;
    reader_init(&r, s, latin1 ? "Atom" : "AtU8", err);
    if (!read_u32(&r, &raw, "atom count")) return false;
    count = (int32_t)raw;
    /* A negative count (OTP 26 and later) means compact-encoded lengths. */
    bool long_counts = count < 0;
    if (long_counts) count = -count;
    if (count < 1 || (uint32_t)count > reader_left(&r))
        return load_fail(err, r.chunk, s->offset, "atom count %d out of range", count);
    bf->atoms = calloc((size_t)count + 1, sizeof *bf->atoms);
    if (!bf->atoms) return load_fail(err, r.chunk, s->offset, "out of memory");
    bf->num_atoms = (uint32_t)count;
    bf->latin1_atoms = latin1;
    for (int32_t k = 1; k <= count; k++) {
        size_t len;
        if (long_counts) {
            CompactReader cr;
            CompactOperand op;
            load_compact_init(&cr, r.p, reader_left(&r));
            if (load_compact_read(&cr, &op) || op.tag != CT_U)
                return load_fail(err, r.chunk, reader_offset(&r), "bad length of atom %d", k);
            len = (size_t)op.u;
            r.p = cr.pos;
        } else {
            if (reader_left(&r) < 1) return load_fail(err, r.chunk, reader_offset(&r), "truncated atom %d", k);
            len = *r.p++;
        }
        if (len > reader_left(&r)) return load_fail(err, r.chunk, reader_offset(&r), "atom %d runs past the end", k);
        bf->atoms[k].text = r.p;
        bf->atoms[k].len = len;
        r.p += len;
    }
    return true;
}

/* ---- code header --------------------------------------------------------- */

static bool parse_code(const BeamSpan *s, BeamFile *bf, LoadError *err)
{
    Reader r;
    uint32_t head_size, format;
    reader_init(&r, s, "Code", err);
    if (!read_u32(&r, &head_size, "sub-header size")) return false;
    if (head_size < 16 || head_size > reader_left(&r))
        return load_fail(err, "Code", s->offset, "sub-header size %u out of range", head_size);
    const uint8_t *code = r.p + head_size;
    if (!read_u32(&r, &format, "instruction set") || !read_u32(&r, &bf->max_opcode, "max opcode") ||
        !read_u32(&r, &bf->label_count, "label count") || !read_u32(&r, &bf->function_count, "function count"))
        return false;
    if (format != 0) return load_fail(err, "Code", s->offset + 4, "unknown instruction set %u", format);
    if (bf->max_opcode > MAX_GENERIC_OPCODE)
        return load_fail(err, "Code", s->offset + 8, "max opcode %u is beyond %d (compiled by a newer OTP)",
                         bf->max_opcode, MAX_GENERIC_OPCODE);
    bf->code.data = code;
    bf->code.size = (size_t)(s->data + s->size - code);
    bf->code.offset = s->offset + 4 + head_size;
    /* Every label and function costs at least one byte of code. */
    if (bf->label_count > bf->code.size + 1 || bf->function_count > bf->code.size)
        return load_fail(err, "Code", s->offset + 12, "label or function count larger than the code");
    return true;
}

/* ---- imports, exports, locals, funs ------------------------------------- */

static bool parse_imports(const BeamSpan *s, BeamFile *bf, LoadError *err)
{
    Reader r;
    reader_init(&r, s, "ImpT", err);
    if (!read_count(&r, &bf->num_imports, 12, "import")) return false;
    bf->imports = calloc(bf->num_imports + 1, sizeof *bf->imports);
    if (!bf->imports) return load_fail(err, "ImpT", s->offset, "out of memory");
    for (uint32_t k = 0; k < bf->num_imports; k++) {
        BeamImport *im = &bf->imports[k];
        if (!check_atom(&r, bf, be32(r.p), "module") || !check_atom(&r, bf, be32(r.p + 4), "function")) return false;
        im->module = be32(r.p);
        im->function = be32(r.p + 4);
        im->arity = be32(r.p + 8);
        if (im->arity > 255) return load_fail(err, "ImpT", reader_offset(&r) + 8, "arity %u out of range", im->arity);
        r.p += 12;
    }
    return true;
}

static bool parse_export_table(const BeamSpan *s, const char *chunk, BeamFile *bf, BeamExport **out, uint32_t *n,
                               LoadError *err)
{
    Reader r;
    reader_init(&r, s, chunk, err);
    if (!read_count(&r, n, 12, "entry")) return false;
    *out = calloc(*n + 1, sizeof **out);
    if (!*out) return load_fail(err, chunk, s->offset, "out of memory");
    for (uint32_t k = 0; k < *n; k++) {
        BeamExport *ex = &(*out)[k];
        if (!check_atom(&r, bf, be32(r.p), "function")) return false;
        ex->function = be32(r.p);
        ex->arity = be32(r.p + 4);
        ex->label = be32(r.p + 8);
        if (ex->arity > 255) return load_fail(err, chunk, reader_offset(&r) + 4, "arity %u out of range", ex->arity);
        if (ex->label == 0 || ex->label >= bf->label_count)
            return load_fail(err, chunk, reader_offset(&r) + 8, "label %u out of range", ex->label);
        r.p += 12;
    }
    return true;
}

static bool parse_funs(const BeamSpan *s, BeamFile *bf, LoadError *err)
{
    Reader r;
    reader_init(&r, s, "FunT", err);
    if (!read_count(&r, &bf->num_funs, 24, "fun")) return false;
    bf->funs = calloc(bf->num_funs + 1, sizeof *bf->funs);
    if (!bf->funs) return load_fail(err, "FunT", s->offset, "out of memory");
    for (uint32_t k = 0; k < bf->num_funs; k++) {
        BeamFun *f = &bf->funs[k];
        if (!check_atom(&r, bf, be32(r.p), "function")) return false;
        f->function = be32(r.p);
        f->arity = be32(r.p + 4);
        f->label = be32(r.p + 8);
        f->index = be32(r.p + 12);
        f->num_free = be32(r.p + 16);
        f->old_uniq = be32(r.p + 20);
        if (f->arity > 255 || f->num_free > f->arity)
            return load_fail(err, "FunT", reader_offset(&r) + 4, "arity %u / free %u out of range", f->arity,
                             f->num_free);
        if (f->label == 0 || f->label >= bf->label_count)
            return load_fail(err, "FunT", reader_offset(&r) + 8, "label %u out of range", f->label);
        r.p += 24;
    }
    return true;
}

/* ---- literals ------------------------------------------------------------ */

static bool parse_literal_entries(Reader *r, BeamFile *bf)
{
    if (!read_count(r, &bf->num_literals, 4, "literal")) return false;
    bf->literals = calloc(bf->num_literals + 1, sizeof *bf->literals);
    if (!bf->literals) return load_fail(r->err, "LitT", bf->literal_offset, "out of memory");
    for (uint32_t k = 0; k < bf->num_literals; k++) {
        uint32_t size;
        if (!read_u32(r, &size, "literal size")) return false;
        if (size > reader_left(r))
            return load_fail(r->err, "LitT", bf->literal_offset, "literal %u runs past the end", k);
        bf->literals[k].text = r->p;
        bf->literals[k].len = size;
        r->p += size;
    }
    return true;
}

static bool parse_literals(const BeamSpan *s, BeamFile *bf, LoadError *err)
{
    Reader r;
    uint32_t usize;
    reader_init(&r, s, "LitT", err);
    bf->literal_offset = s->offset;
    if (!read_u32(&r, &usize, "uncompressed size")) return false;
    size_t csize = reader_left(&r);
    if (usize > MAX_LITERAL_BYTES || usize > (uint64_t)csize * MAX_DEFLATE_RATIO + 64)
        return load_fail(err, "LitT", s->offset, "uncompressed size %u is implausible", usize);
    bf->literal_buf = malloc(usize ? usize : 1);
    if (!bf->literal_buf) return load_fail(err, "LitT", s->offset, "out of memory");
    uLongf got = usize;
    int z = uncompress(bf->literal_buf, &got, r.p, (uLong)csize);
    if (z != Z_OK || got != usize)
        return load_fail(err, "LitT", s->offset + 4, "cannot decompress (zlib error %d)", z);
    Reader lr = {.base = bf->literal_buf, .p = bf->literal_buf, .end = bf->literal_buf + usize,
                 .base_offset = s->offset + 4, .chunk = "LitT", .err = err};
    return parse_literal_entries(&lr, bf);
}

/* ---- line table ------------------------------------------------------------ */

static bool parse_line_items(Reader *r, BeamFile *bf, uint32_t nitems, uint32_t nnames)
{
    CompactReader cr;
    uint32_t file = 0;
    load_compact_init(&cr, r->p, reader_left(r));
    bf->line_items[0] = (BeamLineItem){0, 0};
    for (uint32_t k = 1; k <= nitems;) {
        CompactOperand op;
        const char *e = load_compact_read(&cr, &op);
        size_t at = reader_offset(r) + (size_t)(cr.pos - cr.start);
        if (e) return load_fail(r->err, "Line", at, "%s", e);
        if (op.tag == CT_A) {
            if (op.u > nnames) return load_fail(r->err, "Line", at, "file index %llu out of range", (unsigned long long)op.u);
            file = (uint32_t)op.u;
        } else if (op.tag == CT_I) {
            if (op.i < 0 || op.i > UINT32_MAX) return load_fail(r->err, "Line", at, "line %lld out of range", (long long)op.i);
            bf->line_items[k++] = (BeamLineItem){file, (uint32_t)op.i};
        } else {
            return load_fail(r->err, "Line", at, "bad line item tag %d", (int)op.tag);
        }
    }
    r->p = cr.pos;
    return true;
}

static bool parse_lines(const BeamSpan *s, BeamFile *bf, LoadError *err)
{
    Reader r;
    uint32_t version, flags, ninstr, nitems, nnames;
    reader_init(&r, s, "Line", err);
    if (!read_u32(&r, &version, "version")) return false;
    if (version != 0) return true; /* a format we do not know: load without lines, as OTP does */
    if (!read_u32(&r, &flags, "flags") || !read_u32(&r, &ninstr, "instruction count") ||
        !read_count(&r, &nitems, 1, "line item") || !read_count(&r, &nnames, 1, "file name"))
        return false;
    bf->line_items = calloc((size_t)nitems + 1, sizeof *bf->line_items);
    bf->file_names = calloc((size_t)nnames + 1, sizeof *bf->file_names);
    if (!bf->line_items || !bf->file_names) return load_fail(err, "Line", s->offset, "out of memory");
    bf->num_line_items = nitems + 1;
    if (!parse_line_items(&r, bf, nitems, nnames)) return false;
    for (uint32_t k = 0; k < nnames; k++) {
        if (reader_left(&r) < 2) return load_fail(err, "Line", reader_offset(&r), "truncated file name %u", k);
        size_t len = (size_t)r.p[0] << 8 | r.p[1];
        r.p += 2;
        if (len > reader_left(&r)) return load_fail(err, "Line", reader_offset(&r), "file name %u runs past the end", k);
        bf->file_names[k].text = r.p;
        bf->file_names[k].len = len;
        r.p += len;
    }
    bf->num_file_names = nnames;
    return true;
}

/* ---- the container ----------------------------------------------------------- */

enum { CH_ATU8, CH_ATOM, CH_CODE, CH_STRT, CH_IMPT, CH_EXPT, CH_FUNT, CH_LITT, CH_LOCT, CH_LINE, CH_ATTR, CH_CINF, CH_COUNT };
static const char chunk_ids[CH_COUNT][5] = {"AtU8", "Atom", "Code", "StrT", "ImpT", "ExpT",
                                            "FunT", "LitT", "LocT", "Line", "Attr", "CInf"};

/* Splits the form into chunks: known ones into found[], unknown ones skipped. */
static bool split_chunks(const uint8_t *data, size_t size, BeamSpan found[CH_COUNT], LoadError *err)
{
    if (size < 12) return load_fail(err, NULL, 0, "file too short (%zu bytes)", size);
    if (memcmp(data, "FOR1", 4) != 0) return load_fail(err, NULL, 0, "not an IFF file (no FOR1)");
    uint32_t form = be32(data + 4);
    if (form > size - 8) return load_fail(err, NULL, 4, "form length %u runs past the end of the file", form);
    if (form < 4 || memcmp(data + 8, "BEAM", 4) != 0) return load_fail(err, NULL, 8, "not a BEAM file");
    size_t pos = 12, end = 8 + (size_t)form;
    while (pos < end) {
        if (end - pos < 8) return load_fail(err, NULL, pos, "truncated chunk header");
        uint32_t len = be32(data + pos + 4);
        size_t stored = ((size_t)len + 3) & ~(size_t)3;
        if (stored > end - pos - 8) {
            /* The last chunk may lack its alignment padding. */
            if (len > end - pos - 8) return load_fail(err, NULL, pos + 4, "chunk length %u runs past the end", len);
            stored = len;
        }
        for (int k = 0; k < CH_COUNT; k++) {
            if (memcmp(data + pos, chunk_ids[k], 4) != 0) continue;
            if (found[k].data) return load_fail(err, chunk_ids[k], pos, "duplicate chunk");
            found[k] = (BeamSpan){data + pos + 8, len, pos + 8};
        }
        pos += 8 + stored;
    }
    return true;
}

static bool parse_all(const uint8_t *data, size_t size, BeamFile *bf, LoadError *err)
{
    BeamSpan ch[CH_COUNT] = {{0}};
    if (!split_chunks(data, size, ch, err)) return false;
    if (!ch[CH_CODE].data) return load_fail(err, NULL, 12, "no Code chunk");
    if (!ch[CH_ATU8].data && !ch[CH_ATOM].data) return load_fail(err, NULL, 12, "no AtU8 chunk");
    if (!ch[CH_IMPT].data) return load_fail(err, NULL, 12, "no ImpT chunk");
    if (!ch[CH_EXPT].data) return load_fail(err, NULL, 12, "no ExpT chunk");
    if (!parse_code(&ch[CH_CODE], bf, err)) return false;
    if (ch[CH_ATU8].data ? !parse_atoms(&ch[CH_ATU8], bf, false, err) : !parse_atoms(&ch[CH_ATOM], bf, true, err))
        return false;
    if (!parse_imports(&ch[CH_IMPT], bf, err)) return false;
    bf->exports_offset = ch[CH_EXPT].offset;
    bf->funs_offset = ch[CH_FUNT].offset;
    if (!parse_export_table(&ch[CH_EXPT], "ExpT", bf, &bf->exports, &bf->num_exports, err)) return false;
    if (ch[CH_LOCT].data && !parse_export_table(&ch[CH_LOCT], "LocT", bf, &bf->locals, &bf->num_locals, err))
        return false;
    if (ch[CH_FUNT].data && !parse_funs(&ch[CH_FUNT], bf, err)) return false;
    if (ch[CH_LITT].data && !parse_literals(&ch[CH_LITT], bf, err)) return false;
    if (ch[CH_LINE].data && !parse_lines(&ch[CH_LINE], bf, err)) return false;
    bf->strings = ch[CH_STRT];
    bf->attributes = ch[CH_ATTR];
    bf->compile_info = ch[CH_CINF];
    return true;
}

bool load_beam_parse(const uint8_t *data, size_t size, BeamFile *bf, LoadError *err)
{
    memset(bf, 0, sizeof *bf);
    bf->data = data;
    bf->size = size;
    if (parse_all(data, size, bf, err)) return true;
    load_beam_free(bf);
    return false;
}

void load_beam_free(BeamFile *bf)
{
    free(bf->atoms);
    free(bf->imports);
    free(bf->exports);
    free(bf->locals);
    free(bf->funs);
    free(bf->literal_buf);
    free(bf->literals);
    free(bf->line_items);
    free(bf->file_names);
    memset(bf, 0, sizeof *bf);
}
