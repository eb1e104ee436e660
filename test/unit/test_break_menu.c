/* test_break_menu.c — the BREAK menu's text and answers, as OTP 25 prints
 * and reads them. */
#include <check.h>
#include <string.h>

#include "check_run.h"
#include "io/break_menu.h"

#define MENU "BREAK: (a)bort (A)bort with dump (c)ontinue (p)roc info (i)nfo\n" \
             "       (l)oaded (v)ersion (k)ill (D)b-tables (d)istribution\n"

static BreakAction answer(const char *line, StrBuf *out)
{
    strbuf_clear(out);
    return io_break_answer(line, strlen(line), out);
}

START_TEST(menu_and_answers)
{
    StrBuf out;
    strbuf_init(&out);
    io_break_menu(&out, true);
    ck_assert_str_eq(out.data, "\n" MENU);
    ck_assert_int_eq(answer("a", &out), BREAK_ABORT);
    ck_assert_int_eq(answer("c", &out), BREAK_CONTINUE);
    ck_assert_int_eq(answer("  c\r", &out), BREAK_CONTINUE);
    ck_assert_int_eq(answer("", &out), BREAK_WAIT);
    ck_assert_uint_eq(out.len, 0);
    ck_assert_int_eq(answer("x", &out), BREAK_WAIT);
    ck_assert_str_eq(out.data, "Invalid option 'x'. Please enter one of the following:\n" MENU);
    ck_assert_int_eq(answer("p", &out), BREAK_WAIT);
    ck_assert_str_eq(out.data, "Option 'p' is not available in Ember.\n" MENU);
    strbuf_free(&out);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("break_menu");
    TCase *tc = tcase_create("break_menu");
    tcase_add_test(tc, menu_and_answers);
    suite_add_tcase(s, tc);
    return check_run(s);
}
