%% ember-mode: otp
%% system_flag(microstate_accounting, true | false | reset) and
%% statistics(microstate_accounting): one map per runtime thread with OTP's
%% seven states; busy work shows as emulator time on the schedulers, idle
%% time as sleep; reset zeroes the counters. Numbers are not printed.
-module(microstate_accounting).
-export([main/0]).

main() ->
    S = erlang:system_info(schedulers),
    erlang:display({on, erlang:system_flag(microstate_accounting, true)}),
    erlang:display({on_again, erlang:system_flag(microstate_accounting, true)}),
    spin(2000000),
    receive after 20 -> ok end,
    L = erlang:statistics(microstate_accounting),
    erlang:display({keys, same_keys(L)}),
    erlang:display({schedulers, ids(scheduler, L) =:= seq(1, S)}),
    erlang:display({one_poller, ids(poll, L)}),
    erlang:display({emulator, sum(scheduler, emulator, L) > 0}),
    erlang:display({sleep, sum(poll, sleep, L) > 0}),
    erlang:display({off, erlang:system_flag(microstate_accounting, false)}),
    erlang:display({reset_while_off, erlang:system_flag(microstate_accounting, reset)}),
    erlang:display({zeroed, all_zero(erlang:statistics(microstate_accounting))}),
    erlang:display({reset_while_on, begin
                                        erlang:system_flag(microstate_accounting, true),
                                        erlang:system_flag(microstate_accounting, reset)
                                    end}),
    erlang:display({off_again, erlang:system_flag(microstate_accounting, false)}),
    erlang:display({bad, element(1, element(2, catch erlang:system_flag(microstate_accounting, maybe)))}).

same_keys([]) -> true;
same_keys([#{counters := C, id := I, type := T} = M | Rest]) ->
    lists:sort(maps:keys(C)) =:= [aux, check_io, emulator, gc, other, port, sleep]
        andalso map_size(M) =:= 3 andalso is_integer(I) andalso is_atom(T) andalso same_keys(Rest).

ids(Type, L) -> lists:sort([I || #{type := T, id := I} <- L, T =:= Type]).
seq(A, B) -> lists:seq(A, B).
sum(Type, State, L) -> lists:sum([maps:get(State, C) || #{type := T, counters := C} <- L, T =:= Type]).
all_zero(L) -> lists:all(fun(#{counters := C}) -> lists:all(fun(V) -> V =:= 0 end, maps:values(C)) end, L).

spin(0) -> ok;
spin(N) -> spin(N - 1).
