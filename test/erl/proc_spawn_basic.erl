-module(proc_spawn_basic).
-export([main/0, echo/1, add/3]).
-include("test.hrl").

echo(Parent) ->
    receive
        {msg, X} -> Parent ! {echoed, self(), X}, echo(Parent);
        stop -> Parent ! {stopped, self()}
    end.

add(Parent, A, B) -> Parent ! {sum, A + B}.

main() ->
    Self = self(),
    erlang:display(is_pid(Self)),
    P = spawn(?MODULE, echo, [Self]),
    erlang:display(is_pid(P)),
    erlang:display(P =/= Self),
    [P ! {msg, N} || N <- [1, 2, 3, 4, 5]],
    erlang:display(collect(P, 5)),
    P ! stop,
    receive {stopped, P} -> erlang:display(stopped) end,
    wait_dead(P),
    erlang:display(is_process_alive(P)),
    spawn(?MODULE, add, [Self, 20, 22]),
    receive {sum, S} -> erlang:display(S) end,
    F = fun() -> Self ! {closure, [a, {b, "c"}, <<"bin">>, 1.5]} end,
    spawn(F),
    receive {closure, C} -> erlang:display(C) end,
    Q = spawn_opt(fun() -> receive go -> Self ! {done, process_flag(priority, normal)} end end,
                  [{priority, high}, {min_heap_size, 1000}, {fullsweep_after, 10}]),
    Q ! go,
    receive {done, Prio} -> erlang:display(Prio) end,
    {Pid2, Ref2} = spawn_opt(fun() -> ok end, [monitor]),
    receive {'DOWN', Ref2, process, Pid2, R2} -> erlang:display({down, R2}) end,
    ?T(spawn(not_a_fun)),
    ?T(spawn(?ID(1), foo, [])),
    ?T(spawn(m, f, [a | b])),
    ?T(spawn_opt(fun() -> ok end, [bogus])),
    ?T(spawn_opt(fun() -> ok end, [{priority, urgent}])),
    ?T(erlang:send(?ID(12), x)),
    ?T(?ID(12) ! x),
    ?T(erlang:send(no_such_name, x)),
    ?T({no_such_name, node()} ! x),
    ?T(erlang:send(self(), hello, [])),
    receive hello -> erlang:display(got_hello) end,
    %% a large message, with shared subterms and a deep list
    Big = lists:reverse(seq(1, 50000), []),
    Pb = spawn(fun() -> receive {From, L} -> From ! {len, length(L), hd(L)} end end),
    Pb ! {Self, Big},
    receive {len, Len, Hd} -> erlang:display({Len, Hd}) end,
    erlang:display(process_flag(trap_exit, false)),
    erlang:display(is_process_alive(self())),
    ?T(is_process_alive(not_a_pid)),
    ok.

seq(N, M) when N > M -> [];
seq(N, M) -> [N | seq(N + 1, M)].

collect(_, 0) -> [];
collect(P, N) -> receive {echoed, P, X} -> [X | collect(P, N - 1)] end.

wait_dead(P) ->
    case is_process_alive(P) of
        true -> receive after 1 -> wait_dead(P) end;
        false -> ok
    end.
