/* term.h — the one definition of how an Erlang term sits in a 64-bit word.
 * Every other file reads and builds terms through the inline functions here;
 * no file outside this header may test or set tag bits by hand. */
#ifndef EMBER_TERM_H
#define EMBER_TERM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/*
 * Encoding
 * --------
 * A Term is one machine word. Its two low bits are the primary tag:
 *
 *   ..00  header: the first word of a boxed object. Never a term value. On the
 *         stack the same tag marks a continuation pointer (8-byte aligned code
 *         address), which is how the stack walker tells frames from values.
 *   ..01  list: pointer (minus tag) to a cons cell of two words, head and tail.
 *   ..10  boxed: pointer (minus tag) to an object that starts with a header.
 *   ..11  immediate, refined by the next bits:
 *         ..0011  local pid, process number << 4
 *         ..0111  local port, port number << 4
 *         ..1111  small integer, signed 60-bit value << 4
 *         ..1011  immediate2, refined by bits 4-5:
 *                 00 1011  atom, atom index << 6
 *                 01 1011  catch, handler code address << 6 (only on the stack)
 *                 10 1011  nil []
 *
 * The word 0 is TERM_NONE, "no value": a BIF or helper that raised an exception
 * returns it, and the reason sits on the process (see proc/process.h).
 *
 * Header word: bits 0-1 = 00, bits 2-5 = subtag (enum HeaderTag), bits 6.. =
 * arity, the number of words that follow the header. Which of those words are
 * terms (scanned by the GC and by copy) and which are raw data is fixed per
 * subtag by header_raw_words(): the raw words always come first, except for
 * binary references whose single term word (the referenced binary) comes last.
 *
 * Boxed layouts (words after the header):
 *   TUPLE     element 1..n                                    all terms
 *   POS_BIG/  magnitude, least significant 64-bit digit first raw
 *   NEG_BIG
 *   FLOAT     one IEEE double                                  raw
 *   REF       two words of reference number                    raw
 *   FUN       FunEntry*, creator pid, then the free variables  1 raw, rest terms
 *   EXPORT    Export*                                          raw
 *   HEAP_BIN  byte size, then the bytes padded to words        raw
 *   REFC_BIN  (binaries issue)                                 raw
 *   SUB_BIN / MATCH_CTX  raw fields, then the underlying binary term (last word)
 *   MAP       keys tuple, then the values in key order         all terms
 *   HASHMAP   bitmap (and, in the head node, a head flag and    1 raw, rest terms
 *             the key count), then the children: leaves [K|V]
 *             or further nodes (term/map.h)
 *   EXT_PID / EXT_PORT / EXT_REF  (distribution issue)        raw
 */

typedef uint64_t Term;
typedef int64_t SInt;
typedef uint64_t UInt;

#define TERM_NONE ((Term)0)

enum {
    TAG_PRIMARY_MASK = 0x3,
    TAG_PRIMARY_HEADER = 0x0,
    TAG_PRIMARY_LIST = 0x1,
    TAG_PRIMARY_BOXED = 0x2,
    TAG_PRIMARY_IMMED = 0x3,

    TAG_IMMED1_MASK = 0xF,
    TAG_IMMED1_PID = 0x3,
    TAG_IMMED1_PORT = 0x7,
    TAG_IMMED1_IMMED2 = 0xB,
    TAG_IMMED1_SMALL = 0xF,

    TAG_IMMED2_MASK = 0x3F,
    TAG_IMMED2_ATOM = 0x0B,
    TAG_IMMED2_CATCH = 0x1B,
    TAG_IMMED2_NIL = 0x2B,
};

#define TERM_NIL ((Term)TAG_IMMED2_NIL)

/* Small integers: 60 bits, the same range as OTP on 64-bit machines. */
#define SMALL_BITS 60
#define SMALL_MAX ((SInt)((((UInt)1) << (SMALL_BITS - 1)) - 1))
#define SMALL_MIN (-SMALL_MAX - 1)

typedef enum HeaderTag {
    HDR_TUPLE = 0,
    HDR_POS_BIG = 1,
    HDR_NEG_BIG = 2,
    HDR_REF = 3,
    HDR_FUN = 4,
    HDR_FLOAT = 5,
    HDR_EXPORT = 6,
    HDR_REFC_BIN = 7,
    HDR_HEAP_BIN = 8,
    HDR_SUB_BIN = 9,
    HDR_MATCH_CTX = 10,
    HDR_MAP = 11,
    HDR_HASHMAP = 12,
    HDR_EXT_PID = 13,
    HDR_EXT_PORT = 14,
    HDR_EXT_REF = 15,
} HeaderTag;

/* ---- primary tag ------------------------------------------------------ */

static inline unsigned term_primary_tag(Term t) { return (unsigned)(t & TAG_PRIMARY_MASK); }
static inline bool term_is_list(Term t) { return term_primary_tag(t) == TAG_PRIMARY_LIST; }
static inline bool term_is_boxed(Term t) { return term_primary_tag(t) == TAG_PRIMARY_BOXED; }
static inline bool term_is_immed(Term t) { return term_primary_tag(t) == TAG_PRIMARY_IMMED; }
static inline bool term_is_header(Term t) { return term_primary_tag(t) == TAG_PRIMARY_HEADER; }
static inline bool term_is_value(Term t) { return t != TERM_NONE; }
static inline bool term_is_none(Term t) { return t == TERM_NONE; }

/* ---- pointers -------------------------------------------------------- */

static inline Term *term_list_ptr(Term t) { return (Term *)(uintptr_t)(t - TAG_PRIMARY_LIST); }
static inline Term *term_boxed_ptr(Term t) { return (Term *)(uintptr_t)(t - TAG_PRIMARY_BOXED); }
static inline Term term_make_list(const Term *cell) { return (Term)(uintptr_t)cell + TAG_PRIMARY_LIST; }
static inline Term term_make_boxed(const Term *obj) { return (Term)(uintptr_t)obj + TAG_PRIMARY_BOXED; }

/* ---- immediates ------------------------------------------------------ */

static inline bool term_is_small(Term t) { return (t & TAG_IMMED1_MASK) == TAG_IMMED1_SMALL; }
static inline SInt term_small_value(Term t) { return ((SInt)t) >> 4; }
static inline Term term_make_small(SInt v) { return ((UInt)v << 4) | TAG_IMMED1_SMALL; }
static inline bool small_fits(SInt v) { return v >= SMALL_MIN && v <= SMALL_MAX; }

static inline bool term_is_atom(Term t) { return (t & TAG_IMMED2_MASK) == TAG_IMMED2_ATOM; }
static inline uint32_t term_atom_index(Term t) { return (uint32_t)(t >> 6); }
static inline Term term_make_atom(uint32_t index) { return ((Term)index << 6) | TAG_IMMED2_ATOM; }

static inline bool term_is_nil(Term t) { return t == TERM_NIL; }

static inline bool term_is_catch(Term t) { return (t & TAG_IMMED2_MASK) == TAG_IMMED2_CATCH; }
static inline void *term_catch_handler(Term t) { return (void *)(uintptr_t)(t >> 6); }
static inline Term term_make_catch(const void *handler) { return ((Term)(uintptr_t)handler << 6) | TAG_IMMED2_CATCH; }

static inline bool term_is_local_pid(Term t) { return (t & TAG_IMMED1_MASK) == TAG_IMMED1_PID; }
static inline UInt term_pid_number(Term t) { return t >> 4; }
static inline Term term_make_pid(UInt number) { return (number << 4) | TAG_IMMED1_PID; }

static inline bool term_is_local_port(Term t) { return (t & TAG_IMMED1_MASK) == TAG_IMMED1_PORT; }
static inline UInt term_port_number(Term t) { return t >> 4; }
static inline Term term_make_port(UInt number) { return (number << 4) | TAG_IMMED1_PORT; }

/* ---- headers --------------------------------------------------------- */

static inline Term header_make(HeaderTag tag, UInt arity) { return (arity << 6) | ((Term)tag << 2); }
static inline HeaderTag header_tag(Term hdr) { return (HeaderTag)((hdr >> 2) & 0xF); }
static inline UInt header_arity(Term hdr) { return hdr >> 6; }

/* Number of raw (non-term) words directly after the header; see the table above.
 * Binary references keep their one term word last; for them the answer is arity-1. */
static inline UInt header_raw_words(Term hdr)
{
    switch (header_tag(hdr)) {
    case HDR_TUPLE:
    case HDR_MAP: return 0;
    case HDR_FUN:
    case HDR_HASHMAP: return 1;
    case HDR_SUB_BIN:
    case HDR_MATCH_CTX: return header_arity(hdr) - 1;
    default: return header_arity(hdr);
    }
}

static inline Term term_boxed_header(Term t) { return *term_boxed_ptr(t); }
static inline bool term_is_boxed_tag(Term t, HeaderTag tag)
{
    return term_is_boxed(t) && header_tag(term_boxed_header(t)) == tag;
}

/* ---- lists ----------------------------------------------------------- */

static inline Term term_head(Term list) { return term_list_ptr(list)[0]; }
static inline Term term_tail(Term list) { return term_list_ptr(list)[1]; }
/* Writes a cons cell into two words the caller allocated. */
static inline Term term_cons(Term *cell, Term head, Term tail)
{
    cell[0] = head;
    cell[1] = tail;
    return term_make_list(cell);
}

/* ---- tuples ---------------------------------------------------------- */

static inline bool term_is_tuple(Term t) { return term_is_boxed_tag(t, HDR_TUPLE); }
static inline UInt term_tuple_arity(Term t) { return header_arity(term_boxed_header(t)); }
/* Elements are numbered from 1, as in element/2. */
static inline Term *term_tuple_elements(Term t) { return term_boxed_ptr(t) + 1; }
static inline Term term_tuple_element(Term t, UInt i) { return term_boxed_ptr(t)[i]; }

/* ---- numbers --------------------------------------------------------- */

static inline bool term_is_float(Term t) { return term_is_boxed_tag(t, HDR_FLOAT); }
static inline double term_float_value(Term t)
{
    double d;
    memcpy(&d, term_boxed_ptr(t) + 1, sizeof d);
    return d;
}
#define FLOAT_WORDS 2
/* Writes a float object into FLOAT_WORDS words the caller allocated. */
static inline Term term_make_float(Term *mem, double d)
{
    mem[0] = header_make(HDR_FLOAT, 1);
    memcpy(mem + 1, &d, sizeof d);
    return term_make_boxed(mem);
}

static inline bool term_is_bignum(Term t)
{
    if (!term_is_boxed(t)) return false;
    HeaderTag tag = header_tag(term_boxed_header(t));
    return tag == HDR_POS_BIG || tag == HDR_NEG_BIG;
}
static inline bool term_is_integer(Term t) { return term_is_small(t) || term_is_bignum(t); }
static inline bool term_is_number(Term t) { return term_is_integer(t) || term_is_float(t); }

/* ---- other boxed kinds ----------------------------------------------- */

static inline bool term_is_ref(Term t)
{
    return term_is_boxed(t) && (header_tag(term_boxed_header(t)) == HDR_REF ||
                                header_tag(term_boxed_header(t)) == HDR_EXT_REF);
}
static inline bool term_is_pid(Term t) { return term_is_local_pid(t) || term_is_boxed_tag(t, HDR_EXT_PID); }
static inline bool term_is_port(Term t) { return term_is_local_port(t) || term_is_boxed_tag(t, HDR_EXT_PORT); }
static inline bool term_is_fun(Term t)
{
    return term_is_boxed(t) && (header_tag(term_boxed_header(t)) == HDR_FUN ||
                                header_tag(term_boxed_header(t)) == HDR_EXPORT);
}
static inline bool term_is_map(Term t)
{
    return term_is_boxed(t) && (header_tag(term_boxed_header(t)) == HDR_MAP ||
                                header_tag(term_boxed_header(t)) == HDR_HASHMAP);
}
static inline bool term_is_binary_kind(HeaderTag tag)
{
    return tag == HDR_HEAP_BIN || tag == HDR_REFC_BIN || tag == HDR_SUB_BIN;
}
/* True for every bitstring, binary or not. */
static inline bool term_is_bitstring(Term t)
{
    return term_is_boxed(t) && term_is_binary_kind(header_tag(term_boxed_header(t)));
}

/* ---- heap binaries (the only binary kind of the foundation) ----------- */

#define HEAP_BIN_WORDS(nbytes) (2 + ((nbytes) + 7) / 8)
static inline Term term_make_heap_bin(Term *mem, const void *bytes, size_t nbytes)
{
    UInt words = HEAP_BIN_WORDS(nbytes);
    mem[0] = header_make(HDR_HEAP_BIN, words - 1);
    mem[1] = nbytes;
    mem[words - 1] = 0; /* clear padding so equal binaries have equal words */
    if (nbytes) memcpy(mem + 2, bytes, nbytes);
    return term_make_boxed(mem);
}
static inline bool term_is_heap_bin(Term t) { return term_is_boxed_tag(t, HDR_HEAP_BIN); }
static inline size_t term_heap_bin_size(Term t) { return (size_t)term_boxed_ptr(t)[1]; }
static inline uint8_t *term_heap_bin_bytes(Term t) { return (uint8_t *)(term_boxed_ptr(t) + 2); }

#endif
