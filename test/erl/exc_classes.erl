%% The three exception classes and what catch/try make of each: catch values for
%% throw and exit, class and reason in try, error/1,2,3, exit/1, throw/1.
-module(exc_classes).
-export([main/0]).
-include("test.hrl").

main() ->
    erlang:display(catch throw(?ID(ball))),
    erlang:display(catch exit(?ID(bye))),
    erlang:display(catch exit(?ID({shutdown, x}))),
    erlang:display(catch ?ID(plain_value)),
    erlang:display(catch throw(?ID({'EXIT', fake}))),
    erlang:display(catch_kind(fun() -> throw(1) end)),
    erlang:display(catch_kind(fun() -> exit(2) end)),
    erlang:display(catch_kind(fun() -> erlang:error(3) end)),
    erlang:display(catch_kind(fun() -> 4 end)),
    [erlang:display(classify(Thrower)) || Thrower <- throwers()],
    ?T(throw(?ID([]))), ?T(exit(?ID(normal))), ?T(exit(?ID(kill))), ?T(erlang:error(?ID(x))),
    ?T(erlang:error(?ID(x), [1, 2])), ?T(erlang:error(?ID(x), none)),
    ?T(erlang:error(?ID(x), [a], [{error_info, #{}}])), ?T(erlang:exit(?ID(y))),
    ?T(erlang:throw(?ID(z))), ?T(erlang:error(?ID({complex, [1, "two", 3.0]}))),
    ?T(erlang:nif_error(?ID(nif))),
    erlang:display(try throw(?ID(a)) catch a -> caught_plain_atom end),
    erlang:display(try exit(?ID(a)) catch exit:a -> caught_exit end),
    erlang:display(try erlang:error(?ID(a)) catch error:a -> caught_error end),
    erlang:display(try throw(?ID(a)) catch throw:_ -> t; _:_ -> other end),
    erlang:display(try ?ID(1) + ?ID(a) catch _:_ -> any_class end),
    erlang:display(try exit(?ID(a)) catch throw:_ -> wrong; exit:_ -> right end),
    erlang:display((catch length(?ID(x))) =:= (catch length(?ID(x)))),
    erlang:display(element(1, catch erlang:error(?ID(e)))),
    erlang:display(element(1, element(2, catch erlang:error(?ID(e))))).

catch_kind(F) ->
    case catch F() of
        {'EXIT', {R, S}} when is_list(S) -> {error_or_exit_with_stack, R};
        {'EXIT', R} -> {exit, R};
        V -> {value_or_throw, V}
    end.

throwers() ->
    [fun() -> throw(t) end, fun() -> exit(e) end, fun() -> erlang:error(r) end,
     fun() -> ok end, fun() -> 1 / ?ID(0) end, fun() -> exit(normal) end].

classify(F) ->
    try F() of
        V -> {returned, V}
    catch
        throw:T -> {thrown, T};
        exit:E -> {exited, E};
        error:R -> {errored, R}
    end.
