%% Every type-test BIF, both in guards and as plain calls, over one value of each kind.
-module(guards_types).
-export([main/0]).
-record(r, {a}).
-include("test.hrl").

main() ->
    Vals = [0, -5, 1.5, a, true, [], [1], "s", [1 | 2], {}, {a, b}, <<>>, <<1>>,
            fun erlang:abs/1, fun(X) -> X end, fun() -> ok end, #{}, #{a => 1},
            make_ref(), self()],
    [erlang:display(classify(?ID(V))) || V <- Vals],
    [erlang:display(calls(?ID(V))) || V <- Vals],
    [erlang:display({is_function(?ID(V), 0), is_function(?ID(V), 1),
                     fa(?ID(V))}) || V <- Vals],
    ?T(is_function(?ID(a), ?ID(-1))), ?T(is_function(?ID(fun() -> x end), ?ID(a))),
    ?T(erlang:is_record(?ID({r, 1}), ?ID(r))), ?T(erlang:is_record(?ID({r, 1}), ?ID(r), 2)),
    ?T(erlang:is_record(?ID({r, 1}), ?ID(r), 3)), ?T(erlang:is_record(?ID({r, 1}), ?ID(s))),
    ?T(erlang:is_record(?ID({}), ?ID(r))), ?T(erlang:is_record(?ID(r), ?ID(r))),
    ?T(is_record(?ID(#r{a = 1}), r)), ?T(erlang:is_record(?ID({r, 1}), ?ID(r), ?ID(x))),
    ?T(erlang:is_record(?ID({r}), ?ID("r"))), ?T(rec_guard(?ID({r, 1}))),
    ?T(rec_guard(?ID({s, 1}))).

classify(X) when is_integer(X) -> integer;
classify(X) when is_float(X) -> float;
classify(X) when is_boolean(X) -> boolean;
classify(X) when is_atom(X) -> atom;
classify(X) when is_list(X), X =/= [] -> nonempty_list;
classify(X) when is_list(X) -> nil;
classify(X) when is_tuple(X) -> tuple;
classify(X) when is_bitstring(X), not is_binary(X) -> bitstring;
classify(X) when is_binary(X) -> binary;
classify(X) when is_function(X) -> function;
classify(X) when is_map(X) -> map;
classify(X) when is_reference(X) -> reference;
classify(X) when is_pid(X) -> pid;
classify(X) when is_port(X) -> port;
classify(_) -> unknown.

calls(X) ->
    {is_atom(X), is_binary(X), is_bitstring(X), is_boolean(X), is_float(X),
     is_function(X), is_integer(X), is_list(X), is_map(X), is_number(X), is_pid(X),
     is_port(X), is_reference(X), is_tuple(X)}.

fa(F) when is_function(F, 0) -> arity0;
fa(F) when is_function(F, 1) -> arity1;
fa(F) when is_function(F) -> other_fun;
fa(_) -> no_fun.

rec_guard(X) when is_record(X, r) -> yes;
rec_guard(_) -> no.
