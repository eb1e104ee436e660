%% ember-mode: otp
%% {packet, asn1 | sunrm | cdr | fcgi | tpkt} on gen_tcp sockets: frames
%% split by their own headers on receive (two in one segment, one across
%% segments), what send puts in front (nothing), fcgi padding, packet_size,
%% a frame the type cannot start, and active delivery.
-module(tcp_packet_types).
-export([main/0]).

-include("test.hrl").
-include("tcp_pair.hrl").

pair(Opts) -> tcp_pair(inet, {127, 0, 0, 1}, [binary | Opts], [binary]).

%% Two whole frames of each type, the second one long enough to split.
frames(asn1) -> [<<16#30, 3, 1, 2, 3>>, <<4, 16#81, 200, (binary:copy(<<"a">>, 200))/binary>>];
frames(sunrm) -> [<<16#80000005:32, "hello">>, <<1:1, 300:31, (binary:copy(<<"s">>, 300))/binary>>];
frames(cdr) -> [<<"GIOP", 1, 0, 0, 0, 5:32, "hello">>, <<"GIOP", 1, 0, 1, 1, 300:32/little, (binary:copy(<<"c">>, 300))/binary>>];
frames(fcgi) -> [<<1, 1, 0, 1, 0, 5, 3, 0, "hello", 0, 0, 0>>, <<1, 5, 0, 1, 300:16, 0, 0, (binary:copy(<<"f">>, 300))/binary>>];
frames(tpkt) -> [<<3, 0, 9:16, "hello">>, <<3, 0, 304:16, (binary:copy(<<"t">>, 300))/binary>>].

%% A frame the type rejects at its first bytes.
bad(asn1) -> <<16#1F, 16#FF, 16#FF, 16#FF, 16#FF, 16#FF, 16#7F, 0, 0>>;
bad(sunrm) -> <<16#FFFFFFFF:32, 0:32>>;
bad(cdr) -> <<"JUNK", 1, 0, 0, 0, 5:32, "hello">>;
bad(fcgi) -> <<2, 1, 0, 1, 0, 5, 0, 0, "hello">>;
bad(tpkt) -> <<4, 0, 9:16, "hello">>.

types() -> [asn1, sunrm, cdr, fcgi, tpkt].

main() ->
    [passive(T) || T <- types()],
    [sending(T) || T <- types()],
    [limit(T) || T <- types()],
    [invalid(T) || T <- types()],
    [active(T) || T <- types()],
    [getopt(T) || T <- types()],
    ok.

show(T, R) -> erlang:display({T, R}).

passive(T) ->
    {A, C} = pair([{packet, T}]),
    [F1, F2] = frames(T),
    {Head, Tail} = split_binary(F2, 7),
    ok = gen_tcp:send(C, [F1, Head]),
    show(T, gen_tcp:recv(A, 0, 2000)),
    show(T, gen_tcp:recv(A, 0, 50)),
    timer:sleep(20),
    ok = gen_tcp:send(C, Tail),
    {ok, Got} = gen_tcp:recv(A, 0, 2000),
    show(T, {byte_size(Got), binary:part(Got, 0, 8)}),
    show(T, gen_tcp:recv(A, 5, 50)),
    gen_tcp:close(A), gen_tcp:close(C).

sending(T) ->
    {A, C} = pair([{packet, T}]),
    [F1, _] = frames(T),
    ok = gen_tcp:send(A, F1),
    ok = gen_tcp:send(A, "xyz"),
    show(T, gen_tcp:recv(C, byte_size(F1) + 3, 2000)),
    gen_tcp:close(A), gen_tcp:close(C).

limit(T) ->
    {A, C} = pair([{packet, T}, {packet_size, 100}]),
    [F1, F2] = frames(T),
    ok = gen_tcp:send(C, F1),
    show(T, gen_tcp:recv(A, 0, 2000)),
    ok = gen_tcp:send(C, F2),
    show(T, gen_tcp:recv(A, 0, 2000)),
    show(T, gen_tcp:recv(A, 0, 50)),
    gen_tcp:close(A), gen_tcp:close(C).

invalid(T) ->
    {A, C} = pair([{packet, T}]),
    ok = gen_tcp:send(C, bad(T)),
    show(T, gen_tcp:recv(A, 0, 2000)),
    show(T, gen_tcp:recv(A, 0, 50)),
    gen_tcp:close(A), gen_tcp:close(C).

active(T) ->
    {A, C} = pair([{packet, T}]),
    [F1, F2] = frames(T),
    ok = inet:setopts(A, [{active, 2}]),
    {Head, Tail} = split_binary(F2, 3),
    ok = gen_tcp:send(C, [F1, F1, Head]),
    timer:sleep(20),
    ok = gen_tcp:send(C, Tail),
    show(T, collect(A, [])),
    show(T, gen_tcp:recv(A, 0, 2000) =:= {ok, F2}),
    gen_tcp:close(A), gen_tcp:close(C).

collect(S, Acc) ->
    receive
        {tcp, S, D} -> collect(S, [D | Acc]);
        {tcp_passive, S} -> lists:reverse(Acc, [passive])
    after 500 -> lists:reverse(Acc, [timeout])
    end.

getopt(T) ->
    {ok, L} = gen_tcp:listen(0, [{packet, T}]),
    show(T, inet:getopts(L, [packet])),
    show(T, inet:setopts(L, [{packet, raw}, {packet, T}])),
    show(T, inet:getopts(L, [packet])),
    gen_tcp:close(L).
