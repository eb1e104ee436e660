/* call.h — resolving the target of dynamic calls: apply/2,3 and the `apply`
 * instruction. Each helper leaves the arguments in x registers and returns the
 * target, or fails with an exception on the process and, in *extra, the
 * {erlang,apply,Args,Location} frame OTP shows for it. */
#ifndef EMBER_EMU_CALL_H
#define EMBER_EMU_CALL_H

#include "load/export.h"
#include "proc/process.h"

/* Set by the OTP boot: a call to a module that is not loaded goes to
 * error_handler:undefined_function/3 (which asks OTP's code server) instead
 * of being loaded from Ember's code path. */
void emu_use_error_handler(void);
bool emu_routes_undefined(void);
/* Set by the standalone boot: a call that loads a module with an -on_load
 * function from the code path goes to init:run_on_load(Module, Function or
 * Fun, Args) (lib/init.erl), which runs the function and then the call.
 * emu_on_load_runner() is that entry while its code is loaded, else NULL. */
void emu_use_on_load_runner(void);
Export *emu_on_load_runner(void);
/* error_handler:undefined_function/3 when calls are routed there and it is
 * loaded; NULL otherwise (the call is undef, as on OTP before the boot
 * script has loaded error_handler). */
Export *emu_error_handler(void);

/* A call of `fun` (arity arguments in x) whose module version was purged
 * (Module.purged): FUN_RUN: *code is the current version's fun; FUN_HANDLER:
 * *code is error_handler:undefined_lambda/3, with x0..x2 set for it;
 * FUN_UNDEF: the module cannot be loaded; FUN_BADFUN: it has no such fun.
 * May load a module; allocates, never collects. */
typedef enum FunRoute { FUN_RUN, FUN_HANDLER, FUN_UNDEF, FUN_BADFUN } FunRoute;
FunRoute emu_purged_fun(Process *p, Term *x, Term fun, unsigned arity, const CodeWord **code);

/* The export entry for M:F/A, loading M first when it is not loaded (then
 * *tried_load is set, so the call does not try again). A fresh entry has no
 * code: calling it is undef. */
Export *emu_find_export(Term module, Term function, unsigned arity, bool *tried_load);

/* erlang:apply/3 with x0 = Module, x1 = Function, x2 = Args (nested applies
 * of erlang:apply/3 are unwrapped). Sets *arity; NULL on failure. */
Export *emu_apply3(Process *p, Term *x, unsigned *arity, Term *extra, bool *tried_load);

/* `apply Arity`: Module in x[arity], Function in x[arity + 1]. NULL on failure. */
Export *emu_fixed_apply(Process *p, Term *x, unsigned arity, Term *extra, bool *tried_load);

/* erlang:apply/2 with x0 = Fun, x1 = Args: leaves the arguments in x[0..arity)
 * and the fun in x[arity]. False on failure. */
bool emu_apply2(Process *p, Term *x, unsigned *arity, Term *extra);

#endif
