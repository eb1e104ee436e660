/* boot.h — starts the runtime and runs the boot commands (-run, -s) in the
 * first process, as OTP's init does for a node started with -noshell. */
#ifndef EMBER_BOOT_H
#define EMBER_BOOT_H

#include "boot/cmdline.h"

/* Sets up every subsystem, then runs the options. Returns the exit status
 * (a call to halt/init:stop exits the program directly). */
int boot_run(const BootOptions *o);

#endif
