/* test_resource.c — native resources behind magic references: the term keeps
 * its resource alive through collections and copies, the last reference to go
 * destroys it, and magic and plain references compare by number alone. */
#include <check.h>

#include "check_run.h"
#include "gc/gc.h"
#include "term/boxed.h"
#include "term/compare.h"
#include "term/copy.h"
#include "term/resource.h"

static int destroyed;
static void count_destroy(void *data)
{
    ck_assert_int_eq(*(int *)data, 42);
    destroyed++;
}
static const ResourceType counted = {"counted", count_destroy};
static const ResourceType other = {"other", NULL};

static void *new_counted(void)
{
    int *d = resource_alloc(&counted, sizeof(int));
    ck_assert_ptr_nonnull(d);
    *d = 42;
    return d;
}

START_TEST(term_keeps_resource_through_collections)
{
    destroyed = 0;
    Process *p = proc_new(0);
    void *d = new_counted();
    Term x[1] = {resource_make_term(p, d)};
    resource_release(d); /* only the term holds it now */
    gc_collect(p, 10, x, 1);
    gc_collect(p, 10, x, 1); /* promoted to the old generation */
    ck_assert_int_eq(destroyed, 0);
    ck_assert_ptr_eq(resource_from_term(x[0], &counted), d);
    ck_assert_ptr_null(resource_from_term(x[0], &other));
    ck_assert_ptr_eq(resource_from_term(x[0], NULL), d);
    gc_request_full(p);
    x[0] = TERM_NIL;
    gc_collect(p, 10, x, 1);
    ck_assert_int_eq(destroyed, 1);
    proc_free(p);
}
END_TEST

START_TEST(copies_share_and_the_last_one_destroys)
{
    destroyed = 0;
    Process *a = proc_new(0), *b = proc_new(0);
    void *d = new_counted();
    Term t = resource_make_term(a, d);
    Term *hp = proc_alloc(b, MAGIC_REF_WORDS);
    Term c = term_copy_offheap(t, &hp, &b->offheap);
    ck_assert(term_eq_exact(t, c));
    ck_assert_ptr_eq(resource_from_term(c, &counted), d);
    proc_free(a);
    ck_assert_int_eq(destroyed, 0);
    resource_release(d);
    ck_assert_int_eq(destroyed, 0);
    proc_free(b);
    ck_assert_int_eq(destroyed, 1);
}
END_TEST

START_TEST(magic_and_plain_refs_compare_by_number)
{
    Process *p = proc_new(0);
    void *d = resource_alloc(&other, 8);
    Term magic = resource_make_term(p, d);
    Term plain = term_make_ref_from_counter(proc_alloc(p, REF_WORDS), resource_of(d)->number);
    Term fresh = ref_make(p);
    ck_assert(term_is_ref(magic) && term_is_magic_ref(magic) && !term_is_magic_ref(plain));
    ck_assert(term_eq_exact(magic, plain));
    ck_assert_int_lt(term_compare(magic, fresh), 0); /* made earlier, numbered lower */
    ck_assert_ptr_null(resource_from_term(plain, NULL));
    resource_release(d);
    proc_free(p);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("resource");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, term_keeps_resource_through_collections);
    tcase_add_test(tc, copies_share_and_the_last_one_destroys);
    tcase_add_test(tc, magic_and_plain_refs_compare_by_number);
    suite_add_tcase(s, tc);
    return check_run(s);
}
