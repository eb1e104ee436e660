/* test_gc.c — the copying collector: live data survives with its shape,
 * garbage is dropped, fragments are folded in, literals and the stack stay
 * correct, and the block grows and shrinks with what is live. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>

#include "gc/gc.h"

static Term make_list(Process *p, int n)
{
    Term list = TERM_NIL;
    for (int i = n; i > 0; i--) list = term_cons(proc_alloc(p, 2), term_make_small(i), list);
    return list;
}

static Term make_tuple3(Process *p, Term a, Term b, Term c)
{
    Term *t = proc_alloc(p, 4);
    t[0] = header_make(HDR_TUPLE, 3);
    t[1] = a, t[2] = b, t[3] = c;
    return term_make_boxed(t);
}

static long sum_list(Term list)
{
    long s = 0;
    for (; term_is_list(list); list = term_tail(list)) s += term_small_value(term_head(list));
    return s;
}

START_TEST(live_terms_survive_and_garbage_goes)
{
    Process *p = proc_new(0);
    Term x[3];
    for (int i = 0; i < 50; i++) make_list(p, 100); /* garbage, mostly in fragments */
    Term *fmem = proc_alloc(p, FLOAT_WORDS);
    x[0] = make_list(p, 1000);
    x[1] = make_tuple3(p, x[0], term_make_float(fmem, 2.5), ATOM_ok);
    x[2] = term_make_small(7);
    gc_collect(p, 10, x, 3);
    ck_assert_int_eq(sum_list(x[0]), 1000 * 1001 / 2);
    ck_assert(term_is_tuple(x[1]));
    ck_assert(term_tuple_element(x[1], 1) == x[0]); /* sharing is kept */
    ck_assert(term_float_value(term_tuple_element(x[1], 2)) == 2.5);
    ck_assert(term_tuple_element(x[1], 3) == ATOM_ok);
    ck_assert_ptr_null(p->fragments);
    /* 1000 cells + tuple + float, and nothing of the 5000 garbage cells */
    ck_assert_uint_eq((size_t)(p->htop - p->heap), 2000 + 4 + 2);
    ck_assert_uint_ge(proc_free_words(p), 10);
    proc_free(p);
}
END_TEST

START_TEST(stack_roots_move_with_the_block)
{
    Process *p = proc_new(0);
    Term list = make_list(p, 10);
    /* a frame: [CP][y0][y1]; a fake 8-aligned code address stands for the CP */
    static CodeWord code[4];
    p->stop -= 3;
    p->stop[0] = (Term)(uintptr_t)&code[1];
    p->stop[1] = list;
    p->stop[2] = term_make_catch(&code[2]);
    gc_collect(p, 100000, NULL, 0);
    ck_assert(p->stop[0] == (Term)(uintptr_t)&code[1]);
    ck_assert(term_is_catch(p->stop[2]) && term_catch_handler(p->stop[2]) == &code[2]);
    ck_assert_int_eq(sum_list(p->stop[1]), 55);
    ck_assert_uint_ge(proc_free_words(p), 100000);
    ck_assert_uint_eq((size_t)(p->hend - p->stop), 3);
    proc_free(p);
}
END_TEST

START_TEST(literals_are_not_copied)
{
    static Term literal_area[4];
    Term literal = term_cons(literal_area, ATOM_true, TERM_NIL);
    Process *p = proc_new(0);
    Term x[1] = {term_cons(proc_alloc(p, 2), literal, TERM_NIL)};
    gc_collect(p, 0, x, 1);
    ck_assert(term_head(x[0]) == literal);
    proc_free(p);
}
END_TEST

START_TEST(dictionary_and_exception_are_roots)
{
    Process *p = proc_new(0);
    p->dictionary = make_list(p, 20);
    p->freason = make_list(p, 3);
    p->fclass = ATOM_error;
    gc_collect(p, 0, NULL, 0);
    ck_assert_int_eq(sum_list(p->dictionary), 210);
    ck_assert_int_eq(sum_list(p->freason), 6);
    proc_free(p);
}
END_TEST

START_TEST(heap_shrinks_when_little_is_live)
{
    Process *p = proc_new(0);
    Term x[1] = {TERM_NIL};
    for (int round = 0; round < 20; round++) {
        make_list(p, 50000);
        x[0] = make_list(p, 10);
        gc_collect(p, 0, x, 1);
        ck_assert_int_eq(sum_list(x[0]), 55);
    }
    ck_assert_uint_lt((size_t)(p->hend - p->heap), 1000);
    proc_free(p);
}
END_TEST

int main(void)
{
    atom_table_init(0);
    Suite *s = suite_create("gc");
    TCase *tc = tcase_create("copying");
    tcase_add_test(tc, live_terms_survive_and_garbage_goes);
    tcase_add_test(tc, stack_roots_move_with_the_block);
    tcase_add_test(tc, literals_are_not_copied);
    tcase_add_test(tc, dictionary_and_exception_are_roots);
    tcase_add_test(tc, heap_shrinks_when_little_is_live);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
