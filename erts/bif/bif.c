/* bif.c — registers the BIF table in the export table. */
#include "bif/bif.h"

#include "atom/atom.h"

typedef struct BifSpec {
    const char *module;
    const char *name;
    unsigned arity;
    BifFn fn;
} BifSpec;

static const BifSpec bif_specs[] = {
#define BIF(module, name, arity, fn) {#module, name, arity, fn},
#include "bif/bifs.def"
#undef BIF
    {NULL, NULL, 0, NULL},
};

void bif_register_all(void)
{
    for (const BifSpec *s = bif_specs; s->module; s++) {
        Export *e = export_put(atom_from_cstr(s->module), atom_from_cstr(s->name), s->arity);
        e->bif = s->fn;
    }
}
