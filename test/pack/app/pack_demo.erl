%% pack_demo.erl — the bundle tests' program: two modules, BIFs only (so it
%% also runs on Ember's own init), its plain arguments and a computation.
-module(pack_demo).
-export([main/0, other/0]).

main() ->
    erlang:display({plain_arguments, init:get_plain_arguments()}),
    erlang:display({fib, pack_demo_calc:fib(25)}),
    erlang:display({sum, pack_demo_calc:sum([length(A) || A <- init:get_plain_arguments()])}).

other() ->
    erlang:display(other_entry),
    halt(3).
