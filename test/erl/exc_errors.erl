%% Every error reason the runtime raises by itself: badmatch, case_clause,
%% if_clause, function_clause, try_clause, undef, badfun, badarity, badarith,
%% badarg, badrecord; reasons only (the stack traces have their own module).
-module(exc_errors).
-export([main/0]).
-include("test.hrl").

-record(r, {a}).

main() ->
    ?T(begin {ok, _} = ?ID({error, x}), ok end),
    ?T(begin [_] = ?ID([]), ok end),
    ?T(case ?ID(q) of a -> 1 end),
    ?T(case ?ID({1, 2}) of {X, X} -> same end),
    ?T(begin V = ?ID(1), if V > 1 -> a; V < 1 -> b end end),
    ?T(one(?ID(2))), ?T(two(?ID(a), ?ID(b))), ?T(guarded(?ID(-1))),
    ?T(try ?ID(x) of y -> y after ok end),
    ?T(?MODULE:not_defined()), ?T((?ID(nomod_abc)):f(1, 2)), ?T(erlang:not_a_bif(1)),
    ?T((?ID(atom))()), ?T((?ID(1))(2)), ?T((?ID(fun(A) -> A end))(1, 2)),
    ?T((?ID(fun erlang:abs/1))()),
    ?T(?ID(1) + ?ID(x)), ?T(?ID(1) div ?ID(0)), ?T(-?ID([])),
    ?T(atom_to_list(?ID(1))), ?T(element(?ID(9), ?ID({}))), ?T(list_to_tuple(?ID(x))),
    ?T(hd(?ID([]))), ?T(binary_to_list(?ID(x))),
    ?T((?ID({s, 1}))#r.a), ?T((?ID(x))#r{a = 1}),
    ?T(string_lit_match(?ID("no"))),
    ?T(erlang:error(?ID(custom))), ?T(erlang:error(?ID({nested, {deep, [x]}}))),
    ?T(nested_fc(?ID(oops))),
    ?T(list_comp(?ID(notalist))),
    ?T([X || X <- ?ID([1 | 2])]),
    ?T(begin {A, B} = ?ID({1, 2, 3}), A + B end).

one(1) -> one.
two(a, a) -> same.
guarded(X) when X > 0 -> pos.
string_lit_match("yes") -> yes.
nested_fc(X) -> one(X).
list_comp(L) -> [X * 2 || X <- L].
