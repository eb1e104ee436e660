/* erlang_binary.c — BIFs that make or read binaries as a whole: sizes, atoms
 * and lists to and from binaries, and iolist flattening. Costs: one
 * reduction, linear in the bytes handled. */
#include "bif/bif.h"

#include <stdio.h>
#include <stdlib.h>

#include "atom/atom.h"
#include "bif/bif_reds.h"
#include "bif/bif_util.h"
#include "term/binary.h"

Term bif_erlang_byte_size_1(Process *p, const Term *args)
{
    BinView v;
    if (!binary_view(args[0], &v)) return proc_badarg(p);
    return term_make_small((SInt)((v.bit_size + 7) / 8));
}

Term bif_erlang_bit_size_1(Process *p, const Term *args)
{
    BinView v;
    if (!binary_view(args[0], &v)) return proc_badarg(p);
    return term_make_small((SInt)v.bit_size);
}

Term bif_erlang_binary_to_list_1(Process *p, const Term *args)
{
    const uint8_t *bytes;
    size_t len;
    BinStatus st = bif_binary_bytes(args[0], &bytes, &len);
    if (st == BIN_OK) bif_charge_cells(p, len); /* one reduction per 16 bytes */
    return st == BIN_OK ? bif_bytes_to_list(p, bytes, len, TERM_NIL) : bif_binary_error(p, st);
}

/* ---- atoms <-> binaries ------------------------------------------------ */

typedef enum Encoding { ENC_LATIN1, ENC_UTF8, ENC_BAD } Encoding;

static Encoding encoding_arg(Term t)
{
    if (t == ATOM_latin1) return ENC_LATIN1;
    if (t == ATOM_utf8 || t == ATOM_unicode) return ENC_UTF8;
    return ENC_BAD;
}

static Term atom_to_binary(Process *p, Term atom, Encoding enc)
{
    if (!term_is_atom(atom) || enc == ENC_BAD) return proc_badarg(p);
    size_t len;
    const uint8_t *text = (const uint8_t *)atom_text(atom, &len);
    if (enc == ENC_UTF8) return bif_make_binary(p, text, len);
    /* latin1: every character must be below 256; two-byte UTF-8 sequences
     * starting 0xC2/0xC3 are exactly those above 127. */
    uint8_t buf[ATOM_MAX_CHARS];
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        if (text[i] < 0x80) {
            buf[n++] = text[i];
        } else if ((text[i] == 0xC2 || text[i] == 0xC3) && i + 1 < len) {
            buf[n++] = (uint8_t)(((text[i] & 0x03) << 6) | (text[i + 1] & 0x3F));
            i++;
        } else {
            return proc_badarg(p);
        }
    }
    return bif_make_binary(p, buf, n);
}

Term bif_erlang_atom_to_binary_1(Process *p, const Term *args) { return atom_to_binary(p, args[0], ENC_UTF8); }
Term bif_erlang_atom_to_binary_2(Process *p, const Term *args)
{
    return atom_to_binary(p, args[0], encoding_arg(args[1]));
}

static Term binary_to_atom(Process *p, Term bin, Encoding enc, bool existing)
{
    if (enc == ENC_BAD) return proc_badarg(p);
    const uint8_t *bytes;
    size_t len;
    BinStatus st = bif_binary_bytes(bin, &bytes, &len);
    if (st != BIN_OK) return bif_binary_error(p, st);
    Term atom = TERM_NONE;
    AtomResult r;
    if (enc == ENC_LATIN1) {
        if (len > ATOM_MAX_CHARS) return existing ? proc_badarg(p) : proc_error(p, ATOM_system_limit);
        /* Latin-1 text becomes UTF-8 of at most twice the length. */
        uint8_t utf8[2 * ATOM_MAX_CHARS];
        size_t n = 0;
        for (size_t i = 0; i < len; i++) {
            if (bytes[i] < 0x80) {
                utf8[n++] = bytes[i];
            } else {
                utf8[n++] = (uint8_t)(0xC0 | (bytes[i] >> 6));
                utf8[n++] = (uint8_t)(0x80 | (bytes[i] & 0x3F));
            }
        }
        r = existing ? atom_lookup((const char *)utf8, n, &atom) : atom_intern((const char *)utf8, n, &atom);
    } else {
        r = existing ? atom_lookup((const char *)bytes, len, &atom) : atom_intern((const char *)bytes, len, &atom);
    }
    if (r == ATOM_OK) return atom;
    if (!existing && (r == ATOM_ERROR_LIMIT || r == ATOM_ERROR_TOO_LONG)) return proc_error(p, ATOM_system_limit);
    return proc_badarg(p);
}

Term bif_erlang_binary_to_atom_1(Process *p, const Term *args) { return binary_to_atom(p, args[0], ENC_UTF8, false); }
Term bif_erlang_binary_to_atom_2(Process *p, const Term *args)
{
    return binary_to_atom(p, args[0], encoding_arg(args[1]), false);
}
Term bif_erlang_binary_to_existing_atom_1(Process *p, const Term *args)
{
    return binary_to_atom(p, args[0], ENC_UTF8, true);
}
Term bif_erlang_binary_to_existing_atom_2(Process *p, const Term *args)
{
    return binary_to_atom(p, args[0], encoding_arg(args[1]), true);
}

/* ---- iolists ------------------------------------------------------------ */

static Term iolist_to_binary(Process *p, Term t)
{
    size_t size;
    BinStatus st = bif_iodata_size(t, &size);
    if (st != BIN_OK) return bif_binary_error(p, st);
    bif_charge_cells(p, size); /* one reduction per 16 bytes */
    uint8_t *data;
    Term bin = binary_new(p, size, &data);
    bif_iodata_copy(t, data);
    return bin;
}

Term bif_erlang_list_to_binary_1(Process *p, const Term *args)
{
    if (!term_is_list(args[0]) && !term_is_nil(args[0])) return proc_badarg(p);
    return iolist_to_binary(p, args[0]);
}

Term bif_erlang_iolist_to_binary_1(Process *p, const Term *args)
{
    if (term_is_bitstring(args[0])) {
        const uint8_t *bytes;
        size_t len;
        BinStatus st = bif_binary_bytes(args[0], &bytes, &len);
        return st == BIN_OK ? args[0] : bif_binary_error(p, st);
    }
    if (!term_is_list(args[0]) && !term_is_nil(args[0])) return proc_badarg(p);
    return iolist_to_binary(p, args[0]);
}

Term bif_erlang_iolist_size_1(Process *p, const Term *args)
{
    size_t size;
    if (!term_is_list(args[0]) && !term_is_nil(args[0]) && !term_is_bitstring(args[0])) return proc_badarg(p);
    BinStatus st = bif_iodata_size(args[0], &size);
    return st == BIN_OK ? term_make_small((SInt)size) : bif_binary_error(p, st);
}
