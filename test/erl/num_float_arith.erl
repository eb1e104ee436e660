%% Float arithmetic and its mixing with integers of any size: badarith on
%% overflow, float/1, trunc/round/ceil/floor at and beyond the small range,
%% conversions of bignums to the nearest double, and float instructions.
-module(num_float_arith).
-export([main/0]).
-include("test.hrl").

fadd(A, B) when is_float(A), is_float(B) -> A + B.
fmul(A, B) when is_float(A), is_float(B) -> A * B.
fdiv(A, B) when is_float(A), is_float(B) -> A / B.

main() ->
    Fs = [?ID(0.0), ?ID(-0.0), ?ID(1.5), ?ID(-2.5), ?ID(1.0e300), ?ID(-1.0e300), ?ID(5.0e-324),
          ?ID(1.7976931348623157e308), ?ID(0.1)],
    Is = [?ID(0), ?ID(3), ?ID(-7), ?ID(1 bsl 59), ?ID(1 bsl 100), ?ID(-(1 bsl 100)), ?ID(1 bsl 1023)],
    [erlang:display({A, B, catch A + B, catch A - B, catch A * B, catch A / B}) || A <- Fs, B <- Fs ++ Is],
    [erlang:display({A, B, catch A + B, catch A * B, catch A / B}) || A <- Is, B <- Fs],
    [erlang:display({A, B, catch A / B}) || A <- Is, B <- Is],
    %% conversions of integers to the nearest double, ties to even
    Ints = [?ID((1 bsl 53) + 1), ?ID((1 bsl 54) + 2), ?ID((1 bsl 54) + 6), ?ID((1 bsl 64) + 2048),
            ?ID((1 bsl 64) + 2049), ?ID((1 bsl 64) + 6144), ?ID((1 bsl 128) + (1 bsl 75) + 1),
            ?ID((1 bsl 128) + (1 bsl 75)), ?ID((1 bsl 1024) - (1 bsl 970) - 1),
            ?ID((1 bsl 1024) - (1 bsl 970)), ?ID(1 bsl 1024), ?ID(-(1 bsl 1023))],
    [erlang:display({catch float(I), catch I + 0.0, catch I * 1.0}) || I <- Ints],
    %% rounding functions
    Rs = [?ID(0.5), ?ID(-0.5), ?ID(1.5), ?ID(2.5), ?ID(-2.5), ?ID(2.4999999999999996), ?ID(-0.0),
          ?ID(5.764607523034235e17), ?ID(-5.764607523034235e17), ?ID(1.0e18), ?ID(-1.0e18),
          ?ID(1.2345678901234567e25), ?ID(-9.999999999999999e99), ?ID(1.7976931348623157e308),
          ?ID(4503599627370495.5), ?ID(123), ?ID(1 bsl 70)],
    [erlang:display({R, trunc(R), round(R), ceil(R), floor(R)}) || R <- Rs],
    [erlang:display({R, float(R), abs(R), -R}) || R <- Rs],
    %% float instructions (the compiler emits fadd/fmul/fdiv for these)
    erlang:display([fadd(?ID(1.5), ?ID(2.25)), fmul(?ID(1.0e-300), ?ID(1.0e-300)), fdiv(?ID(1.0), ?ID(3.0))]),
    ?T(fadd(?ID(1.0e308), ?ID(1.0e308))), ?T(fmul(?ID(1.0e200), ?ID(1.0e200))),
    ?T(fdiv(?ID(1.0), ?ID(0.0))), ?T(fdiv(?ID(0.0), ?ID(0.0))), ?T(fdiv(?ID(1.0), ?ID(-0.0))),
    ?T(float(?ID(foo))), ?T(trunc(?ID("1"))), ?T(round(?ID(foo))), ?T(?ID(1.0) / ?ID(0)),
    ?T(?ID(1 bsl 1024) + 1.0), ?T(?ID(1.0) - ?ID(1 bsl 1100)), ?T(?ID(1 bsl 2000) / ?ID(1 bsl 1999)),
    ?T(-?ID(1.0e308) * 10), ?T(?ID(0.0) / ?ID(0.0)),
    erlang:display([1.0 * ?ID(0), -1.0 * ?ID(0), ?ID(0.0) * -1, ?ID(-0.0) + ?ID(0.0), ?ID(-0.0) - ?ID(0.0),
                    ?ID(-0.0) + 0, ?ID(0) - ?ID(0.0), -?ID(0.0)]),
    ok.
