%% main/0 throws without a catch: the uncaught throw becomes {nocatch, Value}.
-module(crash_throw).
-export([main/0]).

main() ->
    erlang:display(before_throw),
    throw({not_caught, [1, 2, 3]}).
