%% Improper lists: construction, matching, display, and the BIFs that reject them.
-module(lists_improper).
-export([main/0]).
-include("test.hrl").

main() ->
    A = [1 | ?ID(2)], B = [a, b | ?ID(c)], C = [?ID(x) | {y}], Dd = [[] | ?ID([])],
    erlang:display([A, B, C, Dd, [1 | ?ID(2.0)], [1 | ?ID(<<>>)], [1 | ?ID("")]]),
    erlang:display([is_list(A), is_list(B), tail_of(A), tail_of(B), tail_of([1, 2])]),
    erlang:display(count_cells(B, 0)),
    ?T(length(A)), ?T(A ++ [3]), ?T([0] ++ A), ?T(A -- [1]), ?T(lists:reverse(A, [])),
    ?T(tuple_to_list(list_to_tuple(B))), ?T(list_to_tuple(?ID([1 | 2]))),
    ?T(atom_to_list(?ID(a)) ++ ?ID(b)), ?T(lists:member(x, B)), ?T(lists:keyfind(x, 1, ?ID([x | y]))),
    ?T(list_to_atom(?ID([$a | $b]))), ?T(list_to_integer(?ID([$1 | $2]))),
    ?T(erlang:list_to_binary(?ID([1 | <<2>>]))), ?T(erlang:iolist_to_binary(?ID([<<1>> | <<2>>]))),
    ?T(erlang:list_to_binary(?ID([1 | 2]))),
    ?T(match_tail(?ID([1, 2 | 3]))), ?T(match_tail(?ID([1, 2]))), ?T(match_tail(?ID([1]))),
    ?T(hd(tl(B))), ?T(tl(tl(B))), ?T(tl(tl(tl(B)))),
    erlang:display(A =:= [1 | 2]), erlang:display(A < [1, 2]), erlang:display(A > [1]).

tail_of([_ | T]) -> tail_of(T);
tail_of(T) -> T.

count_cells([_ | T], N) -> count_cells(T, N + 1);
count_cells(_, N) -> N.

match_tail([_, _ | T]) when not is_list(T) -> {improper_tail, T};
match_tail([_, _ | T]) -> {proper_tail, T};
match_tail(_) -> short.
