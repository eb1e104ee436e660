/* test_term_external.c — external term format: byte-identical encoding
 * against OTP 25, round trips, compressed input, and hostile input (truncated,
 * mutated, random, deeply nested) that must give EXT_BADARG, never a crash. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check_run.h"
#include "atom/atom.h"
#include "load/export.h"
#include "load/module.h"
#include "proc/process.h"
#include "term/binary.h"
#include "term/boxed.h"
#include "term/compare.h"
#include "term/display.h"
#include "term/ext_encode.h"
#include "term/phash.h"
#include "test_term_cases.h"
#include "test_term_support.h"

START_TEST(encoding_is_byte_identical)
{
    int failures = 0;
    StrBuf b;
    strbuf_init(&b);
    for (size_t i = 0; i < TERM_CASE_COUNT; i++) {
        const TermCase *c = &TERM_CASES[i];
        size_t words, used;
        ck_assert_int_eq(ext_decoded_size(c->ext, c->ext_len, false, &words, &used), EXT_OK);
        ck_assert_uint_eq(used, c->ext_len);
        Term t = decode_bytes(c->ext, c->ext_len);
        strbuf_clear(&b);
        ck_assert_int_eq(ext_encode(t, &b), EXT_ENCODE_OK);
        if (b.len != c->ext_len || memcmp(b.data, c->ext, b.len) != 0) {
            fprintf(stderr, "case %zu (%s) encodes differently\n", i, c->display);
            failures++;
        }
    }
    strbuf_free(&b);
    free_decoded();
    ck_assert_int_eq(failures, 0);
}
END_TEST

START_TEST(process_round_trip)
{
    Process *p = proc_new(0);
    for (size_t i = 0; i < TERM_CASE_COUNT; i++) {
        const TermCase *c = &TERM_CASES[i];
        Term t = ext_binary_to_term(p, c->ext, c->ext_len);
        ck_assert(t != TERM_NONE);
        Term bin = ext_term_to_binary(p, t);
        BinView v; /* heap or off-heap, by size */
        ck_assert(binary_view(bin, &v) && v.bit_off == 0);
        ck_assert_uint_eq(v.bit_size, 8 * c->ext_len);
        ck_assert_mem_eq(v.bytes, c->ext, c->ext_len);
    }
    /* trailing bytes are ignored, as binary_to_term/1 does */
    const uint8_t trailing[] = {131, 97, 1, 0};
    ck_assert(ext_binary_to_term(p, trailing, sizeof trailing) == term_make_small(1));
    proc_free(p);
}
END_TEST

START_TEST(compressed_and_old_formats)
{
    /* term_to_binary(lists:duplicate(20, a), [compressed]) */
    const uint8_t z[] = {131, 80, 0, 0, 0, 86, 120, 156, 203, 97, 96, 96, 16, 73, 97, 96, 76, 164, 38, 206, 2, 0, 173, 210, 16, 99};
    Term t = decode_bytes(z, sizeof z);
    StrBuf b;
    strbuf_init(&b);
    term_display(t, &b);
    ck_assert_str_eq(b.data, "[a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a]");
    size_t words, used;
    ck_assert_int_eq(ext_decoded_size(z, sizeof z, false, &words, &used), EXT_OK);
    ck_assert_uint_eq(used, sizeof z);
    uint8_t bad[sizeof z];
    memcpy(bad, z, sizeof z);
    bad[5] = 87; /* announced size one too large */
    ck_assert_int_eq(ext_decoded_size(bad, sizeof bad, false, &words, &used), EXT_BADARG);
    /* FLOAT_EXT, SMALL_ATOM_EXT (latin-1), an unnormalised bignum */
    const uint8_t old_float[] = {131, 99, '1', '.', '5', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0',
                                 '0', '0', '0', '0', 'e', '+', '0', '0', 0, 0, 0, 0, 0};
    strbuf_clear(&b);
    term_display(decode_bytes(old_float, sizeof old_float), &b);
    ck_assert_str_eq(b.data, "1.500000e+00");
    const uint8_t small_atom[] = {131, 115, 2, 'a', 233};
    Term a = decode_bytes(small_atom, sizeof small_atom);
    Term want;
    ck_assert_int_eq(atom_intern("a\xc3\xa9", 3, &want), ATOM_OK);
    ck_assert(a == want);
    const uint8_t big[] = {131, 110, 3, 1, 5, 0, 0};
    ck_assert(decode_bytes(big, sizeof big) == term_make_small(-5));
    strbuf_free(&b);
    free_decoded();
}
END_TEST

START_TEST(rejected_input)
{
    size_t words, used;
    const uint8_t nan[] = {131, 70, 127, 248, 0, 0, 0, 0, 0, 0};
    const uint8_t dup_keys[] = {131, 116, 0, 0, 0, 2, 100, 0, 1, 97, 97, 1, 100, 0, 1, 97, 97, 2};
    const uint8_t bad_utf8[] = {131, 118, 0, 2, 195, 40};
    const uint8_t other_node[] = {131, 88, 100, 0, 1, 'x', 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0};
    const uint8_t big_pid[] = {131, 88, 100, 0, 13, 'n', 'o', 'n', 'o', 'd', 'e', '@', 'n', 'o', 'h', 'o', 's', 't',
                               0, 0, 128, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    const uint8_t huge_tuple[] = {131, 105, 255, 255, 255, 255, 106};
    const uint8_t huge_list[] = {131, 108, 255, 255, 255, 255, 106};
    const uint8_t bitstring[] = {131, 77, 0, 0, 0, 1, 3, 32};
    ck_assert_int_eq(ext_decoded_size(nan, sizeof nan, false, &words, &used), EXT_BADARG);
    ck_assert_int_eq(ext_decoded_size(bad_utf8, sizeof bad_utf8, false, &words, &used), EXT_BADARG);
    ck_assert_int_eq(ext_decoded_size(other_node, sizeof other_node, false, &words, &used), EXT_BADARG);
    ck_assert_int_eq(ext_decoded_size(big_pid, sizeof big_pid, false, &words, &used), EXT_BADARG);
    ck_assert_int_eq(ext_decoded_size(huge_tuple, sizeof huge_tuple, false, &words, &used), EXT_BADARG);
    ck_assert_int_eq(ext_decoded_size(huge_list, sizeof huge_list, false, &words, &used), EXT_BADARG);
    ck_assert_int_eq(ext_decoded_size(bitstring, sizeof bitstring, false, &words, &used), EXT_OK);
    ck_assert_int_eq(ext_decoded_size(dup_keys, sizeof dup_keys, false, &words, &used), EXT_OK);
    Process *p = proc_new(0);
    ck_assert(ext_binary_to_term(p, dup_keys, sizeof dup_keys) == TERM_NONE);
    ck_assert(p->freason == ATOM_badarg);
    ck_assert(ext_binary_to_term(p, nan + 1, sizeof nan - 1) == TERM_NONE); /* no version byte */
    proc_free(p);
}
END_TEST

/* Builds a buffer holding n nested LIST_EXT (or SMALL_TUPLE_EXT) levels. */
static uint8_t *nested_bytes(size_t n, bool tuples, size_t *len)
{
    size_t per = tuples ? 2 : 5;
    uint8_t *b = malloc(1 + n * per + 1 + (tuples ? 0 : n));
    size_t k = 0;
    b[k++] = 131;
    for (size_t i = 0; i < n; i++) {
        if (tuples) {
            b[k++] = 104, b[k++] = 1;
        } else {
            b[k++] = 108, b[k++] = 0, b[k++] = 0, b[k++] = 0, b[k++] = 1;
        }
    }
    b[k++] = 106;
    if (!tuples)
        for (size_t i = 0; i < n; i++) b[k++] = 106; /* the tails */
    *len = k;
    return b;
}

START_TEST(deep_nesting_and_long_lists)
{
    enum { N = 1000000 };
    for (int tuples = 0; tuples < 2; tuples++) {
        size_t len, words, used;
        uint8_t *b = nested_bytes(N, tuples, &len);
        ck_assert_int_eq(ext_decoded_size(b, len, false, &words, &used), EXT_OK);
        ck_assert_uint_eq(words, 2 * (size_t)N);
        Term *mem = malloc(words * sizeof(Term));
        Term t = ext_decode(b, len, false, mem);
        ck_assert(t != TERM_NONE);
        StrBuf out;
        strbuf_init(&out);
        ck_assert_int_eq(ext_encode(t, &out), EXT_ENCODE_OK);
        ck_assert_uint_eq(out.len, len);
        ck_assert_mem_eq(out.data, b, len);
        ck_assert_int_eq(ext_decoded_size(b, len - 1, false, &words, &used), EXT_BADARG);
        strbuf_free(&out);
        free(mem);
        free(b);
    }
    /* a million small integers above 255: LIST_EXT, not STRING_EXT */
    Term *cells = malloc(2 * N * sizeof(Term));
    Term list = make_int_list(cells, N, 1000);
    StrBuf out;
    strbuf_init(&out);
    ck_assert_int_eq(ext_encode(list, &out), EXT_ENCODE_OK);
    ck_assert_uint_eq(out.len, 1 + 5 + 5 * (size_t)N + 1);
    ck_assert_uint_eq((uint8_t)out.data[1], 108);
    Term back = decode_bytes((const uint8_t *)out.data, out.len);
    ck_assert(term_eq_exact(list, back));
    strbuf_free(&out);
    free(cells);
    free_decoded();
}
END_TEST

static uint64_t rng_state = 0x2545F4914F6CDD1Dull;
static uint32_t rnd(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (uint32_t)rng_state;
}

/* Decodes bytes that may be anything; on success, uses the term a little so
 * that a malformed build would show up under the sanitizers. */
static int try_hostile(const uint8_t *src, size_t len)
{
    uint8_t *buf = malloc(len ? len : 1); /* exact size: any overread is caught */
    memcpy(buf, src, len);
    size_t words, used;
    ExtStatus s = ext_decoded_size(buf, len, false, &words, &used);
    if (s == EXT_OK) {
        ck_assert_uint_le(used, len);
        Term *mem = malloc((words ? words : 1) * sizeof(Term));
        Term t = ext_decode(buf, len, false, mem);
        if (t != TERM_NONE) {
            StrBuf b;
            strbuf_init(&b);
            term_display(t, &b);
            (void)term_phash2(t);
            (void)term_compare(t, t);
            (void)ext_encode(t, &b);
            strbuf_free(&b);
        }
        free(mem);
    } else {
        ck_assert(s == EXT_BADARG || s == EXT_SYSTEM_LIMIT);
    }
    free(buf);
    return s == EXT_OK;
}

START_TEST(hostile_input_never_crashes)
{
    size_t ok = 0, total = 0;
    uint8_t buf[512];
    for (size_t i = 0; i < TERM_CASE_COUNT; i++) {
        const TermCase *c = &TERM_CASES[i];
        /* every truncation of a valid term is malformed */
        for (size_t n = 0; n < c->ext_len; n++, total++) ck_assert_int_eq(try_hostile(c->ext, n), 0);
        if (c->ext_len > sizeof buf) continue;
        for (int m = 0; m < 60; m++, total++) {
            memcpy(buf, c->ext, c->ext_len);
            int flips = 1 + (int)(rnd() % 3);
            for (int f = 0; f < flips; f++) buf[1 + rnd() % (c->ext_len - 1)] = (uint8_t)rnd();
            ok += try_hostile(buf, c->ext_len);
        }
    }
    static const uint8_t tags[] = {70, 77, 80, 82, 88, 89, 90, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107,
                                   108, 109, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119, 120};
    for (int r = 0; r < 20000; r++, total++) {
        size_t len = 1 + rnd() % 64;
        buf[0] = 131;
        for (size_t k = 1; k < len; k++) buf[k] = (rnd() % 3) ? tags[rnd() % sizeof tags] : (uint8_t)(rnd() % 8);
        ok += try_hostile(buf, len);
    }
    fprintf(stderr, "hostile inputs: %zu tried, %zu decoded\n", total, ok);
    free_decoded();
}
END_TEST

START_TEST(atom_table_full_is_system_limit)
{
    pid_t child = fork();
    ck_assert_int_ge(child, 0);
    if (child == 0) {
        atom_table_init(ATOM_PREDEFINED_COUNT + 2);
        /* {x1, x2, x3, x4}: the table only has room for two new atoms */
        const uint8_t four[] = {131, 104, 4, 119, 2, 'x', '1', 119, 2, 'x', '2', 119, 2, 'x', '3', 119, 2, 'x', '4'};
        size_t words, used;
        _exit(ext_decoded_size(four, sizeof four, false, &words, &used) == EXT_SYSTEM_LIMIT ? 0 : 1);
    }
    int status;
    ck_assert_int_eq(waitpid(child, &status, 0), child);
    ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}
END_TEST

/* OTP 25's term_to_binary(fun(Y) -> Y end) made by <0.9.0> in a module ff
 * with this MD5; the loader's literal decoding refuses closures. */
static const uint8_t FF_MD5[16] = {207, 199, 15, 204, 84, 244, 121, 20, 206, 62, 50, 153, 45, 219, 191, 132};
static const uint8_t FF_FUN[] = {131, 112, 0,   0,   0,   70,  1,   207, 199, 15,  204, 84,  244, 121, 20,
                                 206, 62,  50,  153, 45,  219, 191, 132, 0,   0,   0,   0,   0,   0,   0,
                                 0,   100, 0,   2,   102, 102, 97,  0,   98,  6,   126, 56,  126, 88,  100,
                                 0,   13,  110, 111, 110, 111, 100, 101, 64,  110, 111, 104, 111, 115, 116,
                                 0,   0,   0,   9,   0,   0,   0,   0,   0,   0,   0,   0};

START_TEST(closures_encode_as_new_fun_ext)
{
    Module m = {.name = atom_from_cstr("ff")};
    memcpy(m.md5, FF_MD5, 16);
    FunEntry fe = {.module = &m, .arity = 1, .index = 0, .new_index = 0, .old_uniq = 108935294};
    Term fun[3] = {header_make(HDR_FUN, 2), (Term)(uintptr_t)&fe, term_make_pid(9)};
    StrBuf b;
    strbuf_init(&b);
    ck_assert_int_eq(ext_encode(term_make_boxed(fun), &b), EXT_ENCODE_OK);
    ck_assert_uint_eq(b.len, sizeof FF_FUN);
    ck_assert(memcmp(b.data, FF_FUN, sizeof FF_FUN) == 0);
    strbuf_free(&b);
    size_t words, used;
    ck_assert_int_eq(ext_decoded_size(FF_FUN, sizeof FF_FUN, false, &words, &used), EXT_BADARG);
    /* binary_to_term takes it back; a creator that is not a pid (on which
     * OTP 25 itself crashes) is badarg */
    Process *p = proc_new(0);
    Term back = ext_binary_to_term(p, FF_FUN, sizeof FF_FUN);
    ck_assert(term_is_boxed_tag(back, HDR_FUN) && fun_creator(back) == term_make_pid(9));
    uint8_t bad[sizeof FF_FUN];
    memcpy(bad, FF_FUN, sizeof bad);
    bad[43] = 100, bad[44] = 0, bad[45] = 1, bad[46] = 'a'; /* NEW_PID_EXT becomes the atom a */
    ck_assert(ext_binary_to_term(p, bad, 47) == TERM_NONE);
    proc_free(p);
}
END_TEST

int main(void)
{
    atom_table_init(0);
    export_table_init();
    Suite *s = suite_create("term_external");
    TCase *tc = tcase_create("external");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, encoding_is_byte_identical);
    tcase_add_test(tc, process_round_trip);
    tcase_add_test(tc, compressed_and_old_formats);
    tcase_add_test(tc, rejected_input);
    tcase_add_test(tc, deep_nesting_and_long_lists);
    tcase_add_test(tc, hostile_input_never_crashes);
    tcase_add_test(tc, atom_table_full_is_system_limit);
    tcase_add_test(tc, closures_encode_as_new_fun_ext);
    suite_add_tcase(s, tc);
    return check_run(s);
}
