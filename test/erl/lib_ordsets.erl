%% The ordsets and orddict modules (Ember's own, lib/ordsets.erl and
%% lib/orddict.erl, in standalone mode): every export with ordinary, edge and
%% bad arguments, and which of two equal elements or keys (1 and 1.0) stays.
-module(lib_ordsets).
-export([main/0]).
-include("test.hrl").

main() ->
    ordsets(),
    orddict(),
    big().

ordsets() ->
    A = ?ID([1, 2.0, 3, c]), B = ?ID([1.0, 2, 4, b, c]), E = ?ID([]),
    ?T(ordsets:new()), ?T(ordsets:from_list([c, a, b, a, 1, 1.0])), ?T(ordsets:from_list([])),
    ?T(ordsets:from_list(?ID(x))),
    ?T([ordsets:is_set(S) || S <- [A, B, E, [b, a], [a, a], [1, 1.0], x, [a | b]]]),
    ?T(ordsets:size(A)), ?T(ordsets:size(E)), ?T(ordsets:size(?ID(x))),
    ?T(ordsets:is_empty(E)), ?T(ordsets:is_empty(A)), ?T(ordsets:to_list(A)),
    ?T([ordsets:is_element(X, A) || X <- [0, 1, 1.0, 2, 2.0, 3, 4, c, d]]),
    ?T(ordsets:is_element(a, ?ID(x))),
    ?T([ordsets:add_element(X, A) || X <- [0, 1.0, 2, 2.5, c, d]]), ?T(ordsets:add_element(x, E)),
    ?T([ordsets:del_element(X, A) || X <- [0, 1.0, 2, 2.5, c, d]]), ?T(ordsets:del_element(x, E)),
    ?T(ordsets:union(A, B)), ?T(ordsets:union(B, A)), ?T(ordsets:union(A, E)), ?T(ordsets:union(E, B)),
    ?T(ordsets:union(?ID([1, 3, 5]), ?ID([1.0, 2, 3.0, 4, 5.0]))),
    ?T(ordsets:union([A, B, [0, 2.0]])), ?T(ordsets:union([])), ?T(ordsets:union([A])),
    ?T(ordsets:intersection(A, B)), ?T(ordsets:intersection(B, A)), ?T(ordsets:intersection(A, E)),
    ?T(ordsets:intersection(?ID([1, 2, 3.0, 5]), ?ID([1.0, 2.0, 3, 4, 5.0]))),
    ?T(ordsets:intersection([A, B, [1, c]])), ?T(ordsets:intersection([A])), ?T(ordsets:intersection(?ID([]))),
    ?T(ordsets:is_disjoint(A, B)), ?T(ordsets:is_disjoint(?ID([a, c]), ?ID([b, d]))), ?T(ordsets:is_disjoint(E, A)),
    ?T(ordsets:subtract(A, B)), ?T(ordsets:subtract(B, A)), ?T(ordsets:subtract(A, E)), ?T(ordsets:subtract(E, A)),
    ?T(ordsets:is_subset(?ID([1.0, c]), A)), ?T(ordsets:is_subset(A, B)), ?T(ordsets:is_subset(E, A)),
    ?T(ordsets:is_subset(A, E)),
    ?T(ordsets:fold(fun(X, Acc) -> [X | Acc] end, [], A)), ?T(ordsets:filter(fun is_number/1, A)),
    ?T(ordsets:fold(?ID(notfun), [], A)), ?T(ordsets:filter(fun(X) -> X end, A)),
    ?T(ordsets:union(?ID(x), ?ID([1]))), ?T(ordsets:union(?ID([1]), ?ID(x))), ?T(ordsets:union(?ID(x), ?ID([]))),
    ?T(ordsets:intersection(?ID([1 | x]), ?ID([2]))), ?T(ordsets:subtract(?ID(x), ?ID([]))),
    ?T(ordsets:is_subset(?ID([2]), ?ID([1 | x]))), ?T(ordsets:union([A, x])).

orddict() ->
    D = ?ID(orddict:from_list([{b, 2}, {a, 1}, {1, int}, {c, 3}, {b, 20}])),
    ?T(D), ?T(orddict:new()), ?T(orddict:from_list([])), ?T(orddict:from_list([{x, 1}])),
    ?T(orddict:from_list([{1, a}, {1.0, b}, {2.0, c}, {2, d}])), ?T(orddict:from_list(?ID([a, b]))),
    ?T(orddict:from_list(?ID(x))),
    ?T(orddict:to_list(D)), ?T(orddict:size(D)), ?T(orddict:is_empty(D)), ?T(orddict:is_empty([])),
    ?T(orddict:fetch_keys(D)),
    ?T([orddict:is_key(K, D) || K <- [a, b, z, 1, 1.0, 0]]),
    ?T([orddict:find(K, D) || K <- [a, b, z, 1, 1.0, 0]]),
    ?T(orddict:fetch(b, D)), ?T(orddict:fetch(1.0, D)), ?T(orddict:fetch(z, D)), ?T(orddict:fetch(0, D)),
    ?T([orddict:erase(K, D) || K <- [a, z, 1.0]]),
    ?T([orddict:take(K, D) || K <- [a, c, z, 1.0, 0]]),
    ?T([orddict:store(K, new, D) || K <- [a, z, 1.0, 0]]), ?T(orddict:store(k, v, [])),
    ?T([orddict:append(K, new, ?ID([{1, [x]}, {a, []}])) || K <- [a, 1.0, 0, z]]),
    ?T([orddict:append_list(K, [n1, n2], ?ID([{1, [x]}, {a, []}])) || K <- [a, 1.0, 0, z]]),
    ?T(orddict:append(a, x, ?ID([{a, notlist}]))),
    ?T([orddict:update(K, fun(V) -> {V} end, D) || K <- [a, 1.0]]),
    ?T(orddict:update(z, fun(V) -> V end, D)), ?T(orddict:update(0, fun(V) -> V end, D)),
    ?T([orddict:update(K, fun(V) -> {V} end, init, D) || K <- [a, 1.0, 0, z]]),
    ?T([orddict:update_counter(K, 5, ?ID([{1, 10}, {b, 1}])) || K <- [1.0, b, a, z]]),
    ?T(orddict:update_counter(b, 1, ?ID([{b, x}]))),
    ?T(orddict:fold(fun(K, V, Acc) -> [{V, K} | Acc] end, [], D)),
    ?T(orddict:map(fun(K, V) -> {K, V} end, D)), ?T(orddict:filter(fun(K, _) -> is_atom(K) end, D)),
    ?T(orddict:filter(fun(_, V) -> V end, D)),
    M = fun(K, V1, V2) -> {K, V1, V2} end,
    ?T(orddict:merge(M, D, ?ID([{1.0, float}, {b, bee}, {d, 4}]))),
    ?T(orddict:merge(M, ?ID([{1.0, float}, {b, bee}, {d, 4}]), D)),
    ?T(orddict:merge(M, [], D)), ?T(orddict:merge(M, D, [])),
    ?T(orddict:fold(?ID(notfun), [], [])), ?T(orddict:map(?ID(notfun), [])), ?T(orddict:filter(?ID(notfun), [])),
    ?T(orddict:merge(?ID(notfun), [], [])), ?T(orddict:fold(fun(_, _, A) -> A end, [], ?ID(x))),
    ?T(orddict:store(a, 1, ?ID([x]))), ?T(orddict:find(a, ?ID(x))), ?T(orddict:merge(M, ?ID(x), ?ID([{a, 1}]))).

big() ->
    Evens = ordsets:from_list(lists:seq(0, 20000, 2)),
    Threes = ordsets:from_list([float(X) || X <- lists:seq(0, 20000, 3)]),
    U = ordsets:union(Evens, Threes), I = ordsets:intersection(Evens, Threes),
    ?T({length(U), length(I), erlang:phash2(U), erlang:phash2(I)}),
    ?T({length(ordsets:subtract(Evens, Threes)), ordsets:is_subset(I, Evens), ordsets:is_disjoint(Evens, Threes)}),
    Dict = lists:foldl(fun(X, Acc) -> orddict:update_counter(X rem 97, 1, Acc) end, [], lists:seq(1, 5000)),
    ?T({orddict:size(Dict), orddict:fetch(5, Dict), erlang:phash2(Dict)}).
