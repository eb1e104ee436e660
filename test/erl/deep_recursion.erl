%% Body recursion 1,000,000 calls deep (the stack must grow far beyond its
%% initial size) and deep recursion that builds and then walks structures.
-module(deep_recursion).
-export([main/0]).
-include("test.hrl").

main() ->
    erlang:display(sum_to(?ID(1000000))),
    erlang:display(length(build(?ID(1000000)))),
    erlang:display(count_down(?ID(1000000))),
    erlang:display(nest_depth(nest(?ID(200000)))),
    erlang:display(catch_deep(?ID(100000))),
    erlang:display(sum_to(?ID(10))),
    erlang:display(sum_to(?ID(1000000)) =:= 500000500000).

sum_to(0) -> 0;
sum_to(N) -> N + sum_to(N - 1).

build(0) -> [];
build(N) -> [N | build(N - 1)].

%% Two calls per level: the frame holds a live value across the first call.
count_down(0) -> 0;
count_down(N) -> X = count_down(N - 1), X + (N rem 7).

nest(0) -> leaf;
nest(N) -> {node, nest(N - 1)}.

nest_depth(leaf) -> 0;
nest_depth({node, T}) -> 1 + nest_depth(T).

%% A catch in every frame, 100,000 deep, then a throw from the bottom.
catch_deep(0) -> throw(bottom);
catch_deep(N) -> case catch catch_deep(N - 1) of bottom -> N; V -> V end.
