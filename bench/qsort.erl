%% Benchmark: list quicksort (two list comprehensions per level) of a
%% pseudo-random list of 20,000 integers, repeated. run(N) sorts N fresh lists;
%% the checksum is a positional hash of every sorted list.
-module(qsort).
-export([run/1]).

run(N) -> loop(N, 1, 0).

loop(0, _, Acc) -> Acc;
loop(N, Seed, Acc) ->
    {L, Seed1} = random_list(20000, Seed, []),
    loop(N - 1, Seed1, (Acc + hash(qsort(L), 1, 0)) band 16#FFFFFFF).

qsort([]) -> [];
qsort([P | T]) -> qsort([X || X <- T, X < P]) ++ [P | qsort([X || X <- T, X >= P])].

random_list(0, Seed, Acc) -> {Acc, Seed};
random_list(K, Seed, Acc) ->
    S = Seed * 16807 rem 2147483647,
    random_list(K - 1, S, [S bsr 8 | Acc]).

hash([], _, Acc) -> Acc;
hash([X | T], I, Acc) -> hash(T, I + 1, (Acc * 31 + X * I) band 16#FFFFFFF).
