%% system_flag(schedulers_online, N): the old number back, system_info
%% follows, work still gets done with one scheduler online (a ring of
%% processes, a busy loop in several processes), and all come back online.
%% Out-of-range values are badarg.
-module(schedulers_online).
-export([main/0]).

main() ->
    S = erlang:system_info(schedulers),
    erlang:display({start, erlang:system_info(schedulers_online) =:= S}),
    erlang:display({set_one, erlang:system_flag(schedulers_online, 1) =:= S}),
    erlang:display({now_one, erlang:system_info(schedulers_online)}),
    erlang:display({ring, ring(200, 50)}),
    erlang:display({busy, busy(4)}),
    erlang:display({zero, catch erlang:system_flag(schedulers_online, 0)}),
    erlang:display({too_many, catch erlang:system_flag(schedulers_online, S + 1)}),
    erlang:display({not_int, catch erlang:system_flag(schedulers_online, two)}),
    erlang:display({back, erlang:system_flag(schedulers_online, S)}),
    erlang:display({all, erlang:system_info(schedulers_online) =:= S}),
    erlang:display({ring_again, ring(200, 50)}).

%% N processes in a ring pass a token around M times
ring(N, M) ->
    Self = self(),
    First = spawn(fun() -> relay(Self, none) end),
    Last = make_ring(N - 1, First, Self),
    First ! {next, Last},
    First ! {token, N * M},
    receive {done, Hops} -> Hops end.

make_ring(0, Prev, _) -> Prev;
make_ring(K, Prev, Owner) -> make_ring(K - 1, spawn(fun() -> relay(Owner, Prev) end), Owner).

relay(Owner, Next) ->
    receive
        {next, N} -> relay(Owner, N);
        {token, 0} -> Owner ! {done, ok};
        {token, K} -> Next ! {token, K - 1}, relay(Owner, Next)
    end.

busy(K) ->
    spin_up(K, self()),
    collect(K, 0).

spin_up(0, _) -> ok;
spin_up(K, Owner) ->
    spawn(fun() -> Owner ! {spun, count(300000)} end),
    spin_up(K - 1, Owner).

collect(0, Sum) -> Sum;
collect(K, Sum) -> receive {spun, N} -> collect(K - 1, Sum + N) end.

count(0) -> 0;
count(N) -> 1 + count(N - 1).
