/* ext_encode.h — encoding terms in Erlang's external term format, byte for
 * byte as OTP 25's term_to_binary/1 does (ext_term_to_binary in external.h
 * is built on this). */
#ifndef EMBER_EXT_ENCODE_H
#define EMBER_EXT_ENCODE_H

#include "term/external.h"
#include "term/strbuf.h"

typedef enum ExtEncodeStatus {
    EXT_ENCODE_OK = 0,
    EXT_ENCODE_UNSUPPORTED, /* closures and kinds without a defined layout yet */
} ExtEncodeStatus;

/* Appends the encoding of t to out, starting with the version byte 131.
 * Iterative along list tails and with a heap stack for nesting. */
ExtEncodeStatus ext_encode(Term t, StrBuf *out);

#endif
