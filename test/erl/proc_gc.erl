-module(proc_gc).
-export([main/0]).
-include("test.hrl").

%% Generational collection keeps data intact across many minor collections and
%% full sweeps; max_heap_size kills with reason killed; fullsweep_after and the
%% garbage_collection items read back as set.

main() ->
    survivors(),
    sweeps(),
    max_heap(),
    flags(),
    ok.

%% Long-lived data (promoted) plus short-lived garbage, checked after each round.
survivors() ->
    Keep = build(20000),
    R = churn(Keep, 200, 0),
    erlang:display({survivors, R, sum(Keep)}),
    erlang:display(erlang:garbage_collect()),
    erlang:display({after_gc, sum(Keep)}),
    %% old-generation data reachable only from a message and the dictionary
    put(kept, lists:reverse(Keep, [])),
    self() ! {msg, Keep},
    _ = churn(Keep, 50, 0),
    receive {msg, M} -> erlang:display({msg, sum(M)}) end,
    erlang:display({dict, sum(get(kept))}).

churn(_Keep, 0, Acc) -> Acc;
churn(Keep, N, Acc) ->
    _ = build(500),
    churn(Keep, N - 1, Acc + length(Keep) rem 7).

build(N) -> build(N, []).
build(0, L) -> L;
build(N, L) -> build(N - 1, [{N, [N]} | L]).

sum(L) -> sum(L, 0).
sum([], S) -> S;
sum([{N, [N]} | T], S) -> sum(T, S + N).

%% fullsweep_after 0 (every collection sweeps) and a small value both keep data.
sweeps() ->
    Run = fun(Opts) ->
              {P, Ref} = spawn_opt(fun() -> exit({done, sum(churn_keep(build(3000), 100))}) end,
                                   [monitor | Opts]),
              receive {'DOWN', Ref, process, P, R} -> R end
          end,
    erlang:display(Run([{fullsweep_after, 0}])),
    erlang:display(Run([{fullsweep_after, 2}])),
    erlang:display(Run([{min_heap_size, 10000}])),
    erlang:display(Run([])).

churn_keep(Keep, 0) -> Keep;
churn_keep(Keep, N) ->
    _ = build(300),
    churn_keep(Keep, N - 1).

grow(L) -> grow([length(L) | L]).

max_heap() ->
    Opts = fun(M) -> [monitor, {max_heap_size, M}] end,
    {P1, R1} = spawn_opt(fun() -> grow([]) end, Opts(#{size => 2000, error_logger => false})),
    erlang:display(receive {'DOWN', R1, process, P1, W1} -> W1 after 10000 -> timeout end),
    %% the limit counts every generation: a process keeping a long list dies too
    {P2, R2} = spawn_opt(fun() -> churn_keep(build(5000), 1000) end,
                         Opts(#{size => 5000, error_logger => false})),
    erlang:display(receive {'DOWN', R2, process, P2, W2} -> W2 after 10000 -> timeout end),
    %% kill => false: the process goes on and ends normally
    {P3, R3} = spawn_opt(fun() -> _ = churn_keep(build(5000), 20), done end,
                         Opts(#{size => 1000, kill => false, error_logger => false})),
    erlang:display(receive {'DOWN', R3, process, P3, W3} -> W3 after 10000 -> timeout end),
    %% under the limit nothing happens
    {P4, R4} = spawn_opt(fun() -> _ = churn_keep(build(100), 50), done end,
                         Opts(#{size => 100000, error_logger => false})),
    erlang:display(receive {'DOWN', R4, process, P4, W4} -> W4 after 10000 -> timeout end),
    %% a trapping process is killed all the same
    {P5, R5} = spawn_opt(fun() -> process_flag(trap_exit, true), grow([]) end,
                         Opts(#{size => 3000, error_logger => false})),
    erlang:display(receive {'DOWN', R5, process, P5, W5} -> W5 after 10000 -> timeout end),
    %% set by the process itself
    {P6, R6} = spawn_monitor(fun() ->
                                 process_flag(max_heap_size, #{size => 2000, error_logger => false}),
                                 grow([])
                             end),
    erlang:display(receive {'DOWN', R6, process, P6, W6} -> W6 after 10000 -> timeout end).

flags() ->
    ?T(process_flag(max_heap_size, 1000)),
    ?T(process_info(self(), max_heap_size)),
    ?T(process_flag(max_heap_size, #{size => 0})),
    ?T(process_flag(max_heap_size, #{size => 300, kill => false, other => 1})),
    ?T(process_flag(max_heap_size, #{size => 500, error_logger => false})),
    ?T(process_flag(max_heap_size, 0)),
    ?T(process_flag(max_heap_size, 100)),
    ?T(process_flag(max_heap_size, -1)),
    ?T(process_flag(max_heap_size, a)),
    ?T(process_flag(max_heap_size, #{})),
    ?T(process_flag(max_heap_size, #{kill => true})),
    ?T(process_flag(max_heap_size, #{size => 400, kill => 1})),
    ?T(process_flag(max_heap_size, #{size => 400, error_logger => x})),
    ?T(process_flag(max_heap_size, 1 bsl 62)),
    ?T(process_flag(fullsweep_after, 10)),
    ?T(process_flag(fullsweep_after, 65535)),
    ?T(process_flag(fullsweep_after, -1)),
    ?T(spawn_opt(fun() -> ok end, [{max_heap_size, 10}])),
    ?T(spawn_opt(fun() -> ok end, [{max_heap_size, #{kill => true}}])),
    ?T(spawn_opt(fun() -> ok end, [{max_heap_size, 500}, {min_heap_size, 1000}])),
    Wait = fun() -> receive stop -> ok end end,
    {P, Ref} = spawn_opt(Wait, [monitor, {max_heap_size, #{size => 5000, kill => false}}, {fullsweep_after, 7},
                                {min_heap_size, 300}]),
    erlang:display(process_info(P, [max_heap_size, fullsweep_after, min_heap_size])),
    {garbage_collection, GC} = process_info(P, garbage_collection),
    erlang:display([K || {K, _} <- GC]),
    erlang:display(lists:keyfind(max_heap_size, 1, GC)),
    erlang:display(lists:keyfind(fullsweep_after, 1, GC)),
    P ! stop,
    receive {'DOWN', Ref, process, P, normal} -> ok end,
    MinHeap = fun(N) ->
                  {Q, QRef} = spawn_opt(Wait, [monitor, {min_heap_size, N}]),
                  {min_heap_size, M} = process_info(Q, min_heap_size),
                  Q ! stop,
                  receive {'DOWN', QRef, process, Q, normal} -> M end
              end,
    erlang:display([MinHeap(N) || N <- [0, 233, 234, 377, 611, 1000, 5000, 100000, 1000000, 5000000]]),
    Old = process_flag(min_heap_size, 1000),
    erlang:display({Old, process_info(self(), min_heap_size), process_flag(min_heap_size, Old)}),
    {garbage_collection, Mine} = process_info(self(), garbage_collection),
    erlang:display([K || {K, _} <- Mine]).
