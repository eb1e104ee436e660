%% erlang:monitor(time_offset, clock_service): a reference, listed among the
%% process's monitors until demonitor; with no time warp no CHANGE message
%% comes. Other objects for time_offset are badarg.
-module(monitor_time_offset).
-export([main/0]).

main() ->
    R = erlang:monitor(time_offset, clock_service),
    erlang:display({is_ref, is_reference(R)}),
    erlang:display({warp_mode, erlang:system_info(time_warp_mode)}),
    erlang:display({listed, erlang:process_info(self(), monitors)}),
    R2 = erlang:monitor(time_offset, clock_service, [{tag, offset_changed}]),
    erlang:display({two, erlang:process_info(self(), monitors)}),
    erlang:display({no_change, receive M -> M after 50 -> none end}),
    erlang:display({demonitor, erlang:demonitor(R, [info])}),
    erlang:display({demonitor_again, erlang:demonitor(R, [info])}),
    erlang:display({demonitor_flush, erlang:demonitor(R2, [flush, info])}),
    erlang:display({left, erlang:process_info(self(), monitors)}),
    erlang:display({bad_object, catch erlang:monitor(time_offset, other)}),
    %% a process that ends with the monitor in place tells nobody
    {Pid, Ref} = spawn_monitor(fun() -> erlang:monitor(time_offset, clock_service), exit(done) end),
    erlang:display({ended, receive {'DOWN', Ref, process, Pid, Why} -> Why end}).
