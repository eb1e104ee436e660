/* module.h — a loaded module and the module table (load by name from the code
 * path, on demand). The loader (load/loader.c) builds Module objects; the
 * interpreter and the stack-trace code read them. */
#ifndef EMBER_MODULE_H
#define EMBER_MODULE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "load/code.h"
#include "load/export.h"
#include "term/term.h"

struct Module;

/* One fun (lambda) from the FunT chunk. */
typedef struct FunEntry {
    struct Module *module;
    Term function;     /* the lambda's generated name, e.g. '-main/0-fun-0-' */
    unsigned arity;    /* arity of that function: fun arity + num_free */
    unsigned num_free; /* free variables captured */
    uint32_t index;    /* index in the FunT chunk */
    uint32_t old_uniq; /* OTP's old_uniq from FunT */
    CodeWord *code;    /* entry address */
} FunEntry;

/* One function, ordered by address in Module.functions. */
typedef struct FunctionInfo {
    Term name;
    unsigned arity;
    CodeWord *start; /* the func_info instruction */
    CodeWord *entry; /* first instruction after func_info */
    uint32_t line;   /* line of the function head, 0 if unknown */
} FunctionInfo;

/* code offset -> source location, sorted by offset; from the Line chunk. */
typedef struct LineEntry {
    uint32_t offset; /* CodeWord index of the first instruction the line covers */
    uint32_t line;
    uint32_t file;   /* index into Module.files */
} LineEntry;

typedef struct Module {
    Term name;
    CodeWord *code;
    size_t code_words;
    FunctionInfo *functions;
    size_t num_functions;
    FunEntry *funs;
    size_t num_funs;
    LineEntry *lines;
    size_t num_lines;
    Term *files;         /* file names as Erlang strings (lists) in the literal area */
    size_t num_files;
    Term attributes;     /* module_info(attributes), or [] */
    Term compile_info;   /* module_info(compile), or [] */
    uint8_t md5[16];     /* module_info(md5) */
    Term *literal_heap;  /* literals and metadata terms; never garbage-collected */
    size_t literal_words;
    Export **exports;    /* exported functions */
    size_t num_exports;
    const char *path;    /* file it was loaded from */
    bool preloaded;      /* loaded by the runtime at boot (erlang:pre_loaded/0) */
} Module;

typedef enum LoadStatus {
    LOAD_OK = 0,
    LOAD_NOT_FOUND, /* no such file on the code path */
    LOAD_BAD_FILE,  /* the file is not a valid .beam: an error line was printed */
    LOAD_NOT_PURGED, /* load_module/2: current and old code exist; the old must be purged first */
} LoadStatus;

typedef enum DeleteStatus {
    DELETE_OK,         /* the current code is old code now */
    DELETE_NOT_PURGED, /* there is old code already */
    DELETE_NO_CURRENT, /* loaded once, but it has no current code */
    DELETE_UNKNOWN,    /* never loaded */
} DeleteStatus;

void module_table_init(void);

/* Code path: -pa directories first, then ".", then -pz directories. */
void module_path_add_first(const char *dir);
void module_path_add_last(const char *dir);

/* Loads Module from the code path if it is not loaded yet. Thread-safe. */
LoadStatus module_ensure_loaded(Term module);
/* Loads a .beam file by path (used by -dis and tests); prints the reason on error. */
LoadStatus module_load_file(const char *path, Module **out);
Module *module_get(Term module);
/* Old and current code, as erlang:load_module/2, delete_module/1,
 * purge_module/1 and check_old_code/1 see them. A module has at most one old
 * version; loading over a current version makes it old (a process running
 * it keeps running it until it makes a fully qualified call). Purging forgets
 * the old version but keeps its code in memory, because no process is
 * checked for running it yet. */
struct LoadError;
LoadStatus module_load_binary(Term name, const uint8_t *data, size_t size, struct LoadError *err);
DeleteStatus module_delete(Term name);
bool module_purge(Term name);
bool module_has_old(Term name);

/* The current modules, sorted by name, as a malloc'd array the caller frees
 * (only_preloaded: those loaded by the runtime at boot). */
Term *module_current_names(size_t *n, bool only_preloaded);

/* The module and function whose code contains pc, or NULL. */
Module *module_find_by_code(const CodeWord *pc, const FunctionInfo **function);
/* Bytes of code and function tables of every loaded version (erlang:memory(code)). */
size_t module_code_bytes(void);
/* Source location of the instruction at pc; false if the module has no lines. */
bool module_line_of(const Module *m, const CodeWord *pc, Term *file, uint32_t *line);

#endif
