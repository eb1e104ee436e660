%% ember-mode: otp
%% UDP round trips on IPv4 and IPv6 loopback: an echo process answers
%% datagrams of many sizes (empty up to the largest an IPv4 datagram holds),
%% in passive and active once modes; datagrams keep their boundaries and
%% their order on loopback; one too large for UDP is refused with emsgsize.
-module(udp_echo).
-export([main/0]).

-include("test.hrl").

main() ->
    [round_trips(F, L) || {F, L} <- [{inet, {127, 0, 0, 1}}, {inet6, {0, 0, 0, 0, 0, 0, 0, 1}}]],
    too_large(),
    ok.

sizes() -> [0, 1, 2, 100, 1472, 1473, 8192, 9000, 32768, 65000, 65507].

round_trips(Family, Loop) ->
    {ok, E} = gen_udp:open(0, [Family, binary, {active, false}, {ip, Loop}, {recbuf, 1 bsl 20}]),
    {ok, EPort} = inet:port(E),
    Self = self(),
    Echo = spawn_link(fun() -> echo(E, Self) end),
    ok = gen_udp:controlling_process(E, Echo),
    Echo ! go,
    {ok, C} = gen_udp:open(0, [Family, binary, {active, false}, {ip, Loop}, {recbuf, 1 bsl 20}]),
    %% passive: one at a time
    Passive = [begin
                   D = payload(N),
                   ok = gen_udp:send(C, Loop, EPort, D),
                   case gen_udp:recv(C, 0, 2000) of
                       {ok, {Loop, EPort, D}} -> {N, same};
                       {ok, {_, _, Other}} -> {N, byte_size(Other)};
                       Error -> {N, Error}
                   end
               end || N <- sizes()],
    ?T({Family, Passive}),
    %% a burst of small datagrams, read back with active once
    [ok = gen_udp:send(C, {Loop, EPort}, <<I:16, (payload(I))/binary>>) || I <- lists:seq(1, 200)],
    Got = active_once(C, 200, []),
    ?T({Family, length(Got), Got =:= [<<I:16, (payload(I))/binary>> || I <- lists:seq(1, 200)]}),
    ?T(gen_udp:recv(C, 0, 50)),
    Echo ! stop,
    ?T(receive {echoed, Echo, Count} -> Count after 2000 -> timeout end),
    gen_udp:close(C).

payload(N) -> binary:part(binary:copy(<<"0123456789abcdef">>, N div 16 + 1), 0, N).

active_once(_, 0, Acc) -> lists:reverse(Acc);
active_once(C, N, Acc) ->
    ok = inet:setopts(C, [{active, once}]),
    receive
        {udp, C, _, _, D} -> active_once(C, N - 1, [D | Acc])
    after 2000 -> lists:reverse([timeout | Acc])
    end.

echo(S, Parent) ->
    receive go -> ok end,
    echo_loop(S, Parent, 0).

echo_loop(S, Parent, N) ->
    receive stop -> Parent ! {echoed, self(), N}, gen_udp:close(S)
    after 0 ->
        case gen_udp:recv(S, 0, 50) of
            {ok, {Ip, Port, D}} -> ok = gen_udp:send(S, Ip, Port, D), echo_loop(S, Parent, N + 1);
            {error, timeout} -> echo_loop(S, Parent, N)
        end
    end.

too_large() ->
    {ok, S} = gen_udp:open(0, [binary, {ip, {127, 0, 0, 1}}]),
    {ok, P} = inet:port(S),
    ?T(gen_udp:send(S, {127, 0, 0, 1}, P, binary:copy(<<"x">>, 65508))),
    ?T(gen_udp:send(S, {127, 0, 0, 1}, P, binary:copy(<<"x">>, 70000))),
    ?T(gen_udp:send(S, {127, 0, 0, 1}, P, <<"fine">>)),
    ?T(receive {udp, S, _, P, D} -> D after 2000 -> timeout end),
    gen_udp:close(S).
