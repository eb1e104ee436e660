/* test_gc.c — the generational copying collector: live data survives with
 * its shape, garbage is dropped, fragments are folded in, literals and the
 * stack stay correct, the block grows and shrinks with what is live, and
 * survivors are promoted, swept and keep their off-heap binaries; a process
 * starts on a small block and the process memory count follows its blocks. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>

#include "check_run.h"
#include "gc/gc.h"
#include "proc/pmem.h"
#include "term/binary.h"

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

static bool in_old(const Process *p, Term t)
{
    const Term *ptr = term_is_list(t) ? term_list_ptr(t) : term_boxed_ptr(t);
    return ptr >= p->st.old_heap && ptr < p->st.old_htop;
}

static bool in_young(const Process *p, Term t)
{
    const Term *ptr = term_is_list(t) ? term_list_ptr(t) : term_boxed_ptr(t);
    return ptr >= p->heap && ptr < p->htop;
}

START_TEST(survivors_are_promoted_by_the_second_collection)
{
    Process *p = proc_new(0);
    Term x[1] = {make_list(p, 100)};
    gc_collect(p, 0, x, 1);
    ck_assert(in_young(p, x[0])); /* survived once: still young */
    ck_assert_ptr_null(p->st.old_heap);
    gc_collect(p, 0, x, 1);
    ck_assert(in_old(p, x[0])); /* survived twice: promoted with all its cells */
    ck_assert_uint_eq((size_t)(p->st.old_htop - p->st.old_heap), 200);
    ck_assert_uint_eq((size_t)(p->htop - p->heap), 0);
    ck_assert_int_eq(sum_list(x[0]), 5050);
    ck_assert_uint_eq(p->st.minor_gcs, 2);
    proc_free(p);
}
END_TEST

START_TEST(minor_collection_leaves_the_old_generation_alone)
{
    Process *p = proc_new(0);
    Term x[2] = {make_list(p, 50), TERM_NIL};
    gc_collect(p, 0, x, 1);
    gc_collect(p, 0, x, 1);
    Term old = x[0];
    ck_assert(in_old(p, old));
    /* young terms pointing at old ones, and garbage */
    for (int i = 0; i < 20; i++) make_list(p, 500);
    x[1] = make_tuple3(p, old, make_list(p, 3), ATOM_ok);
    Term *old_top = p->st.old_htop;
    gc_collect(p, 0, x, 2);
    ck_assert(x[0] == old); /* not moved */
    ck_assert(p->st.old_htop == old_top); /* x[1] survived only once: nothing promoted */
    ck_assert(in_young(p, x[1]));
    ck_assert(term_tuple_element(x[1], 1) == old);
    ck_assert_int_eq(sum_list(term_tuple_element(x[1], 2)), 6);
    gc_collect(p, 0, x, 2);
    ck_assert(in_old(p, x[1]) && in_old(p, term_tuple_element(x[1], 2)));
    ck_assert(term_tuple_element(x[1], 1) == old);
    proc_free(p);
}
END_TEST

/* A message's fragment (taken by receive) holds young terms that may point at
 * old ones; the stack may hold both. */
START_TEST(fragments_and_stack_refer_across_generations)
{
    Process *p = proc_new(0);
    Term x[1] = {make_list(p, 10)};
    gc_collect(p, 0, x, 1);
    gc_collect(p, 0, x, 1);
    ck_assert(in_old(p, x[0]));
    static CodeWord code[2];
    Term *frag = proc_alloc_fragment(p, 4);
    frag[0] = header_make(HDR_TUPLE, 3);
    frag[1] = x[0], frag[2] = term_make_small(5), frag[3] = make_list(p, 4);
    p->stop -= 3;
    p->stop[0] = (Term)(uintptr_t)&code[1];
    p->stop[1] = term_make_boxed(frag);
    p->stop[2] = x[0];
    gc_collect(p, 0, x, 1);
    ck_assert_ptr_null(p->fragments);
    Term t = p->stop[1];
    ck_assert(in_young(p, t));
    ck_assert(term_tuple_element(t, 1) == x[0] && p->stop[2] == x[0]);
    ck_assert_int_eq(sum_list(term_tuple_element(t, 3)), 10);
    gc_collect(p, 0, x, 1);
    ck_assert(in_old(p, p->stop[1]));
    ck_assert_int_eq(sum_list(term_tuple_element(p->stop[1], 3)), 10);
    proc_free(p);
}
END_TEST

START_TEST(full_sweep_after_fullsweep_after_minor_ones)
{
    Process *p = proc_new(0);
    p->st.fullsweep_after = 3;
    Term x[1] = {make_list(p, 30)};
    for (int i = 0; i < 3; i++) gc_collect(p, 0, x, 1);
    ck_assert_uint_eq(p->st.minor_gcs, 3);
    ck_assert(in_old(p, x[0]));
    gc_collect(p, 0, x, 1); /* the fourth: a full sweep brings everything back young */
    ck_assert_uint_eq(p->st.minor_gcs, 0);
    ck_assert_ptr_null(p->st.old_heap);
    ck_assert(in_young(p, x[0]));
    ck_assert_int_eq(sum_list(x[0]), 465);
    p->st.fullsweep_after = 0; /* every collection is a full sweep */
    for (int i = 0; i < 3; i++) gc_collect(p, 0, x, 1);
    ck_assert_ptr_null(p->st.old_heap);
    ck_assert_int_eq(sum_list(x[0]), 465);
    proc_free(p);
}
END_TEST

START_TEST(requested_full_sweep_frees_old_garbage)
{
    Process *p = proc_new(0);
    Term x[2] = {make_list(p, 1000), make_list(p, 5)};
    gc_collect(p, 0, x, 2);
    gc_collect(p, 0, x, 2);
    ck_assert(in_old(p, x[0]) && in_old(p, x[1]));
    x[0] = TERM_NIL; /* 1000 old cells become garbage: only a full sweep finds it */
    gc_request_full(p);
    gc_collect(p, 0, x, 2);
    ck_assert_ptr_null(p->st.old_heap);
    ck_assert_uint_eq((size_t)(p->htop - p->heap), 10);
    ck_assert_int_eq(sum_list(x[1]), 15);
    proc_free(p);
}
END_TEST

/* An off-heap binary referred to only from the old generation must survive
 * minor collections, and be released by the full sweep that finds it dead. */
START_TEST(old_generation_keeps_its_offheap_binaries)
{
    Process *p = proc_new(0);
    Term x[1] = {binary_new_refc(p, 200, 200, 0)};
    Binary *b = refc_binary(x[0]);
    binary_ref(b); /* the test's own reference */
    gc_collect(p, 0, x, 1);
    gc_collect(p, 0, x, 1);
    ck_assert(in_old(p, x[0]));
    for (int round = 0; round < 5; round++) {
        make_list(p, 1000);
        gc_collect(p, 0, x, 1);
        ck_assert_uint_eq(atomic_load(&b->refc), 2);
        ck_assert(refc_binary(x[0]) == b);
    }
    ck_assert_ptr_nonnull(p->offheap.first);
    x[0] = TERM_NIL;
    gc_collect(p, 0, x, 1); /* minor: the old copy is not examined */
    ck_assert_uint_eq(atomic_load(&b->refc), 2);
    gc_request_full(p);
    gc_collect(p, 0, x, 1);
    ck_assert_uint_eq(atomic_load(&b->refc), 1);
    ck_assert_ptr_null(p->offheap.first);
    binary_unref(b);
    proc_free(p);
}
END_TEST

START_TEST(min_heap_size_is_kept)
{
    Process *p = proc_new(0);
    p->min_heap_words = 5000;
    Term x[1] = {make_list(p, 3)};
    gc_collect(p, 0, x, 1);
    ck_assert_uint_ge((size_t)(p->hend - p->heap), 5000);
    ck_assert_int_eq(sum_list(x[0]), 6);
    proc_free(p);
}
END_TEST

static long pmem_now(void) { return atomic_load(&pmem_bytes); }

/* A new process starts on a small block and is charged exactly its control
 * block and that block; collections grow it to min_heap_size, then to what a
 * large live set needs, and back down when that is dropped, keeping the data
 * and a stack frame, and the charge follows the block. */
START_TEST(small_start_block_grows_and_shrinks_back)
{
    long base = pmem_now();
    Process *p = proc_new(0);
    ck_assert_uint_eq((size_t)(p->hend - p->heap), PROC_START_WORDS);
    ck_assert_uint_eq(p->min_heap_words, PROC_MIN_HEAP_WORDS);
    ck_assert_int_eq(pmem_now() - base, (long)(sizeof *p + PROC_START_WORDS * sizeof(Term)));
    static CodeWord code[2];
    p->stop -= 2;
    p->stop[0] = (Term)(uintptr_t)&code[1];
    p->stop[1] = make_list(p, 5);
    Term x[2] = {make_list(p, 10), TERM_NIL};
    ck_assert_ptr_null(p->fragments); /* all of it fit the start block */
    gc_collect(p, 0, x, 1);
    ck_assert_uint_eq((size_t)(p->hend - p->heap), PROC_MIN_HEAP_WORDS); /* one step to min_heap_size */
    ck_assert_int_eq(sum_list(x[0]), 55);
    x[1] = make_list(p, 20000);
    gc_request_full(p);
    gc_collect(p, 0, x, 2);
    ck_assert_uint_ge((size_t)(p->hend - p->heap), 40000);
    ck_assert_int_eq(sum_list(x[1]), 20000L * 20001 / 2);
    x[1] = TERM_NIL;
    gc_request_full(p);
    gc_collect(p, 0, x, 2);
    ck_assert_uint_eq((size_t)(p->hend - p->heap), PROC_MIN_HEAP_WORDS);
    ck_assert_ptr_null(p->st.old_heap);
    ck_assert_int_eq(sum_list(x[0]), 55);
    ck_assert_int_eq(sum_list(p->stop[1]), 15);
    ck_assert(p->stop[0] == (Term)(uintptr_t)&code[1]);
    ck_assert_int_eq(pmem_now() - base, (long)(sizeof *p + PROC_MIN_HEAP_WORDS * sizeof(Term)));
    proc_rare(p);
    ck_assert_int_eq(pmem_now() - base, (long)(sizeof *p + sizeof(ProcRare) + PROC_MIN_HEAP_WORDS * sizeof(Term)));
    proc_free(p);
    ck_assert_int_eq(pmem_now(), base);
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
    tcase_add_test(tc, survivors_are_promoted_by_the_second_collection);
    tcase_add_test(tc, minor_collection_leaves_the_old_generation_alone);
    tcase_add_test(tc, fragments_and_stack_refer_across_generations);
    tcase_add_test(tc, full_sweep_after_fullsweep_after_minor_ones);
    tcase_add_test(tc, requested_full_sweep_frees_old_garbage);
    tcase_add_test(tc, old_generation_keeps_its_offheap_binaries);
    tcase_add_test(tc, min_heap_size_is_kept);
    tcase_add_test(tc, small_start_block_grows_and_shrinks_back);
    suite_add_tcase(s, tc);
    return check_run(s);
}
