/* phash.h — erlang:phash2/1,2: OTP's portable hash, bit-for-bit, so that
 * hash values (and everything built on them) match between Ember and OTP. */
#ifndef EMBER_PHASH_H
#define EMBER_PHASH_H

#include <stdint.h>

#include "term/term.h"

/* The full 32-bit hash OTP computes for phash2 (its make_hash2). */
uint32_t term_make_hash2(Term t);

/* erlang:phash2/1: the hash reduced to 0..2^27-1. */
uint32_t term_phash2(Term t);

/* erlang:phash2/2: range must be 1..2^32 (the BIF checks it); the result is in
 * 0..range-1. */
uint32_t term_phash2_range(Term t, uint64_t range);

/* The 32-bit hash of the deprecated erlang:phash/2 (OTP's make_hash;
 * term/phash_legacy.c). */
uint32_t term_make_hash(Term t);

/* OTP's hash of an atom's name (hashpjw over its text), used by phash2. */
uint32_t term_atom_hash(Term atom);

#endif
