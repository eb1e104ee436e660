%% Walking ETS tables key by key through OTP's own ets.beam: first, next,
%% last, prev, slot, safe_fixtable, the folds and conversions built on them.
%% ember-otp-libs: stdlib
-module(ets_walk).
-export([main/0]).
-include("test.hrl").

keys(T, '$end_of_table', Acc) -> ets:info(T, size), lists:reverse(Acc);
keys(T, K, Acc) -> keys(T, ets:next(T, K), [K | Acc]).

rkeys(_, '$end_of_table', Acc) -> lists:reverse(Acc);
rkeys(T, K, Acc) -> rkeys(T, ets:prev(T, K), [K | Acc]).

slots(T, I, Acc) ->
    case ets:slot(T, I) of
        '$end_of_table' -> {I, lists:append(lists:reverse(Acc))};
        Objs -> slots(T, I + 1, [Objs | Acc])
    end.

main() ->
    Keys = [5, 3, 9, 1, 7, a, "s", {t}, 2.5, <<"b">>, [], -4],
    [begin
         T = ets:new(t, [Type]),
         ?T(ets:first(T)),
         ?T(ets:last(T)),
         ets:insert(T, [{K, v} || K <- Keys]),
         Walk = keys(T, ets:first(T), []),
         erlang:display({Type, length(Walk), lists:sort(Walk) =:= lists:sort(Keys)}),
         {_, Slotted} = slots(T, 0, []),
         erlang:display({Type, lists:sort(Slotted) =:= lists:sort([{K, v} || K <- Keys])}),
         ?T(lists:sort(ets:foldl(fun({K, _}, Acc) -> [K | Acc] end, [], T)) =:= lists:sort(Keys)),
         ?T(lists:sort(ets:foldr(fun({K, _}, Acc) -> [K | Acc] end, [], T)) =:= lists:sort(Keys)),
         ?T(ets:info(T, fixed)),
         ?T(ets:safe_fixtable(T, true)),
         ?T(ets:safe_fixtable(T, true)),
         ?T(ets:info(T, fixed)),
         {_, [{Pid, N}]} = ets:info(T, safe_fixed),
         ?T({Pid =:= self(), N}),
         ?T(is_integer(element(1, ets:info(T, safe_fixed_monotonic_time)))),
         %% deleting while fixed: the walk goes on
         K1 = ets:first(T),
         ets:delete(T, K1),
         ?T(length(keys(T, ets:first(T), []))),
         ?T(ets:safe_fixtable(T, false)),
         ?T(ets:safe_fixtable(T, false)),
         ?T(ets:info(T, fixed)),
         ?T(ets:info(T, safe_fixed)),
         ?T(length(ets:tab2list(T))),
         ets:delete(T)
     end || Type <- [set, bag, duplicate_bag]],
    O = ets:new(o, [ordered_set]),
    ?T(ets:first(O)),
    ?T(ets:next(O, anything)),
    ?T(ets:prev(O, anything)),
    ?T(ets:slot(O, 0)),
    ets:insert(O, [{K, v} || K <- Keys]),
    ?T(keys(O, ets:first(O), [])),
    ?T(rkeys(O, ets:last(O), [])),
    ?T(ets:next(O, 4)),
    ?T(ets:next(O, 5.0)),
    ?T(ets:prev(O, 1)),
    ?T(ets:next(O, <<"z">>)),
    ?T(ets:prev(O, -100)),
    ?T(ets:slot(O, 0)),
    ?T(ets:slot(O, 11)),
    ?T(ets:slot(O, 12)),
    ?T(try ets:slot(O, 13) catch error:R1 -> R1 end),
    ?T(try ets:slot(O, -1) catch error:R2 -> R2 end),
    ?T(ets:foldl(fun({K, _}, Acc) -> [K | Acc] end, [], O)),
    ?T(ets:foldr(fun({K, _}, Acc) -> [K | Acc] end, [], O)),
    ?T(ets:tab2list(O)),
    S = ets:new(s, [set]),
    ets:insert(S, {x, 1}),
    ?T(try ets:next(S, missing) catch error:R3 -> R3 end),
    ?T(ets:next(S, x)),
    ?T(ets:slot(S, 0) ++ ets:slot(S, 1) =:= [] orelse true),
    %% a fixation ends with its process
    Self = self(),
    P = spawn(fun() -> ets:safe_fixtable(S, true), Self ! fixed, receive stop -> ok end end),
    receive fixed -> ok end,
    ?T(ets:info(S, fixed)),
    Ref = monitor(process, P),
    P ! stop,
    receive {'DOWN', Ref, _, _, _} -> ok end,
    ?T(ets:info(S, fixed)),
    %% tables to and from lists
    L = ets:tab2list(O),
    T2 = ets:new(copy, [ordered_set]),
    ets:insert(T2, L),
    ?T(ets:tab2list(T2) =:= L),
    ?T(ets:match_delete(T2, {'_', v})),
    ?T(ets:tab2list(T2)),
    ok.
