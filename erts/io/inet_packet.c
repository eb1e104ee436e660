/* inet_packet.c — {packet, Type} framing of a stream socket's input, and the
 * headers put on what it sends. 1, 2, 4 and line are framed here; the http
 * types, asn1, sunrm, cdr, fcgi and tpkt by the code erlang:decode_packet/3
 * uses (io/packet.h). */
#include <string.h>

#include "io/inet.h"
#include "io/packet.h"

long inet_packet_split_http(const InetOpts *o, bool in_headers, const uint8_t *in, size_t len)
{
    /* OTP 25 (measured): without packet_size, a line longer than the buffer
     * option is too long, so {buffer, N} bounds http lines; packet_size,
     * when set, takes its place (it may be above the buffer size). */
    if (len == 0) return 0; /* in may be NULL then */
    PacketOptions po = {o->packet_size, (uint32_t)(o->buffer > UINT32_MAX ? UINT32_MAX : o->buffer), '\n'};
    long n = packet_length(in_headers ? PACKET_HTTPH : PACKET_HTTP, in, len, &po);
    if (n < 0) return -1;
    return n > 0 && (size_t)n <= len ? n : 0;
}

/* prim_inet numbers these types as io/packet.h does */
_Static_assert(PB_ASN1 == (int)PACKET_ASN1 && PB_SUNRM == (int)PACKET_SUNRM && PB_CDR == (int)PACKET_CDR &&
                   PB_FCGI == (int)PACKET_FCGI && PB_TPKT == (int)PACKET_TPKT,
               "packet type numbers");

static long split_framed(const InetOpts *o, const uint8_t *in, size_t len, size_t *body_off, size_t *body_len)
{
    if (len == 0) return 0; /* in may be NULL then */
    PacketOptions po = {o->packet_size, 0, '\n'};
    long n = packet_length((PacketType)o->packet, in, len, &po);
    if (n < 0) return -1;
    if (n == 0 || (size_t)n > len) return 0;
    packet_body((PacketType)o->packet, in, (size_t)n, body_off, body_len);
    return n;
}

long inet_packet_split(const InetOpts *o, const uint8_t *in, size_t len, size_t *body_off, size_t *body_len)
{
    size_t h;
    switch (o->packet) {
    case PB_RAW:
        *body_off = 0, *body_len = len;
        return len ? (long)len : 0;
    case PB_LINE: {
        size_t limit = o->packet_size && o->packet_size < len ? o->packet_size : len;
        const uint8_t *nl = limit ? memchr(in, o->line_delim, limit) : NULL; /* in may be NULL when empty */
        if (!nl) {
            /* a line longer than packet_size comes out in pieces of that size */
            if (o->packet_size && len >= o->packet_size) {
                *body_off = 0, *body_len = o->packet_size;
                return (long)o->packet_size;
            }
            return 0;
        }
        *body_off = 0, *body_len = (size_t)(nl - in) + 1;
        return (long)*body_len;
    }
    case PB_1: h = 1; break;
    case PB_2: h = 2; break;
    case PB_4: h = 4; break;
    default: return inet_packet_is_framed(o->packet) ? split_framed(o, in, len, body_off, body_len) : -1;
    }
    if (len < h) return 0;
    size_t size = 0;
    for (size_t i = 0; i < h; i++) size = size << 8 | in[i];
    if (o->packet_size && size > o->packet_size) return -1;
    if (len - h < size) return 0;
    *body_off = h, *body_len = size;
    return (long)(h + size);
}

int inet_packet_header(const InetOpts *o, size_t len, uint8_t hdr[4])
{
    int h = o->packet == PB_1 ? 1 : o->packet == PB_2 ? 2 : o->packet == PB_4 ? 4 : 0;
    if (h == 0) return 0;
    /* as OTP 25: a length the header cannot hold is sent truncated */
    if (h == 4 && len > UINT32_MAX) return -1;
    for (int i = 0; i < h; i++) hdr[i] = (uint8_t)(len >> (8 * (h - 1 - i)));
    return h;
}
