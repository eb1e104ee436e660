/* otp_boot.c — boots an installed OTP's own init: loads the preloaded modules
 * of its erts application and starts erl_init:start(init, BootArgs) with the
 * arguments erl's launcher would pass, so that init, kernel and stdlib start
 * as they do on OTP. */
#include "boot/otp_boot.h"

#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "atom/atom.h"
#include "bif/bif_util.h"
#include "emu/call.h"
#include "load/module.h"
#include "proc/pexit.h"
#include "proc/process.h"
#include "proc/spawn.h"
#include "term/binary.h"

/* The erts application's directory: ROOT/lib/erts-VSN on Debian's layout,
 * ROOT/erts-VSN on OTP's own; the one holding ebin/erl_init.beam wins. */
static bool find_erts(const char *root, char *dir, size_t cap, char *vsn, size_t vsn_cap)
{
    static const char *parents[] = {"%s/lib", "%s"};
    for (size_t k = 0; k < sizeof parents / sizeof *parents; k++) {
        char parent[4096];
        snprintf(parent, sizeof parent, parents[k], root);
        DIR *d = opendir(parent);
        if (!d) continue;
        bool found = false;
        for (struct dirent *e; !found && (e = readdir(d));) {
            if (strncmp(e->d_name, "erts-", 5) != 0) continue;
            if (strlen(e->d_name) >= vsn_cap) continue;
            char probe[4400];
            snprintf(probe, sizeof probe, "%s/%s/ebin/erl_init.beam", parent, e->d_name);
            FILE *f = fopen(probe, "rb");
            if (!f) continue;
            fclose(f);
            int n = snprintf(dir, cap, "%s/%s", parent, e->d_name);
            if (n < 0 || (size_t)n >= cap) continue;
            snprintf(vsn, vsn_cap, "%s", e->d_name + 5);
            found = true;
        }
        closedir(d);
        if (found) return true;
    }
    return false;
}

static bool has_erts(const char *root)
{
    char dir[4096], vsn[64];
    return find_erts(root, dir, sizeof dir, vsn, sizeof vsn);
}

/* ROOT of PATH's erl: its real file is ROOT/bin/erl (or ROOT/erts-VSN/bin/erl). */
static bool root_of_erl_on_path(char *root, size_t cap)
{
    const char *path = getenv("PATH");
    for (const char *dir = path; dir && *dir;) {
        size_t len = strcspn(dir, ":");
        char candidate[4096], real[PATH_MAX];
        snprintf(candidate, sizeof candidate, "%.*s/erl", (int)len, dir);
        dir += len + (dir[len] == ':');
        if (access(candidate, X_OK) != 0 || !realpath(candidate, real)) continue;
        for (int up = 0; up < 2; up++) {
            char *slash = strrchr(real, '/');
            if (!slash) break;
            *slash = '\0'; /* drop erl, then bin */
        }
        for (int tries = 0; tries < 2; tries++) {
            if (has_erts(real)) return snprintf(root, cap, "%s", real) < (int)cap;
            char *slash = strrchr(real, '/'); /* ROOT/erts-VSN/bin/erl: one more up */
            if (!slash) break;
            *slash = '\0';
        }
    }
    return false;
}

bool otp_boot_find_root(char *root, size_t cap)
{
    if (root_of_erl_on_path(root, cap)) return true;
    if (!has_erts("/usr/lib/erlang")) return false;
    snprintf(root, cap, "/usr/lib/erlang");
    return true;
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* prim_socket and prim_net are front ends of the socket NIF, which Ember does
 * not have: left out, the socket module fails with undef instead of a boot
 * that stops in their on_load (erl_init skips them when they are absent). */
static bool has_natives(const char *file)
{
    return strcmp(file, "prim_socket.beam") != 0 && strcmp(file, "prim_net.beam") != 0;
}

/* Loads every module of ERTS/ebin as preloaded, as OTP's runtime has them built in. */
static bool load_preloaded(const char *erts)
{
    char ebin[4200];
    snprintf(ebin, sizeof ebin, "%s/ebin", erts);
    DIR *d = opendir(ebin);
    if (!d) {
        fprintf(stderr, "ember: cannot read %s\n", ebin);
        return false;
    }
    bool ok = true;
    for (struct dirent *e; ok && (e = readdir(d));) {
        if (!ends_with(e->d_name, ".beam") || !has_natives(e->d_name)) continue;
        char path[4500];
        snprintf(path, sizeof path, "%s/%s", ebin, e->d_name);
        Module *m;
        ok = module_load_file(path, &m) == LOAD_OK;
        if (!ok) break;
        m->preloaded = true;
        /* OTP's runtime has them built in without their line table: their
         * frames in stack traces carry no location */
        m->num_lines = 0;
    }
    closedir(d);
    return ok;
}

static Term cons_binary(Process *p, const char *text, Term tail)
{
    Term bin = binary_from_bytes(p, text, strlen(text));
    return term_cons(proc_alloc(p, 2), bin, tail);
}

/* What erl's launcher passes after its first "--": where OTP lives, then the
 * user's home, then the command line's own arguments. */
static Term boot_args(Process *p, const BootOptions *o, const char *bindir)
{
    const char *home = getenv("HOME");
    const char *head[] = {"-root", o->otp_root, "-bindir", bindir,
                          /* scripts test progname against erl's */
                          "-progname", "erl", "--", "-home", home ? home : "/", "--"};
    size_t nhead = sizeof head / sizeof *head;
    Term list = TERM_NIL;
    for (int i = o->num_init_args - 1; i >= 0; i--) list = cons_binary(p, o->init_args[i], list);
    for (size_t i = nhead; i-- > 0;) list = cons_binary(p, head[i], list);
    return list;
}

bool otp_boot_load(const BootOptions *o, char *bindir, size_t cap)
{
    char erts[4096], vsn[64];
    if (!find_erts(o->otp_root, erts, sizeof erts, vsn, sizeof vsn)) {
        fprintf(stderr, "ember: no erts-*/ebin/erl_init.beam under %s (is it an OTP installation?)\n", o->otp_root);
        return false;
    }
    snprintf(bindir, cap, "%s/erts-%s/bin", o->otp_root, vsn);
    bif_set_erts_version(vsn); /* its libraries expect their own erts */
    emu_use_error_handler();
    return load_preloaded(erts);
}

Term otp_boot_start(Process *scratch, const BootOptions *o, const char *bindir)
{
    Term args = term_cons(proc_alloc(scratch, 2), boot_args(scratch, o, bindir), TERM_NIL);
    args = term_cons(proc_alloc(scratch, 2), ATOM_init, args);
    SpawnOpts opts;
    spawn_opts_default(&opts);
    Term init = proc_spawn(NULL, atom_from_cstr("erl_init"), atom_from_cstr("start"), args, &opts, NULL);
    /* the system processes OTP's runtime starts beside init: code:purge
     * asks the code purger, which registers itself */
    opts.system_process = true;
    static const char *const system[] = {"erts_code_purger", "erts_literal_area_collector"};
    for (size_t k = 0; k < sizeof system / sizeof *system; k++)
        proc_spawn(NULL, atom_from_cstr(system[k]), atom_from_cstr("start"), TERM_NIL, &opts, NULL);
    return init;
}
