%% ember-mode: otp
%% The edges of a TCP connection: half-closed sockets (shutdown write while
%% the peer still sends, shutdown read), a peer that resets mid-request
%% (SO_LINGER 0) seen in passive and active mode with and without
%% show_econnreset, sends to a reset peer, recv timeouts that leave the
%% connection usable, refused connections on IPv4 and IPv6, and an echo over
%% ::1.
-module(tcp_edge).
-export([main/0]).

-include("test.hrl").
-include("tcp_pair.hrl").

pair(Family, Loop, LOpts, COpts) -> tcp_pair(Family, Loop, [binary | LOpts], [binary | COpts]).

pair() -> pair(inet, {127, 0, 0, 1}, [], []).
pair(LOpts, COpts) -> pair(inet, {127, 0, 0, 1}, LOpts, COpts).

main() ->
    half_closed(),
    shutdown_read(),
    reset_passive(false),
    reset_passive(true),
    reset_active(false),
    reset_active(true),
    send_to_reset(),
    recv_timeouts(),
    refused(),
    ipv6(),
    ok.

half_closed() ->
    {A, C} = pair([{exit_on_close, false}], []),
    ok = gen_tcp:send(C, <<"request">>),
    ?T(gen_tcp:shutdown(C, write)),
    ?T(gen_tcp:recv(A, 0, 2000)),
    ?T(gen_tcp:recv(A, 0, 2000)),
    %% the server still answers on its half
    [ok = gen_tcp:send(A, [<<"part ">>, integer_to_list(I), <<"\n">>]) || I <- lists:seq(1, 100)],
    ok = gen_tcp:close(A),
    ?T(read_all(C, <<>>)),
    ?T(gen_tcp:recv(C, 0, 100)),
    ?T(gen_tcp:send(C, <<"too late">>)),
    gen_tcp:close(C).

read_all(S, Acc) ->
    case gen_tcp:recv(S, 0, 2000) of
        {ok, B} -> read_all(S, <<Acc/binary, B/binary>>);
        {error, closed} -> {byte_size(Acc), binary:part(Acc, byte_size(Acc) - 10, 10)};
        Other -> {Other, byte_size(Acc)}
    end.

shutdown_read() ->
    {A, C} = pair(),
    ?T(gen_tcp:shutdown(A, read)),
    ?T(gen_tcp:send(A, <<"still writing">>)),
    ?T(gen_tcp:recv(C, 0, 2000)),
    ?T(gen_tcp:shutdown(A, read_write)),
    ?T(gen_tcp:recv(C, 0, 2000)),
    gen_tcp:close(A), gen_tcp:close(C).

%% The client sends half a request and resets the connection.
reset(LOpts) ->
    {A, C} = pair(LOpts, []),
    ok = gen_tcp:send(C, <<"GET /half">>),
    ok = inet:setopts(C, [{linger, {true, 0}}]),
    ok = gen_tcp:close(C),
    timer:sleep(50),
    A.

reset_passive(Show) ->
    A = reset([{show_econnreset, Show}]),
    ?T(gen_tcp:recv(A, 0, 2000)),
    ?T(gen_tcp:recv(A, 0, 2000)),
    ?T(gen_tcp:recv(A, 0, 100)),
    gen_tcp:close(A).

reset_active(Show) ->
    A = reset([{show_econnreset, Show}]),
    ok = inet:setopts(A, [{active, true}]),
    [receive
         {tcp, A, D} -> ?T({tcp, D});
         {tcp_error, A, E} -> ?T({tcp_error, E});
         {tcp_closed, A} -> ?T(tcp_closed)
     after 500 -> ?T(nothing)
     end || _ <- [1, 2, 3]],
    gen_tcp:close(A).

send_to_reset() ->
    {A, C} = pair(),
    ok = inet:setopts(C, [{linger, {true, 0}}]),
    ok = gen_tcp:close(C),
    timer:sleep(50),
    R = [gen_tcp:send(A, binary:copy(<<"z">>, 1000)) || _ <- lists:seq(1, 5)],
    ?T(lists:last(R)),
    ?T(gen_tcp:recv(A, 0, 100)),
    gen_tcp:close(A).

recv_timeouts() ->
    {A, C} = pair(),
    ?T(gen_tcp:recv(A, 0, 0)),
    ?T(gen_tcp:recv(A, 5, 30)),
    ok = gen_tcp:send(C, <<"abc">>),
    ?T(gen_tcp:recv(A, 5, 100)), % too few bytes: the three stay buffered
    ok = gen_tcp:send(C, <<"de">>),
    ?T(gen_tcp:recv(A, 5, 2000)),
    ?T(gen_tcp:recv(A, 0, 0)),
    ok = gen_tcp:send(C, <<"fgh">>),
    timer:sleep(50),
    ?T(gen_tcp:recv(A, 0, 0)),
    gen_tcp:close(A), gen_tcp:close(C).

refused() ->
    [begin
         {ok, L} = gen_tcp:listen(0, [Family]),
         {ok, P} = inet:port(L),
         gen_tcp:close(L),
         ?T({Family, gen_tcp:connect(Loop, P, [Family], 2000)})
     end || {Family, Loop} <- [{inet, {127, 0, 0, 1}}, {inet6, {0, 0, 0, 0, 0, 0, 0, 1}}, {inet, "localhost"}]].

ipv6() ->
    {A, C} = pair(inet6, {0, 0, 0, 0, 0, 0, 0, 1}, [{packet, 4}], [{packet, 4}]),
    ?T(element(1, inet:peername(A))),
    {ok, {Addr, _}} = inet:peername(A),
    ?T(Addr),
    [ok = gen_tcp:send(C, binary:copy(<<I>>, I * 100)) || I <- lists:seq(1, 20)],
    ?T([byte_size(element(2, gen_tcp:recv(A, 0, 2000))) || _ <- lists:seq(1, 20)]),
    ok = gen_tcp:shutdown(C, write),
    ?T(gen_tcp:recv(A, 0, 2000)),
    gen_tcp:close(A), gen_tcp:close(C).
