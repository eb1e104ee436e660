%% timer: sleep, send_after/interval, apply_after/interval, cancel, exit and
%% kill timers, tc and the unit conversions. Only the shapes of references
%% and the order of messages are shown.
-module(lib_timer).
-export([main/0, note/1]).
-include("test.hrl").

main() ->
    ?T(timer:sleep(10)),
    ?T(timer:seconds(2)), ?T(timer:minutes(2)), ?T(timer:hours(1)), ?T(timer:hms(1, 2, 3)),
    ?T(timer:now_diff({1, 2, 3}, {1, 1, 0})), ?T(timer:now_diff({0, 0, 0}, {0, 0, 5})),
    {ok, T1} = timer:send_after(20, hello),
    ?T(element(1, T1)),
    ?T(receive hello -> got after 500 -> none end),
    {ok, T2} = timer:send_after(20, self(), to_pid),
    ?T(receive to_pid -> got after 500 -> none end),
    ?T(timer:cancel(T2)),
    {ok, T3} = timer:send_after(30, never),
    ?T(timer:cancel(T3)),
    ?T(receive never -> got after 80 -> none end),
    register(ltimer_test, self()),
    {ok, _} = timer:send_after(10, ltimer_test, by_name),
    ?T(receive by_name -> got after 500 -> none end),
    {ok, T4} = timer:send_interval(20, tick),
    ?T(element(1, T4)),
    ?T([receive tick -> tick after 500 -> none end || _ <- [1, 2, 3]]),
    ?T(timer:cancel(T4)),
    timer:sleep(50),
    ?T(flush()),
    {ok, T5} = timer:apply_after(10, ?MODULE, note, [applied]),
    ?T(element(1, T5)),
    ?T(receive {note, applied} -> got after 500 -> none end),
    {ok, T6} = timer:apply_interval(20, ?MODULE, note, [again]),
    ?T([receive {note, again} -> got after 500 -> none end || _ <- [1, 2]]),
    ?T(timer:cancel(T6)),
    timer:sleep(50),
    ?T(flush()),
    {ok, T7} = timer:apply_after(30, ?MODULE, note, [cancelled]),
    ?T(timer:cancel(T7)),
    timer:sleep(60),
    ?T(flush()),
    ?T(timer:send_after(-1, x)), ?T(timer:send_after(a, x)), ?T(timer:send_interval(-1, x)),
    ?T(timer:apply_after(-5, ?MODULE, note, [])), ?T(timer:apply_interval(x, ?MODULE, note, [])),
    ?T(timer:cancel(foo)),
    ?T(timer:sleep(-1)),
    ?T(timer:sleep(infinity_not)),
    process_flag(trap_exit, true),
    P = spawn_link(fun() -> receive after infinity -> ok end end),
    {ok, _} = timer:exit_after(10, P, bye),
    ?T(receive {'EXIT', P, R} -> R after 500 -> none end),
    Q = spawn_link(fun() -> receive after infinity -> ok end end),
    {ok, _} = timer:kill_after(10, Q),
    ?T(receive {'EXIT', Q, R2} -> R2 after 500 -> none end),
    ?T(element(2, timer:tc(fun() -> 42 end))),
    ?T(element(2, timer:tc(fun(X) -> X * 2 end, [21]))),
    ?T(element(2, timer:tc(erlang, abs, [-3]))),
    {Us, _} = timer:tc(timer, sleep, [20]),
    ?T(Us >= 20000),
    ?T(timer:tc(fun() -> erlang:error(inside) end)),
    ok.

note(X) -> ltimer_test ! {note, X}.

flush() ->
    receive M -> [M | flush()] after 0 -> [] end.
