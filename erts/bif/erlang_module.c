/* erlang_module.c — BIFs that answer questions about loaded code and funs:
 * get_module_info/1,2 (behind every module's module_info/0,1),
 * function_exported/3, is_builtin/3, fun_info/1,2, fun_info_mfa/1, make_fun/3,
 * module_loaded/1, loaded/0, pre_loaded/0, load_module/2, delete_module/1,
 * purge_module/1, check_old_code/1 and load_nif/2.
 * Costs: one reduction, plus the length of the lists they build. */
#include "bif/bif.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atom/atom.h"
#include "bif/bif_util.h"
#include "load/beam_file.h"
#include "load/module.h"
#include "term/boxed.h"

/* ---- which modules are loaded ----------------------------------------------- */

/* erlang is built into the runtime: it is loaded and preloaded, with no
 * module of its own in the table. */
Term bif_erlang_module_loaded_1(Process *p, const Term *args)
{
    if (!term_is_atom(args[0])) return proc_badarg(p);
    return args[0] == ATOM_erlang || module_get(args[0]) ? ATOM_true : ATOM_false;
}

static Term module_names(Process *p, bool only_preloaded)
{
    size_t n;
    Term *names = module_current_names(&n, only_preloaded);
    Term list = bif_array_to_list(p, names, n, TERM_NIL);
    free(names);
    return term_cons(proc_alloc(p, 2), ATOM_erlang, list);
}

Term bif_erlang_loaded_0(Process *p, const Term *args) { return module_names(p, false); }
Term bif_erlang_pre_loaded_0(Process *p, const Term *args) { return module_names(p, true); }

/* ---- loading and old code ---------------------------------------------------- */

/* {module, M}, or {error, badfile | not_purged}. A bad file is reported on
 * standard error, as OTP's loader reports it. */
Term bif_erlang_load_module_2(Process *p, const Term *args)
{
    const uint8_t *bytes;
    size_t len;
    if (!term_is_atom(args[0]) || bif_binary_bytes(args[1], &bytes, &len) != BIN_OK) return proc_badarg(p);
    LoadError err;
    LoadStatus st = module_load_binary(args[0], bytes, len, &err);
    if (st == LOAD_OK) return bif_tuple2(p, ATOM_module, args[0]);
    if (st == LOAD_NOT_PURGED) return bif_tuple2(p, ATOM_error, ATOM_not_purged);
    size_t n;
    const char *name = atom_text(args[0], &n);
    fprintf(stderr, "=ERROR REPORT==== Error loading module %.*s:\n  %s\n", (int)n, name, err.text);
    return bif_tuple2(p, ATOM_error, ATOM_badfile);
}

/* true; badarg (with a report) when old code is in the way; undefined for
 * a module never loaded. */
Term bif_erlang_delete_module_1(Process *p, const Term *args)
{
    if (!term_is_atom(args[0])) return proc_badarg(p);
    switch (module_delete(args[0])) {
    case DELETE_OK:
    case DELETE_NO_CURRENT: return ATOM_true;
    case DELETE_UNKNOWN: return ATOM_undefined;
    case DELETE_NOT_PURGED: break;
    }
    size_t n;
    const char *name = atom_text(args[0], &n);
    fprintf(stderr, "=ERROR REPORT==== Module %.*s must be purged before deleting\n", (int)n, name);
    return proc_badarg(p);
}

Term bif_erlang_purge_module_1(Process *p, const Term *args)
{
    if (!term_is_atom(args[0]) || !module_purge(args[0])) return proc_badarg(p);
    return ATOM_true;
}

Term bif_erlang_check_old_code_1(Process *p, const Term *args)
{
    if (!term_is_atom(args[0])) return proc_badarg(p);
    return module_has_old(args[0]) ? ATOM_true : ATOM_false;
}

/* Native NIF libraries cannot be loaded: the call fails as a failed dlopen
 * does on OTP, so that modules with a fallback go on without it. */
Term bif_erlang_load_nif_2(Process *p, const Term *args)
{
    char path[1024];
    size_t len;
    bool too_long;
    if (!bif_latin1_string(args[0], path, sizeof path - 1, &len, &too_long)) {
        if (!term_is_atom(args[0])) return proc_badarg(p);
        const char *a = atom_text(args[0], &len);
        if (len >= sizeof path) return proc_badarg(p);
        memcpy(path, a, len);
    }
    char text[1200];
    snprintf(text, sizeof text, "Failed to load NIF library %.*s: 'Ember does not load native NIF libraries'",
             (int)len, path);
    Term msg = bif_bytes_to_list(p, (const uint8_t *)text, strlen(text), TERM_NIL);
    return bif_tuple2(p, ATOM_error, bif_tuple2(p, ATOM_load_failed, msg));
}

/* ---- get_module_info ------------------------------------------------------ */

/* [{Name, Arity}] of every function in code order, as OTP lists them. */
static Term function_list(Process *p, const Module *m)
{
    Term list = TERM_NIL;
    for (size_t i = m->num_functions; i-- > 0;) {
        const FunctionInfo *f = &m->functions[i];
        Term pair = bif_tuple2(p, f->name, term_make_small(f->arity));
        list = term_cons(proc_alloc(p, 2), pair, list);
    }
    return list;
}

/* OTP lists exports by walking its export table, whose entries are numbered
 * in the order they were created (an import of the module by code loaded
 * earlier, or by the module itself, creates one before its ExpT does), and
 * the walk conses, so the newest comes first. Exports are few: the
 * insertion sort here is cheaper than it looks. */
static Term export_list(Process *p, const Module *m)
{
    size_t n = m->num_exports;
    Export *stack_buf[64];
    Export **sorted = n <= 64 ? stack_buf : malloc(n * sizeof *sorted);
    if (!sorted) return proc_error(p, ATOM_system_limit);
    for (size_t i = 0; i < n; i++) {
        Export *e = m->exports[i];
        size_t j = i;
        for (; j > 0 && sorted[j - 1]->seq < e->seq; j--) sorted[j] = sorted[j - 1];
        sorted[j] = e;
    }
    Term list = TERM_NIL;
    for (size_t i = n; i-- > 0;) {
        Term pair = bif_tuple2(p, sorted[i]->function, term_make_small(sorted[i]->arity));
        list = term_cons(proc_alloc(p, 2), pair, list);
    }
    if (sorted != stack_buf) free(sorted);
    return list;
}

static bool md5_known(const Module *m)
{
    for (int i = 0; i < 16; i++)
        if (m->md5[i]) return true;
    return false;
}

/* The module's MD5, or TERM_NONE with not_implemented raised while the
 * loader does not compute it. */
static Term md5_binary(Process *p, const Module *m)
{
    if (!md5_known(m)) return bif_not_implemented(p, "md5");
    return bif_make_binary(p, m->md5, 16);
}

static Term module_info_item(Process *p, const Module *m, Term key)
{
    if (key == ATOM_module) return m->name;
    if (key == ATOM_exports) return export_list(p, m);
    if (key == ATOM_functions) return function_list(p, m);
    if (key == ATOM_attributes) return m->attributes;
    if (key == ATOM_compile) return m->compile_info;
    if (key == ATOM_md5) return md5_binary(p, m);
    if (key == ATOM_native) return ATOM_false;
    if (key == atom_from_cstr("nifs")) return TERM_NIL; /* Ember has no NIFs loaded */
    return proc_badarg(p);
}

static const Module *loaded_module(Term name)
{
    return term_is_atom(name) ? module_get(name) : NULL;
}

Term bif_erlang_get_module_info_2(Process *p, const Term *args)
{
    const Module *m = loaded_module(args[0]);
    if (!m) return proc_badarg(p);
    return module_info_item(p, m, args[1]);
}

/* module_info/0's list: module, exports, attributes, compile, md5 — in that order. */
Term bif_erlang_get_module_info_1(Process *p, const Term *args)
{
    const Module *m = loaded_module(args[0]);
    if (!m) return proc_badarg(p);
    const Term keys[] = {ATOM_module, ATOM_exports, ATOM_attributes, ATOM_compile, ATOM_md5};
    Term items[5];
    for (int i = 0; i < 5; i++) {
        Term v = module_info_item(p, m, keys[i]);
        if (v == TERM_NONE) return TERM_NONE;
        items[i] = bif_tuple2(p, keys[i], v);
    }
    return bif_array_to_list(p, items, 5, TERM_NIL);
}

/* ---- exports and BIFs ------------------------------------------------------ */

static const Export *mfa_export(Term m, Term f, Term a, bool *ok)
{
    *ok = term_is_atom(m) && term_is_atom(f) && term_is_small(a) && term_small_value(a) >= 0;
    if (!*ok || term_small_value(a) > 255) return NULL;
    return export_get(m, f, (unsigned)term_small_value(a));
}

/* True for a loaded module's export and for every BIF, as on OTP. */
Term bif_erlang_function_exported_3(Process *p, const Term *args)
{
    bool ok;
    const Export *e = mfa_export(args[0], args[1], args[2], &ok);
    if (!ok) return proc_badarg(p);
    return e && (atomic_load(&((Export *)e)->code) || e->bif) ? ATOM_true : ATOM_false;
}

Term bif_erlang_is_builtin_3(Process *p, const Term *args)
{
    bool ok;
    const Export *e = mfa_export(args[0], args[1], args[2], &ok);
    if (!ok) return proc_badarg(p);
    return e && e->bif ? ATOM_true : ATOM_false;
}

/* make_fun(M, F, A): an external fun; the module need not exist. */
Term bif_erlang_make_fun_3(Process *p, const Term *args)
{
    Term a = args[2];
    if (!term_is_atom(args[0]) || !term_is_atom(args[1]) || !term_is_small(a) || term_small_value(a) < 0 ||
        term_small_value(a) > 255)
        return proc_badarg(p);
    Export *e = export_put(args[0], args[1], (unsigned)term_small_value(a));
    Term *mem = proc_alloc(p, 2);
    mem[0] = header_make(HDR_EXPORT, 1);
    mem[1] = (Term)(uintptr_t)e;
    return term_make_boxed(mem);
}

/* ---- fun_info -------------------------------------------------------------- */

static Term closure_env(Process *p, Term fun) { return bif_array_to_list(p, fun_env(fun), fun_num_free(fun), TERM_NIL); }

/* The value of one fun_info item. For a closure, the creating process is
 * not recorded in the fun: the answer is the calling process, exact while
 * funs do not travel between processes. */
static Term fun_item(Process *p, Term fun, Term item)
{
    bool ext = term_is_boxed_tag(fun, HDR_EXPORT);
    if (ext) {
        const Export *e = export_of_fun(fun);
        if (item == ATOM_arity) return term_make_small(e->arity);
        if (item == ATOM_module) return e->module;
        if (item == ATOM_name) return e->function;
        if (item == ATOM_env) return TERM_NIL;
        if (item == ATOM_type) return ATOM_external;
        if (item == ATOM_index || item == ATOM_uniq || item == ATOM_new_index || item == ATOM_new_uniq ||
            item == ATOM_pid)
            return ATOM_undefined;
        return proc_badarg(p);
    }
    const FunEntry *fe = fun_entry(fun);
    if (item == ATOM_arity) return term_make_small(fe->arity - fe->num_free);
    if (item == ATOM_module) return fe->module->name;
    if (item == ATOM_name) return fe->function;
    if (item == ATOM_env) return closure_env(p, fun);
    if (item == ATOM_type) return ATOM_local;
    if (item == ATOM_index || item == ATOM_new_index) return term_make_small(fe->index);
    if (item == ATOM_uniq) return term_make_small(fe->old_uniq);
    if (item == ATOM_new_uniq) return md5_binary(p, fe->module);
    if (item == ATOM_pid) return p->pid;
    return proc_badarg(p);
}

Term bif_erlang_fun_info_mfa_1(Process *p, const Term *args)
{
    if (!term_is_fun(args[0])) return proc_badarg(p);
    return bif_tuple3(p, fun_item(p, args[0], ATOM_module), fun_item(p, args[0], ATOM_name),
                      fun_item(p, args[0], ATOM_arity));
}

Term bif_erlang_fun_info_2(Process *p, const Term *args)
{
    if (!term_is_fun(args[0]) || !term_is_atom(args[1])) return proc_badarg(p);
    Term v = fun_item(p, args[0], args[1]);
    return v == TERM_NONE ? v : bif_tuple2(p, args[1], v);
}

/* fun_info/1 lists the items in OTP's order for each kind of fun. */
Term bif_erlang_fun_info_1(Process *p, const Term *args)
{
    const Term local_keys[] = {ATOM_pid, ATOM_module, ATOM_new_index, ATOM_new_uniq, ATOM_index,
                               ATOM_uniq, ATOM_name, ATOM_arity, ATOM_env, ATOM_type};
    const Term ext_keys[] = {ATOM_module, ATOM_name, ATOM_arity, ATOM_env, ATOM_type};
    Term fun = args[0];
    if (!term_is_fun(fun)) return proc_badarg(p);
    bool ext = term_is_boxed_tag(fun, HDR_EXPORT);
    const Term *keys = ext ? ext_keys : local_keys;
    size_t n = ext ? 5 : 10;
    Term items[10];
    for (size_t i = 0; i < n; i++) {
        Term v = fun_item(p, fun, keys[i]);
        if (v == TERM_NONE) return TERM_NONE;
        items[i] = bif_tuple2(p, keys[i], v);
    }
    return bif_array_to_list(p, items, n, TERM_NIL);
}
