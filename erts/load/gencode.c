/* gencode.c — decoding the Code chunk into generic instructions. Operand
 * kinds are checked later against each instruction's format; here every
 * operand is checked on its own (tag known, index within its table). */
#include "load/gencode.h"

#include <stdlib.h>
#include <string.h>

#include "load/bs_strings.h"
#include "load/code.h"

static const struct {
    const char *name;
    uint8_t arity;
} genops[256] = {
#define GENOP(n, name, arity) [n] = {#name, arity},
#include "load/genop.def"
#undef GENOP
};

const char *load_genop_name(unsigned op) { return op < 256 ? genops[op].name : NULL; }
unsigned load_genop_arity(unsigned op) { return op < 256 ? genops[op].arity : 0; }

typedef struct Decoder {
    const BeamFile *bf;
    GenCode *gc;
    CompactReader r;
    size_t ops_cap, args_cap;
    LoadError *err;
} Decoder;

static size_t here(const Decoder *d) { return d->bf->code.offset + (size_t)(d->r.pos - d->r.start); }

static bool grow(void **p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap) return true;
    size_t n = *cap ? *cap * 2 : 1024;
    while (n < need) n *= 2;
    void *q = realloc(*p, n * size);
    if (!q) return false;
    *p = q;
    *cap = n;
    return true;
}

/* Checks one operand against the file's tables and counts the literal words
 * it will need. */
static bool check_operand(Decoder *d, const CompactOperand *op, size_t at)
{
    const BeamFile *bf = d->bf;
    switch (op->tag) {
    case CT_A:
        if (op->u > bf->num_atoms) return load_fail(d->err, "Code", at, "atom %llu out of range", (unsigned long long)op->u);
        return true;
    case CT_F:
        if (op->u >= bf->label_count)
            return load_fail(d->err, "Code", at, "label %llu out of range", (unsigned long long)op->u);
        return true;
    case CT_X:
        if (op->u >= MAX_X_REGS) return load_fail(d->err, "Code", at, "x(%llu) out of range", (unsigned long long)op->u);
        return true;
    case CT_Y:
        if (op->u >= MAX_Y_REGS) return load_fail(d->err, "Code", at, "y(%llu) out of range", (unsigned long long)op->u);
        return true;
    case CT_FR:
        if (op->u >= MAX_F_REGS) return load_fail(d->err, "Code", at, "fr(%llu) out of range", (unsigned long long)op->u);
        return true;
    case CT_LITERAL:
        if (op->u >= bf->num_literals)
            return load_fail(d->err, "Code", at, "literal %llu out of range", (unsigned long long)op->u);
        return true;
    case CT_I:
        if (!small_fits(op->i)) d->gc->literal_words += load_compact_big_words(8);
        return true;
    case CT_BIG: d->gc->literal_words += load_compact_big_words(op->big_len); return true;
    case CT_FLOAT: d->gc->literal_words += FLOAT_WORDS; return true;
    case CT_U:
    case CT_H:
    case CT_ALLOC: return true;
    case CT_LIST: return load_fail(d->err, "Code", at, "nested list operand");
    }
    return load_fail(d->err, "Code", at, "unknown operand tag");
}

static bool read_operand(Decoder *d, CompactOperand *op)
{
    size_t at = here(d);
    const char *e = load_compact_read(&d->r, op);
    if (e) return load_fail(d->err, "Code", at, "%s", e);
    return op->tag == CT_LIST || check_operand(d, op, at);
}

/* Appends one operand slot and returns it, or NULL when memory runs out. */
static CompactOperand *new_arg(Decoder *d)
{
    GenCode *gc = d->gc;
    if (!grow((void **)&gc->args, &d->args_cap, gc->num_args + 1, sizeof *gc->args)) return NULL;
    return &gc->args[gc->num_args++];
}

static bool decode_operands(Decoder *d, GenOp *g, unsigned arity)
{
    for (unsigned k = 0; k < arity; k++) {
        size_t at = here(d);
        CompactOperand *op = new_arg(d);
        if (!op) return load_fail(d->err, "Code", at, "out of memory");
        if (!read_operand(d, op)) return false;
        g->nargs++;
        if (op->tag != CT_LIST) continue;
        if (k + 1 != arity) return load_fail(d->err, "Code", at, "list operand is not the last one");
        uint64_t items = op->u;
        for (uint64_t j = 0; j < items; j++) {
            CompactOperand *item = new_arg(d);
            if (!item) return load_fail(d->err, "Code", at, "out of memory");
            size_t item_at = here(d);
            if (!read_operand(d, item)) return false;
            if (item->tag == CT_LIST) return load_fail(d->err, "Code", item_at, "nested list operand");
            g->nargs++;
        }
    }
    return true;
}

static bool decode_all(Decoder *d)
{
    const BeamFile *bf = d->bf;
    GenCode *gc = d->gc;
    uint32_t functions = 0;
    while (d->r.pos < d->r.end) {
        size_t at = here(d);
        unsigned opc = *d->r.pos++;
        if (opc == 0 || !genops[opc].name) return load_fail(d->err, "Code", at, "unknown opcode %u", opc);
        if (opc > bf->max_opcode)
            return load_fail(d->err, "Code", at, "opcode %u above the header's max opcode %u", opc, bf->max_opcode);
        if (!grow((void **)&gc->ops, &d->ops_cap, gc->num_ops + 1, sizeof *gc->ops))
            return load_fail(d->err, "Code", at, "out of memory");
        GenOp *g = &gc->ops[gc->num_ops++];
        *g = (GenOp){.op = (uint8_t)opc, .arg = (uint32_t)gc->num_args, .nargs = 0, .offset = at};
        if (!decode_operands(d, g, genops[opc].arity)) return false;
        gc->literal_words += load_bs_string_words(g, gc->args);
        if (opc == GENOP_func_info) functions++;
        if (opc == GENOP_int_code_end) {
            if (functions != bf->function_count)
                return load_fail(d->err, "Code", at, "%u functions, but the header says %u", functions,
                                 bf->function_count);
            return true;
        }
    }
    return load_fail(d->err, "Code", here(d), "code ends without int_code_end");
}

bool load_gencode_decode(const BeamFile *bf, GenCode *gc, LoadError *err)
{
    Decoder d = {.bf = bf, .gc = gc, .err = err};
    memset(gc, 0, sizeof *gc);
    load_compact_init(&d.r, bf->code.data, bf->code.size);
    if (decode_all(&d)) return true;
    load_gencode_free(gc);
    return false;
}

void load_gencode_free(GenCode *gc)
{
    free(gc->ops);
    free(gc->args);
    memset(gc, 0, sizeof *gc);
}
