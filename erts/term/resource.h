/* resource.h — reference numbers, and native objects behind references.
 * A resource is a reference-counted block of native state (an open file, a
 * zlib stream, an atomics array) that Erlang code holds through a "magic"
 * reference: a reference term that also points at the block. Copies of the
 * term (messages, ETS) share the block; it is destroyed when the last term
 * referring to it is collected and the native side let go of it too.
 *
 * Layout of a magic reference (words after the header, all raw):
 *   [numbers 0 and 1][number 2][Resource *][next object in the owner's off-heap list]
 * A plain reference has only the first two words (term/boxed.h). Both compare,
 * hash, print and encode by their numbers alone, as OTP's do. */
#ifndef EMBER_RESOURCE_H
#define EMBER_RESOURCE_H

#include <stdalign.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "proc/process.h"
#include "term/term.h"

/* A fresh number for a new reference; unique for the life of the runtime. */
uint64_t ref_next_number(void);
/* A new plain reference on p's heap (REF_WORDS words). Never collects. */
Term ref_make(Process *p);

typedef struct ResourceType {
    const char *name;
    /* Called once, on whichever thread drops the last reference; may be NULL. */
    void (*destroy)(void *data);
} ResourceType;

typedef struct Resource {
    atomic_size_t refc;
    const ResourceType *type;
    uint64_t number; /* the reference number every term for it carries */
    size_t size;
    alignas(max_align_t) unsigned char data[];
} Resource;

#define MAGIC_REF_WORDS 5

/* A new resource of `size` zeroed bytes, held once by the caller (release it
 * with resource_release when the native side is done with it). NULL when
 * memory is exhausted. */
void *resource_alloc(const ResourceType *type, size_t size);
void resource_keep(void *data);
void resource_release(void *data);
static inline Resource *resource_of(void *data) { return (Resource *)((char *)data - offsetof(Resource, data)); }

/* A magic reference to the resource on p's heap; it holds the resource once
 * more, until the collector finds it dead. Never collects. */
Term resource_make_term(Process *p, void *data);
/* The resource a term refers to when it is a magic reference of that type
 * (type NULL: any type); NULL otherwise. */
void *resource_from_term(Term t, const ResourceType *type);

static inline bool term_is_magic_ref(Term t)
{
    return term_is_boxed_tag(t, HDR_REF) && header_arity(term_boxed_header(t)) == MAGIC_REF_WORDS - 1;
}
static inline Resource *magic_ref_resource(const Term *obj) { return (Resource *)(uintptr_t)obj[3]; }
static inline Term **magic_ref_next(Term *obj) { return (Term **)(obj + 4); }

#endif
