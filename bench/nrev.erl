%% Benchmark: naive reverse of a 30-element list, repeated. Measures list
%% construction through ++ (quadratic) and short-lived garbage. run(N) does N
%% reversals; the checksum folds the heads of the reversed lists.
-module(nrev).
-export([run/1]).

run(N) ->
    L = seq(1, 30),
    loop(N, L, 0).

loop(0, _, Acc) -> Acc;
loop(N, L, Acc) ->
    [H | _] = nrev(L),
    loop(N - 1, L, (Acc + H + N) band 16#FFFFFFF).

nrev([]) -> [];
nrev([H | T]) -> app(nrev(T), [H]).

%% Written out rather than ++ so that the benchmark measures the interpreter, not
%% a native append.
app([], L) -> L;
app([H | T], L) -> [H | app(T, L)].

seq(A, B) when A > B -> [];
seq(A, B) -> [A | seq(A + 1, B)].
