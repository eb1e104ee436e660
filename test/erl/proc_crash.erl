-module(proc_crash).
-export([main/0]).

%% Processes that crash do not disturb the others.
main() ->
    Self = self(),
    Crashers = [spawn(fun() -> crash(K) end) || K <- [1, 2, 3, 4, 5, 6]],
    Workers = [spawn(fun() -> receive go -> Self ! {ok, K, K * K} end end) || K <- [1, 2, 3]],
    erlang:display(length(Crashers)),
    [W ! go || W <- Workers],
    R = [receive {ok, K, V} -> {K, V} end || K <- [1, 2, 3]],
    erlang:display(R),
    Mons = [{monitor(process, P), P} || P <- Crashers],
    erlang:display([reason(down(M, P)) || {M, P} <- Mons]),
    erlang:display(is_process_alive(self())),
    ok.

crash(1) -> erlang:error(badarith_on_purpose);
crash(2) -> exit(an_exit);
crash(3) -> throw(a_throw);
crash(4) -> 1 = erlang:phash2(x, 1) + 1;
crash(5) -> apply(?MODULE, not_exported, []);
crash(6) -> ok.

down(M, P) -> receive {'DOWN', M, process, P, R} -> R end.

reason({R, Trace}) when is_list(Trace) -> {R, trace};
reason(R) -> R.
