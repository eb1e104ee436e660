/* cmdline.h — the ember command line: erl's flags, so that scripts written for
 * erl run unchanged, plus Ember's own (-dis). Parsing only; boot.c acts on it. */
#ifndef EMBER_CMDLINE_H
#define EMBER_CMDLINE_H

#include <stdbool.h>

/* One -run or -s: call Module:Function(Args) during boot. */
typedef struct BootCommand {
    bool args_as_atoms; /* -s passes atoms, -run passes strings */
    const char *module;
    const char *function; /* "start" when not given */
    const char **args;
    int num_args;
} BootCommand;

typedef struct BootOptions {
    const char *program; /* argv[0] */
    bool noshell;
    const char **path_first; /* -pa */
    int num_path_first;
    const char **path_last; /* -pz */
    int num_path_last;
    BootCommand *commands;
    int num_commands;
    const char *disassemble; /* -dis FILE.beam */
    unsigned schedulers;     /* +S, 0 = one per core */
    unsigned process_limit;  /* +P, 0 = default */
    const char **plain_args; /* after -extra */
    int num_plain_args;
    const char *otp_root;   /* -otp ROOT: boot OTP's own init, kernel and stdlib */
    bool standalone;        /* -standalone: Ember's own init even when OTP is installed */
    bool eval;              /* some -eval (OTP's init evaluates them) */
    const char **init_args; /* every argument but the emulator's, for OTP's init */
    int num_init_args;
    const struct Bundle *bundle; /* the bundle being run (boot/bundle_boot.h), or NULL */
    const char *bundle_path;     /* its name in messages */
} BootOptions;

/* Parses argv (without argv[0]). Returns false after printing a usage error. */
bool cmdline_parse(int argc, char **argv, BootOptions *out);
void cmdline_free(BootOptions *o);

#endif
