/* test_load.c — the loader: a minimal module built byte by byte, each kind of
 * corruption giving LOAD_BAD_FILE with a reason, a sample module compiled by
 * OTP 25 (bignums, lines, funs, apply, unimplemented ops), the module table,
 * and every module of OTP's stdlib, kernel and compiler loading cleanly. */
#define _GNU_SOURCE /* memmem, open_memstream */
#include <check.h>
#include <stdlib.h>
#include <unistd.h>

#include "load/disasm.h"
#include "load_support.h"
#include "term/display.h"

/* ---- a minimal module, built byte by byte ---------------------------------- */

/* f() -> ok.  (labels 1 and 2; atoms: 1 ldt_basic, 2 f, 3 ok) */
static const uint8_t basic_code[] = {
    0x01, 0x10,             /* label 1 */
    0x02, 0x12, 0x22, 0x00, /* func_info ldt_basic f 0 */
    0x01, 0x20,             /* label 2 */
    0x40, 0x32, 0x03,       /* move ok x(0) */
    0x13,                   /* return */
    0x03,                   /* int_code_end */
};

typedef struct Spec {
    const uint8_t *code;
    size_t code_len;
    uint32_t labels, functions, max_opcode;
    uint32_t export_label;
    bool import_apply; /* ImpT: erlang:apply/3 */
} Spec;

static Spec basic_spec(void)
{
    return (Spec){basic_code, sizeof basic_code, 3, 1, 180, 2, false};
}

static Bytes build(const Spec *s)
{
    Bytes out = {0}, form = {0}, c = {0};
    static const char *const atoms[] = {"ldt_basic", "f", "ok", "erlang", "apply"};
    bytes_u32(&c, 5);
    for (int k = 0; k < 5; k++) {
        bytes_u8(&c, (uint8_t)strlen(atoms[k]));
        bytes_put(&c, atoms[k], strlen(atoms[k]));
    }
    bytes_chunk(&form, "AtU8", &c);
    c.n = 0;
    bytes_u32(&c, 16);
    bytes_u32(&c, 0);
    bytes_u32(&c, s->max_opcode);
    bytes_u32(&c, s->labels);
    bytes_u32(&c, s->functions);
    bytes_put(&c, s->code, s->code_len);
    bytes_chunk(&form, "Code", &c);
    c.n = 0;
    bytes_u32(&c, s->import_apply ? 1 : 0);
    if (s->import_apply) bytes_u32(&c, 4), bytes_u32(&c, 5), bytes_u32(&c, 3);
    bytes_chunk(&form, "ImpT", &c);
    c.n = 0;
    bytes_u32(&c, 1);
    bytes_u32(&c, 2), bytes_u32(&c, 0), bytes_u32(&c, s->export_label);
    bytes_chunk(&form, "ExpT", &c);
    bytes_put(&out, "FOR1", 4);
    bytes_u32(&out, (uint32_t)form.n + 4);
    bytes_put(&out, "BEAM", 4);
    bytes_put(&out, form.p, form.n);
    free(form.p);
    free(c.p);
    return out;
}

/* Loads bytes (copied to their own allocation so ASan sees any overread). */
static LoadStatus load_bytes(const uint8_t *data, size_t n, Module **m, LoadError *err)
{
    uint8_t *copy = malloc(n ? n : 1);
    memcpy(copy, data, n);
    LoadStatus st = load_module_bytes(copy, n, "test.beam", TERM_NONE, m, err);
    free(copy);
    return st;
}

static void expect_bad(const uint8_t *data, size_t n, const char *reason)
{
    Module *m = NULL;
    LoadError err = {{0}};
    LoadStatus st = load_bytes(data, n, &m, &err);
    if (st != LOAD_BAD_FILE || !strstr(err.text, reason))
        ck_abort_msg("expected a failure mentioning '%s', got status %d: %s", reason, st, err.text);
    ck_assert_ptr_null(m);
}

static void expect_bad_spec(const Spec *s, const char *reason)
{
    Bytes b = build(s);
    expect_bad(b.p, b.n, reason);
    free(b.p);
}

START_TEST(minimal_module_loads)
{
    Spec s = basic_spec();
    Bytes b = build(&s);
    Module *m;
    LoadError err;
    ck_assert_int_eq(load_bytes(b.p, b.n, &m, &err), LOAD_OK);
    ck_assert(m->name == atom_from_cstr("ldt_basic"));
    ck_assert_uint_eq(m->num_functions, 1);
    const FunctionInfo *fi = &m->functions[0];
    ck_assert(fi->name == atom_from_cstr("f"));
    ck_assert_ptr_eq(fi->start, m->code);
    ck_assert_ptr_eq(fi->entry, m->code + 4);
    ck_assert_int_eq(emu_opcode_of(m->code[0]), OP_func_info);
    ck_assert_int_eq(emu_opcode_of(m->code[4]), OP_move);
    ck_assert(m->code[5] == ATOM_ok);
    ck_assert(m->code[6] == code_reg(REG_X, 0));
    ck_assert_int_eq(emu_opcode_of(m->code[7]), OP_return);
    ck_assert_int_eq(emu_opcode_of(m->code[8]), OP_int_code_end);
    ck_assert_uint_eq(m->code_words, 9);
    ck_assert_uint_eq(m->num_exports, 1);
    ck_assert(m->exports[0]->function == atom_from_cstr("f"));
    ck_assert_ptr_eq(load_export_entry(m, m->exports[0]), m->code + 4);
    ck_assert(m->attributes == TERM_NIL);
    load_module_free(m);
    free(b.p);
}
END_TEST

START_TEST(container_errors)
{
    Spec s = basic_spec();
    Bytes b = build(&s);
    expect_bad(b.p, 0, "file too short");
    uint8_t *p = malloc(b.n);
    memcpy(p, b.p, b.n);
    p[3] = '2';
    expect_bad(p, b.n, "no FOR1");
    memcpy(p, b.p, b.n);
    p[11] = 'X';
    expect_bad(p, b.n, "not a BEAM file");
    memcpy(p, b.p, b.n);
    p[4] = 0x7F;
    expect_bad(p, b.n, "form length");
    /* the AtU8 chunk's length pointing past the end */
    memcpy(p, b.p, b.n);
    p[16] = 0x10;
    expect_bad(p, b.n, "runs past the end");
    /* no Code chunk: rename it */
    memcpy(p, b.p, b.n);
    uint8_t *code = memmem(p, b.n, "Code", 4);
    code[0] = 'K';
    expect_bad(p, b.n, "no Code chunk");
    /* every truncation */
    for (size_t n = 0; n < b.n; n++) {
        Module *m = NULL;
        LoadError err;
        ck_assert_int_eq(load_bytes(b.p, n, &m, &err), LOAD_BAD_FILE);
    }
    free(p);
    free(b.p);
}
END_TEST

START_TEST(code_errors)
{
    Spec s = basic_spec();
    uint8_t code[sizeof basic_code];

    s.max_opcode = 181;
    expect_bad_spec(&s, "max opcode 181");
    s = basic_spec();
    s.functions = 2;
    expect_bad_spec(&s, "header says 2");
    s = basic_spec();
    s.labels = 2;
    expect_bad_spec(&s, "label");

    memcpy(code, basic_code, sizeof code);
    s = basic_spec();
    s.code = code;
    code[11] = 0xB5; /* return -> opcode 181 */
    expect_bad_spec(&s, "unknown opcode 181");
    code[11] = 0x00;
    expect_bad_spec(&s, "unknown opcode 0");
    code[11] = 0x13;
    code[7] = 0x70; /* label 7 with 3 labels */
    expect_bad_spec(&s, "label number out of range");
    code[7] = 0x20;
    code[9] = 0x92; /* atom 9 of 5 */
    expect_bad_spec(&s, "atom 9 out of range");
    code[9] = 0x32;
    code[10] = 0x32; /* destination is an atom */
    expect_bad_spec(&s, "destination is not a register");
    code[10] = 0x03;
    code[12] = 0x13; /* int_code_end replaced by return */
    expect_bad_spec(&s, "without int_code_end");
}
END_TEST

START_TEST(operand_errors)
{
    /* move ok x(1024) */
    static const uint8_t big_x[] = {0x01, 0x10, 0x02, 0x12, 0x22, 0x00, 0x01, 0x20, 0x40, 0x32, 0x8B, 0x00, 0x13, 0x03};
    Spec s = basic_spec();
    s.code = big_x;
    s.code_len = sizeof big_x;
    expect_bad_spec(&s, "x(1024) out of range");
    /* call_ext 0 import#0 with an empty ImpT */
    static const uint8_t bad_import[] = {0x01, 0x10, 0x02, 0x12, 0x22, 0x00, 0x01, 0x20, 0x07, 0x00, 0x00, 0x13, 0x03};
    s.code = bad_import;
    s.code_len = sizeof bad_import;
    expect_bad_spec(&s, "import index out of range");
    /* jump to label 3, which is never defined (4 labels) */
    static const uint8_t undefined[] = {0x01, 0x10, 0x02, 0x12, 0x22, 0x00, 0x01, 0x20, 0x3D, 0x35, 0x13, 0x03};
    s.code = undefined;
    s.code_len = sizeof undefined;
    s.labels = 4;
    expect_bad_spec(&s, "label 3 is used but never defined");
    /* export naming the func_info label rather than the entry */
    s = basic_spec();
    s.export_label = 1;
    expect_bad_spec(&s, "not the entry");
    s.export_label = 9;
    expect_bad_spec(&s, "label 9 out of range");
}
END_TEST

START_TEST(wrong_module_name)
{
    Spec s = basic_spec();
    Bytes b = build(&s);
    Module *m;
    LoadError err;
    ck_assert_int_eq(load_module_bytes(b.p, b.n, NULL, atom_from_cstr("other"), &m, &err), LOAD_BAD_FILE);
    ck_assert_ptr_nonnull(strstr(err.text, "does not match"));
    free(b.p);
}
END_TEST

START_TEST(apply_becomes_i_apply)
{
    /* call_ext_only 3 erlang:apply/3 */
    static const uint8_t code[] = {0x01, 0x10, 0x02, 0x12, 0x22, 0x00, 0x01, 0x20, 0x4E, 0x30, 0x00, 0x03};
    Spec s = basic_spec();
    s.code = code;
    s.code_len = sizeof code;
    s.import_apply = true;
    Bytes b = build(&s);
    Module *m;
    LoadError err;
    ck_assert_int_eq(load_bytes(b.p, b.n, &m, &err), LOAD_OK);
    ck_assert_int_eq(emu_opcode_of(m->code[4]), OP_i_apply_only);
    ck_assert_int_eq(emu_opcode_of(m->code[5]), OP_int_code_end);
    load_module_free(m);
    free(b.p);
}
END_TEST

static Term fake_bif(Process *p, const Term *args)
{
    (void)p, (void)args;
    return ATOM_ok;
}

/* A function that is also a BIF runs the BIF: its body starts with i_bif_body. */
START_TEST(bif_stub_runs_the_bif)
{
    Export *e = export_put(atom_from_cstr("ldt_basic"), atom_from_cstr("f"), 0);
    e->bif = fake_bif;
    Spec s = basic_spec();
    Bytes b = build(&s);
    Module *m;
    LoadError err;
    ck_assert_int_eq(load_bytes(b.p, b.n, &m, &err), LOAD_OK);
    e->bif = NULL;
    ck_assert_int_eq(emu_opcode_of(m->code[4]), OP_i_bif_body);
    ck_assert_ptr_eq((Export *)m->code[5], e);
    ck_assert_int_eq(emu_opcode_of(m->code[7]), OP_return);
    load_module_free(m);
    free(b.p);
}
END_TEST

/* Every single-bit flip of the minimal module loads or fails cleanly. */
START_TEST(every_bit_flip)
{
    Spec s = basic_spec();
    Bytes b = build(&s);
    for (size_t i = 0; i < b.n * 8; i++) {
        b.p[i / 8] ^= (uint8_t)(1u << (i % 8));
        Module *m = NULL;
        LoadError err;
        LoadStatus st = load_bytes(b.p, b.n, &m, &err);
        ck_assert(st == LOAD_OK || st == LOAD_BAD_FILE);
        if (st == LOAD_OK) load_module_free(m);
        b.p[i / 8] ^= (uint8_t)(1u << (i % 8));
    }
    free(b.p);
}
END_TEST

/* ---- the sample module compiled by OTP 25 ------------------------------------- */

static const FunctionInfo *find_function(const Module *m, const char *name, unsigned arity)
{
    Term a = atom_from_cstr(name);
    for (size_t k = 0; k < m->num_functions; k++)
        if (m->functions[k].name == a && m->functions[k].arity == arity) return &m->functions[k];
    return NULL;
}

static Term returned_literal(const Module *m, const char *name)
{
    const FunctionInfo *fi = find_function(m, name, 0);
    ck_assert_ptr_nonnull(fi);
    ck_assert_int_eq(emu_opcode_of(fi->entry[0]), OP_move);
    return (Term)fi->entry[1];
}

static char *display(Term t)
{
    StrBuf b;
    strbuf_init(&b);
    term_display(t, &b);
    return b.data;
}

/* The directory holding load_sample.beam: compiled from data/load_sample.erl
 * by OTP's erlc into a temporary directory (.beam files are not kept in the
 * repository), or data/ itself when erlc cannot run. Run from data/ so that
 * the Line chunk names the file "load_sample.erl". */
static const char *sample_dir(void)
{
    static char dir[1100];
    if (dir[0]) return dir;
    char data[1024], cmd[2400], tmp[] = "/tmp/ember_sample_XXXXXX";
    data_path(data, sizeof data, "");
    if (mkdtemp(tmp)) {
        snprintf(cmd, sizeof cmd, "cd '%s' && erlc +deterministic -o '%s' load_sample.erl 2>/dev/null", data, tmp);
        if (system(cmd) == 0) {
            snprintf(dir, sizeof dir, "%s/", tmp);
            return dir;
        }
    }
    snprintf(dir, sizeof dir, "%s", data);
    return dir;
}

static Module *load_sample(void)
{
    char path[1200];
    uint8_t *data;
    size_t n;
    LoadError err;
    Module *m;
    snprintf(path, sizeof path, "%sload_sample.beam", sample_dir());
    ck_assert_int_eq(load_read_file(path, &data, &n, &err), LOAD_OK);
    LoadStatus st = load_module_bytes(data, n, path, atom_from_cstr("load_sample"), &m, &err);
    if (st != LOAD_OK) ck_abort_msg("load_sample.beam: %s", err.text);
    free(data);
    return m;
}

START_TEST(sample_integers)
{
    Module *m = load_sample();
    Term t = returned_literal(m, "b1"); /* 2^64 */
    ck_assert(term_is_boxed_tag(t, HDR_POS_BIG));
    ck_assert_uint_eq(header_arity(term_boxed_header(t)), 2);
    ck_assert_uint_eq(term_boxed_ptr(t)[1], 0);
    ck_assert_uint_eq(term_boxed_ptr(t)[2], 1);
    t = returned_literal(m, "b2"); /* -(2^100) */
    ck_assert(term_is_boxed_tag(t, HDR_NEG_BIG));
    ck_assert_uint_eq(term_boxed_ptr(t)[2], 1ull << 36);
    t = returned_literal(m, "b3"); /* 2^59: one past the small range */
    ck_assert(term_is_boxed_tag(t, HDR_POS_BIG));
    ck_assert_uint_eq(term_boxed_ptr(t)[1], 1ull << 59);
    t = returned_literal(m, "b4");
    ck_assert(term_is_small(t));
    ck_assert_int_eq(term_small_value(t), SMALL_MIN);
    t = returned_literal(m, "b5");
    ck_assert_int_eq(term_small_value(t), -2048);
    /* the literal table: big() returns one literal tuple */
    char *s = display(returned_literal(m, "big"));
    ck_assert_str_eq(s, "{18446744073709551616,-1267650600228229401496703205376,576460752303423487,"
                        "576460752303423488,-576460752303423489}");
    free(s);
    s = display(returned_literal(m, "literal"));
    ck_assert_str_eq(s, "{\"a string\",[1,2,3],#{a=>1},<<\"bin\">>,3.250000e+00}");
    free(s);
    load_module_free(m);
}
END_TEST

START_TEST(sample_tables)
{
    Module *m = load_sample();
    ck_assert_uint_eq(m->num_exports, 21);
    const FunctionInfo *fi = find_function(m, "b1", 0);
    ck_assert_uint_eq(fi->line, 54);
    Term file;
    uint32_t line;
    ck_assert(module_line_of(m, fi->entry, &file, &line));
    ck_assert_uint_eq(line, 54);
    char *s = display(file);
    ck_assert_str_eq(s, "\"load_sample.erl\"");
    free(s);
    fi = find_function(m, "deep", 1);
    ck_assert_uint_eq(fi->line, 60);
    /* module_info has no line of its own */
    fi = find_function(m, "module_info", 0);
    ck_assert_ptr_nonnull(fi);
    ck_assert_uint_eq(fi->line, 0);
    ck_assert(!module_line_of(m, fi->entry, &file, &line));
    /* the fun in adder/1 */
    ck_assert_uint_eq(m->num_funs, 1);
    ck_assert_uint_eq(m->funs[0].num_free, 1);
    ck_assert_uint_eq(m->funs[0].arity, 2);
    ck_assert_ptr_eq(m->funs[0].module, m);
    ck_assert_ptr_nonnull(m->funs[0].code);
    ck_assert(term_is_list(m->attributes));
    ck_assert(term_is_list(m->compile_info));
    load_module_free(m);
}
END_TEST

START_TEST(sample_disassembly)
{
    Module *m = load_sample();
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    load_disassemble(m, f);
    fclose(f);
    static const char *const expected[] = {
        "func_info load_sample, big, 0",
        "select_val x(0), L",
        ", [one => L",
        "select_tuple_arity x(0), L",
        ", [1 => L",
        "fmove x(0), fr(0)",
        "fmove 2.500000e+00, fr(2)",
        "fadd none, fr(1), fr(0), fr(0)",
        "test_heap 2, 0",                    /* one float */
        "test_heap 4, 1",                    /* one word and one fun */
        "make_fun3 fun#0 '-adder/1-fun-0-'/2, x(0), [x(0)]",
        "is_lt L",
        ", 100000000000000000000, x(0)",
        "try y(0), L",
        "gc_bif2 none, 2, erlang:div/2, x(0), x(1), x(0)",
        "put_tuple2 x(0), [ok, x(0)]",
        "call_ext_only 3, maps:get/3",
        "i_apply_only",
        "i_apply_fun_only",
        "bs_start_match3 L",
        "move 18446744073709551616, x(0)",
        "move -1267650600228229401496703205376, x(0)",
    };
    for (size_t k = 0; k < sizeof expected / sizeof *expected; k++)
        if (!strstr(text, expected[k])) {
            fprintf(stderr, "%s\n", text);
            ck_abort_msg("'%s' missing from the disassembly", expected[k]);
        }
    free(text);
    load_module_free(m);
}
END_TEST

/* ---- the module table ------------------------------------------------------------ */

START_TEST(module_table)
{
    char dir[1200], path[1300];
    snprintf(dir, sizeof dir, "%s", sample_dir());
    snprintf(path, sizeof path, "%sload_sample.beam", dir);
    ck_assert_ptr_null(module_get(atom_from_cstr("load_sample")));
    module_path_add_first(dir);
    ck_assert_int_eq(module_ensure_loaded(atom_from_cstr("load_sample")), LOAD_OK);
    Module *m = module_get(atom_from_cstr("load_sample"));
    ck_assert_ptr_nonnull(m);
    ck_assert_int_eq(module_ensure_loaded(atom_from_cstr("load_sample")), LOAD_OK);
    ck_assert_ptr_eq(module_get(atom_from_cstr("load_sample")), m);
    /* exports point at the entries */
    const FunctionInfo *pick = find_function(m, "pick", 1);
    Export *e = export_get(atom_from_cstr("load_sample"), atom_from_cstr("pick"), 1);
    ck_assert_ptr_nonnull(e);
    ck_assert_ptr_eq(atomic_load(&e->code), pick->entry);
    /* code address -> module and function */
    const FunctionInfo *fi;
    ck_assert_ptr_eq(module_find_by_code(pick->entry + 3, &fi), m);
    ck_assert_ptr_eq(fi, pick);
    ck_assert_ptr_null(module_find_by_code((const CodeWord *)&fi, &fi));
    ck_assert_ptr_null(fi);
    /* loading again makes a new current version; the old one is still found */
    Module *m2;
    ck_assert_int_eq(module_load_file(path, &m2), LOAD_OK);
    ck_assert_ptr_ne(m, m2);
    ck_assert_ptr_eq(module_get(atom_from_cstr("load_sample")), m2);
    ck_assert_ptr_eq(atomic_load(&e->code), find_function(m2, "pick", 1)->entry);
    ck_assert_ptr_eq(module_find_by_code(pick->entry, NULL), m);
    /* not on the path */
    ck_assert_int_eq(module_ensure_loaded(atom_from_cstr("no_such_module_here")), LOAD_NOT_FOUND);
    ck_assert_int_eq(module_load_file("/nonexistent/x.beam", &m2), LOAD_NOT_FOUND);
}
END_TEST

START_TEST(name_must_match_file)
{
    char dir[] = "/tmp/ember_load_XXXXXX", src[1300], dst[1100];
    ck_assert_ptr_nonnull(mkdtemp(dir));
    snprintf(src, sizeof src, "%sload_sample.beam", sample_dir());
    snprintf(dst, sizeof dst, "%s/renamed_sample.beam", dir);
    uint8_t *data;
    size_t n;
    LoadError err;
    ck_assert_int_eq(load_read_file(src, &data, &n, &err), LOAD_OK);
    FILE *f = fopen(dst, "wb");
    fwrite(data, 1, n, f);
    fclose(f);
    free(data);
    module_path_add_last(dir);
    ck_assert_int_eq(module_ensure_loaded(atom_from_cstr("renamed_sample")), LOAD_BAD_FILE);
    unlink(dst);
    rmdir(dir);
}
END_TEST

/* ---- OTP's own modules --------------------------------------------------------------- */

static void load_all_of(const char *app)
{
    glob_t g;
    size_t n = otp_beams(app, &g);
    if (!n) return;
    for (size_t k = 0; k < n; k++) {
        uint8_t *data;
        size_t len;
        LoadError err;
        Module *m;
        ck_assert_int_eq(load_read_file(g.gl_pathv[k], &data, &len, &err), LOAD_OK);
        LoadStatus st = load_module_bytes(data, len, g.gl_pathv[k], TERM_NONE, &m, &err);
        if (st != LOAD_OK) ck_abort_msg("%s: %s", g.gl_pathv[k], err.text);
        ck_assert_uint_gt(m->num_functions, 0);
        FILE *devnull = fopen("/dev/null", "w");
        load_disassemble(m, devnull);
        fclose(devnull);
        load_module_free(m);
        free(data);
    }
    globfree(&g);
}

START_TEST(otp_stdlib_loads) { load_all_of("stdlib"); }
END_TEST
START_TEST(otp_kernel_loads) { load_all_of("kernel"); }
END_TEST
START_TEST(otp_compiler_loads) { load_all_of("compiler"); }
END_TEST

int main(void)
{
    atom_table_init(0);
    export_table_init();
    bif_register_all();
    module_table_init();
    Suite *s = suite_create("load");
    TCase *tc = tcase_create("crafted");
    tcase_add_test(tc, minimal_module_loads);
    tcase_add_test(tc, container_errors);
    tcase_add_test(tc, code_errors);
    tcase_add_test(tc, operand_errors);
    tcase_add_test(tc, wrong_module_name);
    tcase_add_test(tc, apply_becomes_i_apply);
    tcase_add_test(tc, bif_stub_runs_the_bif);
    tcase_add_test(tc, every_bit_flip);
    suite_add_tcase(s, tc);
    tc = tcase_create("sample");
    tcase_add_test(tc, sample_integers);
    tcase_add_test(tc, sample_tables);
    tcase_add_test(tc, sample_disassembly);
    tcase_add_test(tc, module_table);
    tcase_add_test(tc, name_must_match_file);
    suite_add_tcase(s, tc);
    tc = tcase_create("otp");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, otp_stdlib_loads);
    tcase_add_test(tc, otp_kernel_loads);
    tcase_add_test(tc, otp_compiler_loads);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    if (strncmp(sample_dir(), "/tmp/ember_sample_", 18) == 0) {
        char path[1300];
        snprintf(path, sizeof path, "%sload_sample.beam", sample_dir());
        unlink(path);
        rmdir(sample_dir());
    }
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
