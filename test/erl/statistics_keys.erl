%% erlang:statistics/1 for every key of OTP 25: the shape of each answer
%% (lists of one element per scheduler plus the dirty queues, tuples of
%% counters) and how the counters move: garbage collections after
%% garbage_collect/0, context switches after a yield, port output after a
%% write, scheduler wall time after busy work. Numbers themselves differ
%% between runtimes and are not printed.
-module(statistics_keys).
-export([main/0]).

main() ->
    S = erlang:system_info(schedulers),
    D = erlang:system_info(dirty_io_schedulers),
    show(run_queue_lengths, len(erlang:statistics(run_queue_lengths)) =:= S + 1),
    show(run_queue_lengths_all, len(erlang:statistics(run_queue_lengths_all)) =:= S + 2),
    show(active_tasks, len(erlang:statistics(active_tasks)) =:= S + 1),
    show(active_tasks_all, len(erlang:statistics(active_tasks_all)) =:= S + 2),
    show(active_tasks_counts_me, sum(erlang:statistics(active_tasks)) >= 1),
    show(total_active_tasks, is_count(erlang:statistics(total_active_tasks))),
    show(total_active_tasks_all, is_count(erlang:statistics(total_active_tasks_all))),
    show(total_run_queue_lengths, is_count(erlang:statistics(total_run_queue_lengths))),
    show(total_run_queue_lengths_all, is_count(erlang:statistics(total_run_queue_lengths_all))),
    show(run_queue, is_count(erlang:statistics(run_queue))),
    {Gc0, W0, 0} = erlang:statistics(garbage_collection),
    garbage(1000),
    erlang:garbage_collect(),
    {Gc1, W1, 0} = erlang:statistics(garbage_collection),
    show(garbage_collection, Gc1 > Gc0 andalso W1 >= W0),
    {Cs0, 0} = erlang:statistics(context_switches),
    erlang:yield(),
    self() ! ping, receive ping -> ok end,
    {Cs1, 0} = erlang:statistics(context_switches),
    show(context_switches, Cs1 >= Cs0),
    {{input, In0}, {output, Out0}} = erlang:statistics(io),
    Port = open_port({spawn, "cat"}, [binary]),
    Port ! {self(), {command, <<"twelve bytes">>}},
    receive {Port, {data, _}} -> ok end,
    port_close(Port),
    {{input, In1}, {output, Out1}} = erlang:statistics(io),
    show(io, In1 >= In0 + 12 andalso Out1 >= Out0 + 12),
    show(wall_time_off, erlang:statistics(scheduler_wall_time) =:= undefined),
    show(wall_time_on, erlang:system_flag(scheduler_wall_time, true)),
    show(wall_time_on_again, erlang:system_flag(scheduler_wall_time, true)),
    spin(2000000),
    Wall = erlang:statistics(scheduler_wall_time),
    WallAll = erlang:statistics(scheduler_wall_time_all),
    show(wall_time_entries, len(Wall) >= S andalso len(WallAll) =:= len(Wall) + D),
    show(wall_time_sane, sane(Wall)),
    show(wall_time_busy, busy(Wall) > 0),
    show(wall_time_ids, ids(WallAll, 1, len(WallAll))),
    %% on while more requests were for it than against it
    show(wall_time_off_once, erlang:system_flag(scheduler_wall_time, false)),
    show(wall_time_still_on, is_list(erlang:statistics(scheduler_wall_time))),
    show(wall_time_off_twice, erlang:system_flag(scheduler_wall_time, false)),
    show(wall_time_gone, erlang:statistics(scheduler_wall_time)),
    show(wall_time_off_thrice, erlang:system_flag(scheduler_wall_time, false)),
    show(wall_time_bad, catch erlang:system_flag(scheduler_wall_time, maybe)),
    show(microstate_is_list, is_list(erlang:statistics(microstate_accounting))),
    show(microstate_off, erlang:system_flag(microstate_accounting, false)),
    show(bad_key, catch erlang:statistics(no_such_key)),
    show(runtime, is_pair(erlang:statistics(runtime))),
    show(wall_clock, is_pair(erlang:statistics(wall_clock))),
    show(reductions, is_pair(erlang:statistics(reductions))),
    show(exact_reductions, is_pair(erlang:statistics(exact_reductions))).

show(What, Result) -> erlang:display({What, Result}).

len(L) -> length(L).
sum([]) -> 0;
sum([H | T]) -> H + sum(T).
is_count(N) -> is_integer(N) andalso N >= 0.
is_pair({A, B}) -> is_count(A) andalso is_count(B);
is_pair(_) -> false.

sane([]) -> true;
sane([{Id, Busy, Total} | T]) ->
    is_integer(Id) andalso is_count(Busy) andalso is_count(Total) andalso Busy =< Total andalso sane(T).
busy([]) -> 0;
busy([{_, B, _} | T]) -> B + busy(T).
%% every id from 1 to N appears once
ids(_, I, N) when I > N -> true;
ids(L, I, N) -> has(L, I) andalso ids(L, I + 1, N).
has([], _) -> false;
has([{I, _, _} | _], I) -> true;
has([_ | T], I) -> has(T, I).

garbage(0) -> ok;
garbage(N) -> _ = erlang:make_tuple(50, N), garbage(N - 1).
spin(0) -> ok;
spin(N) -> spin(N - 1).
