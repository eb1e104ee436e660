-module(proc_monitors).
-export([main/0]).
-include("test.hrl").

main() ->
    Self = self(),
    P = spawn(fun() -> receive R -> exit(R) end end),
    M = monitor(process, P),
    erlang:display(is_reference(M)),
    P ! went_away,
    erlang:display(down(M, P)),
    %% monitoring a dead process: noproc
    M2 = monitor(process, P),
    erlang:display(down(M2, P)),
    %% by registered name
    Q = spawn(fun() -> receive R -> exit(R) end end),
    true = register(proc_monitors_q, Q),
    M3 = monitor(process, proc_monitors_q),
    Q ! named_exit,
    receive {'DOWN', M3, process, Obj3, R3} -> erlang:display({Obj3, R3}) end,
    M4 = monitor(process, proc_monitors_nobody),
    receive {'DOWN', M4, process, Obj4, R4} -> erlang:display({Obj4, R4}) end,
    M5 = monitor(process, {proc_monitors_nobody, node()}),
    receive {'DOWN', M5, process, Obj5, R5} -> erlang:display({Obj5, R5}) end,
    %% demonitor: no DOWN afterwards
    S = spawn(fun() -> receive R -> exit(R) end end),
    M6 = monitor(process, S),
    erlang:display(demonitor(M6)),
    S ! bye,
    receive {'DOWN', M6, _, _, _} -> erlang:display(unexpected) after 30 -> erlang:display(no_down) end,
    %% demonitor with flush removes a DOWN already delivered
    T = spawn(fun() -> ok end),
    M7 = monitor(process, T),
    receive after 30 -> ok end,
    erlang:display(erlang:demonitor(M7, [flush])),
    receive {'DOWN', M7, _, _, _} -> erlang:display(unexpected) after 0 -> erlang:display(flushed) end,
    %% info: true when the monitor was still there
    U = spawn(fun() -> receive after infinity -> ok end end),
    M8 = monitor(process, U),
    erlang:display(erlang:demonitor(M8, [info])),
    erlang:display(erlang:demonitor(M8, [info])),
    erlang:display(erlang:demonitor(make_ref(), [info, flush])),
    exit(U, kill),
    %% two monitors on one process: two DOWN messages
    V = spawn(fun() -> receive go -> ok end end),
    Ma = monitor(process, V),
    Mb = monitor(process, V),
    erlang:display(Ma =/= Mb),
    V ! go,
    erlang:display({down(Ma, V), down(Mb, V)}),
    %% monitors show in process_info
    W = spawn(fun() -> receive after infinity -> ok end end),
    Mw = monitor(process, W),
    {monitors, Ms} = process_info(self(), monitors),
    erlang:display(lists:member({process, W}, Ms)),
    {monitored_by, By} = process_info(W, monitored_by),
    erlang:display(By =:= [Self]),
    exit(W, kill),
    erlang:display(down(Mw, W)),
    %% spawn_monitor and crash reasons
    %% (errors in spawned processes are left out: OTP logs them with a timestamp)
    {Pe, Me} = spawn_monitor(fun() -> exit({bad, [x]}) end),
    receive {'DOWN', Me, process, Pe, Why} -> erlang:display(Why) end,
    ?T(monitor(process, 42)),
    ?T(monitor(not_a_type, self())),
    ?T(demonitor(not_a_ref)),
    ?T(erlang:demonitor(make_ref(), [bogus])),
    ?T(erlang:demonitor(make_ref(), bogus)),
    ok.

down(M, P) ->
    receive {'DOWN', M, process, P, R} -> R after 2000 -> no_down end.
