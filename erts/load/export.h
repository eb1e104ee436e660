/* export.h — the global export table: one entry per {Module, Function, Arity}
 * that is exported, imported or a BIF. Code calls through an entry, so loading
 * a module (or reloading it) only updates the entry's code pointer.
 * Entries are created on demand and never freed, so pointers to them are stable. */
#ifndef EMBER_EXPORT_H
#define EMBER_EXPORT_H

#include <stdatomic.h>

#include "load/code.h"
#include "term/term.h"

struct Process;
/* A BIF: args point at arity argument terms (x registers). Returns the result,
 * or TERM_NONE after storing an exception on the process (proc/process.h).
 * A BIF allocates only with proc_alloc (never garbage-collects). */
typedef Term (*BifFn)(struct Process *p, const Term *args);

typedef struct Export {
    Term module;
    Term function;
    unsigned arity;
    _Atomic(CodeWord *) code; /* entry of the loaded function, or NULL */
    BifFn bif;                /* non-NULL when the function is a BIF */
    struct Export *next;      /* hash chain */
    uint64_t seq;             /* creation order; module_info(exports) lists newest first, as OTP */
} Export;

void export_table_init(void);
/* Finds or creates the entry (a fresh entry has no code and no BIF). */
Export *export_put(Term module, Term function, unsigned arity);
/* Finds an existing entry, or NULL. */
Export *export_get(Term module, Term function, unsigned arity);

#endif
