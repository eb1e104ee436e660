/* ets_bif_select.c — the ETS BIFs driven by match specifications: select,
 * select_reverse, select_count, select_delete, select_replace, match and
 * match_object (all with their chunked forms and continuations), and
 * match_spec_compile / match_spec_run / erlang:match_spec_test.
 *
 * Continuations are {Tid, Reverse, Bucket, Skip, HasKey, LastKey, Limit, Ms}:
 * where the scan stopped (ets_store.h's cursor) and the compiled spec. */
#include <stdlib.h>
#include <string.h>

#include "bif/bif.h"
#include "bif/bif_reds.h"
#include "bif/bif_util.h"
#include "ets/ets_store.h"
#include "ets/matchspec.h"
#include "load/export.h"
#include "emu/receive.h"
#include "term/compare.h"
#include "term/resource.h"

typedef enum SelectMode { SEL_LIST, SEL_COUNT, SEL_DELETE, SEL_REPLACE } SelectMode;

typedef struct Select {
    Process *p;
    EtsTable *t;
    const MatchSpec *ms;
    SelectMode mode;
    Term result, *tail; /* SEL_LIST: results in scan order */
    size_t got, limit, visited;
    size_t budget; /* whole-table scans: objects to visit in this slice (0: all) */
    /* SEL_REPLACE: the new objects, validated before any is stored */
    Term *repl;
    const EtsObject **replaced;
    size_t nrepl, caprepl;
    bool bad_replacement;
} Select;

static void append(Select *s, Term v)
{
    Term *cell = proc_alloc(s->p, 2);
    *s->tail = term_cons(cell, v, TERM_NIL);
    s->tail = &cell[1];
}

static bool same_key(const EtsTable *t, Term a, Term b)
{
    return ets_is_hash(t) ? term_eq_exact(a, b) : term_compare(a, b) == 0;
}

static int visit_one(Select *s, const EtsObject *o);

static int visit(void *ctx, const EtsObject *o)
{
    Select *s = ctx;
    int flags = visit_one(s, o);
    if (s->budget && s->visited >= s->budget) flags |= ETS_VISIT_STOP;
    return flags;
}

static int visit_one(Select *s, const EtsObject *o)
{
    s->visited++;
    Term r;
    if (!ms_run(s->p, s->ms, o->tuple, s->mode == SEL_LIST || s->mode == SEL_REPLACE, &r)) return ETS_VISIT_NEXT;
    switch (s->mode) {
    case SEL_LIST:
        append(s, r);
        return ++s->got == s->limit ? ETS_VISIT_STOP : ETS_VISIT_NEXT;
    case SEL_COUNT:
        if (r == ATOM_true) s->got++;
        return ETS_VISIT_NEXT;
    case SEL_DELETE:
        if (r != ATOM_true) return ETS_VISIT_NEXT;
        s->got++;
        return ETS_VISIT_DELETE;
    case SEL_REPLACE:
        if (!term_is_tuple(r) || term_tuple_arity(r) < s->t->keypos ||
            !same_key(s->t, term_tuple_element(r, s->t->keypos), o->key)) {
            s->bad_replacement = true;
            return ETS_VISIT_STOP;
        }
        if (s->nrepl == s->caprepl) {
            s->caprepl = s->caprepl ? 2 * s->caprepl : 64;
            s->repl = realloc(s->repl, s->caprepl * sizeof *s->repl);
            s->replaced = realloc(s->replaced, s->caprepl * sizeof *s->replaced);
            if (!s->repl || !s->replaced) abort();
        }
        s->replaced[s->nrepl] = o;
        s->repl[s->nrepl++] = r;
        return ETS_VISIT_NEXT;
    }
    return ETS_VISIT_NEXT;
}

/* Scans t from cursor c (objects of one key only when the spec binds it). */
static bool scan(Select *s, EtsCursor *c, bool reverse)
{
    Term key;
    bool done;
    if (ms_bound_key(s->ms, s->t->keypos, &key)) {
        /* one key's objects: few, so a chunk limit does not split them */
        for (const EtsObject *o = ets_store_lookup(s->t, key); o; o = ets_store_next_same(s->t, o)) visit(s, o);
        done = true;
    } else {
        done = ets_store_scan(s->t, c, reverse, visit, s);
    }
    bif_charge_cells(s->p, s->visited * 4);
    return done;
}

/* The select family takes specs as terms only; compiled ones are for
 * match_spec_run (OTP gives badarg for them too). */
static MatchSpec *compile_arg(Term spec) { return ms_compile(spec, MS_TABLE, NULL, 0); }

static Term make_continuation(Process *p, Select *s, const EtsCursor *c, bool reverse, MatchSpec *ms)
{
    Term *e;
    Term cont = bif_alloc_tuple(p, 8, &e);
    e[0] = ets_tid_term(p, s->t);
    e[1] = reverse ? ATOM_true : ATOM_false;
    e[2] = term_make_small((SInt)c->bucket);
    e[3] = term_make_small((SInt)c->skip);
    bool has_key = !ets_is_hash(s->t) && c->last;
    e[4] = has_key ? ATOM_true : ATOM_false;
    e[5] = has_key ? ets_copy_to_process(p, c->last->key) : TERM_NIL;
    e[6] = term_make_small((SInt)s->limit);
    e[7] = ms_term(p, ms);
    return cont;
}

/* ---- whole-table scans, in slices ----
 * select/2, match/2, match_object/2, select_count and select_delete visit at
 * most SCAN_SLICE objects per call; with more to do, the BIF traps to
 * ets:'$select_continue'/1 with its state, {Tid, Mode, Reverse, Bucket, Skip,
 * HasKey, Key, Ms, Acc}, and the process yields in between. Acc holds the
 * earlier slices' result lists, newest first (or the count so far). */

#define SCAN_SLICE 4000

static Term trap_to_continue(Process *p, Term state)
{
    static const Export *cont;
    if (!cont) cont = export_get(ATOM_ets, atom_from_cstr("$select_continue"), 1);
    return proc_trap(p, cont, &state);
}

/* The earlier slices (newest first) copied in front of the last one. */
static Term join_slices(Process *p, Term slices, Term last)
{
    Term r = last;
    for (; term_is_list(slices); slices = term_tail(slices)) {
        Term head = r, *tail = &head;
        for (Term l = term_head(slices); term_is_list(l); l = term_tail(l)) {
            Term *cell = proc_alloc(p, 2);
            *tail = term_cons(cell, term_head(l), TERM_NIL);
            tail = &cell[1];
        }
        *tail = r;
        r = head;
    }
    return r;
}

static Term scan_whole(Process *p, Term id, MatchSpec *ms, Term ms_ref, SelectMode mode, EtsCursor *c,
                       bool reverse, Term acc)
{
    EtsError err;
    EtsTable *t = ets_acquire(p, id, mode == SEL_DELETE ? ETS_WRITE : ETS_READ, &err);
    if (!t) return ets_raise(p, err);
    Select s = {.p = p, .t = t, .ms = ms, .mode = mode, .result = TERM_NIL, .budget = SCAN_SLICE};
    s.tail = &s.result;
    /* deletion goes through the store's scan, which may unlink as it goes */
    bool done = mode == SEL_DELETE ? ets_store_scan(t, c, reverse, visit, &s) : scan(&s, c, reverse);
    bif_charge_cells(p, s.visited * 4);
    bool has_key = !done && !ets_is_hash(t) && c->last;
    Term key = has_key ? ets_copy_to_process(p, c->last->key) : TERM_NIL;
    if (c->last && c->last_doomed) ets_tree_delete_key(t, c->last->key);
    Term tid = done ? TERM_NIL : ets_tid_term(p, t);
    ets_release(t);
    Term part = mode == SEL_LIST ? s.result : term_make_small((SInt)s.got);
    if (done) {
        if (mode == SEL_LIST) return join_slices(p, acc, part);
        return term_make_small(term_small_value(acc) + (SInt)s.got);
    }
    Term next = mode == SEL_LIST ? term_cons(proc_alloc(p, 2), part, acc)
                                 : term_make_small(term_small_value(acc) + (SInt)s.got);
    Term *e;
    Term state = bif_alloc_tuple(p, 9, &e);
    e[0] = tid;
    e[1] = term_make_small(mode);
    e[2] = reverse ? ATOM_true : ATOM_false;
    e[3] = term_make_small((SInt)c->bucket);
    e[4] = term_make_small((SInt)c->skip);
    e[5] = has_key ? ATOM_true : ATOM_false;
    e[6] = key;
    e[7] = ms_ref != TERM_NONE ? ms_ref : ms_term(p, ms);
    e[8] = next;
    return trap_to_continue(p, state);
}

Term bif_ets_select_continue_1(Process *p, const Term *args)
{
    Term st = args[0];
    if (!term_is_tuple(st) || term_tuple_arity(st) != 9) return ets_raise(p, ETS_BADARG);
    const Term *e = term_tuple_elements(st);
    MatchSpec *ms = ms_from_term(e[7]);
    SInt mode = term_is_small(e[1]) ? term_small_value(e[1]) : -1;
    bool acc_ok = mode == SEL_LIST ? term_is_list(e[8]) || term_is_nil(e[8]) : term_is_small(e[8]);
    if (!ms || (mode != SEL_LIST && mode != SEL_COUNT && mode != SEL_DELETE) || !acc_ok || !term_is_small(e[3]) ||
        term_small_value(e[3]) < 0 || !term_is_small(e[4]) || term_small_value(e[4]) < 0)
        return ets_raise(p, ETS_BADARG);
    EtsCursor c = {.bucket = (size_t)term_small_value(e[3]), .skip = (size_t)term_small_value(e[4]),
                   .has_key = e[5] == ATOM_true, .key = e[6]};
    return scan_whole(p, e[0], ms, e[7], (SelectMode)mode, &c, e[2] == ATOM_true, e[8]);
}

/* One chunk (limit > 0) or the whole table (limit 0) from cursor c. */
static Term select_from(Process *p, Term id, MatchSpec *ms, size_t limit, EtsCursor *c, bool reverse)
{
    if (limit == 0) return scan_whole(p, id, ms, TERM_NONE, SEL_LIST, c, reverse, TERM_NIL);
    EtsError err;
    EtsTable *t = ets_acquire(p, id, ETS_READ, &err);
    if (!t) return ets_raise(p, err);
    Select s = {.p = p, .t = t, .ms = ms, .mode = SEL_LIST, .result = TERM_NIL, .limit = limit};
    s.tail = &s.result;
    bool done = scan(&s, c, reverse);
    Term r = s.result;
    if (limit) {
        if (done && s.got == 0) r = ATOM_end_of_table;
        else r = bif_tuple2(p, s.result, done ? ATOM_end_of_table : make_continuation(p, &s, c, reverse, ms));
    }
    ets_release(t);
    return r;
}

static Term select_tab(Process *p, Term id, Term spec, Term limit_term, bool reverse)
{
    size_t limit = 0;
    if (limit_term != TERM_NONE) {
        if (!term_is_small(limit_term) || term_small_value(limit_term) <= 0) return ets_raise(p, ETS_BADARG);
        limit = (size_t)term_small_value(limit_term);
    }
    MatchSpec *ms = compile_arg(spec);
    if (!ms) {
        /* the table is checked first, as OTP does */
        EtsError err;
        EtsTable *t = ets_acquire(p, id, ETS_READ, &err);
        if (!t) return ets_raise(p, err);
        ets_release(t);
        return ets_raise(p, ETS_BADARG);
    }
    EtsCursor c = {0};
    Term r = select_from(p, id, ms, limit, &c, reverse);
    ms_release(ms);
    return r;
}

Term bif_ets_select_2(Process *p, const Term *args) { return select_tab(p, args[0], args[1], TERM_NONE, false); }
Term bif_ets_select_3(Process *p, const Term *args) { return select_tab(p, args[0], args[1], args[2], false); }
Term bif_ets_select_reverse_2(Process *p, const Term *args) { return select_tab(p, args[0], args[1], TERM_NONE, true); }
Term bif_ets_select_reverse_3(Process *p, const Term *args) { return select_tab(p, args[0], args[1], args[2], true); }

static Term continue_select(Process *p, Term cont)
{
    if (cont == ATOM_end_of_table) return ATOM_end_of_table;
    if (!term_is_tuple(cont) || term_tuple_arity(cont) != 8) return ets_raise(p, ETS_BADARG);
    const Term *e = term_tuple_elements(cont);
    MatchSpec *ms = ms_from_term(e[7]);
    if (!ms || !term_is_small(e[2]) || !term_is_small(e[3]) || !term_is_small(e[6]) || term_small_value(e[6]) <= 0 ||
        term_small_value(e[2]) < 0 || term_small_value(e[3]) < 0)
        return ets_raise(p, ETS_BADARG);
    EtsCursor c = {.bucket = (size_t)term_small_value(e[2]), .skip = (size_t)term_small_value(e[3]),
                   .has_key = e[4] == ATOM_true, .key = e[5]};
    return select_from(p, e[0], ms, (size_t)term_small_value(e[6]), &c, e[1] == ATOM_true);
}

Term bif_ets_select_1(Process *p, const Term *args) { return continue_select(p, args[0]); }
Term bif_ets_select_reverse_1(Process *p, const Term *args) { return continue_select(p, args[0]); }
Term bif_ets_match_1(Process *p, const Term *args) { return continue_select(p, args[0]); }
Term bif_ets_match_object_1(Process *p, const Term *args) { return continue_select(p, args[0]); }

/* [{Pattern, [], [Body]}] on p's heap, for match/match_object. */
static Term pattern_spec(Process *p, Term pattern, Term body)
{
    Term *cell = proc_alloc(p, 2);
    Term bodies = term_cons(cell, body, TERM_NIL);
    Term clause = bif_tuple3(p, pattern, TERM_NIL, bodies);
    return term_cons(proc_alloc(p, 2), clause, TERM_NIL);
}

Term bif_ets_match_2(Process *p, const Term *args)
{
    return select_tab(p, args[0], pattern_spec(p, args[1], ATOM_ms_bindings), TERM_NONE, false);
}
Term bif_ets_match_3(Process *p, const Term *args)
{
    return select_tab(p, args[0], pattern_spec(p, args[1], ATOM_ms_bindings), args[2], false);
}
Term bif_ets_match_object_2(Process *p, const Term *args)
{
    return select_tab(p, args[0], pattern_spec(p, args[1], ATOM_ms_object), TERM_NONE, false);
}
Term bif_ets_match_object_3(Process *p, const Term *args)
{
    return select_tab(p, args[0], pattern_spec(p, args[1], ATOM_ms_object), args[2], false);
}

/* select_count and select_delete walk the whole table in slices;
 * select_replace checks every replacement before it stores any, in one go. */
static Term select_all(Process *p, Term id, Term spec, SelectMode mode)
{
    if (mode != SEL_REPLACE) {
        MatchSpec *ms = compile_arg(spec);
        if (!ms) {
            EtsError err;
            EtsTable *t = ets_acquire(p, id, ETS_READ, &err);
            if (!t) return ets_raise(p, err);
            ets_release(t);
            return ets_raise(p, ETS_BADARG);
        }
        EtsCursor c = {0};
        Term r = scan_whole(p, id, ms, TERM_NONE, mode, &c, false, term_make_small(0));
        ms_release(ms);
        return r;
    }
    EtsError err;
    EtsTable *t = ets_acquire(p, id, mode == SEL_COUNT ? ETS_READ : ETS_WRITE, &err);
    if (!t) return ets_raise(p, err);
    MatchSpec *ms = compile_arg(spec);
    if (!ms || (mode == SEL_REPLACE && t->type == ETS_BAG)) {
        if (ms) ms_release(ms);
        ets_release(t);
        return ets_raise(p, ETS_BADARG);
    }
    Select s = {.p = p, .t = t, .ms = ms, .mode = mode, .result = TERM_NIL};
    s.tail = &s.result;
    EtsCursor c = {0};
    scan(&s, &c, false);
    Term r;
    {
        if (s.bad_replacement) {
            r = ets_raise(p, ETS_BADARG);
        } else {
            for (size_t i = 0; i < s.nrepl; i++) {
                Term obj = s.repl[i];
                EtsObject *o = ets_table_object(t, obj);
                if (!o) continue;
                if (ets_is_hash(t)) ets_hash_replace(t, s.replaced[i], o);
                else ets_store_put(t, o);
            }
            r = term_make_small((SInt)s.nrepl);
        }
        free(s.repl);
        free(s.replaced);
    }
    ms_release(ms);
    ets_release(t);
    return r;
}

Term bif_ets_select_count_2(Process *p, const Term *args) { return select_all(p, args[0], args[1], SEL_COUNT); }
Term bif_ets_internal_select_delete_2(Process *p, const Term *args)
{
    return select_all(p, args[0], args[1], SEL_DELETE);
}
Term bif_ets_select_replace_2(Process *p, const Term *args) { return select_all(p, args[0], args[1], SEL_REPLACE); }

/* ---- compiled specs outside tables ---- */

Term bif_ets_match_spec_compile_1(Process *p, const Term *args)
{
    /* unlike select, which matches nothing with it, the empty spec is refused */
    MatchSpec *ms = term_is_nil(args[0]) ? NULL : ms_compile(args[0], MS_TABLE, NULL, 0);
    if (!ms) return ets_raise(p, ETS_BADARG);
    Term t = ms_term(p, ms);
    ms_release(ms);
    return t;
}

Term bif_ets_is_compiled_ms_1(Process *p, const Term *args)
{
    (void)p;
    return ms_from_term(args[0]) ? ATOM_true : ATOM_false;
}

/* match_spec_run_r(List, CompiledMs, Acc): the results consed onto Acc, so
 * in reverse (ets:match_spec_run/2 reverses them). */
Term bif_ets_match_spec_run_r_3(Process *p, const Term *args)
{
    MatchSpec *ms = ms_from_term(args[1]);
    size_t len;
    if (!ms || !bif_list_length(args[0], &len)) return ets_raise(p, ETS_BADARG);
    Term acc = args[2];
    for (Term l = args[0]; term_is_list(l); l = term_tail(l)) {
        Term r;
        if (ms_run(p, ms, term_head(l), false, &r)) acc = term_cons(proc_alloc(p, 2), r, acc);
    }
    bif_charge_cells(p, len * 4);
    return acc;
}

/* erlang:match_spec_test(Term, Spec, table | trace):
 * {ok, Result, Flags, Warnings} or {error, [{error, Message}]}. */
Term bif_erlang_match_spec_test_3(Process *p, const Term *args)
{
    MsDialect d;
    if (args[2] == ATOM_table) d = MS_TABLE;
    else if (args[2] == ATOM_trace) d = MS_TRACE;
    else return proc_badarg(p);
    if (d == MS_TABLE && !term_is_tuple(args[0])) return proc_badarg(p);
    if (d == MS_TRACE && !term_is_list(args[0]) && !term_is_nil(args[0])) return proc_badarg(p);
    char msg[160];
    MatchSpec *ms = ms_compile(args[1], d, msg, sizeof msg);
    if (!ms) {
        Term text = bif_bytes_to_list(p, (const uint8_t *)msg, strlen(msg), TERM_NIL);
        Term err = bif_tuple2(p, ATOM_error, text);
        return bif_tuple2(p, ATOM_error, term_cons(proc_alloc(p, 2), err, TERM_NIL));
    }
    Term r;
    if (!ms_run(p, ms, args[0], false, &r)) r = ATOM_false;
    ms_release(ms);
    Term *e;
    Term t = bif_alloc_tuple(p, 4, &e);
    e[0] = ATOM_ok;
    e[1] = r;
    e[2] = TERM_NIL;
    e[3] = TERM_NIL;
    return t;
}
