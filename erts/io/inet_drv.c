/* inet_drv.c — the tcp_inet and udp_inet drivers that OTP 25's prim_inet
 * speaks to through port_control/3, one socket per port: the requests
 * (open, bind, listen, accept, connect, recv, names, options, status,
 * shutdown) and the commands that send. Requests that wait (accept, connect,
 * recv) answer with a reference at once and later with an inet_async
 * message; requests this driver does not know answer enotsup. */
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "atom/atom.h"
#include "io/driver.h"
#include "io/inet.h"
#include "io/posix_error.h"

enum {
    REQ_OPEN = 1, REQ_CLOSE = 2, REQ_CONNECT = 3, REQ_PEER = 4, REQ_NAME = 5, REQ_BIND = 6,
    REQ_SETOPTS = 7, REQ_GETOPTS = 8, REQ_GETSTAT = 11, REQ_GETHOSTNAME = 12, REQ_GETFD = 14,
    REQ_GETTYPE = 15, REQ_GETSTATUS = 16, REQ_SUBSCRIBE = 24, REQ_ACCEPT = 26, REQ_LISTEN = 27,
    REQ_IGNOREFD = 28, TCP_REQ_RECV = 42, TCP_REQ_UNRECV = 43, TCP_REQ_SHUTDOWN = 44, PACKET_REQ_RECV = 60,
};

/* status flags of INET_REQ_GETSTATUS */
enum { F_OPEN = 1, F_BOUND = 2, F_CONNECTED = 4, F_LISTEN = 8, F_CONNECTING = 0x10, F_ACCEPTING = 0x20 };

InetSocket *inet_socket_new(Port *port, bool stream)
{
    InetSocket *s = calloc(1, sizeof *s);
    if (!s) return NULL;
    s->port = port;
    atomic_init(&s->refc, 1); /* the port's, dropped by inet_stop */
    atomic_fetch_add(&port->refc, 1);
    s->fd = -1;
    s->stream = stream;
    s->empty_subscriber = TERM_NIL;
    s->send_error = TERM_NIL;
    inet_opts_default(&s->o, stream);
    port->driver_data = s;
    return s;
}

static int start_tcp(Port *port) { return inet_socket_new(port, true) ? 0 : ENOMEM; }
static int start_udp(Port *port) { return inet_socket_new(port, false) ? 0 : ENOMEM; }

static uint32_t get32(const uint8_t *p) { return (uint32_t)p[0] << 24 | p[1] << 16 | p[2] << 8 | p[3]; }

/* prim_inet's time argument: -1 (all ones) for infinity */
static int64_t get_time(const uint8_t *p)
{
    uint32_t t = get32(p);
    return t == 0xFFFFFFFFu ? -1 : (int64_t)t;
}

static void reply_ref(StrBuf *out, const InetOp *op)
{
    strbuf_append_char(out, INET_REP_OK);
    inet_put16(out, op->ref);
}

static void open_socket(InetSocket *s, const uint8_t *in, size_t len, StrBuf *out)
{
    if (len < 2 || s->fd >= 0) return inet_reply_error(out, EINVAL);
    int family = in[0] == INET_AF_INET ? AF_INET : in[0] == INET_AF_INET6 ? AF_INET6 : -1;
    int type = in[1] == INET_TYPE_STREAM ? SOCK_STREAM : in[1] == INET_TYPE_DGRAM ? SOCK_DGRAM : -1;
    if (family < 0) return inet_reply_error(out, EAFNOSUPPORT);
    if (type < 0 || (type == SOCK_STREAM) != s->stream) return inet_reply_error(out, EPROTONOSUPPORT);
    int fd = socket(family, type | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) return inet_reply_error(out, errno);
    if (family == AF_INET6) { /* as OTP: an inet6 socket takes IPv6 only */
        int one = 1;
        setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof one);
    }
    s->fd = fd, s->family = family, s->family_code = in[0], s->type_code = in[1];
    s->state = ST_OPEN;
    strbuf_append_char(out, INET_REP_OK);
}

/* Family code, port and address bytes, as prim_inet encodes an address;
 * the codes for any and loopback take the socket's family. *used is how
 * many bytes the address took. */
bool inet_decode_address(int family, const uint8_t *in, size_t len, struct sockaddr_storage *sa, socklen_t *salen,
                         size_t *used)
{
    memset(sa, 0, sizeof *sa);
    if (len < 3) return false;
    unsigned code = in[0];
    bool any = code == 3, loop = code == 4;
    if (any || loop) code = family == AF_INET6 ? INET_AF_INET6 : INET_AF_INET;
    if (code == INET_AF_INET && (any || loop || len >= 7)) {
        struct sockaddr_in *a = (struct sockaddr_in *)sa;
        a->sin_family = AF_INET;
        memcpy(&a->sin_port, in + 1, 2);
        if (loop) a->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        else if (!any) memcpy(&a->sin_addr, in + 3, 4);
        *salen = sizeof *a;
        *used = any || loop ? 3 : 7;
        return true;
    }
    if (code == INET_AF_INET6 && (any || loop || len >= 19)) {
        struct sockaddr_in6 *a = (struct sockaddr_in6 *)sa;
        a->sin6_family = AF_INET6;
        memcpy(&a->sin6_port, in + 1, 2);
        if (loop) a->sin6_addr = in6addr_loopback;
        else if (!any) memcpy(&a->sin6_addr, in + 3, 16);
        *salen = sizeof *a;
        *used = any || loop ? 3 : 19;
        if (!any && !loop && len >= 27) { /* then flow info and scope id */
            uint32_t flow, scope;
            memcpy(&flow, in + 19, 4), memcpy(&scope, in + 23, 4);
            a->sin6_flowinfo = flow; /* both in network order, as the kernel wants the first */
            a->sin6_scope_id = ntohl(scope);
            *used = 27;
        }
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
    size_t used;
    if (s->fd < 0) return inet_reply_error(out, EINVAL);
    if (!inet_decode_address(s->family, in, len, &sa, &salen, &used) || sa.ss_family != s->family)
        return inet_reply_error(out, EINVAL);
    if (bind(s->fd, (struct sockaddr *)&sa, salen) != 0) return inet_reply_error(out, errno);
    salen = sizeof sa;
    if (getsockname(s->fd, (struct sockaddr *)&sa, &salen) != 0) return inet_reply_error(out, errno);
    s->bound = true;
    strbuf_append_char(out, INET_REP_OK);
    inet_put16(out, port_of(&sa));
}

static void put_address(StrBuf *out, const struct sockaddr_storage *sa)
{
    if (sa->ss_family == AF_INET) {
        strbuf_append_char(out, INET_AF_INET);
        inet_put16(out, port_of(sa));
        strbuf_append(out, &((const struct sockaddr_in *)sa)->sin_addr, 4);
    } else {
        strbuf_append_char(out, INET_AF_INET6);
        inet_put16(out, port_of(sa));
        strbuf_append(out, &((const struct sockaddr_in6 *)sa)->sin6_addr, 16);
    }
}

static void socket_name(InetSocket *s, bool peer, StrBuf *out)
{
    struct sockaddr_storage sa;
    socklen_t salen = sizeof sa;
    if (s->fd_closed) return inet_reply_error(out, peer ? ENOTCONN : EBADF);
    if (s->fd < 0) return inet_reply_error(out, EINVAL);
    if (peer && s->stream && s->state != ST_CONNECTED) return inet_reply_error(out, ENOTCONN);
    int r = peer ? getpeername(s->fd, (struct sockaddr *)&sa, &salen) : getsockname(s->fd, (struct sockaddr *)&sa, &salen);
    if (r != 0) return inet_reply_error(out, errno);
    strbuf_append_char(out, INET_REP_OK);
    put_address(out, &sa);
}

static void host_name(StrBuf *out)
{
    char name[256];
    if (gethostname(name, sizeof name) != 0) return inet_reply_error(out, errno);
    name[sizeof name - 1] = '\0';
    strbuf_append_char(out, INET_REP_OK);
    strbuf_append_cstr(out, name);
}

static void listen_socket(InetSocket *s, const uint8_t *in, size_t len, StrBuf *out)
{
    if (!s->stream || s->fd < 0 || len < 2) return inet_reply_error(out, EINVAL);
    if (s->state != ST_OPEN && s->state != ST_LISTEN) return inet_reply_error(out, EINVAL);
    int backlog = in[0] << 8 | in[1];
    if (listen(s->fd, backlog) != 0) return inet_reply_error(out, errno);
    s->state = ST_LISTEN;
    strbuf_append_char(out, INET_REP_OK);
}

/* A connection accept_request took; after_control makes its port once the
 * listener's lock is dropped. */
static _Thread_local InetAccepted pending_accept;
static _Thread_local bool has_pending_accept;

static void accept_request(InetSocket *s, const uint8_t *in, size_t len, StrBuf *out)
{
    if (len < 4) return inet_reply_error(out, EINVAL);
    if (s->state != ST_LISTEN) return inet_reply_error(out, EINVAL);
    Term caller = inet_caller();
    for (size_t i = 0; i < s->nops; i++) /* one accept at a time per process */
        if (s->ops[i].kind == OP_ACCEPT && s->ops[i].caller == caller) return inet_reply_error(out, EALREADY);
    reply_ref(out, inet_add_op(s, OP_ACCEPT, caller, get_time(in), 0));
    /* A connection already queued is taken here, on the caller's scheduler:
     * under load, a round trip through the poller per accept drains the
     * backlog slowly. */
    if (inet_tcp_accept_now(s, &pending_accept)) {
        has_pending_accept = true;
        return;
    }
    inet_poll_update(s); /* else the poller waits for one */
}

static void connect_request(InetSocket *s, const uint8_t *in, size_t len, StrBuf *out)
{
    struct sockaddr_storage sa;
    socklen_t salen;
    size_t used;
    if (!s->stream || s->fd < 0 || len < 4) return inet_reply_error(out, EINVAL);
    if (s->state == ST_CONNECTING) return inet_reply_error(out, EALREADY);
    if (s->state != ST_OPEN) return inet_reply_error(out, EISCONN);
    if (!inet_decode_address(s->family, in + 4, len - 4, &sa, &salen, &used) || sa.ss_family != s->family)
        return inet_reply_error(out, EINVAL);
    int r;
    do r = connect(s->fd, (struct sockaddr *)&sa, salen);
    while (r != 0 && errno == EINTR);
    if (r != 0 && errno != EINPROGRESS) return inet_reply_error(out, errno);
    if (r != 0) { /* a loopback handshake is often done already: spare the poller a round trip */
        /* connected only when writable without error and a peer is named;
         * a refused connect stays for the poller to report */
        struct pollfd pf = {s->fd, POLLOUT, 0};
        struct sockaddr_storage peer;
        socklen_t pl = sizeof peer;
        if (poll(&pf, 1, 0) == 1 && pf.revents == POLLOUT && getpeername(s->fd, (struct sockaddr *)&peer, &pl) == 0)
            r = 0;
    }
    InetOp *op = inet_add_op(s, OP_CONNECT, inet_caller(), get_time(in), 0);
    reply_ref(out, op);
    if (r == 0) {
        s->state = ST_CONNECTED;
        inet_send_async_ok(s->port, op->caller, op->ref);
        inet_remove_op(s, s->nops - 1);
        return;
    }
    s->state = ST_CONNECTING;
    inet_poll_update(s);
}

static void recv_request(InetSocket *s, const uint8_t *in, size_t len, StrBuf *out)
{
    if (len < 8) return inet_reply_error(out, EINVAL);
    if (s->state == ST_CLOSED || (s->state != ST_CONNECTED)) return inet_reply_error(out, ENOTCONN);
    if (s->o.active != ACTIVE_FALSE) return inet_reply_error(out, EINVAL);
    for (size_t i = 0; i < s->nops; i++)
        if (s->ops[i].kind == OP_RECV) return inet_reply_error(out, EALREADY);
    size_t want = get32(in + 4);
    if (want && s->o.packet != PB_RAW) return inet_reply_error(out, EINVAL); /* as OTP 25: raw mode only */
    if (want > (1u << 26)) return inet_reply_error(out, ENOMEM);
    InetOp *op = inet_add_op(s, OP_RECV, inet_caller(), get_time(in), want);
    reply_ref(out, op);
    if (s->send_error != TERM_NIL) { /* once; the socket is unconnected after */
        inet_fail_ops(s, OP_RECV, s->send_error);
        s->state = ST_CLOSED;
        s->inlen = 0;
        return;
    }
    if (s->read_shut) { /* the peer is gone: what is buffered, then closed */
        inet_tcp_deliver(s);
        inet_fail_ops(s, OP_RECV, atom_from_cstr("closed"));
        return;
    }
    inet_tcp_deliver(s);
    inet_tcp_try_read(s);
    inet_poll_update(s);
}

static void unrecv_request(InetSocket *s, const uint8_t *in, size_t len, StrBuf *out)
{
    if (!s->stream) return inet_reply_error(out, ENOTSUP);
    /* never shrinks the buffer: the reader relies on incap */
    size_t cap = s->incap > s->inlen + len + 1 ? s->incap : s->inlen + len + 1;
    uint8_t *grown = realloc(s->in, cap);
    if (!grown) return inet_reply_error(out, ENOMEM);
    s->in = grown, s->incap = cap;
    memmove(s->in + len, s->in, s->inlen);
    memcpy(s->in, in, len);
    s->inlen += len;
    strbuf_append_char(out, INET_REP_OK);
    inet_tcp_deliver(s);
}

static void shutdown_request(InetSocket *s, const uint8_t *in, size_t len, StrBuf *out)
{
    if (!s->stream || len < 1 || in[0] > 2) return inet_reply_error(out, EINVAL);
    if (s->state != ST_CONNECTED) return inet_reply_error(out, ENOTCONN);
    int how = in[0] == 0 ? SHUT_RD : in[0] == 1 ? SHUT_WR : SHUT_RDWR;
    if (shutdown(s->fd, how) != 0) return inet_reply_error(out, errno);
    if (how != SHUT_RD) s->write_shut = true;
    strbuf_append_char(out, INET_REP_OK);
}

static void status_request(InetSocket *s, StrBuf *out)
{
    uint32_t f = 0;
    if (s->fd >= 0 && s->state != ST_CLOSED) f |= F_OPEN;
    if (s->bound && s->state == ST_OPEN) f |= F_BOUND;
    if (s->state == ST_LISTEN) f |= F_LISTEN;
    if (s->state == ST_CONNECTED) f |= F_CONNECTED;
    if (s->state == ST_CONNECTING) f |= F_CONNECTING;
    for (size_t i = 0; i < s->nops; i++)
        if (s->ops[i].kind == OP_ACCEPT) f |= F_ACCEPTING;
    strbuf_append_char(out, INET_REP_OK);
    inet_put32(out, f);
}

static void subscribe_request(InetSocket *s, const uint8_t *in, size_t len, StrBuf *out)
{
    strbuf_append_char(out, INET_REP_OK);
    for (size_t i = 0; i < len; i++) {
        if (in[i] != 1) continue;
        size_t q = s->outlen - s->outoff;
        if (q) s->empty_subscriber = inet_caller();
        strbuf_append_char(out, 1);
        inet_put32(out, (uint32_t)q);
    }
}

static void put64(StrBuf *out, uint64_t v)
{
    inet_put32(out, (uint32_t)(v >> 32));
    inet_put32(out, (uint32_t)v);
}

static void stat_request(InetSocket *s, const uint8_t *in, size_t len, StrBuf *out)
{
    strbuf_append_char(out, INET_REP_OK);
    for (size_t i = 0; i < len; i++) {
        uint64_t v;
        switch (in[i]) {
        case 1: v = s->recv_cnt; break;
        case 2: v = s->recv_max; break;
        case 3: v = s->recv_cnt ? s->recv_oct / s->recv_cnt : 0; break;
        case 4: v = 0; break;
        case 5: v = s->send_cnt; break;
        case 6: v = s->send_max; break;
        case 7: v = s->send_cnt ? s->send_oct / s->send_cnt : 0; break;
        case 8: v = s->outlen - s->outoff; break;
        case 9: v = s->recv_oct; break;
        case 10: v = s->send_oct; break;
        default: strbuf_clear(out); return inet_reply_error(out, EINVAL);
        }
        strbuf_append_char(out, (char)in[i]);
        if (in[i] == 9 || in[i] == 10) put64(out, v);
        else inet_put32(out, (uint32_t)v);
    }
}

static void udp_recv_request(InetSocket *s, const uint8_t *in, size_t len, StrBuf *out)
{
    if (len < 8 || s->fd < 0) return inet_reply_error(out, EINVAL);
    if (s->o.active != ACTIVE_FALSE) return inet_reply_error(out, EINVAL);
    for (size_t i = 0; i < s->nops; i++)
        if (s->ops[i].kind == OP_RECV) return inet_reply_error(out, EALREADY);
    InetOp *op = inet_add_op(s, OP_RECV, inet_caller(), get_time(in), get32(in + 4));
    reply_ref(out, op);
    inet_udp_try_read(s);
    inet_poll_update(s);
}

static bool control(Port *port, unsigned op, const uint8_t *in, size_t len, StrBuf *out)
{
    InetSocket *s = port->driver_data;
    if (!s) return false;
    if (op >= INET_CTL_MAGIC) op -= INET_CTL_MAGIC;
    switch (op) {
    case REQ_OPEN: open_socket(s, in, len, out); break;
    case REQ_BIND: bind_socket(s, in, len, out); break;
    case REQ_NAME: socket_name(s, false, out); break;
    case REQ_PEER: socket_name(s, true, out); break;
    case REQ_GETHOSTNAME: host_name(out); break;
    case REQ_SETOPTS: inet_setopts(s, in, len, out); break;
    case REQ_GETOPTS: inet_getopts(s, in, len, out); break;
    case REQ_LISTEN: listen_socket(s, in, len, out); break;
    case REQ_ACCEPT: accept_request(s, in, len, out); break;
    case REQ_CONNECT: connect_request(s, in, len, out); break;
    case REQ_GETSTATUS: status_request(s, out); break;
    case REQ_SUBSCRIBE: subscribe_request(s, in, len, out); break;
    case REQ_GETSTAT: stat_request(s, in, len, out); break;
    case REQ_IGNOREFD: strbuf_append_char(out, INET_REP_OK); break;
    case REQ_GETFD:
        if (s->fd < 0) return inet_reply_error(out, EINVAL), true;
        strbuf_append_char(out, INET_REP_OK);
        inet_put32(out, (uint32_t)s->fd);
        break;
    case REQ_GETTYPE:
        if (s->fd < 0) return inet_reply_error(out, EINVAL), true;
        strbuf_append_char(out, INET_REP_OK);
        inet_put32(out, s->family_code);
        inet_put32(out, s->type_code);
        break;
    case TCP_REQ_RECV:
        if (!s->stream) return inet_reply_error(out, ENOTSUP), true;
        recv_request(s, in, len, out);
        break;
    case TCP_REQ_UNRECV: unrecv_request(s, in, len, out); break;
    case TCP_REQ_SHUTDOWN: shutdown_request(s, in, len, out); break;
    case PACKET_REQ_RECV:
        if (s->stream) return inet_reply_error(out, ENOTSUP), true;
        udp_recv_request(s, in, len, out);
        break;
    default: inet_reply_error(out, ENOTSUP); break;
    }
    return true;
}

static void after_request(Port *port)
{
    if (has_pending_accept) {
        has_pending_accept = false;
        inet_tcp_accepted(port, &pending_accept);
    }
    if (inet_ending == port) { /* as on OTP, gone when the request returns */
        inet_ending = NULL;
        pthread_mutex_lock(&port->lock);
        InetSocket *s = port->driver_data;
        bool finish = s && s->close_pending && !s->dead;
        if (finish) s->close_pending = false;
        pthread_mutex_unlock(&port->lock);
        if (finish) inet_finish_unlocked(port, s);
    }
}

static size_t queue_size(Port *port)
{
    InetSocket *s = port->driver_data;
    return s ? s->outlen - s->outoff : 0;
}

const PortDriver inet_tcp_driver = {.name = "tcp_inet", .start = start_tcp, .control = control,
                                    .after_request = after_request, .command = inet_tcp_command, .stop = inet_stop, .closing = inet_closing,
                                    .queue_size = queue_size};
const PortDriver inet_udp_driver = {.name = "udp_inet", .start = start_udp, .control = control,
                                    .command = inet_udp_command, .stop = inet_stop, .closing = inet_closing};
