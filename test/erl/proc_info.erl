-module(proc_info).
-export([main/0]).
-include("test.hrl").

main() ->
    Self = self(),
    P = spawn(fun() -> put(k, v), Self ! ready, receive after infinity -> ok end end),
    receive ready -> ok end,
    sync(P),
    P ! hello, P ! {world, 1},
    ?T(process_info(P, message_queue_len)),
    ?T(process_info(P, messages)),
    ?T(process_info(P, status)),
    ?T(process_info(P, dictionary)),
    ?T(process_info(P, trap_exit)),
    ?T(process_info(P, priority)),
    ?T(process_info(P, registered_name)),
    ?T(process_info(P, initial_call)),
    ?T(process_info(P, links)),
    ?T(process_info(P, [trap_exit, priority, message_queue_len])),
    ?T(process_info(P, [])),
    {heap_size, H} = process_info(P, heap_size),
    erlang:display(is_integer(H) andalso H > 0),
    {memory, Mem} = process_info(P, memory),
    erlang:display(is_integer(Mem) andalso Mem > 0),
    {reductions, Red} = process_info(P, reductions),
    erlang:display(is_integer(Red)),
    Keys = [K || {K, _} <- process_info(P)],
    erlang:display(Keys),
    ?T(process_info(P, bogus)),
    ?T(process_info(P, [status, bogus])),
    ?T(process_info(not_a_pid, status)),
    ?T(process_info(P, "status")),
    exit(P, kill),
    wait_dead(P),
    ?T(process_info(P, status)),
    ?T(process_info(P)),
    ?T(process_info(self(), status)),
    ?T(process_info(self(), trap_exit)),
    ?T(process_flag(trap_exit, true)),
    ?T(process_info(self(), trap_exit)),
    ?T(process_flag(trap_exit, false)),
    ?T(process_flag(trap_exit, maybe)),
    ?T(process_flag(bogus, 1)),
    ?T(process_flag(priority, high)),
    ?T(process_flag(priority, normal)),
    ?T(process_flag(priority, bogus)),
    ?T(garbage_collect()),
    ?T(erlang:garbage_collect(self())),
    ?T(erlang:garbage_collect(P)),
    ?T(erlang:garbage_collect(not_a_pid)),
    ?T(is_process_alive(P)),
    erlang:display(is_list(processes())),
    erlang:display(lists:member(self(), processes())),
    ?T(erlang:system_info(process_limit)),
    ?T(is_integer(erlang:system_info(process_count))),
    ?T(erlang:system_info(schedulers) >= 1),
    ?T(erlang:system_info(schedulers_online) >= 1),
    {R1, _} = erlang:statistics(reductions),
    erlang:display(is_integer(R1)),
    erlang:display(is_integer(erlang:statistics(run_queue))),
    {W1, _} = erlang:statistics(wall_clock),
    {C1, _} = erlang:statistics(runtime),
    erlang:display(is_integer(W1) andalso is_integer(C1)),
    ?T(erlang:statistics(bogus)),
    ?T(erlang:yield()),
    ?T(group_leader() =:= group_leader()),
    ok.

sync(P) ->
    case process_info(P, status) of
        {status, waiting} -> ok;
        _ -> receive after 1 -> sync(P) end
    end.

wait_dead(P) ->
    case is_process_alive(P) of
        true -> receive after 1 -> wait_dead(P) end;
        false -> ok
    end.
