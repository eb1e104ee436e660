/* otp_boot.h — the boot of an installed OTP's own init, kernel and stdlib
 * (ember -otp ROOT). */
#ifndef EMBER_OTP_BOOT_H
#define EMBER_OTP_BOOT_H

#include <stdbool.h>
#include <stddef.h>

#include "boot/cmdline.h"
#include "term/term.h"

struct Process;

/* The OTP installation to boot when the command line names none: that of
 * the erl on PATH, else /usr/lib/erlang. False when neither has OTP's erts. */
bool otp_boot_find_root(char *root, size_t cap);

/* Loads ROOT's preloaded modules; fills bindir (ROOT/erts-VSN/bin, which
 * init reports as its bindir argument). Prints the reason on failure. */
bool otp_boot_load(const BootOptions *o, char *bindir, size_t cap);

/* Spawns the first process, erl_init:start(init, BootArgs), and the system
 * processes (the code purger, the literal area collector); returns init's pid.
 * BootArgs are built on scratch and copied into the new process. */
Term otp_boot_start(struct Process *scratch, const BootOptions *o, const char *bindir);

#endif
