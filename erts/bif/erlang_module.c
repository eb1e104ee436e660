/* erlang_module.c — BIFs that answer questions about loaded code and funs:
 * get_module_info/1,2 (behind every module's module_info/0,1),
 * function_exported/3, is_builtin/3, fun_info/1,2, fun_info_mfa/1, make_fun/3,
 * module_loaded/1, loaded/0, pre_loaded/0, load_module/2, delete_module/1,
 * purge_module/1, check_old_code/1, load_nif/2; and the loading steps OTP's
 * init and code server take: prepare_loading/2, finish_loading/1, the on_load
 * calls, the code purger's erts_internal:purge_module/2, check_process_code
 * and the raw chunk readers.
 * Costs: one reduction, plus the length of the lists they build. */
#include "bif/bif.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "atom/atom.h"
#include "bif/bif_util.h"
#include "emu/receive.h"
#include "load/beam_chunks.h"
#include "load/beam_file.h"
#include "load/loader.h"
#include "load/module.h"
#include "proc/logger_report.h"
#include "proc/ptab.h"
#include "proc/registry.h"
#include "proc/signal.h"
#include "sched/sched.h"
#include "term/boxed.h"
#include "term/ext_fun.h"
#include "term/resource.h"

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

/* A bad file is reported to the logger as OTP's loader reports it (on
 * standard error while there is no logger). */
static void report_bad_file(Process *p, Term name, const LoadError *err)
{
    size_t n;
    const char *text = atom_text(name, &n);
    char line[512];
    snprintf(line, sizeof line, "Error loading module %.*s:\n  %s\n", (int)n, text, err->text);
    Term args = term_cons(proc_alloc(p, 2), bif_bytes_to_list(p, (const uint8_t *)line, strlen(line), TERM_NIL), TERM_NIL);
    if (!logger_report_error(p, "~s~n", args)) fprintf(stderr, "=ERROR REPORT==== %s", line);
}

/* OTP's erlang:prepare_loading/2 (and so load_module/2) also takes a gzip'd
 * .beam: bytes that are not an IFF file are inflated when they can be. Returns
 * a malloc'd copy, or NULL to use the bytes as they are. */
#define MAX_GUNZIP_BYTES (512u << 20)
static uint8_t *gunzip(const uint8_t *bytes, size_t len, size_t *out_len)
{
    if (len >= 4 && memcmp(bytes, "FOR1", 4) == 0) return NULL;
    z_stream z = {0};
    if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) return NULL;
    size_t cap = len * 4 + 256, used = 0;
    uint8_t *out = malloc(cap);
    z.next_in = (Bytef *)bytes;
    z.avail_in = (uInt)(len > UINT_MAX ? UINT_MAX : len);
    int r = Z_OK;
    while (out && r == Z_OK) {
        if (used == cap) {
            uint8_t *bigger = cap < MAX_GUNZIP_BYTES ? realloc(out, cap * 2) : NULL;
            if (!bigger) break;
            out = bigger;
            cap *= 2;
        }
        z.next_out = out + used;
        z.avail_out = (uInt)(cap - used > UINT_MAX ? UINT_MAX : cap - used);
        r = inflate(&z, Z_NO_FLUSH);
        used = (size_t)(z.next_out - out);
    }
    inflateEnd(&z);
    if (r != Z_STREAM_END) {
        free(out);
        return NULL;
    }
    *out_len = used;
    return out;
}

/* {module, M}, or {error, badfile | not_purged | on_load}: a module with an
 * on_load function waits for it, as OTP's load_module/2 leaves it. */
Term bif_erlang_load_module_2(Process *p, const Term *args)
{
    const uint8_t *bytes;
    size_t len, unzipped_len;
    if (!term_is_atom(args[0]) || bif_binary_bytes(args[1], &bytes, &len) != BIN_OK) return proc_badarg(p);
    uint8_t *unzipped = gunzip(bytes, len, &unzipped_len);
    LoadError err;
    LoadStatus st = unzipped ? module_load_binary(args[0], unzipped, unzipped_len, &err)
                             : module_load_binary(args[0], bytes, len, &err);
    free(unzipped);
    if (st == LOAD_OK) return bif_tuple2(p, ATOM_module, args[0]);
    if (st == LOAD_NOT_PURGED) return bif_tuple2(p, ATOM_error, ATOM_not_purged);
    if (st == LOAD_ON_LOAD) return bif_tuple2(p, ATOM_error, ATOM_on_load);
    report_bad_file(p, args[0], &err);
    return bif_tuple2(p, ATOM_error, ATOM_badfile);
}

/* ---- prepared code ------------------------------------------------------------- */

/* A prepared module no one installed is freed with its last reference. */
static void prepared_destroy(void *data)
{
    PreparedCode *pc = data;
    load_module_free(pc->module);
}

static const ResourceType prepared_type = {"prepared_code", prepared_destroy};

/* The magic reference of a prepared module, or {error, badfile}. Costs one
 * reduction; the build is proportional to the file and not cut into slices. */
static Term prepare(Process *p, Term name, const uint8_t *bytes, size_t len)
{
    LoadError err;
    Module *m;
    if (load_module_bytes(bytes, len, NULL, name, &m, &err) != LOAD_OK) {
        report_bad_file(p, name, &err);
        return bif_tuple2(p, ATOM_error, ATOM_badfile);
    }
    PreparedCode *pc = resource_alloc(&prepared_type, sizeof *pc);
    if (!pc) {
        load_module_free(m);
        return proc_error(p, ATOM_system_limit);
    }
    *pc = (PreparedCode){.module = m, .name = name, .on_load = m->on_load != NULL};
    Term ref = resource_make_term(p, pc);
    resource_release(pc);
    return ref;
}

Term bif_erts_internal_prepare_loading_2(Process *p, const Term *args)
{
    const uint8_t *bytes;
    size_t len;
    if (!term_is_atom(args[0]) || bif_binary_bytes(args[1], &bytes, &len) != BIN_OK) return proc_badarg(p);
    return prepare(p, args[0], bytes, len);
}

Term bif_erlang_prepare_loading_2(Process *p, const Term *args)
{
    const uint8_t *bytes;
    size_t len, unzipped_len;
    if (!term_is_atom(args[0]) || bif_binary_bytes(args[1], &bytes, &len) != BIN_OK) return proc_badarg(p);
    uint8_t *unzipped = gunzip(bytes, len, &unzipped_len);
    Term r = unzipped ? prepare(p, args[0], unzipped, unzipped_len) : prepare(p, args[0], bytes, len);
    free(unzipped);
    return r;
}

/* Whether the module has an on_load function; still answers once installed. */
Term bif_erlang_has_prepared_code_on_load_1(Process *p, const Term *args)
{
    const PreparedCode *pc = resource_from_term(args[0], &prepared_type);
    if (!pc) return proc_badarg(p);
    return pc->on_load ? ATOM_true : ATOM_false;
}

/* {Tag, Modules} for the flagged codes; like OTP, the list runs backwards. */
static Term flagged_list(Process *p, Term tag, PreparedCode *const *codes, const bool *flagged, size_t n)
{
    Term list = TERM_NIL;
    for (size_t i = 0; i < n; i++)
        if (flagged[i]) list = term_cons(proc_alloc(p, 2), codes[i]->name, list);
    return bif_tuple2(p, tag, list);
}

/* ok, or {duplicated | not_purged | on_load, Modules}; badarg for anything but
 * a proper list of prepared codes not installed yet; system_limit for a group
 * with an on_load module in it. Costs one reduction per module. */
Term bif_erlang_finish_loading_1(Process *p, const Term *args)
{
    size_t n;
    if (!bif_list_length(args[0], &n)) return proc_badarg(p);
    PreparedCode **codes = malloc((n + 1) * sizeof *codes);
    bool *flagged = malloc(n + 1);
    if (!codes || !flagged) abort();
    Term l = args[0];
    bool ok = true;
    for (size_t i = 0; i < n && ok; i++, l = term_tail(l)) {
        codes[i] = resource_from_term(term_head(l), &prepared_type);
        ok = codes[i] != NULL;
    }
    FinishStatus st = ok ? module_finish_loading(codes, n, flagged) : FINISH_BADARG;
    p->reductions += n;
    Term r = ATOM_ok;
    switch (st) {
    case FINISH_OK: break;
    case FINISH_BADARG: r = proc_badarg(p); break;
    case FINISH_SYSTEM_LIMIT: r = proc_error(p, ATOM_system_limit); break;
    case FINISH_DUPLICATED: r = flagged_list(p, ATOM_duplicated, codes, flagged, n); break;
    case FINISH_NOT_PURGED: r = flagged_list(p, ATOM_not_purged, codes, flagged, n); break;
    case FINISH_ON_LOAD: r = flagged_list(p, ATOM_on_load, codes, flagged, n); break;
    }
    free(codes);
    free(flagged);
    return r;
}

/* ---- on_load -------------------------------------------------------------------- */

/* Runs the pending version's on_load function in the calling process: the
 * call becomes a tail call of it, so its result is the call's. */
Term bif_erlang_call_on_load_function_1(Process *p, const Term *args)
{
    Module *m = term_is_atom(args[0]) ? module_pending(args[0]) : NULL;
    if (!m) return proc_badarg(p);
    return proc_trap(p, &m->on_load_call, args);
}

/* true; badarg when the module has no version waiting for on_load. */
Term bif_erlang_finish_after_on_load_2(Process *p, const Term *args)
{
    if (args[1] != ATOM_true && args[1] != ATOM_false) return proc_badarg(p);
    if (!term_is_atom(args[0]) || !module_finish_after_on_load(args[0], args[1] == ATOM_true)) return proc_badarg(p);
    return ATOM_true;
}

/* ---- the code purger's steps -------------------------------------------------------- */

/* Only OTP's code purger (the process registered as erts_code_purger) may
 * take these steps, as on OTP; others get notsup. */
Term bif_erts_internal_purge_module_2(Process *p, const Term *args)
{
    if (registry_name_of(p) != ATOM_erts_code_purger) return proc_error(p, ATOM_notsup);
    PurgeStep step;
    if (args[1] == ATOM_prepare) step = PURGE_PREPARE;
    else if (args[1] == ATOM_prepare_on_load) step = PURGE_PREPARE_ON_LOAD;
    else if (args[1] == ATOM_abort) step = PURGE_ABORT;
    else if (args[1] == ATOM_complete) step = PURGE_COMPLETE;
    else return proc_badarg(p);
    if (!term_is_atom(args[0])) return proc_badarg(p);
    switch (module_purge_step(args[0], step)) {
    case PURGE_TRUE: return ATOM_true;
    case PURGE_FALSE: return ATOM_false;
    case PURGE_BADARG: break;
    }
    return proc_badarg(p);
}

/* ---- check_process_code ------------------------------------------------------------ */

static bool in_range(const void *w, const CodeWord *start, size_t words)
{
    return (const CodeWord *)w >= start && (const CodeWord *)w < start + words;
}

/* Whether q runs code in [start, start + words): its saved instruction and
 * return pointers, and every continuation pointer on its stack (the words
 * with the header tag that are not 0). Funs are not looked at: on OTP 25 they
 * do not keep old code alive either. Costs one reduction per 32 stack words. */
static bool runs_code(Process *p, const Process *q, const CodeWord *start, size_t words)
{
    p->reductions += (uint64_t)(q->hend - q->stop) / 32;
    if (in_range(q->pc, start, words) || in_range(q->cp, start, words)) return true;
    for (const Term *sp = q->stop; sp < q->hend; sp++)
        if (term_is_header(*sp) && *sp != 0 && in_range((const void *)*sp, start, words)) return true;
    return false;
}

/* true, false, or TERM_NONE for the caller to return (retry while the
 * process is running elsewhere). */
static Term check_code(Process *p, Term pid, Term module)
{
    const CodeWord *start;
    size_t words;
    if (!module_old_range(module, &start, &words)) return ATOM_false;
    if (pid == p->pid) return runs_code(p, p, start, words) ? ATOM_true : ATOM_false;
    Process *q = ptab_get(pid);
    HoldResult h = q ? proc_hold(p, q) : HOLD_GONE;
    Term r = ATOM_false;
    if (h == HOLD_OK) {
        r = runs_code(p, q, start, words) ? ATOM_true : ATOM_false;
        proc_unhold(q);
    } else if (h == HOLD_BUSY) {
        r = proc_retry(p);
    }
    if (q) proc_release(q);
    return r;
}

Term bif_erts_internal_check_process_code_1(Process *p, const Term *args)
{
    if (!term_is_atom(args[0])) return proc_badarg(p);
    return check_code(p, p->pid, args[0]);
}

/* Options: {async, RequestId} (the answer comes as a message
 * {check_process_code, RequestId, Result} and the call returns async) and
 * {allow_gc, Bool} (Ember never needs a collection to answer). */
static bool cpc_options(Term opts, Term *request)
{
    *request = TERM_NONE;
    for (; term_is_list(opts); opts = term_tail(opts)) {
        Term o = term_head(opts);
        if (!term_is_tuple(o) || term_tuple_arity(o) != 2) return false;
        Term key = term_tuple_element(o, 1), value = term_tuple_element(o, 2);
        if (key == ATOM_async) *request = value;
        else if (key != ATOM_allow_gc || (value != ATOM_true && value != ATOM_false)) return false;
    }
    return opts == TERM_NIL;
}

static Term check_process_code(Process *p, Term pid, Term module, Term opts)
{
    Term request;
    if (!term_is_local_pid(pid) || !term_is_atom(module) || !cpc_options(opts, &request)) return proc_badarg(p);
    Term r = check_code(p, pid, module);
    if (r == TERM_NONE || request == TERM_NONE) return r;
    emu_send(p, p->pid, bif_tuple3(p, ATOM_check_process_code, request, r));
    return ATOM_async;
}

/* erts_internal:request_system_task([Requester,] Pid, Priority, Request): the
 * work OTP asks another process to do for it (the code purger's
 * check_process_code, garbage_collect of another process), done here at once;
 * the answer comes to the requester (the caller without one) as a message
 * from Pid, as on OTP. */
static Term system_task(Process *p, Term requester, const Term *args)
{
    Term pid = args[0], req = args[2];
    if (!term_is_local_pid(pid) || !term_is_atom(args[1]) || !term_is_tuple(req) || term_tuple_arity(req) < 3)
        return proc_badarg(p);
    Term op = term_tuple_element(req, 1), id = term_tuple_element(req, 2), r;
    /* {check_process_code, Id, Module} from OTP 25's purger, with Flags from older ones */
    if (op == ATOM_check_process_code && term_tuple_arity(req) <= 4 && term_is_atom(term_tuple_element(req, 3)))
        r = check_code(p, pid, term_tuple_element(req, 3));
    else if (op == ATOM_garbage_collect && term_tuple_arity(req) == 3)
        r = bif_erlang_garbage_collect_1(p, args);
    else
        return proc_badarg(p);
    if (r == TERM_NONE) return r;
    /* an answer no process can take is dropped, as OTP drops it */
    if (term_is_local_pid(requester)) sig_send(requester, msg_copy_of(bif_tuple3(p, op, id, r), SIG_MSG, pid));
    return ATOM_ok;
}

Term bif_erts_internal_request_system_task_3(Process *p, const Term *args) { return system_task(p, p->pid, args); }
Term bif_erts_internal_request_system_task_4(Process *p, const Term *args) { return system_task(p, args[0], args + 1); }

Term bif_erlang_check_process_code_2(Process *p, const Term *args)
{
    return check_process_code(p, args[0], args[1], TERM_NIL);
}

Term bif_erlang_check_process_code_3(Process *p, const Term *args)
{
    return check_process_code(p, args[0], args[1], args[2]);
}

/* ---- raw chunks ------------------------------------------------------------------- */

/* The data of the chunk named by a list of four bytes, or undefined (no
 * such chunk, an empty one, or not a .beam container). */
Term bif_erts_internal_beamfile_chunk_2(Process *p, const Term *args)
{
    char id[4];
    Term l = args[1];
    for (int k = 0; k < 4; k++, l = term_tail(l)) {
        if (!term_is_list(l)) return proc_badarg(p);
        Term c = term_head(l);
        if (!term_is_small(c) || term_small_value(c) < 0 || term_small_value(c) > 255) return proc_badarg(p);
        id[k] = (char)term_small_value(c);
    }
    const uint8_t *bytes;
    size_t len;
    if (l != TERM_NIL || bif_binary_bytes(args[0], &bytes, &len) != BIN_OK) return proc_badarg(p);
    BeamSpan chunk;
    if (!load_beam_chunk(bytes, len, id, &chunk) || chunk.size == 0) return ATOM_undefined;
    return bif_make_binary(p, chunk.data, chunk.size);
}

/* The MD5 module_info(md5) would give once loaded; undefined for a bad file. */
Term bif_erts_internal_beamfile_module_md5_1(Process *p, const Term *args)
{
    const uint8_t *bytes;
    size_t len;
    if (bif_binary_bytes(args[0], &bytes, &len) != BIN_OK) return proc_badarg(p);
    BeamFile bf;
    LoadError err;
    if (!load_beam_parse(bytes, len, &bf, &err)) return ATOM_undefined;
    load_beam_free(&bf);
    uint8_t md5[16];
    load_beam_md5(bytes, len, md5);
    return bif_make_binary(p, md5, 16);
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

/* OTP links the NIF libraries of some preloaded modules into its runtime and
 * their on_load asks for them by bare name; Ember's natives for them are bound
 * when the module loads (a function Ember lacks keeps its Erlang stub, which
 * raises), so asking succeeds. */
static bool is_static_nif_library(const char *name, size_t len)
{
    static const char *const libraries[] = {"zlib", "erl_tracer", "prim_buffer", "prim_file"};
    for (size_t k = 0; k < sizeof libraries / sizeof *libraries; k++)
        if (strlen(libraries[k]) == len && memcmp(libraries[k], name, len) == 0) {
            Module *m = module_get(atom_from_cstr(libraries[k]));
            return m && m->preloaded;
        }
    return false;
}

/* Other native NIF libraries cannot be loaded: the call fails as a failed
 * dlopen does on OTP, so that modules with a fallback go on without it. */
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
    if (is_static_nif_library(path, len)) return ATOM_ok;
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

/* The value of one fun_info item. A closure decoded while its module version
 * was not loaded names no function until that version is loaded. */
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
    if (item == ATOM_name) return ext_fun_resolved(fe)->function;
    if (item == ATOM_env) return closure_env(p, fun);
    if (item == ATOM_type) return ATOM_local;
    if (item == ATOM_index) return term_make_small(fe->index);
    if (item == ATOM_new_index) return term_make_small(fe->new_index);
    if (item == ATOM_uniq) return term_make_small(fe->old_uniq);
    if (item == ATOM_new_uniq) return md5_binary(p, fe->module);
    if (item == ATOM_pid) return fun_creator(fun);
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
