%% erlang:hibernate/3: the process waits for a message, then runs M:F(A)
%% with no stack left (a catch around hibernate no longer catches, and
%% returning ends the process normally); bad arguments; a queued message.
-module(proc_hibernate).
-export([main/0, woke/1, crash/0, loop/1]).
-include("test.hrl").

woke(Parent) ->
    receive M -> Parent ! {woke, M} end.

crash() -> exit(after_wake).

loop(Parent) ->
    receive
        {ping, N} -> Parent ! {pong, N}, erlang:hibernate(?MODULE, loop, [Parent]);
        stop -> Parent ! stopped
    end.

main() ->
    Self = self(),
    P1 = spawn(fun() -> erlang:hibernate(?MODULE, woke, [Self]) end),
    M1 = monitor(process, P1),
    receive after 50 -> ok end,
    ?T(process_info(P1, status)),
    P1 ! hello,
    ?T(receive {woke, X} -> X after 1000 -> timeout end),
    ?T(receive {'DOWN', M1, process, P1, R1} -> R1 after 1000 -> timeout end),

    P2 = spawn(fun() -> catch erlang:hibernate(?MODULE, crash, []), Self ! not_reached end),
    M2 = monitor(process, P2),
    P2 ! wake,
    ?T(receive {'DOWN', M2, process, P2, R2} -> R2 after 1000 -> timeout end),
    ?T(receive not_reached -> not_reached after 100 -> none end),

    P3 = spawn(fun() -> Self ! ready, receive go -> ok end, self() ! queued,
                        erlang:hibernate(?MODULE, woke, [Self]) end),
    receive ready -> ok end,
    P3 ! go,
    ?T(receive {woke, Y} -> Y after 1000 -> timeout end),

    P4 = spawn(?MODULE, loop, [Self]),
    [P4 ! {ping, N} || N <- [1, 2, 3]],
    ?T([receive {pong, N} -> N after 1000 -> timeout end || N <- [1, 2, 3]]),
    P4 ! stop,
    ?T(receive stopped -> stopped after 1000 -> timeout end),

    P5 = spawn(fun() -> erlang:hibernate(no_such_module, f, []) end),
    M5 = monitor(process, P5),
    P5 ! wake,
    ?T(receive {'DOWN', M5, process, P5, {R5, _}} -> R5 after 1000 -> timeout end),
    [?T(erlang:hibernate(M, F, A)) || {M, F, A} <- [{"m", f, []}, {m, "f", []}, {m, f, x}, {m, f, [a | b]}]],
    ok.
