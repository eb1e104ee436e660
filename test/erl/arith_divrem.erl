%% div and rem: signs, truncation toward zero, zero divisors, non-integers.
-module(arith_divrem).
-export([main/0]).
-include("test.hrl").

main() ->
    Pairs = [{7, 2}, {-7, 2}, {7, -2}, {-7, -2}, {0, 5}, {1, 1}, {5, 7}, {-5, 7},
             {100, 10}, {-100, 10}, {576460752303423487, 2}, {-576460752303423488, 3},
             {576460752303423487, 576460752303423487}, {123456789, 1000}, {9, -9}],
    [begin
         A1 = ?ID(A), B1 = ?ID(B),
         erlang:display({A, B, A1 div B1, A1 rem B1, (A1 div B1) * B1 + A1 rem B1})
     end || {A, B} <- Pairs],
    ?T(?ID(1) div ?ID(0)), ?T(?ID(1) rem ?ID(0)), ?T(?ID(0) div ?ID(0)),
    ?T(?ID(1.0) div ?ID(1)), ?T(?ID(5) rem ?ID(2.0)), ?T(?ID(a) div ?ID(1)),
    ?T(?ID(7) div ?ID([])), ?T(erlang:'div'(?ID(17), ?ID(5))),
    ?T(erlang:'rem'(?ID(-17), ?ID(5))), ?T(apply(erlang, 'div', [?ID(9), 0])),
    ?T(?ID(7) / ?ID(2)), ?T(?ID(-7) / ?ID(2)), ?T(?ID(1) / ?ID(0)),
    ?T(?ID(0) / ?ID(0)), ?T(?ID(1.0) / ?ID(0.0)), ?T(?ID(6) / ?ID(3)),
    ?T(?ID(1) / ?ID(3)), ?T(?ID(a) / ?ID(1)).
