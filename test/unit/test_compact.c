/* test_compact.c — the compact term decoder: every tag, the one-, two- and
 * multi-byte forms, negative and oversized integers, the extended tags, and
 * malformed input. Byte strings come from OTP 25's beam_asm:encode/2. */
#include <check.h>
#include <stdlib.h>

#include "check_run.h"
#include "atom/atom.h"
#include "load/compact.h"

static const char *decode(const uint8_t *bytes, size_t n, CompactOperand *op, size_t *consumed)
{
    CompactReader r;
    load_compact_init(&r, bytes, n);
    const char *e = load_compact_read(&r, op);
    if (consumed) *consumed = (size_t)(r.pos - r.start);
    return e;
}

#define DECODES(op, ...)                                                                                              \
    do {                                                                                                              \
        static const uint8_t in_[] = {__VA_ARGS__};                                                                   \
        size_t used_;                                                                                                 \
        ck_assert_ptr_null(decode(in_, sizeof in_, &(op), &used_));                                                   \
        ck_assert_uint_eq(used_, sizeof in_);                                                                         \
    } while (0)

#define REJECTS(...)                                                                                                  \
    do {                                                                                                              \
        static const uint8_t in_[] = {__VA_ARGS__};                                                                   \
        CompactOperand op_;                                                                                           \
        ck_assert_ptr_nonnull(decode(in_, sizeof in_, &op_, NULL));                                                   \
    } while (0)

START_TEST(one_byte_forms_of_every_tag)
{
    CompactOperand op;
    static const CompactTag tags[] = {CT_U, CT_I, CT_A, CT_X, CT_Y, CT_F, CT_H};
    for (unsigned t = 0; t < 7; t++) {
        for (unsigned v = 0; v < 16; v++) {
            uint8_t b = (uint8_t)(v << 4 | t);
            ck_assert_ptr_null(decode(&b, 1, &op, NULL));
            ck_assert_int_eq(op.tag, tags[t]);
            if (t == CT_I) ck_assert_int_eq(op.i, v);
            else ck_assert_uint_eq(op.u, v);
        }
    }
}
END_TEST

START_TEST(two_byte_forms)
{
    CompactOperand op;
    DECODES(op, 232, 255); /* u 2047 */
    ck_assert_int_eq(op.tag, CT_U);
    ck_assert_uint_eq(op.u, 2047);
    DECODES(op, 8, 16); /* u 16 */
    ck_assert_uint_eq(op.u, 16);
    DECODES(op, 0x0B, 200); /* x(200) */
    ck_assert_int_eq(op.tag, CT_X);
    ck_assert_uint_eq(op.u, 200);
    DECODES(op, 0x2D, 0x10); /* label 0x110 */
    ck_assert_int_eq(op.tag, CT_F);
    ck_assert_uint_eq(op.u, 0x110);
}
END_TEST

START_TEST(multi_byte_integers)
{
    CompactOperand op;
    DECODES(op, 25, 8, 0);
    ck_assert_int_eq(op.tag, CT_I);
    ck_assert_int_eq(op.i, 2048);
    DECODES(op, 25, 255, 255);
    ck_assert_int_eq(op.i, -1);
    DECODES(op, 25, 248, 0);
    ck_assert_int_eq(op.i, -2048);
    DECODES(op, 25, 255, 127);
    ck_assert_int_eq(op.i, -129);
    DECODES(op, 217, 7, 255, 255, 255, 255, 255, 255, 255);
    ck_assert_int_eq(op.i, SMALL_MAX);
    DECODES(op, 217, 8, 0, 0, 0, 0, 0, 0, 0);
    ck_assert_int_eq(op.i, SMALL_MAX + 1);
    DECODES(op, 217, 248, 0, 0, 0, 0, 0, 0, 0);
    ck_assert_int_eq(op.i, SMALL_MIN);
    DECODES(op, 152, 1, 0, 0, 0, 0, 0); /* u 2^40 */
    ck_assert_int_eq(op.tag, CT_U);
    ck_assert_uint_eq(op.u, 1ull << 40);
}
END_TEST

START_TEST(integers_wider_than_a_word)
{
    CompactOperand op;
    /* 2^63: nine bytes, length counted by a nested u value */
    DECODES(op, 249, 0, 0, 128, 0, 0, 0, 0, 0, 0, 0);
    ck_assert_int_eq(op.tag, CT_BIG);
    ck_assert_uint_eq(op.big_len, 9);
    /* -(2^64) */
    DECODES(op, 249, 0, 255, 0, 0, 0, 0, 0, 0, 0, 0);
    ck_assert_int_eq(op.tag, CT_BIG);
    /* 2^100 */
    DECODES(op, 249, 64, 16, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    ck_assert_int_eq(op.tag, CT_BIG);
    ck_assert_uint_eq(op.big_len, 13);
}
END_TEST

START_TEST(bignum_terms)
{
    Term mem[8];
    size_t used;
    /* 2^63 */
    static const uint8_t p63[] = {0, 128, 0, 0, 0, 0, 0, 0, 0};
    Term t = load_compact_make_integer(p63, sizeof p63, mem, &used);
    ck_assert(term_is_bignum(t));
    ck_assert_int_eq(header_tag(mem[0]), HDR_POS_BIG);
    ck_assert_uint_eq(header_arity(mem[0]), 1);
    ck_assert_uint_eq(mem[1], 1ull << 63);
    ck_assert_uint_eq(used, 2);
    /* -(2^64): magnitude is two digits, 0 and 1 */
    static const uint8_t m64[] = {255, 0, 0, 0, 0, 0, 0, 0, 0};
    t = load_compact_make_integer(m64, sizeof m64, mem, &used);
    ck_assert_int_eq(header_tag(mem[0]), HDR_NEG_BIG);
    ck_assert_uint_eq(header_arity(mem[0]), 2);
    ck_assert_uint_eq(mem[1], 0);
    ck_assert_uint_eq(mem[2], 1);
    /* -(2^100) + 0: two's complement bytes of -(2^100) */
    static const uint8_t m100[] = {0xF0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    t = load_compact_make_integer(m100, sizeof m100, mem, &used);
    ck_assert_int_eq(header_tag(mem[0]), HDR_NEG_BIG);
    ck_assert_uint_eq(mem[1], 0);
    ck_assert_uint_eq(mem[2], 1ull << 36);
    /* values that fit are small integers, even from long encodings */
    static const uint8_t m1[] = {255, 255, 255, 255, 255, 255, 255, 255, 255, 255};
    t = load_compact_make_integer(m1, sizeof m1, mem, &used);
    ck_assert(term_is_small(t));
    ck_assert_int_eq(term_small_value(t), -1);
    ck_assert_uint_eq(used, 0);
    /* int64 just outside the small range */
    t = load_compact_make_int64(SMALL_MAX + 1, mem, &used);
    ck_assert_int_eq(header_tag(mem[0]), HDR_POS_BIG);
    ck_assert_uint_eq(mem[1], (uint64_t)SMALL_MAX + 1);
    t = load_compact_make_int64(SMALL_MIN - 1, mem, &used);
    ck_assert_int_eq(header_tag(mem[0]), HDR_NEG_BIG);
    ck_assert_uint_eq(mem[1], (uint64_t)SMALL_MAX + 2);
    t = load_compact_make_int64(INT64_MIN, mem, &used);
    ck_assert_int_eq(header_tag(mem[0]), HDR_NEG_BIG);
    ck_assert_uint_eq(mem[1], 1ull << 63);
}
END_TEST

START_TEST(extended_tags)
{
    CompactOperand op;
    static const uint8_t list[] = {0x17, 0x30, 0x00, 0x10, 0x20}; /* {list,[0,1,2]} */
    size_t used;
    ck_assert_ptr_null(decode(list, sizeof list, &op, &used));
    ck_assert_int_eq(op.tag, CT_LIST);
    ck_assert_uint_eq(op.u, 3);
    ck_assert_uint_eq(used, 2); /* the items are read one by one after it */
    DECODES(op, 0x27, 0x20); /* fr(2) */
    ck_assert_int_eq(op.tag, CT_FR);
    ck_assert_uint_eq(op.u, 2);
    DECODES(op, 0x37, 0x30, 0x00, 0x10, 0x10, 0x20, 0x20, 0x10); /* {alloc,[{words,1},{floats,2},{funs,1}]} */
    ck_assert_int_eq(op.tag, CT_ALLOC);
    ck_assert_uint_eq(op.alloc[ALLOC_WORDS], 1);
    ck_assert_uint_eq(op.alloc[ALLOC_FLOATS], 2);
    ck_assert_uint_eq(op.alloc[ALLOC_FUNS], 1);
    ck_assert_uint_eq(load_compact_alloc_words(&op), 1 + 2 * FLOAT_WORDS + 3);
    DECODES(op, 0x47, 0x08, 100); /* literal 100 */
    ck_assert_int_eq(op.tag, CT_LITERAL);
    ck_assert_uint_eq(op.u, 100);
    DECODES(op, 0x57, 0x23, 0x40); /* {tr,{x,2},type 4} */
    ck_assert_int_eq(op.tag, CT_X);
    ck_assert(op.typed);
    ck_assert_uint_eq(op.u, 2);
    ck_assert_uint_eq(op.type_index, 4);
    DECODES(op, 0x57, 0x54, 0x10); /* {tr,{y,5},type 1} */
    ck_assert_int_eq(op.tag, CT_Y);
    ck_assert_uint_eq(op.u, 5);
    DECODES(op, 0x07, 0x40, 0x04, 0, 0, 0, 0, 0, 0); /* float 2.5 */
    ck_assert_int_eq(op.tag, CT_FLOAT);
    ck_assert(op.f == 2.5);
}
END_TEST

START_TEST(malformed_operands)
{
    REJECTS(0x08);                   /* two-byte form without its second byte */
    REJECTS(0x19, 0x08);             /* two-byte integer with one byte */
    REJECTS(0xF9, 0x70);             /* long form whose length runs past the end */
    REJECTS(0xF9, 0xF8, 0x00, 0x01); /* nested length prefix inside a nested one */
    REJECTS(0x18, 0xFF, 0xFF);       /* negative u */
    REJECTS(0xF8, 0x10, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10); /* u wider than 64 bits */
    REJECTS(0x67);                   /* extended tag 6 does not exist */
    REJECTS(0x37, 0x40);             /* allocation list longer than 3 */
    REJECTS(0x37, 0x10, 0x30, 0x10); /* unknown allocation kind 3 */
    REJECTS(0x57, 0x22, 0x00);       /* typed operand that is an atom */
    REJECTS(0x17, 0x71);             /* list count with an integer tag */
    REJECTS(0x17, 0x50);             /* list longer than the bytes left */
    REJECTS(0x07, 0x40, 0x04);       /* truncated float */
    REJECTS(0x47);                   /* literal without index */
    CompactOperand op;
    ck_assert_ptr_nonnull(decode(NULL, 0, &op, NULL));
}
END_TEST

START_TEST(reader_stays_put_on_error)
{
    static const uint8_t in[] = {0x10, 0x08};
    CompactReader r;
    CompactOperand op;
    load_compact_init(&r, in, sizeof in);
    ck_assert_ptr_null(load_compact_read(&r, &op));
    ck_assert_ptr_nonnull(load_compact_read(&r, &op));
    ck_assert_ptr_eq(r.pos, in + 1);
}
END_TEST

/* Every byte string up to three bytes: the decoder must never read past the end. */
START_TEST(exhaustive_short_inputs)
{
    uint8_t *buf = malloc(3);
    for (unsigned a = 0; a < 256; a++) {
        for (unsigned b = 0; b < 256; b++) {
            for (size_t n = 1; n <= 3; n++) {
                buf[0] = (uint8_t)a, buf[1] = (uint8_t)b, buf[2] = (uint8_t)(a ^ b);
                uint8_t *copy = malloc(n);
                memcpy(copy, buf, n);
                CompactOperand op;
                size_t used;
                const char *e = decode(copy, n, &op, &used);
                ck_assert(e || used <= n);
                free(copy);
            }
        }
    }
    free(buf);
}
END_TEST

int main(void)
{
    atom_table_init(0);
    Suite *s = suite_create("compact");
    TCase *tc = tcase_create("decode");
    tcase_add_test(tc, one_byte_forms_of_every_tag);
    tcase_add_test(tc, two_byte_forms);
    tcase_add_test(tc, multi_byte_integers);
    tcase_add_test(tc, integers_wider_than_a_word);
    tcase_add_test(tc, bignum_terms);
    tcase_add_test(tc, extended_tags);
    tcase_add_test(tc, malformed_operands);
    tcase_add_test(tc, reader_stays_put_on_error);
    tcase_add_test(tc, exhaustive_short_inputs);
    suite_add_tcase(s, tc);
    return check_run(s);
}
