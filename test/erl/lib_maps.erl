%% The maps module (Ember's own, lib/maps.erl, in standalone mode): every
%% export with ordinary, edge and bad arguments, and the order in which funs
%% see the keys of small and large (hash-trie) maps. Large maps here have
%% integer, float, tuple and string keys without atoms: a key holding an atom
%% places differently in Ember's hash tries than in OTP's, where the atom's
%% hash is its index in the atom table.
-module(lib_maps).
-export([main/0]).
-include("test.hrl").

main() ->
    bifs(),
    basics(),
    iteration(?ID(#{a => 1, b => 2, c => 3})),
    iteration(big(?ID(50))),
    iteration(big(?ID(1000))),
    iterators(),
    combining(),
    groups(),
    bad_args().

%% Keys of several types; 1 and 1.0 are different keys.
big(N) ->
    maps:from_list([{I, I * I} || I <- lists:seq(1, N)] ++
                   [{float(I), I} || I <- lists:seq(1, N, 7)] ++
                   [{{I, "t"}, I} || I <- lists:seq(1, 20)] ++ [{"str", s}, {<<"bin">>, b}, {[], nil}]).

bifs() ->
    M = ?ID(#{a => 1, b => 2}),
    ?T(maps:new()), ?T(maps:get(a, M)), ?T(maps:get(z, M)), ?T(maps:find(b, M)), ?T(maps:find(z, M)),
    ?T(maps:is_key(a, M)), ?T(maps:put(c, 3, M)), ?T(maps:update(a, 9, M)), ?T(maps:update(z, 9, M)),
    ?T(maps:remove(a, M)), ?T(maps:take(a, M)), ?T(maps:take(z, M)), ?T(maps:keys(M)), ?T(maps:values(M)),
    ?T(maps:to_list(M)), ?T(maps:merge(M, #{a => x, d => 4})), ?T(maps:from_list([{a, 1}, {a, 2}])),
    ?T(maps:from_keys([a, b], 0)), ?T(maps:iterator(M)), ?T(maps:next(maps:iterator(M))),
    ?T(maps:next(none)), ?T(maps:next(?ID(x))), ?T(maps:iterator(?ID(x))), ?T(maps:get(a, ?ID(x))),
    ?T([erlang:is_builtin(maps, F, A) || {F, A} <- [{get, 2}, {find, 2}, {is_key, 2}, {put, 3},
                                                     {update, 3}, {remove, 2}, {take, 2}, {keys, 1},
                                                     {values, 1}, {merge, 2}, {from_list, 1},
                                                     {from_keys, 2}]]).

basics() ->
    M = ?ID(#{a => 1, 1 => int, 1.0 => float}),
    ?T(maps:size(M)), ?T(maps:size(#{})), ?T(maps:size(?ID(x))), ?T(maps:size(big(?ID(100)))),
    ?T(maps:get(a, M, def)), ?T(maps:get(z, M, def)), ?T(maps:get(1.0, M, def)), ?T(maps:get(2.0, M, def)),
    ?T(maps:get(a, ?ID(x), def)),
    ?T(maps:update_with(a, fun(V) -> V + 1 end, M)), ?T(maps:update_with(z, fun(V) -> V + 1 end, M)),
    ?T(maps:update_with(a, fun(V) -> V + 1 end, ?ID(x))), ?T(maps:update_with(a, ?ID(notfun), M)),
    ?T(maps:update_with(a, fun(V, W) -> {V, W} end, M)),
    ?T(maps:update_with(a, fun(V) -> V * 10 end, init, M)), ?T(maps:update_with(z, fun(V) -> V * 10 end, init, M)),
    ?T(maps:update_with(z, fun(V) -> V end, init, ?ID(x))), ?T(maps:update_with(z, ?ID(notfun), init, M)),
    ?T(maps:with([a, 1, z], M)), ?T(maps:with([], M)), ?T(maps:with([a], ?ID(x))), ?T(maps:with(?ID(x), M)),
    ?T(maps:with(?ID([a | b]), M)),
    ?T(maps:without([a, 1, z], M)), ?T(maps:without([], M)), ?T(maps:without([a], ?ID(x))),
    ?T(maps:without(?ID(x), M)), ?T(maps:without(?ID([z | b]), M)),
    B = big(?ID(300)),
    ?T(maps:size(maps:with(lists:seq(1, 400, 3), B))), ?T(maps:size(maps:without(lists:seq(1, 400, 3), B))),
    ?T(maps:to_list(maps:with([5, 5.0, {3, "t"}, "str", nope], B))).

%% Every walk is logged, so the output shows the order in which funs see keys.
iteration(M) ->
    Log = fun(X) -> put(walk, [X | walk()]) end,
    ?T(maps:fold(fun(K, V, A) -> Log(K), [{K, V} | A] end, [], M)), ?T(take_walk()),
    ?T(maps:map(fun(K, V) -> Log(K), {V} end, M) =:= maps:from_list([{K, {V}} || {K, V} <- maps:to_list(M)])),
    ?T(take_walk()),
    ?T(maps:filter(fun(K, _) -> Log(K), is_integer(K) end, M)), ?T(take_walk()),
    ?T(maps:filtermap(fun(K, V) when is_integer(K) -> Log(K), K rem 2 =:= 0 orelse {true, -V};
                         (K, _) -> Log(K), false end, M)),
    ?T(take_walk()),
    ?T(maps:foreach(fun(K, V) -> Log({K, V}) end, M)), ?T(take_walk()),
    ?T(maps:keys(M)), ?T(maps:values(M)), ?T(maps:to_list(M)).

walk() -> case get(walk) of undefined -> []; W -> W end.

take_walk() ->
    W = walk(),
    put(walk, []),
    lists:reverse(W).

iterators() ->
    M = big(?ID(40)),
    I0 = maps:iterator(M),
    {K1, V1, I1} = maps:next(I0),
    ?T({K1, V1}),
    ?T(maps:fold(fun(K, V, A) -> [{K, V} | A] end, [], I1)),
    ?T(maps:map(fun(_, V) -> V end, I1) =:= maps:remove(K1, M)),
    ?T(maps:filter(fun(K, _) -> is_tuple(K) end, I1)),
    ?T(maps:filtermap(fun(K, V) -> is_list(K) andalso {true, V} end, I1)),
    ?T(maps:foreach(fun(_, _) -> ok end, I1)),
    ?T(maps:fold(fun(K, V, A) -> [{K, V} | A] end, [], none)), ?T(maps:map(fun(K, V) -> {K, V} end, none)),
    ?T(maps:fold(fun(K, V, A) -> [{K, V} | A] end, [], maps:next(maps:iterator(#{a => 1, b => 2})))),
    ?T(maps:fold(fun(K, V, A) -> [{K, V} | A] end, [], ?ID([0 | x]))),
    ?T(maps:filter(fun(_, _) -> true end, ?ID({1, 2}))),
    ?T(maps:map(fun(_, _) -> true end, ?ID([a | #{}]))),
    ?T(walk_iter(maps:next(maps:iterator(M)), 0)).

walk_iter(none, N) -> N;
walk_iter({_, _, I}, N) -> walk_iter(maps:next(I), N + 1).

combining() ->
    Log = fun(X) -> put(walk, [X | walk()]) end,
    A = ?ID(#{a => 1, b => 2, c => 3}), B = ?ID(#{b => 20, c => 30, d => 40, 1 => x}),
    ?T(maps:intersect(A, B)), ?T(maps:intersect(B, A)), ?T(maps:intersect(A, #{})), ?T(maps:intersect(#{}, A)),
    ?T(maps:intersect(#{1 => a}, #{1.0 => b})),
    Comb = fun(K, V1, V2) -> Log({K, V1, V2}), {V1, V2} end,
    ?T(maps:intersect_with(Comb, A, B)), ?T(take_walk()), ?T(maps:intersect_with(Comb, B, A)), ?T(take_walk()),
    ?T(maps:intersect_with(Comb, A, ?ID(#{a => x, b => y, c => z}))), ?T(take_walk()),
    ?T(maps:merge_with(Comb, A, B)), ?T(take_walk()), ?T(maps:merge_with(Comb, B, A)), ?T(take_walk()),
    ?T(maps:merge_with(Comb, A, ?ID(#{a => x, b => y, z => z}))), ?T(take_walk()),
    ?T(maps:merge_with(Comb, #{}, A)), ?T(maps:merge_with(Comb, A, #{})),
    BA = big(?ID(200)), BB = maps:from_list([{K, -1} || K <- lists:seq(100, 350, 2)]),
    ?T(maps:intersect_with(Comb, BA, BB) =:= maps:from_list([{K, {V, -1}} || {K, V} <- maps:to_list(BA), maps:is_key(K, BB)])),
    ?T(take_walk()),
    ?T(maps:size(maps:merge_with(Comb, BB, BA))), ?T(take_walk()),
    ?T(maps:size(maps:intersect(BA, BB))), ?T(maps:get(150, maps:intersect(BA, BB))),
    ?T(maps:get(150, maps:intersect(BB, BA))).

groups() ->
    Log = fun(X) -> put(walk, [X | walk()]) end,
    L = ?ID([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
    ?T(maps:groups_from_list(fun(X) -> Log({k, X}), X rem 3 end, L)), ?T(take_walk()),
    ?T(maps:groups_from_list(fun(X) -> Log({k, X}), X rem 2 end, fun(X) -> Log({v, X}), X * X end, L)),
    ?T(take_walk()),
    ?T(maps:groups_from_list(fun erlang:length/1, ?ID(["ant", "bee", "cat", "dingo", "eel"]))),
    ?T(maps:groups_from_list(fun(X) -> X end, ?ID([]))),
    ?T(maps:groups_from_list(fun(X) -> X end, ?ID([1, 1.0, 1]))),
    ?T(maps:groups_from_list(fun(X) -> X end, ?ID(a))), ?T(maps:groups_from_list(fun(X) -> X end, ?ID([1 | a]))),
    ?T(maps:groups_from_list(?ID(notfun), ?ID([1]))),
    ?T(maps:groups_from_list(fun(X) -> X end, ?ID(notfun), ?ID([1]))),
    ?T(maps:groups_from_list(fun(X) -> X end, fun(X) -> X end, ?ID([1 | a]))),
    ?T(maps:size(maps:groups_from_list(fun(X) -> X rem 500 end, lists:seq(1, 5000)))),
    ?T(maps:get(7, maps:groups_from_list(fun(X) -> X rem 500 end, lists:seq(1, 5000)))).

bad_args() ->
    F1 = fun(X) -> X end, F2 = fun(_, _) -> true end, F3 = fun(_, _, A) -> A end,
    ?T(maps:fold(F3, 0, ?ID(a))), ?T(maps:fold(?ID(x), 0, ?ID(a))), ?T(maps:fold(?ID(x), 0, #{})),
    ?T(maps:fold(F2, 0, #{})), ?T(maps:fold(?ID(x), 0, none)),
    ?T(maps:filter(F2, ?ID(a))), ?T(maps:filter(?ID(x), ?ID(a))), ?T(maps:filter(?ID(x), #{})),
    ?T(maps:filter(F1, #{})), ?T(maps:filter(fun(_, _) -> maybe end, #{a => 1})),
    ?T(maps:map(F2, ?ID(a))), ?T(maps:map(?ID(x), ?ID(a))), ?T(maps:map(F1, #{a => 1})),
    ?T(maps:filtermap(F2, ?ID(a))), ?T(maps:filtermap(?ID(x), #{})),
    ?T(maps:filtermap(fun(_, _) -> maybe end, #{a => 1})),
    ?T(maps:foreach(F2, ?ID(a))), ?T(maps:foreach(?ID(x), #{})), ?T(maps:foreach(F2, ?ID([0 | x]))),
    ?T(maps:intersect(?ID(a), ?ID(b))), ?T(maps:intersect(#{}, ?ID(b))), ?T(maps:intersect(?ID(a), #{})),
    ?T(maps:intersect_with(?ID(x), ?ID(a), ?ID(b))), ?T(maps:intersect_with(F3, ?ID(a), #{})),
    ?T(maps:intersect_with(F3, #{}, ?ID(b))), ?T(maps:intersect_with(F2, #{}, #{})),
    ?T(maps:merge_with(?ID(x), #{}, #{})), ?T(maps:merge_with(F3, #{}, ?ID(b))),
    ?T(maps:merge_with(F3, ?ID(a), ?ID(b))).
