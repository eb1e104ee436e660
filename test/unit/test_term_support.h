/* test_term_support.h — helpers shared by the term tests: a scratch heap and
 * building terms by decoding external-format bytes obtained from OTP. */
#ifndef EMBER_TEST_TERM_SUPPORT_H
#define EMBER_TEST_TERM_SUPPORT_H

#include <check.h>
#include <stdlib.h>

#include "term/external.h"

/* Memory handed out by decode_bytes, released by free_decoded. */
static void **decoded_blocks;
static size_t decoded_count, decoded_cap;

static inline void *remember_block(void *p)
{
    if (decoded_count == decoded_cap) {
        decoded_cap = decoded_cap ? 2 * decoded_cap : 64;
        decoded_blocks = realloc(decoded_blocks, decoded_cap * sizeof *decoded_blocks);
        ck_assert_ptr_nonnull(decoded_blocks);
    }
    return decoded_blocks[decoded_count++] = p;
}

static inline void free_decoded(void)
{
    for (size_t i = 0; i < decoded_count; i++) free(decoded_blocks[i]);
    free(decoded_blocks);
    decoded_blocks = NULL;
    decoded_count = decoded_cap = 0;
}

/* Decodes bytes (with the version byte) into memory kept until free_decoded. */
static inline Term decode_bytes(const uint8_t *bytes, size_t len)
{
    size_t words = 0, used = 0;
    ck_assert_int_eq(ext_decoded_size(bytes, len, false, &words, &used), EXT_OK);
    Term *mem = remember_block(malloc((words ? words : 1) * sizeof(Term)));
    ck_assert_ptr_nonnull(mem);
    Term t = ext_decode(bytes, len, false, mem);
    ck_assert(t != TERM_NONE);
    return t;
}

/* Builds a proper list of n small integers first, first+1, ... in mem (2n words). */
static inline Term make_int_list(Term *mem, size_t n, SInt first)
{
    Term list = TERM_NIL;
    for (size_t i = n; i-- > 0;) list = term_cons(&mem[2 * i], term_make_small(first + (SInt)i), list);
    return list;
}

/* Builds n nested one-element lists [[[...[]...]]] in mem (2n words). */
static inline Term make_nested_list(Term *mem, size_t n)
{
    Term t = TERM_NIL;
    for (size_t i = 0; i < n; i++) t = term_cons(&mem[2 * i], t, TERM_NIL);
    return t;
}

#endif
