/* inet_tcp.c — a stream socket's data path: reading into the socket's input
 * buffer and delivering it (to a pending recv, or as active-mode messages),
 * the end of input, queued output written as the socket takes it with
 * back-pressure on the senders, finished connects, and accepted connections
 * that become ports of their own owned by the acceptor. Every function runs
 * with the port's lock held. */
#define _GNU_SOURCE /* accept4 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>

#include "atom/atom.h"
#include "io/driver.h"
#include "io/inet.h"
#include "io/packet.h"
#include "io/posix_error.h"
#include "proc/signal.h"

enum { READ_CHUNK = 65536 };

static Term closed_atom(void) { return atom_from_cstr("closed"); }

/* ---- input ---- */

static void drop_input(InetSocket *s, size_t n)
{
    memmove(s->in, s->in + n, s->inlen - n);
    s->inlen -= n;
}

static InetOp *first_recv(InetSocket *s, size_t *at)
{
    for (size_t i = 0; i < s->nops; i++)
        if (s->ops[i].kind == OP_RECV) return *at = i, &s->ops[i];
    return NULL;
}

/* httph and httph_bin read header lines only; http and http_bin switch to
 * them after a request or status line and back after http_eoh. */
static bool http_headers_next(const InetSocket *s)
{
    return s->o.packet == PB_HTTPH || s->o.packet == PB_HTTPH_BIN || s->http_in_headers;
}

/* One unit for a recv or an active message: its length in the buffer (0:
 * not complete yet, -1: a packet too large) and its body. */
static long next_unit(InetSocket *s, size_t at, const InetOp *r, size_t *off, size_t *blen)
{
    size_t avail = s->inlen - at;
    if (s->o.packet == PB_RAW && r && r->length) {
        if (avail < r->length) return 0;
        *off = 0, *blen = r->length;
        return (long)r->length;
    }
    if (inet_packet_is_http(s->o.packet)) {
        *off = 0;
        long n = inet_packet_split_http(&s->o, http_headers_next(s), s->in + at, avail);
        *blen = n > 0 ? (size_t)n : 0;
        return n;
    }
    return inet_packet_split(&s->o, s->in + at, avail, off, blen);
}

/* Parses one whole http line and sends what it says; the state moves on. */
static void deliver_http(InetSocket *s, InetOp *r, const uint8_t *line, size_t len)
{
    PacketHttp h;
    s->http_in_headers = packet_parse_http(line, len, http_headers_next(s), &h);
    if (r) inet_send_http(s, r->caller, true, r->ref, &h);
    else inet_send_http(s, s->port->connected, false, 0, &h);
}

/* The descriptor goes now, or on the poller once its handle has let go of it
 * (closing a polled descriptor could leave the poller watching a reused one). */
static void close_descriptor(InetSocket *s)
{
    s->fd_closed = true;
    if (s->fd < 0) return;
    if (!s->handles_open) {
        close(s->fd);
        s->fd = -1;
        return;
    }
    inet_poll_update(s);
}

static void input_ended(InetSocket *s, Term why);

static void passive_now(InetSocket *s)
{
    s->o.active = ACTIVE_FALSE, s->o.active_n = 0;
    inet_send_tag(s->port, s->port->connected, ATOM_tcp_passive);
}

/* after_read: the input just grew by a read. OTP 25 (measured) finds an
 * active socket's oversized packet only then: one behind packets delivered
 * in the same pass, or found when {active, _} is set, waits silently. */
static void deliver(InetSocket *s, bool after_read)
{
    size_t at = 0;
    for (;;) {
        size_t ri = 0, off = 0, blen = 0;
        InetOp *r = first_recv(s, &ri);
        if (!r && s->o.active == ACTIVE_FALSE) break;
        long n = next_unit(s, at, r, &off, &blen);
        if (n == 0) break;
        if (n < 0) {
            /* A packet beyond packet_size (or an http line beyond the
             * buffer): OTP 25 gives emsgsize and closes the connection, so a
             * passive socket answers enotconn next, and an active one sends
             * {tcp_error, S, emsgsize} and then {tcp_closed, S}. */
            if (!r && (!after_read || at > 0)) break;
            Term why = atom_from_cstr("emsgsize");
            if (r) inet_send_async_error(s->port, r->caller, r->ref, why), inet_remove_op(s, ri);
            input_ended(s, r ? closed_atom() : why);
            return;
        }
        if (inet_packet_is_http(s->o.packet)) {
            deliver_http(s, r, s->in + at, blen);
            if (r) inet_remove_op(s, ri);
            else if (s->o.active == ACTIVE_ONCE) s->o.active = ACTIVE_FALSE;
            else if (s->o.active == ACTIVE_MULTI && --s->o.active_n <= 0) passive_now(s);
        } else if (r) {
            inet_send_async_data(s, r->caller, r->ref, s->in + at + off, blen);
            inet_remove_op(s, ri);
        } else {
            inet_send_tcp_data(s, s->in + at + off, blen);
            if (s->o.active == ACTIVE_ONCE) s->o.active = ACTIVE_FALSE;
            else if (s->o.active == ACTIVE_MULTI && --s->o.active_n <= 0) passive_now(s);
        }
        s->recv_cnt++;
        if (blen > s->recv_max) s->recv_max = blen;
        at += (size_t)n;
    }
    if (at) drop_input(s, at);
}

void inet_tcp_deliver(InetSocket *s) { deliver(s, false); }

/* The peer closed (or the connection broke with reason why). */
static void input_ended(InetSocket *s, Term why)
{
    s->read_shut = true;
    if (s->o.active == ACTIVE_FALSE) {
        s->inlen = 0;
        if (s->o.exit_on_close) { /* OTP closes the socket here; the port stays */
            s->state = ST_CLOSED;
            s->outoff = s->outlen = 0;
            close_descriptor(s);
        }
        inet_fail_ops(s, OP_RECV, why);
        return;
    }
    s->inlen = 0;
    if (why != closed_atom()) inet_send_tag_reason(s->port, s->port->connected, ATOM_tcp_error, why);
    inet_send_tag(s->port, s->port->connected, ATOM_tcp_closed);
    if (s->o.exit_on_close) {
        s->state = ST_CLOSED;
        s->close_pending = true; /* the port ends, as OTP's does */
    }
}

static Term error_reason(const InetSocket *s, int err)
{
    if (err == ECONNRESET && !s->o.show_econnreset) return closed_atom();
    if (err == EPIPE) return closed_atom();
    return posix_error_atom(err);
}

void inet_tcp_try_read(InetSocket *s)
{
    if (s->state != ST_CONNECTED || s->read_shut || s->fd < 0) return;
    size_t dummy;
    if (s->o.active == ACTIVE_FALSE && !first_recv(s, &dummy)) return;
    if (s->incap - s->inlen < READ_CHUNK) {
        size_t cap = s->incap ? s->incap : READ_CHUNK;
        while (cap - s->inlen < READ_CHUNK) cap *= 2;
        uint8_t *grown = realloc(s->in, cap);
        if (!grown) abort();
        s->in = grown, s->incap = cap;
    }
    ssize_t n;
    do n = recv(s->fd, s->in + s->inlen, READ_CHUNK, 0);
    while (n < 0 && errno == EINTR);
    if (n > 0) {
        s->inlen += (size_t)n;
        s->recv_oct += (uint64_t)n;
        port_count_input(s->port, (uint64_t)n);
        deliver(s, true);
    } else if (n == 0) {
        input_ended(s, closed_atom());
    } else if (errno != EAGAIN && errno != EWOULDBLOCK) {
        input_ended(s, error_reason(s, errno));
    }
}

/* ---- output ---- */

static void release_held(InetSocket *s, Term status)
{
    for (size_t i = 0; i < s->nheld; i++) inet_send_reply(s->port, s->held[i].caller, status);
    s->nheld = 0;
}

static void hold_reply(InetSocket *s, Term caller)
{
    uint64_t deadline = 0;
    if (s->o.send_timeout >= 0) { /* 0 too: OTP answers timeout at once */
        deadline = inet_now_ms() + (uint64_t)s->o.send_timeout;
        if (!deadline) deadline = 1;
    }
    if (s->nheld == s->capheld) {
        size_t cap = s->capheld ? 2 * s->capheld : 4;
        HeldReply *grown = realloc(s->held, cap * sizeof *grown);
        if (!grown) abort();
        s->held = grown, s->capheld = cap;
    }
    s->held[s->nheld++] = (HeldReply){caller, deadline};
}

static void queue_output(InetSocket *s, const uint8_t *bytes, size_t len)
{
    if (s->outoff && s->outoff == s->outlen) s->outoff = s->outlen = 0;
    if (s->outcap - s->outlen < len) {
        if (s->outoff) { /* reuse the written part first */
            memmove(s->out, s->out + s->outoff, s->outlen - s->outoff);
            s->outlen -= s->outoff, s->outoff = 0;
        }
        size_t cap = s->outcap ? s->outcap : 4096;
        while (cap - s->outlen < len) cap *= 2;
        uint8_t *grown = realloc(s->out, cap);
        if (!grown) abort();
        s->out = grown, s->outcap = cap;
    }
    memcpy(s->out + s->outlen, bytes, len);
    s->outlen += len;
}

static size_t queued(const InetSocket *s) { return s->outlen - s->outoff; }

/* A write failed for good: what is queued goes, and waiting senders learn why. */
static void output_broken(InetSocket *s, int err)
{
    s->outoff = s->outlen = 0;
    s->write_shut = true;
    s->send_error = error_reason(s, err);
    release_held(s, s->send_error);
}

void inet_tcp_writable(InetSocket *s)
{
    if (s->state == ST_CONNECTING) {
        int err = 0;
        socklen_t sl = sizeof err;
        if (getsockopt(s->fd, SOL_SOCKET, SO_ERROR, &err, &sl) != 0) err = errno;
        if (err == EINPROGRESS) return;
        s->state = err ? ST_OPEN : ST_CONNECTED;
        for (size_t i = 0; i < s->nops; i++) {
            if (s->ops[i].kind != OP_CONNECT) continue;
            if (err) inet_send_async_error(s->port, s->ops[i].caller, s->ops[i].ref, posix_error_atom(err));
            else inet_send_async_ok(s->port, s->ops[i].caller, s->ops[i].ref);
            inet_remove_op(s, i);
            break;
        }
        return;
    }
    while (queued(s)) {
        ssize_t n = send(s->fd, s->out + s->outoff, queued(s), MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR) continue;
            if (errno != EAGAIN && errno != EWOULDBLOCK) output_broken(s, errno);
            break;
        }
        s->outoff += (size_t)n;
    }
    if (queued(s) <= s->o.low_wm) release_held(s, ATOM_ok);
    if (!queued(s) && s->empty_subscriber != TERM_NIL) {
        inet_send_tag(s->port, s->empty_subscriber, ATOM_empty_out_q);
        s->empty_subscriber = TERM_NIL;
    }
}

uint64_t inet_tcp_send_deadline(const InetSocket *s)
{
    uint64_t due = 0;
    for (size_t i = 0; i < s->nheld; i++)
        if (s->held[i].deadline && (!due || s->held[i].deadline < due)) due = s->held[i].deadline;
    return due;
}

/* OTP 25 (measured): a send held past send_timeout answers {error, timeout}
 * and leaves its data queued, so later sends queue and time out too; with
 * send_timeout_close the queue is dropped and the socket closed instead,
 * sends and recvs then answering enotconn while the port lives on. */
void inet_tcp_send_timeouts(InetSocket *s, uint64_t now)
{
    bool expired = false;
    for (size_t i = 0; i < s->nheld;) {
        if (!s->held[i].deadline || s->held[i].deadline > now) {
            i++;
            continue;
        }
        inet_send_reply(s->port, s->held[i].caller, ATOM_timeout);
        memmove(s->held + i, s->held + i + 1, (s->nheld - i - 1) * sizeof *s->held);
        s->nheld--;
        expired = true;
    }
    if (!expired || !s->o.send_timeout_close || s->state != ST_CONNECTED) return;
    release_held(s, ATOM_timeout);
    s->outoff = s->outlen = 0;
    shutdown(s->fd, SHUT_RDWR); /* the descriptor itself goes with the port */
    s->state = ST_OPEN; /* not connected: enotconn, as OTP's closed descriptor */
    s->read_shut = true;
    s->inlen = 0;
    inet_fail_ops(s, OP_RECV, posix_error_atom(ENOTCONN));
}

/* Writes header and body now as far as the socket takes them; 0 or errno. */
static int write_direct(InetSocket *s, const uint8_t *hdr, size_t h, const uint8_t *bytes, size_t len, size_t *done)
{
    struct iovec v[2] = {{(void *)hdr, h}, {(void *)bytes, len}};
    struct msghdr m = {0};
    size_t total = h + len;
    *done = 0;
    while (*done < total) {
        struct iovec part[2];
        size_t np = 0, skip = *done;
        for (int i = 0; i < 2; i++) {
            if (skip >= v[i].iov_len) {
                skip -= v[i].iov_len;
                continue;
            }
            part[np++] = (struct iovec){(char *)v[i].iov_base + skip, v[i].iov_len - skip};
            skip = 0;
        }
        m.msg_iov = part, m.msg_iovlen = np;
        ssize_t n = sendmsg(s->fd, &m, MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR) continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK) return 0;
            return errno;
        }
        *done += (size_t)n;
    }
    return 0;
}

/* A send on a connection that cannot take it (shut down for writing, or a
 * write failed). OTP 25 (measured): the descriptor is closed; a passive
 * socket then answers enotconn to sends, the reason to its next recv, and
 * enotconn and ebadf to peername and sockname; an active one tells its owner
 * {tcp_closed, S} and, with exit_on_close, ends. */
static void send_failed(InetSocket *s, int err)
{
    output_broken(s, err);
    s->inlen = 0;
    close_descriptor(s);
    if (s->o.active != ACTIVE_FALSE) inet_tcp_closed_active(s);
}

void inet_tcp_closed_active(InetSocket *s)
{
    inet_send_tag(s->port, s->port->connected, ATOM_tcp_closed);
    s->read_shut = true;
    s->state = ST_CLOSED;
    if (s->o.exit_on_close) {
        s->close_pending = true; /* the port ends, as OTP's does */
        inet_ending = s->port;
    }
    inet_poll_update(s);
}

_Thread_local Port *inet_ending;

void inet_tcp_command(Port *port, const uint8_t *bytes, size_t len)
{
    InetSocket *s = port->driver_data;
    Term caller = inet_caller();
    if (!s || s->dead) return;
    if (s->send_error != TERM_NIL) return inet_send_reply(port, caller, posix_error_atom(ENOTCONN));
    if (s->state == ST_CONNECTED && s->write_shut) {
        send_failed(s, EPIPE);
        return inet_send_reply(port, caller, closed_atom());
    }
    if (s->state != ST_CONNECTED)
        return inet_send_reply(port, caller, s->state == ST_CLOSED ? closed_atom() : posix_error_atom(ENOTCONN));
    uint8_t hdr[4];
    int h = inet_packet_header(&s->o, len, hdr);
    if (h < 0) return inet_send_reply(port, caller, atom_from_cstr("emsgsize"));
    size_t done = 0;
    if (!queued(s)) {
        int err = write_direct(s, hdr, (size_t)h, bytes, len, &done);
        if (err) {
            send_failed(s, err);
            return inet_send_reply(port, caller, error_reason(s, err));
        }
    }
    if (done < (size_t)h) queue_output(s, hdr + done, (size_t)h - done), done = (size_t)h;
    if (done < (size_t)h + len) queue_output(s, bytes + (done - (size_t)h), (size_t)h + len - done);
    s->send_cnt++, s->send_oct += len;
    if (len > s->send_max) s->send_max = len;
    port_count_output(port, len);
    if (queued(s) > s->o.high_wm) hold_reply(s, caller);
    else inet_send_reply(port, caller, ATOM_ok);
    if (queued(s)) inet_poll_update(s);
}

/* ---- accepting ---- */

/* A port for an accepted connection, owned by and linked to the acceptor. */
static Term accepted_port(const InetAccepted *a)
{
    Port *np = port_new("tcp_inet", &a->popt, a->caller);
    if (!np) return TERM_NONE;
    np->driver = &inet_tcp_driver;
    InetSocket *ns = inet_socket_new(np, true);
    if (!ns) {
        port_discard(np);
        port_release(np);
        return TERM_NONE;
    }
    ns->fd = a->fd;
    ns->family = a->family, ns->family_code = a->family_code, ns->type_code = a->type_code;
    ns->state = ST_CONNECTED;
    ns->bound = true;
    ns->o = a->o;
    Message *m = msg_build(SIG_LINK, np->id, 0, NULL);
    m->term = TERM_NIL;
    sig_send(a->caller, m); /* the acceptor's side of the link */
    Term id = np->id;
    port_release(np);
    return id;
}

/* accept4 for the waiting acceptor ops[i]: 1 with *a filled and the op
 * gone; 0 when no connection is queued; -1 when accept failed for good (the
 * acceptor told, the op gone). */
static int accept_one(InetSocket *s, size_t i, InetAccepted *a)
{
    for (;;) {
        int fd = accept4(s->fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd < 0) {
            if (errno == EINTR || errno == ECONNABORTED) continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK) return 0;
            inet_send_async_error(s->port, s->ops[i].caller, s->ops[i].ref, posix_error_atom(errno));
            inet_remove_op(s, i);
            return -1;
        }
        *a = (InetAccepted){fd, s->ops[i].caller, s->ops[i].ref, s->port->opt, s->o,
                            s->family, s->family_code, s->type_code};
        inet_remove_op(s, i);
        return 1;
    }
}

bool inet_tcp_accept_now(InetSocket *s, InetAccepted *a)
{
    if (s->nops == 0 || s->ops[s->nops - 1].kind != OP_ACCEPT) return false;
    for (size_t i = 0; i + 1 < s->nops; i++) /* earlier acceptors are served first, by the poller */
        if (s->ops[i].kind == OP_ACCEPT) return false;
    return accept_one(s, s->nops - 1, a) == 1;
}

void inet_tcp_accepted(Port *listener, const InetAccepted *a)
{
    Term id = accepted_port(a);
    pthread_mutex_lock(&listener->lock);
    if (id == TERM_NONE) {
        close(a->fd);
        inet_send_async_error(listener, a->caller, a->ref, atom_from_cstr("system_limit"));
    } else {
        inet_send_async_term(listener, a->caller, a->ref, id);
    }
    pthread_mutex_unlock(&listener->lock);
}

/* Poller thread only: the lock is dropped while a new port is made. */
void inet_tcp_try_accept(InetSocket *s)
{
    Port *port = s->port;
    while (!s->dead && !port->closed && s->state == ST_LISTEN) { /* closing: stop answers closed */
        size_t i = 0;
        while (i < s->nops && s->ops[i].kind != OP_ACCEPT) i++;
        if (i == s->nops) break;
        InetAccepted a;
        if (accept_one(s, i, &a) <= 0) break;
        pthread_mutex_unlock(&port->lock);
        inet_tcp_accepted(port, &a);
        pthread_mutex_lock(&port->lock);
    }
}
