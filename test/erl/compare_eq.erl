%% == and /= (numeric coercion) against =:= and =/= (exact), deep in terms;
%% also the comparison operators called as functions and through apply.
-module(compare_eq).
-export([main/0]).
-include("test.hrl").

main() ->
    Cases = [{1, 1}, {1, 1.0}, {0, -0.0}, {0.0, -0.0}, {a, a}, {a, 'a'}, {"a", [97]},
             {[], ""}, {{1, 2}, {1, 2.0}}, {[1, 2], [1.0, 2]}, {[1 | 2], [1 | 2.0]},
             {<<1>>, <<1>>}, {<<"a">>, "a"}, {{}, {}}, {{a}, {a, a}}, {#{}, #{}},
             {#{a => 1}, #{a => 1.0}}, {#{1 => a}, #{1.0 => a}}, {576460752303423487, 576460752303423487},
             {9007199254740993, 9007199254740992.0}, {3, 3.0000000000000004}, {"abc", "abc"},
             {fun erlang:abs/1, fun erlang:abs/1}, {[a, {b, [c]}], [a, {b, [c]}]},
             {[a, {b, [c]}], [a, {b, [d]}]}],
    [erlang:display({A, B, ?ID(A) == ?ID(B), ?ID(A) /= ?ID(B), ?ID(A) =:= ?ID(B),
                     ?ID(A) =/= ?ID(B)}) || {A, B} <- Cases],
    F = fun(Op, A, B) -> erlang:Op(?ID(A), ?ID(B)) end,
    erlang:display([F(Op, 1, 1.0) || Op <- ['==', '/=', '=:=', '=/=', '<', '>', '=<', '>=']]),
    erlang:display([apply(erlang, Op, [a, "a"]) || Op <- ['==', '/=', '=:=', '=/=', '<', '>', '=<', '>=']]),
    erlang:display([case ?ID(X) of 1 -> int_one; 1.0 -> float_one; _ -> other end
                    || X <- [1, 1.0, -1]]),
    erlang:display([eq_guard(?ID(X)) || X <- [1, 1.0, 2, a]]),
    R = make_ref(),
    erlang:display([R =:= R, R == R, R =/= make_ref(), self() =:= self()]).

eq_guard(X) when X =:= 1 -> exact;
eq_guard(X) when X == 1 -> equal;
eq_guard(_) -> neither.
