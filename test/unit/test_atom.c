/* test_atom.c — the atom table: predefined atoms, interning, limits, encoding. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>

#include "check_run.h"
#include "atom/atom.h"

START_TEST(predefined_atoms_have_their_text)
{
    size_t len;
    const char *s = atom_text(ATOM_badarg, &len);
    ck_assert_uint_eq(len, 6);
    ck_assert_mem_eq(s, "badarg", 6);
    s = atom_text(ATOM_nonode_nohost, &len);
    ck_assert_uint_eq(len, 13);
    ck_assert_mem_eq(s, "nonode@nohost", 13);
}
END_TEST

START_TEST(intern_returns_the_same_atom)
{
    Term a, b, c;
    ck_assert_int_eq(atom_intern("hello_world", 11, &a), ATOM_OK);
    ck_assert_int_eq(atom_intern("hello_world", 11, &b), ATOM_OK);
    ck_assert_int_eq(atom_intern("hello_worle", 11, &c), ATOM_OK);
    ck_assert(a == b);
    ck_assert(a != c);
    ck_assert(term_is_atom(a));
    ck_assert_int_eq(atom_lookup("hello_world", 11, &c), ATOM_OK);
    ck_assert(a == c);
    ck_assert_int_eq(atom_lookup("never_made_atom", 15, &c), ATOM_ERROR_NOT_FOUND);
}
END_TEST

START_TEST(length_is_counted_in_characters)
{
    char name[ATOM_MAX_CHARS * 2 + 1];
    Term t;
    /* 255 two-byte characters are allowed, 256 are not */
    for (int i = 0; i < ATOM_MAX_CHARS; i++) name[2 * i] = (char)0xC3, name[2 * i + 1] = (char)0xA9;
    ck_assert_int_eq(atom_intern(name, ATOM_MAX_CHARS * 2, &t), ATOM_OK);
    ck_assert_uint_eq(atom_char_length(t), ATOM_MAX_CHARS);
    memset(name, 'a', 256);
    ck_assert_int_eq(atom_intern(name, 256, &t), ATOM_ERROR_TOO_LONG);
}
END_TEST

START_TEST(invalid_utf8_is_rejected)
{
    Term t;
    ck_assert_int_eq(atom_intern("\xC3", 1, &t), ATOM_ERROR_ENCODING);
    ck_assert_int_eq(atom_intern("\xED\xA0\x80", 3, &t), ATOM_ERROR_ENCODING); /* surrogate */
    ck_assert_int_eq(atom_intern("\xC0\x80", 2, &t), ATOM_ERROR_ENCODING);     /* overlong */
}
END_TEST

START_TEST(latin1_is_converted)
{
    Term a, b;
    const uint8_t latin1[] = {'c', 0xE9};
    ck_assert_int_eq(atom_intern_latin1(latin1, 2, &a), ATOM_OK);
    ck_assert_int_eq(atom_intern("c\xC3\xA9", 3, &b), ATOM_OK);
    ck_assert(a == b);
}
END_TEST

/* Atom order is memcmp order of the texts, then length: the 8-byte prefix
 * must agree with it where texts share a prefix, contain NUL or bytes >= 0x80. */
START_TEST(compare_orders_by_text)
{
    static const struct { const char *text; size_t len; } sorted[] = {
        {"", 0},         {"\0", 1},        {"a", 1},         {"a\0", 2},
        {"a\0\0\0\0\0\0\0\0", 9}, {"a\001", 2}, {"abcdefgh", 8}, {"abcdefgh\0", 9},
        {"abcdefghi", 9}, {"abcdefgi", 8},  {"b", 1},         {"\xc3\xa9t\xc3\xa9", 6},
    };
    size_t n = sizeof sorted / sizeof *sorted;
    Term atoms[sizeof sorted / sizeof *sorted];
    for (size_t i = 0; i < n; i++) ck_assert_int_eq(atom_intern(sorted[i].text, sorted[i].len, &atoms[i]), ATOM_OK);
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++) {
            int want = (i > j) - (i < j), got = atom_compare(atoms[i], atoms[j]);
            ck_assert_msg(((got > 0) - (got < 0)) == want, "atoms %zu and %zu: %d", i, j, got);
        }
}
END_TEST

START_TEST(full_table_reports_limit)
{
    /* The table was set up with a small limit in main(). */
    char name[32];
    AtomResult r = ATOM_OK;
    int made = 0;
    for (int i = 0; i < 100000 && r == ATOM_OK; i++) {
        Term t;
        int n = snprintf(name, sizeof name, "filler_%d", i);
        r = atom_intern(name, (size_t)n, &t);
        if (r == ATOM_OK) made++;
    }
    ck_assert_int_eq(r, ATOM_ERROR_LIMIT);
    ck_assert_uint_eq(atom_count(), atom_limit());
    /* existing atoms are still found when full */
    Term t;
    ck_assert_int_eq(atom_intern("filler_0", 8, &t), ATOM_OK);
    ck_assert_int_gt(made, 0);
}
END_TEST

int main(void)
{
    atom_table_init(4096);
    Suite *s = suite_create("atom");
    TCase *tc = tcase_create("table");
    tcase_add_test(tc, predefined_atoms_have_their_text);
    tcase_add_test(tc, intern_returns_the_same_atom);
    tcase_add_test(tc, length_is_counted_in_characters);
    tcase_add_test(tc, invalid_utf8_is_rejected);
    tcase_add_test(tc, latin1_is_converted);
    tcase_add_test(tc, compare_orders_by_text);
    tcase_add_test(tc, full_table_reports_limit); /* last: fills the table */
    suite_add_tcase(s, tc);
    return check_run(s);
}
