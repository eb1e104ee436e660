/* prim_buffer.c — the prim_buffer NIFs (OTP 25's read-ahead buffer of
 * prim_file and file_io_server): a queue of byte chunks behind a resource.
 * Off-heap binaries written to it are queued by reference, small ones are
 * copied; peek_head hands out the first chunk without copying. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "bif/bif.h"
#include "bif/bif_util.h"
#include "io/byte_queue.h"
#include "term/binary.h"
#include "term/resource.h"

typedef struct PrimBuffer {
    pthread_mutex_t lock;
    ByteQueue queue;
    atomic_bool locked; /* try_lock/unlock, for its users */
} PrimBuffer;

static void destroy_buffer(void *data)
{
    PrimBuffer *b = data;
    byte_queue_free(&b->queue);
    pthread_mutex_destroy(&b->lock);
}
static const ResourceType buffer_type = {"prim_buffer", destroy_buffer};

static PrimBuffer *buffer_arg(Term t) { return resource_from_term(t, &buffer_type); }

Term bif_prim_buffer_new_0(Process *p, const Term *args)
{
    (void)args;
    PrimBuffer *b = resource_alloc(&buffer_type, sizeof *b);
    if (!b) return proc_raise(p, ATOM_error, ATOM_system_limit);
    pthread_mutex_init(&b->lock, NULL);
    Term t = resource_make_term(p, b);
    resource_release(b);
    return t;
}

Term bif_prim_buffer_size_1(Process *p, const Term *args)
{
    PrimBuffer *b = buffer_arg(args[0]);
    if (!b) return proc_badarg(p);
    pthread_mutex_lock(&b->lock);
    size_t n = b->queue.size;
    pthread_mutex_unlock(&b->lock);
    return term_make_small((SInt)n);
}

Term bif_prim_buffer_write_2(Process *p, const Term *args)
{
    PrimBuffer *b = buffer_arg(args[0]);
    if (!b || !byte_queue_list_ok(args[1])) return proc_badarg(p);
    pthread_mutex_lock(&b->lock);
    bool ok = byte_queue_push_list(&b->queue, args[1]);
    pthread_mutex_unlock(&b->lock);
    return ok ? ATOM_ok : proc_raise(p, ATOM_error, ATOM_system_limit);
}

static bool size_arg(Term t, size_t *n)
{
    if (!term_is_small(t) || term_small_value(t) < 0) return false;
    *n = (size_t)term_small_value(t);
    return true;
}

Term bif_prim_buffer_skip_2(Process *p, const Term *args)
{
    PrimBuffer *b = buffer_arg(args[0]);
    size_t n;
    if (!b || !size_arg(args[1], &n)) return proc_badarg(p);
    pthread_mutex_lock(&b->lock);
    bool ok = n <= b->queue.size;
    if (ok) byte_queue_skip(&b->queue, n);
    pthread_mutex_unlock(&b->lock);
    return ok ? ATOM_ok : proc_badarg(p);
}

Term bif_prim_buffer_copying_read_2(Process *p, const Term *args)
{
    PrimBuffer *b = buffer_arg(args[0]);
    size_t n;
    if (!b || !size_arg(args[1], &n)) return proc_badarg(p);
    pthread_mutex_lock(&b->lock);
    if (n > b->queue.size) {
        pthread_mutex_unlock(&b->lock);
        return proc_badarg(p);
    }
    uint8_t *out;
    Term bin = binary_new(p, n, &out);
    for (size_t i = 0, at = 0; at < n; i++) {
        const ByteChunk *c = byte_queue_chunk(&b->queue, i);
        size_t take = n - at < c->len ? n - at : c->len;
        memcpy(out + at, byte_chunk_bytes(c), take);
        at += take;
    }
    byte_queue_skip(&b->queue, n);
    pthread_mutex_unlock(&b->lock);
    return bin;
}

Term bif_prim_buffer_peek_head_1(Process *p, const Term *args)
{
    PrimBuffer *b = buffer_arg(args[0]);
    if (!b) return proc_badarg(p);
    pthread_mutex_lock(&b->lock);
    if (b->queue.count == 0) {
        pthread_mutex_unlock(&b->lock);
        return proc_badarg(p);
    }
    ByteChunk c = *byte_queue_chunk(&b->queue, 0);
    Term head;
    if (c.len <= BINARY_HEAP_LIMIT) {
        head = binary_from_bytes(p, c.bin->data + c.off, c.len);
    } else {
        binary_ref(c.bin);
        Term whole = binary_adopt(p, c.bin, c.bin->capacity, 0);
        head = binary_slice(p, whole, c.off * 8, c.len * 8);
    }
    pthread_mutex_unlock(&b->lock);
    return head;
}

Term bif_prim_buffer_find_byte_index_2(Process *p, const Term *args)
{
    PrimBuffer *b = buffer_arg(args[0]);
    if (!b || !term_is_small(args[1]) || term_small_value(args[1]) < 0 || term_small_value(args[1]) > 255)
        return proc_badarg(p);
    int needle = (int)term_small_value(args[1]);
    pthread_mutex_lock(&b->lock);
    size_t at = 0;
    bool found = false;
    for (size_t i = 0; i < b->queue.count && !found; i++) {
        const ByteChunk *c = byte_queue_chunk(&b->queue, i);
        const uint8_t *hit = memchr(byte_chunk_bytes(c), needle, c->len);
        if (hit) {
            at += (size_t)(hit - byte_chunk_bytes(c));
            found = true;
        } else {
            at += c->len;
        }
    }
    pthread_mutex_unlock(&b->lock);
    return found ? bif_tuple2(p, ATOM_ok, term_make_small((SInt)at)) : atom_from_cstr("not_found");
}

Term bif_prim_buffer_try_lock_1(Process *p, const Term *args)
{
    PrimBuffer *b = buffer_arg(args[0]);
    if (!b) return proc_badarg(p);
    bool was = atomic_exchange(&b->locked, true);
    return atom_from_cstr(was ? "busy" : "acquired");
}

Term bif_prim_buffer_unlock_1(Process *p, const Term *args)
{
    PrimBuffer *b = buffer_arg(args[0]);
    if (!b) return proc_badarg(p);
    if (!atomic_exchange(&b->locked, false)) return proc_badarg(p);
    return ATOM_ok;
}
