%% Benchmark: closures. Builds funs capturing variables, composes them, and maps
%% and folds them over a 1,000-element list with hand-written higher-order
%% functions. Measures fun creation and calls through funs. run(N) does N rounds
%% and returns the final accumulator as checksum.
-module(closures).
-export([run/1]).

run(N) -> loop(N, seq(1, 1000), 0).

loop(0, _, Acc) -> Acc;
loop(I, L, Acc) ->
    Add = adder(I),
    Scale = fun(X) -> X * 3 end,
    F = compose(Add, Scale),
    Mapped = map(F, L),
    Sum = foldl(fun(X, A) -> (A + X) band 16#FFFFFFF end, Acc, Mapped),
    loop(I - 1, L, Sum).

adder(K) -> fun(X) -> X + K end.

compose(F, G) -> fun(X) -> G(F(X)) end.

map(_, []) -> [];
map(F, [H | T]) -> [F(H) | map(F, T)].

foldl(_, A, []) -> A;
foldl(F, A, [H | T]) -> foldl(F, F(H, A), T).

seq(A, B) when A > B -> [];
seq(A, B) -> [A | seq(A + 1, B)].
