/* bif_util.h — small helpers shared by the BIF files: list walking, building
 * strings and tuples on a process heap, reading heap binaries, and the
 * not_implemented error that marks what Ember cannot do yet. */
#ifndef EMBER_BIF_UTIL_H
#define EMBER_BIF_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "proc/process.h"
#include "term/term.h"

/* error:{not_implemented, What} with What an atom made from the C string. */
Term bif_not_implemented(Process *p, const char *what);
/* error:badarg with the error info OTP gives a bad option (cause badopt, module
 * erl_erts_errors), as for an unknown packet type or a flag that cannot change. */
Term bif_badopt(Process *p);
/* error:{not_implemented, bignum}: an integer result or operand beyond small. */
Term bif_bignum(Process *p);

/* Where system errors would go (system_flag(system_logger, _)): logger by
 * default, a pid, or undefined. */
Term system_flag_logger(void);
/* system_info(outstanding_system_requests_limit), as system_flag/2 set it. */
Term system_flag_requests_limit(void);
/* system_info(scheduler_bind_type): the type last set, unbound at first. */
Term system_flag_bind_type(void);
/* system_info(min_bin_vheap_size) and (trace_control_word), as system_flag/2 set them. */
SInt system_flag_min_bin_vheap(void);
SInt system_flag_trace_control_word(void);

/* Length of a proper list; false for an improper list or a non-list. */
bool bif_list_length(Term list, size_t *len);

/* A fresh tuple of n elements (uninitialised); returns its element array in *elems. */
Term bif_alloc_tuple(Process *p, size_t n, Term **elems);
Term bif_tuple2(Process *p, Term a, Term b);
Term bif_tuple3(Process *p, Term a, Term b, Term c);

/* A list of the bytes s[0..len) as integers 0..255. */
Term bif_bytes_to_list(Process *p, const uint8_t *s, size_t len, Term tail);
/* A list of the code points of UTF-8 text that is known to be valid. */
Term bif_utf8_to_list(Process *p, const uint8_t *s, size_t len);
/* Builds a list from an array of terms, ending in tail. */
Term bif_array_to_list(Process *p, const Term *items, size_t n, Term tail);

typedef enum BinStatus {
    BIN_OK,
    BIN_NOT_BINARY,    /* not a bitstring at all: badarg */
    BIN_UNSUPPORTED,   /* a binary kind Ember cannot read yet: not_implemented */
} BinStatus;
/* The bytes of a binary. Only heap binaries exist so far. */
BinStatus bif_binary_bytes(Term t, const uint8_t **bytes, size_t *len);
/* Raises the error that goes with a BinStatus other than BIN_OK. */
Term bif_binary_error(Process *p, BinStatus status);
Term bif_make_binary(Process *p, const void *bytes, size_t len);
/* Hands each run of bytes of iodata (bytes, binaries, nested lists; a
 * binary may end a list) to piece, in order; empty pieces are skipped. A
 * status other than BIN_OK when t is not iodata (some pieces may have been
 * handed on before the bad element was found). */
typedef void (*IodataPiece)(void *ctx, const uint8_t *bytes, size_t len);
BinStatus bif_iodata_each(Term t, IodataPiece piece, void *ctx);
/* The byte count of iodata (a status as bif_iodata_each's), and a copy of
 * iodata it accepted into dst. */
BinStatus bif_iodata_size(Term t, size_t *size);
void bif_iodata_copy(Term t, uint8_t *dst);
/* The bytes of iodata copied into a new malloc'd buffer; false when t is not
 * iodata. */
bool bif_iolist_copy(Term t, uint8_t **bytes, size_t *len);

/* A latin-1 string (list of 0..255 integers) copied into buf as bytes.
 * Returns false for anything else, or when it does not fit in cap bytes; in
 * that case *too_long (if non-NULL) is set and buf holds the first cap bytes
 * of what is a valid string. */
bool bif_latin1_string(Term list, char *buf, size_t cap, size_t *len, bool *too_long);

/* The version system_info(version) reports (the booted OTP's erts). */
void bif_set_erts_version(const char *vsn);

/* Ends the runtime with an exit status; flush says whether buffered standard
 * output is written first. */
_Noreturn void bif_stop_runtime(int status, bool flush);
/* Prints a halt slogan (a latin-1 string) to standard error and ends the
 * runtime with status 1; returns false, without stopping, if slogan is not a
 * string. */
bool bif_halt_with_slogan(Term slogan);

#endif
