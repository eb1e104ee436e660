/* inet_msg.c — the replies and messages of the inet drivers: port_control
 * reply bytes, and the {inet_async, ...}, {inet_reply, ...}, {tcp, ...} and
 * {udp, ...} messages, each built straight into a message fragment of its
 * exact size. */
#include <netinet/in.h>
#include <string.h>

#include "atom/atom.h"
#include "gc/offheap.h"
#include "io/inet.h"
#include "io/packet.h"
#include "io/packet_atoms.h"
#include "io/posix_error.h"
#include "proc/signal.h"
#include "term/binary.h"
#include "term/boxed.h"

void inet_reply_error_atom(StrBuf *out, const char *name)
{
    strbuf_append_char(out, INET_REP_ERROR);
    strbuf_append_cstr(out, name);
}

void inet_reply_error(StrBuf *out, int err)
{
    size_t len;
    const char *name = atom_text(posix_error_atom(err), &len);
    strbuf_append_char(out, INET_REP_ERROR);
    strbuf_append(out, name, len);
}

void inet_put16(StrBuf *out, unsigned v)
{
    strbuf_append_char(out, (char)(v >> 8));
    strbuf_append_char(out, (char)v);
}

void inet_put32(StrBuf *out, uint32_t v)
{
    for (int s = 24; s >= 0; s -= 8) strbuf_append_char(out, (char)(v >> s));
}

Term inet_connected(Port *port) { return port->connected; }

/* ---- building ---- */

typedef struct Build {
    Term *hp;
    OffHeap oh;
} Build;

static Term tuple(Build *b, size_t n, const Term *el)
{
    Term *t = b->hp;
    t[0] = header_make(HDR_TUPLE, n);
    memcpy(t + 1, el, n * sizeof *el);
    b->hp += n + 1;
    return term_make_boxed(t);
}

static size_t bin_words(size_t len) { return binary_words(len); }

static Term binary(Build *b, const uint8_t *bytes, size_t len)
{
    if (len <= BINARY_HEAP_LIMIT) {
        Term t = term_make_heap_bin(b->hp, bytes, len);
        b->hp += HEAP_BIN_WORDS(len);
        return t;
    }
    Binary *bin = binary_alloc(len);
    memcpy(bin->data, bytes, len);
    Term *hp = b->hp;
    hp[0] = header_make(HDR_REFC_BIN, REFC_BIN_WORDS - 1);
    hp[1] = len;
    hp[2] = (Term)(uintptr_t)bin;
    hp[4] = 0;
    offheap_link(&b->oh, hp);
    b->oh.new_bytes += len;
    b->hp += REFC_BIN_WORDS;
    return term_make_boxed(hp);
}

/* bytes as a list ending in tail */
static Term bytes_list(Build *b, const uint8_t *bytes, size_t len, Term tail)
{
    Term l = tail;
    for (size_t i = len; i-- > 0; b->hp += 2) l = term_cons(b->hp, term_make_small(bytes[i]), l);
    return l;
}

/* A socket's data term: a list, a binary, or (header H) H bytes as a list
 * ending in a binary of the rest. */
static size_t data_words(const InetOpts *o, size_t len)
{
    if (!o->binary) return 2 * len;
    size_t h = o->header < len ? o->header : len;
    return 2 * h + bin_words(len - h);
}

static Term data(Build *b, const InetOpts *o, const uint8_t *bytes, size_t len)
{
    if (!o->binary) return bytes_list(b, bytes, len, TERM_NIL);
    size_t h = o->header < len ? o->header : len;
    Term rest = binary(b, bytes + h, len - h);
    return h ? bytes_list(b, bytes, h, rest) : rest;
}

static Message *start(Port *port, size_t words, Build *b)
{
    Message *m = msg_build(SIG_MSG, port->id, words, &b->hp);
    b->oh = (OffHeap){0};
    return m;
}

static void finish(Message *m, Build *b, Term t, Term to)
{
    m->term = t;
    m->oh_first = b->oh.first;
    m->oh_bytes = b->oh.new_bytes;
    sig_send(to, m);
}

/* ---- messages ---- */

static void send_async(Port *port, Term to, unsigned ref, Term result, size_t result_words, Term *result_hp)
{
    (void)result_words, (void)result_hp;
    Build b;
    Message *m = start(port, 5, &b);
    Term el[4] = {ATOM_inet_async, port->id, term_make_small(ref), result};
    finish(m, &b, tuple(&b, 4, el), to);
}

void inet_send_async_ok(Port *port, Term to, unsigned ref) { send_async(port, to, ref, ATOM_ok, 0, NULL); }

static void send_async_pair(Port *port, Term to, unsigned ref, Term tag, Term v)
{
    Build b;
    Message *m = start(port, 8, &b);
    Term pair[2] = {tag, v};
    Term r = tuple(&b, 2, pair);
    Term el[4] = {ATOM_inet_async, port->id, term_make_small(ref), r};
    finish(m, &b, tuple(&b, 4, el), to);
}

void inet_send_async_term(Port *port, Term to, unsigned ref, Term immediate)
{
    send_async_pair(port, to, ref, ATOM_ok, immediate);
}

void inet_send_async_error(Port *port, Term to, unsigned ref, Term reason)
{
    send_async_pair(port, to, ref, ATOM_error, reason);
}

void inet_send_async_data(InetSocket *s, Term to, unsigned ref, const uint8_t *bytes, size_t len)
{
    Build b;
    Message *m = start(s->port, 8 + data_words(&s->o, len), &b);
    Term pair[2] = {ATOM_ok, data(&b, &s->o, bytes, len)};
    Term r = tuple(&b, 2, pair);
    Term el[4] = {ATOM_inet_async, s->port->id, term_make_small(ref), r};
    finish(m, &b, tuple(&b, 4, el), to);
}

void inet_send_tcp_data(InetSocket *s, const uint8_t *bytes, size_t len)
{
    Build b;
    Message *m = start(s->port, 4 + data_words(&s->o, len), &b);
    Term d = data(&b, &s->o, bytes, len);
    Term el[3] = {ATOM_tcp, s->port->id, d};
    finish(m, &b, tuple(&b, 3, el), s->port->connected);
}

/* ---- http packets ---- */

static size_t str_words(bool bin, PacketSpan sp) { return bin ? bin_words(sp.len) : 2 * sp.len; }

static Term str(Build *b, bool bin, PacketSpan sp)
{
    return bin ? binary(b, sp.ptr, sp.len) : bytes_list(b, sp.ptr, sp.len, TERM_NIL);
}

static size_t uri_words(bool bin, const PacketUri *u)
{
    switch (u->kind) {
    case PACKET_URI_STAR: return 0;
    case PACKET_URI_STRING: return str_words(bin, u->s1);
    case PACKET_URI_ABS_PATH: return 3 + str_words(bin, u->s1);
    case PACKET_URI_SCHEME: return 4 + str_words(bin, u->s1) + str_words(bin, u->s2);
    case PACKET_URI_HTTP:
    case PACKET_URI_HTTPS: return 6 + str_words(bin, u->s1) + str_words(bin, u->s2);
    }
    return 0;
}

static Term uri(Build *b, bool bin, const PacketUri *u)
{
    switch (u->kind) {
    case PACKET_URI_STAR: return ATOM_asterisk;
    case PACKET_URI_STRING: return str(b, bin, u->s1);
    case PACKET_URI_ABS_PATH: {
        Term el[2] = {ATOM_abs_path, str(b, bin, u->s1)};
        return tuple(b, 2, el);
    }
    case PACKET_URI_SCHEME: {
        Term el[3] = {ATOM_scheme, str(b, bin, u->s1), str(b, bin, u->s2)};
        return tuple(b, 3, el);
    }
    case PACKET_URI_HTTP:
    case PACKET_URI_HTTPS: {
        Term el[5] = {ATOM_absoluteURI, u->kind == PACKET_URI_HTTP ? ATOM_http : ATOM_https, str(b, bin, u->s1),
                      u->port == 0 ? ATOM_undefined : term_make_small(u->port), str(b, bin, u->s2)};
        return tuple(b, 5, el);
    }
    }
    return ATOM_undefined;
}

/* The words http_term needs: kept next to it, one case for one case. */
static size_t http_words(bool bin, const PacketHttp *h)
{
    switch (h->kind) {
    case PACKET_HTTP_EOH: return 0;
    case PACKET_HTTP_ERROR: return 3 + str_words(bin, h->line);
    case PACKET_HTTP_REQUEST:
        return 5 + (h->method >= 0 ? 0 : str_words(bin, h->method_text)) + uri_words(bin, &h->uri) + 3;
    case PACKET_HTTP_RESPONSE: return 5 + 3 + str_words(bin, h->phrase);
    case PACKET_HTTP_HEADER:
        return 6 + (h->header >= 0 ? 0 : str_words(bin, h->name)) + str_words(bin, h->raw_name) +
               str_words(bin, h->value);
    }
    return 0;
}

static Term http_term(Build *b, bool bin, const PacketHttp *h)
{
    switch (h->kind) {
    case PACKET_HTTP_EOH: return ATOM_http_eoh;
    case PACKET_HTTP_ERROR: {
        Term el[2] = {ATOM_http_error, str(b, bin, h->line)};
        return tuple(b, 2, el);
    }
    case PACKET_HTTP_REQUEST: {
        Term m = h->method >= 0 ? packet_method_atoms[h->method] : str(b, bin, h->method_text);
        Term u = uri(b, bin, &h->uri);
        Term v[2] = {term_make_small(h->major), term_make_small(h->minor)};
        Term el[4] = {ATOM_http_request, m, u, tuple(b, 2, v)};
        return tuple(b, 4, el);
    }
    case PACKET_HTTP_RESPONSE: {
        Term v[2] = {term_make_small(h->major), term_make_small(h->minor)};
        Term version = tuple(b, 2, v);
        Term el[4] = {ATOM_http_response, version, term_make_small(h->status), str(b, bin, h->phrase)};
        return tuple(b, 4, el);
    }
    case PACKET_HTTP_HEADER: {
        Term name = h->header >= 0 ? packet_header_atoms[h->header] : str(b, bin, h->name);
        Term raw = str(b, bin, h->raw_name);
        Term el[5] = {ATOM_http_header, term_make_small(h->header + 1), name, raw, str(b, bin, h->value)};
        return tuple(b, 5, el);
    }
    }
    return ATOM_undefined;
}

void inet_send_http(InetSocket *s, Term to, bool async, unsigned ref, const PacketHttp *h)
{
    bool bin = s->o.packet == PB_HTTP_BIN || s->o.packet == PB_HTTPH_BIN;
    Build b;
    Message *m = start(s->port, (async ? 8 : 4) + http_words(bin, h), &b);
    Term packet = http_term(&b, bin, h);
    if (async) {
        Term pair[2] = {ATOM_ok, packet};
        Term r = tuple(&b, 2, pair);
        Term el[4] = {ATOM_inet_async, s->port->id, term_make_small(ref), r};
        finish(m, &b, tuple(&b, 4, el), to);
    } else {
        Term el[3] = {ATOM_http, s->port->id, packet};
        finish(m, &b, tuple(&b, 3, el), to);
    }
}

void inet_send_tag(Port *port, Term to, Term tag)
{
    Build b;
    Message *m = start(port, 3, &b);
    Term el[2] = {tag, port->id};
    finish(m, &b, tuple(&b, 2, el), to);
}

void inet_send_tag_reason(Port *port, Term to, Term tag, Term reason)
{
    Build b;
    Message *m = start(port, 4, &b);
    Term el[3] = {tag, port->id, reason};
    finish(m, &b, tuple(&b, 3, el), to);
}

void inet_send_reply(Port *port, Term to, Term reason_or_ok)
{
    Build b;
    bool ok = reason_or_ok == ATOM_ok;
    Message *m = start(port, ok ? 4 : 7, &b);
    Term status = ATOM_ok;
    if (!ok) {
        Term pair[2] = {ATOM_error, reason_or_ok};
        status = tuple(&b, 2, pair);
    }
    Term el[3] = {ATOM_inet_reply, port->id, status};
    finish(m, &b, tuple(&b, 3, el), to);
}

/* The family code, port and address bytes prim_inet decodes. */
static size_t addr_bytes(const struct sockaddr_storage *sa, uint8_t out[19])
{
    if (sa->ss_family == AF_INET6) {
        const struct sockaddr_in6 *a = (const struct sockaddr_in6 *)sa;
        out[0] = INET_AF_INET6;
        memcpy(out + 1, &a->sin6_port, 2);
        memcpy(out + 3, &a->sin6_addr, 16);
        return 19;
    }
    const struct sockaddr_in *a = (const struct sockaddr_in *)sa;
    out[0] = INET_AF_INET;
    memcpy(out + 1, &a->sin_port, 2);
    memcpy(out + 3, &a->sin_addr, 4);
    return 7;
}

void inet_send_udp(InetSocket *s, Term to, bool async, unsigned ref, const struct sockaddr_storage *from,
                   const uint8_t *bytes, size_t len)
{
    uint8_t a[19];
    size_t alen = addr_bytes(from, a);
    Build b;
    InetOpts raw = s->o;
    raw.header = 0;
    if (async) {
        /* [F, P1, P0 | Addr] followed by the data (a list, or a binary tail) */
        size_t words = 8 + 2 * alen + data_words(&raw, len);
        Message *m = start(s->port, words, &b);
        Term d = data(&b, &raw, bytes, len);
        Term l = bytes_list(&b, a, alen, d);
        Term pair[2] = {ATOM_ok, l};
        Term r = tuple(&b, 2, pair);
        Term el[4] = {ATOM_inet_async, s->port->id, term_make_small(ref), r};
        finish(m, &b, tuple(&b, 4, el), to);
        return;
    }
    size_t ipn = alen == 7 ? 4 : 8;
    Message *m = start(s->port, 6 + ipn + 1 + data_words(&raw, len), &b);
    Term ip[8];
    for (size_t i = 0; i < ipn; i++)
        ip[i] = term_make_small(alen == 7 ? a[3 + i] : (a[3 + 2 * i] << 8 | a[4 + 2 * i]));
    Term ipt = tuple(&b, ipn, ip);
    Term d = data(&b, &raw, bytes, len);
    Term el[5] = {ATOM_udp, s->port->id, ipt, term_make_small(a[1] << 8 | a[2]), d};
    finish(m, &b, tuple(&b, 5, el), to);
}
