/* emu.c — the interpreter: one dispatch loop over the instructions of
 * load/ops.def, threaded (computed goto) with GCC/Clang, a plain switch when
 * EMBER_NO_THREADED is defined. Opcode bodies stay short; slow paths live in
 * call.c, exception.c, frames.c and float.c, which a JIT can call as well. */
#include "emu/emu.h"

#include <math.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>

#include "atom/atom.h"
#include "emu/bits_build.h"
#include "emu/bits_int.h"
#include "emu/bits_legacy.h"
#include "emu/bits_match.h"
#include "emu/call.h"
#include "emu/exception.h"
#include "emu/float.h"
#include "emu/frames.h"
#include "emu/map_ops.h"
#include "emu/operand.h"
#include "emu/receive.h"
#include "load/module.h"
#include "proc/saved_calls.h"
#include "term/boxed.h"
#include "term/compare.h"

#if !defined(EMBER_NO_THREADED) && !defined(__GNUC__)
#define EMBER_NO_THREADED 1
#endif

/* The register files: per scheduler thread, not per process (a process's live
 * registers are only meaningful while it runs). */
static _Thread_local Term xregs[MAX_X_REGS];
static _Thread_local double fregs[MAX_F_REGS];

#ifndef EMBER_NO_THREADED
static void *handlers[OP_COUNT];
#endif

/* The continuation of a call made from C: one i_return_to_c instruction. */
static CodeWord return_to_c[1];
/* Where a spawned process starts (apply/3 and apply/2 of its saved x
 * registers), and where a BIF that asked to be called again resumes. */
static CodeWord spawn_code[3];

static EmuOutcome run(Process *p, const CodeWord *start, bool tried_load, Term *result);

static CodeWord opcode_word(Opcode op)
{
#ifndef EMBER_NO_THREADED
    return (CodeWord)handlers[op];
#else
    return (CodeWord)op;
#endif
}

void emu_init(void)
{
#ifndef EMBER_NO_THREADED
    run(NULL, NULL, false, NULL); /* fills handlers[] */
#endif
    return_to_c[0] = opcode_word(OP_i_return_to_c);
    spawn_code[0] = opcode_word(OP_i_apply_only);
    spawn_code[1] = opcode_word(OP_i_apply_fun_only);
    spawn_code[2] = opcode_word(OP_i_retry_bif);
}

Opcode emu_opcode_of(CodeWord word)
{
    if (word < OP_COUNT) return (Opcode)word;
#ifndef EMBER_NO_THREADED
    for (int op = 0; op < OP_COUNT; op++)
        if ((CodeWord)handlers[op] == word) return (Opcode)op;
#endif
    return OP_COUNT; /* not an opcode word */
}


void emu_thread_code(CodeWord *code, size_t words)
{
#ifndef EMBER_NO_THREADED
    if (!handlers[0]) emu_init();
    for (size_t i = 0; i < words;) {
        Opcode op = emu_opcode_of(code[i]);
        if (op >= OP_COUNT) return; /* the loader validated the code: cannot happen */
        size_t n = code_instr_words(code + i, op);
        code[i] = (CodeWord)handlers[op];
        i += n;
    }
#else
    (void)code;
    (void)words;
#endif
}

EmuOutcome emu_apply(Process *p, Term module, Term function, Term args, Term *result)
{
    long n = emu_list_to_x(args, xregs, MAX_X_REGS - 1);
    if (n < 0) {
        proc_error(p, n == -2 ? ATOM_system_limit : ATOM_badarg);
        *result = TERM_NIL;
        return EMU_RAISED;
    }
    if (!term_is_atom(module) || !term_is_atom(function)) {
        proc_badarg(p);
        *result = TERM_NIL;
        return EMU_RAISED;
    }
    if (!return_to_c[0]) emu_init();
    if (!p->st.scheduled) p->st.slice_end = UINT64_MAX;
    /* A tail call from C: the callee returns to return_to_c. */
    bool tried_load = false;
    Export *e = emu_find_export(module, function, (unsigned)n, &tried_load);
    CodeWord boot[3] = {opcode_word(OP_call_ext_only), (CodeWord)n, (CodeWord)e};
    return run(p, boot, tried_load, result);
}

void emu_setup_spawn(Process *p, Term module, Term function, Term args)
{
    if (!return_to_c[0]) emu_init();
    Term x[3] = {module, function, args};
    unsigned n = 3;
    p->pc = &spawn_code[0];
    if (function == TERM_NONE) {
        x[1] = args;
        n = 2;
        p->pc = &spawn_code[1];
    }
    emu_push_x(p, x, n);
    p->cp = return_to_c;
}

EmuOutcome emu_resume(Process *p, uint64_t budget, Term *result)
{
    p->st.slice_end = p->reductions + budget;
    emu_pop_x(p, xregs);
    return run(p, p->pc, false, result);
}

/* ---- the loop ----------------------------------------------------------- */

/* Comparison fast paths: small integers and identical words. */
static inline int compare(Term a, Term b)
{
    if (term_is_small(a) && term_is_small(b)) {
        SInt x = term_small_value(a), y = term_small_value(b);
        return (x > y) - (x < y);
    }
    return term_compare(a, b);
}
static bool is_binary(Term t) { return binary_is_binary(t); }

static bool fun_has_arity(Term f, Term arity)
{
    if (!term_is_small(arity) || term_small_value(arity) < 0) return false;
    UInt a = (UInt)term_small_value(arity);
    if (term_is_boxed_tag(f, HDR_FUN)) return fun_entry(f)->arity - fun_num_free(f) == a;
    if (term_is_boxed_tag(f, HDR_EXPORT)) return export_of_fun(f)->arity == a;
    return false;
}

static Term box_float(Process *p, double d) { return term_make_float(proc_alloc(p, FLOAT_WORDS), d); }

/* Generic opcode names for the not_implemented message, from genop.def. */
static const char *genop_name(UInt op)
{
    switch (op) {
#define GENOP(n, name, arity) \
    case n: return #name;
#include "load/genop.def"
#undef GENOP
    default: return "unknown";
    }
}

/* Prints the not-implemented line once per generic opcode and raises
 * error:{not_implemented, Name}. */
static void raise_not_implemented(Process *p, const CodeWord *pc, UInt genop)
{
    static atomic_bool reported[256];
    const char *name = genop_name(genop);
    if (!atomic_exchange(&reported[genop & 255], true)) {
        const FunctionInfo *fi = NULL;
        Module *m = module_find_by_code(pc, &fi);
        size_t ml = 0, fl = 0;
        const char *mt = m ? atom_text(m->name, &ml) : "?";
        const char *ft = fi ? atom_text(fi->name, &fl) : "?";
        fprintf(stderr, "ember: not implemented: %s in %.*s:%.*s/%u\n", name, (int)(m ? ml : 1), mt,
                (int)(fi ? fl : 1), ft, fi ? fi->arity : 0);
    }
    proc_error2(p, ATOM_not_implemented, atom_from_cstr(name));
}

/* How a call leaves the caller's frame: a body call sets the continuation, a
 * last call drops the frame first, an only call keeps what it has. */
enum { K_BODY, K_LAST, K_ONLY };

#define CP_AT(stackp) ((const CodeWord *)(uintptr_t)(stackp)[0])

#ifdef EMBER_NO_THREADED
#define CASE(name) case OP_##name:
#define DISPATCH() goto dispatch
#else
#define CASE(name) L_##name:
#define DISPATCH() goto *(void *)*pc
#endif

#define SRC(i) emu_src(p, x, pc[i])
#define DST(i) (*emu_dst(p, x, pc[i]))
#define LABEL(i) ((const CodeWord *)pc[i])
#define NEXT(n) \
    do { \
        pc += (n); \
        DISPATCH(); \
    } while (0)
#define JUMP(target) \
    do { \
        pc = (target); \
        DISPATCH(); \
    } while (0)
#define TEST(cond, n) \
    do { \
        if (cond) NEXT(n); \
        JUMP(LABEL(1)); \
    } while (0)
#define RAISE(at, ex) \
    do { \
        epc = (at); \
        extra = (ex); \
        goto handle_error; \
    } while (0)
/* Applies the call kind's effect on the caller's frame and continuation. */
#define TRANSFER() \
    do { \
        if (ckind == K_BODY) { \
            cp = cnext; \
        } else if (ckind == K_LAST) { \
            cp = CP_AT(p->stop); \
            p->stop += cdealloc + 1; \
        } \
    } while (0)
#define PUSH_FRAME(n) \
    do { \
        UInt n_ = (n); \
        p->stop -= n_ + 1; \
        p->stop[0] = (Term)(uintptr_t)cp; \
        for (UInt i_ = 1; i_ <= n_; i_++) p->stop[i_] = TERM_NIL; \
        cp = NULL; \
    } while (0)
/* The end of a time slice is checked where calls enter their target: a
 * preempted process resumes there with `live` x registers. */
#define CHECK_SLICE(target, live) \
    do { \
        if (p->reductions >= p->st.slice_end) { \
            ypc = (target); \
            ylive = (live); \
            goto yield; \
        } \
    } while (0)
/* process_flag(save_calls): a global call or a message event is kept
 * (proc/saved_calls.h) when the process asked for it. */
#define NOTE_CALL(e) \
    do { \
        if (saved_calls_of(p)) saved_calls_note(p, (e)->module, (e)->function, (e)->arity); \
    } while (0)
#define NOTE_EVENT(atom) \
    do { \
        if (saved_calls_of(p)) saved_calls_note(p, TERM_NONE, (atom), 0); \
    } while (0)
#define FREG(w) fregs[code_reg_index(w)]
#define IS_FREG(w) (code_is_reg(w) && code_reg_kind(w) == REG_FR)

static EmuOutcome run(Process *p, const CodeWord *start, bool tried_load, Term *result)
{
#ifndef EMBER_NO_THREADED
    static void *const labels[OP_COUNT] = {
#define OP(name, fmt) &&L_##name,
#include "load/ops.def"
#undef OP
    };
    if (!p) {
        memcpy(handlers, labels, sizeof labels);
        return EMU_RETURNED;
    }
#endif
    Term *x = xregs;
    const CodeWord *pc = start;
    const CodeWord *cp = p->st.scheduled ? p->cp : return_to_c;
    /* The stack below the caller's: an offset from the block's end, which
     * stays valid when a collection moves the block. A scheduled process
     * owns its whole stack. */
    const size_t base_off = p->st.scheduled ? 0 : (size_t)(p->hend - p->stop);
    const CodeWord *ypc = NULL; /* yield: where to resume */
    unsigned ylive = 0;
#define STACK_BASE (p->hend - base_off)

    const CodeWord *epc = NULL; /* raise: the failing instruction */
    Term extra = TERM_NIL;      /* raise: a frame to show first */
    Export *ce = NULL;          /* call: the export to call */
    bool ctried = tried_load;   /* call: loading ce's module was tried already */
    Term cfun = TERM_NIL;       /* call: the fun to call */
    unsigned carity = 0;
    int ckind = K_BODY;
    UInt cdealloc = 0;
    const CodeWord *cnext = NULL;
    Export *be = NULL; /* BIF instruction: the BIF, its arguments and operands */
    Term bargs[3];
    const CodeWord *bfail = NULL;
    CodeWord bdst = 0;
    size_t bsize = 0;

#ifdef EMBER_NO_THREADED
dispatch:
    switch ((Opcode)*pc) {
#else
    DISPATCH();
    {
#endif

    /* ---- function boundaries and calls ---- */
    CASE(func_info)
    {
        proc_error(p, ATOM_function_clause);
        p->fargs = emu_arglist(p, x, (unsigned)pc[3]);
        RAISE(pc, TERM_NIL);
    }
    CASE(int_code_end)
    {
        raise_not_implemented(p, pc, 3);
        RAISE(pc, TERM_NIL);
    }
    CASE(call)
    {
        p->reductions++;
        cp = pc + 3;
        CHECK_SLICE(LABEL(2), (unsigned)pc[1]);
        JUMP(LABEL(2));
    }
    CASE(call_last)
    {
        p->reductions++;
        cp = CP_AT(p->stop);
        p->stop += pc[3] + 1;
        CHECK_SLICE(LABEL(2), (unsigned)pc[1]);
        JUMP(LABEL(2));
    }
    CASE(call_only)
    {
        p->reductions++;
        CHECK_SLICE(LABEL(2), (unsigned)pc[1]);
        JUMP(LABEL(2));
    }
    CASE(call_ext)
    {
        ce = (Export *)pc[2];
        CodeWord *code = atomic_load_explicit(&ce->code, memory_order_acquire);
        if (code && !ce->bif && !saved_calls_of(p)) {
            p->reductions++;
            cp = pc + 3;
            CHECK_SLICE(code, (unsigned)pc[1]);
            JUMP(code);
        }
        ckind = K_BODY, cnext = pc + 3;
        NOTE_CALL(ce);
        goto call_export;
    }
    CASE(call_ext_last)
    {
        ce = (Export *)pc[2];
        CodeWord *code = atomic_load_explicit(&ce->code, memory_order_acquire);
        if (code && !ce->bif && !saved_calls_of(p)) {
            p->reductions++;
            cp = CP_AT(p->stop);
            p->stop += pc[3] + 1;
            CHECK_SLICE(code, (unsigned)pc[1]);
            JUMP(code);
        }
        ckind = K_LAST, cdealloc = pc[3];
        NOTE_CALL(ce);
        goto call_export;
    }
    CASE(call_ext_only)
    {
        ce = (Export *)pc[2];
        CodeWord *code = atomic_load_explicit(&ce->code, memory_order_acquire);
        if (code && !ce->bif && !saved_calls_of(p)) {
            p->reductions++;
            CHECK_SLICE(code, (unsigned)pc[1]);
            JUMP(code);
        }
        ckind = K_ONLY;
        NOTE_CALL(ce);
        goto call_export;
    }
    CASE(apply)
    {
        carity = (unsigned)pc[1];
        ckind = K_BODY, cnext = pc + 2;
        goto fixed_apply;
    }
    CASE(apply_last)
    {
        carity = (unsigned)pc[1];
        ckind = K_LAST, cdealloc = pc[2];
        goto fixed_apply;
    }
    CASE(call_fun)
    {
        carity = (unsigned)pc[1];
        cfun = x[carity];
        ckind = K_BODY, cnext = pc + 2;
        goto call_fun;
    }
    CASE(call_fun2)
    {
        carity = (unsigned)pc[2];
        cfun = SRC(3);
        ckind = K_BODY, cnext = pc + 4;
        goto call_fun;
    }
    CASE(call_fun_last)
    {
        carity = (unsigned)pc[1];
        cfun = x[carity];
        ckind = K_LAST, cdealloc = pc[2];
        goto call_fun;
    }
    CASE(call_fun_only)
    {
        carity = (unsigned)pc[1];
        cfun = x[carity];
        ckind = K_ONLY;
        goto call_fun;
    }
    CASE(call_fun2_last)
    {
        carity = (unsigned)pc[2];
        cfun = SRC(3);
        ckind = K_LAST, cdealloc = pc[4];
        goto call_fun;
    }
    CASE(call_fun2_only)
    {
        carity = (unsigned)pc[2];
        cfun = SRC(3);
        ckind = K_ONLY;
        goto call_fun;
    }
    CASE(return)
    {
        pc = cp;
        cp = NULL;
        DISPATCH();
    }
    CASE(i_apply)
    {
        ckind = K_BODY, cnext = pc + 1;
        goto apply3;
    }
    CASE(i_apply_last)
    {
        ckind = K_LAST, cdealloc = pc[1];
        goto apply3;
    }
    CASE(i_apply_only)
    {
        ckind = K_ONLY;
        goto apply3;
    }
    CASE(i_apply_fun)
    {
        ckind = K_BODY, cnext = pc + 1;
        goto apply2;
    }
    CASE(i_apply_fun_last)
    {
        ckind = K_LAST, cdealloc = pc[1];
        goto apply2;
    }
    CASE(i_apply_fun_only)
    {
        ckind = K_ONLY;
        goto apply2;
    }
    CASE(i_bif_body)
    {
        ce = (Export *)pc[1];
        ckind = K_ONLY;
        if (!ce->bif) goto call_export;
        Term r = ce->bif(p, x);
        if (r == TERM_NONE && (emu_is_retry(p) || emu_is_trap(p))) goto bif_again;
        /* The stub's own function shows in no trace: the BIF runs in its place. */
        if (r == TERM_NONE) RAISE(NULL, emu_bif_frame(p, ce, x));
        x[0] = r;
        pc = cp;
        cp = NULL;
        DISPATCH();
    }
    CASE(i_return_to_c)
    {
        *result = x[0];
        return EMU_RETURNED;
    }

    /* ---- BIFs ---- */
    CASE(bif0)
    {
        be = (Export *)pc[1], bfail = NULL, bdst = pc[2], bsize = 3;
        goto call_bif;
    }
    CASE(bif1)
    {
        be = (Export *)pc[2], bargs[0] = SRC(3);
        bfail = LABEL(1), bdst = pc[4], bsize = 5;
        goto call_bif;
    }
    CASE(bif2)
    {
        be = (Export *)pc[2], bargs[0] = SRC(3), bargs[1] = SRC(4);
        bfail = LABEL(1), bdst = pc[5], bsize = 6;
        goto call_bif;
    }
    CASE(gc_bif1)
    {
        be = (Export *)pc[3], bargs[0] = SRC(4);
        bfail = LABEL(1), bdst = pc[5], bsize = 6;
        goto call_bif;
    }
    CASE(gc_bif2)
    {
        Term a = SRC(4), b = SRC(5);
        be = (Export *)pc[3], bargs[0] = a, bargs[1] = b;
        bfail = LABEL(1), bdst = pc[6], bsize = 7;
        goto call_bif;
    }
    /* Small-integer fast paths; anything else (overflow, floats, bad
     * arguments) takes the BIF through gc_bif2's path. */
#define SMALL_OP2(name, expr) \
    CASE(name) \
    { \
        Term a = SRC(4), b = SRC(5); \
        if (term_is_small(a) && term_is_small(b)) { \
            SInt va = term_small_value(a), vb = term_small_value(b), r; \
            if (expr) { \
                DST(6) = term_make_small(r); \
                NEXT(7); \
            } \
        } \
        be = (Export *)pc[3], bargs[0] = a, bargs[1] = b; \
        bfail = LABEL(1), bdst = pc[6], bsize = 7; \
        goto call_bif; \
    }
    SMALL_OP2(i_plus, (r = va + vb, small_fits(r)))
    SMALL_OP2(i_minus, (r = va - vb, small_fits(r)))
    SMALL_OP2(i_times, (!__builtin_mul_overflow(va, vb, &r) && small_fits(r)))
    SMALL_OP2(i_band, (r = va & vb, true))
    SMALL_OP2(i_bor, (r = va | vb, true))
    SMALL_OP2(i_bxor, (r = va ^ vb, true))
#undef SMALL_OP2
    CASE(gc_bif3)
    {
        be = (Export *)pc[3], bargs[0] = SRC(4), bargs[1] = SRC(5), bargs[2] = SRC(6);
        bfail = LABEL(1), bdst = pc[7], bsize = 8;
        goto call_bif;
    }

    /* ---- frames and heap ---- */
    CASE(allocate)
    {
        emu_reserve(p, x, pc[1] + 1, (unsigned)pc[2]);
        PUSH_FRAME(pc[1]);
        NEXT(3);
    }
    CASE(allocate_zero)
    {
        emu_reserve(p, x, pc[1] + 1, (unsigned)pc[2]);
        PUSH_FRAME(pc[1]);
        NEXT(3);
    }
    CASE(allocate_heap)
    {
        emu_reserve(p, x, pc[1] + 1 + pc[2], (unsigned)pc[3]);
        PUSH_FRAME(pc[1]);
        NEXT(4);
    }
    CASE(allocate_heap_zero)
    {
        emu_reserve(p, x, pc[1] + 1 + pc[2], (unsigned)pc[3]);
        PUSH_FRAME(pc[1]);
        NEXT(4);
    }
    CASE(test_heap)
    {
        emu_reserve(p, x, pc[1], (unsigned)pc[2]);
        NEXT(3);
    }
    CASE(init)
    {
        DST(1) = TERM_NIL;
        NEXT(2);
    }
    CASE(init_yregs)
    {
        UInt n = pc[1];
        for (UInt i = 0; i < n; i++) DST(2 + i) = TERM_NIL;
        NEXT(2 + n);
    }
    CASE(deallocate)
    {
        cp = CP_AT(p->stop);
        p->stop += pc[1] + 1;
        NEXT(2);
    }
    CASE(trim)
    {
        Term saved = p->stop[0];
        p->stop += pc[1];
        p->stop[0] = saved;
        NEXT(3);
    }

    /* ---- moves and data ---- */
    CASE(move)
    {
        DST(2) = SRC(1);
        NEXT(3);
    }
    CASE(swap)
    {
        Term *a = emu_dst(p, x, pc[1]), *b = emu_dst(p, x, pc[2]);
        Term t = *a;
        *a = *b;
        *b = t;
        NEXT(3);
    }
    CASE(get_list)
    {
        Term l = SRC(1);
        Term h = term_head(l), t = term_tail(l);
        DST(2) = h;
        DST(3) = t;
        NEXT(4);
    }
    CASE(get_hd)
    {
        DST(2) = term_head(SRC(1));
        NEXT(3);
    }
    CASE(get_tl)
    {
        DST(2) = term_tail(SRC(1));
        NEXT(3);
    }
    CASE(get_tuple_element)
    {
        DST(3) = term_tuple_element(SRC(1), pc[2] + 1);
        NEXT(4);
    }
    CASE(set_tuple_element)
    {
        term_tuple_elements(SRC(2))[pc[3]] = SRC(1);
        NEXT(4);
    }
    CASE(put_list)
    {
        Term *cell = proc_alloc(p, 2);
        DST(3) = term_cons(cell, SRC(1), SRC(2));
        NEXT(4);
    }
    CASE(put_tuple2)
    {
        UInt n = pc[2];
        Term *t = proc_alloc(p, n + 1);
        t[0] = header_make(HDR_TUPLE, n);
        for (UInt i = 0; i < n; i++) t[1 + i] = SRC(3 + i);
        DST(1) = term_make_boxed(t);
        NEXT(3 + n);
    }
    CASE(make_fun3)
    {
        UInt n = pc[3];
        Term *f = proc_alloc(p, FUN_FIXED_WORDS + n);
        Term fun = term_make_fun(f, (const FunEntry *)pc[1], p->pid, n);
        for (UInt i = 0; i < n; i++) f[FUN_FIXED_WORDS + i] = SRC(4 + i);
        DST(2) = fun;
        NEXT(4 + n);
    }
    CASE(make_fun2)
    {
        const FunEntry *fe = (const FunEntry *)pc[1];
        Term *f = proc_alloc(p, FUN_FIXED_WORDS + fe->num_free);
        Term fun = term_make_fun(f, fe, p->pid, fe->num_free);
        for (unsigned i = 0; i < fe->num_free; i++) f[FUN_FIXED_WORDS + i] = x[i];
        x[0] = fun;
        NEXT(2);
    }

    /* ---- tests ---- */
    CASE(is_lt) TEST(compare(SRC(2), SRC(3)) < 0, 4);
    CASE(is_ge) TEST(compare(SRC(2), SRC(3)) >= 0, 4);
    CASE(is_eq) TEST(term_eq(SRC(2), SRC(3)), 4);
    CASE(is_ne) TEST(!term_eq(SRC(2), SRC(3)), 4);
    CASE(is_eq_exact) TEST(term_eq_exact(SRC(2), SRC(3)), 4);
    CASE(is_ne_exact) TEST(!term_eq_exact(SRC(2), SRC(3)), 4);
    CASE(is_integer) TEST(term_is_integer(SRC(2)), 3);
    CASE(is_float) TEST(term_is_float(SRC(2)), 3);
    CASE(is_number) TEST(term_is_number(SRC(2)), 3);
    CASE(is_atom) TEST(term_is_atom(SRC(2)), 3);
    CASE(is_pid) TEST(term_is_pid(SRC(2)), 3);
    CASE(is_reference) TEST(term_is_ref(SRC(2)), 3);
    CASE(is_port) TEST(term_is_port(SRC(2)), 3);
    CASE(is_nil) TEST(term_is_nil(SRC(2)), 3);
    CASE(is_binary) TEST(is_binary(SRC(2)), 3);
    CASE(is_bitstr) TEST(term_is_bitstring(SRC(2)), 3);
    CASE(is_list)
    {
        Term t = SRC(2);
        TEST(term_is_list(t) || term_is_nil(t), 3);
    }
    CASE(is_nonempty_list) TEST(term_is_list(SRC(2)), 3);
    CASE(is_tuple) TEST(term_is_tuple(SRC(2)), 3);
    CASE(is_boolean)
    {
        Term t = SRC(2);
        TEST(t == ATOM_true || t == ATOM_false, 3);
    }
    CASE(is_map) TEST(term_is_map(SRC(2)), 3);
    CASE(is_function) TEST(term_is_fun(SRC(2)), 3);
    CASE(is_function2) TEST(fun_has_arity(SRC(2), SRC(3)), 4);
    CASE(test_arity)
    {
        Term t = SRC(2);
        TEST(term_is_tuple(t) && term_tuple_arity(t) == pc[3], 4);
    }
    CASE(is_tagged_tuple)
    {
        Term t = SRC(2);
        TEST(term_is_tuple(t) && term_tuple_arity(t) == pc[3] && term_tuple_element(t, 1) == (Term)pc[4], 5);
    }
    CASE(select_val)
    {
        Term v = SRC(1);
        UInt n = pc[3];
        for (UInt i = 0; i < n; i++)
            if (term_eq_exact((Term)pc[4 + 2 * i], v)) JUMP((const CodeWord *)pc[5 + 2 * i]);
        JUMP(LABEL(2));
    }
    CASE(select_tuple_arity)
    {
        Term t = SRC(1);
        if (term_is_tuple(t)) {
            UInt a = term_tuple_arity(t), n = pc[3];
            for (UInt i = 0; i < n; i++)
                if (pc[4 + 2 * i] == a) JUMP((const CodeWord *)pc[5 + 2 * i]);
        }
        JUMP(LABEL(2));
    }
    CASE(jump) JUMP(LABEL(1));

    /* ---- exceptions ---- */
    CASE(catch)
    {
        DST(1) = term_make_catch((const void *)pc[2]);
        NEXT(3);
    }
    CASE(try)
    {
        DST(1) = term_make_catch((const void *)pc[2]);
        NEXT(3);
    }
    CASE(catch_end)
    {
        DST(1) = TERM_NIL;
        if (x[0] == TERM_NONE) x[0] = emu_catch_value(p, x[1], x[2], x[3]);
        NEXT(2);
    }
    CASE(try_end)
    {
        DST(1) = TERM_NIL;
        NEXT(2);
    }
    CASE(try_case)
    {
        DST(1) = TERM_NIL;
        x[0] = x[1];
        x[1] = x[2];
        x[2] = x[3];
        NEXT(2);
    }
    CASE(try_case_end)
    {
        proc_error2(p, ATOM_try_clause, SRC(1));
        RAISE(pc, TERM_NIL);
    }
    CASE(raise)
    {
        Term trace = SRC(1), value = SRC(2);
        emu_reraise(p, emu_raw_trace_class(trace), value, trace);
        RAISE(pc, TERM_NIL);
    }
    CASE(build_stacktrace)
    {
        x[0] = emu_build_stacktrace(p, x[0]);
        NEXT(1);
    }
    CASE(raw_raise)
    {
        if (!emu_reraise(p, x[0], x[1], x[2])) proc_badarg(p);
        RAISE(pc, TERM_NIL);
    }
    CASE(badmatch)
    {
        proc_error2(p, ATOM_badmatch, SRC(1));
        RAISE(pc, TERM_NIL);
    }
    CASE(case_end)
    {
        proc_error2(p, ATOM_case_clause, SRC(1));
        RAISE(pc, TERM_NIL);
    }
    CASE(if_end)
    {
        proc_error(p, ATOM_if_clause);
        RAISE(pc, TERM_NIL);
    }
    CASE(badrecord)
    {
        proc_error2(p, ATOM_badrecord, SRC(1));
        RAISE(pc, TERM_NIL);
    }

    /* ---- floats ---- */
    CASE(fclearerror) NEXT(1);
    CASE(fcheckerror) NEXT(2);
    CASE(fmove)
    {
        CodeWord s = pc[1], d = pc[2];
        if (IS_FREG(d)) {
            double v;
            if (IS_FREG(s)) v = FREG(s);
            else if (!emu_number_to_double(SRC(1), &v)) goto badarith;
            FREG(d) = v;
        } else {
            DST(2) = IS_FREG(s) ? box_float(p, FREG(s)) : SRC(1);
        }
        NEXT(3);
    }
    CASE(fconv)
    {
        double v;
        if (IS_FREG(pc[1])) v = FREG(pc[1]);
        else if (!emu_number_to_double(SRC(1), &v)) goto badarith;
        FREG(pc[2]) = v;
        NEXT(3);
    }
    CASE(fadd)
    {
        double r = FREG(pc[2]) + FREG(pc[3]);
        if (!isfinite(r)) goto float_error;
        FREG(pc[4]) = r;
        NEXT(5);
    }
    CASE(fsub)
    {
        double r = FREG(pc[2]) - FREG(pc[3]);
        if (!isfinite(r)) goto float_error;
        FREG(pc[4]) = r;
        NEXT(5);
    }
    CASE(fmul)
    {
        double r = FREG(pc[2]) * FREG(pc[3]);
        if (!isfinite(r)) goto float_error;
        FREG(pc[4]) = r;
        NEXT(5);
    }
    CASE(fdiv)
    {
        double r = FREG(pc[2]) / FREG(pc[3]);
        if (!isfinite(r)) goto float_error;
        FREG(pc[4]) = r;
        NEXT(5);
    }
    CASE(fnegate)
    {
        FREG(pc[3]) = -FREG(pc[2]);
        NEXT(4);
    }

    /* Instruction families kept in files of their own. */
#include "emu/ops_bits.inc"
#include "emu/ops_maps.inc"
#include "emu/ops_msg.inc"
#include "emu/ops_fast.inc"

    CASE(not_implemented)
    {
        raise_not_implemented(p, pc, pc[1]);
        RAISE(pc, TERM_NIL);
    }

#ifdef EMBER_NO_THREADED
    default:
        fprintf(stderr, "ember: internal error: bad opcode word %lu\n", (unsigned long)*pc);
        proc_error2(p, ATOM_not_implemented, ATOM_undefined);
        RAISE(NULL, TERM_NIL);
#endif
    }

    /* ---- shared slow paths, entered by goto from the opcodes above ---- */

float_error:
    if (pc[1]) JUMP(LABEL(1));
badarith:
    proc_error(p, ATOM_badarith);
    RAISE(pc, TERM_NIL);

call_bif:
    if (!be->bif) {
        /* Loaded against a BIF this build lacks: as OTP would for any missing function. */
        proc_error(p, ATOM_undef);
        RAISE(pc, emu_undef_frame(p, be->module, be->function, bargs, be->arity));
    }
    {
        Term r = be->bif(p, bargs);
        if (r == TERM_NONE) {
            if (bfail) JUMP(bfail);
            RAISE(pc, emu_bif_frame(p, be, bargs));
        }
        *emu_dst(p, x, bdst) = r;
        NEXT(bsize);
    }

fixed_apply:
    ce = emu_fixed_apply(p, x, carity, &extra, &ctried);
    if (!ce) RAISE(pc, extra);
    NOTE_CALL(ce);
    goto call_export;

apply3:
    ce = emu_apply3(p, x, &carity, &extra, &ctried);
    if (!ce) RAISE(pc, extra);
    NOTE_CALL(ce);
    goto call_export;

apply2:
    if (!emu_apply2(p, x, &carity, &extra)) RAISE(pc, extra);
    cfun = x[carity];
    goto call_fun;

call_export:
    /* The export has no code yet: a BIF, erlang:apply/2,3, a module to load,
     * or undef. */
    p->reductions++;
    for (bool loaded = ctried;; loaded = true) {
        ctried = false;
        /* A BIF wins over a module's own definition of the same function
         * (lists.beam defines lists:reverse/2 as a stub, as in OTP). */
        if (ce->bif) {
            /* where the process is, for process_info(self(), current_stacktrace
             * | current_function): the call site, and the continuation when
             * it is not on the stack */
            p->pc = (CodeWord *)pc;
            p->cp = (CodeWord *)cp;
            Term r = ce->bif(p, x);
            if (r == TERM_NONE) {
                if (emu_is_retry(p) || emu_is_trap(p)) goto bif_again;
                RAISE(pc, emu_bif_frame(p, ce, x));
            }
            x[0] = r;
            if (ckind == K_BODY) {
                CHECK_SLICE(cnext, 1);
                JUMP(cnext);
            }
            if (ckind == K_LAST) {
                cp = CP_AT(p->stop);
                p->stop += cdealloc + 1;
            }
            const CodeWord *back = cp;
            cp = NULL;
            CHECK_SLICE(back, 1);
            JUMP(back);
        }
        CodeWord *code = atomic_load_explicit(&ce->code, memory_order_acquire);
        if (code) {
            TRANSFER();
            CHECK_SLICE(code, ce->arity);
            JUMP(code);
        }
        if (ce->module == ATOM_erlang && ce->function == ATOM_apply) {
            if (ce->arity == 3) goto apply3;
            if (ce->arity == 2) goto apply2;
        }
        if (loaded) break;
        /* error_handler:undefined_function(Module, Function, Args), or
         * init:run_on_load(Module, Function, Args) for a module whose
         * on_load has still to run (standalone mode) */
        Export *route = NULL;
        if (emu_routes_undefined()) {
            if (!(route = emu_error_handler())) break;
        } else if (module_ensure_loaded(ce->module) == LOAD_ON_LOAD) {
            if (!(route = emu_on_load_runner())) break;
        }
        if (route) {
            Term args = TERM_NIL;
            for (unsigned i = ce->arity; i-- > 0;) args = term_cons(proc_alloc(p, 2), x[i], args);
            x[0] = ce->module, x[1] = ce->function, x[2] = args;
            code = atomic_load_explicit(&route->code, memory_order_acquire);
            TRANSFER();
            CHECK_SLICE(code, 3);
            JUMP(code);
        }
        ce = export_put(ce->module, ce->function, ce->arity); /* a scratch entry stands for it until now */
    }
    extra = emu_undef_frame(p, ce->module, ce->function, x, ce->arity);
    proc_error(p, ATOM_undef);
    TRANSFER();
    RAISE(NULL, extra);

call_fun:
    /* cfun with carity arguments in x. */
    p->reductions++;
    if (term_is_boxed_tag(cfun, HDR_FUN)) {
        const FunEntry *fe = fun_entry(cfun);
        UInt nfree = fun_num_free(cfun);
        if (fe->arity != carity + nfree) goto badarity;
        const CodeWord *fcode = fe->code;
        /* no code: a fun decoded while its module version was not loaded */
        if (!fcode || atomic_load_explicit(&fe->module->purged, memory_order_relaxed)) {
            FunRoute route = emu_purged_fun(p, x, cfun, carity, &fcode);
            if (route == FUN_HANDLER) {
                TRANSFER();
                CHECK_SLICE(fcode, 3);
                JUMP(fcode);
            }
            if (route == FUN_UNDEF) { /* OTP's top frame: {Fun, Args, []} */
                Term *t = proc_alloc(p, 4);
                t[0] = header_make(HDR_TUPLE, 3), t[1] = cfun, t[2] = emu_arglist(p, x, carity), t[3] = TERM_NIL;
                proc_error(p, ATOM_undef);
                TRANSFER();
                RAISE(NULL, term_make_boxed(t));
            }
            if (route == FUN_BADFUN) fcode = NULL;
        }
        if (!fcode || carity + nfree > MAX_X_REGS) {
            proc_error2(p, ATOM_badfun, cfun);
            RAISE(pc, TERM_NIL);
        }
        const Term *env = fun_env(cfun);
        for (UInt i = 0; i < nfree; i++) x[carity + i] = env[i];
        TRANSFER();
        CHECK_SLICE(fcode, (unsigned)(carity + nfree));
        JUMP(fcode);
    }
    if (term_is_boxed_tag(cfun, HDR_EXPORT)) {
        ce = export_of_fun(cfun);
        if (ce->arity != carity) goto badarity;
        NOTE_CALL(ce);
        goto call_export;
    }
    proc_error2(p, ATOM_badfun, cfun);
    RAISE(pc, TERM_NIL);
badarity:
    /* OTP reports a bad arity after the call is made: the caller shows twice. */
    proc_error2(p, ATOM_badarity, proc_tuple2(p, cfun, emu_arglist(p, x, carity)));
    TRANSFER();
    RAISE(pc, TERM_NIL);

bif_again:
    if (emu_is_trap(p)) {
        /* go on in the trap's function, after a yield */
        ce = (Export *)p->st.rare->trap_export; /* proc_trap made rare */
        for (unsigned i = 0; i < ce->arity; i++) x[i] = p->st.rare->trap_args[i];
    }
    /* The BIF waits for another process: yield, and call it again as a tail
     * call from the continuation the call would have had. */
    TRANSFER();
    ckind = K_ONLY;
    if (p->st.hibernating) {
        /* hibernate/3: nothing of the stack survives (catches neither), the
         * call returns to nowhere, and it starts when a message is there */
        p->st.hibernating = false;
        p->stop = p->hend;
        cp = return_to_c;
        if (p->st.scheduled && !p->st.msgq) p->st.io_waiting = true; /* a signal in the inbox wakes it at once */
    }
    if (!p->st.scheduled) {
        p->st.io_waiting = false; /* a bare process just calls again */
        goto call_export;
    }
    p->st.retry_export = ce;
    ypc = &spawn_code[2];
    ylive = ce->arity;
    if (p->st.io_waiting) {
        /* waits for a dirty I/O job (io/dirty_io.h), which wakes it */
        p->st.io_waiting = false;
        emu_push_x(p, x, ylive);
        p->pc = (CodeWord *)ypc;
        p->cp = (CodeWord *)cp;
        return EMU_WAITING;
    }
yield:
    emu_push_x(p, x, ylive);
    p->pc = (CodeWord *)ypc;
    p->cp = (CodeWord *)cp;
    return EMU_YIELDED;

handle_error:
    {
        ExcSite site = {epc, cp, extra};
        CodeWord *handler = emu_handle_error(p, x, &site, STACK_BASE);
        if (handler) {
            cp = NULL;
            JUMP(handler);
        }
        p->stop = STACK_BASE;
        *result = emu_build_stacktrace(p, p->ftrace);
        p->ftrace = *result;
        return EMU_RAISED;
    }
#undef STACK_BASE
}
