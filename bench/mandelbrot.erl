%% Benchmark: Mandelbrot set membership on an N by N grid over [-1.5,0.5]x[-1,1],
%% 50 iterations per point (Benchmarks Game bounds). Unboxed-friendly float loops
%% with integer-to-float conversion. run(N) returns the number of points inside
%% the set and a positional hash of the per-row counts as checksum.
-module(mandelbrot).
-export([run/1]).

-define(ITER, 50).

run(N) -> rows(0, N, 0, 0).

rows(Y, N, Total, Hash) when Y >= N -> {Total, Hash};
rows(Y, N, Total, Hash) ->
    Ci = 2.0 * Y / N - 1.0,
    C = cols(0, N, Ci, 0),
    rows(Y + 1, N, Total + C, (Hash * 31 + C) band 16#FFFFFFF).

cols(X, N, _, Count) when X >= N -> Count;
cols(X, N, Ci, Count) ->
    Cr = 2.0 * X / N - 1.5,
    cols(X + 1, N, Ci, Count + point(Cr, Ci, 0.0, 0.0, ?ITER)).

point(_, _, _, _, 0) -> 1;
point(Cr, Ci, Zr, Zi, K) ->
    Tr = Zr * Zr, Ti = Zi * Zi,
    if Tr + Ti > 4.0 -> 0;
       true -> point(Cr, Ci, Tr - Ti + Cr, 2.0 * Zr * Zi + Ci, K - 1)
    end.
