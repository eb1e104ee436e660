/* transform.h — the second pass of loading: generic instructions (from
 * load/gencode.h) become Ember's internal instructions (load/ops.def), with
 * operands encoded as load/code.h describes, labels resolved to addresses, and
 * the function and line tables recorded on the way. */
#ifndef EMBER_TRANSFORM_H
#define EMBER_TRANSFORM_H

#include <stddef.h>
#include <stdint.h>

#include "load/beam_file.h"
#include "load/export.h"
#include "load/gencode.h"
#include "load/module.h"

#define LABEL_UNDEFINED UINT32_MAX

typedef struct LoadContext {
    /* inputs, prepared by the loader */
    const BeamFile *bf;
    const GenCode *gc;
    const Term *atoms;      /* by atom index; atoms[0] is [] */
    Export *const *imports; /* by import index */
    const Term *literals;   /* by literal index */
    FunEntry *funs;         /* by FunT index */
    Term *lit_top, *lit_end; /* room for bignum and float operands */

    /* results, owned by the context until the loader takes them */
    CodeWord *code;
    size_t code_words;
    uint32_t *label_offsets; /* by label: code offset, or LABEL_UNDEFINED */
    FunctionInfo *functions;
    size_t num_functions;
    LineEntry *lines;
    size_t num_lines;
    uint32_t on_load_offset; /* code offset of the -on_load function's entry, or LABEL_UNDEFINED */
} LoadContext;

/* Builds the code. On failure fills err and leaves the results for
 * load_transform_free to release. */
bool load_transform(LoadContext *cx, LoadError *err);
void load_transform_free(LoadContext *cx);

#endif
