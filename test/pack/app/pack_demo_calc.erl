%% pack_demo_calc.erl — the second module of the bundle tests' program.
-module(pack_demo_calc).
-export([fib/1, sum/1]).

fib(N) when N < 2 -> N;
fib(N) -> fib(N - 1) + fib(N - 2).

sum(L) -> sum(L, 0).
sum([H | T], Acc) -> sum(T, Acc + H);
sum([], Acc) -> Acc.
