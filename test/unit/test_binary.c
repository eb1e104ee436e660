/* test_binary.c — binary representations: the bit copier at every offset,
 * heap versus off-heap allocation, slices, and the off-heap list through
 * collections and process exit (reference counts). */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "check_run.h"
#include "gc/gc.h"
#include "emu/bits_legacy.h"
#include "emu/bits_match.h"
#include "gc/offheap.h"
#include "term/binary.h"
#include "term/copy.h"

/* Bit i of a buffer, most significant first. */
static int bit(const uint8_t *b, size_t i) { return (b[i / 8] >> (7 - i % 8)) & 1; }

START_TEST(copy_bits_every_offset)
{
    uint8_t src[8], dst[8];
    for (size_t i = 0; i < sizeof src; i++) src[i] = (uint8_t)(0x5A ^ (i * 37));
    for (size_t so = 0; so < 16; so++)
        for (size_t d0 = 0; d0 < 16; d0++)
            for (size_t n = 0; n + so <= 64 && n + d0 <= 64 && n < 40; n++) {
                memset(dst, 0xFF, sizeof dst);
                binary_copy_bits(dst, d0, src, so, n);
                for (size_t i = 0; i < 64; i++) {
                    int want = i >= d0 && i < d0 + n ? bit(src, so + i - d0) : 1;
                    ck_assert_int_eq(bit(dst, i), want);
                }
            }
}
END_TEST

static size_t list_len(const OffHeap *oh)
{
    size_t n = 0;
    for (Term *o = oh->first; o; o = *refc_next(o)) n++;
    return n;
}

START_TEST(heap_and_offheap)
{
    Process *p = proc_new(0);
    uint8_t *data;
    Term small = binary_new(p, BINARY_HEAP_LIMIT, &data);
    ck_assert(term_is_heap_bin(small));
    Term big = binary_new(p, BINARY_HEAP_LIMIT + 1, &data);
    ck_assert(term_is_boxed_tag(big, HDR_REFC_BIN));
    ck_assert_uint_eq(list_len(&p->offheap), 1);
    memset(data, 7, BINARY_HEAP_LIMIT + 1);
    Term slice = binary_slice(p, big, 8, 8 * BINARY_HEAP_LIMIT);
    ck_assert(term_is_heap_bin(slice)); /* small pieces are copied */
    Term sub = binary_slice(p, big, 3, 8 * BINARY_HEAP_LIMIT - 3);
    ck_assert(term_is_boxed_tag(sub, HDR_SUB_BIN));
    ck_assert_uint_eq(binary_referenced_size(sub), BINARY_HEAP_LIMIT + 1);
    ck_assert(!binary_is_binary(sub));
    proc_free(p);
}
END_TEST

START_TEST(collector_keeps_live_and_releases_dead)
{
    Process *p = proc_new(0);
    uint8_t *data;
    Term x[2];
    for (int i = 0; i < 10; i++) binary_new(p, 1000, &data); /* garbage */
    x[0] = binary_new(p, 2000, &data);
    Binary *kept = refc_binary(x[0]);
    x[1] = binary_slice(p, x[0], 8 * 100, 8 * 1000); /* a sub-binary over the same block */
    ck_assert_uint_eq(list_len(&p->offheap), 11);
    gc_collect(p, 0, x, 2);
    ck_assert_uint_eq(list_len(&p->offheap), 1);
    ck_assert_ptr_eq(refc_binary(x[0]), kept);
    ck_assert_ptr_eq(refc_binary(sub_orig(x[1])), kept);
    ck_assert_uint_eq(p->offheap.live_bytes, 2000);
    /* a copy for another process is one more reference */
    Process *q = proc_new(0);
    Term *hp = proc_alloc(q, term_size(x[1]));
    Term copy = term_copy_offheap(x[1], &hp, &q->offheap);
    ck_assert_uint_eq(atomic_load(&kept->refc), 2);
    ck_assert_uint_eq(list_len(&q->offheap), 1);
    proc_free(p);
    ck_assert_uint_eq(atomic_load(&kept->refc), 1);
    BinView v;
    ck_assert(binary_view(copy, &v) && v.bit_size == 8 * 1000);
    gc_collect(q, 0, NULL, 0); /* nothing live: the last reference goes */
    ck_assert_ptr_null(q->offheap.first);
    proc_free(q);
}
END_TEST

/* A context with save slots survives a collection with its positions and
 * binary, and bs_context_to_binary turns it in place into the bits from its
 * start (the sub-binary's offset, or where it was last restarted). */
START_TEST(match_context_slots_and_to_binary)
{
    Process *p = proc_new(0);
    uint8_t *data;
    Term x[2];
    Term big = binary_new(p, 200, &data);
    for (int i = 0; i < 200; i++) data[i] = (uint8_t)i;
    Term sub = binary_slice(p, big, 8 * 10, 8 * 100);
    x[0] = bits_new_match_ctx(p, sub_orig(sub), sub_bit_offset(sub), sub_bit_offset(sub) + 100 * 8, 2);
    ck_assert_uint_eq(ctx_slots(x[0]), 2);
    ck_assert_uint_eq(*ctx_saved(x[0], 0), 80);
    ck_assert(ctx_orig(x[0]) == big);
    *ctx_pos(x[0]) = 96;
    *ctx_saved(x[0], 2) = 88;
    x[1] = big;
    gc_collect(p, 0, x, 2);
    ck_assert(ctx_orig(x[0]) == x[1]);
    ck_assert_uint_eq(*ctx_pos(x[0]), 96);
    ck_assert_uint_eq(*ctx_saved(x[0], 2), 88);
    ck_assert_ptr_null(bits_legacy_slot(x[0], 3));
    ck_assert_ptr_null(bits_legacy_slot(x[1], 0));
    *ctx_saved(x[0], 0) = *ctx_pos(x[0]); /* a restart, as bs_start_match2 does */
    Term ctx = x[0];
    bits_legacy_context_to_binary(p, &x[0]);
    ck_assert(x[0] == ctx); /* in place */
    BinView v;
    ck_assert(binary_view(x[0], &v));
    ck_assert_uint_eq(v.bit_size, 8 * 98);
    ck_assert_uint_eq(v.bytes[v.bit_off / 8], 12);
    gc_collect(p, 0, x, 1); /* the filler after the sub-binary is never scanned */
    ck_assert(binary_view(x[0], &v) && v.bit_size == 8 * 98 && v.bytes[v.bit_off / 8] == 12);
    proc_free(p);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("binary");
    TCase *tc = tcase_create("binary");
    tcase_add_test(tc, copy_bits_every_offset);
    tcase_add_test(tc, heap_and_offheap);
    tcase_add_test(tc, collector_keeps_live_and_releases_dead);
    tcase_add_test(tc, match_context_slots_and_to_binary);
    suite_add_tcase(s, tc);
    return check_run(s);
}
