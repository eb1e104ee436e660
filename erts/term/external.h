/* external.h — Erlang's external term format (term_to_binary/binary_to_term,
 * and the literals inside .beam files). Decoding is two passes, as the format
 * needs: ext_decoded_size validates the bytes and counts the heap words, then
 * ext_decode builds the term into memory of exactly that size, so the same code
 * serves a process heap and a module's literal area. */
#ifndef EMBER_EXTERNAL_H
#define EMBER_EXTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "term/term.h"

struct Process;

#define EXT_VERSION_MAGIC 131

typedef enum ExtStatus {
    EXT_OK = 0,
    EXT_BADARG,       /* malformed, truncated or unsupported input */
    EXT_SYSTEM_LIMIT, /* e.g. the atom table is full */
} ExtStatus;

/* Validates buf[0..len) as one encoded term that starts with the version byte
 * 131 (or, with skip_version, right after it), stores in *words the heap words
 * the term needs and in *used the bytes it spans. Zlib-compressed terms (tag
 * 80) are accepted. Creates any atoms the term names. Closures (NEW_FUN_EXT)
 * are refused here and in ext_decode, which serve the loader's literals:
 * only binary_to_term builds them. */
ExtStatus ext_decoded_size(const uint8_t *buf, size_t len, bool skip_version, size_t *words, size_t *used);

/* Builds the term validated by ext_decoded_size into mem (exactly *words words).
 * Returns TERM_NONE (treat as badarg) when a map holds duplicate keys, which
 * only building can reveal. */
Term ext_decode(const uint8_t *buf, size_t len, bool skip_version, Term *mem);

/* term_to_binary/1: returns a heap binary on p's heap holding the encoding,
 * byte-identical to OTP 25's, or TERM_NONE with error:{not_implemented,
 * term_to_binary} raised on p for terms that cannot be encoded yet. */
Term ext_term_to_binary(struct Process *p, Term t);

/* binary_to_term/1: decodes the bytes of a binary onto p's heap; raises badarg
 * on p (returns TERM_NONE) for malformed input. A closure gets its module's
 * fun entry, or one that waits for that version to be loaded (ext_fun.h). */
Term ext_binary_to_term(struct Process *p, const uint8_t *bytes, size_t len);
/* The same with binary_to_term/2's options: safe (badarg rather than create
 * an atom) and, when used is non-NULL, the count of bytes the term spans. */
Term ext_binary_to_term_opts(struct Process *p, const uint8_t *bytes, size_t len, bool safe, size_t *used);

#endif
