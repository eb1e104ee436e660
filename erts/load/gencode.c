/* gencode.c — decoding the Code chunk into generic instructions. Operand
 * kinds are checked later against each instruction's format; here every
 * operand is checked on its own (tag known, index within its table). */
#include "load/gencode.h"

#include <pthread.h>
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
    size_t cap; /* of both gc->ops and gc->args */
    LoadError *err;
} Decoder;

static size_t here(const Decoder *d) { return d->bf->code.offset + (size_t)(d->r.pos - d->r.start); }

/* The arrays of the last module decoded on this thread, kept for the next one:
 * a boot loads a hundred modules one after the other, and fresh memory for
 * each would cost a page fault per page written. Freed when the thread ends. */
typedef struct Scratch {
    GenOp *ops;
    CompactOperand *args;
    size_t cap;
    bool in_use;
} Scratch;

/* Code chunks beyond this many bytes decode into memory of their own, so that
 * one huge module does not stay resident on every thread. */
#define SCRATCH_MAX_CODE (1u << 20)

static pthread_key_t scratch_key;
static pthread_once_t scratch_once = PTHREAD_ONCE_INIT;

static void scratch_free(void *p)
{
    Scratch *s = p;
    free(s->ops);
    free(s->args);
    free(s);
}

static void scratch_init(void) { pthread_key_create(&scratch_key, scratch_free); }

/* This thread's scratch with room for cap entries, or NULL to allocate apart. */
static Scratch *scratch_get(size_t cap)
{
    if (cap > SCRATCH_MAX_CODE) return NULL;
    pthread_once(&scratch_once, scratch_init);
    Scratch *s = pthread_getspecific(scratch_key);
    if (!s) {
        if (!(s = calloc(1, sizeof *s))) return NULL;
        if (pthread_setspecific(scratch_key, s) != 0) {
            free(s);
            return NULL;
        }
    }
    if (s->in_use) return NULL; /* a load within a load: not done today, but safe */
    if (s->cap < cap) {
        free(s->ops);
        free(s->args);
        s->ops = malloc(cap * sizeof *s->ops);
        s->args = malloc(cap * sizeof *s->args);
        s->cap = s->ops && s->args ? cap : 0;
        if (!s->cap) return NULL;
    }
    s->in_use = true;
    return s;
}

/* Every opcode and every operand takes at least one byte of the Code chunk, so
 * its size bounds both arrays: they are allocated once and never moved, and
 * only the pages actually written become resident. */
static bool reserve(Decoder *d)
{
    GenCode *gc = d->gc;
    d->cap = d->bf->code.size + 1;
    Scratch *s = scratch_get(d->cap);
    if (s) {
        gc->ops = s->ops;
        gc->args = s->args;
        gc->scratch = s;
        return true;
    }
    gc->ops = malloc(d->cap * sizeof *gc->ops);
    gc->args = malloc(d->cap * sizeof *gc->args);
    return gc->ops && gc->args;
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
    if (gc->num_args >= d->cap) return NULL; /* cannot happen: see reserve */
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
        if (gc->num_ops >= d->cap) return load_fail(d->err, "Code", at, "more instructions than bytes");
        GenOp *g = &gc->ops[gc->num_ops++];
        *g = (GenOp){.op = (uint8_t)opc, .arg = (uint32_t)gc->num_args, .nargs = 0, .offset = (uint32_t)at};
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
    if (!reserve(&d)) {
        load_gencode_free(gc);
        return load_fail(err, "Code", bf->code.offset, "out of memory");
    }
    if (decode_all(&d)) return true;
    load_gencode_free(gc);
    return false;
}

void load_gencode_free(GenCode *gc)
{
    if (gc->scratch) {
        ((Scratch *)gc->scratch)->in_use = false;
    } else {
        free(gc->ops);
        free(gc->args);
    }
    memset(gc, 0, sizeof *gc);
}
