/* re_bifs.c — re:version/0, re:compile/1,2 and re:inspect/2. Compiling a
 * chardata pattern with the unicode option is left to re:ucompile/2 in
 * re.erl (which makes it UTF-8 and calls back), as in OTP. */
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

/* The PCRE2 library's own version: programs that keep compiled patterns
 * (Elixir's Regex does) compare it to know when to compile them again, and
 * patterns compiled by OTP's PCRE 8 cannot run here. */
Term bif_re_version_0(Process *p, const Term *args)
{
    (void)args;
    char text[64];
    int n = pcre2_config(PCRE2_CONFIG_VERSION, text);
    if (n <= 1) return bif_not_implemented(p, "re_version");
    return binary_from_bytes(p, text, (size_t)n - 1);
}

/* {ok, Pattern} or {error, {Text, Offset}} (Unicode for the tuple's flag). */
static Term compile_result(Process *p, const ReInput *src, const ReOptions *o, Term *err_info)
{
    int code;
    size_t off;
    ReCode *c = re_code_compile(src->bytes, src->len, o, &code, &off);
    bif_charge_bytes(p, src->len);
    if (!c) {
        *err_info = re_error_term(p, code, off);
        return TERM_NONE;
    }
    Term t = re_pattern_term(p, c, (o->flags & RE_OPT_UNICODE) != 0);
    re_code_release(c);
    return t;
}

/* Costs one reduction per 256 bytes of pattern. */
static Term compile(Process *p, Term pattern, Term options)
{
    ReOptions o;
    if (!re_parse_options(options, &o) || (o.flags & RE_OPT_RUN_ONLY)) return proc_badarg(p);
    if ((o.flags & RE_OPT_UNICODE) && !binary_is_binary(pattern)) {
        static const Export *ucompile;
        if (!ucompile) ucompile = export_put(ATOM_re, ATOM_ucompile, 2);
        Term a[2] = {pattern, options};
        return proc_trap(p, ucompile, a);
    }
    ReInput src;
    if (!re_input_bytes(pattern, &src)) return proc_badarg(p);
    Term info = TERM_NIL, t = compile_result(p, &src, &o, &info);
    re_input_free(&src);
    return bif_tuple2(p, t == TERM_NONE ? ATOM_error : ATOM_ok, t == TERM_NONE ? info : t);
}

Term bif_re_compile_1(Process *p, const Term *args) { return compile(p, args[0], TERM_NIL); }
Term bif_re_compile_2(Process *p, const Term *args) { return compile(p, args[0], args[1]); }

/* {namelist, Names}: the group names in PCRE's (sorted) table order, each
 * once where dupnames lets several groups share it. */
Term bif_re_inspect_2(Process *p, const Term *args)
{
    if (args[1] != ATOM_namelist) return proc_badarg(p);
    ReCode *c = re_code_of_term(args[0], 0, 0);
    if (!c) return proc_badarg(p);
    const pcre2_code *code = re_code_pcre(c);
    uint32_t count = 0, entry = 0;
    PCRE2_SPTR table = NULL;
    pcre2_pattern_info(code, PCRE2_INFO_NAMECOUNT, &count);
    pcre2_pattern_info(code, PCRE2_INFO_NAMEENTRYSIZE, &entry);
    pcre2_pattern_info(code, PCRE2_INFO_NAMETABLE, &table);
    uint32_t all = 0;
    pcre2_pattern_info(code, PCRE2_INFO_ALLOPTIONS, &all);
    bool dupnames = (all & PCRE2_DUPNAMES) != 0;
    Term names = TERM_NIL;
    /* built back to front; a name equal to the one before it is a duplicate */
    for (uint32_t i = count; i-- > 0;) {
        const char *name = (const char *)table + (size_t)i * entry + 2;
        if (dupnames && i > 0 && strcmp(name, (const char *)table + (size_t)(i - 1) * entry + 2) == 0) continue;
        Term b = binary_from_bytes(p, name, strlen(name));
        names = term_cons(proc_alloc(p, 2), b, names);
    }
    re_code_release(c);
    return bif_tuple2(p, ATOM_namelist, names);
}
