/* inet_opts.c — INET_REQ_SETOPTS and INET_REQ_GETOPTS: the socket options
 * the kernel keeps (set with setsockopt) and the driver's own ("local")
 * options, in prim_inet's encoding: an option byte followed by its value,
 * mostly a 4-byte big-endian integer. Options are applied in the order they
 * come; the first bad one stops with einval, the earlier ones staying set,
 * as on OTP. */
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string.h>

#include "atom/atom.h"
#include "io/inet.h"

enum {
    O_REUSEADDR = 0, O_KEEPALIVE = 1, O_DONTROUTE = 2, O_LINGER = 3, O_BROADCAST = 4, O_SNDBUF = 6,
    O_RCVBUF = 7, O_PRIORITY = 8, O_TOS = 9, O_NODELAY = 10, O_MULTICAST_TTL = 12, O_MULTICAST_LOOP = 13,
    O_V6ONLY = 16, O_BUFFER = 20, O_HEADER = 21, O_ACTIVE = 22, O_PACKET = 23, O_MODE = 24, O_DELIVER = 25,
    O_EXITONCLOSE = 26, O_HIWTRMRK = 27, O_LOWTRMRK = 28, O_SEND_TIMEOUT = 30, O_DELAY_SEND = 31,
    O_PACKET_SIZE = 32, O_READ_PACKETS = 33, O_SEND_TIMEOUT_CLOSE = 35, O_MSGQ_HIWTRMRK = 36,
    O_MSGQ_LOWTRMRK = 37, O_SHOW_ECONNRESET = 39, O_LINE_DELIM = 40, O_TCLASS = 41, O_RECVTOS = 43,
    O_RECVTCLASS = 44, O_TTL = 46, O_RECVTTL = 47, O_NOPUSH = 48,
};

void inet_opts_default(InetOpts *o, bool stream)
{
    *o = (InetOpts){0};
    o->exit_on_close = true;
    o->deliver_term = true;
    o->line_delim = '\n';
    o->buffer = 1460;
    o->high_wm = 8192, o->low_wm = 4096;
    o->high_msgq_wm = 8192, o->low_msgq_wm = 4096;
    o->send_timeout = -1;
    o->read_packets = 5;
    (void)stream;
}

/* The kernel option an option byte names: level and name; false if none. */
static bool kernel_opt(const InetSocket *s, int opt, int *level, int *name)
{
    bool v6 = s->family == AF_INET6;
    switch (opt) {
    case O_REUSEADDR: *level = SOL_SOCKET, *name = SO_REUSEADDR; return true;
    case O_KEEPALIVE: *level = SOL_SOCKET, *name = SO_KEEPALIVE; return true;
    case O_DONTROUTE: *level = SOL_SOCKET, *name = SO_DONTROUTE; return true;
    case O_BROADCAST: *level = SOL_SOCKET, *name = SO_BROADCAST; return true;
    case O_SNDBUF: *level = SOL_SOCKET, *name = SO_SNDBUF; return true;
    case O_RCVBUF: *level = SOL_SOCKET, *name = SO_RCVBUF; return true;
    case O_PRIORITY: *level = SOL_SOCKET, *name = SO_PRIORITY; return true;
    case O_TOS: *level = IPPROTO_IP, *name = IP_TOS; return true;
    case O_TTL: *level = IPPROTO_IP, *name = IP_TTL; return true;
    case O_RECVTOS: *level = IPPROTO_IP, *name = IP_RECVTOS; return true;
    case O_RECVTTL: *level = IPPROTO_IP, *name = IP_RECVTTL; return true;
    case O_TCLASS: *level = IPPROTO_IPV6, *name = IPV6_TCLASS; return v6;
    case O_RECVTCLASS: *level = IPPROTO_IPV6, *name = IPV6_RECVTCLASS; return v6;
    case O_V6ONLY: *level = IPPROTO_IPV6, *name = IPV6_V6ONLY; return v6;
    case O_NODELAY: *level = IPPROTO_TCP, *name = TCP_NODELAY; return s->stream;
    case O_NOPUSH: *level = IPPROTO_TCP, *name = TCP_CORK; return s->stream;
    case O_MULTICAST_TTL: *level = IPPROTO_IP, *name = IP_MULTICAST_TTL; return !s->stream;
    case O_MULTICAST_LOOP: *level = IPPROTO_IP, *name = IP_MULTICAST_LOOP; return !s->stream;
    default: return false;
    }
}

static int32_t get32(const uint8_t *p) { return (int32_t)((uint32_t)p[0] << 24 | p[1] << 16 | p[2] << 8 | p[3]); }

/* {active, N}: N is added to the count; the socket turns passive (and says
 * so) when the count is not positive; a sum beyond 32767 is refused. */
static bool set_active_multi(InetSocket *s, int n)
{
    int base = s->o.active == ACTIVE_MULTI ? s->o.active_n : 0;
    int sum = base + n;
    if (sum > 32767) return false;
    if (sum <= 0) {
        s->o.active = ACTIVE_FALSE, s->o.active_n = 0;
        inet_send_tag(s->port, s->port->connected, s->stream ? ATOM_tcp_passive : ATOM_udp_passive);
    } else {
        s->o.active = ACTIVE_MULTI, s->o.active_n = sum;
    }
    return true;
}

static bool set_packet(InetSocket *s, int32_t v)
{
    if (v != PB_RAW && v != PB_1 && v != PB_2 && v != PB_4 && v != PB_LINE && !inet_packet_is_http(v) &&
        !inet_packet_is_framed(v))
        return false;
    if (!s->stream && v != PB_RAW) return false;
    s->o.packet = v;
    return true;
}

/* One local option; false: einval. */
static bool set_local(InetSocket *s, int opt, int32_t v)
{
    InetOpts *o = &s->o;
    switch (opt) {
    case O_BUFFER: if (v <= 0) return false; o->buffer = (size_t)v, o->buffer_set = true; return true;
    case O_HEADER: if (v < 0) return false; o->header = (unsigned)v; return true;
    case O_PACKET: return set_packet(s, v);
    case O_MODE: if (v != 0 && v != 1) return false; o->binary = v == 1; return true;
    case O_DELIVER: if (v != 0 && v != 1) return false; o->deliver_term = v == 1; return true;
    case O_EXITONCLOSE: o->exit_on_close = v != 0; return true;
    case O_HIWTRMRK: if (v < 0) return false; o->high_wm = (size_t)v; if (o->low_wm > o->high_wm) o->low_wm = o->high_wm; return true;
    case O_LOWTRMRK: if (v < 0) return false; o->low_wm = (size_t)v; if (o->high_wm < o->low_wm) o->high_wm = o->low_wm; return true;
    case O_MSGQ_HIWTRMRK: if (v <= 0) return false; o->high_msgq_wm = (size_t)v; return true;
    case O_MSGQ_LOWTRMRK: if (v <= 0) return false; o->low_msgq_wm = (size_t)v; return true;
    case O_SEND_TIMEOUT: o->send_timeout = v; return true;
    case O_SEND_TIMEOUT_CLOSE: o->send_timeout_close = v != 0; return true;
    /* delay_send is kept and reported but changes nothing: on OTP it only
     * lets small sends gather before the write, an optimisation */
    case O_DELAY_SEND: o->delay_send = v != 0; return true;
    case O_PACKET_SIZE: if (v < 0) return false; o->packet_size = (unsigned)v; return true;
    case O_READ_PACKETS: if (v <= 0) return false; o->read_packets = (unsigned)v; return true;
    case O_SHOW_ECONNRESET: o->show_econnreset = v != 0; return true;
    case O_LINE_DELIM: if (v < 0 || v > 255) return false; o->line_delim = (uint8_t)v; return true;
    default: return false;
    }
}

void inet_setopts(InetSocket *s, const uint8_t *in, size_t len, StrBuf *out)
{
    size_t at = 0;
    bool activity = false;
    while (at < len) {
        int opt = in[at++];
        if (len - at < 4) return inet_reply_error(out, EINVAL);
        int32_t v = get32(in + at);
        at += 4;
        int level, name;
        if (opt == O_ACTIVE) {
            if (v == ACTIVE_MULTI) {
                if (len - at < 2) return inet_reply_error(out, EINVAL);
                int16_t n = (int16_t)(in[at] << 8 | in[at + 1]);
                at += 2;
                if (!set_active_multi(s, n)) return inet_reply_error(out, EINVAL);
            } else if (v >= ACTIVE_FALSE && v <= ACTIVE_ONCE) {
                s->o.active = v, s->o.active_n = 0;
            } else {
                return inet_reply_error(out, EINVAL);
            }
            activity = true;
        } else if (opt == O_LINGER) {
            if (len - at < 4) return inet_reply_error(out, EINVAL);
            struct linger l = {v != 0, get32(in + at)};
            at += 4;
            if (s->fd >= 0 && setsockopt(s->fd, SOL_SOCKET, SO_LINGER, &l, sizeof l) != 0)
                return inet_reply_error(out, errno);
        } else if (kernel_opt(s, opt, &level, &name)) {
            int iv = v;
            if (s->fd >= 0 && setsockopt(s->fd, level, name, &iv, sizeof iv) != 0) return inet_reply_error(out, errno);
            /* OTP 25 (measured): recbuf raises the buffer option to its value
             * until buffer is set explicitly; it never lowers it */
            if (opt == O_RCVBUF && !s->o.buffer_set && v > 0 && (size_t)v > s->o.buffer) s->o.buffer = (size_t)v;
        } else if (opt == O_TCLASS || opt == O_RECVTCLASS || opt == O_V6ONLY || opt == O_NODELAY ||
                   opt == O_NOPUSH || opt == O_MULTICAST_TTL || opt == O_MULTICAST_LOOP) {
            continue; /* not this socket's kind: ignored, as OTP does */
        } else if (!set_local(s, opt, v)) {
            return inet_reply_error(out, EINVAL);
        } else if (opt == O_PACKET) {
            activity = true; /* buffered input is framed anew */
        }
    }
    strbuf_append_char(out, INET_REP_OK);
    if (activity && s->stream && s->fd_closed && s->o.active != ACTIVE_FALSE && !s->close_pending)
        return inet_tcp_closed_active(s);
    if (activity && s->fd >= 0) {
        if (s->stream) inet_tcp_deliver(s);
        else inet_udp_try_read(s);
        inet_poll_update(s);
    }
}

static int32_t local_value(const InetSocket *s, int opt, bool *known)
{
    const InetOpts *o = &s->o;
    *known = true;
    switch (opt) {
    case O_BUFFER: return (int32_t)o->buffer;
    case O_HEADER: return (int32_t)o->header;
    case O_PACKET: return o->packet;
    case O_MODE: return o->binary;
    case O_DELIVER: return o->deliver_term;
    case O_EXITONCLOSE: return o->exit_on_close;
    case O_HIWTRMRK: return (int32_t)o->high_wm;
    case O_LOWTRMRK: return (int32_t)o->low_wm;
    case O_MSGQ_HIWTRMRK: return (int32_t)o->high_msgq_wm;
    case O_MSGQ_LOWTRMRK: return (int32_t)o->low_msgq_wm;
    case O_SEND_TIMEOUT: return (int32_t)o->send_timeout;
    case O_SEND_TIMEOUT_CLOSE: return o->send_timeout_close;
    case O_DELAY_SEND: return o->delay_send;
    case O_PACKET_SIZE: return (int32_t)o->packet_size;
    case O_SHOW_ECONNRESET: return o->show_econnreset;
    default: *known = false; return 0;
    }
}

void inet_getopts(InetSocket *s, const uint8_t *in, size_t len, StrBuf *out)
{
    StrBuf r;
    strbuf_init(&r);
    strbuf_append_char(&r, INET_REP_OK);
    for (size_t at = 0; at < len; at++) {
        int opt = in[at], level, name;
        bool known;
        if (opt == O_ACTIVE) {
            strbuf_append_char(&r, (char)opt);
            inet_put32(&r, (uint32_t)s->o.active);
            if (s->o.active == ACTIVE_MULTI) inet_put16(&r, (unsigned)s->o.active_n);
        } else if (s->fd_closed && (opt == O_LINGER || kernel_opt(s, opt, &level, &name))) {
            continue; /* OTP 25 (measured): a descriptor a failure closed has none */
        } else if (opt == O_LINGER) {
            struct linger l = {0, 0};
            socklen_t sl = sizeof l;
            if (s->fd < 0 || getsockopt(s->fd, SOL_SOCKET, SO_LINGER, &l, &sl) != 0) goto einval;
            strbuf_append_char(&r, (char)opt);
            inet_put32(&r, (uint32_t)(l.l_onoff != 0));
            inet_put32(&r, (uint32_t)l.l_linger);
        } else if (kernel_opt(s, opt, &level, &name)) {
            int v = 0;
            socklen_t sl = sizeof v;
            if (s->fd < 0 || getsockopt(s->fd, level, name, &v, &sl) != 0) goto einval;
            strbuf_append_char(&r, (char)opt);
            inet_put32(&r, (uint32_t)v);
        } else if (opt == O_READ_PACKETS && !s->stream) {
            strbuf_append_char(&r, (char)opt);
            inet_put32(&r, s->o.read_packets);
        } else {
            int32_t v = local_value(s, opt, &known);
            if (opt == O_LINE_DELIM || opt == O_TCLASS || opt == O_RECVTCLASS || opt == O_V6ONLY) goto einval;
            if (!known) continue; /* another kind of socket's option: left out */
            strbuf_append_char(&r, (char)opt);
            inet_put32(&r, (uint32_t)v);
        }
    }
    strbuf_append(out, r.data, r.len);
    strbuf_free(&r);
    return;
einval:
    strbuf_free(&r);
    inet_reply_error(out, EINVAL);
}
