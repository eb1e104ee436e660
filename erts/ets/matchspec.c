/* matchspec.c — compiling and running match specifications.
 *
 * The compiler copies the spec into memory of its own, rewrites each head in
 * place so that its variables ('$N') and wildcards ('_') become marker words
 * (catch-tagged immediates, which no real term contains), and turns guards and
 * bodies into expression trees whose calls point straight at the guard BIFs.
 * Running a clause matches the head against the term binding a variable
 * array, evaluates the guards, then the body. */
#include "ets/matchspec.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atom/atom.h"
#include "bif/bif_util.h"
#include "ets/ets_object.h"
#include "load/export.h"
#include "term/boxed.h"
#include "term/compare.h"
#include "term/map.h"
#include "term/resource.h"

typedef enum ExprKind {
    X_CONST,    /* a constant from the spec */
    X_VAR,      /* a head variable */
    X_OBJECT,   /* '$_' */
    X_BINDINGS, /* '$$' */
    X_TUPLE,    /* {{E1, ...}} */
    X_CONS,     /* [E1 | E2] */
    X_MAP,      /* #{K => E}: args are keys and values, alternating */
    X_CALL,     /* a guard BIF */
    X_AND,      /* 'and' / 'or', any number of operands, all evaluated */
    X_OR,
    X_ANDALSO,
    X_ORELSE,
    X_ACTION,   /* a trace action: message, return_trace, ... */
} ExprKind;

typedef struct Expr {
    ExprKind kind;
    unsigned n;     /* operands */
    unsigned var;   /* X_VAR: index into the clause's variables */
    Term value;     /* X_CONST: the constant; X_ACTION: its name */
    BifFn fn;       /* X_CALL */
    struct Expr **args;
} Expr;

typedef struct Clause {
    Term head;            /* rewritten, in the spec's memory */
    unsigned nvars;
    uint32_t *numbers;    /* the N of each variable '$N', ascending */
    unsigned nguards, nbody;
    Expr **guards, **body;
} Clause;

struct MatchSpec {
    EtsObject *terms; /* the copied spec */
    MsDialect dialect;
    size_t nclauses;
    Clause *clauses;
};

/* ---- markers ---- */

static inline Term marker(unsigned index_plus_one) { return term_make_catch((void *)(uintptr_t)index_plus_one); }
static inline bool is_marker(Term t) { return term_is_catch(t); }
static inline unsigned marker_value(Term t) { return (unsigned)(uintptr_t)term_catch_handler(t); }

/* ---- compilation ---- */

typedef struct Compiler {
    MatchSpec *ms;
    Clause *clause;
    uint32_t vars[256];
    unsigned nvars;
    bool overflow;
    char *err;
    size_t errcap;
} Compiler;

static bool fail(Compiler *c, const char *fmt, const char *arg)
{
    if (c->err && !c->err[0]) snprintf(c->err, c->errcap, fmt, arg);
    return false;
}

/* '$N' with N a decimal number (no sign, at most 9 digits). */
static bool variable_number(Term t, uint32_t *n)
{
    if (!term_is_atom(t)) return false;
    size_t len;
    const char *s = atom_text(t, &len);
    if (len < 2 || len > 10 || s[0] != '$') return false;
    uint32_t v = 0;
    for (size_t i = 1; i < len; i++) {
        if (s[i] < '0' || s[i] > '9') return false;
        v = v * 10 + (uint32_t)(s[i] - '0');
    }
    *n = v;
    return true;
}

static int var_index(const Compiler *c, uint32_t n)
{
    for (unsigned i = 0; i < c->nvars; i++)
        if (c->vars[i] == n) return (int)i;
    return -1;
}

/* Rewrites the head's variables into markers, collecting them. */
static void rewrite_head(Compiler *c, Term *at)
{
    for (;;) {
        Term t = *at;
        uint32_t n;
        if (term_is_atom(t)) {
            if (t == ATOM_ms_wildcard) {
                *at = marker(0);
            } else if (variable_number(t, &n)) {
                int i = var_index(c, n);
                if (i < 0) {
                    if (c->nvars == 256) {
                        c->overflow = true;
                        return;
                    }
                    i = (int)c->nvars;
                    c->vars[c->nvars++] = n;
                }
                *at = marker((unsigned)i + 1);
            }
            return;
        }
        if (term_is_list(t)) {
            rewrite_head(c, &term_list_ptr(t)[0]);
            at = &term_list_ptr(t)[1];
            continue;
        }
        if (term_is_tuple(t)) {
            for (UInt i = 1; i <= term_tuple_arity(t); i++) rewrite_head(c, &term_boxed_ptr(t)[i]);
            return;
        }
        if (term_is_flatmap(t)) {
            for (UInt i = 0; i < flatmap_size(t); i++) rewrite_head(c, &flatmap_values(t)[i]);
            return;
        }
        return;
    }
}

static Expr *new_expr(ExprKind kind, unsigned n)
{
    Expr *e = calloc(1, sizeof *e + n * sizeof(Expr *));
    if (!e) abort();
    e->kind = kind;
    e->n = n;
    e->args = (Expr **)(e + 1);
    return e;
}

static void free_expr(Expr *e)
{
    if (!e) return;
    for (unsigned i = 0; i < e->n; i++) free_expr(e->args[i]);
    free(e);
}

static const char *const trace_actions[] = {"message", "return_trace", "exception_trace", "display", "caller",
                                            "process_dump", "enable_trace", "disable_trace", "trace",
                                            "get_seq_token", "set_seq_token", "is_seq_trace", "silent",
                                            "caller_line", "current_stacktrace", NULL};

/* The guard BIFs a spec may call: erlang's own, looked up by name. */
static const char *const guard_bifs[] = {
    "is_atom/1", "is_float/1", "is_integer/1", "is_list/1", "is_number/1", "is_pid/1", "is_port/1",
    "is_reference/1", "is_tuple/1", "is_map/1", "is_map_key/2", "is_binary/1",
    "is_function/1", "is_record/3", "abs/1", "element/2", "hd/1", "tl/1",
    "length/1", "node/0", "node/1", "round/1", "size/1", "bit_size/1", "byte_size/1",
    "map_size/1", "map_get/2", "trunc/1", "float/1", "binary_part/2", "binary_part/3", "+/1", "+/2",
    "-/1", "-/2", "*/2", "//2", "div/2", "rem/2", "band/2", "bor/2", "bxor/2", "bnot/1", "bsl/2",
    "bsr/2", ">/2", ">=/2", "</2", "=</2", "=:=/2", "==/2", "=/=/2", "/=/2", "not/1", "xor/2", "self/0",
    NULL};

static BifFn guard_bif(Term name, unsigned arity)
{
    size_t len;
    const char *s = atom_text(name, &len);
    char want[64];
    if (len > 40) return NULL;
    snprintf(want, sizeof want, "%.*s/%u", (int)len, s, arity);
    for (int i = 0; guard_bifs[i]; i++)
        if (strcmp(guard_bifs[i], want) == 0) {
            Export *e = export_get(ATOM_erlang, name, arity);
            return e ? e->bif : NULL;
        }
    return NULL;
}

static bool is_action(Term name)
{
    size_t len;
    const char *s = atom_text(name, &len);
    for (int i = 0; trace_actions[i]; i++)
        if (strlen(trace_actions[i]) == len && memcmp(trace_actions[i], s, len) == 0) return true;
    return false;
}

static Expr *compile_expr(Compiler *c, Term t, bool body);

static Expr *compile_args(Compiler *c, Expr *e, const Term *terms, bool body)
{
    for (unsigned i = 0; i < e->n; i++) {
        e->args[i] = compile_expr(c, terms[i], body);
        if (!e->args[i]) {
            free_expr(e);
            return NULL;
        }
    }
    return e;
}

static Expr *compile_call(Compiler *c, Term t, bool body)
{
    UInt n = term_tuple_arity(t);
    Term f = term_tuple_element(t, 1);
    const Term *args = term_tuple_elements(t) + 1;
    unsigned argc = (unsigned)(n - 1);
    if (f == ATOM_const && n == 2) {
        Expr *e = new_expr(X_CONST, 0);
        e->value = term_tuple_element(t, 2);
        return e;
    }
    ExprKind logic = f == ATOM_and ? X_AND : f == ATOM_or ? X_OR : f == ATOM_andalso ? X_ANDALSO
                   : f == ATOM_orelse ? X_ORELSE : X_CONST;
    if (logic != X_CONST) {
        if (argc == 0) return fail(c, "Special form '%s' called with wrong number of arguments.", "and"), NULL;
        return compile_args(c, new_expr(logic, argc), args, body);
    }
    if (is_action(f)) {
        if (c->ms->dialect != MS_TRACE || !body) {
            size_t len;
            const char *s = atom_text(f, &len);
            char name[64];
            snprintf(name, sizeof name, "%.*s", (int)(len < 40 ? len : 40), s);
            return fail(c, "Special form '%s' used in wrong dialect.", name), NULL;
        }
        Expr *e = new_expr(X_ACTION, argc);
        e->value = f;
        return compile_args(c, e, args, body);
    }
    BifFn fn = guard_bif(f, argc);
    if (!fn) {
        size_t len;
        const char *s = atom_text(f, &len);
        char name[64];
        snprintf(name, sizeof name, "%.*s/%u", (int)(len < 40 ? len : 40), s, argc);
        return fail(c, "Function %s does not exist.", name), NULL;
    }
    Expr *e = new_expr(X_CALL, argc);
    e->fn = fn;
    return compile_args(c, e, args, body);
}

static Expr *compile_expr(Compiler *c, Term t, bool body)
{
    uint32_t n;
    if (term_is_atom(t)) {
        if (t == ATOM_ms_object) return new_expr(X_OBJECT, 0);
        if (t == ATOM_ms_bindings) return new_expr(X_BINDINGS, 0);
        if (variable_number(t, &n)) {
            int i = var_index(c, n);
            if (i < 0) {
                char name[16];
                snprintf(name, sizeof name, "$%u", n);
                return fail(c, "Variable %s is unbound.", name), NULL;
            }
            Expr *e = new_expr(X_VAR, 0);
            e->var = (unsigned)i;
            return e;
        }
    }
    if (term_is_tuple(t)) {
        UInt arity = term_tuple_arity(t);
        if (arity == 1 && term_is_tuple(term_tuple_element(t, 1))) {
            Term inner = term_tuple_element(t, 1);
            Expr *e = new_expr(X_TUPLE, (unsigned)term_tuple_arity(inner));
            return compile_args(c, e, term_tuple_elements(inner), body);
        }
        if (arity == 0 || !term_is_atom(term_tuple_element(t, 1)))
            return fail(c, "%s", "Tuple with non-atom first element in match specification."), NULL;
        return compile_call(c, t, body);
    }
    if (term_is_list(t)) {
        Expr *e = new_expr(X_CONS, 2);
        Term parts[2] = {term_head(t), term_tail(t)};
        return compile_args(c, e, parts, body);
    }
    if (term_is_flatmap(t) && flatmap_size(t) > 0) {
        UInt size = flatmap_size(t);
        Expr *e = new_expr(X_MAP, (unsigned)(2 * size));
        for (UInt i = 0; i < size; i++) {
            e->args[2 * i] = compile_expr(c, flatmap_keys(t)[i], body);
            e->args[2 * i + 1] = e->args[2 * i] ? compile_expr(c, flatmap_values(t)[i], body) : NULL;
            if (!e->args[2 * i] || !e->args[2 * i + 1]) {
                free_expr(e);
                return NULL;
            }
        }
        return e;
    }
    Expr *e = new_expr(X_CONST, 0);
    e->value = t;
    return e;
}

/* A proper list of expressions into an array; false on any error. */
static bool compile_list(Compiler *c, Term list, bool body, Expr ***out, unsigned *count)
{
    size_t len;
    if (!bif_list_length(list, &len)) return fail(c, "%s", "Match expression is not a list.");
    if (body && len == 0 && c->ms->dialect == MS_TABLE) return fail(c, "%s", "Empty body in match specification.");
    *out = calloc(len ? len : 1, sizeof **out);
    if (!*out) abort();
    *count = 0;
    for (; term_is_list(list); list = term_tail(list)) {
        Expr *e = compile_expr(c, term_head(list), body);
        if (!e) return false;
        (*out)[(*count)++] = e;
    }
    return true;
}

static bool compile_clause(Compiler *c, Term t, Clause *cl)
{
    if (!term_is_tuple(t) || term_tuple_arity(t) != 3) return fail(c, "%s", "Match specification is not a tuple of arity 3.");
    c->clause = cl;
    c->nvars = 0;
    Term *head = &term_boxed_ptr(t)[1];
    Term original_head = *head;
    if (c->ms->dialect == MS_TRACE && !term_is_list(original_head) && !term_is_nil(original_head) &&
        original_head != ATOM_ms_wildcard && !variable_number(original_head, &(uint32_t){0}))
        return fail(c, "%s", "Match head is not a list.");
    rewrite_head(c, head);
    if (c->overflow) return fail(c, "%s", "Too many variables in match specification.");
    cl->head = *head;
    cl->nvars = c->nvars;
    cl->numbers = malloc((c->nvars ? c->nvars : 1) * sizeof *cl->numbers);
    if (!cl->numbers) abort();
    memcpy(cl->numbers, c->vars, c->nvars * sizeof *cl->numbers);
    if (!compile_list(c, term_tuple_element(t, 2), false, &cl->guards, &cl->nguards)) return false;
    return compile_list(c, term_tuple_element(t, 3), true, &cl->body, &cl->nbody);
}

static void free_clause(Clause *cl)
{
    for (unsigned i = 0; cl->guards && i < cl->nguards; i++) free_expr(cl->guards[i]);
    for (unsigned i = 0; cl->body && i < cl->nbody; i++) free_expr(cl->body[i]);
    free(cl->guards);
    free(cl->body);
    free(cl->numbers);
}

static void destroy_ms(void *data)
{
    MatchSpec *ms = data;
    for (size_t i = 0; i < ms->nclauses; i++) free_clause(&ms->clauses[i]);
    free(ms->clauses);
    ets_object_free(ms->terms);
}
static const ResourceType ms_type = {"match_spec", destroy_ms};

MatchSpec *ms_compile(Term spec, MsDialect dialect, char *err, size_t errcap)
{
    size_t n;
    if (err && errcap) err[0] = 0;
    if (!bif_list_length(spec, &n)) {
        if (err) snprintf(err, errcap, "%s", "Match program is not a proper list.");
        return NULL;
    }
    MatchSpec *ms = resource_alloc(&ms_type, sizeof *ms);
    if (!ms) return NULL;
    ms->dialect = dialect;
    ms->terms = ets_object_new(spec, 0, 0);
    ms->clauses = calloc(n ? n : 1, sizeof *ms->clauses);
    if (!ms->terms || !ms->clauses) abort();
    Compiler c = {.ms = ms, .err = err, .errcap = errcap};
    for (Term l = ms->terms->tuple; term_is_list(l); l = term_tail(l)) {
        Clause *cl = &ms->clauses[ms->nclauses++];
        if (!compile_clause(&c, term_head(l), cl)) {
            resource_release(ms);
            return NULL;
        }
    }
    return ms;
}

void ms_release(MatchSpec *ms) { resource_release(ms); }
void ms_keep(MatchSpec *ms) { resource_keep(ms); }
Term ms_term(Process *p, MatchSpec *ms) { return resource_make_term(p, ms); }
MatchSpec *ms_from_term(Term t) { return resource_from_term(t, &ms_type); }

/* ---- running ---- */

typedef struct Run {
    Process *p;
    const Clause *cl;
    Term object;
    Term *vars;
    bool copy;
} Run;

static bool match(Term pat, Term t, Term *vars)
{
    for (;;) {
        if (is_marker(pat)) {
            unsigned v = marker_value(pat);
            if (v == 0) return true;
            if (vars[v - 1] == TERM_NONE) {
                vars[v - 1] = t;
                return true;
            }
            return term_eq_exact(vars[v - 1], t);
        }
        if (term_is_list(pat)) {
            if (!term_is_list(t) || !match(term_head(pat), term_head(t), vars)) return false;
            pat = term_tail(pat);
            t = term_tail(t);
            continue;
        }
        if (term_is_tuple(pat)) {
            if (!term_is_tuple(t) || term_tuple_arity(t) != term_tuple_arity(pat)) return false;
            UInt n = term_tuple_arity(pat);
            for (UInt i = 1; i < n; i++)
                if (!match(term_tuple_element(pat, i), term_tuple_element(t, i), vars)) return false;
            if (n == 0) return true;
            pat = term_tuple_element(pat, n);
            t = term_tuple_element(t, n);
            continue;
        }
        if (term_is_flatmap(pat)) {
            if (!term_is_map(t)) return false;
            for (UInt i = 0; i < flatmap_size(pat); i++) {
                const Term *v = map_get(t, flatmap_keys(pat)[i]);
                if (!v || !match(flatmap_values(pat)[i], *v, vars)) return false;
            }
            return true;
        }
        return term_eq_exact(pat, t);
    }
}

static Term eval(Run *r, const Expr *e);

static Term value(Run *r, Term t) { return r->copy ? ets_copy_to_process(r->p, t) : t; }

static Term eval_bindings(Run *r)
{
    /* in the order of the variables' numbers */
    const Clause *cl = r->cl;
    unsigned order[256];
    for (unsigned i = 0; i < cl->nvars; i++) order[i] = i;
    for (unsigned i = 1; i < cl->nvars; i++)
        for (unsigned j = i; j > 0 && cl->numbers[order[j - 1]] > cl->numbers[order[j]]; j--) {
            unsigned tmp = order[j];
            order[j] = order[j - 1];
            order[j - 1] = tmp;
        }
    Term list = TERM_NIL;
    for (unsigned i = cl->nvars; i-- > 0;)
        list = term_cons(proc_alloc(r->p, 2), value(r, r->vars[order[i]]), list);
    return list;
}

static Term eval_logic(Run *r, const Expr *e)
{
    bool strict = e->kind == X_AND || e->kind == X_OR;
    bool is_and = e->kind == X_AND || e->kind == X_ANDALSO;
    Term result = is_and ? ATOM_true : ATOM_false;
    for (unsigned i = 0; i < e->n; i++) {
        Term v = eval(r, e->args[i]);
        if (v != ATOM_true && v != ATOM_false) return TERM_NONE;
        if ((v == ATOM_false) == is_and) {
            result = v;
            if (!strict) return result;
        }
    }
    return result;
}

static Term eval(Run *r, const Expr *e)
{
    Process *p = r->p;
    switch (e->kind) {
    case X_CONST: return r->copy ? ets_copy_to_process(p, e->value) : e->value;
    case X_VAR: return value(r, r->vars[e->var]);
    case X_OBJECT: return value(r, r->object);
    case X_BINDINGS: return eval_bindings(r);
    case X_TUPLE: {
        Term *elems;
        Term t = bif_alloc_tuple(p, e->n, &elems);
        for (unsigned i = 0; i < e->n; i++) elems[i] = TERM_NIL;
        for (unsigned i = 0; i < e->n; i++)
            if ((elems[i] = eval(r, e->args[i])) == TERM_NONE) return TERM_NONE;
        return t;
    }
    case X_CONS: {
        Term h = eval(r, e->args[0]);
        if (h == TERM_NONE) return TERM_NONE;
        Term t = eval(r, e->args[1]);
        if (t == TERM_NONE) return TERM_NONE;
        return term_cons(proc_alloc(p, 2), h, t);
    }
    case X_MAP: {
        unsigned n = e->n / 2;
        Term *kv = malloc(2 * n * sizeof *kv);
        if (!kv) abort();
        for (unsigned i = 0; i < e->n; i++)
            if ((kv[i] = eval(r, e->args[i])) == TERM_NONE) {
                free(kv);
                return TERM_NONE;
            }
        Term keys[n ? n : 1], vals[n ? n : 1];
        for (unsigned i = 0; i < n; i++) keys[i] = kv[2 * i], vals[i] = kv[2 * i + 1];
        free(kv);
        return map_from_pairs(p, keys, vals, n);
    }
    case X_CALL: {
        Term args[3];
        for (unsigned i = 0; i < e->n; i++)
            if ((args[i] = eval(r, e->args[i])) == TERM_NONE) return TERM_NONE;
        return e->fn(p, args);
    }
    case X_AND:
    case X_OR:
    case X_ANDALSO:
    case X_ORELSE: return eval_logic(r, e);
    case X_ACTION: {
        Term last = ATOM_true;
        for (unsigned i = 0; i < e->n; i++)
            if ((last = eval(r, e->args[i])) == TERM_NONE) return TERM_NONE;
        return e->value == ATOM_message ? last : ATOM_true;
    }
    }
    return TERM_NONE;
}

bool ms_run(Process *p, const MatchSpec *ms, Term term, bool copy, Term *result)
{
    Term vars[256];
    for (size_t i = 0; i < ms->nclauses; i++) {
        const Clause *cl = &ms->clauses[i];
        for (unsigned v = 0; v < cl->nvars; v++) vars[v] = TERM_NONE;
        if (!match(cl->head, term, vars)) continue;
        Run r = {p, cl, term, vars, false};
        bool pass = true;
        for (unsigned g = 0; pass && g < cl->nguards; g++) pass = eval(&r, cl->guards[g]) == ATOM_true;
        if (!pass) continue;
        r.copy = copy;
        Term v = ATOM_true;
        for (unsigned b = 0; b < cl->nbody; b++) {
            v = eval(&r, cl->body[b]);
            if (v == TERM_NONE) {
                v = ATOM_EXIT;
                break;
            }
        }
        *result = v;
        return true;
    }
    return false;
}

static bool ground(Term t)
{
    for (;;) {
        if (is_marker(t)) return false;
        if (term_is_list(t)) {
            if (!ground(term_head(t))) return false;
            t = term_tail(t);
            continue;
        }
        if (term_is_tuple(t)) {
            for (UInt i = 1; i <= term_tuple_arity(t); i++)
                if (!ground(term_tuple_element(t, i))) return false;
            return true;
        }
        if (term_is_flatmap(t)) {
            for (UInt i = 0; i < flatmap_size(t); i++)
                if (!ground(flatmap_values(t)[i])) return false;
        }
        return true;
    }
}

bool ms_bound_key(const MatchSpec *ms, unsigned keypos, Term *key)
{
    if (ms->nclauses != 1) return false;
    Term head = ms->clauses[0].head;
    if (!term_is_tuple(head) || term_tuple_arity(head) < keypos) return false;
    Term k = term_tuple_element(head, keypos);
    if (!ground(k)) return false;
    *key = k;
    return true;
}
