%% Process aliases: alias/0,1, unalias/1, sends to active and inactive
%% aliases from this and other processes, reply aliases, and monitor/3 with
%% {alias, Mode} and {tag, Tag}; the gen-style call pattern built on them.
-module(proc_aliases).
-export([main/0]).
-include("test.hrl").

flush() -> receive M -> M after 50 -> none end.

server() ->
    receive
        {call, From, Alias, Req} -> Alias ! {Alias, {reply, Req}}, From ! done, server();
        stop -> ok
    end.

main() ->
    A = alias(),
    A ! hi,
    ?T({is_reference(A), flush()}),
    ?T(unalias(A)),
    A ! dropped,
    ?T({unalias(A), flush()}),
    R = alias([reply]),
    R ! one, R ! two,
    ?T([flush(), flush(), unalias(R)]),
    E = alias([explicit_unalias]),
    E ! one, E ! two,
    ?T([flush(), flush(), unalias(E)]),
    [?T(alias(O)) || O <- [[foo], foo, [reply | x]]],
    ?T(is_reference(alias([reply, explicit_unalias]))),
    ?T(unalias(foo)),
    ?T(unalias(make_ref())),
    Self = self(),
    O1 = alias(),
    spawn(fun() -> O1 ! {from_other, 1}, Self ! sent end),
    ?T(receive sent -> flush() end),
    ?T(flush()),
    %% a message that reached the queue before unalias stays there
    O2 = alias(),
    spawn(fun() -> O2 ! early, Self ! sent end),
    receive sent -> ok end,
    ?T(unalias(O2)),
    ?T(flush()),
    %% another process cannot unalias it
    O3 = alias(),
    spawn(fun() -> Self ! {other_unalias, unalias(O3)} end),
    ?T(receive {other_unalias, U} -> U end),
    O3 ! still_active,
    ?T(flush()),
    %% an alias dies with its process
    Parent = self(),
    Dead = spawn(fun() -> Parent ! {alias, alias()} end),
    DeadAlias = receive {alias, DA} -> DA end,
    Mref = monitor(process, Dead),
    receive {'DOWN', Mref, _, _, _} -> ok end,
    ?T(DeadAlias ! to_dead),

    Wait = fun() -> spawn(fun() -> receive stop -> ok end end) end,
    P1 = Wait(),
    M1 = monitor(process, P1, [{alias, demonitor}]),
    M1 ! via_alias,
    ?T(flush()),
    P1 ! stop,
    ?T(element(1, flush())),
    M1 ! after_down,
    ?T(flush()),
    P2 = Wait(),
    M2 = monitor(process, P2, [{alias, explicit_unalias}]),
    P2 ! stop,
    ?T(element(1, flush())),
    M2 ! after_down,
    ?T([flush(), unalias(M2)]),
    P3 = Wait(),
    M3 = monitor(process, P3, [{alias, reply_demonitor}]),
    M3 ! reply1,
    ?T(flush()),
    M3 ! reply2,
    ?T(flush()),
    P3 ! stop,
    ?T([flush(), erlang:demonitor(M3, [info])]),
    P4 = Wait(),
    M4 = monitor(process, P4, [{alias, demonitor}]),
    erlang:demonitor(M4),
    M4 ! after_demonitor,
    P4 ! stop,
    ?T(flush()),

    P5 = Wait(),
    M5 = monitor(process, P5, [{tag, my_tag}]),
    P5 ! stop,
    ?T(receive {my_tag, M5, process, P5, Why5} -> Why5 after 1000 -> timeout end),
    P6 = Wait(),
    M6 = monitor(process, P6, [{tag, {a, "tuple", <<"bin">>}}]),
    exit(P6, kill),
    ?T(receive {{a, "tuple", <<"bin">>}, M6, process, P6, Why6} -> Why6 after 1000 -> timeout end),
    P7 = Wait(),
    M7 = monitor(process, P7, [{tag, t7}]),
    P7 ! stop,
    timer_sleep(50),
    ?T(erlang:demonitor(M7, [flush, info])),
    ?T(flush()),
    M8 = monitor(process, self(), [{tag, t}]),
    ?T(erlang:demonitor(M8, [info])),
    [?T(monitor(process, self(), O)) || O <- [[foo], [{alias, foo}], foo, [{tag}], [{tag, a} | b]]],
    _ = monitor(process, nosuchname, [{tag, t}]),
    ?T(case flush() of {t, _, process, Obj, Why} -> {Obj, Why} end),
    Gone = spawn(fun() -> ok end),
    Mg = monitor(process, Gone),
    receive {'DOWN', Mg, _, _, _} -> ok end,
    M9 = monitor(process, Gone, [{alias, demonitor}, {tag, x}]),
    ?T(case flush() of {x, M9, process, _, Why9} -> Why9 end),
    M9 ! late,
    ?T(flush()),

    %% the call pattern of gen:call in OTP 25
    S = spawn(fun server/0),
    Calls = [begin
                 Mc = monitor(process, S, [{alias, demonitor}]),
                 S ! {call, self(), Mc, N},
                 Reply = receive {Mc, Rep} -> erlang:demonitor(Mc, [flush]), Rep;
                                 {'DOWN', Mc, _, _, Reason} -> {down, Reason}
                         end,
                 receive done -> ok end,
                 Reply
             end || N <- lists_seq(1, 5)],
    ?T(Calls),
    S ! stop,
    ?T(process_info(self(), monitors)),
    ok.

timer_sleep(Ms) -> receive after Ms -> ok end.
lists_seq(A, B) when A > B -> [];
lists_seq(A, B) -> [A | lists_seq(A + 1, B)].
