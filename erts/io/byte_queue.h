/* byte_queue.h — a queue of byte chunks held in off-heap binaries: the input
 * of prim_buffer and of zlib streams. Big binaries written to it are queued by
 * reference, small ones are copied, so queueing never copies large data. The
 * queue has no lock of its own: its owner serialises access. */
#ifndef EMBER_IO_BYTE_QUEUE_H
#define EMBER_IO_BYTE_QUEUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "term/binary.h"
#include "term/term.h"

typedef struct ByteChunk {
    Binary *bin;
    size_t off, len;
} ByteChunk;

typedef struct ByteQueue {
    ByteChunk *chunks; /* chunks[head .. head + count) */
    size_t head, count, cap;
    size_t size;       /* bytes queued */
} ByteQueue;

/* Drops every chunk; the queue stays usable. */
void byte_queue_clear(ByteQueue *q);
/* Drops every chunk and the chunk array. */
void byte_queue_free(ByteQueue *q);
/* True when every element of a list is a binary (what byte_queue_push_list
 * takes). */
bool byte_queue_list_ok(Term list);
/* Queues the binaries of a list checked by byte_queue_list_ok; false when
 * memory is exhausted (what was queued before stays). */
bool byte_queue_push_list(ByteQueue *q, Term list);
/* Drops n <= size bytes from the front. */
void byte_queue_skip(ByteQueue *q, size_t n);
static inline const ByteChunk *byte_queue_chunk(const ByteQueue *q, size_t i) { return &q->chunks[q->head + i]; }
static inline const uint8_t *byte_chunk_bytes(const ByteChunk *c) { return c->bin->data + c->off; }

#endif
