%% Benchmark: a ring of 10,000 processes passing one token around N times.
%% Measures message send, receive and context switches with many live
%% processes. run(N) returns the number of hops the token made as checksum.
-module(ring).
-export([run/1]).

-define(SIZE, 10000).

run(Rounds) ->
    First = build(?SIZE, self()),
    Hops = rounds(Rounds, First, 0),
    First ! stop,
    receive stop -> Hops end.

%% Each new process forwards to the one created before it, so the chain built
%% last-to-first ends at the parent.
build(0, Next) -> Next;
build(K, Next) -> build(K - 1, spawn(fun() -> node_loop(Next) end)).

node_loop(Next) ->
    receive
        {token, H} -> Next ! {token, H + 1}, node_loop(Next);
        stop -> Next ! stop
    end.

rounds(0, _, Hops) -> Hops;
rounds(R, First, Hops) ->
    First ! {token, Hops},
    receive {token, H} -> rounds(R - 1, First, H) end.
