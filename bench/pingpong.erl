%% Benchmark: ping-pong. Two processes exchange N round trips of a small
%% message. Measures send/receive latency between a pair of processes. run(N)
%% returns the last counter received as checksum.
-module(pingpong).
-export([run/1]).

run(N) ->
    Pong = spawn(fun pong/0),
    Last = ping(N, Pong, 0),
    Pong ! stop,
    Last.

ping(0, _, Last) -> Last;
ping(K, Pong, _) ->
    Pong ! {ping, self(), K},
    receive {pong, V} -> ping(K - 1, Pong, V) end.

pong() ->
    receive
        {ping, From, K} -> From ! {pong, K * 2 + 1}, pong();
        stop -> ok
    end.
