/* boot.c — brings up the runtime and hands the command line's -run/-s commands
 * to Ember's init (lib/init.erl) in the first process. */
#include "boot/boot.h"
#include "boot/bundle_boot.h"
#include "boot/otp_boot.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "atom/atom.h"
#include "bif/bif.h"
#include "emu/call.h"
#include "emu/emu.h"
#include "load/disasm.h"
#include "load/export.h"
#include "load/module.h"
#include "proc/process.h"
#include "proc/pexit.h"
#include "proc/ptab.h"
#include "proc/spawn.h"
#include "sched/sched.h"
#include "ets/ets_table.h"
#include "io/dirty_io.h"
#include "io/file_handle.h"
#include "time/timer.h"
#include "platform/platform.h"
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
    ets_init();
    dirty_io_init(0);
    file_handles_init();
    /* OTP's init hands -pa to its code server */
    if (!o->otp_root)
        for (int i = 0; i < o->num_path_first; i++) module_path_add_first(o->path_first[i]);
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

static Term tuple3(Process *p, Term a, Term b, Term c)
{
    Term *t = proc_alloc(p, 4);
    t[0] = header_make(HDR_TUPLE, 3);
    t[1] = a, t[2] = b, t[3] = c;
    return term_make_boxed(t);
}

/* The boot commands as init:boot/1 takes them: [{Module, Function, Args}]. */
static Term boot_commands(Process *p, const BootOptions *o)
{
    Term list = TERM_NIL;
    for (int i = o->num_commands - 1; i >= 0; i--) {
        const BootCommand *c = &o->commands[i];
        Term command = tuple3(p, make_atom_or_die(c->module), make_atom_or_die(c->function), command_args(p, c));
        list = term_cons(proc_alloc(p, 2), command, list);
    }
    return list;
}

/* Ember's init lives in <bin>/../lib/ebin; it is loaded before the code path
 * is searched, and that directory follows "." on the path, as OTP's libraries do. */
static bool load_init(const BootOptions *o)
{
    char dir[4096], lib[4200];
    if (!platform_executable_dir(o->program, dir, sizeof dir)) {
        fprintf(stderr, "ember: cannot find the directory of the ember executable\n");
        return false;
    }
    snprintf(lib, sizeof lib, "%s/../lib/ebin", dir);
    module_path_add_last(lib);
    for (int i = 0; i < o->num_path_last; i++) module_path_add_last(o->path_last[i]);
    if (o->bundle && bundle_has_runtime(o->bundle)) {
        /* an executable made by ember pack --exe carries Ember's library */
        if (!bundle_boot_load(o->bundle, o->bundle_path, BUNDLE_RUNTIME)) return false;
    } else {
        char init_path[4300];
        snprintf(init_path, sizeof init_path, "%s/init.beam", lib);
        Module *m;
        if (module_load_file(init_path, &m) != LOAD_OK) return false;
        m->preloaded = true;
    }
    emu_use_on_load_runner(); /* modules loaded by a call run their on_load (lib/init.erl) */
    return true;
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
    /* OTP mode has OTP's shell; Ember's own init has none */
    if (!o->noshell && !o->otp_root) fprintf(stderr, "ember: no interactive shell yet; running as with -noshell\n");
    if (o->eval && !o->otp_root) {
        fprintf(stderr, "ember: not implemented: -eval without OTP (Ember's own init has no evaluator)\n");
        return 1;
    }
    char bindir[4400];
    if (o->otp_root ? !otp_boot_load(o, bindir, sizeof bindir) : !load_init(o)) return 1;
    if (o->bundle && !bundle_boot_load(o->bundle, o->bundle_path, BUNDLE_MODULE)) return 1;

    /* The boot commands are built on a scratch process and copied into init,
     * the first process, which the schedulers then run. */
    ptab_init(o->process_limit);
    timer_init();
    sched_start(o->schedulers);
    Process *scratch = proc_new(0);
    if (o->otp_root) {
        proc_init_pid = otp_boot_start(scratch, o, bindir);
    } else {
        /* init:boot(Commands, PlainArgs) */
        Term plain = TERM_NIL;
        for (int i = o->num_plain_args - 1; i >= 0; i--)
            plain = term_cons(proc_alloc(scratch, 2), make_string(scratch, o->plain_args[i]), plain);
        Term args = term_cons(proc_alloc(scratch, 2), plain, TERM_NIL);
        args = term_cons(proc_alloc(scratch, 2), boot_commands(scratch, o), args);
        SpawnOpts opts;
        spawn_opts_default(&opts);
        proc_init_pid = proc_spawn(NULL, ATOM_init, atom_from_cstr("boot"), args, &opts, NULL);
    }
    proc_free(scratch);
    /* Like an OTP node started with -noshell, stay up until something halts
     * (halt ends the runtime from whichever scheduler runs it). */
    for (;;) pause();
}
