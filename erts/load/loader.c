/* loader.c — from .beam bytes to a Module. Builds everything into private
 * memory first; only a complete, validated module is handed back, and every
 * failure path releases what was built (one exit path per stage). */
#include "load/loader.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atom/atom.h"
#include "emu/emu.h"
#include "load/beam_chunks.h"
#include "load/gencode.h"
#include "load/transform.h"
#include "term/external.h"
#include "term/utf8.h"

/* Refuse files beyond this size before reading them. */
#define MAX_BEAM_BYTES (512u << 20)

typedef struct Build {
    const BeamFile *bf;
    GenCode gc;
    LoadContext cx;
    Module *m;
    Term *atoms;
    Export **imports;
    Term *literals;
    size_t *literal_sizes; /* heap words of each literal, from ext_decoded_size */
    size_t attr_words, cinf_words;
    LoadError *err;
} Build;

static size_t file_offset(const BeamFile *bf, const void *p) { return (size_t)((const uint8_t *)p - bf->data); }

/* ---- atoms and imports ----------------------------------------------------- */

static bool intern_atoms(Build *b)
{
    const BeamFile *bf = b->bf;
    const char *chunk = bf->latin1_atoms ? "Atom" : "AtU8";
    b->atoms = calloc((size_t)bf->num_atoms + 1, sizeof *b->atoms);
    if (!b->atoms) return load_fail(b->err, chunk, 0, "out of memory");
    b->atoms[0] = TERM_NIL;
    for (uint32_t k = 1; k <= bf->num_atoms; k++) {
        const BeamText *t = &bf->atoms[k];
        AtomResult r = bf->latin1_atoms ? atom_intern_latin1(t->text, t->len, &b->atoms[k])
                                        : atom_intern((const char *)t->text, t->len, &b->atoms[k]);
        if (r != ATOM_OK)
            return load_fail(b->err, chunk, file_offset(bf, t->text), "atom %u: %s", k,
                             r == ATOM_ERROR_ENCODING ? "invalid UTF-8"
                             : r == ATOM_ERROR_TOO_LONG ? "too long"
                                                        : "atom table full");
    }
    return true;
}

static bool check_name(Build *b, Term expected)
{
    if (expected == TERM_NONE || b->atoms[1] == expected) return true;
    size_t la, le;
    const char *a = atom_text(b->atoms[1], &la), *e = atom_text(expected, &le);
    const BeamText *t = &b->bf->atoms[1];
    return load_fail(b->err, b->bf->latin1_atoms ? "Atom" : "AtU8", file_offset(b->bf, t->text),
                     "module name '%.*s' does not match the file name '%.*s'", (int)(la > 80 ? 80 : la), a,
                     (int)(le > 80 ? 80 : le), e);
}

static bool resolve_imports(Build *b)
{
    const BeamFile *bf = b->bf;
    b->imports = calloc((size_t)bf->num_imports + 1, sizeof *b->imports);
    if (!b->imports) return load_fail(b->err, "ImpT", 0, "out of memory");
    for (uint32_t k = 0; k < bf->num_imports; k++) {
        const BeamImport *im = &bf->imports[k];
        b->imports[k] = export_put(b->atoms[im->module], b->atoms[im->function], im->arity);
    }
    return true;
}

/* ---- literal area ------------------------------------------------------------ */

static bool size_term(Build *b, const uint8_t *data, size_t len, const char *chunk, size_t offset, size_t *words)
{
    size_t used;
    if (ext_decoded_size(data, len, false, words, &used) != EXT_OK || used > len)
        return load_fail(b->err, chunk, offset, "not a valid external term");
    return true;
}

/* Words of "<module>.erl" and of each file name of the Line chunk as strings. */
static bool size_file_names(Build *b, size_t *words)
{
    const BeamFile *bf = b->bf;
    *words = 0;
    if (!bf->num_line_items) return true;
    *words += 2 * (atom_char_length(b->atoms[1]) + 4);
    for (uint32_t k = 0; k < bf->num_file_names; k++) {
        const BeamText *t = &bf->file_names[k];
        size_t chars = utf8_count_chars(t->text, t->len);
        if (chars == UTF8_INVALID)
            return load_fail(b->err, "Line", file_offset(bf, t->text), "file name %u is not valid UTF-8", k);
        *words += 2 * chars;
    }
    return true;
}

static bool size_literals(Build *b, size_t *total)
{
    const BeamFile *bf = b->bf;
    size_t files;
    b->literal_sizes = calloc((size_t)bf->num_literals + 1, sizeof *b->literal_sizes);
    if (!b->literal_sizes) return load_fail(b->err, "LitT", bf->literal_offset, "out of memory");
    *total = 0;
    for (uint32_t k = 0; k < bf->num_literals; k++) {
        const BeamText *t = &bf->literals[k];
        if (!size_term(b, t->text, t->len, "LitT", bf->literal_offset, &b->literal_sizes[k]))
            return load_fail(b->err, "LitT", bf->literal_offset, "literal %u is not a valid external term", k);
        *total += b->literal_sizes[k];
    }
    if (bf->attributes.size &&
        !size_term(b, bf->attributes.data, bf->attributes.size, "Attr", bf->attributes.offset, &b->attr_words))
        return false;
    if (bf->compile_info.size &&
        !size_term(b, bf->compile_info.data, bf->compile_info.size, "CInf", bf->compile_info.offset, &b->cinf_words))
        return false;
    if (!size_file_names(b, &files)) return false;
    *total += b->attr_words + b->cinf_words + files + b->gc.literal_words;
    return true;
}

/* Builds the string of a UTF-8 text (already validated) at mem; returns it. */
static Term make_string(Term **mem, const uint8_t *s, size_t len, const char *suffix)
{
    Term first = TERM_NIL, *prev = NULL;
    size_t slen = suffix ? strlen(suffix) : 0, i = 0;
    while (i < len + slen) {
        int32_t c;
        size_t n = 1;
        if (i < len) c = utf8_decode(s + i, len - i, &n);
        else c = (uint8_t)suffix[i - len];
        Term cell = term_cons(*mem, term_make_small(c), TERM_NIL);
        if (prev) prev[1] = cell;
        else first = cell;
        prev = *mem;
        *mem += 2;
        i += n;
    }
    return first;
}

static void build_file_names(Build *b, Term **top)
{
    const BeamFile *bf = b->bf;
    Module *m = b->m;
    size_t len;
    const char *name = atom_text(b->atoms[1], &len);
    m->files[0] = make_string(top, (const uint8_t *)name, len, ".erl");
    for (uint32_t k = 0; k < bf->num_file_names; k++) {
        const BeamText *t = &bf->file_names[k];
        m->files[k + 1] = t->len ? make_string(top, t->text, t->len, NULL) : m->files[0];
    }
    m->num_files = bf->num_file_names + 1;
}

static bool decode_literals(Build *b)
{
    const BeamFile *bf = b->bf;
    Module *m = b->m;
    size_t total = 0;
    if (!size_literals(b, &total)) return false;
    m->literal_heap = calloc(total + 1, sizeof(Term));
    b->literals = calloc((size_t)bf->num_literals + 1, sizeof *b->literals);
    m->files = calloc((size_t)bf->num_file_names + 1, sizeof *m->files);
    if (!m->literal_heap || !b->literals || !m->files) return load_fail(b->err, "LitT", 0, "out of memory");
    m->literal_words = total;
    Term *top = m->literal_heap;
    /* ext_decode can still refuse what sizing accepted (a map with duplicate keys). */
    for (uint32_t k = 0; k < bf->num_literals; k++) {
        b->literals[k] = ext_decode(bf->literals[k].text, bf->literals[k].len, false, top);
        if (b->literals[k] == TERM_NONE)
            return load_fail(b->err, "LitT", bf->literal_offset, "literal %u is not a valid external term", k);
        top += b->literal_sizes[k];
    }
    m->attributes = TERM_NIL;
    m->compile_info = TERM_NIL;
    if (bf->attributes.size &&
        (m->attributes = ext_decode(bf->attributes.data, bf->attributes.size, false, top)) == TERM_NONE)
        return load_fail(b->err, "Attr", bf->attributes.offset, "not a valid external term");
    top += b->attr_words;
    if (bf->compile_info.size &&
        (m->compile_info = ext_decode(bf->compile_info.data, bf->compile_info.size, false, top)) == TERM_NONE)
        return load_fail(b->err, "CInf", bf->compile_info.offset, "not a valid external term");
    top += b->cinf_words;
    if (bf->num_line_items) build_file_names(b, &top);
    b->cx.lit_top = top;
    b->cx.lit_end = m->literal_heap + total;
    return true;
}

/* ---- funs, exports, the module ------------------------------------------------- */

static bool label_address(Build *b, uint32_t label, CodeWord **out)
{
    uint32_t off = b->cx.label_offsets[label];
    if (off == LABEL_UNDEFINED) return false;
    *out = b->m->code + off;
    return true;
}

static bool make_funs(Build *b)
{
    const BeamFile *bf = b->bf;
    Module *m = b->m;
    m->funs = calloc((size_t)bf->num_funs + 1, sizeof *m->funs);
    if (!m->funs) return load_fail(b->err, "FunT", 0, "out of memory");
    m->num_funs = bf->num_funs;
    for (uint32_t k = 0; k < bf->num_funs; k++) {
        const BeamFun *f = &bf->funs[k];
        m->funs[k] = (FunEntry){.module = m, .function = b->atoms[f->function], .arity = f->arity,
                                .num_free = f->num_free, .index = f->index, .new_index = k,
                                .old_uniq = f->old_uniq};
    }
    return true;
}

static bool resolve_funs(Build *b)
{
    for (uint32_t k = 0; k < b->bf->num_funs; k++)
        if (!label_address(b, b->bf->funs[k].label, &b->m->funs[k].code))
            return load_fail(b->err, "FunT", b->bf->funs_offset, "fun %u names undefined label %u", k, b->bf->funs[k].label);
    return true;
}

/* Each export must name the entry label of the function it calls itself. */
/* Export entries are made in OTP's order (literal funs, then exports, then
 * imports), because module_info(exports) lists them newest first. */
static bool create_export_entries(Build *b)
{
    const BeamFile *bf = b->bf;
    for (uint32_t k = 0; k < bf->num_exports; k++)
        export_put(b->m->name, b->atoms[bf->exports[k].function], bf->exports[k].arity);
    return true;
}

static bool resolve_exports(Build *b)
{
    const BeamFile *bf = b->bf;
    Module *m = b->m;
    m->exports = calloc((size_t)bf->num_exports + 1, sizeof *m->exports);
    if (!m->exports) return load_fail(b->err, "ExpT", 0, "out of memory");
    for (uint32_t k = 0; k < bf->num_exports; k++) {
        const BeamExport *ex = &bf->exports[k];
        Term name = b->atoms[ex->function];
        CodeWord *entry;
        bool ok = label_address(b, ex->label, &entry);
        const FunctionInfo *fi = NULL;
        for (size_t j = 0; ok && j < m->num_functions && !fi; j++)
            if (m->functions[j].entry == entry) fi = &m->functions[j];
        if (!ok || !fi || fi->name != name || fi->arity != ex->arity)
            return load_fail(b->err, "ExpT", bf->exports_offset, "export %u names label %u, which is not the entry of its function",
                             k, ex->label);
        m->exports[k] = export_put(m->name, name, ex->arity);
    }
    m->num_exports = bf->num_exports;
    return true;
}

/* The private entry erlang:call_on_load_function/1 traps to: it names the
 * on_load function, so a crash in it shows the right frame. */
static void set_on_load(Module *m, CodeWord *entry)
{
    m->on_load = entry;
    m->on_load_call.module = m->name;
    m->on_load_call.function = ATOM_on_load;
    m->on_load_call.arity = 0;
    for (size_t k = 0; k < m->num_functions; k++)
        if (m->functions[k].entry == entry) m->on_load_call.function = m->functions[k].name;
    atomic_init(&m->on_load_call.code, entry);
}

static bool transform(Build *b)
{
    LoadContext *cx = &b->cx;
    cx->bf = b->bf;
    cx->gc = &b->gc;
    cx->atoms = b->atoms;
    cx->imports = b->imports;
    cx->literals = b->literals;
    cx->funs = b->m->funs;
    if (!load_transform(cx, b->err)) return false;
    Module *m = b->m;
    m->code = cx->code;
    m->code_words = cx->code_words;
    m->functions = cx->functions;
    m->num_functions = cx->num_functions;
    m->lines = cx->lines;
    m->num_lines = cx->num_lines;
    cx->code = NULL;
    cx->functions = NULL;
    cx->lines = NULL;
    if (cx->on_load_offset != LABEL_UNDEFINED) set_on_load(m, m->code + cx->on_load_offset);
    return true;
}

static bool build(Build *b, Term expected, const char *path)
{
    b->m = calloc(1, sizeof *b->m);
    if (!b->m) return load_fail(b->err, NULL, 0, "out of memory");
    if (!intern_atoms(b) || !check_name(b, expected)) return false;
    b->m->name = b->atoms[1];
    b->m->path = strdup(path ? path : "");
    if (!b->m->path) return load_fail(b->err, NULL, 0, "out of memory");
    return load_gencode_decode(b->bf, &b->gc, b->err) && decode_literals(b) && create_export_entries(b) &&
           resolve_imports(b) && make_funs(b) && transform(b) && resolve_funs(b) && resolve_exports(b);
}

/* A function of the module that is also a BIF (lists:reverse/2 in lists.beam
 * is an Erlang stub) runs the BIF instead, local calls included, as on OTP:
 * its body starts with i_bif_body. Runs after threading, so the patched
 * instruction is threaded on its own and the dead words after it never are. */
static void install_bif_bodies(Module *m)
{
    for (size_t k = 0; k < m->num_functions; k++) {
        FunctionInfo *fi = &m->functions[k];
        Export *e = export_get(m->name, fi->name, fi->arity);
        if (!e || !e->bif) continue;
        CodeWord *end = k + 1 < m->num_functions ? m->functions[k + 1].start : m->code + m->code_words;
        if (end - fi->entry < 2) continue; /* no room; cannot happen for a stub, which calls nif_error */
        fi->entry[0] = (CodeWord)OP_i_bif_body;
        fi->entry[1] = (CodeWord)e;
        emu_thread_code(fi->entry, 2);
    }
}

LoadStatus load_module_bytes(const uint8_t *data, size_t size, const char *path, Term expected, Module **out,
                             LoadError *err)
{
    BeamFile bf;
    *out = NULL;
    if (!load_beam_parse(data, size, &bf, err)) return LOAD_BAD_FILE;
    Build b = {.bf = &bf, .err = err};
    bool ok = build(&b, expected, path);
    load_gencode_free(&b.gc);
    load_transform_free(&b.cx);
    free(b.atoms);
    free(b.imports);
    free(b.literals);
    free(b.literal_sizes);
    load_beam_free(&bf);
    if (!ok) {
        if (b.m) load_module_free(b.m);
        return LOAD_BAD_FILE;
    }
    emu_thread_code(b.m->code, b.m->code_words);
    install_bif_bodies(b.m);
    load_beam_md5(data, size, b.m->md5);
    *out = b.m;
    return LOAD_OK;
}

void load_module_free(Module *m)
{
    if (!m) return;
    free(m->code);
    free(m->functions);
    free(m->funs);
    free(m->lines);
    free(m->files);
    free(m->literal_heap);
    free(m->exports);
    free((char *)m->path);
    free(m);
}

CodeWord *load_export_entry(const Module *m, const Export *e)
{
    for (size_t k = 0; k < m->num_functions; k++)
        if (m->functions[k].name == e->function && m->functions[k].arity == e->arity) return m->functions[k].entry;
    return NULL;
}

LoadStatus load_read_file(const char *path, uint8_t **data, size_t *size, LoadError *err)
{
    *data = NULL;
    *size = 0;
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err->text, sizeof err->text, "cannot open: %s", strerror(errno));
        return LOAD_NOT_FOUND;
    }
    long len = -1;
    if (fseek(f, 0, SEEK_END) == 0) len = ftell(f);
    if (len < 0 || (unsigned long)len > MAX_BEAM_BYTES || fseek(f, 0, SEEK_SET) != 0) {
        fclose(f);
        snprintf(err->text, sizeof err->text, len < 0 ? "cannot read: not a regular file" : "file too large");
        return LOAD_BAD_FILE;
    }
    uint8_t *buf = malloc((size_t)len + 1);
    size_t got = buf ? fread(buf, 1, (size_t)len, f) : 0;
    fclose(f);
    if (!buf || got != (size_t)len) {
        free(buf);
        snprintf(err->text, sizeof err->text, "cannot read: %s", buf ? "short read" : "out of memory");
        return LOAD_BAD_FILE;
    }
    *data = buf;
    *size = got;
    return LOAD_OK;
}
