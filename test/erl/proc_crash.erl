-module(proc_crash).
-export([main/0]).

%% Processes that crash do not disturb the others.
main() ->
    Self = self(),
    %% monitored from the start, so that each DOWN carries the real reason
    %% whether or not the crasher has ended by the time the list is read
    Crashers = [spawn_monitor(fun() -> crash(K) end) || K <- [1, 2, 3, 4, 5, 6]],
    Workers = [spawn(fun() -> receive go -> Self ! {ok, K, K * K} end end) || K <- [1, 2, 3]],
    erlang:display(length(Crashers)),
    [W ! go || W <- Workers],
    R = [receive {ok, K, V} -> {K, V} end || K <- [1, 2, 3]],
    erlang:display(R),
    erlang:display([reason(down(M, P)) || {P, M} <- Crashers]),
    erlang:display(is_process_alive(self())),
    ok.

%% Errors are caught and turned into exits: OTP logs uncaught errors in spawned
%% processes with a timestamp, which no test can compare.
crash(1) -> exit(caught(fun() -> 1 / zero() end));
crash(2) -> exit(an_exit);
crash(3) -> exit(caught(fun() -> throw(a_throw) end));
crash(4) -> exit(caught(fun() -> 1 = erlang:phash2(x, 1) + 1 end));
crash(5) -> exit(caught(fun() -> apply(?MODULE, not_exported, []) end));
crash(6) -> ok.

zero() -> 0.

caught(F) ->
    try F() of V -> V catch C:R -> {C, R} end.

down(M, P) -> receive {'DOWN', M, process, P, R} -> R end.

reason({R, Trace}) when is_list(Trace) -> {R, trace};
reason(R) -> R.
