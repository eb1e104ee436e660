/* byte_queue.c — chunks of off-heap binaries in a ring that slides down
 * before it grows. */
#include "io/byte_queue.h"

#include <stdlib.h>
#include <string.h>

#include "bif/bif_util.h"

void byte_queue_clear(ByteQueue *q)
{
    for (size_t i = 0; i < q->count; i++) binary_unref(q->chunks[q->head + i].bin);
    q->head = q->count = q->size = 0;
}

void byte_queue_free(ByteQueue *q)
{
    byte_queue_clear(q);
    free(q->chunks);
    q->chunks = NULL;
    q->cap = 0;
}

static bool push(ByteQueue *q, Binary *bin, size_t off, size_t len)
{
    if (q->head + q->count == q->cap) {
        if (q->head > 0) {
            memmove(q->chunks, q->chunks + q->head, q->count * sizeof *q->chunks);
            q->head = 0;
        } else {
            size_t cap = q->cap ? q->cap * 2 : 8;
            ByteChunk *grown = realloc(q->chunks, cap * sizeof *grown);
            if (!grown) return false;
            q->chunks = grown;
            q->cap = cap;
        }
    }
    q->chunks[q->head + q->count++] = (ByteChunk){bin, off, len};
    q->size += len;
    return true;
}

/* The off-heap block under a binary term and where its bytes start in it. */
static Binary *offheap_of(Term t, const uint8_t *bytes, size_t *off)
{
    Term orig = t;
    if (term_is_boxed_tag(t, HDR_SUB_BIN)) orig = sub_orig(t);
    if (!term_is_boxed_tag(orig, HDR_REFC_BIN)) return NULL;
    Binary *bin = refc_binary(orig);
    *off = (size_t)(bytes - bin->data);
    return bin;
}

bool byte_queue_list_ok(Term list)
{
    for (; term_is_list(list); list = term_tail(list)) {
        const uint8_t *bytes;
        size_t len;
        if (bif_binary_bytes(term_head(list), &bytes, &len) != BIN_OK) return false;
    }
    return term_is_nil(list);
}

bool byte_queue_push_list(ByteQueue *q, Term list)
{
    for (; term_is_list(list); list = term_tail(list)) {
        const uint8_t *bytes;
        size_t len, off = 0;
        bif_binary_bytes(term_head(list), &bytes, &len);
        if (len == 0) continue;
        Binary *bin = offheap_of(term_head(list), bytes, &off);
        if (bin) {
            binary_ref(bin);
        } else {
            bin = binary_try_alloc(len);
            if (!bin) return false;
            memcpy(bin->data, bytes, len);
        }
        if (!push(q, bin, off, len)) {
            binary_unref(bin);
            return false;
        }
    }
    return true;
}

void byte_queue_skip(ByteQueue *q, size_t n)
{
    q->size -= n;
    while (n > 0) {
        ByteChunk *c = &q->chunks[q->head];
        size_t take = n < c->len ? n : c->len;
        c->off += take;
        c->len -= take;
        n -= take;
        if (c->len == 0) {
            binary_unref(c->bin);
            q->head++;
            q->count--;
        }
    }
    if (q->count == 0) q->head = 0;
}
