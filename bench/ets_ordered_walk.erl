%% Benchmark: walking an ordered_set of N objects key by key with ets:next/2,
%% forward and back with ets:prev/2. run(N) returns the sum of the keys.
-module(ets_ordered_walk).
-export([run/1]).

run(N) ->
    T = ets:new(t, [ordered_set]),
    fill(T, N),
    F = forward(T, ets:first(T), 0),
    B = back(T, ets:last(T), 0),
    ets:delete(T),
    {F, B}.

forward(_, '$end_of_table', Acc) -> Acc;
forward(T, K, Acc) -> forward(T, ets:next(T, K), Acc + K).

back(_, '$end_of_table', Acc) -> Acc;
back(T, K, Acc) -> back(T, ets:prev(T, K), Acc + K).

fill(_, 0) -> ok;
fill(T, K) -> ets:insert(T, {K * 3, x}), fill(T, K - 1).
