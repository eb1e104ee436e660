/* erlang_bits.c — erlang BIFs that slice binaries and convert bitstrings to
 * and from lists: binary_part, split_binary, binary_to_list/3,
 * bitstring_to_list, list_to_bitstring. Slices share the bytes (sub-binaries);
 * conversions cost one reduction and are linear in the bytes handled. */
#include "bif/bif.h"

#include <stdlib.h>

#include "atom/atom.h"
#include "bif/bif_util.h"
#include "term/binary.h"

/* Start and length of a part of a binary of `size` bytes; a negative length
 * counts back from start, as binary_part/3 allows. */
static bool part_range(Term start, Term len, size_t size, size_t *from, size_t *n)
{
    if (!term_is_small(start) || !term_is_small(len)) return false;
    SInt s = term_small_value(start), l = term_small_value(len);
    if (l < 0) s += l, l = -l;
    if (s < 0 || (UInt)s > size || (UInt)l > size - (UInt)s) return false;
    *from = (size_t)s, *n = (size_t)l;
    return true;
}

/* Bitstrings are accepted too: their whole bytes are the ones counted. */
Term bits_binary_part(Process *p, Term bin, Term start, Term len)
{
    BinView v;
    size_t from, n;
    if (!binary_view(bin, &v) || !part_range(start, len, v.bit_size / 8, &from, &n)) return proc_badarg(p);
    return binary_slice(p, bin, 8 * from, 8 * n);
}

Term bif_erlang_binary_part_3(Process *p, const Term *args) { return bits_binary_part(p, args[0], args[1], args[2]); }
Term bif_erlang_binary_part_2(Process *p, const Term *args)
{
    Term pl = args[1];
    if (!term_is_tuple(pl) || term_tuple_arity(pl) != 2) return proc_badarg(p);
    return bits_binary_part(p, args[0], term_tuple_element(pl, 1), term_tuple_element(pl, 2));
}

Term bif_erlang_split_binary_2(Process *p, const Term *args)
{
    BinView v;
    Term pos = args[1];
    if (!binary_view(args[0], &v) || !term_is_small(pos) || term_small_value(pos) < 0 ||
        (UInt)term_small_value(pos) > v.bit_size / 8)
        return proc_badarg(p);
    size_t at = 8 * (size_t)term_small_value(pos);
    Term a = binary_slice(p, args[0], 0, at);
    Term b = binary_slice(p, args[0], at, v.bit_size - at);
    return bif_tuple2(p, a, b);
}

/* binary_to_list(Bin, Start, Stop): 1-based and inclusive. */
Term bif_erlang_binary_to_list_3(Process *p, const Term *args)
{
    const uint8_t *bytes;
    size_t size;
    if (bif_binary_bytes(args[0], &bytes, &size) != BIN_OK || !term_is_small(args[1]) || !term_is_small(args[2]))
        return proc_badarg(p);
    SInt s = term_small_value(args[1]), e = term_small_value(args[2]);
    if (s < 1 || e < s || (UInt)e > size) return proc_badarg(p);
    return bif_bytes_to_list(p, bytes + s - 1, (size_t)(e - s + 1), TERM_NIL);
}

Term bif_erlang_bitstring_to_list_1(Process *p, const Term *args)
{
    BinView v;
    if (!binary_view(args[0], &v)) return proc_badarg(p);
    size_t n = v.bit_size / 8, rest = v.bit_size % 8;
    Term tail = TERM_NIL;
    if (rest) {
        uint8_t *data;
        tail = binary_new_bits(p, rest, &data);
        binary_view(args[0], &v);
        binary_copy_bits(data, 0, v.bytes, v.bit_off + 8 * n, rest);
        Term *cell = proc_alloc(p, 2);
        tail = term_cons(cell, tail, TERM_NIL);
    }
    uint8_t *copy = malloc(n + 1);
    if (!copy) abort();
    binary_copy_bits(copy, 0, v.bytes, v.bit_off, 8 * n);
    Term list = bif_bytes_to_list(p, copy, n, tail);
    free(copy);
    return list;
}

/* Walks a bitstring iolist (bytes, bitstrings, nested lists), counting bits
 * into *bits and writing them to dst when non-NULL. False on anything else. */
static bool bitlist_walk(Term t, uint8_t *dst, size_t *bits)
{
    size_t n = 0, depth = 0, cap = 0;
    Term *stack = NULL;
    bool ok = true;
    BinView v;
    for (;;) {
        if (term_is_list(t)) {
            Term h = term_head(t);
            t = term_tail(t);
            if (term_is_small(h) && term_small_value(h) >= 0 && term_small_value(h) <= 255) {
                uint8_t b = (uint8_t)term_small_value(h);
                if (dst) binary_copy_bits(dst, n, &b, 0, 8);
                n += 8;
            } else if (binary_view(h, &v)) {
                if (dst) binary_copy_bits(dst, n, v.bytes, v.bit_off, v.bit_size);
                n += v.bit_size;
            } else if (term_is_list(h) || term_is_nil(h)) {
                if (depth == cap) {
                    cap = cap ? 2 * cap : 64;
                    if (!(stack = realloc(stack, cap * sizeof *stack))) abort();
                }
                stack[depth++] = t;
                t = h;
            } else {
                ok = false;
                break;
            }
            continue;
        }
        if (binary_view(t, &v)) {
            if (dst) binary_copy_bits(dst, n, v.bytes, v.bit_off, v.bit_size);
            n += v.bit_size;
        } else if (!term_is_nil(t)) {
            ok = false;
            break;
        }
        if (depth == 0) break;
        t = stack[--depth];
    }
    free(stack);
    *bits = n;
    return ok;
}

Term bif_erlang_list_to_bitstring_1(Process *p, const Term *args)
{
    size_t bits;
    if ((!term_is_list(args[0]) && !term_is_nil(args[0])) || !bitlist_walk(args[0], NULL, &bits))
        return proc_badarg(p);
    uint8_t *data;
    Term r = binary_new_bits(p, bits, &data);
    bitlist_walk(args[0], data, &bits);
    return r;
}
