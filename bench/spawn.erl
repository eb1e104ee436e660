%% Benchmark: process creation. Spawns N short-lived processes in batches of
%% 1,000; each sends its number to the parent and exits, and the parent collects
%% the whole batch before starting the next. run(N) returns the sum of the
%% received numbers as checksum.
-module(spawn).
-export([run/1]).

-define(BATCH, 1000).

run(N) -> batches(N, 0, 0).

batches(Left, _, Acc) when Left =< 0 -> Acc;
batches(Left, Base, Acc) ->
    B = min(?BATCH, Left),
    Parent = self(),
    start(B, Base, Parent),
    batches(Left - B, Base + B, collect(B, Acc)).

start(0, _, _) -> ok;
start(K, Base, Parent) ->
    I = Base + K,
    spawn(fun() -> Parent ! {done, I} end),
    start(K - 1, Base, Parent).

collect(0, Acc) -> Acc;
collect(K, Acc) ->
    receive {done, I} -> collect(K - 1, Acc + I) end.
