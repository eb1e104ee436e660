%% erlang:decode_packet/3 for every packet type and option: whole packets,
%% every prefix of some, limits, bad arguments, the http line forms and a
%% deterministic fuzz loop over random and mutated bytes. Only BIFs and local
%% helpers are used (no lists or rand), so it runs on Ember's own boot too;
%% the fuzz bytes come from a local LCG for the same reason.
-module(decode_packet).
-export([main/0]).
-include("test.hrl").

main() ->
    bad_args(),
    framing(),
    limits(),
    lines(),
    splits(),
    requests(),
    responses(),
    headers(),
    known_headers(),
    tls(),
    bitstrings(),
    fuzz(),
    ok.

d(T, B) -> d(T, B, []).
d(T, B, O) -> ?T(erlang:decode_packet(?ID(T), ?ID(B), ?ID(O))).

dp(T, B, O) -> try erlang:decode_packet(T, B, O) catch C:R -> {C, R} end.

seq(A, B) when A > B -> [];
seq(A, B) -> [A | seq(A + 1, B)].

each(_, []) -> ok;
each(F, [X | Xs]) -> F(X), each(F, Xs).

types() ->
    [raw, 0, 1, 2, 4, asn1, cdr, sunrm, fcgi, tpkt, line, http, httph, http_bin, httph_bin, ssl_tls].

%% ---- arguments ------------------------------------------------------------

bad_args() ->
    d(raw, foo),
    d(raw, "abc"),
    d(raw, 12),
    d(raw, <<1>>, foo),
    d(raw, <<1>>, {packet_size, 1}),
    d(raw, <<1>>, [foo]),
    d(raw, <<1>>, [{packet_size}]),
    d(raw, <<1>>, [{packet_size, 1, 2}]),
    d(raw, <<1>>, [{packet_size, -1}]),
    d(raw, <<1>>, [{packet_size, 1 bsl 32}]),
    d(raw, <<1>>, [{packet_size, 1 bsl 70}]),
    d(raw, <<1>>, [{packet_size, 1.0}]),
    d(raw, <<1>>, [{packet_size, 1 bsl 32 - 1}]),
    d(raw, <<1>>, [{line_length, -5}]),
    d(raw, <<1>>, [{other, 5}]),
    d(raw, <<1>>, [{line_delimiter, $a}]),
    d(line, <<1, $a, 2>>, [{line_delimiter, $a}]),
    d(line, <<1, $a, 2>>, [{line_delimiter, 256}]),
    d(line, <<1, $a, 2>>, [{line_delimiter, 0}]),
    d(line, <<1, 0, 2>>, [{line_delimiter, 0}]),
    d(line, <<"a\nb,c">>, [{line_delimiter, $,}, {line_delimiter, $\n}]),
    d(4, <<0, 0, 0, 1, 9>>, [{packet_size, 0}, {packet_size, 1}, {line_length, 7}]),
    each(fun(T) -> d(T, <<1>>) end, [3, 5, -1, 1.0, ssl, tls, "http", foo, {http}, 1 bsl 64]),
    d(foo, foo, foo),
    d(foo, <<>>, [foo]),
    d(raw, foo, [foo]),
    %% an unknown type has the cause badopt, other bad arguments none
    each(fun({T, B, O}) -> error_info(T, B, O) end,
         [{ssl, <<1>>, []}, {foo, <<1>>, [foo]}, {raw, foo, []}, {raw, <<1>>, [foo]},
          {line, <<1>>, [{line_delimiter, 300}]}]).

error_info(T, B, O) ->
    try erlang:decode_packet(?ID(T), ?ID(B), ?ID(O)) of
        V -> erlang:display({unexpected, V})
    catch error:R:St ->
            [{M, F, Args, Loc} | _] = St,
            erlang:display({R, M, F, Args, [I || {error_info, _} = I <- Loc]})
    end.

%% ---- fixed-length and header framings ------------------------------------

framing() ->
    each(fun(T) -> d(T, <<>>) end, types()),
    d(raw, <<"abc">>),
    d(0, <<"abc">>),
    d(1, <<0>>),
    d(1, <<0, 1, 2>>),
    d(1, <<3, 1, 2>>),
    d(1, <<3, 1, 2, 3, 4>>),
    d(1, <<255>>),
    d(2, <<0>>),
    d(2, <<0, 2, 1, 2, 3>>),
    d(2, <<1, 0, 1>>),
    d(2, <<255, 255>>),
    d(4, <<0, 0, 0>>),
    d(4, <<0, 0, 0, 2, 1, 2, 3>>),
    d(4, <<0, 0, 1, 0, 1>>),
    d(4, <<255, 255, 255, 255>>),
    d(4, <<127, 255, 255, 251>>),
    d(4, <<127, 255, 255, 252>>),
    d(4, <<128, 0, 0, 0>>),
    d(sunrm, <<128, 0, 0, 2, 1, 2, 3>>),
    d(sunrm, <<0, 0, 0, 2, 1, 2>>),
    d(sunrm, <<255, 255, 255, 255>>),
    d(sunrm, <<255, 255, 255, 251>>),
    d(sunrm, <<1, 2, 3>>),
    %% asn1: short and long tags, short and long lengths
    d(asn1, <<48>>),
    d(asn1, <<48, 3, 1, 2, 3, 4>>),
    d(asn1, <<48, 3, 1, 2>>),
    d(asn1, <<48, 0>>),
    d(asn1, <<48, 16#80>>),
    d(asn1, <<48, 16#81, 2, 1, 2, 3>>),
    d(asn1, <<48, 16#81>>),
    d(asn1, <<48, 16#82, 0, 3, 1, 2, 3>>),
    d(asn1, <<48, 16#82, 0>>),
    d(asn1, <<48, 16#83, 0, 0, 1, 7>>),
    d(asn1, <<48, 16#84, 0, 0, 0, 1, 7>>),
    d(asn1, <<48, 16#84, 255, 255, 255, 255>>),
    d(asn1, <<48, 16#84, 127, 255, 255, 249>>),
    d(asn1, <<48, 16#85, 0, 0, 0, 0, 1>>),
    d(asn1, <<48, 16#85>>),
    d(asn1, <<48, 16#ff>>),
    d(asn1, <<16#1f, 16#81, 16#82, 5, 2, 1, 2>>),
    d(asn1, <<16#1f, 16#81, 16#82>>),
    d(asn1, <<16#1f, 16#81>>),
    d(asn1, <<16#1f, 5, 1, 1>>),
    d(asn1, <<16#1f, 5, 16#81, 1, 9, 8>>),
    d(asn1, <<16#3f, 16#80, 16#80, 16#80>>),
    %% cdr: GIOP header, size in the byte order of flag bit 0
    d(cdr, <<"GIOP", 1, 2, 0, 0, 0, 0, 0, 2, 7, 8, 9>>),
    d(cdr, <<"GIOP", 1, 2, 1, 0, 2, 0, 0, 0, 7, 8, 9>>),
    d(cdr, <<"GIOP", 1, 2, 1, 0, 2, 0, 0>>),
    d(cdr, <<"GIOP", 1, 2, 0, 0, 0, 0, 1, 0, 7>>),
    d(cdr, <<"GIOQ", 1, 2, 0, 0, 0, 0, 0, 0>>),
    d(cdr, <<"GIOP", 1, 2, 3, 0, 255, 255, 255, 255>>),
    d(cdr, <<"GIO">>),
    %% fcgi: version 1, content length, padding dropped from the body
    d(fcgi, <<1, 1, 0, 1, 0, 3, 2, 0, $a, $b, $c, 0, 0, $x>>),
    d(fcgi, <<1, 1, 0, 1, 0, 3, 2, 0, $a, $b, $c, 0>>),
    d(fcgi, <<1, 1, 0, 1, 0, 0, 0, 0>>),
    d(fcgi, <<1, 1, 0, 1, 0, 0, 4, 0, 1, 2, 3, 4, 5>>),
    d(fcgi, <<2, 1, 0, 1, 0, 0, 0, 0>>),
    d(fcgi, <<1, 1, 0, 1, 255, 255, 255>>),
    d(fcgi, <<1, 1, 0, 1, 255, 255, 255, 0>>),
    %% tpkt: version 3, length counting the header
    d(tpkt, <<3, 0, 0, 7, 1, 2, 3, 4>>),
    d(tpkt, <<3, 0, 0, 4>>),
    d(tpkt, <<3, 0, 0, 3, 1>>),
    d(tpkt, <<3, 0, 0, 0>>),
    d(tpkt, <<3, 0, 0, 9, 1>>),
    d(tpkt, <<4, 0, 0, 4>>),
    d(tpkt, <<3, 0, 255, 255>>).

%% ---- packet_size and line_length -------------------------------------------

limits() ->
    Max = 1 bsl 32 - 1,
    each(fun(S) ->
                 d(1, <<3, 1, 2, 3>>, [{packet_size, S}]),
                 d(2, <<0, 3, 1, 2>>, [{packet_size, S}]),
                 d(4, <<0, 0, 0, 3, 1, 2, 3, 4>>, [{packet_size, S}]),
                 d(asn1, <<48, 3, 1, 2, 3>>, [{packet_size, S}]),
                 d(tpkt, <<3, 0, 0, 7, 1, 2, 3>>, [{packet_size, S}]),
                 d(fcgi, <<1, 1, 0, 1, 0, 2, 1, 0, 1, 2, 3>>, [{packet_size, S}]),
                 d(cdr, <<"GIOP", 1, 2, 0, 0, 0, 0, 0, 3>>, [{packet_size, S}]),
                 d(sunrm, <<0, 0, 0, 3>>, [{packet_size, S}]),
                 d(ssl_tls, <<22, 3, 1, 0, 3, 1, 2, 3>>, [{packet_size, S}]),
                 d(line, <<"abc\nd">>, [{packet_size, S}]),
                 d(line, <<"abcd">>, [{packet_size, S}]),
                 d(http, <<"GET / HTTP/1.1\r\n">>, [{packet_size, S}]),
                 d(http, <<"GET / HTT">>, [{packet_size, S}]),
                 d(httph, <<"A: b\r\n c\r\nD">>, [{packet_size, S}]),
                 d(httph, <<"A: b\r\n c\r\n">>, [{packet_size, S}])
         end, [0, 1, 2, 3, 4, 5, 8, 9, 15, 16, 17, 100, Max]),
    %% lengths near the 32-bit limits, with and without packet_size
    each(fun(O) ->
                 d(4, <<255, 255, 255, 255, 0>>, O),
                 d(4, <<255, 255, 255, 250>>, O),
                 d(4, <<127, 255, 255, 250>>, O),
                 d(4, <<127, 255, 255, 251>>, O),
                 d(4, <<127, 255, 255, 252>>, O),
                 d(tpkt, <<3, 0, 0, 2, 1, 2, 3>>, O),
                 d(tpkt, <<3, 0, 0, 0, 1, 2, 3>>, O),
                 d(ssl_tls, <<128, 2, 1, 3, 1, 9, 9, 9>>, O),
                 d(ssl_tls, <<128, 0, 1, 3, 1, 9, 9, 9>>, O),
                 d(asn1, <<48, 16#84, 255, 255, 255, 255>>, O),
                 d(cdr, <<"GIOP", 1, 2, 1, 0, 255, 255, 255, 127>>, O)
         end, [[], [{packet_size, Max}], [{packet_size, 16#7fffffff}]]),
    %% line_length truncates lines and bounds http lines without packet_size
    each(fun(L) ->
                 d(line, <<"abcdef">>, [{line_length, L}]),
                 d(line, <<"abcdef\n">>, [{line_length, L}]),
                 d(line, <<"ab\ncdef">>, [{line_length, L}]),
                 d(line, <<"abc">>, [{line_length, L}]),
                 d(line, <<"abcdef">>, [{line_length, L}, {packet_size, 5}]),
                 d(line, <<"abcdef\n">>, [{packet_size, 6}, {line_length, L}]),
                 d(http, <<"GET / HTTP/1.1\r\n">>, [{line_length, L}]),
                 d(http, <<"GET / HTTP/1.1">>, [{line_length, L}]),
                 d(httph, <<"Host: x\r\nY">>, [{line_length, L}]),
                 d(httph, <<"Host: x\r\nY">>, [{line_length, L}, {packet_size, 100}])
         end, [0, 1, 2, 3, 6, 7, 9, 10, 16, 17, 1000]).

lines() ->
    d(line, <<"\n">>),
    d(line, <<"abc\n">>),
    d(line, <<"abc\ndef\n">>),
    d(line, <<"abc">>),
    d(line, <<"abc\r\n">>),
    d(line, <<"\r">>),
    d(line, <<0, 10, 0>>),
    d(line, <<"a;b;c">>, [{line_delimiter, $;}]),
    d(line, <<"a;b;c">>, [{line_delimiter, $;}, {line_length, 1}]),
    d(line, <<"abc">>, [{line_delimiter, 255}]),
    d(line, <<"ab", 255, "c">>, [{line_delimiter, 255}]).

%% ---- every prefix of some packets ------------------------------------------

splits() ->
    Packets =
        [{1, <<5, "hello", "next">>},
         {2, <<0, 5, "hello">>},
         {4, <<0, 0, 0, 5, "hello", 1>>},
         {sunrm, <<128, 0, 0, 2, "hi">>},
         {asn1, <<16#1f, 16#81, 16#01, 16#82, 0, 3, 1, 2, 3, 4>>},
         {asn1, <<48, 4, 1, 2, 3, 4>>},
         {cdr, <<"GIOP", 1, 2, 0, 0, 0, 0, 0, 2, 7, 8, 9>>},
         {fcgi, <<1, 1, 0, 1, 0, 2, 1, 0, $a, $b, 0>>},
         {tpkt, <<3, 0, 0, 6, 1, 2>>},
         {line, <<"abc\ndef">>},
         {ssl_tls, <<23, 3, 3, 0, 3, 1, 2, 3>>},
         {ssl_tls, <<128, 6, 1, 3, 0, 1, 2, 3>>},
         {http, <<"GET /index.html HTTP/1.1\r\nHost">>},
         {http_bin, <<"HTTP/1.0 404 Not Found\r\n">>},
         {httph, <<"Content-Length: 10\r\n  more\r\n\r\n">>},
         {httph_bin, <<"X-Thing: a\r\n\tb\r\n">>},
         {httph, <<"\r\n">>}],
    each(fun({T, P}) ->
                 erlang:display({split, T, P}),
                 each(fun(I) -> d(T, binary_part(P, 0, I)) end, seq(0, byte_size(P)))
         end, Packets).

%% ---- http request and status lines ------------------------------------------

requests() ->
    Lines =
        [<<"GET / HTTP/1.1\r\n">>,
         <<"GET / HTTP/1.0\n">>,
         <<"GET /a/b?c=d HTTP/1.1\r\nrest">>,
         <<"OPTIONS * HTTP/1.1\r\n">>,
         <<"HEAD / HTTP/1.1\r\n">>, <<"POST / HTTP/1.1\r\n">>, <<"PUT / HTTP/1.1\r\n">>,
         <<"DELETE / HTTP/1.1\r\n">>, <<"TRACE / HTTP/1.1\r\n">>, <<"CONNECT h:1 HTTP/1.1\r\n">>,
         <<"PATCH / HTTP/1.1\r\n">>, <<"get / HTTP/1.1\r\n">>, <<"Get / HTTP/1.1\r\n">>,
         <<"GETX / HTTP/1.1\r\n">>, <<"GE / HTTP/1.1\r\n">>,
         <<"GET http://host/p HTTP/1.1\r\n">>,
         <<"GET http://host:8080/p?q#f HTTP/1.1\r\n">>,
         <<"GET HTTP://HOST:80 HTTP/1.1\r\n">>,
         <<"GET https://host:443/ HTTP/1.1\r\n">>,
         <<"GET hTTpS://h HTTP/1.1\r\n">>,
         <<"GET http://host:0/ HTTP/1.1\r\n">>,
         <<"GET http://host:/ HTTP/1.1\r\n">>,
         <<"GET http://host:12a/ HTTP/1.1\r\n">>,
         <<"GET http://host:99999999999/ HTTP/1.1\r\n">>,
         <<"GET http://host:4294967297/ HTTP/1.1\r\n">>,
         <<"GET http://[::1]:4000/x HTTP/1.1\r\n">>,
         <<"GET http://user:pw@host:1/x HTTP/1.1\r\n">>,
         <<"GET http:// HTTP/1.1\r\n">>,
         <<"GET http:/ HTTP/1.1\r\n">>,
         <<"GET https:// HTTP/1.1\r\n">>,
         <<"GET ftp://x/y HTTP/1.1\r\n">>,
         <<"GET mailto:a@b HTTP/1.1\r\n">>,
         <<"GET :x HTTP/1.1\r\n">>,
         <<"GET x: HTTP/1.1\r\n">>,
         <<"GET x HTTP/1.1\r\n">>,
         <<"GET xy HTTP/1.1\r\n">>,
         <<"GET ** HTTP/1.1\r\n">>,
         <<"GET \t /tab\t\tHTTP/1.1\r\n">>,
         <<"GET /", 200, 255, " HTTP/1.1\r\n">>,
         <<"GET /\r\n">>,
         <<"GET /   \r\n">>,
         <<"GET / HTTP/1.1xyz\r\n">>,
         <<"GET / HTTP/1.12 more\r\n">>,
         <<"GET / HTTP/12.34\r\n">>,
         <<"GET / HTTP/99999999999.4294967296\r\n">>,
         <<"GET / HTTP/1.\r\n">>,
         <<"GET / HTTP/.1\r\n">>,
         <<"GET / HTTP/1\r\n">>,
         <<"GET / HTTP/a.b\r\n">>,
         <<"GET / HTTP/1.1x\r\n">>,
         <<"GET / http/1.1\r\n">>,
         <<"GET / HTTPS/1.1\r\n">>,
         <<"GET / HTTP/1\r\n">>,
         <<"GET / FOO\r\n">>,
         <<"GET / HTTP/1.1 extra\r\n">>,
         <<"GET\r\n">>,
         <<"GET \r\n">>,
         <<" GET / HTTP/1.1\r\n">>,
         <<"/ HTTP/1.1\r\n">>,
         <<"G(T / HTTP/1.1\r\n">>,
         <<"GET/ HTTP/1.1\r\n">>,
         <<"G", 127, "T / HTTP/1.1\r\n">>,
         <<"G", 200, "T / HTTP/1.1\r\n">>,
         <<"\r\n">>, <<"\n">>, <<"\r\r\n">>, <<"x\n">>,
         <<"GET / HTTP/1.1\r\r\n">>,
         <<"GET / HTTP/1.1\n\r\n">>],
    each(fun(L) ->
                 d(http, L), d(http_bin, L),
                 d(httph, L), d(httph_bin, L)
         end, Lines).

responses() ->
    Lines =
        [<<"HTTP/1.1 200 OK\r\n">>,
         <<"HTTP/1.0 404 Not Found\r\n">>,
         <<"HTTP/1.1 200\r\n">>,
         <<"HTTP/1.1 200 \r\n">>,
         <<"HTTP/1.1 \r\n">>,
         <<"HTTP/1.1  \t 301\t Moved  Permanently \r\n">>,
         <<"HTTP/1.1 abc\r\n">>,
         <<"HTTP/1.1 200x\r\n">>,
         <<"HTTP/1.1 2x0 OK\r\n">>,
         <<"HTTP/1.1 99999999999 OK\r\n">>,
         <<"HTTP/1.1\r\n">>,
         <<"HTTP/1.1x 200 OK\r\n">>,
         <<"HTTP/1 200 OK\r\n">>,
         <<"HTTP/.1 200 OK\r\n">>,
         <<"HTTP/1. 200 OK\r\n">>,
         <<"HTTP/ 200 OK\r\n">>,
         <<"HTTP/\r\n">>,
         <<"HTTP\r\n">>,
         <<"HTTP 200 OK\r\n">>,
         <<"http/1.1 200 OK\r\n">>,
         <<"HTTP/2.0 200 Ok", 200, 255, "\r\n">>,
         <<"HTTP/1.1 200 OK\n">>,
         <<"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n">>],
    each(fun(L) -> d(http, L), d(http_bin, L) end, Lines).

%% ---- header lines ------------------------------------------------------------

headers() ->
    Lines =
        [<<"Host: example.com\r\n\r\n">>,
         <<"host: example.com\r\nX">>,
         <<"HOST:example.com\r\nX">>,
         <<"Host:  \t example.com \r\nX">>,
         <<"Host:\r\nX">>,
         <<"Host: a\r\n b\r\nX">>,
         <<"Host: a\r\n\tb\r\n c\r\nX">>,
         <<"Host: a\n b\nX">>,
         <<"Host: a\r\n b\r\n">>,
         <<"Host: a\r\n">>,
         <<"Host: a">>,
         <<"x\n y\nZ">>,
         <<"x:\n y\nZ">>,
         <<"A:\r\n b\r\nZ">>,
         <<"X-Custom-Header: v\r\nX">>,
         <<"x-custom-header: v\r\nX">>,
         <<"X-CUSTOM-HEADER: v\r\nX">>,
         <<"x--y-: v\r\nX">>,
         <<"-x: v\r\nX">>,
         <<"content-md5: v\r\nX">>,
         <<"CONTENT-MD5: v\r\nX">>,
         <<"Content-MD5: v\r\nX">>,
         <<"Www-authenticate: v\r\nX">>,
         <<"WWW-Authenticate: v\r\nX">>,
         <<"set-cookie2: v\r\nX">>,
         <<"x-forwarded-for: 1.2.3.4\r\nX">>,
         <<"Etag: \"x\"\r\nX">>,
         <<"ETag: \"x\"\r\nX">>,
         <<"Host : x\r\nX">>,
         <<"Ho st: x\r\nX">>,
         <<"NoColon\r\nX">>,
         <<"NoColon">>,
         <<": empty\r\nX">>,
         <<":\r\nX">>,
         <<"a(b: x\r\nX">>,
         <<"a", 127, "b: x\r\nX">>,
         <<"a", 200, "b: x\r\nX">>,
         <<"key: value: more\r\nX">>,
         <<"key: ", 0, 255, "\r\nX">>,
         <<"\r\n">>, <<"\n">>, <<"\r\nX">>, <<"\r\r\n">>,
         <<(binary:copy(<<"a">>, 49))/binary, "X: v\r\nX">>,
         <<(binary:copy(<<"a">>, 50))/binary, ": v\r\nX">>,
         <<(binary:copy(<<"a">>, 51))/binary, ": v\r\nX">>,
         <<(binary:copy(<<"aB-">>, 40))/binary, ": v\r\nX">>,
         <<(binary:copy(<<"v">>, 300))/binary, ": ", (binary:copy(<<"w">>, 300))/binary, "\r\nX">>,
         <<"HTTP/1.1 200 OK\r\nX">>,
         <<"GET / HTTP/1.1\r\nX">>],
    each(fun(L) -> d(httph, L), d(httph_bin, L) end, Lines),
    %% a header line is only whole once the next line shows it does not go on
    d(http, <<"Host: a\r\n">>),
    d(httph, <<"Host: a\r\n b">>),
    d(httph, <<"Host: a\r\n b\r\n">>),
    d(httph, <<"Host: a\r\n b\r\n\r\n">>).

%% Every known header, written three ways.
known_headers() ->
    Names =
        ["Cache-Control", "Connection", "Date", "Pragma", "Transfer-Encoding", "Upgrade", "Via",
         "Accept", "Accept-Charset", "Accept-Encoding", "Accept-Language", "Authorization",
         "From", "Host", "If-Modified-Since", "If-Match", "If-None-Match", "If-Range",
         "If-Unmodified-Since", "Max-Forwards", "Proxy-Authorization", "Range", "Referer",
         "User-Agent", "Age", "Location", "Proxy-Authenticate", "Public", "Retry-After",
         "Server", "Vary", "Warning", "Www-Authenticate", "Allow", "Content-Base",
         "Content-Encoding", "Content-Language", "Content-Length", "Content-Location",
         "Content-Md5", "Content-Range", "Content-Type", "Etag", "Expires", "Last-Modified",
         "Accept-Ranges", "Set-Cookie", "Set-Cookie2", "X-Forwarded-For", "Cookie",
         "Keep-Alive", "Proxy-Connection",
         %% near misses
         "Keep-Alive2", "Cookies", "Content", "Dat", "X-Forwarded", "Transfer-Encodings",
         "Proxy", "Referrer", "Content-Disposition", "Origin", "Sec-Websocket-Key"],
    each(fun(N) ->
                 each(fun(S) ->
                              B = list_to_binary([S, ": v\r\nX"]),
                              d(httph, B), d(httph_bin, B)
                      end, [N, lower(N), upper(N)])
         end, Names).

lower([C | Cs]) when C >= $A, C =< $Z -> [C + 32 | lower(Cs)];
lower([C | Cs]) -> [C | lower(Cs)];
lower([]) -> [].

upper([C | Cs]) when C >= $a, C =< $z -> [C - 32 | upper(Cs)];
upper([C | Cs]) -> [C | upper(Cs)];
upper([]) -> [].

%% ---- ssl_tls -------------------------------------------------------------------

tls() ->
    d(ssl_tls, <<22, 3, 1, 0, 2, 1, 2, 3>>),
    d(ssl_tls, <<23, 3, 3, 0, 0>>),
    d(ssl_tls, <<23, 3, 3, 0, 5, 1, 2>>),
    d(ssl_tls, <<23, 3, 3, 0>>),
    d(ssl_tls, <<255, 255, 255, 255, 255>>),
    d(ssl_tls, <<128, 5, 1, 3, 1, 9, 9, 9>>),
    d(ssl_tls, <<128, 3, 1, 3, 1, 9, 9, 9>>),
    d(ssl_tls, <<128, 2, 1, 3, 1>>),
    d(ssl_tls, <<128, 20, 1, 3, 1, 9, 9, 9>>),
    d(ssl_tls, <<128, 5, 2, 3, 1, 9, 9, 9>>),
    d(ssl_tls, <<127, 5, 1, 3, 1, 9, 9, 9>>).

%% ---- bitstrings and sub-binaries ---------------------------------------------

bitstrings() ->
    d(raw, <<1:3>>),
    d(raw, <<1, 2, 1:3>>),
    d(1, <<1, 1:3>>),
    d(1, <<1, 7, 1:3>>),
    d(1, <<1, 7, 8, 5:4>>),
    d(line, <<"ab\ncd", 1:1>>),
    d(http, <<"GET / HTTP/1.1\r\n", 3:2>>),
    <<_:3, Odd/bits>> = ?ID(<<0, 2, 3, 4, 5, 6, 7, 8:5>>),
    d(raw, Odd),
    d(1, Odd),
    d(2, Odd),
    <<_:5, Odd2/bits>> = ?ID(<<0:5, "GET /x HTTP/1.0\r\nHost: y\r\n">>),
    d(http, Odd2),
    d(http_bin, Odd2),
    <<_:2, Sub:12/binary, _:6>> = ?ID(<<"xxHost: yy\r\nX">>),
    d(httph_bin, Sub),
    Big = binary:copy(<<"0123456789">>, 20),
    d(2, <<0, 150, Big/binary>>),
    d(line, <<Big/binary, "\n", Big/binary>>),
    d(httph_bin, <<"X-Big: ", Big/binary, "\r\nZ">>),
    {ok, _, Rest} = erlang:decode_packet(1, ?ID(<<3, 1, 2, 3, 2, 4, 5, 0>>), []),
    d(1, Rest).

%% ---- fuzz -------------------------------------------------------------------------

%% A 31-bit LCG (the same numbers on every runtime).
next(S) -> (S * 1103515245 + 12345) band 16#7fffffff.

rand_bytes(0, S, Acc) -> {list_to_binary(Acc), S};
rand_bytes(N, S, Acc) ->
    S1 = next(S),
    rand_bytes(N - 1, S1, [(S1 bsr 16) band 255 | Acc]).

%% Bytes drawn mostly from a small alphabet, so that the framings and the
%% http grammar are often almost satisfied.
pick_bytes(0, _, S, Acc) -> {list_to_binary(Acc), S};
pick_bytes(N, Alpha, S, Acc) ->
    S1 = next(S),
    I = (S1 bsr 8) rem tuple_size(Alpha),
    pick_bytes(N - 1, Alpha, S1, [element(I + 1, Alpha) | Acc]).

mutate(B, S) ->
    S1 = next(S),
    case byte_size(B) of
        0 -> {B, S1};
        Size ->
            At = (S1 bsr 8) rem Size,
            S2 = next(S1),
            V = (S2 bsr 16) band 255,
            <<Pre:At/binary, _, Post/binary>> = B,
            case (S2 bsr 8) band 3 of
                0 -> {<<Pre/binary, V, Post/binary>>, S2};
                1 -> {<<Pre/binary, Post/binary>>, S2};
                2 -> {<<Pre/binary, V, V, Post/binary>>, S2};
                _ -> {<<Pre/binary>>, S2}
            end
    end.

seeds() ->
    [<<0, 0, 0, 3, 1, 2, 3>>, <<3, 0, 0, 6, 1, 2>>, <<48, 16#82, 0, 2, 1, 2>>,
     <<"GIOP", 1, 2, 1, 0, 2, 0, 0, 0, 7, 8>>, <<1, 1, 0, 1, 0, 2, 1, 0, $a, $b, 0>>,
     <<22, 3, 1, 0, 2, 1, 2>>, <<128, 6, 1, 3, 0, 1, 2, 3>>,
     <<"GET http://h:80/p HTTP/1.1\r\nHost: a\r\n b\r\n\r\n">>,
     <<"HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\n">>,
     <<"content-type: text/plain\r\n\r\n">>, <<"ab\ncd\n">>].

options(S) ->
    S1 = next(S),
    O = case (S1 bsr 8) rem 6 of
            0 -> [];
            1 -> [{packet_size, (S1 bsr 12) rem 40}];
            2 -> [{line_length, (S1 bsr 12) rem 40}];
            3 -> [{packet_size, (S1 bsr 12) rem 40}, {line_length, (S1 bsr 18) rem 40}];
            4 -> [{packet_size, 16#ffffffff}];
            _ -> []
        end,
    {O, S1}.

fuzz() ->
    Alpha = list_to_tuple("GET /HTP1.0\r\n :-aHost" ++ [0, 3, 22, 48, 128, 255, 16#1f, 16#82, $\t]),
    Types = list_to_tuple(types()),
    S = fuzz_random(400, Types, Alpha, 20261207),
    S1 = fuzz_mutate(seeds(), Types, S),
    fuzz_mutate(http_seeds(), {http, httph, http_bin, httph_bin}, S1).

fuzz_random(0, _, _, S) -> S;
fuzz_random(N, Types, Alpha, S) ->
    S1 = next(S),
    T = element((S1 bsr 8) rem tuple_size(Types) + 1, Types),
    Len = (S1 bsr 16) rem 24,
    {B, S2} = case S1 band 1 of
                  0 -> rand_bytes(Len, S1, []);
                  1 -> pick_bytes(Len, Alpha, S1, [])
              end,
    {O, S3} = options(S2),
    erlang:display({T, B, O, dp(T, B, O)}),
    fuzz_random(N - 1, Types, Alpha, S3).

http_seeds() ->
    [<<"GET http://h:80/p HTTP/1.1\r\n">>, <<"POST /x?y HTTP/1.0\r\n">>,
     <<"PUT https://a:1 HTTP/1.1\r\n">>, <<"GET ftp:x HTTP/1.1\r\n">>,
     <<"HTTP/1.1 200 OK\r\n">>, <<"HTTP/1.0 404 Not Found\r\n">>,
     <<"Content-Length: 3\r\nX">>, <<"x-forwarded-for: a\r\n b\r\nX">>,
     <<"Host:x\r\n\r\n">>, <<"\r\n">>].

fuzz_mutate([], _, S) -> S;
fuzz_mutate([Seed | Seeds], Types, S) ->
    S1 = mutate_rounds(40, Seed, Types, S),
    fuzz_mutate(Seeds, Types, S1).

mutate_rounds(0, _, _, S) -> S;
mutate_rounds(N, B, Types, S) ->
    {B1, S1} = mutate(B, S),
    S2 = next(S1),
    T = element((S2 bsr 8) rem tuple_size(Types) + 1, Types),
    {O, S3} = options(S2),
    erlang:display({T, B1, O, dp(T, B1, O)}),
    %% keep mutating the mutant half of the time, so damage accumulates
    mutate_rounds(N - 1, case S3 band 1 of 0 -> B1; 1 -> B end, Types, S3).
