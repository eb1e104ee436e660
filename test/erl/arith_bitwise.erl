%% band bor bxor bnot bsl bsr on small integers, negatives, shifts by negative counts.
-module(arith_bitwise).
-export([main/0]).
-include("test.hrl").

main() ->
    Vals = [0, 1, -1, 5, -5, 255, -256, 16#ff00, 16#5555, -16#5555,
            576460752303423487, -576460752303423488],
    [erlang:display({X, Y, ?ID(X) band ?ID(Y), ?ID(X) bor ?ID(Y), ?ID(X) bxor ?ID(Y)})
     || X <- Vals, Y <- [0, -1, 12, -12, 16#f0f0]],
    [erlang:display({X, bnot ?ID(X)}) || X <- Vals],
    [erlang:display({X, S, ?ID(X) bsr ?ID(S)}) || X <- Vals, S <- [0, 1, 3, 59, 60, 64, 100]],
    [erlang:display({X, S, ?ID(X) bsl ?ID(S)}) || X <- [0, 1, -1, 3, -3], S <- [0, 1, 8, 50, 57]],
    [erlang:display({X, S, ?ID(X) bsl ?ID(S)}) || X <- [255, -255], S <- [0, 1, 50]],
    [erlang:display({X, S, ?ID(X) bsl ?ID(S)}) || X <- [5, -5, 1024], S <- [-1, -3, -70]],
    [erlang:display({X, S, ?ID(X) bsr ?ID(S)}) || X <- [5, -5], S <- [-1, -4]],
    ?T(?ID(1) band ?ID(a)), ?T(?ID(1.0) bor ?ID(1)), ?T(bnot ?ID(foo)),
    ?T(?ID(1) bsl ?ID(1.0)), ?T(?ID(x) bsr ?ID(1)), ?T(?ID(3) bxor ?ID("a")),
    ?T(erlang:'band'(?ID(12), ?ID(10))), ?T(erlang:'bnot'(?ID(0))),
    ?T(apply(erlang, 'bsl', [?ID(1), ?ID(4)])).
