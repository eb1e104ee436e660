%% Benchmark: lists:sort/1 (stdlib) of N pseudo-random integers, then a fold over
%% the result. Measures the library sort's merge passes and list allocation.
%% run(N) returns a positional hash of the sorted list as checksum.
-module(lists_sort).
-export([run/1]).

run(N) ->
    L = random_list(N, 42, []),
    hash(lists:sort(L), 1, 0).

random_list(0, _, Acc) -> Acc;
random_list(K, Seed, Acc) ->
    S = Seed * 16807 rem 2147483647,
    random_list(K - 1, S, [S | Acc]).

hash([], _, Acc) -> Acc;
hash([X | T], I, Acc) -> hash(T, I + 1, (Acc * 31 + X * I) band 16#FFFFFFF).
