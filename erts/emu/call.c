/* call.c — argument checking and target lookup for apply. The checks and the
 * frames they report follow OTP 25 (badarg from erlang:apply/3 with the
 * offending arguments, system_limit past the register file). */
#include "emu/call.h"

#include "atom/atom.h"
#include "emu/exception.h"
#include "emu/frames.h"
#include "load/module.h"
#include "term/boxed.h"

static _Atomic(Export *) error_handler_export, lambda_handler_export, on_load_export;

void emu_use_on_load_runner(void)
{
    atomic_store(&on_load_export, export_put(ATOM_init, atom_from_cstr("run_on_load"), 3));
    module_autoload_on_load();
}

Export *emu_on_load_runner(void)
{
    Export *e = atomic_load_explicit(&on_load_export, memory_order_relaxed);
    return e && atomic_load_explicit(&e->code, memory_order_acquire) ? e : NULL;
}

/* x0..x2 = Module, Callable, [x0, ..., x(arity-1)] for a handler. */
static void handler_args(Process *p, Term *x, Term module, Term callable, unsigned arity)
{
    Term args = TERM_NIL;
    for (unsigned i = arity; i-- > 0;) args = term_cons(proc_alloc(p, 2), x[i], args);
    x[0] = module, x[1] = callable, x[2] = args;
}

void emu_use_error_handler(void)
{
    Term module = atom_from_cstr("error_handler");
    atomic_store(&lambda_handler_export, export_put(module, atom_from_cstr("undefined_lambda"), 3));
    atomic_store(&error_handler_export, export_put(module, atom_from_cstr("undefined_function"), 3));
}

bool emu_routes_undefined(void) { return atomic_load_explicit(&error_handler_export, memory_order_relaxed) != NULL; }

Export *emu_error_handler(void)
{
    Export *e = atomic_load_explicit(&error_handler_export, memory_order_relaxed);
    return e && atomic_load_explicit(&e->code, memory_order_acquire) ? e : NULL;
}

/* The fun's module version is gone: the current version's fun runs instead.
 * With no current version, OTP's error_handler:undefined_lambda/3 loads it
 * and applies the fun again (where calls are routed there), or it is loaded
 * here from the code path. */
FunRoute emu_purged_fun(Process *p, Term *x, Term fun, unsigned arity, const CodeWord **code)
{
    const FunEntry *fe = fun_entry(fun);
    Term module = fe->module->name;
    const FunEntry *cur = module_current_fun(fe);
    if (!cur && !module_get(module)) {
        if (emu_routes_undefined()) {
            Export *h = atomic_load_explicit(&lambda_handler_export, memory_order_relaxed);
            *code = h ? atomic_load_explicit(&h->code, memory_order_acquire) : NULL;
            if (!*code) return FUN_UNDEF;
            handler_args(p, x, module, fun, arity);
            return FUN_HANDLER;
        }
        if (module_ensure_loaded(module) == LOAD_ON_LOAD) {
            Export *h = emu_on_load_runner();
            if (!h) return FUN_UNDEF;
            *code = atomic_load_explicit(&h->code, memory_order_acquire);
            handler_args(p, x, module, fun, arity);
            return FUN_HANDLER;
        }
        cur = module_current_fun(fe);
        if (!cur && !module_get(module)) return FUN_UNDEF;
    }
    if (!cur) return FUN_BADFUN;
    *code = cur->code;
    return FUN_RUN;
}

Export *emu_find_export(Term module, Term function, unsigned arity, bool *tried_load)
{
    Export *e = export_get(module, function, arity);
    if (e && (e->code || e->bif)) return e;
    /* Load before making an entry: entries are made in load order, which
     * module_info(exports) shows, and an apply must not change it. */
    if (!module_get(module)) {
        /* the call itself loads it, where its on_load function can run */
        if (emu_routes_undefined() || atomic_load_explicit(&on_load_export, memory_order_relaxed)) {
            /* An entry made now would come before the module's own: a
             * scratch one takes the call to error_handler, which loads it. */
            static _Thread_local Export unloaded;
            unloaded = (Export){.module = module, .function = function, .arity = arity};
            return e ? e : &unloaded;
        }
        module_ensure_loaded(module);
        *tried_load = true;
    }
    return export_put(module, function, arity);
}

static Term apply_frame(Process *p, Term a, Term b, Term c)
{
    Term args[3] = {a, b, c};
    return emu_bif_frame(p, export_put(ATOM_erlang, ATOM_apply, 3), args);
}

static Term apply2_frame(Process *p, Term a, Term b)
{
    Term args[2] = {a, b};
    return emu_bif_frame(p, export_put(ATOM_erlang, ATOM_apply, 2), args);
}

/* If args is [M, F, A] with an atom F, unwraps apply(erlang, apply, [M, F, A]). */
static bool unwrap_apply(Term *m, Term *f, Term *args)
{
    Term l = *args;
    if (!term_is_list(l)) return false;
    Term m2 = term_head(l);
    l = term_tail(l);
    if (!term_is_list(l)) return false;
    Term f2 = term_head(l);
    l = term_tail(l);
    if (!term_is_list(l) || !term_is_nil(term_tail(l))) return false;
    *m = m2;
    *f = f2;
    *args = term_head(l);
    return true;
}

Export *emu_apply3(Process *p, Term *x, unsigned *arity, Term *extra, bool *tried_load)
{
    Term m = x[0], f = x[1], args = x[2];
    for (;;) {
        if (!term_is_atom(m) || !term_is_atom(f)) goto badarg;
        if (m != ATOM_erlang || f != ATOM_apply || !unwrap_apply(&m, &f, &args)) break;
    }
    long n = emu_list_to_x(args, x, MAX_X_REGS - 1);
    if (n == -2) {
        x[0] = m, x[1] = f, x[2] = args;
        proc_error(p, ATOM_system_limit);
        *extra = apply_frame(p, m, f, args);
        return NULL;
    }
    if (n < 0) goto badarg;
    *arity = (unsigned)n;
    return emu_find_export(m, f, (unsigned)n, tried_load);
badarg:
    proc_badarg(p);
    *extra = apply_frame(p, m, f, args);
    return NULL;
}

Export *emu_fixed_apply(Process *p, Term *x, unsigned arity, Term *extra, bool *tried_load)
{
    Term m = x[arity], f = x[arity + 1];
    if (!term_is_atom(m) || !term_is_atom(f)) {
        proc_badarg(p);
        *extra = apply_frame(p, m, f, emu_arglist(p, x, arity));
        return NULL;
    }
    if (m == ATOM_erlang && f == ATOM_apply && arity == 3) return emu_apply3(p, x, &arity, extra, tried_load);
    return emu_find_export(m, f, arity, tried_load);
}

bool emu_apply2(Process *p, Term *x, unsigned *arity, Term *extra)
{
    Term fun = x[0], args = x[1];
    long n = emu_list_to_x(args, x, MAX_X_REGS - 1);
    if (n < 0) {
        if (n == -2) proc_error(p, ATOM_system_limit);
        else proc_badarg(p);
        *extra = apply2_frame(p, fun, args);
        return false;
    }
    x[n] = fun;
    *arity = (unsigned)n;
    return true;
}
