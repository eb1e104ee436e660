/* inet_drv.c — the tcp_inet and udp_inet drivers that OTP 25's prim_inet
 * speaks to through port_control/3: one socket per port. This is the start
 * of the driver: opening the socket, binding it, its name, its type and the
 * host name (what kernel's boot asks for); every other request answers
 * enotsup, so gen_tcp and gen_udp fail with {error, enotsup} instead of
 * pretending. */
#include <errno.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "atom/atom.h"
#include "io/driver.h"
#include "io/port.h"
#include "io/posix_error.h"

/* prim_inet's request and reply codes, family and type numbers */
enum {
    REQ_OPEN = 1,
    REQ_NAME = 5,
    REQ_BIND = 6,
    REQ_GETHOSTNAME = 12,
    REQ_GETTYPE = 15,
    REP_ERROR = 0,
    REP_OK = 1,
    AF_CODE_INET = 1,
    AF_CODE_INET6 = 2,
    TYPE_STREAM = 1,
    TYPE_DGRAM = 2,
};

typedef struct InetSocket {
    int fd; /* -1 until REQ_OPEN */
    int family, type;
    bool stream;
} InetSocket;

static void reply_error(StrBuf *out, int err)
{
    Term atom = posix_error_atom(err);
    size_t len;
    const char *name = atom_text(atom, &len);
    strbuf_append_char(out, REP_ERROR);
    strbuf_append(out, name, len);
}

static void put16(StrBuf *out, unsigned v)
{
    strbuf_append_char(out, (char)(v >> 8));
    strbuf_append_char(out, (char)v);
}

static void put32(StrBuf *out, uint32_t v)
{
    for (int s = 24; s >= 0; s -= 8) strbuf_append_char(out, (char)(v >> s));
}

static int start(Port *port, bool stream)
{
    InetSocket *s = calloc(1, sizeof *s);
    if (!s) return ENOMEM;
    s->fd = -1;
    s->stream = stream;
    port->driver_data = s;
    return 0;
}

static int start_tcp(Port *port) { return start(port, true); }
static int start_udp(Port *port) { return start(port, false); }

static void stop(Port *port)
{
    InetSocket *s = port->driver_data;
    if (!s) return;
    if (s->fd >= 0) close(s->fd);
    free(s);
    port->driver_data = NULL;
}

static void open_socket(InetSocket *s, const uint8_t *in, size_t len, StrBuf *out)
{
    if (len != 2 || s->fd >= 0) return reply_error(out, EINVAL);
    int family = in[0] == AF_CODE_INET ? AF_INET : in[0] == AF_CODE_INET6 ? AF_INET6 : -1;
    int type = in[1] == TYPE_STREAM ? SOCK_STREAM : in[1] == TYPE_DGRAM ? SOCK_DGRAM : -1;
    if (family < 0) return reply_error(out, EAFNOSUPPORT);
    if (type < 0) return reply_error(out, EPROTONOSUPPORT);
    int fd = socket(family, type | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) return reply_error(out, errno);
    s->fd = fd, s->family = in[0], s->type = in[1];
    strbuf_append_char(out, REP_OK);
}

/* Family code, port and address bytes, as prim_inet encodes an address. */
static bool decode_address(const uint8_t *in, size_t len, struct sockaddr_storage *sa, socklen_t *salen)
{
    memset(sa, 0, sizeof *sa);
    if (len == 7 && in[0] == AF_CODE_INET) {
        struct sockaddr_in *a = (struct sockaddr_in *)sa;
        a->sin_family = AF_INET;
        a->sin_port = htons((uint16_t)(in[1] << 8 | in[2]));
        memcpy(&a->sin_addr, in + 3, 4);
        *salen = sizeof *a;
        return true;
    }
    if (len == 19 && in[0] == AF_CODE_INET6) {
        struct sockaddr_in6 *a = (struct sockaddr_in6 *)sa;
        a->sin6_family = AF_INET6;
        a->sin6_port = htons((uint16_t)(in[1] << 8 | in[2]));
        memcpy(&a->sin6_addr, in + 3, 16);
        *salen = sizeof *a;
        return true;
    }
    return false;
}

static unsigned port_of(const struct sockaddr_storage *sa)
{
    return sa->ss_family == AF_INET ? ntohs(((const struct sockaddr_in *)sa)->sin_port)
                                    : ntohs(((const struct sockaddr_in6 *)sa)->sin6_port);
}

static void bind_socket(InetSocket *s, const uint8_t *in, size_t len, StrBuf *out)
{
    struct sockaddr_storage sa;
    socklen_t salen;
    if (s->fd < 0) return reply_error(out, EINVAL);
    if (!decode_address(in, len, &sa, &salen)) return reply_error(out, EINVAL);
    if (bind(s->fd, (struct sockaddr *)&sa, salen) != 0) return reply_error(out, errno);
    salen = sizeof sa;
    if (getsockname(s->fd, (struct sockaddr *)&sa, &salen) != 0) return reply_error(out, errno);
    strbuf_append_char(out, REP_OK);
    put16(out, port_of(&sa));
}

static void socket_name(InetSocket *s, StrBuf *out)
{
    struct sockaddr_storage sa;
    socklen_t salen = sizeof sa;
    if (s->fd < 0) return reply_error(out, EINVAL);
    if (getsockname(s->fd, (struct sockaddr *)&sa, &salen) != 0) return reply_error(out, errno);
    strbuf_append_char(out, REP_OK);
    if (sa.ss_family == AF_INET) {
        strbuf_append_char(out, AF_CODE_INET);
        put16(out, port_of(&sa));
        strbuf_append(out, &((struct sockaddr_in *)&sa)->sin_addr, 4);
    } else {
        strbuf_append_char(out, AF_CODE_INET6);
        put16(out, port_of(&sa));
        strbuf_append(out, &((struct sockaddr_in6 *)&sa)->sin6_addr, 16);
    }
}

static void host_name(StrBuf *out)
{
    char name[256];
    if (gethostname(name, sizeof name) != 0) return reply_error(out, errno);
    name[sizeof name - 1] = '\0';
    strbuf_append_char(out, REP_OK);
    strbuf_append_cstr(out, name);
}

static bool control(Port *port, unsigned op, const uint8_t *in, size_t len, StrBuf *out)
{
    InetSocket *s = port->driver_data;
    switch (op) {
    case REQ_OPEN: open_socket(s, in, len, out); break;
    case REQ_BIND: bind_socket(s, in, len, out); break;
    case REQ_NAME: socket_name(s, out); break;
    case REQ_GETHOSTNAME: host_name(out); break;
    case REQ_GETTYPE:
        if (s->fd < 0) return reply_error(out, EINVAL), true;
        strbuf_append_char(out, REP_OK);
        put32(out, (uint32_t)s->family);
        put32(out, (uint32_t)s->type);
        break;
    default: reply_error(out, ENOTSUP); break;
    }
    return true;
}

const PortDriver inet_tcp_driver = {"tcp_inet", start_tcp, control, NULL, stop};
const PortDriver inet_udp_driver = {"udp_inet", start_udp, control, NULL, stop};
