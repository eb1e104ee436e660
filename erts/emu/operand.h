/* operand.h — reading instruction operands (load/code.h encoding) against the
 * interpreter's registers: x registers in an array, y registers in the current
 * stack frame (y(n) is stop[n + 1]). Shared by the interpreter and its helpers. */
#ifndef EMBER_EMU_OPERAND_H
#define EMBER_EMU_OPERAND_H

#include "load/code.h"
#include "proc/process.h"

static inline Term *emu_yreg(Process *p, UInt index) { return p->stop + index + 1; }

/* A source operand: a term as it is, or the content of an x or y register. */
static inline Term emu_src(Process *p, const Term *x, CodeWord w)
{
    if (!code_is_reg(w)) return (Term)w;
    UInt i = code_reg_index(w);
    return code_reg_kind(w) == REG_X ? x[i] : p->stop[i + 1];
}

/* A destination operand: the x or y register it names. */
static inline Term *emu_dst(Process *p, Term *x, CodeWord w)
{
    UInt i = code_reg_index(w);
    return code_reg_kind(w) == REG_X ? &x[i] : &p->stop[i + 1];
}

#endif
