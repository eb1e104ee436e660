%% Benchmark: fannkuch-redux. Walks all permutations of 1..N in the Benchmarks
%% Game order, counting prefix reversals ("flips") until 1 is in front. Integer,
%% small-list and tuple work with no floats and no bignums. run(N) returns
%% {Checksum, MaxFlips} as the Benchmarks Game defines them (N=7 gives {228,16}).
-module(fannkuch).
-export([run/1]).

run(N) -> outer(seq(1, N), erlang:make_tuple(N, 0), N, N, 0, 0, 0).

outer(Perm, Count, R, N, Index, Sum, Max) ->
    Count1 = reset(Count, R),
    F = flips(Perm, 0),
    Sum1 = case Index band 1 of 0 -> Sum + F; 1 -> Sum - F end,
    case next(Perm, Count1, 1, N) of
        done -> {Sum1, max(Max, F)};
        {Perm1, Count2, R1} -> outer(Perm1, Count2, R1, N, Index + 1, Sum1, max(Max, F))
    end.

%% Counters of positions 2..R restart at their own position.
reset(Count, 1) -> Count;
reset(Count, R) -> reset(setelement(R, Count, R), R - 1).

%% Rotate the first R+1 elements left by one, until a counter has not run out.
next(_, _, N, N) -> done;
next(Perm, Count, R, N) ->
    Perm1 = rotate(Perm, R + 1),
    C = element(R + 1, Count) - 1,
    Count1 = setelement(R + 1, Count, C),
    if C > 0 -> {Perm1, Count1, R};
       true -> next(Perm1, Count1, R + 1, N)
    end.

flips([1 | _], F) -> F;
flips([K | _] = P, F) ->
    {RevFront, Back} = split(K, P, []),
    flips(RevFront ++ Back, F + 1).

rotate([H | T], K) ->
    {RevFront, Back} = split(K - 1, T, []),
    lists:reverse(RevFront, [H | Back]).

split(0, L, Acc) -> {Acc, L};
split(K, [H | T], Acc) -> split(K - 1, T, [H | Acc]).

seq(A, B) when A > B -> [];
seq(A, B) -> [A | seq(A + 1, B)].
