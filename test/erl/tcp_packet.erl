%% ember-mode: otp
%% {packet, 1 | 2 | 4 | line} on gen_tcp sockets: headers added on send and
%% taken off on receive, packets split across and joined within TCP
%% segments, packet_size limits, line_delimiter, and active delivery.
-module(tcp_packet).
-export([main/0]).

-include("test.hrl").
-include("tcp_pair.hrl").

pair(Opts) -> tcp_pair(inet, {127, 0, 0, 1}, [binary | Opts], [binary]).

main() ->
    [headers(N) || N <- [1, 2, 4]],
    split_and_joined(),
    too_large(),
    lines(),
    active_packets(),
    sending(),
    ok.

headers(N) ->
    {A, C} = pair([{packet, N}]),
    ok = gen_tcp:send(C, [<<5:N/unit:8>>, "hello", <<0:N/unit:8>>, <<3:N/unit:8>>, "abc"]),
    ?T(gen_tcp:recv(A, 0, 2000)),
    ?T(gen_tcp:recv(A, 0, 2000)),
    ?T(gen_tcp:recv(A, 0, 2000)),
    ?T(gen_tcp:recv(A, 0, 50)),
    gen_tcp:close(A), gen_tcp:close(C).

split_and_joined() ->
    {A, C} = pair([{packet, 2}]),
    Big = binary:copy(<<"xyz">>, 10000),
    ok = gen_tcp:send(C, <<(byte_size(Big)):16>>),
    timer:sleep(20),
    ok = gen_tcp:send(C, binary:part(Big, 0, 1000)),
    timer:sleep(20),
    ok = gen_tcp:send(C, binary:part(Big, 1000, byte_size(Big) - 1000)),
    {ok, Got} = gen_tcp:recv(A, 0, 2000),
    ?T(Got =:= Big),
    gen_tcp:close(A), gen_tcp:close(C).

too_large() ->
    {A, C} = pair([{packet, 2}, {packet_size, 10}]),
    ok = gen_tcp:send(C, [<<4:16>>, "okay"]),
    ?T(gen_tcp:recv(A, 0, 2000)),
    ok = gen_tcp:send(C, [<<11:16>>, "elevenbytes"]),
    ?T(gen_tcp:recv(A, 0, 2000)),
    gen_tcp:close(A), gen_tcp:close(C).

lines() ->
    {A, C} = pair([{packet, line}]),
    ok = gen_tcp:send(C, "first line\nsecond"),
    ?T(gen_tcp:recv(A, 0, 2000)),
    ?T(gen_tcp:recv(A, 0, 50)),
    ok = gen_tcp:send(C, " half\n\nlast\n"),
    ?T(gen_tcp:recv(A, 0, 2000)),
    ?T(gen_tcp:recv(A, 0, 2000)),
    ?T(gen_tcp:recv(A, 0, 2000)),
    ?T(inet:setopts(A, [{line_delimiter, $;}, list])),
    ok = gen_tcp:send(C, "a;bc;"),
    ?T(gen_tcp:recv(A, 0, 2000)),
    ?T(gen_tcp:recv(A, 0, 2000)),
    gen_tcp:close(A), gen_tcp:close(C).

active_packets() ->
    {A, C} = pair([{packet, 4}]),
    ok = inet:setopts(A, [{active, true}]),
    ok = gen_tcp:send(C, [[<<(length(W)):32>>, W] || W <- ["one", "two", "", "three"]]),
    [receive {tcp, A, D} -> ?T(D) after 2000 -> ?T(timeout) end || _ <- [1, 2, 3, 4]],
    ok = inet:setopts(A, [{packet, line}]),
    ok = gen_tcp:send(C, "x\ny\n"),
    [receive {tcp, A, D} -> ?T(D) after 2000 -> ?T(timeout) end || _ <- [1, 2]],
    gen_tcp:close(C),
    ?T(receive {tcp_closed, A} -> closed after 2000 -> timeout end),
    gen_tcp:close(A).

sending() ->
    [begin
         {A, C} = pair([]),
         ok = inet:setopts(A, [{packet, N}]),
         ok = gen_tcp:send(A, "payload"),
         ok = gen_tcp:send(A, <<>>),
         ?T({N, gen_tcp:recv(C, 7 + 2 * hdr(N), 2000)}),
         gen_tcp:close(A), gen_tcp:close(C)
     end || N <- [1, 2, 4, line, raw]],
    {A, C} = pair([{packet, 1}]),
    ?T(gen_tcp:send(A, binary:copy(<<"z">>, 300))),
    ?T(gen_tcp:send(A, "fits")),
    ?T(gen_tcp:recv(C, 0, 2000)),
    gen_tcp:close(A), gen_tcp:close(C).

hdr(line) -> 0;
hdr(raw) -> 0;
hdr(N) -> N.
