%% Benchmark: binary-trees (Computer Language Benchmarks Game shape), single
%% process. Allocates and walks many short-lived and one long-lived complete binary
%% tree; measures allocation and the garbage collector. run(MaxDepth) returns the
%% list of node counts of every phase as checksum.
-module(binary_trees).
-export([run/1]).

-define(MIN_DEPTH, 4).

run(Max0) ->
    Max = max(?MIN_DEPTH + 2, Max0),
    Stretch = check(make(Max + 1)),
    LongLived = make(Max),
    Phases = phases(?MIN_DEPTH, Max),
    [Stretch, check(LongLived) | Phases].

phases(D, Max) when D > Max -> [];
phases(D, Max) ->
    Iterations = 1 bsl (Max - D + ?MIN_DEPTH),
    [{Iterations, D, sum(Iterations, D, 0)} | phases(D + 2, Max)].

sum(0, _, Acc) -> Acc;
sum(I, D, Acc) -> sum(I - 1, D, Acc + check(make(D))).

make(0) -> {nil, nil};
make(D) -> {make(D - 1), make(D - 1)}.

check({nil, nil}) -> 1;
check({L, R}) -> 1 + check(L) + check(R).
