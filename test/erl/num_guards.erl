%% Number BIFs in guards: type tests, abs, trunc, round, float, ceil/floor,
%% arithmetic and comparisons on bignums and floats, where a bad operand
%% makes the guard fail instead of raising.
-module(num_guards).
-export([main/0]).
-include("test.hrl").

kind(X) when is_integer(X), X > 576460752303423487 -> big_pos;
kind(X) when is_integer(X), X < -576460752303423488 -> big_neg;
kind(X) when is_integer(X) -> small;
kind(X) when is_float(X), X == 0 -> zero_float;
kind(X) when is_float(X) -> float;
kind(X) when is_number(X) -> number;
kind(_) -> other.

g_abs(X) when abs(X) > 1 bsl 64 -> huge;
g_abs(X) when abs(X) >= 0 -> ok;
g_abs(_) -> fail.

g_trunc(X) when trunc(X) > 1 bsl 70 -> huge;
g_trunc(X) when round(X) == 2 -> two;
g_trunc(X) when float(X) > 0 -> positive;
g_trunc(_) -> fail.

g_arith(X, Y) when X + Y > 1 bsl 100 -> sum_big;
g_arith(X, Y) when X * Y < 0 -> negative_product;
g_arith(X, Y) when X div Y =:= 1 -> div_one;
g_arith(X, Y) when X band Y =/= 0 -> band_set;
g_arith(X, Y) when X bsl Y > 0 -> shifted;
g_arith(_, _) -> fail.

%% max/min are not guard BIFs in OTP 25: called in a body, on any terms.
g_max(X, Y) -> {max(X, Y), min(X, Y)}.

g_ceil(X) when ceil(X) =:= floor(X) -> integral;
g_ceil(X) when is_float(X) -> fractional;
g_ceil(_) -> fail.

main() ->
    Vs = [?ID(0), ?ID(1), ?ID(-1), ?ID(576460752303423487), ?ID(576460752303423488),
          ?ID(-576460752303423489), ?ID(1 bsl 100), ?ID(-(1 bsl 100)), ?ID(0.0), ?ID(-0.0), ?ID(1.5),
          ?ID(1.9), ?ID(1.0e30), ?ID(-1.0e30), ?ID(foo), ?ID("1"), ?ID([]), ?ID({1})],
    [erlang:display({V, kind(V), g_abs(V), g_trunc(V), g_ceil(V)}) || V <- Vs],
    Ps = [?ID(1 bsl 100), ?ID(-(1 bsl 100)), ?ID(3), ?ID(0), ?ID(1.5), ?ID(foo), ?ID(1 bsl 80)],
    [erlang:display({X, Y, g_arith(X, Y), g_max(X, Y)}) || X <- Ps, Y <- Ps],
    ok.
