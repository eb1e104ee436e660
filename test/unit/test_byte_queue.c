/* test_byte_queue.c — the byte queue under prim_buffer and zlib streams: big
 * binaries are queued by reference and small ones copied, skips cross chunk
 * boundaries, and the ring slides and grows without losing order. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "check_run.h"
#include "atom/atom.h"
#include "io/byte_queue.h"
#include "term/binary.h"

/* The queued bytes, flattened. */
static size_t flatten(const ByteQueue *q, uint8_t *out)
{
    size_t at = 0;
    for (size_t i = 0; i < q->count; i++) {
        const ByteChunk *c = byte_queue_chunk(q, i);
        memcpy(out + at, byte_chunk_bytes(c), c->len);
        at += c->len;
    }
    return at;
}

static Term cons(Process *p, Term head, Term tail) { return term_cons(proc_alloc(p, 2), head, tail); }

START_TEST(big_by_reference_small_by_copy)
{
    Process *p = proc_new(0);
    uint8_t *big_data;
    Term big = binary_new(p, 1000, &big_data);
    for (int i = 0; i < 1000; i++) big_data[i] = (uint8_t)i;
    Term small = binary_from_bytes(p, "abc", 3);
    Term empty = binary_from_bytes(p, "", 0);
    Term list = cons(p, small, cons(p, empty, cons(p, big, TERM_NIL)));
    ck_assert(byte_queue_list_ok(list));
    ck_assert(!byte_queue_list_ok(cons(p, term_make_small(1), TERM_NIL)));
    ck_assert(!byte_queue_list_ok(cons(p, small, small))); /* improper */

    ByteQueue q = {0};
    ck_assert(byte_queue_push_list(&q, list));
    ck_assert_uint_eq(q.count, 2); /* the empty binary is not queued */
    ck_assert_uint_eq(q.size, 1003);
    ck_assert_ptr_eq(byte_queue_chunk(&q, 1)->bin, refc_binary(big));
    ck_assert_ptr_ne(byte_chunk_bytes(byte_queue_chunk(&q, 0)), (const uint8_t *)"abc");
    /* the queue holds its own reference to the big block */
    ck_assert_uint_eq(atomic_load(&refc_binary(big)->refc), 2);

    byte_queue_skip(&q, 5); /* all of "abc" and two bytes of the big one */
    ck_assert_uint_eq(q.count, 1);
    ck_assert_uint_eq(q.size, 998);
    ck_assert_uint_eq(byte_chunk_bytes(byte_queue_chunk(&q, 0))[0], 2);
    byte_queue_free(&q);
    ck_assert_uint_eq(atomic_load(&refc_binary(big)->refc), 1);
    proc_free(p);
}
END_TEST

START_TEST(ring_slides_and_grows_in_order)
{
    Process *p = proc_new(0);
    ByteQueue q = {0};
    uint8_t expect[4096], got[4096];
    size_t front = 0, back = 0;
    for (int round = 0; round < 200; round++) {
        uint8_t piece[7];
        size_t n = (size_t)(round % 7) + 1;
        for (size_t i = 0; i < n; i++, back++) piece[i] = expect[back % sizeof expect] = (uint8_t)(back * 13);
        ck_assert(byte_queue_push_list(&q, cons(p, binary_from_bytes(p, piece, n), TERM_NIL)));
        if (round % 3 == 2) { /* take some off the front now and then */
            size_t k = q.size / 2;
            byte_queue_skip(&q, k);
            front += k;
        }
        ck_assert_uint_eq(q.size, back - front);
        size_t len = flatten(&q, got);
        for (size_t i = 0; i < len; i++) ck_assert_uint_eq(got[i], expect[(front + i) % sizeof expect]);
    }
    byte_queue_clear(&q);
    ck_assert_uint_eq(q.size, 0);
    ck_assert_uint_eq(q.count, 0);
    byte_queue_free(&q);
    proc_free(p);
}
END_TEST

int main(void)
{
    atom_table_init(0);
    Suite *s = suite_create("byte_queue");
    TCase *tc = tcase_create("queue");
    tcase_add_test(tc, big_by_reference_small_by_copy);
    tcase_add_test(tc, ring_slides_and_grows_in_order);
    suite_add_tcase(s, tc);
    return check_run(s);
}
