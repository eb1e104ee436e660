/* test_bif_data.c — BIFs over data called directly: conversions between
 * atoms, strings, integers, floats and binaries; tuples; lists and --;
 * the process dictionary; and the exception fields the raising BIFs set. */
#include <check.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "check_run.h"
#include "atom/atom.h"
#include "bif/bif.h"
#include "bif/bif_util.h"
#include "term/compare.h"

static Process *p;

static void setup(void) { p = proc_new(0); }
static void teardown(void) { proc_free(p); }

static Term small(SInt v) { return term_make_small(v); }
static Term str(const char *s) { return bif_bytes_to_list(p, (const uint8_t *)s, strlen(s), TERM_NIL); }
static Term bin(const char *s, size_t n) { return bif_make_binary(p, s, n); }
static Term atom(const char *s) { return atom_from_cstr(s); }

static Term list(int n, ...)
{
    Term items[16];
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++) items[i] = va_arg(ap, Term);
    va_end(ap);
    return bif_array_to_list(p, items, (size_t)n, TERM_NIL);
}

static Term tuple(int n, ...)
{
    Term *e;
    Term t = bif_alloc_tuple(p, (size_t)n, &e);
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++) e[i] = va_arg(ap, Term);
    va_end(ap);
    return t;
}

static Term call1(BifFn fn, Term a) { return fn(p, &a); }
static Term call2(BifFn fn, Term a, Term b)
{
    Term args[2] = {a, b};
    return fn(p, args);
}
static Term call3(BifFn fn, Term a, Term b, Term c)
{
    Term args[3] = {a, b, c};
    return fn(p, args);
}

static void assert_error(Term result, Term reason)
{
    ck_assert(result == TERM_NONE);
    ck_assert(p->fclass == ATOM_error);
    ck_assert(p->freason == reason);
}

#define assert_same(a, b) ck_assert(term_eq_exact((a), (b)))

START_TEST(atoms_and_strings)
{
    assert_same(call1(bif_erlang_atom_to_list_1, atom("hello")), str("hello"));
    ck_assert(call1(bif_erlang_list_to_atom_1, str("xyz")) == atom("xyz"));
    /* U+00E9 as a code point list gives the same atom as its UTF-8 text */
    ck_assert(call1(bif_erlang_list_to_atom_1, list(1, small(0xE9))) == atom("\xC3\xA9"));
    assert_same(call1(bif_erlang_atom_to_list_1, atom("\xC3\xA9")), list(1, small(0xE9)));
    assert_error(call1(bif_erlang_list_to_atom_1, list(1, small(0xD800))), ATOM_badarg);
    assert_error(call1(bif_erlang_list_to_atom_1, list(1, ATOM_ok)), ATOM_badarg);
    char long_name[257];
    memset(long_name, 'a', 256);
    long_name[256] = 0;
    assert_error(call1(bif_erlang_list_to_atom_1, str(long_name)), ATOM_system_limit);
    long_name[255] = 0;
    ck_assert(term_is_atom(call1(bif_erlang_list_to_atom_1, str(long_name))));
    assert_error(call1(bif_erlang_list_to_existing_atom_1, str("no_such_atom_q1")), ATOM_badarg);
    ck_assert(call1(bif_erlang_list_to_existing_atom_1, str("badarg")) == ATOM_badarg);
}
END_TEST

START_TEST(integers_and_text)
{
    assert_same(call1(bif_erlang_integer_to_list_1, small(-42)), str("-42"));
    assert_same(call1(bif_erlang_integer_to_list_1, small(SMALL_MIN)), str("-576460752303423488"));
    assert_same(call2(bif_erlang_integer_to_list_2, small(255), small(16)), str("FF"));
    assert_error(call2(bif_erlang_integer_to_list_2, small(1), small(37)), ATOM_badarg);
    ck_assert(call1(bif_erlang_list_to_integer_1, str("+12")) == small(12));
    ck_assert(call1(bif_erlang_list_to_integer_1, str("-0012")) == small(-12));
    ck_assert(call1(bif_erlang_list_to_integer_1, str("-576460752303423488")) == small(SMALL_MIN));
    ck_assert(call2(bif_erlang_list_to_integer_2, str("zZ"), small(36)) == small(35 * 36 + 35));
    assert_error(call1(bif_erlang_list_to_integer_1, str("12a")), ATOM_badarg);
    assert_error(call1(bif_erlang_list_to_integer_1, str("")), ATOM_badarg);
    assert_error(call1(bif_erlang_list_to_integer_1, str("-")), ATOM_badarg);
    assert_error(call1(bif_erlang_list_to_integer_1, str(" 1")), ATOM_badarg);
    assert_error(call2(bif_erlang_list_to_integer_2, str("8"), small(8)), ATOM_badarg);
    Term r = call1(bif_erlang_list_to_integer_1, str("576460752303423488"));
    ck_assert(term_is_bignum(r)); /* one past the small range */
    assert_same(call1(bif_erlang_integer_to_binary_1, small(-42)), bin("-42", 3));
    ck_assert(call1(bif_erlang_binary_to_integer_1, bin("-42", 3)) == small(-42));
}
END_TEST

START_TEST(floats_to_text)
{
    Term f = term_make_float(proc_alloc(p, FLOAT_WORDS), 1.5);
    assert_same(call1(bif_erlang_float_to_list_1, f), str("1.50000000000000000000e+00"));
    f = term_make_float(proc_alloc(p, FLOAT_WORDS), 0.1);
    assert_same(call1(bif_erlang_float_to_list_1, f), str("1.00000000000000005551e-01"));
    assert_error(call1(bif_erlang_float_to_list_1, small(1)), ATOM_badarg);
}
END_TEST

START_TEST(binaries)
{
    assert_same(call1(bif_erlang_atom_to_binary_1, atom("abc")), bin("abc", 3));
    assert_same(call2(bif_erlang_atom_to_binary_2, atom("\xC3\xA9"), ATOM_latin1), bin("\xE9", 1));
    assert_error(call2(bif_erlang_atom_to_binary_2, atom("\xCF\xA8"), ATOM_latin1), ATOM_badarg);
    ck_assert(call2(bif_erlang_binary_to_atom_2, bin("\xE9", 1), ATOM_latin1) == atom("\xC3\xA9"));
    assert_error(call2(bif_erlang_binary_to_atom_2, bin("\xE9", 1), ATOM_utf8), ATOM_badarg);
    assert_error(call2(bif_erlang_binary_to_atom_2, bin("a", 1), ATOM_ok), ATOM_badarg);
    /* [1, [2, <<3>>], [] | <<4>>] */
    Term inner = list(2, small(2), bin("\x03", 1));
    Term tail = bin("\x04", 1);
    Term io = term_cons(proc_alloc(p, 2), TERM_NIL, tail);
    io = term_cons(proc_alloc(p, 2), inner, io);
    io = term_cons(proc_alloc(p, 2), small(1), io);
    assert_same(call1(bif_erlang_list_to_binary_1, io), bin("\x01\x02\x03\x04", 4));
    ck_assert(call1(bif_erlang_iolist_size_1, io) == small(4));
    assert_error(call1(bif_erlang_list_to_binary_1, list(1, small(256))), ATOM_badarg);
    assert_error(call1(bif_erlang_list_to_binary_1, bin("a", 1)), ATOM_badarg);
    Term b = bin("xy", 2);
    ck_assert(call1(bif_erlang_iolist_to_binary_1, b) == b);
    assert_same(call1(bif_erlang_binary_to_list_1, b), str("xy"));
    ck_assert(call1(bif_erlang_byte_size_1, b) == small(2));
    ck_assert(call1(bif_erlang_bit_size_1, b) == small(16));
}
END_TEST

START_TEST(deep_iolist)
{
    /* 100,000 levels of [[[...]]] flatten without deep C recursion */
    Term io = list(1, small(7));
    for (int i = 0; i < 100000; i++) io = term_cons(proc_alloc(p, 2), io, TERM_NIL);
    assert_same(call1(bif_erlang_iolist_to_binary_1, io), bin("\x07", 1));
}
END_TEST

START_TEST(tuples)
{
    Term t = tuple(3, atom("a"), atom("b"), atom("c"));
    ck_assert(call2(bif_erlang_element_2, small(2), t) == atom("b"));
    assert_error(call2(bif_erlang_element_2, small(0), t), ATOM_badarg);
    assert_error(call2(bif_erlang_element_2, small(4), t), ATOM_badarg);
    assert_same(call3(bif_erlang_setelement_3, small(1), t, ATOM_ok), tuple(3, ATOM_ok, atom("b"), atom("c")));
    ck_assert(call2(bif_erlang_element_2, small(1), t) == atom("a")); /* unchanged */
    assert_same(call2(bif_erlang_delete_element_2, small(2), t), tuple(2, atom("a"), atom("c")));
    assert_same(call3(bif_erlang_insert_element_3, small(4), t, ATOM_ok),
                tuple(4, atom("a"), atom("b"), atom("c"), ATOM_ok));
    assert_error(call3(bif_erlang_insert_element_3, small(5), t, ATOM_ok), ATOM_badarg);
    assert_same(call2(bif_erlang_append_element_2, tuple(0), ATOM_ok), tuple(1, ATOM_ok));
    assert_same(call1(bif_erlang_tuple_to_list_1, t), list(3, atom("a"), atom("b"), atom("c")));
    assert_same(call1(bif_erlang_list_to_tuple_1, list(2, small(1), small(2))), tuple(2, small(1), small(2)));
    assert_same(call2(bif_erlang_make_tuple_2, small(2), ATOM_ok), tuple(2, ATOM_ok, ATOM_ok));
    Term init = list(2, tuple(2, small(1), atom("x")), tuple(2, small(1), atom("z")));
    assert_same(call3(bif_erlang_make_tuple_3, small(2), ATOM_ok, init), tuple(2, atom("z"), ATOM_ok));
    assert_error(call3(bif_erlang_make_tuple_3, small(2), ATOM_ok, list(1, tuple(2, small(3), ATOM_ok))), ATOM_badarg);
    assert_error(call2(bif_erlang_make_tuple_2, small(-1), ATOM_ok), ATOM_badarg);
}
END_TEST

START_TEST(lists)
{
    Term improper = term_cons(proc_alloc(p, 2), small(1), ATOM_ok);
    ck_assert(call1(bif_erlang_length_1, list(3, small(1), small(2), small(3))) == small(3));
    assert_error(call1(bif_erlang_length_1, improper), ATOM_badarg);
    assert_error(call1(bif_erlang_hd_1, TERM_NIL), ATOM_badarg);
    assert_same(call2(bif_erlang_plusplus_2, list(1, small(1)), ATOM_ok), term_cons(proc_alloc(p, 2), small(1), ATOM_ok));
    ck_assert(call2(bif_erlang_plusplus_2, TERM_NIL, ATOM_ok) == ATOM_ok);
    assert_error(call2(bif_erlang_plusplus_2, improper, TERM_NIL), ATOM_badarg);
    /* [1,2,3,2,1] -- [2,1,5] == [3,2,1] */
    Term a = list(5, small(1), small(2), small(3), small(2), small(1));
    assert_same(call2(bif_erlang_minusminus_2, a, list(3, small(2), small(1), small(5))),
                list(3, small(3), small(2), small(1)));
    /* boxed elements, exact equality: [1.0, {a}, 1] -- [{a}, 1] == [1.0] */
    Term one_f = term_make_float(proc_alloc(p, FLOAT_WORDS), 1.0);
    Term b = list(3, one_f, tuple(1, atom("a")), small(1));
    assert_same(call2(bif_erlang_minusminus_2, b, list(2, tuple(1, atom("a")), small(1))), list(1, one_f));
    assert_error(call2(bif_erlang_minusminus_2, a, improper), ATOM_badarg);
    assert_same(call2(bif_lists_reverse_2, list(2, small(1), small(2)), list(1, small(3))),
                list(3, small(2), small(1), small(3)));
    ck_assert(call2(bif_lists_member_2, small(1), list(1, one_f)) == ATOM_false);
    Term kl = list(2, tuple(2, atom("a"), small(1)), tuple(2, small(1), atom("b")));
    assert_same(call3(bif_lists_keyfind_3, one_f, small(1), kl), tuple(2, small(1), atom("b")));
    ck_assert(call3(bif_lists_keymember_3, atom("zz"), small(1), kl) == ATOM_false);
    assert_error(call3(bif_lists_keyfind_3, small(1), small(0), kl), ATOM_badarg);
}
END_TEST

START_TEST(large_minusminus)
{
    /* 20,000 integers minus the even ones: linear, not quadratic */
    enum { N = 20000 };
    Term *items = malloc(N * sizeof *items), *evens = malloc(N / 2 * sizeof *evens);
    for (int i = 0; i < N; i++) items[i] = small(i);
    for (int i = 0; i < N / 2; i++) evens[i] = small(2 * i);
    Term a = bif_array_to_list(p, items, N, TERM_NIL), b = bif_array_to_list(p, evens, N / 2, TERM_NIL);
    Term r = call2(bif_erlang_minusminus_2, a, b);
    size_t n;
    ck_assert(bif_list_length(r, &n) && n == N / 2);
    ck_assert(term_head(r) == small(1));
    free(items);
    free(evens);
}
END_TEST

START_TEST(dictionary)
{
    ck_assert(call2(bif_erlang_put_2, atom("k1"), small(1)) == ATOM_undefined);
    ck_assert(call2(bif_erlang_put_2, atom("k2"), small(2)) == ATOM_undefined);
    ck_assert(call2(bif_erlang_put_2, atom("k1"), small(3)) == small(1));
    ck_assert(call1(bif_erlang_get_1, atom("k1")) == small(3));
    ck_assert(call1(bif_erlang_get_1, atom("nokey")) == ATOM_undefined);
    assert_same(call1(bif_erlang_get_keys_1, small(2)), list(1, atom("k2")));
    assert_same(bif_erlang_get_keys_0(p, NULL), list(2, atom("k1"), atom("k2")));
    ck_assert(call1(bif_erlang_erase_1, atom("k1")) == small(3));
    ck_assert(call1(bif_erlang_erase_1, atom("k1")) == ATOM_undefined);
    assert_same(bif_erlang_erase_0(p, NULL), list(1, tuple(2, atom("k2"), small(2))));
    ck_assert(bif_erlang_get_0(p, NULL) == TERM_NIL);
}
END_TEST

START_TEST(exceptions)
{
    Term args[3] = {ATOM_ok, list(1, small(1)), TERM_NIL};
    ck_assert(bif_erlang_error_2(p, args) == TERM_NONE);
    ck_assert(p->fclass == ATOM_error && p->freason == ATOM_ok && p->fargs == args[1]);
    args[1] = ATOM_ok; /* not a list: ignored, as OTP */
    bif_erlang_error_2(p, args);
    ck_assert(p->fargs == TERM_NONE);
    ck_assert(bif_erlang_throw_1(p, args) == TERM_NONE && p->fclass == ATOM_throw);
    ck_assert(bif_erlang_exit_1(p, args) == TERM_NONE && p->fclass == ATOM_exit);
    /* raise/3: a bad class or trace returns badarg instead of raising */
    ck_assert(call3(bif_erlang_raise_3, ATOM_ok, ATOM_ok, TERM_NIL) == ATOM_badarg);
    ck_assert(call3(bif_erlang_raise_3, ATOM_error, ATOM_ok, ATOM_ok) == ATOM_badarg);
    Term mfa = tuple(3, atom("m"), atom("f"), small(1));
    ck_assert(call3(bif_erlang_raise_3, ATOM_throw, ATOM_ok, list(1, mfa)) == TERM_NONE);
    ck_assert(p->fclass == ATOM_throw);
    assert_same(p->ftrace, list(1, tuple(4, atom("m"), atom("f"), small(1), TERM_NIL)));
    ck_assert(call3(bif_erlang_raise_3, ATOM_exit, ATOM_ok, list(1, tuple(3, small(1), small(2), small(3)))) == ATOM_badarg);
}
END_TEST

int main(void)
{
    atom_table_init(0);
    Suite *s = suite_create("bif_data");
    TCase *tc = tcase_create("data");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, atoms_and_strings);
    tcase_add_test(tc, integers_and_text);
    tcase_add_test(tc, floats_to_text);
    tcase_add_test(tc, binaries);
    tcase_add_test(tc, deep_iolist);
    tcase_add_test(tc, tuples);
    tcase_add_test(tc, lists);
    tcase_add_test(tc, large_minusminus);
    tcase_add_test(tc, dictionary);
    tcase_add_test(tc, exceptions);
    suite_add_tcase(s, tc);
    return check_run(s);
}
