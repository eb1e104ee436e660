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
    Term function;     /* the lambda's generated name, e.g. '-main/0-fun-0-'; [] in an
                        * entry binary_to_term made for a version not loaded (no code) */
    unsigned arity;    /* arity of that function: fun arity + num_free */
    unsigned num_free; /* free variables captured */
    uint32_t index;    /* OTP's old index, from the FunT entry */
    uint32_t new_index; /* position in the FunT chunk */
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
    CodeWord *on_load;   /* entry of the -on_load function, or NULL */
    Export on_load_call; /* a private entry (not in the export table) whose code is on_load:
                          * erlang:call_on_load_function/1 traps to it */
    bool on_load_running; /* pending, and a call that loaded it runs its on_load (lock) */
    _Atomic bool purged; /* neither current nor old any more: its funs run the
                          * current version's (emu/call.h: emu_fun_code) */
} Module;

typedef enum LoadStatus {
    LOAD_OK = 0,
    LOAD_NOT_FOUND, /* no such file on the code path */
    LOAD_BAD_FILE,  /* the file is not a valid .beam: an error line was printed */
    LOAD_NOT_PURGED, /* load_module/2: current and old code exist; the old must be purged first */
    LOAD_ON_LOAD,    /* load_module/2: the module waits for its on_load function (see below) */
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

/* Loads Module from the code path if it is not loaded yet. Thread-safe.
 * After module_autoload_on_load(), a module with an -on_load function is
 * left pending instead (LOAD_ON_LOAD): the caller runs the function (see
 * emu/call.h); while that function runs, loading it again is LOAD_NOT_FOUND;
 * a version it refused is replaced by a fresh load. */
LoadStatus module_ensure_loaded(Term module);
void module_autoload_on_load(void);
/* Loads a .beam file by path (used by -dis and tests); prints the reason on error. */
LoadStatus module_load_file(const char *path, Module **out);
/* Loads name from data[0..size) at boot (a bundle's modules): made current at
 * once. LOAD_NOT_PURGED when name is loaded already; LOAD_ON_LOAD (nothing
 * loaded) for a module with an -on_load function, which nothing would run
 * at boot; LOAD_BAD_FILE with err. path names it in Module.path
 * and must outlive the module. */
struct LoadError;
LoadStatus module_load_boot_bytes(Term name, const uint8_t *data, size_t size, const char *path, struct LoadError *err);
Module *module_get(Term module);
/* The fun of the current version of fe's module that matches fe (same index
 * and uniq), or NULL when the module is not loaded or has no such fun. */
const FunEntry *module_current_fun(const FunEntry *fe);
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

/* ---- prepared code and -on_load (erlang:prepare_loading/2 and friends) ----
 * A prepared module is built but in no table. Installing a group is all or
 * nothing. A module with an on_load function is not made current when it is
 * installed: it waits as its module's "pending" version (not callable, not
 * module_loaded/1) until finish_after_on_load(M, true) makes it current;
 * finish_after_on_load(M, false) leaves it pending, for the code purger.
 * erlang:load_module/2 installs this way too, so a module with on_load loaded
 * by it answers {error, on_load} and waits, as on OTP. Loading at boot (and
 * by name in OTP mode, where OTP's code server does the loading) makes a
 * module current at once without running its on_load function; in
 * standalone mode a call that loads a module by name runs it first (see
 * module_ensure_loaded). */
typedef struct PreparedCode {
    Module *module; /* NULL once installed */
    Term name;
    bool on_load;
} PreparedCode;

typedef enum FinishStatus {
    FINISH_OK,
    FINISH_BADARG,       /* a code was installed already */
    FINISH_SYSTEM_LIMIT, /* more than one module, and one has on_load */
    FINISH_DUPLICATED,   /* flagged: the later copies of a module */
    FINISH_NOT_PURGED,   /* flagged: modules with both current and old code */
    FINISH_ON_LOAD,      /* installed; flagged: the modules now pending */
} FinishStatus;

/* Installs codes[0..n) as one step; flagged[i] marks the modules an error (or
 * FINISH_ON_LOAD) names. Only FINISH_OK and FINISH_ON_LOAD install. */
FinishStatus module_finish_loading(PreparedCode *const *codes, size_t n, bool *flagged);
/* The pending version of name, or NULL. */
Module *module_pending(Term name);
/* false when name has no pending version; with keep, the pending version
 * becomes current (the current one old). */
bool module_finish_after_on_load(Term name, bool keep);

/* erts_internal:purge_module/2's steps. prepare (on_load: after first
 * turning the pending version into the old one) starts a purge of name and
 * says whether it has old code; abort and complete end it, complete
 * forgetting the old code. PURGE_BADARG: a purge is already going on
 * (prepare), or not of this module (abort, complete). */
typedef enum PurgeStep { PURGE_PREPARE, PURGE_PREPARE_ON_LOAD, PURGE_ABORT, PURGE_COMPLETE } PurgeStep;
typedef enum PurgeResult { PURGE_FALSE, PURGE_TRUE, PURGE_BADARG } PurgeResult;
PurgeResult module_purge_step(Term name, PurgeStep step);

/* The code of name's old version, for check_process_code; false when it has
 * none. Code is never freed, so the range stays readable. */
bool module_old_range(Term name, const CodeWord **start, size_t *words);

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
