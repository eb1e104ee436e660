%% process_flag/3 (save_calls is the only flag allowed, on self or another
%% live process; its results and badargs, through erts_internal too),
%% process_display/2 (it prints on stderr, so only its results and badargs
%% are compared), exit_signal/2 (exit/2 without the special case for the
%% caller itself), garbage_collect_message_area/0 (gone in OTP 25: undefined)
%% and small erts_internal helpers of OTP's Erlang code.
-module(proc_flags_misc).
-export([main/0]).
-include("test.hrl").

wait() -> receive stop -> ok end.

%% OTP's erts_internal functions answer for another process with a reference
%% and then a message {Ref, Result}; Ember answers at once.
internal(R) when is_reference(R) -> receive {R, X} -> X after 10000 -> timeout end;
internal(X) -> X.

main() ->
    Self = self(),
    P = spawn(fun wait/0),
    {D, DM} = spawn_monitor(fun() -> ok end),
    receive {'DOWN', DM, _, _, _} -> ok end,
    Pids = [{self, Self}, {live, P}, {dead, D}, {atom, foo}, {int, 1}],
    Flags = [{save_calls, 0}, {save_calls, 10001}, {save_calls, -1}, {save_calls, x},
             {trap_exit, true}, {priority, high}, {foo, 1}],
    [?T({Name, F, V, erlang:process_flag(Pid, F, V)}) || {Name, Pid} <- Pids, {F, V} <- Flags],
    [?T({Name, F, V, internal(erts_internal:process_flag(Pid, F, V))}) || {Name, Pid} <- Pids, {F, V} <- Flags],
    ?T(process_flag(save_calls, 0)),
    ?T(process_flag(save_calls, -1)),
    ?T(process_info(P, last_calls)),

    [?T({Name, T, erlang:process_display(Pid, T)}) || {Name, Pid} <- tl(Pids), T <- [backtrace, foo]],
    [?T({Name, T, internal(erts_internal:process_display(Pid, T))}) || {Name, Pid} <- tl(Pids), T <- [backtrace, foo]],
    ?T(erlang:process_display(self(), foo)),

    ?T(erlang:garbage_collect_message_area()),

    %% exit_signal/2
    T = spawn(fun() -> process_flag(trap_exit, true), Self ! trapping,
                       receive X -> Self ! {got, X} end end),
    receive trapping -> ok end,
    ?T(erlang:exit_signal(T, foo)),
    ?T(receive {got, {'EXIT', Self, W}} -> W after 10000 -> timeout end),
    K = spawn(fun() -> process_flag(trap_exit, true), Self ! trapping, wait() end),
    KM = monitor(process, K),
    receive trapping -> ok end,
    ?T(erlang:exit_signal(K, kill)),
    ?T(receive {'DOWN', KM, _, _, W} -> W after 10000 -> timeout end),
    [begin
         {_, M} = spawn_monitor(fun() ->
                                        Self ! {r, erlang:exit_signal(self(), R)},
                                        Self ! after_signal,
                                        receive after infinity -> ok end
                                end),
         ?T({R, receive {r, X} -> X after 10000 -> timeout end}),
         ?T({R, receive after_signal -> after_signal after 10000 -> timeout end}),
         ?T({R, receive {'DOWN', M, _, _, Y} -> Y after 10000 -> timeout end})
     end || R <- [kill, foo]],
    %% reason normal from the caller itself does nothing, unless it traps exits
    N = spawn(fun() -> erlang:exit_signal(self(), normal), receive go -> Self ! {alive, self()} end end),
    N ! go,
    ?T(receive {alive, N} -> alive after 10000 -> timeout end),
    spawn(fun() -> process_flag(trap_exit, true), erlang:exit_signal(self(), normal),
                   receive Z -> Self ! {z, Z =:= {'EXIT', self(), normal}} end end),
    ?T(receive {z, Z} -> Z after 10000 -> timeout end),
    ?T(erlang:exit_signal(D, kill)),
    ?T(erlang:exit_signal(1, kill)),
    ?T(erlang:exit_signal(foo, kill)),
    ?T(erlang:exit_signal({foo, node()}, kill)),
    ?T(erlang:exit_signal(make_ref(), kill)),

    %% erts_internal helpers
    ?T(erts_internal:time_unit()),
    ?T(erts_internal:perf_counter_unit()),
    ?T(is_integer(erts_internal:no_aux_work_threads())),
    [?T({A, B, erts_internal:cmp_term(A, B)})
     || {A, B} <- [{1, 1.0}, {1.0, 1}, {1, 2}, {a, a}, {2, 1}, {[a], {a}}, {1 bsl 70, 1.0e30}]],
    ?T(erts_internal:system_check(schedulers)),
    ?T(erts_internal:system_check(foo)),
    P ! stop,
    ok.
