%% Benchmark: ets:update_counter on one public table from 2 processes on one
%% shared counter and from 100 processes on a counter each, N updates in all
%% for each case. run(N) returns the final counter values.
-module(ets_counters).
-export([run/1]).

run(N) ->
    T = ets:new(t, [set, public, {write_concurrency, true}]),
    ets:insert(T, {shared, 0}),
    [ets:insert(T, {I, 0}) || I <- seq(1, 100)],
    together(2, N div 2, fun(_) -> shared end, T),
    together(100, N div 100, fun(I) -> I end, T),
    Own = sum([element(2, hd(ets:lookup(T, I))) || I <- seq(1, 100)]),
    R = {ets:lookup(T, shared), Own},
    ets:delete(T),
    R.

together(P, Each, KeyOf, T) ->
    Self = self(),
    Pids = [spawn_link(fun() -> bump(T, KeyOf(I), Each), Self ! {done, self()} end) || I <- seq(1, P)],
    [receive {done, Pid} -> ok end || Pid <- Pids],
    ok.

bump(_, _, 0) -> ok;
bump(T, K, I) -> ets:update_counter(T, K, 1), bump(T, K, I - 1).

seq(I, N) when I > N -> [];
seq(I, N) -> [I | seq(I + 1, N)].

sum([]) -> 0;
sum([X | Xs]) -> X + sum(Xs).
