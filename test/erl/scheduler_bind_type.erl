%% system_flag(scheduler_bind_type, T): the old type back, system_info
%% follows (default_bind names thread_no_node_processor_spread), unbound
%% undoes it, an unknown type is badarg. Work still runs while bound. The
%% dirty scheduler counts cannot be changed here.
-module(scheduler_bind_type).
-export([main/0]).

main() ->
    erlang:display({first, erlang:system_info(scheduler_bind_type)}),
    erlang:display({set_default, erlang:system_flag(scheduler_bind_type, default_bind)}),
    erlang:display({now, erlang:system_info(scheduler_bind_type)}),
    erlang:display({bound_size, tuple_size(erlang:system_info(scheduler_bindings)) =:= erlang:system_info(schedulers)}),
    erlang:display({work, work(8)}),
    erlang:display({set_spread, erlang:system_flag(scheduler_bind_type, spread)}),
    erlang:display({set_unbound, erlang:system_flag(scheduler_bind_type, unbound)}),
    erlang:display({unbound_now, erlang:system_info(scheduler_bind_type)}),
    erlang:display({bogus, element(1, element(2, catch erlang:system_flag(scheduler_bind_type, bogus)))}),
    erlang:display({dirty_io, catch erlang:system_flag(dirty_io_schedulers_online, 1)}).

work(K) ->
    Self = self(),
    start(K, Self),
    collect(K, 0).

start(0, _) -> ok;
start(K, Owner) -> spawn(fun() -> Owner ! {n, count(100000)} end), start(K - 1, Owner).

collect(0, S) -> S;
collect(K, S) -> receive {n, N} -> collect(K - 1, S + N) end.

count(0) -> 0;
count(N) -> 1 + count(N - 1).
