%% Pattern matching: nested structures, repeated variables, aliases (=), string
%% prefixes, literals of every kind in patterns, and badmatch.
-module(match_patterns).
-export([main/0]).
-include("test.hrl").

main() ->
    [erlang:display({V, shape(?ID(V))}) || V <- [{point, 1, 2}, {point, 1, 1}, {line, {0, 0}, {0, 0}},
                                                [a, a], [a, b], {x, [1, 2, 3]}, "prefix-rest",
                                                "pre", {{1, 2}, {1, 2}}, [{k, v}], 3.0, 3, '3']],
    {A, B, C} = ?ID({1, [2, 3], {4}}),
    [H | T] = B, {D} = C,
    erlang:display({A, H, T, D}),
    X = Y = ?ID({same, 1}),
    erlang:display(X =:= Y),
    {P, P} = ?ID({q, q}),
    erlang:display(P),
    [erlang:display(swap(?ID(V))) || V <- [{1, 2}, {a, {b, c}}, [1, 2]]],
    ?T(begin {1, Z} = ?ID({2, 3}), Z end),
    ?T(begin [_, _] = ?ID([1, 2, 3]), ok end),
    ?T(begin {K, K} = ?ID({1, 1.0}), K end),
    ?T(begin "ab" ++ Rest = ?ID("abcd"), Rest end),
    ?T(begin "ab" ++ Rest = ?ID("xbcd"), Rest end),
    ?T(begin <<"lit">> = ?ID(<<"lit">>), ok end),
    ?T(begin 1.0 = ?ID(1), ok end),
    ?T(begin 1 = ?ID(1), ok end),
    ?T(begin [] = ?ID(""), ok end),
    ?T(begin {_, {_, [_ | Tl]}} = ?ID({a, {b, [c, d, e]}}), Tl end),
    ?T(deep(?ID({1, {2, {3, {4, {5, nil}}}}}), 0)),
    ?T(first_dup(?ID([a, b, c, b, a]))),
    ?T(zip(?ID([1, 2, 3]), ?ID([a, b, c]))), ?T(zip(?ID([1, 2]), ?ID([a]))),
    ?T(wrapped(?ID({wrap, [1, 2]}))).

shape({point, X, X}) -> diagonal_point;
shape({point, X, Y}) -> {point, X + Y};
shape({line, P, P}) -> degenerate_line;
shape([E, E]) -> {pair_of, E};
shape([_, _]) -> two;
shape({x, [_, Second | _]}) -> {second, Second};
shape("prefix-" ++ Rest) -> {prefixed, Rest};
shape("pre") -> exactly_pre;
shape({Same, Same}) -> same_pair;
shape([{Key, Val}]) -> {kv, Key, Val};
shape(3.0) -> float_three;
shape(3) -> int_three;
shape(_) -> unmatched.

swap({A, B}) -> {B, A};
swap([A, B]) -> [B, A].

deep({N, Rest}, Acc) -> deep(Rest, Acc + N);
deep(nil, Acc) -> Acc.

first_dup([H | T]) ->
    case lists:member(H, T) of true -> H; false -> first_dup(T) end;
first_dup([]) -> none.

zip([A | As], [B | Bs]) -> [{A, B} | zip(As, Bs)];
zip([], []) -> [].

wrapped({wrap, [H | _] = L} = W) -> {H, L, W}.
