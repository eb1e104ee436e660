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
#include "term/binary.h"
#include "term/resource.h"

typedef struct Chunk {
    Binary *bin;
    size_t off, len;
} Chunk;

typedef struct PrimBuffer {
    pthread_mutex_t lock;
    Chunk *chunks; /* chunks[head .. head + count) */
    size_t head, count, cap;
    size_t size;   /* bytes queued */
    atomic_bool locked; /* try_lock/unlock, for its users */
} PrimBuffer;

static void drop_all(PrimBuffer *b)
{
    for (size_t i = 0; i < b->count; i++) binary_unref(b->chunks[b->head + i].bin);
    b->head = b->count = b->size = 0;
}

static void destroy_buffer(void *data)
{
    PrimBuffer *b = data;
    drop_all(b);
    free(b->chunks);
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
    size_t n = b->size;
    pthread_mutex_unlock(&b->lock);
    return term_make_small((SInt)n);
}

static bool push(PrimBuffer *b, Binary *bin, size_t off, size_t len)
{
    if (b->head + b->count == b->cap) {
        if (b->head > 0) { /* slide down before growing */
            memmove(b->chunks, b->chunks + b->head, b->count * sizeof *b->chunks);
            b->head = 0;
        } else {
            size_t cap = b->cap ? b->cap * 2 : 8;
            Chunk *grown = realloc(b->chunks, cap * sizeof *grown);
            if (!grown) return false;
            b->chunks = grown;
            b->cap = cap;
        }
    }
    b->chunks[b->head + b->count++] = (Chunk){bin, off, len};
    b->size += len;
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

Term bif_prim_buffer_write_2(Process *p, const Term *args)
{
    PrimBuffer *b = buffer_arg(args[0]);
    if (!b) return proc_badarg(p);
    Term l = args[1];
    for (; term_is_list(l); l = term_tail(l)) {
        const uint8_t *bytes;
        size_t len;
        if (bif_binary_bytes(term_head(l), &bytes, &len) != BIN_OK) return proc_badarg(p);
    }
    if (!term_is_nil(l)) return proc_badarg(p);
    pthread_mutex_lock(&b->lock);
    bool ok = true;
    for (l = args[1]; ok && term_is_list(l); l = term_tail(l)) {
        const uint8_t *bytes;
        size_t len, off = 0;
        bif_binary_bytes(term_head(l), &bytes, &len);
        if (len == 0) continue;
        Binary *bin = offheap_of(term_head(l), bytes, &off);
        if (bin) {
            binary_ref(bin);
        } else {
            bin = binary_try_alloc(len);
            if (bin) memcpy(bin->data, bytes, len);
        }
        ok = bin && push(b, bin, off, len);
        if (!ok && bin) binary_unref(bin);
    }
    pthread_mutex_unlock(&b->lock);
    return ok ? ATOM_ok : proc_raise(p, ATOM_error, ATOM_system_limit);
}

/* With the lock held: drops n <= size bytes from the front. */
static void skip_locked(PrimBuffer *b, size_t n)
{
    b->size -= n;
    while (n > 0) {
        Chunk *c = &b->chunks[b->head];
        size_t take = n < c->len ? n : c->len;
        c->off += take;
        c->len -= take;
        n -= take;
        if (c->len == 0) {
            binary_unref(c->bin);
            b->head++;
            b->count--;
        }
    }
    if (b->count == 0) b->head = 0;
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
    bool ok = n <= b->size;
    if (ok) skip_locked(b, n);
    pthread_mutex_unlock(&b->lock);
    return ok ? ATOM_ok : proc_badarg(p);
}

Term bif_prim_buffer_copying_read_2(Process *p, const Term *args)
{
    PrimBuffer *b = buffer_arg(args[0]);
    size_t n;
    if (!b || !size_arg(args[1], &n)) return proc_badarg(p);
    pthread_mutex_lock(&b->lock);
    if (n > b->size) {
        pthread_mutex_unlock(&b->lock);
        return proc_badarg(p);
    }
    uint8_t *out;
    Term bin = binary_new(p, n, &out);
    for (size_t i = 0, at = 0; at < n; i++) {
        const Chunk *c = &b->chunks[b->head + i];
        size_t take = n - at < c->len ? n - at : c->len;
        memcpy(out + at, c->bin->data + c->off, take);
        at += take;
    }
    skip_locked(b, n);
    pthread_mutex_unlock(&b->lock);
    return bin;
}

Term bif_prim_buffer_peek_head_1(Process *p, const Term *args)
{
    PrimBuffer *b = buffer_arg(args[0]);
    if (!b) return proc_badarg(p);
    pthread_mutex_lock(&b->lock);
    if (b->count == 0) {
        pthread_mutex_unlock(&b->lock);
        return proc_badarg(p);
    }
    Chunk c = b->chunks[b->head];
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
    for (size_t i = 0; i < b->count && !found; i++) {
        const Chunk *c = &b->chunks[b->head + i];
        const uint8_t *hit = memchr(c->bin->data + c->off, needle, c->len);
        if (hit) {
            at += (size_t)(hit - (c->bin->data + c->off));
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
