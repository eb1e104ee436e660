/* test_packet.c — the framing API of io/packet.h without terms, as the TCP
 * driver will use it: lengths, "need more" and "invalid" at the 32-bit
 * limits, bodies, and the http line parser's description of a few lines;
 * and the one BIF case that cannot be compared with OTP (which crashes on an
 * improper option list). */
#include <check.h>
#include <string.h>

#include "check_run.h"
#include "atom/atom.h"
#include "bif/bif.h"
#include "io/packet.h"
#include "term/binary.h"

static long len_of(PacketType t, const char *bytes, size_t n)
{
    PacketOptions o = packet_default_options();
    return packet_length(t, (const uint8_t *)bytes, n, &o);
}

static long len_with(PacketType t, const char *bytes, size_t n, uint32_t max, uint32_t line)
{
    PacketOptions o = packet_default_options();
    o.max_size = max, o.line_length = line;
    return packet_length(t, (const uint8_t *)bytes, n, &o);
}

START_TEST(length_headers)
{
    ck_assert_int_eq(len_of(PACKET_RAW, "", 0), 0);
    ck_assert_int_eq(len_of(PACKET_RAW, "abc", 3), 3);
    ck_assert_int_eq(len_of(PACKET_1, "", 0), 0);
    ck_assert_int_eq(len_of(PACKET_1, "\3ab", 3), 4); /* 4 needed, 3 there */
    ck_assert_int_eq(len_of(PACKET_2, "\0\2ab", 4), 4);
    ck_assert_int_eq(len_of(PACKET_4, "\0\0\0", 3), 0);
    ck_assert_int_eq(len_of(PACKET_4, "\x7f\xff\xff\xfb", 4), 2147483647L);
    ck_assert_int_lt(len_of(PACKET_4, "\x7f\xff\xff\xfc", 4), 0); /* past INT_MAX */
    ck_assert_int_lt(len_of(PACKET_4, "\xff\xff\xff\xff", 4), 0);
    ck_assert_int_lt(len_with(PACKET_4, "\xff\xff\xff\xff", 4, UINT32_MAX, 0), 0); /* wraps */
    ck_assert_int_eq(len_of(PACKET_SUNRM, "\x80\0\0\2", 4), 6);
    ck_assert_int_eq(len_of(PACKET_TPKT, "\3\0\0\7", 4), 7);
    ck_assert_int_lt(len_of(PACKET_TPKT, "\4\0\0\7", 4), 0);
    ck_assert_int_lt(len_with(PACKET_TPKT, "\3\0\0\2", 4, UINT32_MAX, 0), 0);
    ck_assert_int_eq(len_of(PACKET_CDR, "GIOP\1\2\1\0\2\0\0\0", 12), 14);
    ck_assert_int_lt(len_of(PACKET_CDR, "GIOX\1\2\1\0\2\0\0\0", 12), 0);
    ck_assert_int_eq(len_of(PACKET_FCGI, "\1\1\0\1\0\3\2\0", 8), 13);
    ck_assert_int_eq(len_of(PACKET_ASN1, "\x30\x82\0\3", 4), 7);
    ck_assert_int_eq(len_of(PACKET_ASN1, "\x1f\x81\x01\x02", 4), 6);
    ck_assert_int_eq(len_of(PACKET_ASN1, "\x30\x85", 2), 0); /* more before invalid */
    ck_assert_int_lt(len_of(PACKET_ASN1, "\x30\x85\0\0\0\0\0", 7), 0);
    ck_assert_int_eq(len_of(PACKET_SSL_TLS, "\x80\6\1\3\0", 5), 8);
    ck_assert_int_eq(len_of(PACKET_SSL_TLS, "\x17\3\3\0\3", 5), 8);
    /* packet_size bounds the body, not the header */
    ck_assert_int_eq(len_with(PACKET_1, "\3abc", 4, 3, 0), 4);
    ck_assert_int_lt(len_with(PACKET_1, "\4abc", 4, 3, 0), 0);
}
END_TEST

START_TEST(length_lines)
{
    ck_assert_int_eq(len_of(PACKET_LINE, "abc", 3), 0);
    ck_assert_int_eq(len_of(PACKET_LINE, "ab\ncd", 5), 3);
    ck_assert_int_eq(len_with(PACKET_LINE, "abcdef", 6, 0, 4), 4); /* truncated */
    ck_assert_int_eq(len_with(PACKET_LINE, "abc", 3, 0, 4), 0);
    ck_assert_int_lt(len_with(PACKET_LINE, "abcdef", 6, 5, 0), 0);
    PacketOptions o = packet_default_options();
    o.delimiter = ';';
    ck_assert_int_eq(packet_length(PACKET_LINE, (const uint8_t *)"a;b", 3, &o), 2);
    /* a header line waits for the next line's first byte (folding) */
    ck_assert_int_eq(len_of(PACKET_HTTPH, "A: b\r\n", 6), 0);
    ck_assert_int_eq(len_of(PACKET_HTTPH, "A: b\r\nC", 7), 6);
    ck_assert_int_eq(len_of(PACKET_HTTPH, "A: b\r\n c\r\nD", 11), 10);
    ck_assert_int_eq(len_of(PACKET_HTTPH, "\r\n", 2), 2);
    ck_assert_int_eq(len_of(PACKET_HTTP, "GET / HTTP/1.1\r\n", 16), 16);
    ck_assert_int_lt(len_with(PACKET_HTTP, "GET / HTTP/1.1\r\n", 16, 0, 10), 0); /* line_length as limit */
    ck_assert_int_lt(len_with(PACKET_HTTP, "GET /", 5, 5, 0), 0);
}
END_TEST

START_TEST(bodies)
{
    size_t at, len;
    packet_body(PACKET_2, (const uint8_t *)"\0\2ab", 4, &at, &len);
    ck_assert_uint_eq(at, 2);
    ck_assert_uint_eq(len, 2);
    packet_body(PACKET_FCGI, (const uint8_t *)"\1\1\0\1\0\3\2\0abc\0\0", 13, &at, &len);
    ck_assert_uint_eq(at, 0);
    ck_assert_uint_eq(len, 11);
    packet_body(PACKET_TPKT, (const uint8_t *)"\3\0\0\4", 4, &at, &len);
    ck_assert_uint_eq(at, 0);
    ck_assert_uint_eq(len, 4);
}
END_TEST

static bool span_is(PacketSpan s, const char *text) { return s.len == strlen(text) && memcmp(s.ptr, text, s.len) == 0; }

START_TEST(http_lines)
{
    PacketHttp h;
    const char *req = "GET http://h:8080/p HTTP/1.1\r\n";
    ck_assert(packet_parse_http((const uint8_t *)req, strlen(req), false, &h));
    ck_assert_int_eq(h.kind, PACKET_HTTP_REQUEST);
    ck_assert_str_eq(packet_http_method_name(h.method), "GET");
    ck_assert_int_eq(h.uri.kind, PACKET_URI_HTTP);
    ck_assert(span_is(h.uri.s1, "h") && span_is(h.uri.s2, "/p"));
    ck_assert_int_eq(h.uri.port, 8080);
    ck_assert_int_eq(h.major, 1);
    ck_assert_int_eq(h.minor, 1);

    const char *hdr = "content-LENGTH: \t12\r\n";
    ck_assert(packet_parse_http((const uint8_t *)hdr, strlen(hdr), true, &h));
    ck_assert_int_eq(h.kind, PACKET_HTTP_HEADER);
    ck_assert_str_eq(packet_http_header_name(h.header), "Content-Length");
    ck_assert(span_is(h.raw_name, "content-LENGTH") && span_is(h.value, "12"));

    ck_assert(!packet_parse_http((const uint8_t *)"\r\n", 2, true, &h));
    ck_assert_int_eq(h.kind, PACKET_HTTP_EOH);

    const char *bad = "GET / HTTP/x\r\n";
    ck_assert(!packet_parse_http((const uint8_t *)bad, strlen(bad), false, &h));
    ck_assert_int_eq(h.kind, PACKET_HTTP_ERROR);
    ck_assert(span_is(h.line, bad));
}
END_TEST

START_TEST(improper_options_are_badarg)
{
    Process *p = proc_new(0);
    Term opt = proc_tuple2(p, ATOM_packet_size, term_make_small(1));
    Term args[3] = {ATOM_raw, binary_from_bytes(p, "a", 1), term_cons(proc_alloc(p, 2), opt, ATOM_raw)};
    ck_assert(bif_erlang_decode_packet_3(p, args) == TERM_NONE);
    ck_assert(p->fclass == ATOM_error && p->freason == ATOM_badarg);
    proc_free(p);
}
END_TEST

int main(void)
{
    atom_table_init(0);
    Suite *s = suite_create("packet");
    TCase *tc = tcase_create("framing");
    tcase_add_test(tc, length_headers);
    tcase_add_test(tc, length_lines);
    tcase_add_test(tc, bodies);
    tcase_add_test(tc, http_lines);
    tcase_add_test(tc, improper_options_are_badarg);
    suite_add_tcase(s, tc);
    return check_run(s);
}
