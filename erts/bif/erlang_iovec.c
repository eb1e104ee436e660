/* erlang_iovec.c — erlang:iolist_to_iovec/1: iodata as a list of binaries,
 * where small pieces are merged into fresh binaries and big binaries are
 * passed on as they are (not copied), as OTP does. */
#include <stdlib.h>
#include <string.h>

#include "bif/bif.h"
#include "bif/bif_reds.h"
#include "bif/bif_util.h"
#include "term/binary.h"

/* Binaries from this size on stay elements of their own (OTP's limit). */
#define SMALL_IO_BIN_LIMIT (4 * BINARY_HEAP_LIMIT)

typedef struct Iovec {
    Process *p;
    Term head, *tail;   /* the result so far */
    uint8_t *run;       /* small pieces waiting to be merged */
    size_t len, cap;
    size_t total;
} Iovec;

static void append(Iovec *v, Term bin)
{
    Term *cell = proc_alloc(v->p, 2);
    *v->tail = term_cons(cell, bin, TERM_NIL);
    v->tail = &cell[1];
}

static void flush(Iovec *v)
{
    if (v->len == 0) return;
    append(v, binary_from_bytes(v->p, v->run, v->len));
    v->len = 0;
}

static void add_bytes(Iovec *v, const uint8_t *bytes, size_t len)
{
    if (len == 0) return; /* an empty piece may come with no buffer at all */
    if (v->len + len > v->cap) {
        size_t cap = v->cap ? v->cap : 256;
        while (cap < v->len + len) cap *= 2;
        uint8_t *grown = realloc(v->run, cap);
        if (!grown) abort();
        v->run = grown;
        v->cap = cap;
    }
    memcpy(v->run + v->len, bytes, len);
    v->len += len;
}

/* One binary element of the iodata. A big binary after some small pieces
 * tops the merged run up to the limit when the two would make two limits or
 * more (the rest goes on as a sub-binary), else it is merged whole (OTP's
 * rules, observed). */
static bool add_binary(Iovec *v, Term bin)
{
    const uint8_t *bytes;
    size_t len;
    if (bif_binary_bytes(bin, &bytes, &len) != BIN_OK) return false;
    v->total += len;
    if (len < SMALL_IO_BIN_LIMIT) {
        add_bytes(v, bytes, len);
    } else if (v->len == 0 || v->len >= SMALL_IO_BIN_LIMIT) {
        flush(v);
        append(v, bin);
    } else if (v->len + len < 2 * SMALL_IO_BIN_LIMIT) {
        add_bytes(v, bytes, len);
    } else {
        size_t fill = SMALL_IO_BIN_LIMIT - v->len;
        add_bytes(v, bytes, fill);
        flush(v);
        append(v, binary_slice(v->p, bin, fill * 8, (len - fill) * 8));
    }
    return true;
}

/* Walks the iodata without recursion (a stack of pending tails). */
static bool walk(Iovec *v, Term t)
{
    Term *stack = NULL;
    size_t depth = 0, cap = 0;
    bool ok = true;
    for (;;) {
        if (term_is_list(t)) {
            Term h = term_head(t);
            t = term_tail(t);
            if (term_is_small(h) && term_small_value(h) >= 0 && term_small_value(h) <= 255) {
                uint8_t b = (uint8_t)term_small_value(h);
                add_bytes(v, &b, 1);
                v->total++;
            } else if (term_is_list(h) || term_is_nil(h)) {
                if (depth == cap) {
                    cap = cap ? 2 * cap : 64;
                    Term *grown = realloc(stack, cap * sizeof *stack);
                    if (!grown) abort();
                    stack = grown;
                }
                stack[depth++] = t;
                t = h;
            } else if (!add_binary(v, h)) {
                ok = false;
                break;
            }
            continue;
        }
        if (!term_is_nil(t) && !add_binary(v, t)) {
            ok = false;
            break;
        }
        if (depth == 0) break;
        t = stack[--depth];
    }
    free(stack);
    return ok;
}

Term bif_erlang_iolist_to_iovec_1(Process *p, const Term *args)
{
    Term t = args[0];
    if (!term_is_list(t) && !term_is_nil(t) && !term_is_bitstring(t)) return proc_badarg(p);
    Iovec v = {.p = p, .head = TERM_NIL};
    v.tail = &v.head;
    bool ok = walk(&v, t);
    if (ok) flush(&v);
    free(v.run);
    if (!ok) return proc_badarg(p);
    bif_charge_bytes(p, v.total);
    return v.head;
}
