/* re_run.c — re:run/2,3 and re:internal_run/4: one PCRE2 match and its
 * result in the shape the capture option asks for. As in OTP, a global match
 * is handed to re:grun/3 in re.erl (which calls internal_run once per match,
 * so the process can be scheduled out between matches), and unicode chardata
 * to re:urun/3 (which makes it UTF-8 and calls back). */
#include <stdlib.h>
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "atom/atom.h"
#include "bif/bif.h"
#include "bif/bif_reds.h"
#include "bif/bif_util.h"
#include "bif/re_errors.h"
#include "bif/re_options.h"
#include "bif/re_pattern.h"
#include "emu/receive.h"
#include "term/binary.h"

typedef enum { RET_INDEX, RET_LIST, RET_BINARY, RET_NONE } RetType;

/* The groups a capture specification names. count 0 is all, -1 all but the
 * first; else v[0..count) lists group numbers, where -n announces n numbers
 * that follow for one duplicated name (the first of them that is set wins). */
typedef struct Capture {
    RetType type;
    int count;
    int *v;
    int cap;
} Capture;

static bool push(Capture *c, int x)
{
    if (c->count == c->cap) {
        int cap = c->cap ? 2 * c->cap : 8;
        int *v = realloc(c->v, sizeof *v * (size_t)cap);
        if (!v) return false;
        c->v = v, c->cap = cap;
    }
    c->v[c->count++] = x;
    return true;
}

static bool has_dupnames(const pcre2_code *code)
{
    uint32_t all = 0;
    pcre2_pattern_info(code, PCRE2_INFO_ALLOPTIONS, &all);
    return (all & PCRE2_DUPNAMES) != 0;
}

static int entry_group(PCRE2_SPTR e) { return e[0] << 8 | e[1]; }

/* The group(s) of one name; -1 (never set) for a name the pattern lacks. */
static bool push_name(Capture *c, const pcre2_code *code, const char *name)
{
    if (!has_dupnames(code)) {
        int n = pcre2_substring_number_from_name(code, (PCRE2_SPTR)name);
        return push(c, n < 0 ? -1 : n);
    }
    PCRE2_SPTR first, last;
    int size = pcre2_substring_nametable_scan(code, (PCRE2_SPTR)name, &first, &last);
    if (size < 0) return push(c, -1);
    if (first == last) return push(c, entry_group(first));
    int n = (int)((last - first) / size) + 1;
    if (!push(c, -n)) return false;
    for (; first <= last; first += size)
        if (!push(c, entry_group(first))) return false;
    return true;
}

static bool all_names(Capture *c, const pcre2_code *code)
{
    uint32_t count = 0, entry = 0;
    PCRE2_SPTR table = NULL;
    pcre2_pattern_info(code, PCRE2_INFO_NAMECOUNT, &count);
    if (count == 0) {
        c->type = RET_NONE;
        return true;
    }
    pcre2_pattern_info(code, PCRE2_INFO_NAMEENTRYSIZE, &entry);
    pcre2_pattern_info(code, PCRE2_INFO_NAMETABLE, &table);
    bool dup = has_dupnames(code);
    for (uint32_t i = 0; i < count; i++) {
        PCRE2_SPTR e = table + (size_t)i * entry;
        if (!dup) {
            if (!push(c, entry_group(e))) return false;
        } else if (i == 0 || strcmp((const char *)e + 2, (const char *)e - entry + 2) != 0) {
            if (!push_name(c, code, (const char *)e + 2)) return false;
        }
    }
    return true;
}

/* One element of a capture value list: a group number or name. */
static bool value_item(Capture *c, const pcre2_code *code, Term v)
{
    if (term_is_small(v))
        return term_small_value(v) >= 0 && term_small_value(v) <= 0xffff && push(c, (int)term_small_value(v));
    ReInput in;
    char *name;
    if (term_is_atom(v)) {
        size_t len;
        const char *text = atom_text(v, &len);
        in = (ReInput){.bytes = (const uint8_t *)text, .len = len};
    } else if (!(term_is_list(v) || binary_is_binary(v)) || !re_input_bytes(v, &in)) {
        return false;
    }
    name = malloc(in.len + 1);
    bool ok = name != NULL;
    if (ok) {
        memcpy(name, in.bytes, in.len);
        name[in.len] = 0;
        ok = push_name(c, code, name);
    }
    free(name);
    re_input_free(&in);
    return ok;
}

static bool build_capture(Capture *c, Term values, Term type, const pcre2_code *code)
{
    *c = (Capture){0};
    if (type == ATOM_index)
        c->type = RET_INDEX;
    else if (type == ATOM_list)
        c->type = RET_LIST;
    else if (type == ATOM_binary)
        c->type = RET_BINARY;
    else
        return false;
    if (values == ATOM_all) return true;
    if (values == ATOM_none || values == TERM_NIL) {
        c->type = RET_NONE;
        return true;
    }
    if (values == ATOM_all_but_first) {
        c->count = -1;
        return true;
    }
    if (values == ATOM_first) return push(c, 0);
    if (values == ATOM_all_names) return all_names(c, code);
    if (!term_is_list(values)) return false;
    for (; term_is_list(values); values = term_tail(values))
        if (!value_item(c, code, term_head(values))) return false;
    return term_is_nil(values);
}

typedef struct Match {
    Term subject;     /* the subject term, when it is a binary */
    const uint8_t *s; /* its bytes */
    PCRE2_SIZE *ov;
    int rc; /* groups set: highest set plus one */
} Match;

/* Group g as the capture type asks: {Start, Length}, a list or a binary;
 * an unset group is {-1, 0} or empty. */
static Term group_term(Process *p, const Match *m, RetType type, int g)
{
    bool set = g >= 0 && g < m->rc && m->ov[2 * g] != PCRE2_UNSET;
    size_t start = set ? m->ov[2 * g] : 0, len = set ? m->ov[2 * g + 1] - start : 0;
    if (type == RET_INDEX)
        return set ? bif_tuple2(p, term_make_small((SInt)start), term_make_small((SInt)len))
                   : bif_tuple2(p, term_make_small(-1), term_make_small(0));
    if (type == RET_LIST) return bif_bytes_to_list(p, m->s + start, len, TERM_NIL);
    if (m->subject != TERM_NONE && len) return binary_slice(p, m->subject, start * 8, len * 8);
    return binary_from_bytes(p, m->s + start, len);
}

/* {match, Captured} for a successful match. Work: one reduction per 16
 * captured groups, besides the bytes copied. */
static Term match_result(Process *p, const Match *m, const Capture *c)
{
    if (c->type == RET_NONE) return ATOM_match;
    int n = c->count <= 0 ? m->rc + c->count : 0;
    Term *items = malloc(sizeof(Term) * (size_t)(c->count > 0 ? c->count : n > 0 ? n : 1));
    if (!items) return proc_error(p, ATOM_system_limit);
    int k = 0;
    if (c->count <= 0) {
        for (int g = -c->count; g < m->rc; g++) items[k++] = group_term(p, m, c->type, g);
    } else {
        for (int i = 0; i < c->count; i++) {
            int g = c->v[i];
            if (g < -1) {
                /* a duplicated name: the first of its groups that is set */
                int end = i + 1 - g;
                g = -1;
                for (int j = i + 1; j < end && j < c->count; j++)
                    if (c->v[j] < m->rc && m->ov[2 * c->v[j]] != PCRE2_UNSET) {
                        g = c->v[j];
                        break;
                    }
                i = end - 1;
            }
            items[k++] = group_term(p, m, c->type, g);
        }
    }
    bif_charge_cells(p, (size_t)k);
    Term list = bif_array_to_list(p, items, (size_t)k, TERM_NIL);
    free(items);
    return bif_tuple2(p, ATOM_match, list);
}

static Term trap(Process *p, Term fn, unsigned arity, const Term *args)
{
    return proc_trap(p, export_put(ATOM_re, fn, arity), args);
}

/* What a failed pcre2_match means to the caller. */
static Term match_failure(Process *p, int rc, bool report)
{
    switch (rc) {
    case PCRE2_ERROR_NOMATCH:
    case PCRE2_ERROR_RECURSELOOP: return ATOM_nomatch;
    case PCRE2_ERROR_MATCHLIMIT: return report ? bif_tuple2(p, ATOM_error, ATOM_match_limit) : ATOM_nomatch;
    case PCRE2_ERROR_DEPTHLIMIT:
    case PCRE2_ERROR_HEAPLIMIT: return report ? bif_tuple2(p, ATOM_error, ATOM_match_limit_recursion) : ATOM_nomatch;
    /* PCRE 8 left an offset past the end unhandled, and OTP 25 raises this */
    case PCRE2_ERROR_BADOFFSET: return proc_error(p, ATOM_internal_error);
    default:
        if (rc <= PCRE2_ERROR_UTF8_ERR1 && rc >= PCRE2_ERROR_UTF8_ERR21) return proc_badarg(p);
        if (rc == PCRE2_ERROR_BADUTFOFFSET) return proc_badarg(p);
        return proc_error(p, ATOM_internal_error);
    }
}

/* Matches once; code is held by the caller. Costs one reduction per 256
 * bytes of subject from the offset, at least one. A single match runs to
 * its end (PCRE2 cannot be suspended), bounded by the match limits. */
static Term execute(Process *p, Term subject, const ReCode *rc_code, const ReOptions *o)
{
    const pcre2_code *code = re_code_pcre(rc_code);
    Capture cap = {.type = RET_INDEX};
    if ((o->flags & RE_OPT_CAPTURE) && !build_capture(&cap, o->capture_values, o->capture_type, code)) {
        free(cap.v);
        return proc_badarg(p);
    }
    ReInput in;
    if (!re_input_bytes(subject, &in)) {
        free(cap.v);
        return proc_badarg(p);
    }
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(code, NULL);
    pcre2_match_context *mc = NULL;
    if (o->flags & (RE_OPT_MATCH_LIMIT | RE_OPT_MATCH_LIMIT_RECURSION)) {
        mc = pcre2_match_context_create(NULL);
        if (mc && (o->flags & RE_OPT_MATCH_LIMIT)) pcre2_set_match_limit(mc, o->match_limit);
        if (mc && (o->flags & RE_OPT_MATCH_LIMIT_RECURSION)) pcre2_set_depth_limit(mc, o->match_limit_recursion);
    }
    Term r;
    if (!md) {
        r = proc_error(p, ATOM_system_limit);
    } else {
        int rc = pcre2_match(code, in.bytes, in.len, o->offset, o->match, md, mc);
        bif_charge_bytes(p, in.len > o->offset ? in.len - o->offset : 0);
        p->reductions++;
        Match m = {
            .subject = in.owned ? TERM_NONE : subject, .s = in.bytes, .ov = pcre2_get_ovector_pointer(md), .rc = rc};
        r = rc > 0 ? match_result(p, &m, &cap) : match_failure(p, rc, (o->flags & RE_OPT_REPORT_ERRORS) != 0);
    }
    pcre2_match_context_free(mc);
    pcre2_match_data_free(md);
    re_input_free(&in);
    free(cap.v);
    return r;
}

/* re:run with a pattern given as text: compiled here (or found cached). */
static Term run_text(Process *p, Term subject, Term pattern, Term options, ReOptions *o)
{
    bool list_cap = (o->flags & RE_OPT_CAPTURE) && o->capture_type == ATOM_list;
    if ((o->flags & RE_OPT_UNICODE) &&
        (!binary_is_binary(pattern) || !binary_is_binary(subject) || (list_cap && !(o->flags & RE_OPT_GLOBAL)))) {
        Term a[3] = {subject, pattern, options};
        return trap(p, ATOM_urun, 3, a);
    }
    ReInput src;
    if (!re_input_bytes(pattern, &src)) return proc_badarg(p);
    int err;
    size_t off;
    ReCode *c = re_code_compile(src.bytes, src.len, o, &err, &off);
    bif_charge_bytes(p, src.len);
    re_input_free(&src);
    if (!c) {
        if (!(o->flags & RE_OPT_REPORT_ERRORS)) return proc_badarg(p);
        return bif_tuple2(p, ATOM_error, bif_tuple2(p, ATOM_compile, re_error_term(p, err, off)));
    }
    Term r;
    if (o->flags & RE_OPT_GLOBAL) {
        /* the source goes along only for the exception re.erl may raise */
        Term compiled = re_pattern_term(p, c, (o->flags & RE_OPT_UNICODE) != 0);
        Term how = bif_tuple3(p, options, (o->flags & RE_OPT_COMPILE_ONLY) ? ATOM_true : ATOM_false, pattern);
        Term a[3] = {subject, compiled, how};
        r = trap(p, ATOM_grun, 3, a);
    } else {
        r = execute(p, subject, c, o);
    }
    re_code_release(c);
    return r;
}

static Term run_compiled(Process *p, Term subject, Term pattern, Term options, ReOptions *o)
{
    if ((o->flags & RE_OPT_COMPILE_ONLY) || o->inconsistent_newline) return proc_badarg(p);
    ReCode *c = re_code_of_term(pattern, o->newline, o->bsr);
    if (!c) return proc_badarg(p);
    bool list_cap = (o->flags & RE_OPT_CAPTURE) && o->capture_type == ATOM_list;
    Term r;
    if (term_tuple_element(pattern, 3) != term_make_small(0) &&
        (!binary_is_binary(subject) || (list_cap && !(o->flags & RE_OPT_GLOBAL)))) {
        Term a[3] = {subject, pattern, options};
        r = trap(p, ATOM_urun, 3, a);
    } else if (o->flags & RE_OPT_GLOBAL) {
        Term a[3] = {subject, pattern, bif_tuple2(p, options, ATOM_false)};
        r = trap(p, ATOM_grun, 3, a);
    } else {
        r = execute(p, subject, c, o);
    }
    re_code_release(c);
    return r;
}

/* first is false when re.erl's global loop calls again on a subject whose
 * UTF-8 it has already had checked. */
static Term run(Process *p, Term subject, Term pattern, Term options, bool first)
{
    ReOptions o;
    if (!re_parse_options(options, &o)) return proc_badarg(p);
    if (!first) o.match |= PCRE2_NO_UTF_CHECK;
    if (term_is_tuple(pattern) && term_tuple_arity(pattern) == 5) return run_compiled(p, subject, pattern, options, &o);
    if (!binary_is_binary(pattern) && !term_is_list(pattern) && !term_is_nil(pattern)) return proc_badarg(p);
    return run_text(p, subject, pattern, options, &o);
}

Term bif_re_run_2(Process *p, const Term *args) { return run(p, args[0], args[1], TERM_NIL, true); }
Term bif_re_run_3(Process *p, const Term *args) { return run(p, args[0], args[1], args[2], true); }

Term bif_re_internal_run_4(Process *p, const Term *args)
{
    if (args[3] != ATOM_true && args[3] != ATOM_false) return proc_badarg(p);
    return run(p, args[0], args[1], args[2], args[3] == ATOM_true);
}
