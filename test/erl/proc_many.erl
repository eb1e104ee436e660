-module(proc_many).
-export([main/0]).

%% 100,000 processes spawned, each sent a message and answering it.
main() ->
    Self = self(),
    N = 100000,
    Pids = spawn_all(N, Self, []),
    erlang:display(length(Pids)),
    erlang:display(erlang:system_info(process_count) >= N),
    send_all(Pids, 1),
    erlang:display(sum(N, 0)),
    erlang:display(wait_gone(N)),
    ok.

spawn_all(0, _, Acc) -> Acc;
spawn_all(K, Self, Acc) ->
    P = spawn(fun() -> receive {V, From} -> From ! {v, V * 2} end end),
    spawn_all(K - 1, Self, [P | Acc]).

send_all([], _) -> ok;
send_all([P | Ps], V) -> P ! {V, self()}, send_all(Ps, V + 1).

sum(0, Acc) -> Acc;
sum(K, Acc) -> receive {v, V} -> sum(K - 1, Acc + V) end.

%% every process has ended after answering
wait_gone(N) ->
    case erlang:system_info(process_count) < N of
        true -> all_gone;
        false -> receive after 10 -> wait_gone(N) end
    end.
