%% erlang:port_call/2,3 on ports whose driver takes no calls: programs
%% (spawn, spawn_executable), fd ports and the inet drivers; bad operations
%% and data, closed and unknown ports, and arguments that are not ports.
%% Each error is shown with the frame it raises from (never a port id).
-module(port_call).
-export([main/0]).
%% ember-otp-libs: stdlib

main() ->
    P = open_port({spawn, "cat"}, []),
    E = open_port({spawn_executable, "/bin/cat"}, []),
    F = open_port({fd, 0, 1}, [out]),
    on_port(spawn, P),
    on_port(spawn_executable, E),
    on_port(fd, F),
    on_port(tcp_inet, open_port({spawn_driver, "tcp_inet"}, [binary])),
    on_port(udp_inet, open_port({spawn_driver, "udp_inet"}, [binary])),
    [t(not_a_port, fun() -> erlang:port_call(X, 0, data) end) || X <- [self(), foo, 1, "port", make_ref()]],
    t(not_a_port_2, fun() -> erlang:port_call(self(), data) end),
    t(unknown, fun() -> erlang:port_call(list_to_port("#Port<0.99999>"), 0, data) end),
    [port_close(X) || X <- [P, E, F]],
    on_port(closed, P),
    ok.

on_port(Kind, Port) ->
    [t({Kind, Op}, fun() -> erlang:port_call(Port, Op, data) end)
     || Op <- [0, 1, 255, 4294967295, -1, 4294967296, 1 bsl 70, foo, 1.0]],
    t({Kind, 2}, fun() -> erlang:port_call(Port, data) end),
    t({Kind, fun_data}, fun() -> erlang:port_call(Port, 0, fun() -> ok end) end),
    t({Kind, big_data}, fun() -> erlang:port_call(Port, 0, lists:seq(1, 10000)) end).

t(What, F) ->
    erlang:display({What, try F() of V -> {ok, V}
                          catch C:R:S -> {C, R, frame(S)}
                          end}).

frame([{M, Fn, Args, Info} | _]) -> {M, Fn, length(Args), Info}.
