%% Benchmark: maps. Inserts N pseudo-random integer keys into one map, then
%% looks every key up twice, by map pattern and by maps:get/2. Measures the
%% hash-array-mapped trie that large maps use and the GC of a large live term.
%% run(N) returns {map size, sum of matched values, sum of maps:get values}.
-module(maps_1m).
-export([run/1]).

run(N) ->
    Keys = keys(N, 7, []),
    M = insert(Keys, 1, #{}),
    {map_size(M), match(Keys, M, 0), get(Keys, M, 0)}.

keys(0, _, Acc) -> Acc;
keys(K, Seed, Acc) ->
    S = Seed * 16807 rem 2147483647,
    keys(K - 1, S, [S | Acc]).

insert([], _, M) -> M;
insert([K | T], I, M) -> insert(T, I + 1, M#{K => I}).

match([], _, Acc) -> Acc;
match([K | T], M, Acc) ->
    #{K := V} = M,
    match(T, M, (Acc + V * 3) band 16#FFFFFFFFFFF).

get([], _, Acc) -> Acc;
get([K | T], M, Acc) -> get(T, M, (Acc + maps:get(K, M)) band 16#FFFFFFFFFFF).
