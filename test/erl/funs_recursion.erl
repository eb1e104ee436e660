%% Recursion through funs: named funs, a fixed-point combinator, funs passed
%% down recursive calls, and deep recursion through fun calls.
-module(funs_recursion).
-export([main/0]).
-include("test.hrl").

main() ->
    Fact = fun F(0) -> 1; F(N) -> N * F(N - 1) end,
    erlang:display([Fact(?ID(I)) || I <- [0, 1, 5, 10, 15]]),
    Fib = fun Fb(0) -> 0; Fb(1) -> 1; Fb(N) -> Fb(N - 1) + Fb(N - 2) end,
    erlang:display(Fib(?ID(20))),
    Y = fun(F) -> (fun(X) -> F(fun(V) -> (X(X))(V) end) end)(fun(X) -> F(fun(V) -> (X(X))(V) end) end) end,
    YFact = Y(fun(Self) -> fun(0) -> 1; (K) -> K * Self(K - 1) end end),
    erlang:display(YFact(?ID(12))),
    Len = fun L([]) -> 0; L([_ | T]) -> 1 + L(T) end,
    erlang:display(Len(seq(?ID(100000)))),
    Count = fun C(0, Acc) -> Acc; C(I, Acc) -> C(I - 1, Acc + 1) end,
    erlang:display(Count(?ID(1000000), 0)),
    erlang:display(apply_n(fun(X) -> X * 2 end, ?ID(20), 1)),
    erlang:display(tree_sum(build(?ID(12)))),
    Even = fun Ev(0) -> true; Ev(I) -> not Ev(I - 1) end,
    erlang:display([Even(?ID(I)) || I <- [0, 1, 10, 1001]]),
    Hanoi = fun H(0, _, _, _, Acc) -> Acc;
                H(I, From, To, Via, Acc) ->
                    Acc1 = H(I - 1, From, Via, To, Acc),
                    H(I - 1, Via, To, From, [{From, To} | Acc1])
            end,
    Moves = Hanoi(?ID(10), a, c, b, []),
    erlang:display({length(Moves), lists:reverse(Moves, []) =/= Moves, hd(Moves)}),
    erlang:display(Fact).

seq(0) -> [];
seq(N) -> [N | seq(N - 1)].

apply_n(_, 0, X) -> X;
apply_n(F, N, X) -> apply_n(F, N - 1, F(X)).

build(0) -> leaf;
build(N) -> {node, N, build(N - 1), build(N - 1)}.

tree_sum(leaf) -> 0;
tree_sum({node, V, L, R}) -> V + tree_sum(L) + tree_sum(R).
