%% ets:info/2's storage items (binary, stats) and the erts_internal ETS
%% helpers: raw walks, binary info per key, super user access to private
%% tables. Addresses, reference counts and bucket counts depend on the
%% runtime, so the test prints what both must agree on.
%% ember-otp-libs: stdlib
-module(ets_info).
-export([main/0]).
-include("test.hrl").

main() ->
    binaries(),
    stats(),
    raw_walks(),
    super_user(),
    ok.

binaries() ->
    [begin
         T = ets:new(t, [Type]),
         ets:insert(T, [{K, binary:copy(<<K:800>>), <<K>>} || K <- [3, 1, 2]]),
         ets:insert(T, {4, <<"small">>, [binary:copy(<<1:1000>>), binary:copy(<<2:1000>>)]}),
         Info = ets:info(T, binary),
         erlang:display({Type, lists:sort([Size || {_, Size, _} <- Info]),
                         lists:all(fun({A, _, R}) -> is_integer(A) andalso R >= 1 end, Info)}),
         erlang:display({by_key, [S || {_, S, _} <- erts_internal:ets_lookup_binary_info(T, 2)],
                         lists:sort([S || {_, S, _} <- erts_internal:ets_lookup_binary_info(T, 4)]),
                         erts_internal:ets_lookup_binary_info(T, 9)}),
         ets:delete(T)
     end || Type <- [set, ordered_set, bag]],
    erlang:display(catch erts_internal:ets_lookup_binary_info(nope, 1)).

stats() ->
    erlang:display({ordered_set, ets:info(ets:new(t, [ordered_set]), stats)}),
    [begin
         T = ets:new(t, Opts),
         ets:insert(T, [{K rem Keys, K} || K <- lists:seq(1, 1000)]),
         {Buckets, Mean, Dev, Expected, Min, Max, Kept, Locks} = ets:info(T, stats),
         Size = ets:info(T, size),
         erlang:display({Opts, Size, Kept, Locks, Min =< Max, Max >= Size div Buckets,
                         is_float(Dev) andalso Dev >= 0.0,
                         abs(Mean - Size / Buckets) < 1.0e-6,
                         abs(Expected - math:sqrt(Size / Buckets * (1 - 1 / Buckets))) < 1.0e-6})
     end || {Opts, Keys} <- [{[set], 1000}, {[bag, {write_concurrency, true}], 7},
                             {[duplicate_bag], 10}]].

raw_walks() ->
    T = ets:new(t, [ordered_set]),
    ets:insert(T, [{K} || K <- [5, 1, 3]]),
    erlang:display({raw, erts_internal:ets_raw_first(T), erts_internal:ets_raw_next(T, 1),
                    erts_internal:ets_raw_next(T, 5), erts_internal:ets_raw_next(T, 2)}),
    H = ets:new(h, [set]),
    ets:insert(H, [{K} || K <- lists:seq(1, 50)]),
    erlang:display({raw_hash, length(raw_keys(H, erts_internal:ets_raw_first(H), [])),
                    ets:first(ets:new(e, [set]))}),
    erlang:display(err(fun() -> erts_internal:ets_raw_next(H, 77) end)),
    erlang:display(catch erts_internal:ets_raw_first(nope)).

raw_keys(_, '$end_of_table', Acc) -> Acc;
raw_keys(T, K, Acc) -> raw_keys(T, erts_internal:ets_raw_next(T, K), [K | Acc]).

super_user() ->
    Self = self(),
    Owner = spawn(fun() ->
                          T = ets:new(t, [private]),
                          ets:insert(T, {a, 1}),
                          Self ! {table, T},
                          receive stop -> ok end
                  end),
    T = receive {table, Tab} -> Tab end,
    erlang:display({before, err(fun() -> ets:lookup(T, a) end)}),
    erlang:display(erts_internal:ets_super_user(true)),
    erlang:display({super, ets:lookup(T, a), ets:insert(T, {b, 2}), ets:info(T, size)}),
    erlang:display(erts_internal:ets_super_user(false)),
    erlang:display({after_, err(fun() -> ets:lookup(T, a) end)}),
    erlang:display(catch erts_internal:ets_super_user(maybe)),
    Owner ! stop.

%% An error without its arguments (table ids print differently).
err(F) ->
    try F() of V -> {value, V}
    catch error:R:St -> [{M, Fn, _, Info} | _] = St, {R, M, Fn, Info}
    end.
