%% badarith and badarg from arithmetic: non-numbers, division by zero, operator
%% BIFs called through erlang:apply, error reasons only.
-module(arith_errors).
-export([main/0]).
-include("test.hrl").

main() ->
    ?T(?ID(1) + ?ID(a)), ?T(?ID(a) + ?ID(1)), ?T(?ID(1) - ?ID("1")),
    ?T(?ID({}) * ?ID(2)), ?T(-?ID(a)), ?T(+?ID(a)), ?T(?ID([]) + ?ID([])),
    ?T(?ID(1) + ?ID(1.5)), ?T(?ID(2) * ?ID(0.5)), ?T(?ID(1.5) - ?ID(1)),
    ?T(?ID(<<1>>) + 1), ?T(?ID(self) * 2),
    ?T(erlang:'+'(?ID(1), ?ID(b))), ?T(apply(erlang, '+', [1, ?ID(x)])),
    ?T(apply(erlang, '-', [?ID(x)])), ?T(apply(erlang, '*', [?ID(3), ?ID(4)])),
    ?T(apply(erlang, '/', [?ID(3), ?ID(4)])),
    ?T(abs(?ID(a))), ?T(abs(?ID(-3.5))), ?T(float(?ID(a))), ?T(trunc(?ID(a))),
    ?T(round(?ID("x"))), ?T(?ID(1.0e308) * ?ID(10.0)), ?T(?ID(-1.0e308) * ?ID(10)),
    ?T(?ID(1.0e308) + ?ID(1.0e308)), ?T(?ID(1.0e-308) / ?ID(1.0e308)),
    ?T(catch_value()), ?T(guarded(?ID(a))), ?T(guarded(?ID(3))).

catch_value() -> {catch ?ID(1) + 1, catch throw(?ID(t)), catch exit(?ID(e))}.

guarded(X) when X + 1 > 2 -> big;
guarded(_) -> other.
