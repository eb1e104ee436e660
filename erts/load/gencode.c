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

static size_t offset_of(const Decoder *d, const uint8_t *p) { return d->bf->code.offset + (size_t)(p - d->r.start); }
static size_t here(const Decoder *d) { return offset_of(d, d->r.pos); }

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

/* Whether one operand is within the file's tables and limits. */
static bool operand_ok(const Decoder *d, const CompactOperand *op)
{
    const BeamFile *bf = d->bf;
    switch (op->tag) {
    case CT_A: return op->u <= bf->num_atoms;
    case CT_F: return op->u < bf->label_count;
    case CT_X: return op->u < MAX_X_REGS;
    case CT_Y: return op->u < MAX_Y_REGS;
    case CT_FR: return op->u < MAX_F_REGS;
    case CT_LITERAL: return op->u < bf->num_literals;
    case CT_I:
    case CT_BIG:
    case CT_FLOAT:
    case CT_U:
    case CT_H:
    case CT_ALLOC: return true;
    default: return false;
    }
}

/* The reason operand_ok refused op, reported at its offset. */
static bool operand_error(Decoder *d, const CompactOperand *op, size_t at)
{
    unsigned long long v = (unsigned long long)op->u;
    switch (op->tag) {
    case CT_A: return load_fail(d->err, "Code", at, "atom %llu out of range", v);
    case CT_F: return load_fail(d->err, "Code", at, "label %llu out of range", v);
    case CT_X: return load_fail(d->err, "Code", at, "x(%llu) out of range", v);
    case CT_Y: return load_fail(d->err, "Code", at, "y(%llu) out of range", v);
    case CT_FR: return load_fail(d->err, "Code", at, "fr(%llu) out of range", v);
    case CT_LITERAL: return load_fail(d->err, "Code", at, "literal %llu out of range", v);
    case CT_LIST: return load_fail(d->err, "Code", at, "nested list operand");
    default: return load_fail(d->err, "Code", at, "unknown operand tag");
    }
}

/* The literal words an operand will need: bignums and floats. */
static size_t operand_literal_words(const CompactOperand *op)
{
    switch (op->tag) {
    case CT_I: return small_fits(op->i) ? 0 : load_compact_big_words(8);
    case CT_BIG: return load_compact_big_words(op->big_len);
    case CT_FLOAT: return FLOAT_WORDS;
    default: return 0;
    }
}

/* Reads one operand and checks it on its own; a list is checked by its
 * caller. The file offset is worked out only for a message. */
static bool read_operand(Decoder *d, CompactOperand *op)
{
    const uint8_t *start = d->r.pos;
    const char *e = load_compact_read(&d->r, op);
    if (e) return load_fail(d->err, "Code", offset_of(d, start), "%s", e);
    if (op->tag == CT_LIST) return true;
    if (!operand_ok(d, op)) return operand_error(d, op, offset_of(d, start));
    if (op->tag == CT_I || op->tag == CT_BIG || op->tag == CT_FLOAT) d->gc->literal_words += operand_literal_words(op);
    return true;
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
        const uint8_t *start = d->r.pos;
        CompactOperand *op = new_arg(d);
        if (!op) return load_fail(d->err, "Code", offset_of(d, start), "out of memory");
        if (!read_operand(d, op)) return false;
        g->nargs++;
        if (op->tag != CT_LIST) continue;
        if (k + 1 != arity) return load_fail(d->err, "Code", offset_of(d, start), "list operand is not the last one");
        uint64_t items = op->u;
        for (uint64_t j = 0; j < items; j++) {
            CompactOperand *item = new_arg(d);
            if (!item) return load_fail(d->err, "Code", offset_of(d, start), "out of memory");
            const uint8_t *item_start = d->r.pos;
            if (!read_operand(d, item)) return false;
            if (item->tag == CT_LIST) return load_fail(d->err, "Code", offset_of(d, item_start), "nested list operand");
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
        if (opc == GENOP_bs_match_string || opc == GENOP_bs_put_string || opc == GENOP_bs_create_bin)
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
