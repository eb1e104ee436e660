/* platform.h — what Ember needs from the operating system beyond C17, in one
 * place, so that a port (the MCU build) implements just this interface. */
#ifndef EMBER_PLATFORM_H
#define EMBER_PLATFORM_H

#include <stdbool.h>
#include <stddef.h>

/* Writes the directory holding the running executable into buf (cap bytes,
 * NUL-terminated). argv0 is the fallback when the OS cannot say. Returns
 * false when neither gives an answer that fits. */
bool platform_executable_dir(const char *argv0, char *buf, size_t cap);

#endif
