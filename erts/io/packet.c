/* packet.c — packet framing and the parsing of http lines and TLS record
 * headers, with OTP 25's exact rules (see packet.h). Lengths follow OTP's
 * unsigned 32-bit arithmetic and its conversion to a signed int, so the same
 * bytes give the same length, the same "need more" and the same "invalid". */
#include "io/packet.h"

#include <string.h>

static const char *const header_names[] = {
#define X(id, text) text,
#include "io/packet_headers.def"
#undef X
};

static const char *const method_names[] = {
#define X(id, text) text,
#include "io/packet_methods.def"
#undef X
};

_Static_assert(sizeof header_names / sizeof header_names[0] == PACKET_HTTP_HEADER_COUNT, "header count");
_Static_assert(sizeof method_names / sizeof method_names[0] == PACKET_HTTP_METHOD_COUNT, "method count");

const char *packet_http_header_name(int index) { return header_names[index]; }
const char *packet_http_method_name(int index) { return method_names[index]; }

/* ---- framing --------------------------------------------------------------- */

/* A 32-bit unsigned value as the signed int OTP returns it in. */
static long as_int(uint32_t v) { return v <= INT32_MAX ? (long)v : (long)v - 4294967296L; }

static uint32_t be16(const uint8_t *b) { return (uint32_t)b[0] << 8 | b[1]; }
static uint32_t be24(const uint8_t *b) { return (uint32_t)b[0] << 16 | (uint32_t)b[1] << 8 | b[2]; }
static uint32_t be32(const uint8_t *b) { return (uint32_t)b[0] << 24 | be24(b + 1); }
static uint32_t le32(const uint8_t *b)
{
    return (uint32_t)b[3] << 24 | (uint32_t)b[2] << 16 | (uint32_t)b[1] << 8 | b[0];
}

/* A header of hlen bytes announcing plen more: invalid past the size limit,
 * or when the total does not fit a positive int (it wraps below hlen). */
static long header_and_body(uint32_t hlen, uint32_t plen, uint32_t max)
{
    long total = as_int(hlen + plen);
    if ((max != 0 && plen > max) || total < (long)hlen) return -1;
    return total;
}

/* asn1 BER: a tag (long form: 0x1f then bytes with the high bit set and one
 * without), then a short length or 0x80 | count and count (0..4) bytes. */
static long asn1_length(const uint8_t *buf, size_t n, uint32_t max)
{
    if (n < 2) return 0;
    size_t at = 1, left = n - 1; /* left: bytes from `at` on */
    if ((buf[0] & 0x1f) == 0x1f) {
        while (left && (buf[at] & 0x80)) at++, left--;
        if (left < 2) return 0;
        at++, left--;
    }
    uint32_t count = buf[at] & 0x7f, plen;
    if (!(buf[at] & 0x80)) return header_and_body((uint32_t)at + 1, count, max);
    at++, left--;
    if (left < count) return 0;
    switch (count) {
    case 0: plen = 0; break;
    case 1: plen = buf[at]; break;
    case 2: plen = be16(buf + at); break;
    case 3: plen = be24(buf + at); break;
    case 4: plen = be32(buf + at); break;
    default: return -1;
    }
    return header_and_body((uint32_t)(at + count), plen, max);
}

static long line_length(const uint8_t *buf, uint32_t n, const PacketOptions *opt)
{
    uint32_t max = opt->max_size, trunc = opt->line_length;
    const uint8_t *end = memchr(buf, opt->delimiter, n);
    if (!end) {
        if (max != 0 && n > max) return -1;
        if (trunc != 0 && n >= trunc) return as_int(trunc);
        return 0;
    }
    uint32_t len = (uint32_t)(end - buf) + 1;
    if (max != 0 && len > max) return -1;
    if (trunc != 0 && len > trunc) return as_int(trunc);
    return len;
}

static bool is_blank(uint8_t c) { return c == ' ' || c == '\t'; }

/* One http line; for header lines, continuation lines (starting with a blank)
 * belong to it, so a header is only whole once the next line's first byte is
 * seen. line_length stands in for packet_size when that is not given. */
static long http_length(const uint8_t *buf, uint32_t n, bool headers, const PacketOptions *opt)
{
    if ((n == 1 && buf[0] == '\n') || (n == 2 && buf[0] == '\r' && buf[1] == '\n')) return n;
    uint32_t max = opt->max_size ? opt->max_size : opt->line_length;
    uint32_t from = 0;
    for (;;) {
        const uint8_t *nl = memchr(buf + from, '\n', n - from);
        if (!nl) return max != 0 && n >= max ? -1 : 0;
        uint32_t len = (uint32_t)(nl - buf) + 1;
        bool too_long = max != 0 && len > max;
        if (!headers) return too_long ? -1 : as_int(len);
        if (len < n && is_blank(buf[len]) && len > 2) {
            from = len;
            continue;
        }
        if (too_long) return -1;
        return len < n ? as_int(len) : 0;
    }
}

long packet_length(PacketType type, const uint8_t *buf, size_t size, const PacketOptions *opt)
{
    uint32_t n = size > UINT32_MAX ? UINT32_MAX : (uint32_t)size, max = opt->max_size;
    switch (type) {
    case PACKET_RAW: return as_int(n);
    case PACKET_1: return n < 1 ? 0 : header_and_body(1, buf[0], max);
    case PACKET_2: return n < 2 ? 0 : header_and_body(2, be16(buf), max);
    case PACKET_4: return n < 4 ? 0 : header_and_body(4, be32(buf), max);
    case PACKET_SUNRM: return n < 4 ? 0 : header_and_body(4, be32(buf) & 0x7fffffff, max);
    case PACKET_ASN1: return asn1_length(buf, n, max);
    case PACKET_CDR: /* "GIOP", version, flags (bit 0: little-endian), type, size */
        if (n < 12) return 0;
        if (memcmp(buf, "GIOP", 4) != 0) return -1;
        return header_and_body(12, buf[6] & 1 ? le32(buf + 8) : be32(buf + 8), max);
    case PACKET_FCGI: /* version 1, type, id:16, content length:16, padding, reserved */
        if (n < 8) return 0;
        if (buf[0] != 1) return -1;
        return header_and_body(8, be16(buf + 4) + buf[6], max);
    case PACKET_TPKT: /* version 3, reserved, length:16 counting the header */
        if (n < 4) return 0;
        if (buf[0] != 3) return -1;
        return header_and_body(4, be16(buf + 2) - 4u, max);
    case PACKET_SSL_TLS:
        if (n < 5) return 0;
        if ((buf[0] & 0x80) && buf[2] == 1) /* SSLv2 hello: <<1:1, Len:15, 1, Version:16>> */
            return header_and_body(5, (be16(buf) & 0x7fff) - 3u, max);
        return header_and_body(5, be16(buf + 3), max); /* <<Type, Version:16, Len:16>> */
    case PACKET_LINE: return line_length(buf, n, opt);
    case PACKET_HTTP:
    case PACKET_HTTP_BIN: return http_length(buf, n, false, opt);
    case PACKET_HTTPH:
    case PACKET_HTTPH_BIN: return http_length(buf, n, true, opt);
    }
    return -1;
}

void packet_body(PacketType type, const uint8_t *buf, size_t len, size_t *body_at, size_t *body_len)
{
    size_t skip = type == PACKET_1 ? 1 : type == PACKET_2 ? 2 : type == PACKET_4 ? 4 : 0;
    *body_at = skip;
    *body_len = len - skip;
    if (type == PACKET_FCGI) *body_len -= buf[6];
}

/* ---- ssl_tls ----------------------------------------------------------------- */

void packet_parse_tls(const uint8_t *buf, size_t len, PacketTls *out)
{
    if ((buf[0] & 0x80) && buf[2] == 1) {
        /* an SSLv2 client hello is handed on as a handshake record holding
         * <<1, Length:24>> and the hello's body */
        size_t body = len - 3;
        out->type = 22, out->major = buf[3], out->minor = buf[4];
        out->prefix[0] = 1;
        out->prefix[1] = (uint8_t)(body >> 16), out->prefix[2] = (uint8_t)(body >> 8), out->prefix[3] = (uint8_t)body;
        out->prefix_len = 4;
        out->data = (PacketSpan){buf + 3, body};
    } else {
        out->type = buf[0], out->major = buf[1], out->minor = buf[2];
        out->prefix_len = 0;
        out->data = (PacketSpan){buf + 5, len - 5};
    }
}

/* ---- http ---------------------------------------------------------------------- */

/* Bytes that end a method or a header name: controls, space, non-ASCII and
 * the separators of RFC 2616. DEL (127) is not one, as in OTP. */
static bool is_tspecial(uint8_t c)
{
    if (c <= 32 || c >= 128) return true;
    return c != 127 && strchr("()<>@,;:\\\"/[]?={}", c) != NULL;
}

static bool is_digit(uint8_t c) { return c >= '0' && c <= '9'; }

/* Cursor over the line being parsed (its trailing CRLF already cut). */
typedef struct Line {
    const uint8_t *buf;
    size_t at, n;
} Line;

static bool more(const Line *l) { return l->at < l->n; }
static uint8_t cur(const Line *l) { return l->buf[l->at]; }

/* Skips blanks; returns how many. */
static size_t skip_blanks(Line *l)
{
    size_t from = l->at;
    while (more(l) && is_blank(cur(l))) l->at++;
    return l->at - from;
}

/* Reads decimal digits into a wrapping 32-bit int; returns how many. */
static size_t digits(Line *l, int32_t *value)
{
    uint32_t v = 0;
    size_t from = l->at;
    while (more(l) && is_digit(cur(l))) v = v * 10u + (uint32_t)(cur(l) - '0'), l->at++;
    *value = (int32_t)as_int(v);
    return l->at - from;
}

/* "Major.Minor" after "HTTP/": both need a digit; what follows is the
 * caller's business. */
static bool version(Line *l, PacketHttp *out)
{
    if (!digits(l, &out->major) || !more(l) || cur(l) != '.') return false;
    l->at++;
    return digits(l, &out->minor) > 0;
}

static int lookup(const char *const *names, int count, const uint8_t *s, size_t len)
{
    for (int i = 0; i < count; i++)
        if (strlen(names[i]) == len && memcmp(names[i], s, len) == 0) return i;
    return -1;
}

static bool prefix_nocase(const uint8_t *s, size_t len, const char *prefix)
{
    size_t k = strlen(prefix);
    if (len < k) return false;
    for (size_t i = 0; i < k; i++) {
        uint8_t c = s[i];
        if (c >= 'A' && c <= 'Z') c = (uint8_t)(c - 'A' + 'a');
        if (c != (uint8_t)prefix[i]) return false;
    }
    return true;
}

/* host[:port][/path] of an http or https URI. The port counts only when all
 * that follows the first colon is digits and it is not 0. */
static void absolute_uri(PacketUri *uri, const uint8_t *s, size_t len)
{
    static const uint8_t root[] = "/";
    const uint8_t *slash = memchr(s, '/', len);
    if (slash) {
        uri->s2 = (PacketSpan){slash, len - (size_t)(slash - s)};
        len = (size_t)(slash - s);
    } else {
        uri->s2 = (PacketSpan){root, 1};
    }
    uri->port = 0;
    const uint8_t *colon = memchr(s, ':', len);
    if (!colon) {
        uri->s1 = (PacketSpan){s, len};
        return;
    }
    uri->s1 = (PacketSpan){s, (size_t)(colon - s)};
    Line l = {s, (size_t)(colon - s) + 1, len};
    int32_t port;
    digits(&l, &port);
    if (!more(&l) && port != 0) uri->port = port;
}

static void parse_uri(PacketUri *uri, const uint8_t *s, size_t len)
{
    if (len == 1 && s[0] == '*') {
        uri->kind = PACKET_URI_STAR;
    } else if (len <= 1 || s[0] == '/') {
        uri->kind = PACKET_URI_ABS_PATH;
        uri->s1 = (PacketSpan){s, len};
    } else if (prefix_nocase(s, len, "http://")) {
        uri->kind = PACKET_URI_HTTP;
        absolute_uri(uri, s + 7, len - 7);
    } else if (prefix_nocase(s, len, "https://")) {
        uri->kind = PACKET_URI_HTTPS;
        absolute_uri(uri, s + 8, len - 8);
    } else {
        const uint8_t *colon = memchr(s, ':', len);
        if (!colon) {
            uri->kind = PACKET_URI_STRING;
            uri->s1 = (PacketSpan){s, len};
        } else {
            size_t k = (size_t)(colon - s);
            uri->kind = PACKET_URI_SCHEME;
            uri->s1 = (PacketSpan){s, k};
            uri->s2 = (PacketSpan){colon + 1, len - k - 1};
        }
    }
}

/* HTTP/Major.Minor SP+ [Status] [SP+ Phrase]; the phrase may be empty. */
static bool status_line(Line *l, PacketHttp *out)
{
    l->at = 5;
    if (!version(l, out) || !skip_blanks(l)) return false;
    digits(l, &out->status);
    if (!skip_blanks(l) && more(l)) return false;
    out->kind = PACKET_HTTP_RESPONSE;
    out->phrase = (PacketSpan){l->buf + l->at, l->n - l->at};
    return true;
}

/* Method SP+ URI [SP+ HTTP/Major.Minor ...]; without a version it is an
 * HTTP/0.9 request. Bytes after the minor version are ignored, as in OTP. */
static bool request_line(Line *l, PacketHttp *out)
{
    while (more(l) && !is_tspecial(cur(l))) l->at++;
    size_t method_len = l->at;
    if (!more(l) || method_len == 0 || !is_blank(cur(l))) return false;
    out->method = lookup(method_names, PACKET_HTTP_METHOD_COUNT, l->buf, method_len);
    out->method_text = (PacketSpan){l->buf, method_len};
    skip_blanks(l);
    size_t uri_at = l->at;
    while (more(l) && !is_blank(cur(l))) l->at++;
    size_t uri_len = l->at - uri_at;
    if (uri_len == 0) return false;
    skip_blanks(l);
    if (!more(l)) {
        out->major = 0, out->minor = 9;
    } else {
        if (l->n - l->at < 8 || memcmp(l->buf + l->at, "HTTP/", 5) != 0) return false;
        l->at += 5;
        if (!version(l, out)) return false;
    }
    out->kind = PACKET_HTTP_REQUEST;
    parse_uri(&out->uri, l->buf + uri_at, uri_len);
    return true;
}

/* Name: [blanks] value. A name of up to PACKET_HTTP_NAME_MAX bytes is
 * capitalised (first letter and each letter after '-' upper case, the rest
 * lower) before it is matched against the known headers; a longer one is
 * returned as written. */
static bool header_line(Line *l, PacketHttp *out)
{
    bool up = true;
    size_t len = 0;
    while (!is_tspecial(cur(l))) {
        if (len < PACKET_HTTP_NAME_MAX) {
            uint8_t c = cur(l);
            if (up) {
                if (c >= 'a' && c <= 'z') c = (uint8_t)(c - 'a' + 'A');
                up = false;
            } else if (c >= 'A' && c <= 'Z') {
                c = (uint8_t)(c - 'A' + 'a');
            } else if (c == '-') {
                up = true;
            }
            out->name_buf[len] = c;
        }
        len++;
        l->at++;
        if (!more(l)) return false;
    }
    if (cur(l) != ':') return false;
    out->raw_name = (PacketSpan){l->buf, len};
    if (len <= PACKET_HTTP_NAME_MAX) {
        out->name = (PacketSpan){out->name_buf, len};
        out->header = lookup(header_names, PACKET_HTTP_HEADER_COUNT, out->name_buf, len);
    } else {
        out->name = out->raw_name;
        out->header = -1;
    }
    l->at++;
    skip_blanks(l);
    out->kind = PACKET_HTTP_HEADER;
    out->value = (PacketSpan){l->buf + l->at, l->n - l->at};
    return true;
}

bool packet_parse_http(const uint8_t *buf, size_t len, bool in_headers, PacketHttp *out)
{
    size_t n = len;
    if (n >= 2 && buf[n - 2] == '\r')
        n -= 2;
    else if (n >= 1 && buf[n - 1] == '\n')
        n -= 1;
    Line l = {buf, 0, n};
    if (!in_headers) {
        bool response = n >= 5 && memcmp(buf, "HTTP/", 5) == 0;
        if (response ? status_line(&l, out) : request_line(&l, out)) return true;
    } else if (n == 0) {
        out->kind = PACKET_HTTP_EOH;
        return false;
    } else if (header_line(&l, out)) {
        return true;
    }
    out->kind = PACKET_HTTP_ERROR;
    out->line = (PacketSpan){buf, len};
    return in_headers;
}
