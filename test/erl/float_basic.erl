%% Float arithmetic: mixed int/float operands, / always a float, overflow to
%% badarith, negative zero, comparisons between floats and integers.
-module(float_basic).
-export([main/0]).
-include("test.hrl").

main() ->
    X = ?ID(1.5), Y = ?ID(-0.25), I = ?ID(3),
    erlang:display([X + Y, X - Y, X * Y, X / Y, X + I, I + X, I * X, I / X, X / I]),
    erlang:display([-X, -Y, abs(Y), X * 0, Y * 0, -0.0 + 0.0, 0.0 * -1]),
    erlang:display([?ID(0.1) + ?ID(0.2), ?ID(1.0e15) + ?ID(0.3), ?ID(1.0) / ?ID(3.0) * 3]),
    erlang:display(sum_floats(100, 0.0)), erlang:display(harmonic(1000, 0.0)),
    erlang:display(sqrt_newton(?ID(2.0), 20)), erlang:display(sqrt_newton(?ID(1.0e10), 60)),
    erlang:display([?ID(1) == ?ID(1.0), ?ID(1) =:= ?ID(1.0), ?ID(1) < ?ID(1.5),
                    ?ID(2) > ?ID(1.99999), ?ID(0.0) == ?ID(-0.0), ?ID(0.0) =:= ?ID(-0.0),
                    ?ID(0) == ?ID(-0.0), ?ID(1.0e20) > ?ID(576460752303423487)]),
    erlang:display([is_float(X), is_float(I), is_number(X), is_integer(X)]),
    erlang:display([float(I), float(-7), float(0), float(X)]),
    erlang:display([trunc(X), trunc(-X), trunc(?ID(2.9999)), trunc(?ID(-0.5)),
                    round(X), round(-X), round(?ID(2.5)), round(?ID(-2.5)),
                    round(?ID(0.49999999999999994)), round(?ID(1.0e15 + 0.5)),
                    trunc(?ID(1.0e17)), round(?ID(-1.0e17))]),
    erlang:display([floor_(?ID(-1.5)), ceil_(?ID(-1.5)), floor_(?ID(2.0)), ceil_(?ID(2.1))]),
    ?T(?ID(1.0e308) * 10), ?T(?ID(1.0e308) + ?ID(1.0e308)), ?T(?ID(1.0) / ?ID(0)),
    ?T(?ID(1.0) / ?ID(0.0)), ?T(?ID(-1.0) / ?ID(-0.0)), ?T(?ID(1.0e-320) * ?ID(1.0e-10)),
    ?T(?ID(1.0e-320) / ?ID(1.0e10)), ?T(?ID(5.0e-324) / 2), ?T(?ID(2.0) * ?ID(5.0e-324)),
    ?T(max(?ID(1), ?ID(1.0))), ?T(min(?ID(1), ?ID(1.0))), ?T(max(?ID(1.0), ?ID(1))),
    ?T(min(?ID(1.0), ?ID(1))), ?T(max(?ID(2), ?ID(1.5))), ?T(min(?ID(-0.0), ?ID(0.0))).

sum_floats(0, Acc) -> Acc;
sum_floats(N, Acc) -> sum_floats(N - 1, Acc + 0.1).

harmonic(0, Acc) -> Acc;
harmonic(N, Acc) -> harmonic(N - 1, Acc + 1 / N).

sqrt_newton(_, 0) -> 0.0;
sqrt_newton(X, N) -> newton(X, X / 2, N).

newton(_, G, 0) -> G;
newton(X, G, N) -> newton(X, (G + X / G) / 2, N - 1).

floor_(X) -> T = trunc(X), if X < T -> T - 1; true -> T end.
ceil_(X) -> T = trunc(X), if X > T -> T + 1; true -> T end.
