%% ember-mode: otp
%% gen_udp on IPv4 and IPv6 loopback: open, send, recv in passive mode with
%% and without timeouts, active true/once/N with {udp, ...} and
%% {udp_passive, S}, list and binary modes; and gen_tcp over IPv6 loopback.
-module(udp_basic).
-export([main/0]).

-include("test.hrl").

main() ->
    udp(inet, {127, 0, 0, 1}),
    udp(inet6, {0, 0, 0, 0, 0, 0, 0, 1}),
    tcp6(),
    ok.

udp(Family, Loop) ->
    {ok, A} = gen_udp:open(0, [Family, binary, {active, false}, {ip, Loop}]),
    {ok, B} = gen_udp:open(0, [Family, {active, false}, {ip, Loop}]),
    {ok, PA} = inet:port(A),
    {ok, PB} = inet:port(B),
    ?T(gen_udp:send(B, Loop, PA, "hello")),
    ?T(strip(gen_udp:recv(A, 0, 2000), PB)),
    ?T(gen_udp:send(A, Loop, PB, <<"binary to list">>)),
    ?T(strip(gen_udp:recv(B, 0, 2000), PA)),
    ?T(gen_udp:recv(A, 0, 20)),
    ?T(gen_udp:send(B, {Loop, PA}, ["io", [$l], <<"ist">>])),
    ?T(strip(gen_udp:recv(A, 4, 2000), PB)),
    ok = inet:setopts(A, [{active, true}]),
    ok = gen_udp:send(B, Loop, PA, "active"),
    ?T(active_msg(A, PB)),
    ok = inet:setopts(A, [{active, once}]),
    ok = gen_udp:send(B, Loop, PA, "once"),
    ?T(active_msg(A, PB)),
    ?T(inet:getopts(A, [active])),
    ok = inet:setopts(A, [{active, 2}]),
    ok = gen_udp:send(B, Loop, PA, "n1"),
    ?T(active_msg(A, PB)),
    ok = gen_udp:send(B, Loop, PA, "n2"),
    ?T(active_msg(A, PB)),
    ?T(active_msg(A, PB)),
    ?T(inet:getopts(A, [active])),
    ?T(element(1, inet:sockname(A)) =:= ok),
    ?T(gen_udp:close(A)),
    ?T(gen_udp:send(A, Loop, PB, "closed")),
    ?T(gen_udp:close(B)).

strip({ok, {_Ip, P, D}}, P) -> {ok, from_peer, D};
strip(Other, _) -> Other.

active_msg(S, P) ->
    receive
        {udp, S, _Ip, P, D} -> {udp, D};
        {udp_passive, S} -> udp_passive
    after 2000 -> timeout
    end.

tcp6() ->
    {ok, L} = gen_tcp:listen(0, [inet6, {active, false}, binary, {ip, {0, 0, 0, 0, 0, 0, 0, 1}}]),
    {ok, P} = inet:port(L),
    {ok, C} = gen_tcp:connect({0, 0, 0, 0, 0, 0, 0, 1}, P, [inet6, {active, false}, binary]),
    {ok, A} = gen_tcp:accept(L),
    ok = gen_tcp:send(C, "over ipv6"),
    ?T(gen_tcp:recv(A, 0, 2000)),
    ?T(element(1, element(2, inet:peername(A)))),
    ?T(element(1, element(2, inet:sockname(C)))),
    ?T(gen_tcp:connect({127, 0, 0, 1}, P, [inet6])),
    gen_tcp:close(C), gen_tcp:close(A), gen_tcp:close(L).
