-module(proc_preempt).
-export([main/0]).

%% A process that never stops computing must not keep others from running.
main() ->
    Self = self(),
    Spinners = [spawn(fun spin/0) || _ <- [1, 2, 3, 4]],
    Workers = [spawn(fun() -> Self ! {done, N, fib(18)} end) || N <- [1, 2, 3, 4, 5, 6, 7, 8]],
    erlang:display(length(Workers)),
    Results = collect(8, []),
    erlang:display([lists:keyfind(N, 1, Results) || N <- [1, 2, 3, 4, 5, 6, 7, 8]]),
    %% the spinners still run, and can be killed
    [erlang:display(is_process_alive(S)) || S <- Spinners],
    [exit(S, kill) || S <- Spinners],
    erlang:display([wait_dead(S) || S <- Spinners]),
    %% low priority still gets its turn while normal work waits
    Low = spawn_opt(fun() -> Self ! {low_ran, fib(15)} end, [{priority, low}]),
    Busy = spawn(fun spin/0),
    receive {low_ran, F} -> erlang:display({low_ran, F}) end,
    exit(Busy, kill),
    erlang:display(is_pid(Low)),
    ok.

spin() -> spin(0).
spin(N) -> spin(N + 1).

fib(N) when N < 2 -> N;
fib(N) -> fib(N - 1) + fib(N - 2).

collect(0, Acc) -> Acc;
collect(N, Acc) -> receive {done, K, F} -> collect(N - 1, [{K, F} | Acc]) end.

wait_dead(P) ->
    case is_process_alive(P) of
        true -> receive after 1 -> wait_dead(P) end;
        false -> dead
    end.
