/* bits_legacy.h — the bit-syntax instructions that predate bs_create_bin and
 * bs_start_match3: a binary is started by bs_init2 / bs_init_bits / bs_append /
 * bs_private_append and filled by the bs_put_* instructions that follow, and
 * matches of compilers before OTP 22 keep positions in bs_save2 slots. OTP 25's
 * compiler still emits the construction half under no_bs_create_bin. */
#ifndef EMBER_BITS_LEGACY_H
#define EMBER_BITS_LEGACY_H

#include <stdbool.h>

#include "emu/bits_build.h"
#include "load/code.h"
#include "proc/process.h"

/* bs_init2 (unit 8: size in bytes) and bs_init_bits (unit 1: size in bits):
 * a new bitstring to fill, with `extra` more heap words free afterwards.
 * TERM_NONE with badarg or system_limit raised on a bad size. May collect;
 * x[0 .. live) are live. */
Term bits_legacy_init(Process *p, Term *x, Term size, UInt unit, UInt extra, unsigned live);

/* bs_append (live >= 0; may collect) and bs_private_append (live < 0; never
 * collects): bitstring `bin_op` (an operand, read again after a collection)
 * followed by room for `size` bits that the next bs_put_* fill. The bit size
 * of the binary must be a multiple of unit. */
Term bits_legacy_append(Process *p, Term *x, CodeWord bin_op, Term size, UInt unit, UInt extra, int live);

/* bs_put_integer / _binary / _float / _utf8 / _utf16 / _utf32: writes one
 * segment where the binary being built has got to. False with badarg raised
 * when the value does not fit the segment (or nothing is being built). */
bool bits_legacy_put(Process *p, BsSegType type, Term size, UInt unit, UInt flags, Term value);
/* bs_put_string: the nbytes bytes of literal binary str. */
bool bits_legacy_put_string(Process *p, Term str, UInt nbytes);

/* bs_add: a + b * unit, for sizes in bits; badarg or system_limit raised. */
Term bits_legacy_add(Process *p, Term a, Term b, UInt unit);
/* bs_utf8_size / bs_utf16_size: bytes the code point takes (BS_UTF8 or
 * BS_UTF16); an invalid one is caught later by the bs_put_ that writes it. */
Term bits_legacy_utf_size(Term c, BsSegType type);

/* bs_start_match2: a match context with `slots` save slots over the
 * bitstring in operand src_op. A context given back in is reused (made larger
 * when it has too few slots) and its start moves to where it is. TERM_NONE for
 * anything else. May collect; x[0 .. live) are live. */
Term bits_legacy_start_match(Process *p, Term *x, CodeWord src_op, UInt slots, unsigned live);
/* The position slot of bs_save2 / bs_restore2 (0: the start), or NULL when
 * ctx is not a context with that slot. */
UInt *bits_legacy_slot(Term ctx, UInt index);
/* bs_context_to_binary: turns the match context in *reg, in place, into the
 * bitstring from its start to its end, as OTP does; anything else is left. */
void bits_legacy_context_to_binary(Process *p, Term *reg);

#endif
