-module(proc_receive).
-export([main/0]).
-include("test.hrl").

main() ->
    Self = self(),
    %% order from one sender is kept
    [Self ! {n, N} || N <- lists:reverse(seq(1, 20), [])],
    erlang:display(drain_n([])),
    %% selective receive takes a later message first and keeps the rest in order
    Self ! a, Self ! b, Self ! c, Self ! {urgent, 1}, Self ! d,
    receive {urgent, U} -> erlang:display({urgent, U}) end,
    erlang:display(drain([])),
    %% after 0 with and without messages
    erlang:display(receive x -> got_x after 0 -> empty end),
    Self ! x,
    erlang:display(receive x -> got_x after 0 -> empty end),
    %% small timeouts
    erlang:display(receive nothing -> no after 5 -> timed_out end),
    erlang:display(receive nothing -> no after 1 -> timed_out end),
    %% a message arriving before the timeout wins
    spawn(fun() -> receive after 5 -> Self ! late end end),
    erlang:display(receive late -> late_message after 2000 -> too_slow end),
    %% several senders: each one's order is kept
    Senders = [spawn(fun() -> [Self ! {from, I, K} || K <- seq(1, 100)] end) || I <- seq(1, 5)],
    erlang:display(length(Senders)),
    erlang:display(check_order(5 * 100, {0, 0, 0, 0, 0})),
    %% make_ref + selective receive (the reference marker optimisation)
    [Self ! {noise, K} || K <- seq(1, 1000)],
    Server = spawn(fun server/0),
    erlang:display([call(Server, K) || K <- seq(1, 5)]),
    erlang:display(length(drain([]))),
    %% a guard in receive
    Self ! {v, 1}, Self ! {v, 10}, Self ! {v, 5},
    erlang:display(receive {v, X} when X > 3 -> X end),
    erlang:display(drain([])),
    %% bad timeouts
    ?T(receive after -1 -> ok end),
    ?T(receive after ?ID(foo) -> ok end),
    ?T(receive after ?ID(1.5) -> ok end),
    ok.

server() ->
    receive
        {call, From, Ref, K} -> From ! {Ref, K * K}, server()
    end.

call(Server, K) ->
    Ref = make_ref(),
    Server ! {call, self(), Ref, K},
    receive {Ref, R} -> R end.

check_order(0, _) -> in_order;
check_order(N, Seen) ->
    receive
        {from, I, K} ->
            Last = element(I, Seen),
            case K =:= Last + 1 of
                true -> check_order(N - 1, setelement(I, Seen, K));
                false -> {out_of_order, I, K}
            end
    after 2000 -> {missing, N}
    end.

drain_n(Acc) -> receive {n, N} -> drain_n([N | Acc]) after 0 -> lists:reverse(Acc, []) end.
drain(Acc) -> receive M -> drain([M | Acc]) after 0 -> lists:reverse(Acc, []) end.

seq(N, M) when N > M -> [];
seq(N, M) -> [N | seq(N + 1, M)].
