/* atom.c — the global atom table.
 * Entries are never freed or moved, so a reader may hold an entry pointer for
 * the program's life. The entry array is sized once for the limit (calloc
 * leaves untouched pages unmapped); the hash slots start small and double, as
 * slots sized for the limit would be hit at random and fault in every page. */
#include "atom/atom.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

#include "term/utf8.h"

typedef struct AtomEntry {
    uint32_t len;   /* bytes of UTF-8 text */
    uint32_t chars; /* code points */
    uint32_t hash;
    uint64_t prefix; /* the first 8 bytes, big-endian and zero-padded: orders most pairs */
    char text[];
} AtomEntry;

/* Open addressing, at most half full. Readers probe without the lock, so a
 * table replaced by a larger one stays valid (and reachable through older)
 * for a reader still in it; what it misses was inserted after it started. */
typedef struct SlotTable {
    struct SlotTable *older;
    uint32_t mask;
    _Atomic uint32_t slots[]; /* atom index + 1, 0 = empty */
} SlotTable;

#define INITIAL_SLOTS (1u << 14)

static _Atomic(AtomEntry *) *entries; /* by atom index */
static _Atomic(SlotTable *) table;
static uint32_t max_slots;
static _Atomic uint32_t count;
static uint32_t limit;
static pthread_mutex_t insert_lock = PTHREAD_MUTEX_INITIALIZER;

static const char *const predefined[] = {
#define X(id, text) text,
#include "atom/atoms.def"
#undef X
};

/* FNV-1a: short keys, good spread, no setup. */
static uint32_t hash_text(const char *s, size_t len)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) h = (h ^ (uint8_t)s[i]) * 16777619u;
    return h;
}

/* Returns the slot holding the atom, or the empty slot where it would go. */
/* Unsigned bytes compared as one big-endian word order as memcmp orders them. */
static uint64_t order_prefix(const char *name, size_t len)
{
    uint64_t p = 0;
    for (size_t i = 0; i < 8; i++) p = p << 8 | (i < len ? (uint8_t)name[i] : 0);
    return p;
}

static uint32_t probe(SlotTable *t, const char *name, size_t len, uint32_t hash, Term *found)
{
    for (uint32_t i = hash & t->mask;; i = (i + 1) & t->mask) {
        uint32_t v = atomic_load_explicit(&t->slots[i], memory_order_acquire);
        if (v == 0) return i;
        AtomEntry *e = atomic_load_explicit(&entries[v - 1], memory_order_acquire);
        if (e->hash == hash && e->len == len && memcmp(e->text, name, len) == 0) {
            *found = term_make_atom(v - 1);
            return i;
        }
    }
}

static SlotTable *table_new(uint32_t nslots, SlotTable *older)
{
    SlotTable *t = calloc(1, sizeof *t + (size_t)nslots * sizeof t->slots[0]);
    if (!t) return NULL;
    t->older = older;
    t->mask = nslots - 1;
    return t;
}

/* Under insert_lock: the table with room for one more atom, rehashed into a
 * table twice the size when the current one would pass half full. O(count). */
static SlotTable *table_with_room(void)
{
    SlotTable *t = atomic_load_explicit(&table, memory_order_relaxed);
    uint32_t n = atomic_load_explicit(&count, memory_order_relaxed);
    if ((n + 1) * 2ull <= (uint64_t)t->mask + 1 || t->mask + 1 >= max_slots) return t;
    SlotTable *bigger = table_new((t->mask + 1) * 2, t);
    if (!bigger) return t; /* keep filling the old one; it is never full below the limit */
    for (uint32_t k = 0; k < n; k++) {
        AtomEntry *e = atomic_load_explicit(&entries[k], memory_order_relaxed);
        uint32_t i = e->hash & bigger->mask;
        while (atomic_load_explicit(&bigger->slots[i], memory_order_relaxed)) i = (i + 1) & bigger->mask;
        atomic_store_explicit(&bigger->slots[i], k + 1, memory_order_relaxed);
    }
    atomic_store_explicit(&table, bigger, memory_order_release);
    return bigger;
}

void atom_table_init(uint32_t max_atoms)
{
    limit = max_atoms ? max_atoms : ATOM_DEFAULT_LIMIT;
    max_slots = 1;
    while (max_slots < limit * 2u) max_slots <<= 1;
    uint32_t nslots = max_slots < INITIAL_SLOTS ? max_slots : INITIAL_SLOTS;
    entries = calloc(limit, sizeof *entries);
    SlotTable *slots = table_new(nslots, NULL);
    atomic_store(&table, slots);
    if (!entries || !slots) {
        fprintf(stderr, "ember: cannot allocate the atom table\n");
        exit(1);
    }
    atomic_store(&count, 0);
    for (size_t i = 0; i < ATOM_PREDEFINED_COUNT; i++) {
        Term t;
        if (atom_intern(predefined[i], strlen(predefined[i]), &t) != ATOM_OK || term_atom_index(t) != i) {
            fprintf(stderr, "ember: duplicate predefined atom '%s'\n", predefined[i]);
            exit(1);
        }
    }
}

AtomResult atom_lookup(const char *name, size_t len, Term *out)
{
    Term found = TERM_NONE;
    probe(atomic_load_explicit(&table, memory_order_acquire), name, len, hash_text(name, len), &found);
    if (found == TERM_NONE) return ATOM_ERROR_NOT_FOUND;
    *out = found;
    return ATOM_OK;
}

AtomResult atom_intern(const char *name, size_t len, Term *out)
{
    size_t chars = utf8_count_chars((const uint8_t *)name, len);
    if (chars == UTF8_INVALID) return ATOM_ERROR_ENCODING;
    if (chars > ATOM_MAX_CHARS) return ATOM_ERROR_TOO_LONG;
    uint32_t hash = hash_text(name, len);
    Term found = TERM_NONE;
    probe(atomic_load_explicit(&table, memory_order_acquire), name, len, hash, &found);
    if (found != TERM_NONE) {
        *out = found;
        return ATOM_OK;
    }

    pthread_mutex_lock(&insert_lock);
    SlotTable *t = atomic_load_explicit(&table, memory_order_relaxed);
    probe(t, name, len, hash, &found); /* another thread may have won */
    AtomResult result = ATOM_OK;
    if (found != TERM_NONE) {
        *out = found;
    } else if (atomic_load(&count) >= limit) {
        result = ATOM_ERROR_LIMIT;
    } else {
        t = table_with_room();
        uint32_t slot = probe(t, name, len, hash, &found);
        AtomEntry *e = malloc(sizeof *e + len + 1);
        if (!e) {
            result = ATOM_ERROR_LIMIT;
        } else {
            e->len = (uint32_t)len;
            e->chars = (uint32_t)chars;
            e->hash = hash;
            e->prefix = order_prefix(name, len);
            memcpy(e->text, name, len);
            e->text[len] = '\0';
            uint32_t index = atomic_load(&count);
            atomic_store_explicit(&entries[index], e, memory_order_release);
            atomic_store_explicit(&t->slots[slot], index + 1, memory_order_release);
            atomic_store_explicit(&count, index + 1, memory_order_release);
            *out = term_make_atom(index);
        }
    }
    pthread_mutex_unlock(&insert_lock);
    return result;
}

/* Latin-1 text of at most ATOM_MAX_CHARS characters as UTF-8 in buf. */
static size_t latin1_to_utf8(const uint8_t *chars, size_t len, char buf[ATOM_MAX_CHARS * 2])
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++) n += utf8_encode(chars[i], (uint8_t *)buf + n);
    return n;
}

AtomResult atom_intern_latin1(const uint8_t *chars, size_t len, Term *out)
{
    if (len > ATOM_MAX_CHARS) return ATOM_ERROR_TOO_LONG;
    char buf[ATOM_MAX_CHARS * 2];
    return atom_intern(buf, latin1_to_utf8(chars, len, buf), out);
}

AtomResult atom_lookup_latin1(const uint8_t *chars, size_t len, Term *out)
{
    if (len > ATOM_MAX_CHARS) return ATOM_ERROR_TOO_LONG;
    char buf[ATOM_MAX_CHARS * 2];
    return atom_lookup(buf, latin1_to_utf8(chars, len, buf), out);
}


Term atom_from_cstr(const char *name)
{
    Term t;
    if (atom_intern(name, strlen(name), &t) != ATOM_OK) {
        fprintf(stderr, "ember: cannot create atom '%s'\n", name);
        abort();
    }
    return t;
}

static AtomEntry *entry_of(Term atom)
{
    return atomic_load_explicit(&entries[term_atom_index(atom)], memory_order_acquire);
}

const char *atom_text(Term atom, size_t *len)
{
    AtomEntry *e = entry_of(atom);
    *len = e->len;
    return e->text;
}

int atom_compare(Term a, Term b)
{
    if (a == b) return 0;
    const AtomEntry *x = entry_of(a), *y = entry_of(b);
    if (x->prefix != y->prefix) return x->prefix < y->prefix ? -1 : 1;
    int r = memcmp(x->text, y->text, x->len < y->len ? x->len : y->len);
    if (r) return r < 0 ? -1 : 1;
    return (x->len > y->len) - (x->len < y->len);
}

size_t atom_char_length(Term atom) { return entry_of(atom)->chars; }
uint32_t atom_count(void) { return atomic_load(&count); }
uint32_t atom_limit(void) { return limit; }
