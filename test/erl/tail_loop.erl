%% Tail recursion runs in constant stack: a 10,000,000-iteration loop, loops with
%% several accumulators, tail-recursive loops through funs (a named fun and one that calls itself as a fun value), and mutual tail calls.
-module(tail_loop).
-export([main/0, ext_loop/2]).
-include("test.hrl").

main() ->
    erlang:display(loop(?ID(10000000), 0)),
    erlang:display(loop3(?ID(3000000), 0, 1, 0)),
    erlang:display(?MODULE:ext_loop(?ID(2000000), 0)),
    F = fun Lp(0, A) -> A; Lp(N, A) -> Lp(N - 1, A bxor N) end,
    erlang:display(F(?ID(2000000), 0)),
    G = fun(_Self, 0, A) -> A; (Self, N, A) -> Self(Self, N - 1, A + 1) end,
    erlang:display(G(G, ?ID(3000000), 0)),
    erlang:display(ping(?ID(2000000))),
    erlang:display(collatz_max(?ID(30000), 1, 0)).

loop(0, Acc) -> Acc;
loop(N, Acc) -> loop(N - 1, Acc + 1).

loop3(0, A, B, C) -> {A, B, C};
loop3(N, A, B, C) -> loop3(N - 1, A + N, (B * 3) rem 1000003, C bxor N).

ext_loop(0, Acc) -> Acc;
ext_loop(N, Acc) -> ?MODULE:ext_loop(N - 1, Acc + (N band 3)).

ping(0) -> ping_done;
ping(N) -> pong(N - 1).
pong(0) -> pong_done;
pong(N) -> ping(N - 1).

collatz_max(Lim, N, Best) when N > Lim -> Best;
collatz_max(Lim, N, {_, BestLen} = Best) ->
    L = collatz(N, 1),
    collatz_max(Lim, N + 1, if L > BestLen -> {N, L}; true -> Best end);
collatz_max(Lim, N, 0) -> collatz_max(Lim, N, {1, 1}).

collatz(1, Len) -> Len;
collatz(N, Len) when N rem 2 =:= 0 -> collatz(N div 2, Len + 1);
collatz(N, Len) -> collatz(3 * N + 1, Len + 1).
