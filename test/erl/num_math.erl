%% The math module's BIFs on integers, bignums and floats, and the errors
%% OTP raises: badarg for non-numbers, badarith for results outside the reals
%% or the double range.
-module(num_math).
-export([main/0]).
-include("test.hrl").

main() ->
    Xs = [?ID(0), ?ID(1), ?ID(-1), ?ID(0.5), ?ID(-0.5), ?ID(2), ?ID(10.0), ?ID(-0.0), ?ID(1.0e10),
          ?ID(1 bsl 70), ?ID(1 bsl 1100), ?ID(foo)],
    F1 = [{sqrt, fun math:sqrt/1}, {exp, fun math:exp/1}, {log, fun math:log/1},
          {log2, fun math:log2/1}, {log10, fun math:log10/1}, {sin, fun math:sin/1},
          {cos, fun math:cos/1}, {tan, fun math:tan/1}, {asin, fun math:asin/1},
          {acos, fun math:acos/1}, {atan, fun math:atan/1}, {sinh, fun math:sinh/1},
          {cosh, fun math:cosh/1}, {tanh, fun math:tanh/1}, {asinh, fun math:asinh/1},
          {acosh, fun math:acosh/1}, {atanh, fun math:atanh/1}, {erf, fun math:erf/1},
          {erfc, fun math:erfc/1}, {floor, fun math:floor/1}, {ceil, fun math:ceil/1}],
    [erlang:display({N, X, res(fun() -> F(X) end)}) || {N, F} <- F1, X <- Xs],
    Ys = [?ID(0), ?ID(2), ?ID(-3), ?ID(0.5), ?ID(-0.0), ?ID(1 bsl 70), ?ID(1.0e300)],
    F2 = [{pow, fun math:pow/2}, {atan2, fun math:atan2/2}, {fmod, fun math:fmod/2}],
    [erlang:display({N, X, Y, res(fun() -> F(X, Y) end)}) || {N, F} <- F2, X <- Ys, Y <- Ys],
    erlang:display(math:pi()),
    erlang:display({math:sqrt(?ID(2)), math:pow(?ID(2), ?ID(0.5)), math:exp(?ID(1)),
                    math:log(math:exp(?ID(3.5))), math:fmod(?ID(-7.5), ?ID(2))}),
    ?T(math:sqrt(?ID(-1))), ?T(math:log(?ID(0))), ?T(math:pow(?ID(10), ?ID(400))),
    ?T(math:sqrt(?ID("4"))), ?T(math:pow(?ID(a), 2)), ?T(math:floor(?ID(1 bsl 2000))),
    ok.

res(F) -> try F() catch C:R -> {C, R} end.
