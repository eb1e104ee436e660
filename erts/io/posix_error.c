/* posix_error.c — the errno-to-atom table. */
#include "io/posix_error.h"

#include <ctype.h>
#include <errno.h>
#include <string.h>

#include "atom/atom.h"
#include "bif/bif_util.h"

#define E(name) {name, #name}
static const struct { int err; const char *name; } names[] = {
    E(EPERM), E(ENOENT), E(ESRCH), E(EINTR), E(EIO), E(ENXIO), E(E2BIG), E(ENOEXEC), E(EBADF),
    E(ECHILD), E(EAGAIN), E(ENOMEM), E(EACCES), E(EFAULT), E(ENOTBLK), E(EBUSY), E(EEXIST),
    E(EXDEV), E(ENODEV), E(ENOTDIR), E(EISDIR), E(EINVAL), E(ENFILE), E(EMFILE), E(ENOTTY),
    E(ETXTBSY), E(EFBIG), E(ENOSPC), E(ESPIPE), E(EROFS), E(EMLINK), E(EPIPE), E(EDOM),
    E(ERANGE), E(EDEADLK), E(ENAMETOOLONG), E(ENOLCK), E(ENOSYS), E(ENOTEMPTY), E(ELOOP),
    E(ENOTSUP), E(EOVERFLOW), E(EDQUOT), E(ESTALE), E(ECANCELED), E(ENOTSOCK), E(EADDRINUSE),
    E(EADDRNOTAVAIL), E(ENETDOWN), E(ENETUNREACH), E(ECONNABORTED), E(ECONNRESET),
    E(ENOBUFS), E(EISCONN), E(ENOTCONN), E(ETIMEDOUT), E(ECONNREFUSED), E(EHOSTUNREACH),
    E(EALREADY), E(EINPROGRESS), E(EMSGSIZE), E(EPROTONOSUPPORT), E(EAFNOSUPPORT),
};
#undef E

Term posix_error_atom(int err)
{
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        if (names[i].err != err) continue;
        char lower[32];
        size_t n = strlen(names[i].name);
        for (size_t j = 0; j <= n; j++) lower[j] = (char)tolower((unsigned char)names[i].name[j]);
        return atom_from_cstr(lower);
    }
    return atom_from_cstr("unknown");
}

Term posix_error_tuple(Process *p, int err) { return bif_tuple2(p, ATOM_error, posix_error_atom(err)); }
