%% erlang:suspend_process/1,2 and resume_process/1: suspend counts (one per
%% call, across callers), unless_suspending, asynchronous and
%% {asynchronous, Tag}; a suspended process does not run but takes messages
%% and can be killed; its status; suspending self, a dead process or bad
%% options; resume_process/1 by a process that does not suspend it; the end
%% of a suspender undoes its suspensions. Every step waits on a message, so
%% nothing depends on timing.
-module(proc_suspend).
-export([main/0]).
-include("test.hrl").

%% Echoes each {ping, From, N} back as {pong, self(), N}.
echo() ->
    receive
        {ping, From, N} -> From ! {pong, self(), N}, echo();
        stop -> ok
    end.

%% P answers a ping: it runs.
answers(P, N) ->
    P ! {ping, self(), N},
    receive {pong, P, N} -> true after 10000 -> timeout end.

%% A ping to a suspended P waits in its queue (process_info is answered after
%% the ping arrived); the answer comes once P is resumed (flush/2).
queued(P, N) ->
    P ! {ping, self(), N},
    process_info(P, message_queue_len).

flush(P, N) -> receive {pong, P, N} -> {late, N} after 10000 -> timeout end.

repeat(0, _) -> ok;
repeat(N, F) -> F(), repeat(N - 1, F).

status(P) -> element(2, process_info(P, status)).

main() ->
    P = spawn(fun echo/0),
    ?T(answers(P, 0)),
    ?T(erlang:suspend_process(P)),
    ?T(status(P)),
    ?T(queued(P, 1)),
    ?T(erlang:suspend_process(P, [unless_suspending])),
    ?T(erlang:suspend_process(P, [])),
    ?T(erlang:suspend_process(P, [asynchronous])),
    R = make_ref(),
    ?T(erlang:suspend_process(P, [{asynchronous, R}])),
    ?T(receive {R, S} -> S after 10000 -> timeout end),
    ?T(erlang:suspend_process(P, [{asynchronous, R}, unless_suspending])),
    ?T(receive {R, S} -> S after 10000 -> timeout end),
    ?T(erlang:suspend_process(P, [asynchronous, unless_suspending])),
    {suspending, [{P, Count, 0}]} = process_info(self(), suspending),
    ?T(Count),
    repeat(Count - 1, fun() -> ?T(erlang:resume_process(P)) end),
    ?T(status(P)),
    ?T(queued(P, 2)),
    ?T(erlang:resume_process(P)),
    ?T(flush(P, 1)),
    ?T(flush(P, 2)),
    ?T(answers(P, 3)),
    ?T(process_info(self(), suspending)),
    ?T(erlang:resume_process(P)),

    %% bad arguments
    ?T(erlang:suspend_process(self())),
    ?T(erlang:suspend_process(self(), [asynchronous])),
    ?T(erlang:suspend_process(foo)),
    ?T(erlang:suspend_process(P, foo)),
    ?T(erlang:suspend_process(P, [foo])),
    ?T(erlang:suspend_process(P, [asynchronous | foo])),
    ?T(erlang:resume_process(foo)),
    ?T(erlang:resume_process(self())),
    ?T(answers(P, 4)),

    %% a dead process
    {D, DM} = spawn_monitor(fun() -> ok end),
    receive {'DOWN', DM, _, _, _} -> ok end,
    ?T(erlang:suspend_process(D)),
    ?T(erlang:suspend_process(D, [unless_suspending])),
    ?T(erlang:suspend_process(D, [asynchronous])),
    ?T(erlang:suspend_process(D, [{asynchronous, R}])),
    ?T(receive {R, S} -> S after 10000 -> timeout end),
    ?T(erlang:resume_process(D)),

    %% the erts_internal function underneath
    ?T(erts_internal:suspend_process(self(), [])),
    ?T(erts_internal:suspend_process(P, [foo])),
    ?T(erts_internal:suspend_process(D, [])),
    ?T(erts_internal:suspend_process(P, [])),
    ?T(erts_internal:suspend_process(P, [unless_suspending])),
    ?T(erlang:resume_process(P)),

    %% a suspended process can be killed, and its suspender cannot resume it
    ?T(erlang:suspend_process(P)),
    PM = monitor(process, P),
    exit(P, kill),
    ?T(receive {'DOWN', PM, _, _, Why} -> Why after 10000 -> timeout end),
    ?T(erlang:resume_process(P)),
    ?T(process_info(self(), suspending)),

    %% suspensions by two processes; one of them dies, which undoes its own
    Q = spawn(fun echo/0),
    Self = self(),
    Other = spawn(fun() ->
                          Self ! {other, erlang:suspend_process(Q), erlang:suspend_process(Q)},
                          receive die -> exit(died) end
                  end),
    ?T(receive {other, A, B} -> {A, B} after 10000 -> timeout end),
    ?T(erlang:suspend_process(Q)),
    ?T(erlang:resume_process(Q)),
    ?T(status(Q)),
    ?T(queued(Q, 5)),
    OM = monitor(process, Other),
    Other ! die,
    ?T(receive {'DOWN', OM, _, _, W} -> W after 10000 -> timeout end),
    ?T(flush(Q, 5)),
    ?T(answers(Q, 6)),

    %% a busy process: suspended while it runs, it stops
    Busy = spawn(fun() -> spin(0) end),
    ?T(erlang:suspend_process(Busy)),
    ?T(status(Busy)),
    {reductions, R1} = process_info(Busy, reductions),
    {reductions, R2} = process_info(Busy, reductions),
    ?T(R1 =:= R2),
    ?T(erlang:resume_process(Busy)),
    exit(Busy, kill),
    Q ! stop,
    ok.

spin(N) -> spin(N + 1).
