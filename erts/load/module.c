/* module.c — the module table: current, old and pending (waiting for their
 * on_load function) versions sorted by name, every installed version sorted by
 * code address (old code may still be running and must still resolve in stack
 * traces), and the code path searched by module_ensure_loaded. One mutex
 * guards it all; loading from the code path happens under it, so a module is
 * loaded once. */
#include "load/module.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atom/atom.h"
#include "load/loader.h"

typedef struct Vec {
    void **items;
    size_t n, cap;
} Vec;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static Vec current;  /* Module*, sorted by name */
static Vec old;      /* Module*, sorted by name: the old version of modules that have one */
static Vec pending;  /* Module*, sorted by name: versions waiting for their on_load function */
static Vec versions; /* Module*, every version ever installed, sorted by code address */
static Vec path_front; /* char*, -pa directories in command-line order */
static Vec path_back;  /* char*, -pz directories */

static void vec_insert(Vec *v, size_t pos, void *item)
{
    if (v->n == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 64;
        void **items = realloc(v->items, cap * sizeof *items);
        if (!items) {
            fprintf(stderr, "ember: out of memory in the module table\n");
            abort();
        }
        v->items = items;
        v->cap = cap;
    }
    memmove(v->items + pos + 1, v->items + pos, (v->n - pos) * sizeof *v->items);
    v->items[pos] = item;
    v->n++;
}

void module_table_init(void) {}

void module_path_add_first(const char *dir)
{
    pthread_mutex_lock(&lock);
    vec_insert(&path_front, path_front.n, strdup(dir));
    pthread_mutex_unlock(&lock);
}

void module_path_add_last(const char *dir)
{
    pthread_mutex_lock(&lock);
    vec_insert(&path_back, path_back.n, strdup(dir));
    pthread_mutex_unlock(&lock);
}

/* Binary search of a Vec of modules sorted by name; *pos is where name is
 * or would go. */
static Module *find_sorted(const Vec *v, Term name, size_t *pos)
{
    size_t lo = 0, hi = v->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        Module *m = v->items[mid];
        if (m->name == name) {
            *pos = mid;
            return m;
        }
        if (m->name < name) lo = mid + 1;
        else hi = mid;
    }
    *pos = lo;
    return NULL;
}

static Module *find_current(Term name, size_t *pos) { return find_sorted(&current, name, pos); }

static void vec_remove(Vec *v, size_t pos)
{
    memmove(v->items + pos, v->items + pos + 1, (v->n - pos - 1) * sizeof *v->items);
    v->n--;
}


/* prev (no longer current) becomes the old version of its module. */
static void make_old(Module *prev)
{
    size_t pos;
    if (find_sorted(&old, prev->name, &pos)) {
        atomic_store(&((Module *)old.items[pos])->purged, true);
        old.items[pos] = prev;
    }
    else
        vec_insert(&old, pos, prev);
}

/* Every version goes in `versions` once, when it is installed, and stays:
 * code may still run in it. */
static void add_version(Module *m)
{
    size_t at = versions.n;
    while (at > 0 && ((Module *)versions.items[at - 1])->code > m->code) at--;
    vec_insert(&versions, at, m);
}

static void drop_pending(Term name)
{
    size_t pos;
    if (find_sorted(&pending, name, &pos)) vec_remove(&pending, pos);
}

/* Makes m (already in `versions`) the current version of its module and
 * points its exports at it. */
static void make_current(Module *m)
{
    size_t pos;
    Module *old = find_current(m->name, &pos);
    if (old) {
        for (size_t k = 0; k < old->num_exports; k++) atomic_store(&old->exports[k]->code, NULL);
        current.items[pos] = m;
        make_old(old);
    } else {
        vec_insert(&current, pos, m);
    }
    for (size_t k = 0; k < m->num_exports; k++) atomic_store(&m->exports[k]->code, load_export_entry(m, m->exports[k]));
}

/* A new version that needs no on_load call replaces any pending one. */
static void register_module(Module *m)
{
    add_version(m);
    drop_pending(m->name);
    make_current(m);
}

/* m waits for its on_load function, in place of any version pending before. */
static void register_pending(Module *m)
{
    size_t pos;
    add_version(m);
    if (find_sorted(&pending, m->name, &pos)) pending.items[pos] = m;
    else vec_insert(&pending, pos, m);
}

static void report(const char *path, const LoadError *err)
{
    fprintf(stderr, "ember: cannot load %s: %s\n", path, err->text);
}

/* Reads and builds path; on success makes it current. Caller holds the lock.
 * A module with an on_load function that a call loads by name (expected
 * set) waits as pending instead, once module_autoload_on_load() was asked:
 * the call then runs the function (see module.h). */
static bool autoload_on_load;

void module_autoload_on_load(void) { autoload_on_load = true; }

static LoadStatus load_path_locked(const char *path, Term expected, Module **out, bool quiet_if_missing)
{
    LoadError err;
    uint8_t *data;
    size_t size;
    Module *m = NULL;
    LoadStatus st = load_read_file(path, &data, &size, &err);
    if (st == LOAD_OK) {
        st = load_module_bytes(data, size, path, expected, &m, &err);
        free(data);
    }
    if (st != LOAD_OK) {
        if (st != LOAD_NOT_FOUND || !quiet_if_missing) report(path, &err);
        return st;
    }
    if (m->on_load && autoload_on_load && expected != TERM_NONE) {
        m->on_load_running = true;
        register_pending(m);
        if (out) *out = m;
        return LOAD_ON_LOAD;
    }
    register_module(m);
    if (out) *out = m;
    return LOAD_OK;
}

LoadStatus module_load_file(const char *path, Module **out)
{
    if (out) *out = NULL;
    pthread_mutex_lock(&lock);
    LoadStatus st = load_path_locked(path, TERM_NONE, out, false);
    pthread_mutex_unlock(&lock);
    return st;
}

LoadStatus module_load_boot_bytes(Term name, const uint8_t *data, size_t size, const char *path, LoadError *err)
{
    Module *m;
    LoadStatus st = load_module_bytes(data, size, path, name, &m, err);
    if (st != LOAD_OK) return st;
    if (m->on_load) { /* nothing would run it: refused rather than loaded half set up */
        load_module_free(m);
        return LOAD_ON_LOAD;
    }
    size_t pos;
    pthread_mutex_lock(&lock);
    bool taken = find_current(name, &pos) != NULL;
    if (!taken) register_module(m);
    pthread_mutex_unlock(&lock);
    if (taken) load_module_free(m);
    return taken ? LOAD_NOT_PURGED : LOAD_OK;
}

/* Tries DIR/NAME.beam; LOAD_NOT_FOUND when there is no such file. */
static LoadStatus try_dir(const char *dir, const char *name, size_t len, Term module)
{
    size_t dlen = strlen(dir);
    char *path = malloc(dlen + len + 7);
    if (!path) return LOAD_NOT_FOUND;
    sprintf(path, "%s/%.*s.beam", dir, (int)len, name);
    LoadStatus st = load_path_locked(path, module, NULL, true);
    free(path);
    return st;
}

static LoadStatus search_path(Term module)
{
    size_t len;
    const char *name = atom_text(module, &len);
    if (len == 0 || memchr(name, '/', len) || memchr(name, '\0', len)) return LOAD_NOT_FOUND;
    LoadStatus st = LOAD_NOT_FOUND;
    for (size_t k = 0; st == LOAD_NOT_FOUND && k < path_front.n; k++) st = try_dir(path_front.items[k], name, len, module);
    if (st == LOAD_NOT_FOUND) st = try_dir(".", name, len, module);
    for (size_t k = 0; st == LOAD_NOT_FOUND && k < path_back.n; k++) st = try_dir(path_back.items[k], name, len, module);
    return st;
}

LoadStatus module_ensure_loaded(Term module)
{
    size_t pos;
    if (!term_is_atom(module)) return LOAD_NOT_FOUND;
    pthread_mutex_lock(&lock);
    LoadStatus st = LOAD_OK;
    if (find_current(module, &pos)) st = LOAD_OK;
    else if (autoload_on_load && find_sorted(&pending, module, &pos) &&
             ((Module *)pending.items[pos])->on_load_running)
        st = LOAD_NOT_FOUND; /* a refused version is loaded again, a running one is not */
    else st = search_path(module);
    pthread_mutex_unlock(&lock);
    return st;
}

Module *module_get(Term module)
{
    size_t pos;
    pthread_mutex_lock(&lock);
    Module *m = find_current(module, &pos);
    pthread_mutex_unlock(&lock);
    return m;
}

const FunEntry *module_current_fun(const FunEntry *fe)
{
    Module *m = module_get(fe->module->name);
    if (!m) return NULL;
    /* a decoded entry names no function: it matches only the version it came from */
    bool decoded = term_is_nil(fe->function);
    if (decoded && memcmp(m->md5, fe->module->md5, sizeof m->md5) != 0) return NULL;
    for (size_t i = 0; i < m->num_funs; i++) {
        const FunEntry *f = &m->funs[i];
        if (f->index == fe->index && f->old_uniq == fe->old_uniq && (decoded || f->function == fe->function) &&
            f->code)
            return decoded && (f->arity != fe->arity || f->num_free != fe->num_free) ? NULL : f;
    }
    return NULL;
}

/* ---- erlang:load_module/2 and the old-code BIFs ------------------------ */

LoadStatus module_load_binary(Term name, const uint8_t *data, size_t size, LoadError *err)
{
    size_t pos, opos;
    Module *m;
    /* a bad file is reported before old code in the way, as on OTP */
    LoadStatus st = load_module_bytes(data, size, NULL, name, &m, err);
    if (st != LOAD_OK) return st;
    pthread_mutex_lock(&lock);
    if (find_current(name, &pos) && find_sorted(&old, name, &opos)) {
        st = LOAD_NOT_PURGED;
    } else if (m->on_load) {
        register_pending(m);
        st = LOAD_ON_LOAD;
    } else {
        register_module(m);
    }
    pthread_mutex_unlock(&lock);
    if (st == LOAD_NOT_PURGED) load_module_free(m);
    return st;
}

static bool ever_loaded(Term name)
{
    for (size_t i = 0; i < versions.n; i++)
        if (((Module *)versions.items[i])->name == name) return true;
    return false;
}

DeleteStatus module_delete(Term name)
{
    size_t pos, opos;
    pthread_mutex_lock(&lock);
    Module *m = find_current(name, &pos);
    DeleteStatus st;
    if (!m) {
        st = ever_loaded(name) ? DELETE_NO_CURRENT : DELETE_UNKNOWN;
    } else if (find_sorted(&old, name, &opos)) {
        st = DELETE_NOT_PURGED;
    } else {
        for (size_t k = 0; k < m->num_exports; k++) atomic_store(&m->exports[k]->code, NULL);
        vec_remove(&current, pos);
        make_old(m);
        st = DELETE_OK;
    }
    pthread_mutex_unlock(&lock);
    return st;
}

/* Whether name has old code; with forget, it has none afterwards. */
static bool old_code(Term name, bool forget)
{
    size_t pos;
    pthread_mutex_lock(&lock);
    bool found = find_sorted(&old, name, &pos) != NULL;
    if (found && forget) {
        atomic_store(&((Module *)old.items[pos])->purged, true);
        vec_remove(&old, pos);
    }
    pthread_mutex_unlock(&lock);
    return found;
}

bool module_purge(Term name) { return old_code(name, true); }
bool module_has_old(Term name) { return old_code(name, false); }

/* ---- prepared code and on_load ------------------------------------------------ */

/* Flags the modules that fail a check; true when any does. Quadratic in
 * the group's size, which is a handful of modules. */
static bool flag_duplicates(PreparedCode *const *codes, size_t n, bool *flagged)
{
    bool any = false;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < i && !flagged[i]; j++)
            if (codes[j]->name == codes[i]->name) flagged[i] = any = true;
    return any;
}

static bool flag_not_purged(PreparedCode *const *codes, size_t n, bool *flagged)
{
    bool any = false;
    for (size_t i = 0; i < n; i++) {
        size_t pos;
        flagged[i] = find_current(codes[i]->name, &pos) && find_sorted(&old, codes[i]->name, &pos);
        any |= flagged[i];
    }
    return any;
}

static FinishStatus check_group(PreparedCode *const *codes, size_t n, bool *flagged)
{
    for (size_t i = 0; i < n; i++)
        if (!codes[i]->module) return FINISH_BADARG;
    for (size_t i = 0; n > 1 && i < n; i++)
        if (codes[i]->on_load) return FINISH_SYSTEM_LIMIT;
    if (flag_duplicates(codes, n, flagged)) return FINISH_DUPLICATED;
    if (flag_not_purged(codes, n, flagged)) return FINISH_NOT_PURGED;
    return FINISH_OK;
}

FinishStatus module_finish_loading(PreparedCode *const *codes, size_t n, bool *flagged)
{
    for (size_t i = 0; i < n; i++) flagged[i] = false;
    pthread_mutex_lock(&lock);
    FinishStatus st = check_group(codes, n, flagged);
    if (st == FINISH_OK) {
        for (size_t i = 0; i < n; i++) {
            Module *m = codes[i]->module;
            codes[i]->module = NULL;
            if (m->on_load) {
                register_pending(m);
                flagged[i] = true;
                st = FINISH_ON_LOAD;
            } else {
                register_module(m);
            }
        }
    }
    pthread_mutex_unlock(&lock);
    return st;
}

Module *module_pending(Term name)
{
    size_t pos;
    pthread_mutex_lock(&lock);
    Module *m = find_sorted(&pending, name, &pos);
    pthread_mutex_unlock(&lock);
    return m;
}

bool module_finish_after_on_load(Term name, bool keep)
{
    size_t pos;
    pthread_mutex_lock(&lock);
    Module *m = find_sorted(&pending, name, &pos);
    if (m) m->on_load_running = false;
    if (m && keep) {
        /* OTP makes the current version old even when old code exists */
        vec_remove(&pending, pos);
        make_current(m);
    }
    pthread_mutex_unlock(&lock);
    return m != NULL;
}

/* The one purge going on (OTP's code purger does one at a time), and the old
 * version set aside while a failed on_load version is purged in its place. */
static Term purging = TERM_NONE;
static Module *saved_old;

static PurgeResult purge_prepare(Term name, bool on_load)
{
    size_t pos;
    if (purging != TERM_NONE) return PURGE_BADARG;
    if (!ever_loaded(name)) return PURGE_FALSE;
    Module *waiting = on_load ? find_sorted(&pending, name, &pos) : NULL;
    if (waiting) {
        vec_remove(&pending, pos);
        Module *prev = find_sorted(&old, name, &pos);
        saved_old = prev;
        if (prev) old.items[pos] = waiting;
        else vec_insert(&old, pos, waiting);
    }
    if (!find_sorted(&old, name, &pos)) return PURGE_FALSE;
    purging = name;
    return PURGE_TRUE;
}

/* Ends the purge of name; with forget, its old code is gone first. */
static PurgeResult purge_end(Term name, bool forget)
{
    size_t pos;
    if (purging != name) return PURGE_BADARG;
    PurgeResult r = PURGE_FALSE;
    if (forget && find_sorted(&old, name, &pos)) {
        atomic_store(&((Module *)old.items[pos])->purged, true);
        vec_remove(&old, pos);
        r = PURGE_TRUE;
    }
    if (saved_old) {
        if (find_sorted(&old, name, &pos)) old.items[pos] = saved_old;
        else vec_insert(&old, pos, saved_old);
        saved_old = NULL;
    }
    purging = TERM_NONE;
    return r;
}

PurgeResult module_purge_step(Term name, PurgeStep step)
{
    PurgeResult r = PURGE_BADARG;
    pthread_mutex_lock(&lock);
    switch (step) {
    case PURGE_PREPARE:
    case PURGE_PREPARE_ON_LOAD: r = purge_prepare(name, step == PURGE_PREPARE_ON_LOAD); break;
    case PURGE_ABORT: r = purge_end(name, false); break;
    case PURGE_COMPLETE: r = purge_end(name, true); break;
    }
    pthread_mutex_unlock(&lock);
    return r;
}

bool module_old_range(Term name, const CodeWord **start, size_t *words)
{
    size_t pos;
    pthread_mutex_lock(&lock);
    const Module *m = find_sorted(&old, name, &pos);
    if (m) {
        *start = m->code;
        *words = m->code_words;
    }
    pthread_mutex_unlock(&lock);
    return m != NULL;
}

Term *module_current_names(size_t *n, bool only_preloaded)
{
    pthread_mutex_lock(&lock);
    Term *names = malloc((current.n + 1) * sizeof *names);
    if (!names) abort();
    *n = 0;
    for (size_t i = 0; i < current.n; i++) {
        const Module *m = current.items[i];
        if (!only_preloaded || m->preloaded) names[(*n)++] = m->name;
    }
    pthread_mutex_unlock(&lock);
    return names;
}

/* The function of m whose code holds pc (functions are sorted by address). */
static const FunctionInfo *function_at(const Module *m, const CodeWord *pc)
{
    size_t lo = 0, hi = m->num_functions;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (m->functions[mid].start <= pc) lo = mid + 1;
        else hi = mid;
    }
    return lo ? &m->functions[lo - 1] : NULL;
}

Module *module_find_by_code(const CodeWord *pc, const FunctionInfo **function)
{
    Module *found = NULL;
    pthread_mutex_lock(&lock);
    size_t lo = 0, hi = versions.n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (((Module *)versions.items[mid])->code <= pc) lo = mid + 1;
        else hi = mid;
    }
    if (lo) {
        Module *m = versions.items[lo - 1];
        if (pc < m->code + m->code_words) found = m;
    }
    pthread_mutex_unlock(&lock);
    if (function) *function = found ? function_at(found, pc) : NULL;
    return found;
}

bool module_line_of(const Module *m, const CodeWord *pc, Term *file, uint32_t *line)
{
    if (!m->num_lines || pc < m->code || pc >= m->code + m->code_words) return false;
    uint32_t off = (uint32_t)(pc - m->code);
    size_t lo = 0, hi = m->num_lines;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (m->lines[mid].offset <= off) lo = mid + 1;
        else hi = mid;
    }
    if (!lo) return false;
    const LineEntry *e = &m->lines[lo - 1];
    if (e->line == 0 || e->file >= m->num_files) return false;
    *file = m->files[e->file];
    *line = e->line;
    return true;
}

size_t module_code_bytes(void)
{
    size_t bytes = 0;
    pthread_mutex_lock(&lock);
    for (size_t i = 0; i < versions.n; i++) {
        const Module *m = versions.items[i];
        bytes += sizeof *m + m->code_words * sizeof(CodeWord) + m->num_functions * sizeof(FunctionInfo);
    }
    pthread_mutex_unlock(&lock);
    return bytes;
}
