/* test_emu.c — the interpreter on hand-assembled code: calls and returns,
 * stack growth through the collector, catch/try, raising and undef. Code that
 * is in no module shows no frames in stack traces, so traces here are short. */
#include <check.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "check_run.h"
#include "atom/atom.h"
#include "emu/emu.h"
#include "load/export.h"
#include "load/module.h"
#include "term/compare.h"

/* ---- a tiny assembler -------------------------------------------------- */

typedef struct Asm {
    CodeWord code[256];
    size_t n;
} Asm;

static size_t emit(Asm *a, Opcode op, int nargs, ...)
{
    size_t at = a->n;
    a->code[a->n++] = (CodeWord)op;
    va_list ap;
    va_start(ap, nargs);
    for (int i = 0; i < nargs; i++) a->code[a->n++] = va_arg(ap, CodeWord);
    va_end(ap);
    return at;
}
static CodeWord X(unsigned i) { return code_reg(REG_X, i); }
static CodeWord Y(unsigned i) { return code_reg(REG_Y, i); }
static CodeWord small(SInt v) { return (CodeWord)term_make_small(v); }
static CodeWord at(Asm *a, size_t i) { return (CodeWord)&a->code[i]; }

/* Threads the code and makes it the body of test:name/arity. */
static Term install(Asm *a, const char *name, unsigned arity)
{
    emu_thread_code(a->code, a->n);
    Term f = atom_from_cstr(name);
    export_put(atom_from_cstr("emu_test"), f, arity)->code = a->code;
    return f;
}

static EmuOutcome call(Process *p, Term f, Term args, Term *result)
{
    return emu_apply(p, atom_from_cstr("emu_test"), f, args, result);
}

static Term tuple2(Term a, Term b, Term *mem)
{
    mem[0] = header_make(HDR_TUPLE, 2);
    mem[1] = a;
    mem[2] = b;
    return term_make_boxed(mem);
}

/* ---- tests --------------------------------------------------------------- */

START_TEST(returns_a_value)
{
    static Asm a;
    a.n = 0;
    emit(&a, OP_move, 2, small(42), X(0));
    emit(&a, OP_return, 0);
    Term f = install(&a, "answer", 0);
    Process *p = proc_new(0);
    Term r;
    ck_assert_int_eq(call(p, f, TERM_NIL, &r), EMU_RETURNED);
    ck_assert(r == term_make_small(42));
    ck_assert(p->stop == p->hend);
    proc_free(p);
}
END_TEST

/* copy([H|T]) -> [H|copy(T)]; copy(Other) -> Other. Deep body recursion that
 * needs the stack to grow many times. */
START_TEST(deep_body_recursion_grows_the_stack)
{
    static Asm a;
    a.n = 0;
    size_t top = emit(&a, OP_is_nonempty_list, 2, 0, X(0));
    emit(&a, OP_allocate, 2, 1, 1);
    emit(&a, OP_get_list, 3, X(0), Y(0), X(0));
    size_t rec = emit(&a, OP_call, 2, 1, 0);
    emit(&a, OP_test_heap, 2, 2, 1);
    emit(&a, OP_put_list, 3, Y(0), X(0), X(0));
    emit(&a, OP_deallocate, 1, 1);
    emit(&a, OP_return, 0);
    size_t out = emit(&a, OP_return, 0);
    a.code[top + 1] = at(&a, out);
    a.code[rec + 2] = at(&a, top);
    Term f = install(&a, "copy", 1);

    Process *p = proc_new(0);
    enum { N = 200000 };
    Term list = TERM_NIL;
    for (SInt i = N; i > 0; i--) list = term_cons(proc_alloc(p, 2), term_make_small(i), list);
    Term *cell = proc_alloc(p, 2);
    Term args = term_cons(cell, list, TERM_NIL);
    Term r;
    ck_assert_int_eq(call(p, f, args, &r), EMU_RETURNED);
    SInt expect = 1;
    for (; term_is_list(r); r = term_tail(r)) ck_assert(term_head(r) == term_make_small(expect++));
    ck_assert(term_is_nil(r));
    ck_assert_int_eq(expect, N + 1);
    ck_assert_uint_eq(p->reductions, N + 1);
    proc_free(p);
}
END_TEST

START_TEST(catch_turns_an_error_into_exit_tuple)
{
    static Asm a;
    a.n = 0;
    emit(&a, OP_allocate, 2, 1, 0);
    size_t c = emit(&a, OP_catch, 2, Y(0), 0);
    emit(&a, OP_badmatch, 1, small(1));
    size_t h = emit(&a, OP_catch_end, 1, Y(0));
    emit(&a, OP_deallocate, 1, 1);
    emit(&a, OP_return, 0);
    a.code[c + 2] = at(&a, h);
    Term f = install(&a, "catcher", 0);

    Process *p = proc_new(0);
    Term r, mem[9];
    ck_assert_int_eq(call(p, f, TERM_NIL, &r), EMU_RETURNED);
    Term expect = tuple2(ATOM_EXIT, tuple2(tuple2(ATOM_badmatch, term_make_small(1), mem), TERM_NIL, mem + 3), mem + 6);
    ck_assert(term_eq_exact(r, expect));
    proc_free(p);
}
END_TEST

START_TEST(try_case_gives_class_and_reason)
{
    static Asm a;
    a.n = 0;
    emit(&a, OP_allocate, 2, 1, 0);
    size_t t = emit(&a, OP_try, 2, Y(0), 0);
    emit(&a, OP_case_end, 1, small(7));
    size_t h = emit(&a, OP_try_case, 1, Y(0));
    emit(&a, OP_put_tuple2, 4, X(0), 2, X(0), X(1));
    emit(&a, OP_deallocate, 1, 1);
    emit(&a, OP_return, 0);
    a.code[t + 2] = at(&a, h);
    Term f = install(&a, "tryer", 0);

    Process *p = proc_new(0);
    Term r, mem[6];
    ck_assert_int_eq(call(p, f, TERM_NIL, &r), EMU_RETURNED);
    ck_assert(term_eq_exact(r, tuple2(ATOM_error, tuple2(ATOM_case_clause, term_make_small(7), mem), mem + 3)));
    proc_free(p);
}
END_TEST

START_TEST(undefined_function_raises_undef)
{
    static Asm a;
    a.n = 0;
    emit(&a, OP_call_ext_only, 2, 0, (CodeWord)export_put(atom_from_cstr("no_such_module"), ATOM_main, 0));
    Term f = install(&a, "calls_nothing", 0);

    Process *p = proc_new(0);
    Term r;
    ck_assert_int_eq(call(p, f, TERM_NIL, &r), EMU_RAISED);
    ck_assert(p->fclass == ATOM_error);
    ck_assert(p->freason == ATOM_undef);
    /* [{no_such_module, main, [], []}] */
    ck_assert(term_is_list(r) && term_is_nil(term_tail(r)));
    Term frame = term_head(r);
    ck_assert(term_is_tuple(frame) && term_tuple_arity(frame) == 4);
    ck_assert(term_tuple_element(frame, 1) == atom_from_cstr("no_such_module"));
    ck_assert(term_tuple_element(frame, 3) == TERM_NIL);
    ck_assert(p->stop == p->hend);
    proc_free(p);
}
END_TEST

START_TEST(uncaught_throw_becomes_nocatch)
{
    static Asm a;
    a.n = 0;
    emit(&a, OP_move, 2, (CodeWord)ATOM_throw, X(0));
    emit(&a, OP_move, 2, (CodeWord)ATOM_ok, X(1));
    emit(&a, OP_move, 2, (CodeWord)TERM_NIL, X(2));
    emit(&a, OP_raw_raise, 0);
    Term f = install(&a, "thrower", 0);

    Process *p = proc_new(0);
    Term r, mem[3];
    ck_assert_int_eq(call(p, f, TERM_NIL, &r), EMU_RAISED);
    ck_assert(p->fclass == ATOM_error);
    ck_assert(term_eq_exact(p->freason, tuple2(ATOM_nocatch, ATOM_ok, mem)));
    proc_free(p);
}
END_TEST

START_TEST(raw_raise_with_bad_class_is_badarg)
{
    static Asm a;
    a.n = 0;
    emit(&a, OP_move, 2, (CodeWord)ATOM_ok, X(0));
    emit(&a, OP_raw_raise, 0);
    Term f = install(&a, "bad_class", 0);
    Process *p = proc_new(0);
    Term r;
    ck_assert_int_eq(call(p, f, TERM_NIL, &r), EMU_RAISED);
    ck_assert(p->freason == ATOM_badarg);
    proc_free(p);
}
END_TEST

START_TEST(calling_a_non_fun_is_badfun)
{
    static Asm a;
    a.n = 0;
    emit(&a, OP_move, 2, (CodeWord)ATOM_ok, X(0));
    emit(&a, OP_call_fun, 1, 0);
    emit(&a, OP_return, 0);
    Term f = install(&a, "badfun", 0);
    Process *p = proc_new(0);
    Term r, mem[3];
    ck_assert_int_eq(call(p, f, TERM_NIL, &r), EMU_RAISED);
    ck_assert(term_eq_exact(p->freason, tuple2(ATOM_badfun, ATOM_ok, mem)));
    proc_free(p);
}
END_TEST

START_TEST(select_val_picks_the_matching_label)
{
    static Asm a;
    a.n = 0;
    size_t s = emit(&a, OP_select_val, 7, X(0), 0, 2, (CodeWord)ATOM_ok, 0, small(1), 0);
    size_t l1 = emit(&a, OP_move, 2, (CodeWord)ATOM_true, X(0));
    emit(&a, OP_return, 0);
    size_t l2 = emit(&a, OP_move, 2, (CodeWord)ATOM_false, X(0));
    emit(&a, OP_return, 0);
    size_t dflt = emit(&a, OP_move, 2, (CodeWord)ATOM_undefined, X(0));
    emit(&a, OP_return, 0);
    a.code[s + 2] = at(&a, dflt);
    a.code[s + 5] = at(&a, l1);
    a.code[s + 7] = at(&a, l2);
    Term f = install(&a, "select", 1);
    Process *p = proc_new(0);
    Term r, cell[2];
    ck_assert_int_eq(call(p, f, term_cons(cell, ATOM_ok, TERM_NIL), &r), EMU_RETURNED);
    ck_assert(r == ATOM_true);
    ck_assert_int_eq(call(p, f, term_cons(cell, term_make_small(1), TERM_NIL), &r), EMU_RETURNED);
    ck_assert(r == ATOM_false);
    ck_assert_int_eq(call(p, f, term_cons(cell, term_make_small(2), TERM_NIL), &r), EMU_RETURNED);
    ck_assert(r == ATOM_undefined);
    proc_free(p);
}
END_TEST

START_TEST(threaded_words_map_back_to_opcodes)
{
    CodeWord code[] = {OP_move, small(1), X(0), OP_jump, 0, OP_return};
    emu_thread_code(code, sizeof code / sizeof code[0]);
    ck_assert_int_eq(emu_opcode_of(code[0]), OP_move);
    ck_assert_int_eq(emu_opcode_of(code[3]), OP_jump);
    ck_assert_int_eq(emu_opcode_of(code[5]), OP_return);
}
END_TEST

int main(void)
{
    atom_table_init(0);
    export_table_init();
    module_table_init();
    emu_init();
    Suite *s = suite_create("emu");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, returns_a_value);
    tcase_add_test(tc, deep_body_recursion_grows_the_stack);
    tcase_add_test(tc, catch_turns_an_error_into_exit_tuple);
    tcase_add_test(tc, try_case_gives_class_and_reason);
    tcase_add_test(tc, undefined_function_raises_undef);
    tcase_add_test(tc, uncaught_throw_becomes_nocatch);
    tcase_add_test(tc, raw_raise_with_bad_class_is_badarg);
    tcase_add_test(tc, calling_a_non_fun_is_badfun);
    tcase_add_test(tc, select_val_picks_the_matching_label);
    tcase_add_test(tc, threaded_words_map_back_to_opcodes);
    suite_add_tcase(s, tc);
    return check_run(s);
}
