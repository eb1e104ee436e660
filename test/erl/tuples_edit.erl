%% append_element/2, insert_element/3, delete_element/3, tuple_to_list/1 and
%% list_to_tuple/1, including index errors and improper input.
-module(tuples_edit).
-export([main/0]).
-include("test.hrl").

main() ->
    T = ?ID({1, 2, 3}),
    ?T(erlang:append_element(T, 4)), ?T(erlang:append_element(?ID({}), x)),
    ?T(erlang:append_element(?ID([]), x)),
    ?T(erlang:insert_element(1, T, 0)), ?T(erlang:insert_element(4, T, 4)),
    ?T(erlang:insert_element(?ID(2), T, x)), ?T(erlang:insert_element(?ID(5), T, x)),
    ?T(erlang:insert_element(?ID(0), T, x)), ?T(erlang:insert_element(?ID(1), ?ID({}), x)),
    ?T(erlang:insert_element(?ID(2), ?ID({}), x)),
    ?T(erlang:delete_element(1, T)), ?T(erlang:delete_element(3, T)),
    ?T(erlang:delete_element(?ID(4), T)), ?T(erlang:delete_element(?ID(0), T)),
    ?T(erlang:delete_element(?ID(1), ?ID({a}))), ?T(erlang:delete_element(?ID(1), ?ID({}))),
    ?T(erlang:delete_element(?ID(1), ?ID(a))),
    ?T(tuple_to_list(T)), ?T(tuple_to_list(?ID({}))), ?T(tuple_to_list(?ID({[a], {b}}))),
    ?T(tuple_to_list(?ID([a]))), ?T(list_to_tuple(?ID([]))), ?T(list_to_tuple(?ID("abc"))),
    ?T(list_to_tuple(?ID([a | b]))), ?T(list_to_tuple(?ID(a))),
    ?T(list_to_tuple(tuple_to_list(T)) =:= T),
    ?T(tuple_size(list_to_tuple(seq(70000)))),
    ?T(element(70000, list_to_tuple(seq(70000)))),
    ?T(grow({}, 50)), ?T(shrink(list_to_tuple(seq(20)), 10)).

seq(0) -> [];
seq(N) -> [N | seq(N - 1)].

grow(T, 0) -> tuple_size(T);
grow(T, N) -> grow(erlang:insert_element(1, erlang:append_element(T, N), -N), N - 1).

shrink(T, 0) -> T;
shrink(T, N) -> shrink(erlang:delete_element(N rem tuple_size(T) + 1, T), N - 1).
