%% Sorting algorithms written locally (quicksort, merge sort, insertion sort,
%% selection sort, a stable key sort) checked against each other on
%% pseudo-random data from a linear congruential generator.
-module(sort_algos).
-export([main/0]).
-include("test.hrl").

main() ->
    Small = [5, 3, 9, 1, 5, 8, 2, 7, 0, -4, 3],
    erlang:display(qsort(?ID(Small))), erlang:display(msort(?ID(Small))),
    erlang:display(isort(?ID(Small))), erlang:display(ssort(?ID(Small))),
    erlang:display(qsort(?ID([]))), erlang:display(msort(?ID([x]))),
    erlang:display(msort(?ID([b, "a", 1, {c}, 2.0, [], a]))),
    Rand = lcg(?ID(20000), 12345, []),
    Q = qsort(Rand), M = msort(Rand),
    erlang:display({Q =:= M, length(Q), hd(Q), last(Q), sorted(Q)}),
    erlang:display(isort(lcg(?ID(500), 7, [])) =:= msort(lcg(500, 7, []))),
    Pairs = [{X rem 10, I} || {X, I} <- zip(lcg(?ID(50), 99, []), seq(1, 50))],
    erlang:display(keysort(Pairs)),
    erlang:display(msort(?ID(["pear", "apple", "fig", "banana", "kiwi", "apple"]))),
    erlang:display(qsort([X * 1.5 || X <- ?ID([3, -1, 2, 0])])).

qsort([]) -> [];
qsort([P | T]) -> qsort([X || X <- T, X < P]) ++ [P] ++ qsort([X || X <- T, X >= P]).

msort([]) -> [];
msort([X]) -> [X];
msort(L) -> {A, B} = halve(L, length(L) div 2, []), merge(msort(A), msort(B)).

halve(L, 0, Acc) -> {lists:reverse(Acc, []), L};
halve([H | T], N, Acc) -> halve(T, N - 1, [H | Acc]).

merge([], B) -> B;
merge(A, []) -> A;
merge([X | A], [Y | _] = B) when X =< Y -> [X | merge(A, B)];
merge(A, [Y | B]) -> [Y | merge(A, B)].

isort(L) -> isort(L, []).
isort([], Acc) -> Acc;
isort([H | T], Acc) -> isort(T, insert(H, Acc)).
insert(X, [Y | T]) when X > Y -> [Y | insert(X, T)];
insert(X, L) -> [X | L].

ssort([]) -> [];
ssort(L) -> M = min_of(L), [M | ssort(L -- [M])].
min_of([H | T]) -> min_of(T, H).
min_of([], M) -> M;
min_of([H | T], M) when H < M -> min_of(T, H);
min_of([_ | T], M) -> min_of(T, M).

%% Stable merge sort on the first tuple element only.
keysort([]) -> [];
keysort([X]) -> [X];
keysort(L) -> {A, B} = halve(L, length(L) div 2, []), kmerge(keysort(A), keysort(B)).
kmerge([], B) -> B;
kmerge(A, []) -> A;
kmerge([X | A], [Y | _] = B) when element(1, X) =< element(1, Y) -> [X | kmerge(A, B)];
kmerge(A, [Y | B]) -> [Y | kmerge(A, B)].

lcg(0, _, Acc) -> Acc;
lcg(N, S, Acc) -> S1 = (S * 75 + 74) rem 65537, lcg(N - 1, S1, [S1 rem 10000 | Acc]).

sorted([A, B | T]) when A =< B -> sorted([B | T]);
sorted([_, _ | _]) -> false;
sorted(_) -> true.

last([X]) -> X;
last([_ | T]) -> last(T).

zip([A | As], [B | Bs]) -> [{A, B} | zip(As, Bs)];
zip(_, _) -> [].

seq(A, B) when A > B -> [];
seq(A, B) -> [A | seq(A + 1, B)].
