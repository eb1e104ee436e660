%% Benchmark: ETS inserts. N objects with pseudo-random integer keys into a
%% set and into an ordered_set. run(N) returns both table sizes.
-module(ets_insert).
-export([run/1]).

run(N) ->
    S = ets:new(s, [set, public]),
    O = ets:new(o, [ordered_set, public]),
    fill(S, O, N, 7),
    R = {ets:info(S, size), ets:info(O, size)},
    ets:delete(S),
    ets:delete(O),
    R.

fill(_, _, 0, _) -> ok;
fill(S, O, K, Seed) ->
    X = Seed * 16807 rem 2147483647,
    ets:insert(S, {X, K}),
    ets:insert(O, {X, K}),
    fill(S, O, K - 1, X).
