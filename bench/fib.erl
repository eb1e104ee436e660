%% Benchmark: naive doubly recursive Fibonacci. Measures function calls,
%% small-integer arithmetic and stack frames. run(N) returns fib(N) as checksum.
-module(fib).
-export([run/1]).

run(N) -> fib(N).

fib(N) when N < 2 -> N;
fib(N) -> fib(N - 1) + fib(N - 2).
