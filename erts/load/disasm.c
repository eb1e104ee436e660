/* disasm.c — the disassembler behind `ember -dis`: walks each function's
 * internal instructions by the operand formats of load/ops.def, so it shows
 * exactly what the interpreter will execute. */
#include "load/disasm.h"

#include <string.h>

#include "atom/atom.h"
#include "emu/emu.h"
#include "term/display.h"
#include "term/strbuf.h"

static void print_term(Term t, FILE *out)
{
    StrBuf b;
    strbuf_init(&b);
    term_display(t, &b);
    fwrite(b.data, 1, b.len, out);
    strbuf_free(&b);
}

static void print_name_arity(Term name, unsigned arity, FILE *out)
{
    StrBuf b;
    strbuf_init(&b);
    term_display_atom(name, &b);
    fprintf(out, "%s/%u", b.data, arity);
    strbuf_free(&b);
}

static void print_register(CodeWord w, FILE *out)
{
    static const char *const kinds[] = {"x", "y", "fr", "?"};
    fprintf(out, "%s(%llu)", kinds[code_reg_kind(w)], (unsigned long long)code_reg_index(w));
}

static void print_source(CodeWord w, FILE *out)
{
    if (code_is_reg(w)) print_register(w, out);
    else print_term((Term)w, out);
}

/* A label: the function whose entry it is, or its offset in the code. */
static void print_label(const Module *m, CodeWord w, FILE *out)
{
    const CodeWord *target = (const CodeWord *)w;
    if (!target) {
        fputs("none", out);
        return;
    }
    for (size_t k = 0; k < m->num_functions; k++) {
        if (m->functions[k].entry == target) {
            print_name_arity(m->functions[k].name, m->functions[k].arity, out);
            return;
        }
    }
    fprintf(out, "L%zu", (size_t)(target - m->code));
}

static void print_operand(const Module *m, char kind, CodeWord w, FILE *out)
{
    switch (kind) {
    case 's': print_source(w, out); break;
    case 'd': print_register(w, out); break;
    case 'l': print_label(m, w, out); break;
    case 'u': fprintf(out, "%llu", (unsigned long long)w); break;
    case 't': print_term((Term)w, out); break;
    case 'e': {
        const Export *e = (const Export *)w;
        print_term(e->module, out);
        fputc(':', out);
        print_name_arity(e->function, e->arity, out);
        break;
    }
    case 'F': {
        const FunEntry *f = (const FunEntry *)w;
        fprintf(out, "fun#%u ", f->index);
        print_name_arity(f->function, f->arity, out);
        break;
    }
    default: fprintf(out, "?%c", kind); break;
    }
}

/* Prints a list operand at pc; returns the words it spans. */
static size_t print_list(const Module *m, char kind, const CodeWord *pc, FILE *out)
{
    size_t n = (size_t)pc[0], at = 1;
    fputc('[', out);
    for (size_t k = 0; k < n; k++) {
        if (k) fputs(", ", out);
        if (kind == 'S') {
            print_source(pc[at++], out);
            continue;
        }
        print_operand(m, kind == 'P' ? 't' : 'u', pc[at], out);
        fputs(" => ", out);
        print_operand(m, 'l', pc[at + 1], out);
        at += 2;
    }
    fputc(']', out);
    return at;
}

/* Prints the instruction at pc; returns its size in words, 0 if unknown. */
static size_t print_instruction(const Module *m, const CodeWord *pc, FILE *out)
{
    Opcode op = emu_opcode_of(pc[0]);
    if ((unsigned)op >= OP_COUNT) {
        fprintf(out, "    %6zu  ?? %#llx\n", (size_t)(pc - m->code), (unsigned long long)pc[0]);
        return 0;
    }
    const char *fmt = op_formats[op];
    size_t at = 1;
    fprintf(out, "    %6zu  %s", (size_t)(pc - m->code), op_names[op]);
    for (size_t k = 0; fmt[k]; k++) {
        fputs(k ? ", " : " ", out);
        if (strchr("SPA", fmt[k])) at += print_list(m, fmt[k], pc + at, out);
        else print_operand(m, fmt[k], pc[at++], out);
    }
    if (op == OP_not_implemented) fputs(" (generic op)", out);
    fputc('\n', out);
    return at;
}

void load_disassemble(const Module *m, FILE *out)
{
    fputs("module ", out);
    print_term(m->name, out);
    fputc('\n', out);
    for (size_t k = 0; k < m->num_functions; k++) {
        const FunctionInfo *fi = &m->functions[k];
        const CodeWord *end = k + 1 < m->num_functions ? m->functions[k + 1].start : m->code + m->code_words;
        fputc('\n', out);
        print_name_arity(fi->name, fi->arity, out);
        fputs(":\n", out);
        for (const CodeWord *pc = fi->start; pc < end;) {
            size_t n = print_instruction(m, pc, out);
            /* after i_bif_body the rest of the body is the dead Erlang stub */
            if (!n || emu_opcode_of(pc[0]) == OP_i_bif_body) break;
            pc += n;
        }
    }
}
