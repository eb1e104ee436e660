%% Benchmark: spectral-norm (Benchmarks Game). Power method on the infinite
%% matrix A(i,j) = 1/((i+j)(i+j+1)/2+i+1), N by N, ten iterations. Float
%% arithmetic, integer-to-float conversion, vectors as lists. run(N) returns the
%% norm scaled to an integer (1e-9 resolution) as checksum.
-module(spectral_norm).
-export([run/1]).

run(N) ->
    U0 = ones(N),
    {U, V} = iterate(10, U0, N),
    round(math:sqrt(dot(U, V, 0.0) / dot(V, V, 0.0)) * 1.0e9).

%% Ten rounds of V = AtA*U, U = AtA*V.
iterate(0, U, _) -> {U, U};
iterate(K, U, N) ->
    V = atav(U, N),
    U1 = atav(V, N),
    case K of
        1 -> {U1, V};
        _ -> iterate(K - 1, U1, N)
    end.

atav(U, N) -> at(a(U, N), N).

%% A*U: row I is the sum over J of a(I,J)*U(J).
a(U, N) -> [row(I, U, 0, 0.0) || I <- seq(0, N - 1)].

row(_, [], _, S) -> S;
row(I, [Uj | T], J, S) -> row(I, T, J + 1, S + Uj / ((I + J) * (I + J + 1) div 2 + I + 1)).

%% transpose(A)*U: row I is the sum over J of a(J,I)*U(J).
at(U, N) -> [col(I, U, 0, 0.0) || I <- seq(0, N - 1)].

col(_, [], _, S) -> S;
col(I, [Uj | T], J, S) -> col(I, T, J + 1, S + Uj / ((I + J) * (I + J + 1) div 2 + J + 1)).

dot([], [], S) -> S;
dot([A | As], [B | Bs], S) -> dot(As, Bs, S + A * B).

ones(0) -> [];
ones(N) -> [1.0 | ones(N - 1)].

seq(A, B) when A > B -> [];
seq(A, B) -> [A | seq(A + 1, B)].
