/* boxed.h — read access to the boxed layouts term.h describes (bignums,
 * references, funs, maps) and to the parts of a local pid, so that display,
 * comparison, hashing and encoding agree on one reading of each layout. */
#ifndef EMBER_BOXED_H
#define EMBER_BOXED_H

#include "load/export.h"
#include "load/module.h"
#include "term/term.h"

/* ---- bignums: magnitude digits, least significant first -------------- */

static inline bool big_is_negative(Term t) { return header_tag(term_boxed_header(t)) == HDR_NEG_BIG; }
static inline const uint64_t *big_digits(Term t) { return (const uint64_t *)(term_boxed_ptr(t) + 1); }
/* Digits without leading zero digits (a normalised bignum has none). */
static inline size_t big_ndigits(Term t)
{
    size_t n = header_arity(term_boxed_header(t));
    const uint64_t *d = big_digits(t);
    while (n > 0 && d[n - 1] == 0) n--;
    return n;
}

/* ---- local pids: a pid's number is OTP's 15-bit number plus a serial above
 * it (13 bits in OTP's external format), so <0.N.S> is S << 15 | N and pids
 * order serial first, as in OTP. */

#define PID_NUMBER_BITS 15
#define PID_SERIAL_MAX 8191u
#define PID_NUMBER_MASK ((UInt)((1u << PID_NUMBER_BITS) - 1))
static inline uint32_t pid_number_part(Term pid) { return (uint32_t)(term_pid_number(pid) & PID_NUMBER_MASK); }
static inline uint32_t pid_serial_part(Term pid) { return (uint32_t)(term_pid_number(pid) >> PID_NUMBER_BITS); }

/* ---- references: three 32-bit numbers, as OTP's local refs ----------
 * Word 1 holds numbers 0 (low half) and 1 (high half), word 2 number 2.
 * OTP prints them from the last to the first: #Ref<0.n2.n1.n0>. */
#define REF_NUMBERS 3
#define REF_WORDS 3
/* OTP keeps the first number below 2^18 (binary_to_term rejects more). */
#define REF_NUMBER0_BITS 18
static inline uint32_t ref_number(Term ref, int i)
{
    const Term *p = term_boxed_ptr(ref);
    switch (i) {
    case 0: return (uint32_t)p[1];
    case 1: return (uint32_t)(p[1] >> 32);
    default: return (uint32_t)p[2];
    }
}

/* Writes a reference object (REF_WORDS words) numbered by a 64-bit counter,
 * spread over the three numbers within OTP's ranges, so that it survives
 * term_to_binary on OTP. */
static inline Term term_make_ref_from_counter(Term *mem, uint64_t counter)
{
    uint64_t n0 = counter & ((UINT64_C(1) << REF_NUMBER0_BITS) - 1);
    uint64_t n1 = (counter >> REF_NUMBER0_BITS) & 0xFFFFFFFFu;
    uint64_t n2 = counter >> (REF_NUMBER0_BITS + 32);
    mem[0] = header_make(HDR_REF, 2);
    mem[1] = n0 | (n1 << 32);
    mem[2] = n2;
    return term_make_boxed(mem);
}

/* ---- funs ------------------------------------------------------------ */

/* A closure: [header][FunEntry*][creator pid][free variables...]. The creator
 * is a term (GC scans it) because term_to_binary sends it along, as OTP 25 does. */
#define FUN_FIXED_WORDS 3
static inline FunEntry *fun_entry(Term f) { return (FunEntry *)(uintptr_t)term_boxed_ptr(f)[1]; }
static inline Term fun_creator(Term f) { return term_boxed_ptr(f)[2]; }
static inline UInt fun_num_free(Term f) { return header_arity(term_boxed_header(f)) - (FUN_FIXED_WORDS - 1); }
static inline Term *fun_env(Term f) { return term_boxed_ptr(f) + FUN_FIXED_WORDS; }
/* Writes the fixed part of a closure into FUN_FIXED_WORDS + num_free words;
 * the caller fills fun_env. */
static inline Term term_make_fun(Term *mem, const FunEntry *fe, Term creator, UInt num_free)
{
    mem[0] = header_make(HDR_FUN, num_free + FUN_FIXED_WORDS - 1);
    mem[1] = (Term)(uintptr_t)fe;
    mem[2] = creator;
    return term_make_boxed(mem);
}
static inline Export *export_of_fun(Term f) { return (Export *)(uintptr_t)term_boxed_ptr(f)[1]; }

/* ---- flat maps: keys tuple, then the values in key order -------------- */

static inline bool term_is_flatmap(Term t) { return term_is_boxed_tag(t, HDR_MAP); }
static inline UInt flatmap_size(Term m) { return header_arity(term_boxed_header(m)) - 1; }
static inline Term flatmap_keys_tuple(Term m) { return term_boxed_ptr(m)[1]; }
static inline Term *flatmap_keys(Term m) { return term_tuple_elements(term_boxed_ptr(m)[1]); }
static inline Term *flatmap_values(Term m) { return term_boxed_ptr(m) + 2; }

#endif
