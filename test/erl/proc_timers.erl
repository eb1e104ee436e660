-module(proc_timers).
-export([main/0]).
-include("test.hrl").

main() ->
    Self = self(),
    T1 = erlang:send_after(10, Self, tick),
    erlang:display(is_reference(T1)),
    receive tick -> erlang:display(tick) end,
    erlang:display(erlang:read_timer(T1)),
    erlang:display(erlang:cancel_timer(T1)),
    T2 = erlang:start_timer(10, Self, tock),
    receive {timeout, T2, tock} -> erlang:display(tock_with_ref) end,
    %% cancelled timers never fire
    T3 = erlang:send_after(30, Self, never),
    Left = erlang:cancel_timer(T3),
    erlang:display(is_integer(Left) andalso Left > 0 andalso Left =< 30),
    erlang:display(erlang:cancel_timer(T3)),
    receive never -> erlang:display(unexpected) after 60 -> erlang:display(cancelled) end,
    %% read_timer on a running timer
    T4 = erlang:send_after(5000, Self, later),
    R4 = erlang:read_timer(T4),
    erlang:display(is_integer(R4) andalso R4 > 4000 andalso R4 =< 5000),
    erlang:display(erlang:cancel_timer(T4, [{info, false}])),
    erlang:display(erlang:read_timer(T4)),
    %% timers fire in deadline order
    erlang:send_after(30, Self, {order, 3}),
    erlang:send_after(10, Self, {order, 1}),
    erlang:send_after(20, Self, {order, 2}),
    erlang:display([receive {order, N} -> N end || _ <- [1, 2, 3]]),
    %% to a registered name
    register(proc_timers_me, Self),
    erlang:send_after(5, proc_timers_me, named),
    receive named -> erlang:display(named) end,
    %% to a process that is gone: dropped
    Dead = spawn(fun() -> ok end),
    erlang:send_after(5, Dead, lost),
    receive after 20 -> erlang:display(dropped) end,
    %% zero timeout
    erlang:send_after(0, Self, zero),
    receive zero -> erlang:display(zero) end,
    %% asynchronous cancel
    T5 = erlang:send_after(1000, Self, x),
    erlang:display(erlang:cancel_timer(T5, [{async, true}, {info, true}])),
    receive {cancel_timer, T5, L5} -> erlang:display(is_integer(L5)) end,
    ?T(erlang:send_after(-1, Self, x)),
    ?T(erlang:send_after(1.0, Self, x)),
    ?T(erlang:send_after(10, 42, x)),
    ?T(erlang:start_timer(10, {a, b}, x)),
    ?T(erlang:cancel_timer(not_a_ref)),
    ?T(erlang:read_timer(42)),
    ?T(erlang:cancel_timer(make_ref(), [bogus])),
    ?T(erlang:cancel_timer(make_ref())),
    %% the clocks
    A = erlang:monotonic_time(),
    B = erlang:monotonic_time(),
    erlang:display(B >= A),
    erlang:display(is_integer(erlang:system_time(second))),
    erlang:display(erlang:convert_time_unit(1, second, native)),
    erlang:display(erlang:convert_time_unit(1999, millisecond, second)),
    erlang:display(erlang:convert_time_unit(-1999, millisecond, second)),
    erlang:display(erlang:convert_time_unit(3, second, millisecond)),
    ?T(erlang:convert_time_unit(1, second, bogus)),
    ?T(erlang:monotonic_time(bogus)),
    {Mega, Sec, Micro} = erlang:timestamp(),
    erlang:display(is_integer(Mega) andalso Sec < 1000000 andalso Micro < 1000000),
    M1 = erlang:monotonic_time(millisecond),
    receive after 20 -> ok end,
    M2 = erlang:monotonic_time(millisecond),
    erlang:display(M2 - M1 >= 20),
    ok.
