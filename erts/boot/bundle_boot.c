/* bundle_boot.c — finds the bundle to run, rewrites the command line into
 * "-noshell -run MOD FUNC -s init stop -extra ARGS..." and loads the
 * bundle's modules at boot. Loading every module up front, instead of on
 * demand, keeps one path for both boots: OTP's code server and error
 * handler take an already loaded module as they find it. */
#include "boot/bundle_boot.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atom/atom.h"
#include "load/beam_file.h"
#include "load/module.h"

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* argv[0], before[0..nbefore), the entry point's -run, -extra, plain[0..nplain). */
static char **rewrite(char *argv0, char **before, int nbefore, char **plain, int nplain, const Bundle *b, int *argc)
{
    char *entry[] = {"-noshell", "-run", b->entry_module, b->entry_function, "-s", "init", "stop", "-extra"};
    int nentry = (int)(sizeof entry / sizeof *entry);
    char **out = malloc((size_t)(1 + nbefore + nentry + nplain + 1) * sizeof *out);
    if (!out) return NULL;
    int n = 0;
    out[n++] = argv0;
    for (int i = 0; i < nbefore; i++) out[n++] = before[i];
    for (int i = 0; i < nentry; i++) out[n++] = entry[i];
    for (int i = 0; i < nplain; i++) out[n++] = plain[i];
    out[n] = NULL;
    *argc = n;
    return out;
}

/* An executable takes all its arguments as plain ones; ember's own flags
 * (-standalone, +S 2, ...) come from EMBER_EXE_FLAGS, split at spaces. */
static char **exe_flags(int *n)
{
    static char *words[64];
    *n = 0;
    const char *env = getenv("EMBER_EXE_FLAGS");
    char *copy = env ? strdup(env) : NULL;
    for (char *w = copy ? strtok(copy, " ") : NULL; w && *n < 64; w = strtok(NULL, " ")) words[(*n)++] = w;
    return words;
}

int bundle_boot_prepare(int argc, char **argv, Bundle *b, const char **path, int *out_argc, char ***out_argv)
{
    uint64_t offset = 0, size = 0;
    int at = -1; /* index of the .ebx argument; 0 for the executable itself */
    if (bundle_find_trailer("/proc/self/exe", &offset, &size)) {
        at = 0;
        *path = argv[0];
    } else if (argc > 1 && strcmp(argv[1], "pack") != 0) {
        for (int i = 1; i < argc && at < 0; i++)
            if (argv[i][0] != '-' && argv[i][0] != '+' && ends_with(argv[i], ".ebx")) at = i;
        if (at < 0) return 0;
        *path = argv[at];
    } else {
        return 0;
    }
    char err[300];
    if (!bundle_read_file(at == 0 ? "/proc/self/exe" : argv[at], offset, size, b, err, sizeof err)) {
        fprintf(stderr, "ember: bad bundle %s: %s\n", *path, err);
        return -1;
    }
    char **before = argv + 1;
    int nbefore = at == 0 ? 0 : at - 1;
    if (at == 0) before = exe_flags(&nbefore);
    *out_argv = rewrite(argv[0], before, nbefore, argv + at + 1, argc - at - 1, b, out_argc);
    if (!*out_argv) {
        fprintf(stderr, "ember: out of memory\n");
        bundle_free(b);
        return -1;
    }
    return 1;
}

bool bundle_has_runtime(const Bundle *b)
{
    for (size_t i = 0; i < b->num_entries; i++)
        if (b->entries[i].kind == BUNDLE_RUNTIME) return true;
    return false;
}

static bool load_entry(const BundleEntry *e, const char *path)
{
    Term name;
    if (atom_intern(e->name, strlen(e->name), &name) != ATOM_OK) {
        fprintf(stderr, "ember: bad bundle %s: bad module name %s\n", path, e->name);
        return false;
    }
    char where[4600];
    snprintf(where, sizeof where, "%s/%s.beam", path, e->name);
    LoadError err;
    LoadStatus st = module_load_boot_bytes(name, e->data, e->size, where, &err);
    if (st == LOAD_NOT_PURGED) {
        fprintf(stderr, "ember: bad bundle %s: module %s is the name of a module of the runtime\n", path, e->name);
        return false;
    }
    if (st == LOAD_ON_LOAD) {
        fprintf(stderr, "ember: not implemented: module %s of bundle %s has an -on_load function, which bundles do not run\n",
                e->name, path);
        return false;
    }
    if (st != LOAD_OK) {
        fprintf(stderr, "ember: bad bundle %s: cannot load %s: %s\n", path, e->name, err.text);
        return false;
    }
    if (e->kind == BUNDLE_RUNTIME && strcmp(e->name, "init") == 0) module_get(name)->preloaded = true;
    return true;
}

bool bundle_boot_load(const Bundle *b, const char *path, BundleKind kind)
{
    for (size_t i = 0; i < b->num_entries; i++)
        if (b->entries[i].kind == kind && !load_entry(&b->entries[i], path)) return false;
    return true;
}
