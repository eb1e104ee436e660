%% timer.erl — OTP's timer API on the runtime's own timers: one-shot sends
%% and applies use erlang:send_after/3; intervals, apply_after and the exit
%% and kill timers run in a small process of their own; an interval ends
%% with the process it serves. Results are {ok, TRef}, as OTP 25 returns.
-module(timer).

-export([sleep/1, send_after/2, send_after/3, send_interval/2, send_interval/3,
         apply_after/4, apply_interval/4, cancel/1, exit_after/2, exit_after/3,
         kill_after/1, kill_after/2, tc/1, tc/2, tc/3,
         seconds/1, minutes/1, hours/1, hms/3, now_diff/2]).

sleep(T) ->
    receive after T -> ok end.

send_after(Time, Msg) -> send_after(Time, self(), Msg).

send_after(Time, Dest, Msg) when is_integer(Time), Time >= 0, (is_pid(Dest) orelse is_atom(Dest)) ->
    {ok, {send_local, erlang:send_after(Time, Dest, Msg)}};
send_after(Time, {Name, Node} = Dest, Msg) when is_integer(Time), Time >= 0, is_atom(Name), is_atom(Node) ->
    apply_after(Time, erlang, send, [Dest, Msg]);
send_after(_, _, _) ->
    {error, badarg}.

apply_after(Time, M, F, A) when is_integer(Time), Time >= 0, is_atom(M), is_atom(F), is_list(A) ->
    Pid = spawn(fun() -> receive cancel -> ok after Time -> apply(M, F, A) end end),
    {ok, {once, Pid}};
apply_after(_, _, _, _) ->
    {error, badarg}.

exit_after(Time, Reason) -> exit_after(Time, self(), Reason).
exit_after(Time, Target, Reason) -> apply_after(Time, erlang, exit, [Target, Reason]).

kill_after(Time) -> exit_after(Time, self(), kill).
kill_after(Time, Target) -> exit_after(Time, Target, kill).

send_interval(Time, Msg) -> send_interval(Time, self(), Msg).

%% The interval serves Dest if that is a pid, else the caller.
send_interval(Time, Dest, Msg) when is_integer(Time), Time >= 0 ->
    Owner = if is_pid(Dest) -> Dest; true -> self() end,
    interval(Time, Owner, fun() -> catch erlang:send(Dest, Msg) end);
send_interval(_, _, _) ->
    {error, badarg}.

apply_interval(Time, M, F, A) when is_integer(Time), Time >= 0, is_atom(M), is_atom(F), is_list(A) ->
    interval(Time, self(), fun() -> spawn(M, F, A) end);
apply_interval(_, _, _, _) ->
    {error, badarg}.

interval(Time, Owner, Action) ->
    Pid = spawn(fun() ->
                        Mref = monitor(process, Owner),
                        interval_loop(Time, Mref, Action, erlang:monotonic_time(millisecond) + Time)
                end),
    {ok, {interval, Pid}}.

%% Each tick is due Time after the previous one was due, so ticks do not drift.
interval_loop(Time, Mref, Action, Due) ->
    Wait = max(0, Due - erlang:monotonic_time(millisecond)),
    receive
        cancel -> ok;
        {'DOWN', Mref, _, _, _} -> ok
    after Wait ->
        Action(),
        interval_loop(Time, Mref, Action, Due + Time)
    end.

cancel({send_local, Ref}) when is_reference(Ref) ->
    erlang:cancel_timer(Ref),
    {ok, cancel};
cancel({once, Pid}) when is_pid(Pid) ->
    Pid ! cancel,
    {ok, cancel};
cancel({interval, Pid}) when is_pid(Pid) ->
    Pid ! cancel,
    {ok, cancel};
cancel(_) ->
    {error, badarg}.

%% {Microseconds, Value}.
tc(F) ->
    T0 = erlang:monotonic_time(),
    V = F(),
    {elapsed(T0), V}.

tc(F, A) ->
    T0 = erlang:monotonic_time(),
    V = apply(F, A),
    {elapsed(T0), V}.

tc(M, F, A) ->
    T0 = erlang:monotonic_time(),
    V = apply(M, F, A),
    {elapsed(T0), V}.

elapsed(T0) ->
    erlang:convert_time_unit(erlang:monotonic_time() - T0, native, microsecond).

seconds(S) -> 1000 * S.
minutes(M) -> 60 * seconds(M).
hours(H) -> 60 * minutes(H).
hms(H, M, S) -> hours(H) + minutes(M) + seconds(S).

%% Microseconds from T1 to T2, both erlang:timestamp() triples.
now_diff({A2, B2, C2}, {A1, B1, C1}) ->
    ((A2 - A1) * 1000000 + B2 - B1) * 1000000 + C2 - C1.
