/* packet.h — the packet framings of erlang:decode_packet/3 and of the
 * {packet, Type} socket option, as OTP 25 defines them: how long the packet at
 * the front of a byte buffer is, which part of it is the body, and, for the
 * http types, what the line says. Pure functions over bytes, no terms: the
 * BIF (bif/erlang_packet.c) and the TCP driver each build their own results
 * from a PacketHttp, with atoms from io/packet_headers.def and
 * io/packet_methods.def (both expanded into ATOM_http_* by atom/atoms_io.def). */
#ifndef EMBER_PACKET_H
#define EMBER_PACKET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum PacketType {
    PACKET_RAW,
    PACKET_1,
    PACKET_2,
    PACKET_4,
    PACKET_ASN1,
    PACKET_SUNRM,
    PACKET_CDR,
    PACKET_FCGI,
    PACKET_LINE,
    PACKET_TPKT,
    PACKET_HTTP,
    PACKET_HTTPH,
    PACKET_HTTP_BIN,
    PACKET_HTTPH_BIN,
    PACKET_SSL_TLS,
} PacketType;

/* The limits of {packet_size, N} and {line_length, N} (0: none) and the line
 * delimiter of {line_delimiter, C} ('\n' by default). */
typedef struct PacketOptions {
    uint32_t max_size;
    uint32_t line_length;
    uint8_t delimiter;
} PacketOptions;

static inline PacketOptions packet_default_options(void) { return (PacketOptions){0, 0, '\n'}; }

static inline bool packet_is_http(PacketType t)
{
    return t == PACKET_HTTP || t == PACKET_HTTPH || t == PACKET_HTTP_BIN || t == PACKET_HTTPH_BIN;
}

/* The length of the packet at the front of buf[0..n): > 0 the whole packet's
 * length in bytes (which may be more than n: that many are needed), 0 when
 * more bytes are needed before the length is known, < 0 when the bytes cannot
 * start a packet of this type or break a limit. Lengths are those of OTP's
 * 32-bit arithmetic, so a header that claims more than 2^31 - 1 bytes is
 * invalid. Reads at most n bytes; O(n) for lines and http, O(1) otherwise. */
long packet_length(PacketType type, const uint8_t *buf, size_t n, const PacketOptions *opt);

/* The body of a whole packet of `len` bytes at buf: for 1, 2 and 4 the bytes
 * after the length header, for fcgi the packet without its padding, and the
 * whole packet for the other types. */
void packet_body(PacketType type, const uint8_t *buf, size_t len, size_t *body_at, size_t *body_len);

/* ---- http ---------------------------------------------------------------- */

typedef struct PacketSpan {
    const uint8_t *ptr;
    size_t len;
} PacketSpan;

typedef enum PacketHttpKind {
    PACKET_HTTP_REQUEST,  /* {http_request, Method, Uri, {Major, Minor}} */
    PACKET_HTTP_RESPONSE, /* {http_response, {Major, Minor}, Status, Phrase} */
    PACKET_HTTP_HEADER,   /* {http_header, Number, Name, RawName, Value} */
    PACKET_HTTP_EOH,      /* http_eoh */
    PACKET_HTTP_ERROR,    /* {http_error, Line}: the whole packet */
} PacketHttpKind;

typedef enum PacketUriKind {
    PACKET_URI_STAR,     /* '*' */
    PACKET_URI_STRING,   /* s1, as it is */
    PACKET_URI_ABS_PATH, /* {abs_path, s1} */
    PACKET_URI_SCHEME,   /* {scheme, s1, s2} */
    PACKET_URI_HTTP,     /* {absoluteURI, http, Host s1, Port, Path s2} */
    PACKET_URI_HTTPS,    /* {absoluteURI, https, ...} */
} PacketUriKind;

typedef struct PacketUri {
    PacketUriKind kind;
    PacketSpan s1, s2;
    int32_t port; /* 0: undefined */
} PacketUri;

/* What one http line says. Spans point into the parsed packet, except a
 * header name of at most PACKET_HTTP_NAME_MAX bytes, which is rewritten in
 * capitalised form into name_buf. Numbers wrap as OTP's 32-bit ints do. */
#define PACKET_HTTP_NAME_MAX 50
typedef struct PacketHttp {
    PacketHttpKind kind;
    int32_t major, minor;
    int method; /* request: index in packet_methods.def, or -1 (method_text) */
    PacketSpan method_text;
    PacketUri uri;
    int32_t status; /* response */
    PacketSpan phrase;
    int header; /* header: index in packet_headers.def, or -1 (name) */
    PacketSpan name, raw_name, value;
    PacketSpan line; /* error */
    uint8_t name_buf[PACKET_HTTP_NAME_MAX];
} PacketHttp;

/* Parses a whole http packet (as packet_length framed it): a request or
 * status line when in_headers is false, a header or the end of the headers
 * when it is true. Never fails: a line that does not parse is an http_error.
 * Returns whether the next packet is a header line (the state a socket
 * keeps between packets). */
bool packet_parse_http(const uint8_t *buf, size_t len, bool in_headers, PacketHttp *out);

/* The number of header names and methods, and their text. */
enum { PACKET_HTTP_HEADER_COUNT = 52, PACKET_HTTP_METHOD_COUNT = 7 };
const char *packet_http_header_name(int index);
const char *packet_http_method_name(int index);

/* ---- ssl_tls ------------------------------------------------------------- */

/* A TLS record or an SSLv2 client hello: {ssl_tls, [], Type, {Major, Minor},
 * Prefix ++ Data}. The prefix (an SSLv2 hello's <<1, Length:24>>) is
 * prefix[0..prefix_len). */
typedef struct PacketTls {
    unsigned type, major, minor;
    uint8_t prefix[4];
    size_t prefix_len;
    PacketSpan data;
} PacketTls;
/* Parses a whole ssl_tls packet (len >= 5, as packet_length framed it). */
void packet_parse_tls(const uint8_t *buf, size_t len, PacketTls *out);

#endif
