%% The ETS functions written in Erlang: folds, tab2list, all/0, deleting by
%% pattern and match specification, match_spec_run, test_ms, init_table,
%% fun2ms without the parse transform; and the BIFs still answer.
-module(lib_ets_lib).
-export([main/0]).
-include("test.hrl").

main() ->
    S = ets:new(s, [set]),
    O = ets:new(o, [ordered_set]),
    B = ets:new(b, [bag]),
    ets:insert(S, [{K, K * K} || K <- [1, 2, 3, 4, 5]]),
    ets:insert(O, [{K, K * K} || K <- [5, 3, 1, 4, 2]]),
    ets:insert(B, [{k, 1}, {k, 2}, {j, 3}]),
    ?T(ets:foldl(fun({_, V}, A) -> A + V end, 0, S)),
    ?T(sort(ets:foldl(fun(X, A) -> [X | A] end, [], S))),
    ?T(ets:foldl(fun(X, A) -> [X | A] end, [], O)),
    ?T(ets:foldr(fun(X, A) -> [X | A] end, [], O)),
    ?T(sort(ets:foldl(fun(X, A) -> [X | A] end, [], B))),
    ?T(ets:foldl(fun(_, _) -> throw(stop) end, 0, O)),
    ?T(ets:info(O, safe_fixed)),
    ?T(ets:foldl(fun(X, A) -> [X | A] end, [], nosuch)),
    ?T(ets:foldr(fun(X, A) -> [X | A] end, [], nosuch)),
    ?T(sort(ets:tab2list(S))),
    ?T(ets:tab2list(O)),
    ?T(ets:tab2list(nosuch)),
    ?T(lists:member(S, ets:all())),
    ?T(lists:member(O, ets:all())),
    ?T(ets:match_delete(S, {'_', 4})),
    ?T(sort(ets:tab2list(S))),
    ?T(ets:select_delete(O, [{{'$1', '_'}, [{'>', '$1', 3}], [true]}])),
    ?T(ets:tab2list(O)),
    ?T(ets:select_delete(O, [{'_', [], [true]}])),
    ?T(ets:tab2list(O)),
    ?T(ets:delete_all_objects(B)),
    ?T(ets:tab2list(B)),
    ?T(ets:delete_all_objects(nosuch)),
    ?T(ets:match_delete(nosuch, '_')),
    MS = ets:match_spec_compile([{{'$1', '$2'}, [{is_integer, '$2'}], [{{'$2', '$1'}}]}]),
    ?T(ets:match_spec_run([{a, 1}, {b, x}, {c, 3}, foo], MS)),
    ?T(ets:match_spec_run([], MS)),
    ?T(ets:test_ms({a, 1}, [{{'$1', '$2'}, [], [{{'$2', '$1'}}]}])),
    ?T(ets:test_ms({a, 1}, [{{'$1', '$2'}, [{'>', '$2', 5}], ['$_']}])),
    ?T(element(1, ets:test_ms({a, 1}, [{{'$1', '$2'}, [{bad_guard, '$2'}], ['$_']}]))),
    I = ets:new(i, [ordered_set]),
    ets:insert(I, {old, 0}),
    ?T(ets:init_table(I, feeder([[{a, 1}, {b, 2}], [], [{c, 3}]]))),
    ?T(ets:tab2list(I)),
    ?T(ets:init_table(I, fun(read) -> wrong end)),
    ?T(ets:fun2ms(fun({A, _}) -> A end)),
    ?T(ets:lookup(S, 1)),
    ?T(ets:member(S, 4)),
    ?T(ets:info(S, size)),
    ?T(erlang:function_exported(ets, foldl, 3)),
    ?T(erlang:function_exported(ets, lookup, 2)),
    [ets:delete(T) || T <- [S, O, B, I]],
    ?T(lists:member(S, ets:all())).

feeder([]) -> fun(read) -> end_of_input end;
feeder([Objs | Rest]) -> fun(read) -> {Objs, feeder(Rest)} end.

sort(L) -> lists:reverse(isort(L, []), []).

isort([], Acc) -> Acc;
isort([X | T], Acc) -> isort(T, ins(X, Acc)).

ins(X, [Y | T]) when X < Y -> [Y | ins(X, T)];
ins(X, L) -> [X | L].
