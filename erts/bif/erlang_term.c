/* erlang_term.c — BIFs over whole terms, backed by the term services:
 * display/1 (term/display.h), phash2/1,2 (term/phash.h), term_to_binary/1
 * and binary_to_term/1 (term/external.h). Costs: one reduction, linear in
 * the size of the term. */
#include "bif/bif.h"

#include <stdio.h>

#include "atom/atom.h"
#include "bif/bif_reds.h"
#include "bif/bif_util.h"
#include "term/binary.h"
#include "term/display.h"
#include "term/external.h"
#include "term/phash.h"
#include "term/strbuf.h"

/* The text and its line end go out in one write, so lines from several
 * schedulers never interleave. OTP ends the line with "\r\n" whatever
 * stdout is, and output must match it byte for byte. */
Term bif_erlang_display_1(Process *p, const Term *args)
{
    StrBuf b;
    strbuf_init(&b);
    term_display(args[0], &b);
    strbuf_append_cstr(&b, "\r\n");
    fwrite(b.data, 1, b.len, stdout);
    fflush(stdout);
    strbuf_free(&b);
    return ATOM_true;
}

Term bif_erlang_phash2_1(Process *p, const Term *args) { return term_make_small(term_phash2(args[0])); }

/* phash2(Term, Range) with Range in 1..2^32. */
Term bif_erlang_phash2_2(Process *p, const Term *args)
{
    Term r = args[1];
    uint64_t range;
    if (term_is_small(r) && term_small_value(r) >= 1 && term_small_value(r) <= (SInt)1 << 32)
        range = (uint64_t)term_small_value(r);
    else
        return proc_badarg(p);
    return term_make_small(term_phash2_range(args[0], range));
}

/* Cost: one reduction per 256 bytes of the encoding. */
Term bif_erlang_term_to_binary_1(Process *p, const Term *args)
{
    Term bin = ext_term_to_binary(p, args[0]);
    if (bin != TERM_NONE) bif_charge_bytes(p, binary_bit_size(bin) / 8);
    return bin;
}

Term bif_erlang_binary_to_term_1(Process *p, const Term *args)
{
    const uint8_t *bytes;
    size_t len;
    BinStatus st = bif_binary_bytes(args[0], &bytes, &len);
    if (st != BIN_OK) return bif_binary_error(p, st);
    bif_charge_bytes(p, len); /* one reduction per 256 bytes */
    return ext_binary_to_term(p, bytes, len);
}
