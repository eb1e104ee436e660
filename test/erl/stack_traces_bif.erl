%% Stack traces of errors raised inside BIFs: OTP adds a first frame for the
%% BIF with its arguments and an error_info location; operators, guard BIFs called
%% in bodies, BIFs called through apply, and exit/throw/error which add no frame.
-module(stack_traces_bif).
-export([main/0]).
-include("test.hrl").

main() ->
    show(fun() -> element(?ID(5), ?ID({1})) end),
    show(fun() -> [atom_to_list(?ID(1))] end),
    show(fun() -> [?ID(1) + ?ID(a)] end),
    show(fun() -> [?ID(a) - ?ID(1)] end),
    show(fun() -> [?ID(3) * ?ID(b)] end),
    show(fun() -> [?ID(1) / ?ID(0)] end),
    show(fun() -> [?ID(1) div ?ID(0)] end),
    show(fun() -> [?ID(1) rem ?ID(0)] end),
    show(fun() -> [-?ID(a)] end),
    show(fun() -> [?ID(1) band ?ID(a)] end),
    show(fun() -> [bnot ?ID(a)] end),
    show(fun() -> [hd(?ID([]))] end),
    show(fun() -> [tl(?ID(x))] end),
    show(fun() -> [length(?ID([a | b]))] end),
    show(fun() -> [tuple_size(?ID(x))] end),
    show(fun() -> [setelement(?ID(0), ?ID({}), x)] end),
    show(fun() -> [list_to_atom(?ID(x))] end),
    show(fun() -> [list_to_integer(?ID("z"))] end),
    show(fun() -> [integer_to_list(?ID(1), ?ID(99))] end),
    show(fun() -> [abs(?ID(a))] end),
    show(fun() -> [float(?ID(a))] end),
    show(fun() -> [?ID([1]) ++ ?ID(a)] end),
    show(fun() -> [?ID(a) ++ ?ID([1])] end),
    show(fun() -> [?ID(a) -- ?ID([1])] end),
    show(fun() -> [lists:reverse(?ID(a), [])] end),
    show(fun() -> [lists:member(a, ?ID(b))] end),
    show(fun() -> [apply(erlang, element, [?ID(0), {}])] end),
    show(fun() -> [erlang:make_tuple(?ID(-1), a)] end),
    show(fun() -> [?ID(true) and ?ID(1)] end),
    show(fun() -> [not ?ID(1)] end),
    show(fun() -> [?ID(1) < ?ID(2) orelse ?ID(x)] end),
    show(fun() -> [erlang:phash2(?ID(x), ?ID(0))] end),
    show(fun() -> [binary_to_term(?ID(<<1, 2, 3>>))] end),
    show(fun() -> [erlang:system_info(?ID(no_such_key_here))] end).

show(F) ->
    try F() of V -> erlang:display({returned, V})
    catch C:R:S -> erlang:display({C, R, S})
    end.
