/* bundle_boot.h — running a bundle: `ember [FLAGS] APP.ebx ARGS...`, or an
 * executable made by `ember pack --exe`. The command line is rewritten into
 * the one -run would need, and the bundle's modules are loaded before the
 * first process runs, so that both boots (OTP's init and Ember's own) find
 * them as loaded modules. */
#ifndef EMBER_BUNDLE_BOOT_H
#define EMBER_BUNDLE_BOOT_H

#include <stdbool.h>

#include "boot/bundle.h"

/* Looks for a bundle: a trailer on the running executable (then every
 * argument is a plain argument, and ember's own flags come from the
 * environment variable EMBER_EXE_FLAGS), else the first argument ending in
 * ".ebx" (flags before it are ember's, arguments after it plain), except in
 * `ember pack ...`. Returns 0 when there is none; 1 with *b read and the new
 * command line in *out_argv (argv[0] first; free the array, not its
 * strings); -1 after printing why the bundle is unusable. *path names the
 * bundle in messages. */
int bundle_boot_prepare(int argc, char **argv, Bundle *b, const char **path, int *out_argc, char ***out_argv);

/* Loads the entries of kind into the module table (init, when among them, as
 * a preloaded module). False after printing a one-line reason. */
bool bundle_boot_load(const Bundle *b, const char *path, BundleKind kind);

/* True when b carries Ember's own library (made with --exe). */
bool bundle_has_runtime(const Bundle *b);

#endif
