%% Benchmark: ETS lookups. N/4 objects in a set, then N lookups of keys that
%% are there and N/4 of keys that are not. run(N) returns the sum of the
%% values found.
-module(ets_lookup).
-export([run/1]).

run(N) ->
    T = ets:new(t, [set]),
    M = N div 4,
    fill(T, M),
    Sum = hits(T, N, M, 0),
    Miss = misses(T, M, M),
    ets:delete(T),
    {Sum, Miss}.

hits(_, 0, _, Acc) -> Acc;
hits(T, I, M, Acc) ->
    [{_, {value, V}}] = ets:lookup(T, I rem M + 1),
    hits(T, I - 1, M, Acc + V).

misses(_, 0, _) -> 0;
misses(T, I, M) ->
    [] = ets:lookup(T, M + I),
    misses(T, I - 1, M).

fill(_, 0) -> ok;
fill(T, K) -> ets:insert(T, {K, {value, K}}), fill(T, K - 1).
