/* exception.c — saving, catching and rendering exceptions as OTP 25 does.
 * A raw trace is a small tuple {Class, Addresses, Extra, Args, ErrorInfo}
 * whose addresses sit in a heap binary, so a throw caught in a loop costs a
 * couple of dozen heap words and no lookups; emu_build_stacktrace turns it
 * into [{M,F,ArityOrArgs,Location}] only when someone needs the list. */
#include "emu/exception.h"

#include <stdatomic.h>
#include <stdio.h>

#include "atom/atom.h"
#include "load/module.h"
#include "term/display.h"
#include "term/strbuf.h"

/* ---- small term builders (all allocate with proc_alloc, never collect) ---- */

static Term tuple2(Process *p, Term a, Term b) { return proc_tuple2(p, a, b); }

static Term tuple4(Process *p, Term a, Term b, Term c, Term d)
{
    Term *t = proc_alloc(p, 5);
    t[0] = header_make(HDR_TUPLE, 4);
    t[1] = a;
    t[2] = b;
    t[3] = c;
    t[4] = d;
    return term_make_boxed(t);
}

static Term cons(Process *p, Term head, Term tail) { return term_cons(proc_alloc(p, 2), head, tail); }

/* #{module => Module}: a flat map of one key. */
static Term module_map(Process *p, Term module)
{
    Term *keys = proc_alloc(p, 2);
    keys[0] = header_make(HDR_TUPLE, 1);
    keys[1] = ATOM_module;
    Term *m = proc_alloc(p, 3);
    m[0] = header_make(HDR_MAP, 2);
    m[1] = term_make_boxed(keys);
    m[2] = module;
    return term_make_boxed(m);
}

/* ---- BIF and undef frames ------------------------------------------------ */

/* The module whose format_error explains a BIF's errors, as OTP assigns them;
 * TERM_NONE when the BIF's module has none. */
static Term error_info_module(Term bif_module)
{
    static const char *const erts[] = {"erlang", "erts_internal", "atomics", "counters", "persistent_term"};
    static const char *const stdlib[] = {"binary", "ets", "lists", "maps", "math", "re", "unicode"};
    size_t len;
    const char *text = atom_text(bif_module, &len);
    for (size_t i = 0; i < sizeof erts / sizeof erts[0]; i++)
        if (strlen(erts[i]) == len && memcmp(erts[i], text, len) == 0) return ATOM_erl_erts_errors;
    for (size_t i = 0; i < sizeof stdlib / sizeof stdlib[0]; i++)
        if (strlen(stdlib[i]) == len && memcmp(stdlib[i], text, len) == 0) return atom_from_cstr("erl_stdlib_errors");
    if (len == 2 && memcmp(text, "os", 2) == 0) return atom_from_cstr("erl_kernel_errors");
    return TERM_NONE;
}

static bool is_raising_bif(const Export *e)
{
    if (e->module != ATOM_erlang) return false;
    if (e->function == ATOM_error) return e->arity >= 1 && e->arity <= 3;
    return (e->function == ATOM_exit || e->function == ATOM_throw) && e->arity == 1;
}

Term emu_bif_frame(Process *p, const Export *bif, const Term *args)
{
    if (is_raising_bif(bif)) return TERM_NIL;
    Term loc = TERM_NIL;
    Term info_module = error_info_module(bif->module);
    if (p->ferror_info != TERM_NONE) {
        /* a BIF that gave its own error_info (a cause): it belongs to its frame */
        loc = cons(p, tuple2(p, ATOM_error_info, p->ferror_info), TERM_NIL);
        p->ferror_info = TERM_NONE;
    } else if (info_module != TERM_NONE) {
        loc = cons(p, tuple2(p, ATOM_error_info, module_map(p, info_module)), TERM_NIL);
    }
    Term arglist = TERM_NIL;
    for (unsigned i = bif->arity; i-- > 0;) arglist = cons(p, args[i], arglist);
    return tuple4(p, bif->module, bif->function, arglist, loc);
}

Term emu_undef_frame(Process *p, Term module, Term function, const Term *args, unsigned arity)
{
    Term arglist = TERM_NIL;
    for (unsigned i = arity; i-- > 0;) arglist = cons(p, args[i], arglist);
    return tuple4(p, module, function, arglist, TERM_NIL);
}

/* ---- the raw trace ----------------------------------------------------- */

enum { RAW_CLASS = 1, RAW_ADDRS, RAW_EXTRA, RAW_ARGS, RAW_INFO, RAW_ARITY = RAW_INFO };

static _Atomic unsigned trace_depth = EMU_TRACE_DEFAULT_DEPTH;

unsigned emu_trace_depth(void) { return atomic_load_explicit(&trace_depth, memory_order_relaxed); }

unsigned emu_set_trace_depth(unsigned depth)
{
    return atomic_exchange(&trace_depth, depth > EMU_TRACE_MAX_DEPTH ? EMU_TRACE_MAX_DEPTH : depth);
}

static bool is_raw_trace(Term t)
{
    return term_is_tuple(t) && term_tuple_arity(t) == RAW_ARITY && term_is_heap_bin(term_tuple_element(t, RAW_ADDRS));
}

/* A word on the stack that is a continuation pointer (header tag, not 0). */
static bool is_cp(Term w) { return term_is_header(w) && w != 0; }

/* Address 0 is "no current function"; the others are looked up as they are
 * (return addresses are stored one word back, inside the call instruction, so
 * that they find the call's line and not the next one's). */
static Term capture(Process *p, const ExcSite *s, const Term *base)
{
    CodeWord addrs[1 + EMU_TRACE_MAX_DEPTH];
    unsigned n = 1, depth = emu_trace_depth();
    /* as on OTP, a trace keeps its top frame even at depth 0 */
    int budget = (int)(depth ? depth : 1) - (s->extra != TERM_NIL) - (s->pc != NULL);
    CodeWord prev = (CodeWord)s->pc;
    addrs[0] = budget >= 0 ? (CodeWord)s->pc : 0; /* the BIF frame took the only place */
    if (s->cp && budget > 0 && (CodeWord)s->cp != prev) {
        prev = (CodeWord)s->cp;
        addrs[n++] = prev - sizeof(CodeWord);
        budget--;
    }
    for (const Term *ptr = p->stop; ptr < base && budget > 0; ptr++) {
        if (!is_cp(*ptr) || (CodeWord)*ptr == prev) continue;
        prev = (CodeWord)*ptr;
        addrs[n++] = prev - sizeof(CodeWord);
        budget--;
    }
    Term bin = term_make_heap_bin(proc_alloc(p, HEAP_BIN_WORDS(n * sizeof(CodeWord))), addrs, n * sizeof(CodeWord));
    Term args = TERM_NIL, info = TERM_NIL;
    if (p->fargs != TERM_NONE && (term_is_list(p->fargs) || term_is_nil(p->fargs))) args = cons(p, p->fargs, TERM_NIL);
    if (p->ferror_info != TERM_NONE) info = cons(p, p->ferror_info, TERM_NIL);
    Term *t = proc_alloc(p, 1 + RAW_ARITY);
    t[0] = header_make(HDR_TUPLE, RAW_ARITY);
    t[RAW_CLASS] = p->fclass;
    t[RAW_ADDRS] = bin;
    t[RAW_EXTRA] = s->extra;
    t[RAW_ARGS] = args;
    t[RAW_INFO] = info;
    return term_make_boxed(t);
}

CodeWord *emu_handle_error(Process *p, Term *x, const ExcSite *site, Term *stack_base)
{
    if (p->fclass != ATOM_error && p->fclass != ATOM_exit && p->fclass != ATOM_throw) {
        /* A BIF failed without storing an exception: a bug, reported loudly. */
        fprintf(stderr, "ember: internal error: a failure without an exception class\n");
        proc_error2(p, ATOM_not_implemented, ATOM_exception);
    }
    Term raw = p->ftrace != TERM_NONE ? p->ftrace : capture(p, site, stack_base);
    Term *prev = p->stop;
    for (Term *ptr = p->stop; ptr < stack_base; ptr++) {
        if (is_cp(*ptr)) {
            prev = ptr;
        } else if (term_is_catch(*ptr)) {
            CodeWord *handler = term_catch_handler(*ptr);
            *ptr = TERM_NIL;
            p->stop = prev;
            x[0] = TERM_NONE;
            x[1] = p->fclass;
            x[2] = p->freason;
            x[3] = raw;
            p->fclass = p->freason = p->fargs = p->ftrace = p->ferror_info = TERM_NONE;
            return handler;
        }
    }
    if (p->fclass == ATOM_throw) {
        p->freason = tuple2(p, ATOM_nocatch, p->freason);
        p->fclass = ATOM_error;
    }
    p->ftrace = raw;
    return NULL;
}

/* ---- building the readable trace --------------------------------------- */

/* {M, F, ArityOrArgs, Location} for a code address, or TERM_NONE when the
 * address is not in any module (the interpreter's own return-to-C code). */
static Term make_frame(Process *p, CodeWord addr, Term args, Term info)
{
    const FunctionInfo *fi = NULL;
    Module *m = module_find_by_code((const CodeWord *)addr, &fi);
    if (!m || !fi) return TERM_NONE;
    Term loc = TERM_NIL;
    if (term_is_list(info)) loc = cons(p, tuple2(p, ATOM_error_info, term_head(info)), TERM_NIL);
    Term file;
    uint32_t line;
    if (module_line_of(m, (const CodeWord *)addr, &file, &line) && line > 0) {
        loc = cons(p, tuple2(p, ATOM_line, term_make_small(line)), loc);
        loc = cons(p, tuple2(p, ATOM_file, file), loc);
    }
    if (args == TERM_NONE) args = term_make_small(fi->arity);
    return tuple4(p, m->name, fi->name, args, loc);
}

Term emu_build_stacktrace(Process *p, Term raw)
{
    if (term_is_list(raw) || term_is_nil(raw)) return raw;
    if (!is_raw_trace(raw)) return TERM_NIL;
    Term bin = term_tuple_element(raw, RAW_ADDRS);
    size_t n = term_heap_bin_size(bin) / sizeof(CodeWord);
    CodeWord addrs[1 + EMU_TRACE_MAX_DEPTH];
    if (n > 1 + EMU_TRACE_MAX_DEPTH) n = 1 + EMU_TRACE_MAX_DEPTH;
    memcpy(addrs, term_heap_bin_bytes(bin), n * sizeof(CodeWord));

    Term frames[2 + EMU_TRACE_MAX_DEPTH];
    unsigned k = 0;
    Term extra = term_tuple_element(raw, RAW_EXTRA);
    if (extra != TERM_NIL) frames[k++] = extra;
    Term args = term_tuple_element(raw, RAW_ARGS);
    for (size_t i = 0; i < n; i++) {
        if (addrs[i] == 0) continue;
        Term f = i == 0 ? make_frame(p, addrs[0], term_is_list(args) ? term_head(args) : TERM_NONE,
                                     term_tuple_element(raw, RAW_INFO))
                        : make_frame(p, addrs[i], TERM_NONE, TERM_NIL);
        if (f != TERM_NONE) frames[k++] = f;
    }
    Term list = TERM_NIL;
    while (k > 0) list = cons(p, frames[--k], list);
    return list;
}

Term emu_current_stacktrace(Process *p, const Process *q)
{
    CodeWord addrs[2 + EMU_TRACE_MAX_DEPTH];
    unsigned n = 0, depth = emu_trace_depth();
    if (q->pc) addrs[n++] = (CodeWord)q->pc;
    if (q->cp) addrs[n++] = (CodeWord)q->cp - sizeof(CodeWord);
    for (const Term *ptr = q->stop; ptr < q->hend && n < 1 + EMU_TRACE_MAX_DEPTH; ptr++)
        if (is_cp(*ptr)) addrs[n++] = (CodeWord)*ptr - sizeof(CodeWord);
    Term frames[2 + EMU_TRACE_MAX_DEPTH];
    unsigned k = 0;
    for (unsigned i = 0; i < n && k < depth; i++) {
        Term f = make_frame(p, addrs[i], TERM_NONE, TERM_NIL);
        if (f != TERM_NONE) frames[k++] = f;
    }
    Term list = TERM_NIL;
    while (k > 0) list = cons(p, frames[--k], list);
    return list;
}

Term emu_catch_value(Process *p, Term cls, Term reason, Term raw)
{
    if (cls == ATOM_throw) return reason;
    if (cls == ATOM_exit) return tuple2(p, ATOM_EXIT, reason);
    Term trace = emu_build_stacktrace(p, raw);
    return tuple2(p, ATOM_EXIT, tuple2(p, reason, trace));
}

bool emu_reraise(Process *p, Term cls, Term reason, Term raw)
{
    if (cls != ATOM_error && cls != ATOM_exit && cls != ATOM_throw) return false;
    proc_raise(p, cls, reason);
    /* A rethrow keeps the original trace; its class follows the new one so
     * that a later `raise` of this trace uses it. */
    if (is_raw_trace(raw)) term_tuple_elements(raw)[RAW_CLASS - 1] = cls;
    p->ftrace = raw;
    return true;
}

Term emu_raw_trace_class(Term raw)
{
    return is_raw_trace(raw) ? term_tuple_element(raw, RAW_CLASS) : ATOM_error;
}

/* ---- erlang:process_display/2 --------------------------------------------- */

static void print_addr(StrBuf *b, const char *what, CodeWord addr)
{
    const FunctionInfo *fi = NULL;
    Module *m = addr ? module_find_by_code((const CodeWord *)addr, &fi) : NULL;
    strbuf_printf(b, "%s0x%016llx", what, (unsigned long long)addr);
    if (!m || !fi) {
        strbuf_append_cstr(b, " (<terminate process>)\n");
        return;
    }
    size_t ml, fl;
    const char *mt = atom_text(m->name, &ml), *ft = atom_text(fi->name, &fl);
    strbuf_printf(b, " (%.*s:%.*s/%u + %llu)\n", (int)ml, mt, (int)fl, ft, fi->arity,
                  (unsigned long long)(addr - (CodeWord)fi->entry));
}

void emu_print_backtrace(const Process *q, FILE *out)
{
    StrBuf b;
    strbuf_init(&b);
    print_addr(&b, "Program counter: ", (CodeWord)q->pc);
    if (q->cp) print_addr(&b, "Continuation pointer: ", (CodeWord)q->cp);
    unsigned y = 0;
    for (const Term *ptr = q->stop; ptr < q->hend; ptr++) {
        if (is_cp(*ptr)) {
            strbuf_printf(&b, "\n0x%016llx", (unsigned long long)(uintptr_t)ptr);
            print_addr(&b, " Return addr ", (CodeWord)*ptr);
            y = 0;
        } else if (!term_is_catch(*ptr) && !term_is_header(*ptr)) { /* catch marks are not terms */
            strbuf_printf(&b, "y(%u)     ", y++);
            term_display(*ptr, &b);
            strbuf_append_char(&b, '\n');
        } else y++;
    }
    strbuf_append_char(&b, '\n');
    fwrite(b.data, 1, b.len, out);
    fflush(out);
    strbuf_free(&b);
}
