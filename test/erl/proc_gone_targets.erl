-module(proc_gone_targets).
-export([main/0]).
-include("test.hrl").

%% Signals and timers whose target is already gone: link/1 to a process that
%% has exited (trapping exits or not), and read_timer/cancel_timer after a
%% timer fired or was cancelled, synchronously and asynchronously.
main() ->
    links(),
    timers(),
    ok.

links() ->
    Self = self(),
    Dead = spawn(fun() -> ok end),
    Ref = monitor(process, Dead),
    receive {'DOWN', Ref, process, Dead, _} -> ok end,
    Trap = process_flag(trap_exit, false),
    ?T(link(Dead)),
    process_flag(trap_exit, true),
    ?T(link(Dead)),
    erlang:display(receive {'EXIT', Dead, R} -> {exit_message, R} after 500 -> none end),
    process_flag(trap_exit, Trap),
    %% the caller of a failed link stays alive and unlinked
    W = spawn(fun() -> Self ! {tried, catch link(Dead), process_info(self(), links)} end),
    erlang:display(receive {tried, {'EXIT', {E, _}}, Links} -> {other_process, E, Links} after 500 -> none end),
    Mon = monitor(process, W),
    erlang:display(receive {'DOWN', Mon, process, W, Why} -> {other_ends, Why} after 500 -> none end),
    %% linking to a live process and to oneself still works
    Live = spawn(fun() -> receive stop -> ok end end),
    ?T(link(Live)),
    ?T(link(self())),
    unlink(Live),
    Live ! stop,
    ?T(link(not_a_pid)).

timers() ->
    T = erlang:start_timer(10, self(), x),
    receive {timeout, T, x} -> ok end,
    erlang:display({fired, erlang:read_timer(T), erlang:read_timer(T, [{async, false}]),
                    erlang:cancel_timer(T), erlang:cancel_timer(T, [{info, false}])}),
    T2 = erlang:send_after(1000, self(), y),
    Left = erlang:cancel_timer(T2),
    erlang:display({cancelled, is_integer(Left) andalso Left =< 1000,
                    erlang:read_timer(T2), erlang:cancel_timer(T2)}),
    T3 = erlang:send_after(1000, self(), y),
    ok = erlang:read_timer(T3, [{async, true}]),
    erlang:display(receive {read_timer, T3, V} -> {async_read_running, is_integer(V)} after 500 -> none end),
    erlang:cancel_timer(T3),
    ok = erlang:read_timer(T3, [{async, true}]),
    erlang:display(receive {read_timer, T3, V2} -> {async_read_cancelled, V2} after 500 -> none end),
    erlang:display({cancel_async, erlang:cancel_timer(T3, [{async, true}, {info, true}])}),
    erlang:display(receive {cancel_timer, T3, V3} -> {async_cancel_message, V3} after 500 -> none end),
    erlang:display({cancel_async_no_info, erlang:cancel_timer(T3, [{async, true}, {info, false}])}),
    erlang:display(receive {cancel_timer, T3, _} -> unexpected after 100 -> no_message end),
    R = make_ref(),
    erlang:display({unknown_ref, erlang:read_timer(R), erlang:cancel_timer(R)}),
    ?T(erlang:read_timer(foo)),
    ?T(erlang:read_timer(R, [bad])),
    ?T(erlang:cancel_timer(R, [{async, maybe}])),
    %% a fired timer's message stays in the queue after a late cancel
    T4 = erlang:send_after(0, self(), late),
    receive after 50 -> ok end,
    erlang:display({late_cancel, erlang:cancel_timer(T4), receive late -> still_delivered after 0 -> lost end}).
