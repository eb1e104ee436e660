%% system_flag(multi_scheduling, _): each block of a process must be undone
%% by that process; the state and the blockers follow; block_normal is
%% reported apart; a blocker that ends releases its blocks; work goes on
%% while blocked; bad values are badarg.
-module(multi_scheduling).
-export([main/0]).

main() ->
    S = self(),
    erlang:display({start, erlang:system_info(multi_scheduling)}),
    erlang:display({block, erlang:system_flag(multi_scheduling, block)}),
    erlang:display({block_again, erlang:system_flag(multi_scheduling, block)}),
    erlang:display({blockers, erlang:system_info(multi_scheduling_blockers) =:= [S]}),
    erlang:display({normal_blockers, erlang:system_info(normal_multi_scheduling_blockers)}),
    erlang:display({work_blocked, work(6)}),
    erlang:display({unblock, erlang:system_flag(multi_scheduling, unblock)}),
    erlang:display({still, erlang:system_info(multi_scheduling)}),
    erlang:display({unblock_again, erlang:system_flag(multi_scheduling, unblock)}),
    erlang:display({unblock_extra, erlang:system_flag(multi_scheduling, unblock)}),
    erlang:display({block_normal, erlang:system_flag(multi_scheduling, block_normal)}),
    erlang:display({normal_state, erlang:system_info(multi_scheduling)}),
    erlang:display({normal_list, erlang:system_info(normal_multi_scheduling_blockers) =:= [S]}),
    erlang:display({unblock_normal, erlang:system_flag(multi_scheduling, unblock_normal)}),
    Me = self(),
    P = spawn(fun() -> Me ! {blocked, erlang:system_flag(multi_scheduling, block)}, receive never -> ok end end),
    receive {blocked, B} -> erlang:display({other_blocks, B}) end,
    erlang:display({other_state, erlang:system_info(multi_scheduling)}),
    erlang:display({not_mine, erlang:system_flag(multi_scheduling, unblock)}),
    Ref = monitor(process, P),
    exit(P, kill),
    receive {'DOWN', Ref, process, P, _} -> ok end,
    erlang:display({after_exit, erlang:system_info(multi_scheduling)}),
    erlang:display({work_enabled, work(6)}),
    erlang:display({bad, element(1, element(2, catch erlang:system_flag(multi_scheduling, sideways)))}).

work(K) ->
    start(K, self()),
    collect(K, 0).

start(0, _) -> ok;
start(K, Owner) -> spawn(fun() -> Owner ! {n, count(100000)} end), start(K - 1, Owner).

collect(0, Sum) -> Sum;
collect(K, Sum) -> receive {n, N} -> collect(K - 1, Sum + N) end.

count(0) -> 0;
count(N) -> 1 + count(N - 1).
