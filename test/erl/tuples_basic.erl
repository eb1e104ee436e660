%% element/2, setelement/3, tuple_size/1, size/1, make_tuple/2,3 and their badarg cases.
-module(tuples_basic).
-export([main/0]).
-include("test.hrl").

main() ->
    T = ?ID({a, b, c}),
    ?T(element(1, T)), ?T(element(3, T)), ?T(element(?ID(0), T)), ?T(element(?ID(4), T)),
    ?T(element(?ID(-1), T)), ?T(element(?ID(a), T)), ?T(element(1, ?ID([a]))),
    ?T(element(?ID(1.0), T)), ?T(element(1, ?ID({}))),
    ?T(setelement(2, T, x)), ?T(setelement(?ID(1), T, [])), ?T(setelement(?ID(3), T, {T})),
    ?T(setelement(?ID(0), T, x)), ?T(setelement(?ID(4), T, x)), ?T(setelement(1, ?ID(x), x)),
    ?T(T), ?T(tuple_size(T)), ?T(tuple_size(?ID({}))), ?T(tuple_size(?ID([a]))),
    ?T(size(T)), ?T(size(?ID(<<1, 2, 3>>))), ?T(size(?ID("abc"))),
    ?T(erlang:make_tuple(?ID(3), x)), ?T(erlang:make_tuple(?ID(0), x)),
    ?T(erlang:make_tuple(?ID(-1), x)), ?T(erlang:make_tuple(?ID(a), x)),
    ?T(erlang:make_tuple(?ID(5), 0, [{2, two}, {4, four}])),
    ?T(erlang:make_tuple(?ID(3), 0, [{1, a}, {1, b}])),
    ?T(erlang:make_tuple(?ID(3), 0, [{4, a}])), ?T(erlang:make_tuple(?ID(3), 0, [])),
    ?T(erlang:make_tuple(?ID(2), 0, [{0, a}])), ?T(erlang:make_tuple(?ID(2), 0, bad)),
    ?T(tuple_size(erlang:make_tuple(?ID(100000), [])) ),
    ?T(element(100000, erlang:make_tuple(?ID(100000), q))),
    Big = erlang:make_tuple(?ID(1000), 0),
    ?T(sum(fill(Big, 1000), 1000, 0)),
    ?T({?ID(1), ?ID(2)} =:= {1, 2}), ?T(is_tuple(T)), ?T(is_tuple(?ID([T]))),
    ?T(match3(T)), ?T(match3(?ID({1, 2}))), ?T(match3(?ID({1, 2, 3, 4}))).

fill(T, 0) -> T;
fill(T, N) -> fill(setelement(N, T, N * 2), N - 1).

sum(_, 0, Acc) -> Acc;
sum(T, N, Acc) -> sum(T, N - 1, Acc + element(N, T)).

match3({A, B, C}) -> [C, B, A];
match3({A, B}) -> [B, A];
match3(T) when tuple_size(T) > 3 -> big.
