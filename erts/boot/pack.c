/* pack.c — ember pack OUT [--entry MOD[:FUNC]] [--exe] DIR...: gathers the
 * .beam files of each DIR (or DIR/ebin, for an OTP-style application) into a
 * bundle; with --exe, prepends a copy of the running ember executable and
 * appends the trailer its start-up looks for. */
#include "boot/pack.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "boot/bundle.h"
#include "platform/platform.h"

typedef struct PackArgs {
    const char *out;
    const char *entry;
    bool exe;
    char **dirs;
    int num_dirs;
} PackArgs;

static int usage(void)
{
    fprintf(stderr, "ember pack: usage: ember pack OUT.ebx --entry MOD[:FUNC] [--exe] DIR...\n");
    return 1;
}

static bool read_whole(const char *path, uint8_t **data, size_t *size)
{
    FILE *f = fopen(path, "rb");
    if (!f) return false;
    bool ok = fseek(f, 0, SEEK_END) == 0;
    long n = ok ? ftell(f) : -1;
    ok = n >= 0 && (size_t)n <= BUNDLE_MAX_ENTRY_SIZE && fseek(f, 0, SEEK_SET) == 0;
    *data = ok ? malloc((size_t)n + 1) : NULL;
    ok = *data && fread(*data, 1, (size_t)n, f) == (size_t)n;
    fclose(f);
    if (!ok) {
        free(*data);
        *data = NULL;
        return false;
    }
    *size = (size_t)n;
    return true;
}

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static int compare_strings(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Adds every NAME.beam of dir, in name order, as entries of kind. */
static bool add_dir(Bundle *b, const char *dir, BundleKind kind)
{
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "ember pack: cannot read directory %s\n", dir);
        return false;
    }
    char **names = NULL;
    size_t n = 0;
    for (struct dirent *e; (e = readdir(d));) {
        size_t len = strlen(e->d_name);
        if (len <= 5 || strcmp(e->d_name + len - 5, ".beam") != 0) continue;
        char **grown = realloc(names, (n + 1) * sizeof *names);
        if (!grown) break;
        names = grown;
        names[n++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof *names, compare_strings);
    bool ok = true;
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(names[i]) - 5;
        char path[4600];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        BundleEntry e = {.kind = kind};
        if (ok && !bundle_valid_name(names[i], len)) {
            fprintf(stderr, "ember pack: %s: not a module name a bundle can hold\n", path);
            ok = false;
        }
        if (ok && !read_whole(path, &e.data, &e.size)) {
            fprintf(stderr, "ember pack: cannot read %s\n", path);
            ok = false;
        }
        if (ok) {
            names[i][len] = '\0';
            e.name = names[i];
            names[i] = NULL;
            BundleEntry *grown = realloc(b->entries, (b->num_entries + 1) * sizeof *grown);
            if (!grown) ok = false;
            else (b->entries = grown)[b->num_entries++] = e;
        }
        free(names[i]);
    }
    free(names);
    return ok;
}

static bool parse_args(int argc, char **argv, PackArgs *a)
{
    memset(a, 0, sizeof *a);
    a->dirs = calloc((size_t)argc + 1, sizeof *a->dirs);
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--entry") == 0 && i + 1 < argc) a->entry = argv[++i];
        else if (strcmp(argv[i], "--exe") == 0) a->exe = true;
        else if (argv[i][0] == '-') return false;
        else if (!a->out) a->out = argv[i];
        else a->dirs[a->num_dirs++] = argv[i];
    }
    return a->out && a->entry && a->num_dirs > 0;
}

/* "mod:func" or "mod" (function main). */
static bool set_entry(Bundle *b, const char *entry)
{
    const char *colon = strchr(entry, ':');
    size_t mlen = colon ? (size_t)(colon - entry) : strlen(entry);
    const char *func = colon ? colon + 1 : "main";
    if (!bundle_valid_name(entry, mlen) || !bundle_valid_name(func, strlen(func))) {
        fprintf(stderr, "ember pack: bad entry point %s (MOD or MOD:FUNC)\n", entry);
        return false;
    }
    b->entry_module = strndup(entry, mlen);
    b->entry_function = strdup(func);
    for (size_t i = 0; i < b->num_entries; i++)
        if (b->entries[i].kind == BUNDLE_MODULE && strcmp(b->entries[i].name, b->entry_module) == 0) return true;
    fprintf(stderr, "ember pack: the entry module %s is not among the packed modules\n", b->entry_module);
    return false;
}

/* Copies the running executable (without a bundle it may carry) to out. */
static bool copy_runtime(FILE *out, uint64_t *copied)
{
    uint64_t offset, size;
    uint8_t *data;
    size_t n;
    if (!read_whole("/proc/self/exe", &data, &n)) {
        fprintf(stderr, "ember pack: cannot read the running executable\n");
        return false;
    }
    if (bundle_find_trailer("/proc/self/exe", &offset, &size)) n = (size_t)offset;
    bool ok = fwrite(data, 1, n, out) == n;
    free(data);
    *copied = n;
    return ok;
}

static bool gather(const char *program, const PackArgs *a, Bundle *b)
{
    for (int i = 0; i < a->num_dirs; i++) {
        char ebin[4200];
        snprintf(ebin, sizeof ebin, "%s/ebin", a->dirs[i]);
        if (!add_dir(b, is_dir(ebin) ? ebin : a->dirs[i], BUNDLE_MODULE)) return false;
    }
    if (!set_entry(b, a->entry)) return false;
    if (!a->exe) return true;
    /* the executable boots without <bin>/../lib/ebin: Ember's own library
     * travels in the bundle, for the standalone boot */
    char dir[4096], lib[4200];
    if (!platform_executable_dir(program, dir, sizeof dir)) return false;
    snprintf(lib, sizeof lib, "%s/../lib/ebin", dir);
    return add_dir(b, lib, BUNDLE_RUNTIME);
}

int pack_main(const char *program, int argc, char **argv)
{
    PackArgs a;
    Bundle b = {0};
    if (!parse_args(argc, argv, &a)) {
        free(a.dirs);
        return usage();
    }
    bool ok = gather(program, &a, &b);
    FILE *out = ok ? fopen(a.out, "wb") : NULL;
    if (ok && !out) fprintf(stderr, "ember pack: cannot write %s\n", a.out);
    ok = out != NULL;
    uint64_t at = UINT64_MAX;
    if (ok && a.exe) ok = copy_runtime(out, &at);
    char err[256] = "";
    if (ok && !bundle_write(out, &b, at, err, sizeof err)) {
        fprintf(stderr, "ember pack: %s: %s\n", a.out, err);
        ok = false;
    }
    if (out && fclose(out) != 0) ok = false;
    if (ok && a.exe) chmod(a.out, 0755);
    if (!ok && out) remove(a.out);
    bundle_free(&b);
    free(a.dirs);
    return ok ? 0 : 1;
}
