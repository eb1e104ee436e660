/* inet_udp.c — a datagram socket's data path: sendto from port commands
 * (an encoded address, ancillary data prim_inet leaves empty, then the
 * datagram), and datagrams read for a pending recv or delivered as
 * {udp, S, IP, Port, Data} in active mode. Runs with the port's lock held. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "atom/atom.h"
#include "io/inet.h"
#include "io/posix_error.h"

enum { DGRAM_MAX = 65536 };

void inet_udp_command(Port *port, const uint8_t *bytes, size_t len)
{
    InetSocket *s = port->driver_data;
    Term caller = inet_caller();
    if (!s || s->dead) return;
    struct sockaddr_storage sa;
    socklen_t salen;
    size_t at;
    if (s->fd < 0 || !inet_decode_address(s->family, bytes, len, &sa, &salen, &at))
        return inet_send_reply(port, caller, posix_error_atom(EINVAL));
    if (len - at < 4) return inet_send_reply(port, caller, posix_error_atom(EINVAL));
    uint32_t anc = (uint32_t)bytes[at] << 24 | bytes[at + 1] << 16 | bytes[at + 2] << 8 | bytes[at + 3];
    at += 4;
    if (anc) return inet_send_reply(port, caller, posix_error_atom(ENOTSUP)); /* no ancillary data yet */
    ssize_t n;
    do n = sendto(s->fd, bytes + at, len - at, MSG_NOSIGNAL, (struct sockaddr *)&sa, salen);
    while (n < 0 && errno == EINTR);
    if (n < 0) return inet_send_reply(port, caller, posix_error_atom(errno));
    s->send_cnt++, s->send_oct += len - at;
    port_count_output(port, len - at);
    inet_send_reply(port, caller, ATOM_ok);
}

/* Reads datagrams while someone wants them (read_packets at most in
 * active mode, so one busy socket does not hold the poller). */
void inet_udp_try_read(InetSocket *s)
{
    /* per thread, allocated on first use: static thread-local storage would
     * be zeroed for every thread the runtime starts */
    static _Thread_local uint8_t *buf;
    if (!buf && !(buf = malloc(DGRAM_MAX))) return; /* left readable: tried again on the next event */
    for (unsigned k = 0; k < (s->o.read_packets ? s->o.read_packets : 1); k++) {
        size_t ri = 0;
        while (ri < s->nops && s->ops[ri].kind != OP_RECV) ri++;
        bool want = ri < s->nops;
        if (!want && s->o.active == ACTIVE_FALSE) return;
        struct sockaddr_storage from;
        socklen_t fl = sizeof from;
        ssize_t n;
        do n = recvfrom(s->fd, buf, DGRAM_MAX, 0, (struct sockaddr *)&from, &fl);
        while (n < 0 && errno == EINTR);
        if (n < 0) {
            if (errno == EAGAIN || errno == EWOULDBLOCK) return;
            Term why = posix_error_atom(errno);
            if (want) inet_send_async_error(s->port, s->ops[ri].caller, s->ops[ri].ref, why), inet_remove_op(s, ri);
            else inet_send_tag_reason(s->port, s->port->connected, ATOM_udp_error, why);
            return;
        }
        size_t len = (size_t)n;
        s->recv_cnt++, s->recv_oct += len;
        port_count_input(s->port, len);
        if (want) {
            /* the whole datagram, whatever length was asked for, as OTP gives it */
            inet_send_udp(s, s->ops[ri].caller, true, s->ops[ri].ref, &from, buf, len);
            inet_remove_op(s, ri);
            return;
        }
        inet_send_udp(s, s->port->connected, false, 0, &from, buf, len);
        if (s->o.active == ACTIVE_ONCE) s->o.active = ACTIVE_FALSE;
        else if (s->o.active == ACTIVE_MULTI && --s->o.active_n <= 0) {
            s->o.active = ACTIVE_FALSE, s->o.active_n = 0;
            inet_send_tag(s->port, s->port->connected, ATOM_udp_passive);
        }
    }
}
