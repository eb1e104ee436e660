%% ETS operations over tables big enough that the runtime cuts them into
%% slices (select, match, tab2list, select_count and select_delete over
%% 30,000 objects; delete_all_objects and delete of 60,000), with other processes running and writing meanwhile.
%% ember-otp-libs: stdlib
-module(ets_big).
-export([main/0]).
-include("test.hrl").

-define(N, 30000).

main() ->
    [big(Type) || Type <- [set, ordered_set, bag, duplicate_bag]],
    busy_neighbour(),
    ok.

big(Type) ->
    T = ets:new(t, [Type, public]),
    ets:insert(T, [{K, K rem 10, integer_to_list(K)} || K <- lists:seq(1, ?N)]),
    All = ets:tab2list(T),
    Sorted = lists:sort(All),
    erlang:display({Type, length(All), Sorted =:= [{K, K rem 10, integer_to_list(K)} || K <- lists:seq(1, ?N)],
                    Type =/= ordered_set orelse All =:= Sorted}),
    Sel = ets:select(T, [{{'$1', 3, '_'}, [], ['$1']}]),
    erlang:display({length(Sel), lists:sum(Sel), Type =/= ordered_set orelse Sel =:= lists:sort(Sel)}),
    Rev = ets:select_reverse(T, [{{'$1', '_', '_'}, [{'>', '$1', ?N - 5}], ['$1']}]),
    erlang:display({reverse, case Type of ordered_set -> Rev; _ -> lists:sort(Rev) end}),
    erlang:display({count, ets:select_count(T, [{{'_', '$1', '_'}, [{'<', '$1', 5}], [true]}])}),
    erlang:display({match, length(ets:match(T, {'$1', 7, '_'})), length(ets:match_object(T, {'_', 8, '_'}))}),
    erlang:display({delete, ets:select_delete(T, [{{'_', '$1', '_'}, [{'>=', '$1', 5}], [true]}]),
                    ets:info(T, size)}),
    erlang:display({left, lists:usort([R || {_, R, _} <- ets:tab2list(T)])}),
    erlang:display({delete_all, ets:select_delete(T, [{'_', [], [true]}]), ets:info(T, size)}),
    %% emptying and deleting big tables also goes in slices
    Fill = [{K, K rem 10, K} || K <- lists:seq(1, ?N * 2)],
    ets:insert(T, Fill),
    erlang:display({delete_all_objects, ets:delete_all_objects(T), ets:info(T, size), ets:first(T)}),
    ets:insert(T, Fill),
    erlang:display({refilled, ets:info(T, size), ets:lookup(T, ?N)}),
    erlang:display({deleted, ets:delete(T), ets:info(T, size)}).

%% A process keeps running while another scans a big table, and writers to
%% the same table do not disturb the scan's result.
busy_neighbour() ->
    T = ets:new(t, [ordered_set, public]),
    ets:insert(T, [{K, K} || K <- lists:seq(1, ?N)]),
    Self = self(),
    Writer = spawn(fun() -> write_loop(T, ?N + 1) end),
    Ticker = spawn(fun() -> tick(Self, 0) end),
    Scan = ets:select(T, [{{'$1', '_'}, [{'=<', '$1', ?N}], ['$1']}]),
    Ticker ! stop,
    Writer ! stop,
    receive {ticks, _N} -> ok end,
    ?T(Scan =:= lists:seq(1, ?N)),
    ok.

write_loop(T, K) ->
    receive stop -> ok
    after 0 -> ets:insert(T, {K, K}), write_loop(T, K + 1)
    end.

tick(To, N) ->
    receive stop -> To ! {ticks, N}
    after 0 -> tick(To, N + 1)
    end.
