%% erlang:display/1 of tuples, binaries, funs, maps and nested terms.
-module(display_terms).
-export([main/0, f/1]).
-include("test.hrl").

f(X) -> X.

main() ->
    D = fun erlang:display/1,
    D({}), D({a}), D({a, b}), D({1, {2, {3, {}}}}), D({[], [[]], ""}),
    D({"str", 'Atom', 1.0, -3}), D(<<>>), D(<<1, 2, 3>>), D(<<"abc">>),
    D(<<"hello world">>), D(<<0>>), D(<<255, 0, 128>>), D(<<"a", 0>>),
    D(<<"tab\t">>), D(<<"new\nline">>), D(<<"quote\"">>), D(<<200, 201>>),
    D(<<"é"/utf8>>), D(<<"é">>), D({<<"x">>, [<<"y">>]}),
    D(fun erlang:abs/1), D(fun lists:reverse/2), D(fun ?MODULE:f/1),
    D(fun display_terms:main/0), D([fun erlang:hd/1]),
    D(#{}), D(#{a => 1}), D(#{b => 2, a => 1}), D(#{1 => one, a => x, "s" => s}),
    D(#{{1, 2} => [3], [] => <<>>}), D([#{k => v}]),
    D({true, false, ok}), D(list_to_tuple(lists:reverse(?ID([3, 2, 1]), []))),
    D(erlang:make_tuple(5, z)), D(erlang:make_tuple(0, z)),
    D({{{{{{{{{{deep}}}}}}}}}}),
    D(lists:reverse(?ID([{1, "a"}, {2, "b"}]), [])),
    D(erlang:display(nested)).
