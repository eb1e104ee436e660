/* transform.c — generic BEAM instructions to internal ones. Most generic
 * opcodes map one to one onto the internal instruction of the same name, with
 * operands converted by the letters of its ops.def format; the few special
 * cases (labels, lines, func_info, calls to apply) are handled by name here.
 * Generic opcodes without an internal counterpart load as not_implemented. */
#include "load/transform.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "atom/atom.h"
#include "emu/bits_build.h"
#include "emu/bits_int.h"
#include "load/code.h"
#include "load/transform_fast.h"

#define MAPPING_NONE (-1)
#define MAPPING_BROKEN (-2) /* same name, but ops.def disagrees on the operand count */

static int genop_to_op[256];
static pthread_once_t mapping_once = PTHREAD_ONCE_INIT;

static unsigned format_operands(const char *fmt) { return (unsigned)strlen(fmt); }

static void build_mapping(void)
{
    for (unsigned g = 0; g < 256; g++) {
        genop_to_op[g] = MAPPING_NONE;
        const char *name = load_genop_name(g);
        if (!name) continue;
        for (int op = 0; op < OP_COUNT; op++) {
            if (strcmp(op_names[op], name) != 0) continue;
            genop_to_op[g] = format_operands(op_formats[op]) == load_genop_arity(g) ? op : MAPPING_BROKEN;
            break;
        }
    }
}

typedef struct Emitter {
    LoadContext *cx;
    LoadError *err;
    size_t cap;
    size_t *fixups; /* code positions holding a label number to resolve */
    size_t num_fixups;
    const GenOp *g; /* the instruction being transformed, for messages */
    bool after_line;
    uint32_t line_item;
} Emitter;

static bool fail(Emitter *e, const char *what)
{
    return load_fail(e->err, "Code", e->g->offset, "%s: %s", load_genop_name(e->g->op), what);
}

static void emit(Emitter *e, CodeWord w) { e->cx->code[e->cx->code_words++] = w; }

static const CompactOperand *arg(const Emitter *e, unsigned k) { return &e->cx->gc->args[e->g->arg + k]; }

/* The instructions whose operands may be float registers; a table, as every
 * operand of every instruction asks. */
static const bool float_ops[OP_COUNT] = {[OP_fmove] = true, [OP_fconv] = true, [OP_fadd] = true, [OP_fsub] = true,
                                   [OP_fmul] = true,  [OP_fdiv] = true,  [OP_fnegate] = true};

static bool is_float_op(int op) { return float_ops[op]; }

/* ---- operand conversion ---------------------------------------------------- */

static Term *literal_room(Emitter *e, size_t words)
{
    LoadContext *cx = e->cx;
    if ((size_t)(cx->lit_end - cx->lit_top) < words) return NULL;
    Term *mem = cx->lit_top;
    cx->lit_top += words;
    return mem;
}

/* A literal operand as a term: atoms, integers (bignums placed among the
 * module's literals), floats, and entries of the literal table. */
static bool conv_term(Emitter *e, const CompactOperand *a, CodeWord *w)
{
    const LoadContext *cx = e->cx;
    size_t used;
    Term *mem;
    switch (a->tag) {
    case CT_A: *w = cx->atoms[a->u]; return true;
    case CT_LITERAL: *w = cx->literals[a->u]; return true;
    case CT_I:
        if (small_fits(a->i)) {
            *w = term_make_small(a->i);
            return true;
        }
        if (!(mem = literal_room(e, load_compact_big_words(8)))) return fail(e, "literal area exhausted");
        *w = load_compact_make_int64(a->i, mem, &used);
        return true;
    case CT_BIG:
        if (!(mem = literal_room(e, load_compact_big_words(a->big_len)))) return fail(e, "literal area exhausted");
        *w = load_compact_make_integer(a->big, a->big_len, mem, &used);
        return true;
    case CT_FLOAT:
        if (!(mem = literal_room(e, FLOAT_WORDS))) return fail(e, "literal area exhausted");
        *w = term_make_float(mem, a->f);
        return true;
    default: return fail(e, "operand is not a literal term");
    }
}

static bool conv_register(Emitter *e, const CompactOperand *a, bool allow_fr, CodeWord *w)
{
    switch (a->tag) {
    case CT_X: *w = code_reg(REG_X, a->u); return true;
    case CT_Y: *w = code_reg(REG_Y, a->u); return true;
    case CT_FR:
        if (!allow_fr) return fail(e, "float register where none is allowed");
        *w = code_reg(REG_FR, a->u);
        return true;
    default: return fail(e, "destination is not a register");
    }
}

static bool conv_source(Emitter *e, const CompactOperand *a, bool allow_fr, CodeWord *w)
{
    if (a->tag == CT_X || a->tag == CT_Y || a->tag == CT_FR) return conv_register(e, a, allow_fr, w);
    return conv_term(e, a, w);
}

static bool conv_label(Emitter *e, const CompactOperand *a, CodeWord *w)
{
    if (a->tag != CT_F) return fail(e, "operand is not a label");
    *w = (CodeWord)a->u;
    if (a->u == 0) return true; /* no fail label */
    e->fixups[e->num_fixups++] = e->cx->code_words;
    return true;
}

static bool conv_untagged(Emitter *e, const CompactOperand *a, CodeWord *w)
{
    if (a->tag == CT_U) *w = (CodeWord)a->u;
    else if (a->tag == CT_ALLOC) *w = (CodeWord)load_compact_alloc_words(a);
    else if (a->tag == CT_I && a->i >= 0) *w = (CodeWord)a->i;
    else return fail(e, "operand is not an unsigned number");
    return true;
}

static bool conv_export(Emitter *e, const CompactOperand *a, CodeWord *w)
{
    if (a->tag != CT_U || a->u >= e->cx->bf->num_imports) return fail(e, "import index out of range");
    *w = (CodeWord)e->cx->imports[a->u];
    return true;
}

static bool conv_fun(Emitter *e, const CompactOperand *a, CodeWord *w)
{
    if (a->tag != CT_U || a->u >= e->cx->bf->num_funs) return fail(e, "fun index out of range");
    *w = (CodeWord)&e->cx->funs[a->u];
    return true;
}

static bool conv_one(Emitter *e, int op, char kind, const CompactOperand *a)
{
    CodeWord w = 0;
    bool ok;
    switch (kind) {
    case 's':
        /* The older construction instructions may give a literal size untagged. */
        if (a->tag == CT_U && (op == OP_bs_init2 || op == OP_bs_init_bits) && a->u <= (uint64_t)SMALL_MAX) {
            w = term_make_small((int64_t)a->u);
            ok = true;
            break;
        }
        ok = conv_source(e, a, is_float_op(op), &w);
        break;
    case 'd': ok = conv_register(e, a, is_float_op(op), &w); break;
    case 'l': ok = conv_label(e, a, &w); break;
    case 'u': ok = conv_untagged(e, a, &w); break;
    case 't': ok = conv_term(e, a, &w); break;
    case 'e': ok = conv_export(e, a, &w); break;
    case 'F': ok = conv_fun(e, a, &w); break;
    default: return fail(e, "bad operand letter in ops.def");
    }
    if (ok) emit(e, w);
    return ok;
}

/* S, P and A lists: a count word, then the items (pairs for P and A). */
static bool conv_list(Emitter *e, int op, char kind, unsigned k)
{
    const CompactOperand *list = arg(e, k);
    if (list->tag != CT_LIST) return fail(e, "operand is not a list");
    uint64_t n = list->u;
    if (kind == 'S') {
        emit(e, (CodeWord)n);
        /* init_yregs names registers to clear; the other S lists are sources. */
        for (uint64_t j = 0; j < n; j++) {
            const CompactOperand *item = arg(e, k + 1 + (unsigned)j);
            if (op == OP_init_yregs && item->tag != CT_Y) return fail(e, "init_yregs item is not a y register");
            if (!conv_one(e, op, 's', item)) return false;
        }
        return true;
    }
    if (n % 2) return fail(e, "odd number of items in a pair list");
    emit(e, (CodeWord)(n / 2));
    for (uint64_t j = 0; j < n; j += 2) {
        if (!conv_one(e, op, kind == 'P' ? 't' : 'u', arg(e, k + 1 + (unsigned)j))) return false;
        if (!conv_one(e, op, 'l', arg(e, k + 2 + (unsigned)j))) return false;
    }
    return true;
}

/* Emits internal instruction op with the generic operands converted by its format. */
static bool emit_mapped(Emitter *e, int op)
{
    const char *fmt = op_formats[op];
    emit(e, (CodeWord)op);
    for (unsigned k = 0; fmt[k]; k++) {
        char kind = fmt[k];
        if (kind == 'S' || kind == 'P' || kind == 'A') {
            if (fmt[k + 1]) return fail(e, "list operand not last in ops.def");
            return conv_list(e, op, kind, k);
        }
        if (k >= e->g->nargs) return fail(e, "too few operands");
        if (arg(e, k)->tag == CT_LIST) return fail(e, "unexpected list operand");
        if (!conv_one(e, op, kind, arg(e, k))) return false;
    }
    return true;
}

/* ---- special cases ------------------------------------------------------------ */

static bool define_label(Emitter *e)
{
    const CompactOperand *a = arg(e, 0);
    LoadContext *cx = e->cx;
    if (a->tag != CT_U || a->u == 0 || a->u >= cx->bf->label_count) return fail(e, "label number out of range");
    if (cx->label_offsets[a->u] != LABEL_UNDEFINED) return fail(e, "label defined twice");
    cx->label_offsets[a->u] = (uint32_t)cx->code_words;
    return true;
}

static void add_line(LoadContext *cx, uint32_t item)
{
    const BeamLineItem *li = &cx->bf->line_items[item];
    LineEntry entry = {(uint32_t)cx->code_words, li->line, li->file};
    if (cx->num_lines && cx->lines[cx->num_lines - 1].offset == entry.offset) cx->lines[cx->num_lines - 1] = entry;
    else cx->lines[cx->num_lines++] = entry;
}

static bool record_line(Emitter *e)
{
    const CompactOperand *a = arg(e, 0);
    LoadContext *cx = e->cx;
    if (a->tag != CT_U) return fail(e, "line operand is not an index");
    if (!cx->bf->num_line_items) return true; /* no Line chunk: lines are ignored */
    if (a->u >= cx->bf->num_line_items) return fail(e, "line index out of range");
    e->line_item = (uint32_t)a->u;
    add_line(cx, e->line_item);
    return true;
}

static bool emit_func_info(Emitter *e)
{
    LoadContext *cx = e->cx;
    const CompactOperand *m = arg(e, 0), *f = arg(e, 1), *a = arg(e, 2);
    if (m->tag != CT_A || f->tag != CT_A || m->u == 0 || f->u == 0 || a->tag != CT_U || a->u > 255)
        return fail(e, "operands are not module, function and arity");
    if (cx->atoms[m->u] != cx->atoms[1]) return fail(e, "names another module");
    if (cx->num_functions >= cx->bf->function_count) return fail(e, "more functions than the header says");
    /* A function with no line of its own must not inherit the previous one's. */
    bool has_line = e->after_line && cx->bf->num_line_items;
    if (!has_line && cx->bf->num_line_items) add_line(cx, 0);
    FunctionInfo *fi = &cx->functions[cx->num_functions++];
    fi->name = cx->atoms[f->u];
    fi->arity = (unsigned)a->u;
    fi->start = cx->code + cx->code_words;
    fi->entry = fi->start + 1 + format_operands(op_formats[OP_func_info]);
    fi->line = has_line ? cx->bf->line_items[e->line_item].line : 0;
    return emit_mapped(e, OP_func_info);
}

/* call_ext* to erlang:apply/2,3 become the dedicated apply instructions. */
static bool emit_call_ext(Emitter *e, int op)
{
    const CompactOperand *imp = arg(e, 1);
    if (imp->tag != CT_U || imp->u >= e->cx->bf->num_imports) return fail(e, "import index out of range");
    const Export *x = e->cx->imports[imp->u];
    if (x->module == ATOM_erlang && x->function == ATOM_apply && (x->arity == 2 || x->arity == 3)) {
        bool fun = x->arity == 2;
        if (op == OP_call_ext) emit(e, fun ? OP_i_apply_fun : OP_i_apply);
        else if (op == OP_call_ext_only) emit(e, fun ? OP_i_apply_fun_only : OP_i_apply_only);
        else {
            emit(e, fun ? OP_i_apply_fun_last : OP_i_apply_last);
            return conv_one(e, op, 'u', arg(e, 2));
        }
        return true;
    }
    return emit_mapped(e, op);
}

/* How a fun call ends: -1 when code follows it, 0 when `return` follows
 * (a tail call without a frame), N+1 when `deallocate N; return` follows.
 * The deallocate/return stay emitted too: other code may jump to them. */
static long tail_position(const Emitter *e)
{
    const GenOp *end = e->cx->gc->ops + e->cx->gc->num_ops;
    const GenOp *next = e->g + 1;
    if (next < end && next->op == GENOP_return) return 0;
    if (next + 1 < end && next->op == GENOP_deallocate && next[1].op == GENOP_return) {
        const CompactOperand *n = &e->cx->gc->args[next->arg];
        if (n->tag == CT_U && n->u < (1u << 20)) return (long)n->u + 1;
    }
    return -1;
}

static bool emit_call_fun(Emitter *e)
{
    long tail = tail_position(e);
    if (tail < 0) return emit_mapped(e, OP_call_fun);
    int op = tail == 0 ? OP_call_fun_only : OP_call_fun_last;
    emit(e, (CodeWord)op);
    if (!conv_one(e, op, 'u', arg(e, 0))) return false;
    if (tail > 0) emit(e, (CodeWord)(tail - 1));
    return true;
}

/* call_fun2's tag is safe, unsafe, or the FunT index of the one local fun the
 * call can reach. The index is only a hint; it loads as unsafe, which makes
 * the interpreter check the fun fully, with the same results. */
static bool emit_call_fun2(Emitter *e)
{
    const CompactOperand *tag = arg(e, 0);
    long tail = tail_position(e);
    int op = tail < 0 ? OP_call_fun2 : tail == 0 ? OP_call_fun2_only : OP_call_fun2_last;
    emit(e, (CodeWord)op);
    if (tag->tag == CT_U) {
        if (tag->u >= e->cx->bf->num_funs) return fail(e, "fun index out of range");
        emit(e, atom_from_cstr("unsafe"));
    } else if (!conv_one(e, op, 't', tag)) {
        return false;
    }
    if (!conv_one(e, op, 'u', arg(e, 1)) || !conv_one(e, op, 's', arg(e, 2))) return false;
    if (tail > 0) emit(e, (CodeWord)(tail - 1));
    return true;
}

/* gc_bif2 of an integer operator gets the instruction with a small-integer
 * fast path; any other BIF stays a plain gc_bif2. */
static bool emit_gc_bif2(Emitter *e)
{
    static const struct {
        const char *name;
        int op;
    } fast[] = {{"+", OP_i_plus},  {"-", OP_i_minus}, {"*", OP_i_times},
                {"band", OP_i_band}, {"bor", OP_i_bor}, {"bxor", OP_i_bxor}};
    const CompactOperand *imp = arg(e, 2);
    if (imp->tag == CT_U && imp->u < e->cx->bf->num_imports) {
        const Export *x = e->cx->imports[imp->u];
        for (size_t k = 0; x->module == ATOM_erlang && x->arity == 2 && k < sizeof fast / sizeof fast[0]; k++)
            if (x->function == atom_from_cstr(fast[k].name)) return emit_mapped(e, fast[k].op);
    }
    return emit_mapped(e, OP_gc_bif2);
}

/* ---- the bit syntax: operands with no ops.def letter ------------------------------ */

/* A literal binary of the string table's bytes [off, off + len), for
 * bs_match_string and the string segments of bs_create_bin. */
static bool conv_string(Emitter *e, uint64_t off, uint64_t len, CodeWord *w)
{
    const BeamSpan *st = &e->cx->bf->strings;
    if (off > st->size || len > st->size - off) return fail(e, "string out of range");
    Term *mem = literal_room(e, HEAP_BIN_WORDS(len));
    if (!mem) return fail(e, "literal area exhausted");
    *w = term_make_heap_bin(mem, st->data + off, len);
    return true;
}

static bool emit_bs_match_string(Emitter *e)
{
    const CompactOperand *bits = arg(e, 2), *str = arg(e, 3);
    CodeWord w;
    if (bits->tag != CT_U || str->tag != CT_U) return fail(e, "bad string operands");
    emit(e, OP_bs_match_string);
    if (!conv_one(e, OP_bs_match_string, 'l', arg(e, 0)) || !conv_one(e, OP_bs_match_string, 's', arg(e, 1)))
        return false;
    if (!conv_string(e, str->u, (bits->u + 7) / 8, &w)) return false;
    emit(e, (CodeWord)bits->u);
    emit(e, w);
    return true;
}

/* bs_put_string Len StringOffset: the bytes become a literal binary. */
static bool emit_bs_put_string(Emitter *e)
{
    const CompactOperand *len = arg(e, 0), *str = arg(e, 1);
    CodeWord w;
    if (len->tag != CT_U || str->tag != CT_U) return fail(e, "bad string operands");
    if (!conv_string(e, str->u, len->u, &w)) return false;
    emit(e, OP_bs_put_string);
    emit(e, (CodeWord)len->u);
    emit(e, w);
    return true;
}

/* bs_save2/bs_restore2 Ctx Index: slot 0 is the atom start, slot N+1 index N. */
static bool emit_bs_slot(Emitter *e, int op)
{
    const CompactOperand *idx = arg(e, 1);
    UInt slot;
    if (idx->tag == CT_A && e->cx->atoms[idx->u] == atom_from_cstr("start")) slot = 0;
    else if (idx->tag == CT_U && idx->u < (1u << 16)) slot = (UInt)idx->u + 1;
    else return fail(e, "bad save slot");
    emit(e, (CodeWord)op);
    if (!conv_one(e, op, 's', arg(e, 0))) return false;
    emit(e, (CodeWord)slot);
    return true;
}

/* bs_start_match4's fail operand may be the atom no_fail or resume. */
static bool emit_bs_start_match4(Emitter *e)
{
    emit(e, OP_bs_start_match4);
    if (arg(e, 0)->tag == CT_A) emit(e, 0);
    else if (!conv_one(e, OP_bs_start_match4, 'l', arg(e, 0))) return false;
    return conv_one(e, OP_bs_start_match4, 'u', arg(e, 1)) && conv_one(e, OP_bs_start_match4, 's', arg(e, 2)) &&
           conv_one(e, OP_bs_start_match4, 'd', arg(e, 3));
}

static UInt segment_flags(Term list)
{
    UInt flags = 0;
    for (; term_is_list(list); list = term_tail(list)) {
        Term f = term_head(list);
        if (f == ATOM_little) flags |= BSF_LITTLE;
        else if (f == ATOM_signed) flags |= BSF_SIGNED;
        else if (f == ATOM_native) flags |= BSF_NATIVE;
    }
    return flags;
}

/* One bs_create_bin segment as BS_SEG_WORDS words (emu/bits_build.h). */
static bool emit_bs_segment(Emitter *e, unsigned k)
{
    const CompactOperand *type = arg(e, k), *seg = arg(e, k + 1), *unit = arg(e, k + 2), *flags = arg(e, k + 3);
    if (type->tag != CT_A || seg->tag != CT_U || unit->tag != CT_U) return fail(e, "bad segment");
    Term name = e->cx->atoms[type->u];
    int t = 0;
    while (t < BS_SEG_TYPES && name != atom_from_cstr(bits_segment_types[t])) t++;
    if (t == BS_SEG_TYPES) return fail(e, "unknown segment type");
    Term fl = flags->tag == CT_LITERAL ? e->cx->literals[flags->u] : TERM_NIL;
    emit(e, term_make_small(t));
    emit(e, term_make_small((SInt)seg->u));
    emit(e, term_make_small((SInt)unit->u));
    emit(e, term_make_small((SInt)segment_flags(fl)));
    if (t == BS_STRING) {
        const CompactOperand *off = arg(e, k + 4), *len = arg(e, k + 5);
        CodeWord w;
        if (off->tag != CT_U || len->tag != CT_I || len->i < 0) return fail(e, "bad string segment");
        if (!conv_string(e, off->u, (uint64_t)len->i, &w)) return false;
        emit(e, w);
        emit(e, term_make_small(len->i));
        return true;
    }
    return conv_one(e, OP_bs_create_bin, 's', arg(e, k + 4)) && conv_one(e, OP_bs_create_bin, 's', arg(e, k + 5));
}

static bool emit_bs_create_bin(Emitter *e)
{
    emit(e, OP_bs_create_bin);
    const char *kinds = "luuud";
    for (unsigned k = 0; k < 5; k++)
        if (!conv_one(e, OP_bs_create_bin, kinds[k], arg(e, k))) return false;
    const CompactOperand *list = arg(e, 5);
    if (list->tag != CT_LIST || list->u % BS_SEG_WORDS) return fail(e, "bad segment list");
    emit(e, (CodeWord)list->u);
    for (uint64_t j = 0; j < list->u; j += BS_SEG_WORDS)
        if (!emit_bs_segment(e, 6 + (unsigned)j)) return false;
    return true;
}

/* The compiler marks the -on_load function by an on_load instruction right
 * after its entry label; it becomes no code, only the entry's address. */
static bool record_on_load(Emitter *e)
{
    if (e->cx->on_load_offset != LABEL_UNDEFINED) return fail(e, "more than one on_load function");
    e->cx->on_load_offset = (uint32_t)e->cx->code_words;
    return true;
}

static bool transform_one(Emitter *e)
{
    unsigned g = e->g->op;
    int op = genop_to_op[g];
    switch (g) {
    case GENOP_label: return define_label(e);
    case GENOP_line: return record_line(e);
    case GENOP_func_info: return emit_func_info(e);
    case GENOP_on_load: return record_on_load(e);
    case GENOP_call_ext:
    case GENOP_call_ext_last:
    case GENOP_call_ext_only: return emit_call_ext(e, op);
    case GENOP_gc_bif2: return emit_gc_bif2(e);
    case GENOP_call_fun: return emit_call_fun(e);
    case GENOP_call_fun2: return emit_call_fun2(e);
    case GENOP_bs_create_bin: return emit_bs_create_bin(e);
    case GENOP_bs_start_match4: return emit_bs_start_match4(e);
    case GENOP_bs_match_string: return emit_bs_match_string(e);
    case GENOP_bs_put_string: return emit_bs_put_string(e);
    case GENOP_bs_save2: return emit_bs_slot(e, OP_bs_save2);
    case GENOP_bs_restore2: return emit_bs_slot(e, OP_bs_restore2);
    default: break;
    }
    if (op == MAPPING_BROKEN) return fail(e, "internal: ops.def operands differ from the generic opcode");
    if (op == MAPPING_NONE) {
        emit(e, OP_not_implemented);
        emit(e, (CodeWord)g);
        return true;
    }
    return emit_mapped(e, op);
}

/* ---- driver ---------------------------------------------------------------------- */

static bool resolve_labels(Emitter *e)
{
    LoadContext *cx = e->cx;
    for (size_t k = 0; k < e->num_fixups; k++) {
        CodeWord *w = &cx->code[e->fixups[k]];
        uint32_t off = cx->label_offsets[*w];
        if (off == LABEL_UNDEFINED)
            return load_fail(e->err, "Code", cx->bf->code.offset, "label %llu is used but never defined",
                             (unsigned long long)*w);
        *w = (CodeWord)(cx->code + off);
    }
    return true;
}

/* Allocates the outputs at their upper bounds, so that code never moves and
 * pointers into it (functions, labels) stay valid. */
static bool allocate_outputs(Emitter *e)
{
    LoadContext *cx = e->cx;
    const GenCode *gc = cx->gc;
    size_t words = 1, labels = 0;
    for (size_t k = 0; k < gc->num_ops; k++) {
        size_t n = 1 + (size_t)gc->ops[k].nargs;
        /* a fused tail fun call carries one more operand than its generic op */
        if (gc->ops[k].op == GENOP_call_fun || gc->ops[k].op == GENOP_call_fun2) n++;
        words += n < 2 ? 2 : n;
        labels += gc->ops[k].nargs;
    }
    e->cap = words;
    /* Not zeroed: all three are filled in order, and only what is written
     * is read. Zeroing would touch every page of the upper bound. */
    cx->code = malloc(words * sizeof *cx->code);
    e->fixups = malloc((labels + 1) * sizeof *e->fixups);
    cx->label_offsets = malloc(((size_t)cx->bf->label_count + 1) * sizeof *cx->label_offsets);
    cx->functions = calloc((size_t)cx->bf->function_count + 1, sizeof *cx->functions);
    cx->lines = malloc((gc->num_ops + 1) * sizeof *cx->lines);
    if (!cx->code || !e->fixups || !cx->label_offsets || !cx->functions || !cx->lines)
        return load_fail(e->err, "Code", cx->bf->code.offset, "out of memory");
    for (size_t k = 0; k <= cx->bf->label_count; k++) cx->label_offsets[k] = LABEL_UNDEFINED;
    return true;
}

bool load_transform(LoadContext *cx, LoadError *err)
{
    pthread_once(&mapping_once, build_mapping);
    Emitter e = {.cx = cx, .err = err};
    cx->on_load_offset = LABEL_UNDEFINED;
    bool ok = allocate_outputs(&e);
    for (size_t k = 0; ok && k < cx->gc->num_ops; k++) {
        e.g = &cx->gc->ops[k];
        ok = transform_one(&e);
        e.after_line = e.g->op == GENOP_line;
    }
    if (ok && cx->num_functions != cx->bf->function_count)
        ok = load_fail(err, "Code", cx->bf->code.offset, "%zu functions, header says %u", cx->num_functions,
                       cx->bf->function_count);
    if (ok) ok = resolve_labels(&e);
    if (ok) load_fast_rewrite(cx->code, cx->code_words);
    free(e.fixups);
    return ok;
}

void load_transform_free(LoadContext *cx)
{
    free(cx->code);
    free(cx->label_offsets);
    free(cx->functions);
    free(cx->lines);
    cx->code = NULL;
    cx->label_offsets = NULL;
    cx->functions = NULL;
    cx->lines = NULL;
}
