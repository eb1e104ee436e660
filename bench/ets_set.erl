%% Benchmark: ETS. Inserts N pseudo-random keys into a set table, looks every
%% one up, updates a counter per key with ets:update_counter/3, and folds the
%% table size. run(N) returns {table size, sum of looked-up values} as checksum.
-module(ets_set).
-export([run/1]).

run(N) ->
    T = ets:new(bench, [set, private]),
    Keys = keys(N, 3, []),
    insert(T, Keys, 1),
    bump(T, Keys),
    Sum = lookup(T, Keys, 0),
    Size = ets:info(T, size),
    ets:delete(T),
    {Size, Sum}.

keys(0, _, Acc) -> Acc;
keys(K, Seed, Acc) ->
    S = Seed * 16807 rem 2147483647,
    keys(K - 1, S, [S | Acc]).

insert(_, [], _) -> ok;
insert(T, [K | Ks], I) -> ets:insert(T, {K, I}), insert(T, Ks, I + 1).

bump(_, []) -> ok;
bump(T, [K | Ks]) -> ets:update_counter(T, K, 5), bump(T, Ks).

lookup(_, [], Acc) -> Acc;
lookup(T, [K | Ks], Acc) ->
    [{K, V}] = ets:lookup(T, K),
    lookup(T, Ks, (Acc + V) band 16#FFFFFFFFFFF).
