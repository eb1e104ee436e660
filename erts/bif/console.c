/* console.c — the native console of Ember's own library: prim_console:write/2
 * puts bytes on standard output or standard error for lib/user.erl. Output
 * goes through this BIF rather than a port so that a build without ports
 * still has a console, and so that each write is complete when the BIF
 * returns: nothing is left queued when the runtime halts, and the order with
 * erlang:display (which writes to stdout at once) is the order of the calls. */
#include "bif/bif.h"

#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <unistd.h>

#include "atom/atom.h"
#include "bif/bif_reds.h"
#include "bif/bif_util.h"
#include "io/posix_error.h"

/* Writes all of buf to fd. The descriptor may be non-blocking (a port reading
 * the same terminal or pipe sets that), so a full pipe is waited for. */
static int write_all(int fd, const uint8_t *buf, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, buf, len);
        if (n >= 0) {
            buf += n, len -= (size_t)n;
        } else if (errno == EAGAIN || errno == EWOULDBLOCK) {
            struct pollfd w = {.fd = fd, .events = POLLOUT};
            if (poll(&w, 1, -1) < 0 && errno != EINTR) return errno;
        } else if (errno != EINTR) {
            return errno;
        }
    }
    return 0;
}

/* prim_console:write(Fd, IoData) with Fd 1 or 2: ok, or {error, Posix};
 * badarg for another Fd or what is not iodata. It holds its scheduler until
 * the bytes are written (a reader that stops reading stops the writer, as a
 * blocking console does). One reduction per 256 bytes. */
Term bif_prim_console_write_2(Process *p, const Term *args)
{
    if (!term_is_small(args[0])) return proc_badarg(p);
    SInt fd = term_small_value(args[0]);
    if (fd != 1 && fd != 2) return proc_badarg(p);
    uint8_t *bytes;
    size_t len;
    if (!bif_iolist_copy(args[1], &bytes, &len)) return proc_badarg(p);
    int err = write_all((int)fd, bytes, len);
    free(bytes);
    bif_charge_bytes(p, len);
    if (err) return bif_tuple2(p, ATOM_error, posix_error_atom(err));
    return ATOM_ok;
}
