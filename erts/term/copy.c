/* copy.c — term_size walks the term with an explicit stack; term_copy is a
 * Cheney-style scan: it copies the root object, then scans the words it has
 * written and copies each object they still point to, so it needs no stack at
 * all and writes exactly term_size(t) words. */
#include "term/copy.h"

#include <stdlib.h>
#include <string.h>

#include "gc/offheap.h"
#include "term/binary.h"
#include "term/resource.h"

static bool is_pointer(Term t) { return term_is_list(t) || term_is_boxed(t); }

typedef struct {
    Term *items;
    size_t len, cap;
} TermStack;

static void push(TermStack *st, Term t)
{
    if (st->len == st->cap) {
        st->cap = st->cap ? st->cap * 2 : 64;
        st->items = realloc(st->items, st->cap * sizeof *st->items);
        if (!st->items) abort();
    }
    st->items[st->len++] = t;
}

size_t term_size(Term t)
{
    size_t words = 0;
    TermStack st = {0};
    for (;;) {
        while (is_pointer(t)) {
            if (term_is_list(t)) {
                words += 2;
                if (is_pointer(term_head(t))) push(&st, term_head(t));
                t = term_tail(t);
                continue;
            }
            Term *obj = term_boxed_ptr(t);
            UInt arity = header_arity(obj[0]);
            words += 1 + arity;
            for (UInt i = header_raw_words(obj[0]) + 1; i <= arity; i++)
                if (is_pointer(obj[i])) push(&st, obj[i]);
            break;
        }
        if (st.len == 0) break;
        t = st.items[--st.len];
    }
    free(st.items);
    return words;
}

/* A copied off-heap binary or magic reference is one more reference, owned
 * by oh; a copied writable sub-binary may no longer grow its binary in place. */
static void adopt_offheap(Term *obj, OffHeap *oh)
{
    HeaderTag tag = header_tag(obj[0]);
    if (tag == HDR_SUB_BIN) obj[3] = 0;
    size_t bytes;
    if (tag == HDR_REFC_BIN) {
        Binary *b = (Binary *)(uintptr_t)obj[2];
        binary_ref(b);
        obj[4] &= ~(UInt)PB_ACTIVE_WRITER;
        bytes = b->capacity;
    } else if (tag == HDR_REF && header_arity(obj[0]) == MAGIC_REF_WORDS - 1) {
        Resource *r = magic_ref_resource(obj);
        resource_keep(r->data);
        bytes = r->size;
    } else {
        return;
    }
    if (oh) {
        offheap_link(oh, obj);
        oh->new_bytes += bytes;
    }
}

/* Copies the object t points to (one level) to *hp; returns the new pointer. */
static Term copy_object(Term t, Term **hp, OffHeap *oh)
{
    Term *dst = *hp;
    if (term_is_list(t)) {
        const Term *cell = term_list_ptr(t);
        dst[0] = cell[0];
        dst[1] = cell[1];
        *hp += 2;
        return term_make_list(dst);
    }
    const Term *obj = term_boxed_ptr(t);
    size_t words = 1 + header_arity(obj[0]);
    memcpy(dst, obj, words * sizeof(Term));
    *hp += words;
    adopt_offheap(dst, oh);
    return term_make_boxed(dst);
}

Term term_copy(Term t, Term **hp) { return term_copy_offheap(t, hp, NULL); }

Term term_copy_offheap(Term t, Term **hp, OffHeap *oh)
{
    if (!is_pointer(t)) return t;
    Term *scan = *hp;
    Term result = copy_object(t, hp, oh);
    while (scan < *hp) {
        Term w = *scan;
        if (term_is_header(w)) {
            /* skip the raw words of a copied object; its term words follow */
            scan += 1 + header_raw_words(w);
            continue;
        }
        if (is_pointer(w)) *scan = copy_object(w, hp, oh);
        scan++;
    }
    return result;
}

TermBox *term_box_new(Term t)
{
    size_t words = term_size(t);
    TermBox *b = malloc(sizeof *b + words * sizeof(Term));
    if (!b) abort();
    Term *hp = b->mem;
    b->term = term_copy(t, &hp);
    return b;
}
