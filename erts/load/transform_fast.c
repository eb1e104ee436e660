/* transform_fast.c — the loader's peephole choices: replaces general
 * instructions by forms specialised for their operand kinds, and some pairs by
 * one fused instruction, as OTP's loader does. Only the opcode word (and the
 * order of select_val's pairs) changes, so labels and code size stay as the
 * general transform left them. */
#include "load/transform_fast.h"

#include <stdlib.h>

enum { K_X, K_Y, K_IMM, K_OTHER };

/* The kind of a source or destination operand word. */
static int kind(CodeWord w)
{
    if (code_is_reg(w)) {
        unsigned k = code_reg_kind(w);
        return k == REG_X ? K_X : k == REG_Y ? K_Y : K_OTHER;
    }
    return term_is_immed((Term)w) ? K_IMM : K_OTHER;
}

static bool is_small_literal(CodeWord w) { return !code_is_reg(w) && term_is_small((Term)w); }

static int pick_move(const CodeWord *w, Opcode next)
{
    int s = kind(w[1]), d = kind(w[2]);
    /* A function that returns a constant keeps its plain move: it costs a
     * branch at most, and the loader's tests read such functions. */
    if (next == OP_return && d == K_X && code_reg_index(w[2]) == 0) return s == K_X || s == K_Y ? OP_i_move_return : -1;
    if (d == K_X) return s == K_X ? OP_i_move_xx : s == K_Y ? OP_i_move_yx : s == K_IMM ? OP_i_move_cx : -1;
    if (d == K_Y) return s == K_X ? OP_i_move_xy : s == K_Y ? OP_i_move_yy : s == K_IMM ? OP_i_move_cy : -1;
    return -1;
}

static int pick_get_tuple_element(const CodeWord *w)
{
    int s = kind(w[1]), d = kind(w[3]);
    if (s == K_X) return d == K_X ? OP_i_get_tuple_element_xx : d == K_Y ? OP_i_get_tuple_element_xy : -1;
    if (s == K_Y && d == K_X) return OP_i_get_tuple_element_yx;
    return -1;
}

static int pick_get_list(const CodeWord *w)
{
    if (kind(w[1]) != K_X) return -1;
    int h = kind(w[2]), t = kind(w[3]);
    if (h == K_X && t == K_X) return OP_i_get_list_xxx;
    if (h == K_X && t == K_Y) return OP_i_get_list_xxy;
    if (h == K_Y && t == K_Y) return OP_i_get_list_xyy;
    return -1;
}

/* Exact equality with an immediate is word equality; the register goes first. */
static int pick_eq_exact(CodeWord *w, bool eq)
{
    if (kind(w[2]) == K_IMM && (kind(w[3]) == K_X || kind(w[3]) == K_Y)) {
        CodeWord t = w[2];
        w[2] = w[3];
        w[3] = t;
    }
    if (kind(w[3]) != K_IMM) return -1;
    if (kind(w[2]) == K_X) return eq ? OP_i_is_eq_exact_xc : OP_i_is_ne_exact_xc;
    if (kind(w[2]) == K_Y) return eq ? OP_i_is_eq_exact_yc : OP_i_is_ne_exact_yc;
    return -1;
}

static int pick_order(const CodeWord *w, bool lt)
{
    int a = kind(w[2]), b = kind(w[3]);
    if (a == K_X && b == K_X) return lt ? OP_i_is_lt_xx : OP_i_is_ge_xx;
    if (a == K_X && is_small_literal(w[3])) return lt ? OP_i_is_lt_xc : OP_i_is_ge_xc;
    if (is_small_literal(w[2]) && b == K_X) return lt ? OP_i_is_lt_cx : OP_i_is_ge_cx;
    return -1;
}

static int pick_arith(const CodeWord *w, bool plus)
{
    if (is_small_literal(w[5])) return plus ? OP_i_plus_c : OP_i_minus_c;
    if (kind(w[4]) == K_X && kind(w[5]) == K_X && kind(w[6]) == K_X) return plus ? OP_i_plus_xxx : OP_i_minus_xxx;
    return -1;
}

static int compare_pairs(const void *a, const void *b)
{
    CodeWord x = *(const CodeWord *)a, y = *(const CodeWord *)b;
    return (x > y) - (x < y);
}

/* Long select_vals over immediates search their sorted pairs; short ones stay
 * linear, which is as fast for a few values. */
#define BINARY_SEARCH_MIN 8
static int pick_select_val(CodeWord *w)
{
    UInt n = w[3];
    if (n < BINARY_SEARCH_MIN) return -1;
    for (UInt i = 0; i < n; i++)
        if (kind(w[4 + 2 * i]) != K_IMM) return -1;
    qsort(w + 4, n, 2 * sizeof *w, compare_pairs);
    return OP_i_select_val_bins;
}

static bool same_x(CodeWord a, CodeWord b) { return a == b && kind(a) == K_X; }

static int pick(CodeWord *w, const CodeWord *next_w)
{
    Opcode next = next_w ? (Opcode)next_w[0] : OP_COUNT;
    switch ((Opcode)w[0]) {
    case OP_move: return pick_move(w, next);
    case OP_deallocate: return next == OP_return ? OP_i_deallocate_return : -1;
    case OP_get_tuple_element: return pick_get_tuple_element(w);
    case OP_get_list: return pick_get_list(w);
    case OP_get_hd: return kind(w[1]) == K_X && kind(w[2]) == K_X ? OP_i_get_hd_xx : -1;
    case OP_get_tl: return kind(w[1]) == K_X && kind(w[2]) == K_X ? OP_i_get_tl_xx : -1;
    case OP_is_nonempty_list:
        if (kind(w[2]) != K_X) return -1;
        if (next == OP_get_list && same_x(next_w[1], w[2])) return OP_i_is_nonempty_list_get_list_x;
        return OP_i_is_nonempty_list_x;
    case OP_test_arity:
        if (kind(w[2]) != K_X) return -1;
        if (next == OP_get_tuple_element && same_x(next_w[1], w[2])) return OP_i_test_arity_get_x;
        return OP_i_test_arity_x;
    case OP_is_nil: return kind(w[2]) == K_X ? OP_i_is_nil_x : -1;
    case OP_is_tuple: return kind(w[2]) == K_X ? OP_i_is_tuple_x : -1;
    case OP_is_tagged_tuple: return kind(w[2]) == K_X ? OP_i_is_tagged_tuple_x : -1;
    case OP_is_eq_exact: return pick_eq_exact(w, true);
    case OP_is_ne_exact: return pick_eq_exact(w, false);
    case OP_is_lt: return pick_order(w, true);
    case OP_is_ge: return pick_order(w, false);
    case OP_select_val: return pick_select_val(w);
    case OP_call_fun2: return OP_i_call_fun2_body;
    case OP_i_plus: return pick_arith(w, true);
    case OP_i_minus: return pick_arith(w, false);
    case OP_allocate:
    case OP_allocate_zero: return OP_i_allocate;
    case OP_allocate_heap:
    case OP_allocate_heap_zero: return OP_i_allocate_heap;
    case OP_test_heap: return OP_i_test_heap;
    default: return -1;
    }
}

void load_fast_rewrite(CodeWord *code, size_t words)
{
    /* Decide on the general opcodes first: a fusion looks at the instruction
     * after it, which must not have been rewritten yet. */
    for (size_t i = 0; i < words && code[i] < OP_COUNT;) {
        size_t n = code_instr_words(code + i, (Opcode)code[i]);
        const CodeWord *next = i + n < words && code[i + n] < OP_COUNT ? code + i + n : NULL;
        int op = pick(code + i, next);
        if (op >= 0) code[i] = (CodeWord)op;
        i += n;
    }
}
