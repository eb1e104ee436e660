/* atom.h — the global atom table: atom text <-> index, shared by all schedulers.
 * Readers never lock; creating an atom takes a mutex. The table is bounded
 * (atom_limit) and answers ATOM_ERROR_LIMIT when full, which callers turn into
 * system_limit. Predefined atoms come from atoms.def with fixed indices. */
#ifndef EMBER_ATOM_H
#define EMBER_ATOM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "term/term.h"

enum {
#define X(id, text) ATOM_INDEX_##id,
#include "atom/atoms.def"
#undef X
    ATOM_PREDEFINED_COUNT
};

#define X(id, text) static const Term ATOM_##id = ((Term)ATOM_INDEX_##id << 6) | TAG_IMMED2_ATOM;
#include "atom/atoms.def"
#undef X

/* OTP's limits: 255 characters per atom, 1,048,576 atoms by default. */
#define ATOM_MAX_CHARS 255
#define ATOM_DEFAULT_LIMIT (1u << 20)

typedef enum AtomResult {
    ATOM_OK = 0,
    ATOM_ERROR_LIMIT,    /* table full: system_limit */
    ATOM_ERROR_TOO_LONG, /* more than ATOM_MAX_CHARS characters: system_limit */
    ATOM_ERROR_ENCODING, /* not valid UTF-8: badarg */
    ATOM_ERROR_NOT_FOUND,
} AtomResult;

/* Sets up the table with the predefined atoms; limit 0 means the default.
 * Must run once before any other atom_ call. */
void atom_table_init(uint32_t limit);

/* Finds or creates the atom whose UTF-8 text is name[0..len). */
AtomResult atom_intern(const char *name, size_t len, Term *out);
/* Finds an existing atom only (list_to_existing_atom). */
AtomResult atom_lookup(const char *name, size_t len, Term *out);
/* Latin-1 text as in binary_to_atom(B, latin1): converted to UTF-8 first. */
AtomResult atom_intern_latin1(const uint8_t *chars, size_t len, Term *out);
AtomResult atom_lookup_latin1(const uint8_t *chars, size_t len, Term *out);

/* Convenience for C code with a known-good name; aborts if the table is full. */
Term atom_from_cstr(const char *name);

/* The UTF-8 text of an atom; not NUL-terminated. Valid for the program's life. */
const char *atom_text(Term atom, size_t *len);
/* <0, 0 or >0 as the atoms' texts order byte by byte (Erlang's atom order). */
int atom_compare(Term a, Term b);
/* Number of characters (code points) in the atom's name. */
size_t atom_char_length(Term atom);

uint32_t atom_count(void);
uint32_t atom_limit(void);

#endif
