/* test_term_display.c — erlang:display/1 text for every term kind, checked
 * against the text OTP 25 prints, plus long and deep terms. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atom/atom.h"
#include "load/export.h"
#include "load/module.h"
#include "term/bigtext.h"
#include "term/boxed.h"
#include "term/display.h"
#include "test_term_cases.h"
#include "test_term_support.h"

static char *show(Term t)
{
    static StrBuf b;
    static bool ready;
    if (!ready) strbuf_init(&b), ready = true;
    strbuf_clear(&b);
    term_display(t, &b);
    return b.data;
}

START_TEST(matches_otp_for_all_cases)
{
    int failures = 0;
    for (size_t i = 0; i < TERM_CASE_COUNT; i++) {
        Term t = decode_bytes(TERM_CASES[i].ext, TERM_CASES[i].ext_len);
        const char *got = show(t);
        if (strcmp(got, TERM_CASES[i].display) != 0) {
            fprintf(stderr, "case %zu: expected %s, got %s\n", i, TERM_CASES[i].display, got);
            failures++;
        }
    }
    free_decoded();
    ck_assert_int_eq(failures, 0);
}
END_TEST

START_TEST(small_integers_and_floats)
{
    Term f[FLOAT_WORDS];
    ck_assert_str_eq(show(term_make_small(SMALL_MAX)), "576460752303423487");
    ck_assert_str_eq(show(term_make_small(SMALL_MIN)), "-576460752303423488");
    ck_assert_str_eq(show(term_make_float(f, -2.5e-7)), "-2.500000e-07");
    ck_assert_str_eq(show(term_make_float(f, 123456789.0)), "1.234568e+08");
}
END_TEST

START_TEST(bignums_in_any_base)
{
    /* 2^128 + 5 */
    Term big[4] = {header_make(HDR_POS_BIG, 3), 5, 0, 1};
    ck_assert_str_eq(show(term_make_boxed(big)), "340282366920938463463374607431768211461");
    big[0] = header_make(HDR_NEG_BIG, 3);
    ck_assert_str_eq(show(term_make_boxed(big)), "-340282366920938463463374607431768211461");
    StrBuf b;
    strbuf_init(&b);
    term_integer_to_text(term_make_boxed(big), 16, &b);
    ck_assert_str_eq(b.data, "-100000000000000000000000000000005");
    strbuf_clear(&b);
    term_integer_to_text(term_make_small(-255), 16, &b);
    ck_assert_str_eq(b.data, "-FF");
    strbuf_clear(&b);
    term_integer_to_text(term_make_small(0), 2, &b);
    ck_assert_str_eq(b.data, "0");
    strbuf_free(&b);
}
END_TEST

START_TEST(closures_and_export_funs)
{
    Module mod = {.name = atom_from_cstr("my mod")};
    FunEntry fe = {.module = &mod, .index = 3, .old_uniq = 127213731, .num_free = 1};
    Term fun[4] = {header_make(HDR_FUN, 3), (Term)(uintptr_t)&fe, term_make_pid(0), term_make_small(5)};
    ck_assert_str_eq(show(term_make_boxed(fun)), "#Fun<my mod.3.127213731>");
    Export *e = export_put(atom_from_cstr("lists"), atom_from_cstr("reverse"), 1);
    Term exp[2] = {header_make(HDR_EXPORT, 1), (Term)(uintptr_t)e};
    ck_assert_str_eq(show(term_make_boxed(exp)), "fun lists:reverse/1");
}
END_TEST

START_TEST(pids_ports_refs)
{
    ck_assert_str_eq(show(term_make_pid(9)), "<0.9.0>");
    ck_assert_str_eq(show(term_make_pid((3u << 15) | 7)), "<0.7.3>");
    ck_assert_str_eq(show(term_make_port(77)), "#Port<0.77>");
    Term r[REF_WORDS];
    ck_assert_str_eq(show(term_make_ref_from_counter(r, 5)), "#Ref<0.0.0.5>");
    ck_assert_str_eq(show(term_make_ref_from_counter(r, (UINT64_C(1) << 18) + 1)), "#Ref<0.0.1.1>");
}
END_TEST

START_TEST(long_list_and_deep_nesting)
{
    enum { N = 1000000 };
    Term *mem = malloc(2 * N * sizeof(Term));
    Term list = make_int_list(mem, N, 1000);
    const char *s = show(list);
    ck_assert(strncmp(s, "[1000,1001,1002,", 16) == 0);
    ck_assert_str_eq(s + strlen(s) - 9, ",1000999]");
    Term deep = make_nested_list(mem, N);
    s = show(deep);
    ck_assert_uint_eq(strlen(s), 2 * N + 2);
    ck_assert(strncmp(s, "[[[[", 4) == 0);
    free(mem);
}
END_TEST

START_TEST(improper_and_string_rules)
{
    Term mem[8];
    Term l = term_cons(&mem[0], term_make_small('a'), term_make_small('b'));
    ck_assert_str_eq(show(l), "[97|98]");
    Term s = term_cons(&mem[2], term_make_small('h'), term_cons(&mem[4], term_make_small('"'), TERM_NIL));
    ck_assert_str_eq(show(s), "\"h\\\"\"");
    Term bin[HEAP_BIN_WORDS(3)];
    ck_assert_str_eq(show(term_make_heap_bin(bin, "a\"b", 3)), "<<\"a\\\"b\">>");
    ck_assert_str_eq(show(term_make_heap_bin(bin, "\x01\xff", 2)), "<<1,255>>");
}
END_TEST

int main(void)
{
    atom_table_init(0);
    export_table_init();
    Suite *s = suite_create("term_display");
    TCase *tc = tcase_create("display");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, matches_otp_for_all_cases);
    tcase_add_test(tc, small_integers_and_floats);
    tcase_add_test(tc, bignums_in_any_base);
    tcase_add_test(tc, closures_and_export_funs);
    tcase_add_test(tc, pids_ports_refs);
    tcase_add_test(tc, long_list_and_deep_nesting);
    tcase_add_test(tc, improper_and_string_rules);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    free_decoded();
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
