/* posix_error.h — errno values as the atoms OTP gives them (enoent, eacces,
 * ...): the lowercased name of the errno constant, 'unknown' for others. */
#ifndef EMBER_IO_POSIX_ERROR_H
#define EMBER_IO_POSIX_ERROR_H

#include "proc/process.h"

Term posix_error_atom(int err);
/* {error, Atom} on p's heap. */
Term posix_error_tuple(Process *p, int err);

#endif
