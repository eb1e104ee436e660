%% Benchmark: Takeuchi function, repeated. Deep non-tail recursion with three
%% arguments and comparisons. run(N) computes tak(18,12,6) N times and returns the
%% sum of the results as checksum.
-module(tak).
-export([run/1]).

run(N) -> loop(N, 0).

loop(0, Acc) -> Acc;
loop(N, Acc) -> loop(N - 1, Acc + tak(18, 12, 6)).

tak(X, Y, Z) when Y < X -> tak(tak(X - 1, Y, Z), tak(Y - 1, Z, X), tak(Z - 1, X, Y));
tak(_, _, Z) -> Z.
