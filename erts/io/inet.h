/* inet.h — the state the tcp_inet and udp_inet drivers keep for one socket,
 * shared by their files: requests (inet_drv.c), options (inet_opts.c), the
 * poller side and delivery (inet_tcp.c, inet_udp.c), framing (inet_packet.c)
 * and the messages they send (inet_msg.c). Every field is guarded by the
 * port's lock; the libuv handles are touched only on the poller thread. */
#ifndef EMBER_IO_INET_H
#define EMBER_IO_INET_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/socket.h>
#include <uv.h>

#include "io/port.h"
#include "term/strbuf.h"

/* prim_inet's codes (its request numbers arrive offset by CTL_MAGIC) */
enum {
    INET_CTL_MAGIC = 0x3F1A300,
    INET_REP_ERROR = 0,
    INET_REP_OK = 1,
    INET_AF_INET = 1,
    INET_AF_INET6 = 2,
    INET_TYPE_STREAM = 1,
    INET_TYPE_DGRAM = 2,
};

typedef enum { ST_OPEN, ST_LISTEN, ST_CONNECTING, ST_CONNECTED, ST_CLOSED } InetState;
typedef enum { OP_ACCEPT, OP_CONNECT, OP_RECV } OpKind;
enum { ACTIVE_FALSE = 0, ACTIVE_TRUE = 1, ACTIVE_ONCE = 2, ACTIVE_MULTI = 3 };
/* packet types, as prim_inet numbers them */
enum {
    PB_RAW = 0, PB_1 = 1, PB_2 = 2, PB_4 = 3, PB_ASN1 = 4, PB_SUNRM = 5, PB_CDR = 6, PB_FCGI = 7, PB_LINE = 8,
    PB_TPKT = 9, PB_HTTP = 10, PB_HTTPH = 11, PB_HTTP_BIN = 13, PB_HTTPH_BIN = 14
};

/* asn1, sunrm, cdr, fcgi and tpkt: framed by their own headers (io/packet.h),
 * which a send does not add. */
static inline bool inet_packet_is_framed(int packet)
{
    return packet == PB_ASN1 || packet == PB_SUNRM || packet == PB_CDR || packet == PB_FCGI || packet == PB_TPKT;
}

static inline bool inet_packet_is_http(int packet)
{
    return packet == PB_HTTP || packet == PB_HTTPH || packet == PB_HTTP_BIN || packet == PB_HTTPH_BIN;
}

/* A request answered later with {inet_async, S, Ref, Result}. */
typedef struct InetOp {
    OpKind kind;
    Term caller;
    unsigned ref;
    uint64_t deadline; /* uv_now milliseconds; 0: none */
    size_t length;     /* recv: bytes wanted, 0 for what is there */
} InetOp;

/* A sender whose {inet_reply, S, ok} waits for the output queue to drain
 * to the low watermark (back-pressure; OTP makes the port busy, so the
 * sender waits in gen_tcp:send). With send_timeout it gets {error, timeout}
 * at its deadline instead, its data staying queued. */
typedef struct HeldReply {
    Term caller;
    uint64_t deadline; /* uv_now milliseconds; 0: none */
} HeldReply;

typedef struct InetOpts {
    int active, active_n;
    bool binary, exit_on_close, deliver_term, delay_send, send_timeout_close, show_econnreset;
    bool buffer_set; /* {buffer, N} was given: recbuf no longer raises it */
    int packet;
    unsigned header, packet_size, read_packets;
    uint8_t line_delim;
    size_t buffer, high_wm, low_wm, high_msgq_wm, low_msgq_wm;
    int64_t send_timeout; /* -1: infinity */
} InetOpts;

typedef struct InetSocket {
    Port *port;
    _Atomic int refc; /* the port's link, queued poller calls, live handles */
    int fd;
    bool stream, dead;
    int family;       /* AF_INET or AF_INET6 */
    uint8_t family_code, type_code;
    InetState state;
    bool read_shut, write_shut, bound;
    /* The next http line is a header, not a request or status line. As on
     * OTP, only parsing moves it (a request or status line sets it, http_eoh
     * clears it); changing the packet option leaves it as it is. */
    bool http_in_headers;
    /* Why a send failed (closed, econnreset...), TERM_NIL if none. OTP 25
     * (measured): later sends answer enotconn, and the next recv this. */
    Term send_error;
    InetOpts o;
    unsigned next_ref;
    InetOp *ops;
    size_t nops, capops;
    uint8_t *in; /* received, not yet delivered */
    size_t inlen, incap;
    uint8_t *out; /* accepted for sending, not yet written */
    size_t outoff, outlen, outcap;
    HeldReply *held;
    size_t nheld, capheld;
    Term empty_subscriber; /* told {empty_out_q, S}; TERM_NIL when none */
    uint64_t recv_cnt, recv_oct, recv_max, send_cnt, send_oct, send_max;
    bool close_pending; /* end the port once the lock is dropped (active exit_on_close) */
    /* The descriptor was closed by a failed send: fd is -1, or it waits for
     * the poller to let go of it. */
    bool fd_closed;
    /* (poller thread) */
    uv_poll_t poll;
    uv_timer_t timer;
    bool handles_open, apply_queued;
    int events_on;
    /* a readable event found no reader: reading is disarmed until one asks */
    bool stale_read;
    uint64_t timer_due;
} InetSocket;

/* A socket for a new port of a built-in inet driver (its driver_data). */
InetSocket *inet_socket_new(Port *port, bool stream);
bool inet_decode_address(int family, const uint8_t *in, size_t len, struct sockaddr_storage *sa, socklen_t *salen,
                         size_t *used);

/* The calling process (for replies), TERM_NIL outside a scheduler. */
Term inet_caller(void);

/* ---- poller side (inet_tcp.c) ---- */
/* Brings the poll handle and timer in line with what s waits for: at once on
 * the poller thread, else by a queued call. */
void inet_poll_update(InetSocket *s);
void inet_socket_unref(InetSocket *s);
uint64_t inet_now_ms(void);
/* The port is ending (poller thread, lock held). */
void inet_stop(Port *port);
void inet_closing(Port *port);
/* A stream socket may write, or its connect finished (lock held). */
void inet_tcp_writable(InetSocket *s);
/* A read and the deliveries it allows (any thread, lock held). */
void inet_tcp_try_read(InetSocket *s);
void inet_tcp_try_accept(InetSocket *s);
/* A connection accepted under the listener's lock, whose port is made only
 * once that lock is dropped (the port table's lock comes before any port's). */
typedef struct InetAccepted {
    int fd;
    Term caller;
    unsigned ref;
    PortOptions popt;
    InetOpts o;
    int family;
    uint8_t family_code, type_code;
} InetAccepted;
/* Lock held: a non-blocking accept4 for the accept op just added, when no
 * earlier acceptor waits. true: *a filled, the op gone; false: the op stays
 * for the poller. */
bool inet_tcp_accept_now(InetSocket *s, InetAccepted *a);
/* Lock not held: a's port, and {inet_async, L, Ref, {ok, S}} to its acceptor. */
void inet_tcp_accepted(Port *listener, const InetAccepted *a);
void inet_tcp_command(Port *port, const uint8_t *bytes, size_t len);
/* A socket whose send closed its descriptor is (or is made) active: its
 * owner gets {tcp_closed, S}, and with exit_on_close the port ends. */
void inet_tcp_closed_active(InetSocket *s);
/* The port a request on this scheduler set close_pending on, ended by the
 * driver once the request drops the lock (NULL: none). */
extern _Thread_local Port *inet_ending;
/* The nearest send_timeout deadline of a held sender (0: none), and the
 * expiry of those due by now (poller thread, lock held). */
uint64_t inet_tcp_send_deadline(const InetSocket *s);
void inet_tcp_send_timeouts(InetSocket *s, uint64_t now);
/* Delivers what the buffered input allows (a recv, or active messages). */
void inet_tcp_deliver(InetSocket *s);
/* Answers every pending op of kind with {error, Reason}. */
void inet_fail_ops(InetSocket *s, int kind, Term reason);
InetOp *inet_add_op(InetSocket *s, OpKind kind, Term caller, int64_t timeout_ms, size_t length);
void inet_remove_op(InetSocket *s, size_t i);
/* After the lock is dropped: a port the driver ended. */
void inet_finish_unlocked(Port *port, InetSocket *s);

/* ---- udp (inet_udp.c) ---- */
void inet_udp_command(Port *port, const uint8_t *bytes, size_t len);
void inet_udp_try_read(InetSocket *s);

/* ---- framing (inet_packet.c; the http types through io/packet.h) ---- */
/* The length of the first complete packet at in[0..len) (header included),
 * 0 when more bytes are needed, or -1 when the packet is invalid (too large).
 * *body_off is where its body starts and *body_len its length. */
long inet_packet_split(const InetOpts *o, const uint8_t *in, size_t len, size_t *body_off, size_t *body_len);
/* The header bytes a sent packet of len bytes starts with (0..4); -1 when
 * len does not fit the header. */
int inet_packet_header(const InetOpts *o, size_t len, uint8_t hdr[4]);
/* inet_packet_split for the http types: one line (a header with its
 * continuation lines when in_headers); 0: more needed, -1: too long. */
long inet_packet_split_http(const InetOpts *o, bool in_headers, const uint8_t *in, size_t len);

/* ---- options (inet_opts.c) ---- */
void inet_opts_default(InetOpts *o, bool stream);
void inet_setopts(InetSocket *s, const uint8_t *in, size_t len, StrBuf *out);
void inet_getopts(InetSocket *s, const uint8_t *in, size_t len, StrBuf *out);

/* ---- messages (inet_msg.c) ---- */
void inet_reply_error(StrBuf *out, int err);
void inet_reply_error_atom(StrBuf *out, const char *name);
void inet_put16(StrBuf *out, unsigned v);
void inet_put32(StrBuf *out, uint32_t v);
/* {inet_async, S, Ref, ok | {ok, Term} | {error, Atom}} */
void inet_send_async_ok(Port *port, Term to, unsigned ref);
void inet_send_async_term(Port *port, Term to, unsigned ref, Term immediate);
void inet_send_async_error(Port *port, Term to, unsigned ref, Term reason);
/* {inet_async, S, Ref, {ok, Data}} with the socket's mode and header */
void inet_send_async_data(InetSocket *s, Term to, unsigned ref, const uint8_t *bytes, size_t len);
/* {tcp, S, Data} to the connected process */
void inet_send_tcp_data(InetSocket *s, const uint8_t *bytes, size_t len);
/* An http packet (io/packet.h), as {http, S, Packet} or, when async, as
 * {inet_async, S, Ref, {ok, Packet}}; strings are binaries for http_bin and
 * httph_bin, lists otherwise (whatever the socket's mode). */
struct PacketHttp;
void inet_send_http(InetSocket *s, Term to, bool async, unsigned ref, const struct PacketHttp *h);
/* {Tag, S} and {Tag, S, Reason} */
void inet_send_tag(Port *port, Term to, Term tag);
void inet_send_tag_reason(Port *port, Term to, Term tag, Term reason);
/* {inet_reply, S, ok | {error, Reason}} */
void inet_send_reply(Port *port, Term to, Term reason_or_ok);
/* {udp, S, IP, Port, Data} (or {inet_async, S, Ref, {ok, [F, P1, P0 | Addr] ++ Data}}) */
void inet_send_udp(InetSocket *s, Term to, bool async, unsigned ref, const struct sockaddr_storage *from,
                   const uint8_t *bytes, size_t len);
Term inet_connected(Port *port); /* lock held */

#endif
