%% Benchmark: ets:select with a match specification (a guard on two fields,
%% a constructed result) over a set of N objects, then select_count over the
%% same table. run(N) returns the number of results and the count.
-module(ets_select).
-export([run/1]).

run(N) ->
    T = ets:new(t, [set]),
    fill(T, N),
    Spec = [{{'$1', '$2', '_'}, [{'<', '$2', 3}, {'>', '$1', 10}], [{{'$2', '$1'}}]}],
    R = len(ets:select(T, Spec), 0),
    C = ets:select_count(T, [{{'_', '$1', '_'}, [{'==', '$1', 0}], [true]}]),
    ets:delete(T),
    {R, C}.

fill(_, 0) -> ok;
fill(T, K) -> ets:insert(T, {K, K rem 7, [K]}), fill(T, K - 1).

len([], N) -> N;
len([_ | T], N) -> len(T, N + 1).
