/* erlang_packet.c — erlang:decode_packet/3: io/packet.h frames and parses,
 * this file checks the arguments and builds OTP 25's result terms. Strings of
 * the http types are lists (http, httph) or binaries (http_bin, httph_bin);
 * the binaries are copies, which only binary:referenced_byte_size can tell
 * from OTP's sub-binaries. Costs one reduction per 256 bytes examined. */
#include "bif/bif.h"

#include <stdlib.h>
#include <string.h>

#include "atom/atom.h"
#include "bif/bif_reds.h"
#include "bif/bif_util.h"
#include "io/packet.h"
#include "io/packet_atoms.h"
#include "term/binary.h"

static bool packet_type(Term t, PacketType *out)
{
    static const struct {
        Term atom;
        PacketType type;
    } named[] = {
        {ATOM_raw, PACKET_RAW},           {ATOM_asn1, PACKET_ASN1},           {ATOM_sunrm, PACKET_SUNRM},
        {ATOM_cdr, PACKET_CDR},           {ATOM_fcgi, PACKET_FCGI},           {ATOM_line, PACKET_LINE},
        {ATOM_tpkt, PACKET_TPKT},         {ATOM_http, PACKET_HTTP},           {ATOM_httph, PACKET_HTTPH},
        {ATOM_http_bin, PACKET_HTTP_BIN}, {ATOM_httph_bin, PACKET_HTTPH_BIN}, {ATOM_ssl_tls, PACKET_SSL_TLS},
    };
    if (term_is_small(t)) {
        switch (term_small_value(t)) {
        case 0: *out = PACKET_RAW; return true;
        case 1: *out = PACKET_1; return true;
        case 2: *out = PACKET_2; return true;
        case 4: *out = PACKET_4; return true;
        default: return false;
        }
    }
    for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
        if (named[i].atom == t) return *out = named[i].type, true;
    return false;
}

/* [{packet_size, N} | {line_length, N} | {line_delimiter, C}], N below 2^32
 * and C a byte; line_delimiter only for line. A later option wins. */
static bool packet_options(Term list, PacketType type, PacketOptions *opt)
{
    for (; term_is_list(list); list = term_tail(list)) {
        Term o = term_head(list);
        if (!term_is_tuple(o) || term_tuple_arity(o) != 2) return false;
        Term key = term_tuple_element(o, 1), v = term_tuple_element(o, 2);
        if (!term_is_small(v) || term_small_value(v) < 0 || term_small_value(v) > (SInt)UINT32_MAX) return false;
        uint32_t n = (uint32_t)term_small_value(v);
        if (key == ATOM_packet_size)
            opt->max_size = n;
        else if (key == ATOM_line_length)
            opt->line_length = n;
        else if (key == ATOM_line_delimiter && type == PACKET_LINE && n <= 255)
            opt->delimiter = (uint8_t)n;
        else
            return false;
    }
    return term_is_nil(list); /* OTP crashes on an improper list; this is badarg */
}

/* ---- http terms ----------------------------------------------------------- */

static Term http_string(Process *p, bool as_binary, PacketSpan s)
{
    return as_binary ? binary_from_bytes(p, s.ptr, s.len) : bif_bytes_to_list(p, s.ptr, s.len, TERM_NIL);
}

static Term uri_term(Process *p, bool bin, const PacketUri *u)
{
    Term *e;
    Term t;
    switch (u->kind) {
    case PACKET_URI_STAR: return ATOM_asterisk;
    case PACKET_URI_STRING: return http_string(p, bin, u->s1);
    case PACKET_URI_ABS_PATH: return bif_tuple2(p, ATOM_abs_path, http_string(p, bin, u->s1));
    case PACKET_URI_SCHEME: return bif_tuple3(p, ATOM_scheme, http_string(p, bin, u->s1), http_string(p, bin, u->s2));
    case PACKET_URI_HTTP:
    case PACKET_URI_HTTPS:
        t = bif_alloc_tuple(p, 5, &e);
        e[0] = ATOM_absoluteURI;
        e[1] = u->kind == PACKET_URI_HTTP ? ATOM_http : ATOM_https;
        e[2] = http_string(p, bin, u->s1);
        e[3] = u->port == 0 ? ATOM_undefined : term_make_small(u->port);
        e[4] = http_string(p, bin, u->s2);
        return t;
    }
    return ATOM_undefined;
}

static Term http_term(Process *p, bool bin, const PacketHttp *h)
{
    Term *e, t;
    switch (h->kind) {
    case PACKET_HTTP_EOH: return ATOM_http_eoh;
    case PACKET_HTTP_ERROR: return bif_tuple2(p, ATOM_http_error, http_string(p, bin, h->line));
    case PACKET_HTTP_REQUEST:
        t = bif_alloc_tuple(p, 4, &e);
        e[0] = ATOM_http_request;
        e[1] = h->method >= 0 ? packet_method_atoms[h->method] : http_string(p, bin, h->method_text);
        e[2] = uri_term(p, bin, &h->uri);
        e[3] = bif_tuple2(p, term_make_small(h->major), term_make_small(h->minor));
        return t;
    case PACKET_HTTP_RESPONSE:
        t = bif_alloc_tuple(p, 4, &e);
        e[0] = ATOM_http_response;
        e[1] = bif_tuple2(p, term_make_small(h->major), term_make_small(h->minor));
        e[2] = term_make_small(h->status);
        e[3] = http_string(p, bin, h->phrase);
        return t;
    case PACKET_HTTP_HEADER:
        t = bif_alloc_tuple(p, 5, &e);
        e[0] = ATOM_http_header;
        e[1] = term_make_small(h->header + 1);
        e[2] = h->header >= 0 ? packet_header_atoms[h->header] : http_string(p, bin, h->name);
        e[3] = http_string(p, bin, h->raw_name);
        e[4] = http_string(p, bin, h->value);
        return t;
    }
    return ATOM_undefined;
}

static Term tls_term(Process *p, const PacketTls *r)
{
    uint8_t *data;
    Term bin = binary_new(p, r->prefix_len + r->data.len, &data);
    memcpy(data, r->prefix, r->prefix_len);
    memcpy(data + r->prefix_len, r->data.ptr, r->data.len);
    Term *e, t = bif_alloc_tuple(p, 5, &e);
    e[0] = ATOM_ssl_tls;
    e[1] = TERM_NIL;
    e[2] = term_make_small((SInt)r->type);
    e[3] = bif_tuple2(p, term_make_small((SInt)r->major), term_make_small((SInt)r->minor));
    e[4] = bin;
    return t;
}

/* ---- the BIF ---------------------------------------------------------------- */

/* The packet at bytes[0..len) of bin (len <= the bytes bin has): its term and
 * the rest of bin, trailing bits included. */
static Term whole_packet(Process *p, PacketType type, Term bin, const uint8_t *bytes, size_t len)
{
    Term packet;
    bool as_binary = type == PACKET_HTTP_BIN || type == PACKET_HTTPH_BIN;
    if (packet_is_http(type)) {
        PacketHttp h;
        packet_parse_http(bytes, len, type == PACKET_HTTPH || type == PACKET_HTTPH_BIN, &h);
        packet = http_term(p, as_binary, &h);
    } else if (type == PACKET_SSL_TLS) {
        PacketTls r;
        packet_parse_tls(bytes, len, &r);
        packet = tls_term(p, &r);
    } else {
        size_t at, body;
        packet_body(type, bytes, len, &at, &body);
        packet = binary_slice(p, bin, 8 * at, 8 * body);
    }
    size_t bits = binary_bit_size(bin);
    Term rest = binary_slice(p, bin, 8 * len, bits - 8 * len);
    return bif_tuple3(p, ATOM_ok, packet, rest);
}

/* decode_packet(Type, Bin, Options) -> {ok, Packet, Rest} | {more, Length |
 * undefined} | {error, invalid}. Bin may be a bitstring: its whole bytes are
 * examined and the trailing bits end the rest. */
Term bif_erlang_decode_packet_3(Process *p, const Term *args)
{
    BinView v;
    PacketType type;
    PacketOptions opt = packet_default_options();
    if (!binary_view(args[1], &v) || !(term_is_list(args[2]) || term_is_nil(args[2]))) return proc_badarg(p);
    if (!packet_type(args[0], &type)) return bif_badopt(p);
    if (!packet_options(args[2], type, &opt)) return proc_badarg(p);

    size_t n = v.bit_size / 8;
    const uint8_t *bytes = v.bytes + v.bit_off / 8;
    uint8_t *copy = NULL;
    if (v.bit_off % 8) { /* a bitstring not on a byte boundary: align a copy */
        if (!(copy = malloc(n ? n : 1))) abort();
        binary_copy_bits(copy, 0, v.bytes, v.bit_off, 8 * n);
        bytes = copy;
    }
    long len = packet_length(type, bytes, n, &opt);
    Term result;
    if (len < 0)
        result = bif_tuple2(p, ATOM_error, ATOM_invalid);
    else if (len == 0 || (size_t)len > n)
        result = bif_tuple2(p, ATOM_more, len == 0 ? ATOM_undefined : term_make_small(len));
    else
        result = whole_packet(p, type, args[1], bytes, (size_t)len);
    bif_charge_bytes(p, len > 0 && (size_t)len <= n ? (size_t)len : n);
    free(copy);
    return result;
}
