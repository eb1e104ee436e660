/* boot.c — Ember's minimal init: it brings up the runtime, runs the -run/-s
 * commands in order in the first process and reports a failing command the way
 * OTP's init does ("init terminating in do_boot"). It stands in for an init
 * written in Erlang until lib/ has one. */
#include "boot/boot.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "atom/atom.h"
#include "bif/bif.h"
#include "emu/emu.h"
#include "load/disasm.h"
#include "load/export.h"
#include "load/module.h"
#include "proc/process.h"
#include "term/display.h"
#include "term/strbuf.h"
#include "term/utf8.h"

static void init_subsystems(const BootOptions *o)
{
    atom_table_init(0);
    export_table_init();
    bif_register_all();
    module_table_init();
    emu_init();
    for (int i = 0; i < o->num_path_first; i++) module_path_add_first(o->path_first[i]);
    for (int i = 0; i < o->num_path_last; i++) module_path_add_last(o->path_last[i]);
}

static Term make_atom_or_die(const char *text)
{
    Term t;
    if (atom_intern(text, strlen(text), &t) != ATOM_OK) {
        fprintf(stderr, "ember: bad atom on the command line: %s\n", text);
        _exit(1);
    }
    return t;
}

/* A command-line argument as an Erlang string: code points when it is UTF-8,
 * bytes otherwise (as erl does with its file name encoding). */
static Term make_string(Process *p, const char *text)
{
    const uint8_t *s = (const uint8_t *)text;
    size_t len = strlen(text);
    bool utf8 = utf8_count_chars(s, len) != UTF8_INVALID;
    Term list = TERM_NIL;
    /* build from the end so the list needs no reversal */
    Term *cells = proc_alloc(p, 2 * len);
    uint32_t chars[len + 1];
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        size_t size = 1;
        chars[n++] = utf8 ? (uint32_t)utf8_decode(s + i, len - i, &size) : s[i];
        i += size;
    }
    while (n > 0) {
        n--;
        list = term_cons(cells + 2 * n, term_make_small(chars[n]), list);
    }
    return list;
}

static Term command_args(Process *p, const BootCommand *c)
{
    Term list = TERM_NIL;
    for (int i = c->num_args - 1; i >= 0; i--) {
        Term arg = c->args_as_atoms ? make_atom_or_die(c->args[i]) : make_string(p, c->args[i]);
        list = term_cons(proc_alloc(p, 2), arg, list);
    }
    /* M:F() without arguments, M:F([Args]) with them */
    return c->num_args == 0 ? TERM_NIL : term_cons(proc_alloc(p, 2), list, TERM_NIL);
}

static void display_line(Term t, FILE *out)
{
    StrBuf b;
    strbuf_init(&b);
    term_display(t, &b);
    strbuf_append_cstr(&b, "\r\n"); /* erlang:display ends lines so */
    fwrite(b.data, 1, b.len, out);
    fflush(out);
    strbuf_free(&b);
}

static Term tuple(Process *p, int n, const Term *elems)
{
    Term *t = proc_alloc(p, 1 + (size_t)n);
    t[0] = header_make(HDR_TUPLE, (UInt)n);
    memcpy(t + 1, elems, (size_t)n * sizeof(Term));
    return term_make_boxed(t);
}

/* OTP runs boot commands from init:start_em/1, called by init:do_boot/3, so
 * its traces end with those two frames; Ember's boot takes their place. */
static Term append_boot_frames(Process *p, Term trace)
{
    Term start_em[] = {ATOM_init, atom_from_cstr("start_em"), term_make_small(1), TERM_NIL};
    Term do_boot[] = {ATOM_init, atom_from_cstr("do_boot"), term_make_small(3), TERM_NIL};
    Term tail = term_cons(proc_alloc(p, 2), tuple(p, 4, do_boot), TERM_NIL);
    tail = term_cons(proc_alloc(p, 2), tuple(p, 4, start_em), tail);
    size_t n = 0;
    for (Term t = trace; term_is_list(t); t = term_tail(t)) n++;
    Term *cells = proc_alloc(p, 2 * n);
    Term *out = &trace, *cell = cells;
    for (Term t = trace; term_is_list(t); t = term_tail(t), cell += 2) {
        *out = term_cons(cell, term_head(t), TERM_NIL);
        out = &cell[1];
    }
    *out = tail;
    return trace;
}

/* Prints what OTP's init prints when a boot command fails, and returns the
 * exit status (1). */
static int report_boot_failure(Process *p, Term trace)
{
    Term value;
    if (p->fclass == ATOM_exit) {
        value = p->freason;
    } else {
        Term reason = p->fclass == ATOM_throw ? proc_tuple2(p, ATOM_nocatch, p->freason) : p->freason;
        value = proc_tuple2(p, reason, append_boot_frames(p, trace));
    }
    Term text = make_string(p, "init terminating in do_boot");
    display_line(proc_tuple2(p, text, value), stdout);
    StrBuf b;
    strbuf_init(&b);
    strbuf_append_cstr(&b, "init terminating in do_boot (");
    term_display(value, &b);
    strbuf_append_cstr(&b, ")\n");
    fwrite(b.data, 1, b.len, stderr);
    strbuf_free(&b);
    return 1;
}

static int disassemble(const char *path)
{
    Module *m;
    if (module_load_file(path, &m) != LOAD_OK) return 1;
    load_disassemble(m, stdout);
    return 0;
}

int boot_run(const BootOptions *o)
{
    init_subsystems(o);
    if (o->disassemble) return disassemble(o->disassemble);
    if (!o->noshell) fprintf(stderr, "ember: no interactive shell yet; running as with -noshell\n");

    Process *p = proc_new(0);
    for (int i = 0; i < o->num_commands; i++) {
        const BootCommand *c = &o->commands[i];
        Term args = command_args(p, c);
        Term result;
        EmuOutcome outcome = emu_apply(p, make_atom_or_die(c->module), make_atom_or_die(c->function), args, &result);
        if (outcome == EMU_HALTED) return p->exit_status;
        if (outcome == EMU_RAISED) {
            /* exit(normal) ends the boot process quietly; the node stays up */
            if (p->fclass == ATOM_exit && p->freason == ATOM_normal) break;
            return report_boot_failure(p, result);
        }
    }
    /* Like an OTP node started with -noshell, stay up until something halts. */
    fflush(stdout);
    for (;;) pause();
}
