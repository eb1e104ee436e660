/* cmdline.c — parses erl-style flags: "-flag values..." where the values run
 * up to the next argument that starts with '-' or '+', and "+X value" emulator
 * flags. Unknown -flags are accepted and skipped, as erl keeps them as user
 * flags for init:get_argument/1. */
#include "boot/cmdline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool is_flag(const char *arg) { return arg[0] == '-' || arg[0] == '+'; }

/* Number of values following argv[i] up to the next flag. */
static int count_values(int argc, char **argv, int i)
{
    int n = 0;
    while (i + 1 + n < argc && !is_flag(argv[i + 1 + n])) n++;
    return n;
}

static void *grow(void *array, int count, size_t elem)
{
    void *p = realloc(array, (size_t)(count + 1) * elem);
    if (!p) {
        fprintf(stderr, "ember: out of memory while reading the command line\n");
        exit(1);
    }
    return p;
}

static void add_paths(const char ***list, int *count, char **values, int n)
{
    for (int k = 0; k < n; k++) {
        *list = grow(*list, *count, sizeof **list);
        (*list)[(*count)++] = values[k];
    }
}

static bool add_command(BootOptions *o, bool atoms, char **values, int n, const char *flag)
{
    if (n == 0) {
        fprintf(stderr, "ember: %s needs a module name\n", flag);
        return false;
    }
    o->commands = grow(o->commands, o->num_commands, sizeof *o->commands);
    BootCommand *c = &o->commands[o->num_commands++];
    c->args_as_atoms = atoms;
    c->module = values[0];
    c->function = n > 1 ? values[1] : "start";
    c->args = (const char **)(n > 2 ? values + 2 : NULL);
    c->num_args = n > 2 ? n - 2 : 0;
    return true;
}

/* "+S 4", "+S4" and "+S 4:4" all mean four schedulers. */
static bool emulator_flag(int argc, char **argv, int *i, BootOptions *o)
{
    const char *flag = argv[*i];
    const char *value = flag[2] ? flag + 2 : NULL;
    if (!value && *i + 1 < argc && !is_flag(argv[*i + 1])) value = argv[++*i];
    if (flag[1] == 'S' || flag[1] == 'P') {
        char *end;
        long n = value ? strtol(value, &end, 10) : -1;
        if (n <= 0 || (*end && *end != ':')) {
            fprintf(stderr, "ember: bad value for %.2s: %s\n", flag, value ? value : "(none)");
            return false;
        }
        if (flag[1] == 'S') o->schedulers = (unsigned)n;
        else o->process_limit = (unsigned)n;
    }
    return true;
}

bool cmdline_parse(int argc, char **argv, BootOptions *o)
{
    memset(o, 0, sizeof *o);
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        int n = count_values(argc, argv, i);
        if (a[0] == '+') {
            if (!emulator_flag(argc, argv, &i, o)) return false;
            continue;
        }
        if (strcmp(a, "-otp") == 0) {
            if (n != 1) {
                fprintf(stderr, "ember: -otp needs the root directory of an OTP installation\n");
                return false;
            }
            o->otp_root = argv[++i];
            continue;
        }
        if (strcmp(a, "-standalone") == 0) {
            o->standalone = true;
            continue;
        }
        add_paths(&o->init_args, &o->num_init_args, argv + i, strcmp(a, "-extra") == 0 ? argc - i : n + 1);
        if (strcmp(a, "-extra") == 0) {
            o->plain_args = (const char **)(argv + i + 1);
            o->num_plain_args = argc - i - 1;
            break;
        }
        if (strcmp(a, "-noshell") == 0 || strcmp(a, "-noinput") == 0) {
            o->noshell = true;
        } else if (strcmp(a, "-pa") == 0) {
            add_paths(&o->path_first, &o->num_path_first, argv + i + 1, n);
        } else if (strcmp(a, "-pz") == 0) {
            add_paths(&o->path_last, &o->num_path_last, argv + i + 1, n);
        } else if (strcmp(a, "-run") == 0 || strcmp(a, "-s") == 0) {
            if (!add_command(o, a[1] == 's', argv + i + 1, n, a)) return false;
        } else if (strcmp(a, "-dis") == 0) {
            if (n != 1) {
                fprintf(stderr, "ember: -dis needs one .beam file\n");
                return false;
            }
            o->disassemble = argv[i + 1];
        } else if (strcmp(a, "-eval") == 0) {
            o->eval = true;
        } else if (a[0] != '-') {
            fprintf(stderr, "ember: unexpected argument: %s\n", a);
            return false;
        }
        i += n;
    }
    if (o->standalone && o->otp_root) {
        fprintf(stderr, "ember: -standalone and -otp exclude each other\n");
        return false;
    }
    return true;
}

void cmdline_free(BootOptions *o)
{
    free(o->path_first);
    free(o->path_last);
    free(o->commands);
    free(o->init_args);
    memset(o, 0, sizeof *o);
}
