%% maps.erl — Ember's maps module for the standalone boot: OTP 25's maps.
%% The functions OTP writes in C are BIFs here too (their stubs never run);
%% so are iterator/1 and next/1, which OTP 25 writes in Erlang. The rest walk
%% maps with iterators, so funs see keys in OTP's order, and fail with OTP's
%% reasons ({badmap, M}, {badkey, K}, badarg).
-module(maps).

-export([filter/2, filtermap/2, find/2, fold/3, foreach/2, from_keys/2,
         from_list/1, get/2, get/3, groups_from_list/2, groups_from_list/3,
         intersect/2, intersect_with/3, is_key/2, iterator/1, keys/1, map/2,
         merge/2, merge_with/3, new/0, next/1, put/3, remove/2, size/1,
         take/2, to_list/1, update/3, update_with/3, update_with/4, values/1,
         with/2, without/2]).

%% An iterator: what iterator/1 or next/1 returns ([Path | Map], {K, V, Next}
%% or none).
-define(IS_ITERATOR(I),
        ((is_tuple(I) andalso tuple_size(I) == 3) orelse I == none orelse
         (is_integer(hd(I)) andalso is_map(tl(I))))).

%% ---- BIFs (erts/bif/bifs_maps.def) -------------------------------------------

find(_, _) -> erlang:nif_error(undef).
from_keys(_, _) -> erlang:nif_error(undef).
from_list(_) -> erlang:nif_error(undef).
get(_, _) -> erlang:nif_error(undef).
is_key(_, _) -> erlang:nif_error(undef).
iterator(_) -> erlang:nif_error(undef).
keys(_) -> erlang:nif_error(undef).
merge(_, _) -> erlang:nif_error(undef).
next(_) -> erlang:nif_error(undef).
put(_, _, _) -> erlang:nif_error(undef).
remove(_, _) -> erlang:nif_error(undef).
take(_, _) -> erlang:nif_error(undef).
to_list(_) -> erlang:nif_error(undef).
update(_, _, _) -> erlang:nif_error(undef).
values(_) -> erlang:nif_error(undef).

%% ---- the rest ----------------------------------------------------------------

new() -> #{}.

size(Map) when is_map(Map) -> map_size(Map);
size(Val) -> erlang:error({badmap, Val}, [Val]).

get(Key, Map, Default) when is_map(Map) ->
    case Map of
        #{Key := Value} -> Value;
        #{} -> Default
    end;
get(Key, Map, Default) ->
    erlang:error({badmap, Map}, [Key, Map, Default]).

update_with(Key, Fun, Map) when is_function(Fun, 1), is_map(Map) ->
    case Map of
        #{Key := Value} -> Map#{Key := Fun(Value)};
        #{} -> erlang:error({badkey, Key}, [Key, Fun, Map])
    end;
update_with(Key, Fun, Map) ->
    erlang:error(error_type(Map), [Key, Fun, Map]).

update_with(Key, Fun, Init, Map) when is_function(Fun, 1), is_map(Map) ->
    case Map of
        #{Key := Value} -> Map#{Key := Fun(Value)};
        #{} -> Map#{Key => Init}
    end;
update_with(Key, Fun, Init, Map) ->
    erlang:error(error_type(Map), [Key, Fun, Init, Map]).

with(Ks, Map) when is_list(Ks), is_map(Map) -> maps:from_list(with_1(Ks, Map));
with(Ks, Map) -> erlang:error(error_type(Map), [Ks, Map]).

with_1([K | Ks], Map) ->
    case Map of
        #{K := V} -> [{K, V} | with_1(Ks, Map)];
        #{} -> with_1(Ks, Map)
    end;
with_1([], _) -> [].

without(Ks, Map) when is_list(Ks), is_map(Map) -> lists:foldl(fun maps:remove/2, Map, Ks);
without(Ks, Map) -> erlang:error(error_type(Map), [Ks, Map]).

%% The combiner runs over the smaller map (the first when both are of a
%% size), as on OTP; it always sees Map1's value first.
intersect(Map1, Map2) when is_map(Map1), is_map(Map2) ->
    if
        map_size(Map1) =< map_size(Map2) ->
            intersect_small_first(fun(_, _, V2) -> V2 end, Map1, Map2);
        true ->
            intersect_small_first(fun(_, V2, _) -> V2 end, Map2, Map1)
    end;
intersect(Map1, Map2) ->
    error_with_info(error_type_two_maps(Map1, Map2), [Map1, Map2]).

intersect_with(Combiner, Map1, Map2) when is_map(Map1), is_map(Map2), is_function(Combiner, 3) ->
    if
        map_size(Map1) =< map_size(Map2) ->
            intersect_small_first(Combiner, Map1, Map2);
        true ->
            intersect_small_first(fun(K, V2, V1) -> Combiner(K, V1, V2) end, Map2, Map1)
    end;
intersect_with(Combiner, Map1, Map2) ->
    error_with_info(error_type_merge_intersect(Map1, Map2, Combiner), [Combiner, Map1, Map2]).

intersect_small_first(Combiner, Small, Big) ->
    intersect_walk(maps:next(maps:iterator(Small)), [], Big, Combiner).

intersect_walk({K, V1, Iter}, Keep, Big, Combiner) ->
    Next = maps:next(Iter),
    case Big of
        #{K := V2} -> intersect_walk(Next, [{K, Combiner(K, V1, V2)} | Keep], Big, Combiner);
        #{} -> intersect_walk(Next, Keep, Big, Combiner)
    end;
intersect_walk(none, Keep, _, _) ->
    maps:from_list(Keep).

%% The smaller map is walked and put into the larger (into Map2 when both
%% are of a size); the combiner always sees Map1's value first.
merge_with(Combiner, Map1, Map2) when is_map(Map1), is_map(Map2), is_function(Combiner, 3) ->
    if
        map_size(Map1) > map_size(Map2) ->
            merge_into(maps:next(maps:iterator(Map2)), Map1, Combiner);
        true ->
            merge_into(maps:next(maps:iterator(Map1)), Map2, fun(K, V2, V1) -> Combiner(K, V1, V2) end)
    end;
merge_with(Combiner, Map1, Map2) ->
    error_with_info(error_type_merge_intersect(Map1, Map2, Combiner), [Combiner, Map1, Map2]).

merge_into({K, V, Iter}, Into, Combiner) ->
    case Into of
        #{K := Old} -> merge_into(maps:next(Iter), Into#{K := Combiner(K, Old, V)}, Combiner);
        #{} -> merge_into(maps:next(Iter), maps:put(K, V, Into), Combiner)
    end;
merge_into(none, Into, _) ->
    Into.

filter(Pred, Map) when is_map(Map), is_function(Pred, 2) ->
    maps:from_list(filter_1(Pred, maps:iterator(Map)));
filter(Pred, Iter) when is_function(Pred, 2), ?IS_ITERATOR(Iter) ->
    maps:from_list(filter_1(Pred, Iter));
filter(Pred, Map) ->
    erlang:error(error_type_fun(Pred, 2, Map), [Pred, Map]).

filter_1(Pred, Iter) ->
    case maps:next(Iter) of
        {K, V, Next} ->
            case Pred(K, V) of
                true -> [{K, V} | filter_1(Pred, Next)];
                false -> filter_1(Pred, Next)
            end;
        none ->
            []
    end.

filtermap(Fun, Map) when is_map(Map), is_function(Fun, 2) ->
    maps:from_list(filtermap_1(Fun, maps:iterator(Map)));
filtermap(Fun, Iter) when is_function(Fun, 2), ?IS_ITERATOR(Iter) ->
    maps:from_list(filtermap_1(Fun, Iter));
filtermap(Fun, Map) ->
    erlang:error(error_type_fun(Fun, 2, Map), [Fun, Map]).

filtermap_1(Fun, Iter) ->
    case maps:next(Iter) of
        {K, V, Next} ->
            case Fun(K, V) of
                true -> [{K, V} | filtermap_1(Fun, Next)];
                {true, NewV} -> [{K, NewV} | filtermap_1(Fun, Next)];
                false -> filtermap_1(Fun, Next)
            end;
        none ->
            []
    end.

foreach(Fun, Map) when is_map(Map), is_function(Fun, 2) ->
    foreach_1(Fun, maps:iterator(Map));
foreach(Fun, Iter) when is_function(Fun, 2), ?IS_ITERATOR(Iter) ->
    foreach_1(Fun, Iter);
foreach(Fun, Map) ->
    erlang:error(error_type_fun(Fun, 2, Map), [Fun, Map]).

foreach_1(Fun, Iter) ->
    case maps:next(Iter) of
        {K, V, Next} ->
            Fun(K, V),
            foreach_1(Fun, Next);
        none ->
            ok
    end.

fold(Fun, Init, Map) when is_map(Map), is_function(Fun, 3) ->
    fold_1(Fun, Init, maps:iterator(Map));
fold(Fun, Init, Iter) when is_function(Fun, 3), ?IS_ITERATOR(Iter) ->
    fold_1(Fun, Init, Iter);
fold(Fun, Init, Map) ->
    erlang:error(error_type_fun(Fun, 3, Map), [Fun, Init, Map]).

fold_1(Fun, Acc, Iter) ->
    case maps:next(Iter) of
        {K, V, Next} -> fold_1(Fun, Fun(K, V, Acc), Next);
        none -> Acc
    end.

map(Fun, Map) when is_map(Map), is_function(Fun, 2) ->
    maps:from_list(map_1(Fun, maps:iterator(Map)));
map(Fun, Iter) when is_function(Fun, 2), ?IS_ITERATOR(Iter) ->
    maps:from_list(map_1(Fun, Iter));
map(Fun, Map) ->
    erlang:error(error_type_fun(Fun, 2, Map), [Fun, Map]).

map_1(Fun, Iter) ->
    case maps:next(Iter) of
        {K, V, Next} -> [{K, Fun(K, V)} | map_1(Fun, Next)];
        none -> []
    end.

%% The list is reversed first (a bad list is badarg), so the funs see the
%% elements last to first, and each group keeps the list's order.
groups_from_list(Fun, List0) when is_function(Fun, 1) ->
    try lists:reverse(List0) of
        List -> groups_1(Fun, List, #{})
    catch
        error:_ -> badarg_with_info([Fun, List0])
    end;
groups_from_list(Fun, List) ->
    badarg_with_info([Fun, List]).

groups_1(Fun, [H | T], Acc) ->
    K = Fun(H),
    groups_1(Fun, T, add_to_group(K, H, Acc));
groups_1(_, [], Acc) ->
    Acc.

groups_from_list(Fun, ValueFun, List0) when is_function(Fun, 1), is_function(ValueFun, 1) ->
    try lists:reverse(List0) of
        List -> groups_2(Fun, ValueFun, List, #{})
    catch
        error:_ -> badarg_with_info([Fun, ValueFun, List0])
    end;
groups_from_list(Fun, ValueFun, List) ->
    badarg_with_info([Fun, ValueFun, List]).

groups_2(Fun, ValueFun, [H | T], Acc) ->
    K = Fun(H),
    V = ValueFun(H),
    groups_2(Fun, ValueFun, T, add_to_group(K, V, Acc));
groups_2(_, _, [], Acc) ->
    Acc.

add_to_group(K, V, Acc) ->
    case Acc of
        #{K := Vs} -> Acc#{K := [V | Vs]};
        #{} -> Acc#{K => [V]}
    end.

%% ---- errors ---------------------------------------------------------------------

error_type(M) when is_map(M) -> badarg;
error_type(V) -> {badmap, V}.

%% The functions that take an iterator blame the fun before the map.
error_type_fun(Fun, Arity, M) when is_function(Fun, Arity) -> {badmap, M};
error_type_fun(_, _, _) -> badarg.

error_type_two_maps(M1, M2) when is_map(M1) -> {badmap, M2};
error_type_two_maps(M1, _) -> {badmap, M1}.

error_type_merge_intersect(M1, M2, Combiner) when is_function(Combiner, 3) ->
    error_type_two_maps(M1, M2);
error_type_merge_intersect(_, _, _) ->
    badarg.

error_with_info(Reason, Args) ->
    erlang:error(Reason, Args, [{error_info, #{module => erl_stdlib_errors}}]).

badarg_with_info(Args) ->
    error_with_info(badarg, Args).
