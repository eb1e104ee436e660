%% Funs and closures: free variables captured by value, closures over closures,
%% funs as data, fun M:F/A, fun F/A, and calling funs with the wrong argument count.
-module(funs_basic).
-export([main/0, double/1, add/2]).
-include("test.hrl").

double(X) -> 2 * X.
add(X, Y) -> X + Y.
local_triple(X) -> 3 * X.

main() ->
    K = ?ID(10),
    AddK = fun(X) -> X + K end,
    erlang:display(AddK(5)),
    Adder = fun(N) -> fun(X) -> X + N end end,
    A3 = Adder(3), A7 = Adder(7),
    erlang:display({A3(1), A7(1), (Adder(100))(1)}),
    Compose = fun(F, G) -> fun(X) -> F(G(X)) end end,
    erlang:display((Compose(A3, A7))(0)),
    erlang:display((Compose(fun double/1, fun local_triple/1))(2)),
    Ext = fun ?MODULE:double/1, Ext2 = fun erlang:abs/1,
    erlang:display({Ext(21), Ext2(-4), (fun funs_basic:add/2)(2, 3)}),
    M = ?ID(?MODULE), F = ?ID(add), Ar = ?ID(2),
    Dyn = fun M:F/Ar,
    erlang:display({Dyn(40, 2), Dyn}),
    Many = fun(A, B, C, D, E) -> [E, D, C, B, A] end,
    erlang:display(Many(1, 2, 3, 4, 5)),
    V1 = ?ID(a), V2 = ?ID({b}), V3 = ?ID("c"), V4 = ?ID(4.0), V5 = ?ID([5]),
    Cap = fun() -> {V1, V2, V3, V4, V5} end,
    erlang:display(Cap()),
    Counter = make_counter(0),
    erlang:display(Counter(Counter(Counter(0)))),
    Fs = [fun(X) -> X + I end || I <- [1, 2, 3]],
    erlang:display([G(10) || G <- Fs]),
    erlang:display([is_function(AddK), is_function(AddK, 1), is_function(AddK, 2)]),
    Shadow = fun(K) -> K * 2 end,
    erlang:display({Shadow(4), K}),
    ?T((?ID(AddK))(1, 2)), ?T((?ID(fun() -> ok end))(x)), ?T(Ext(a)),
    ?T((?ID(not_a_fun))(1)), ?T((?ID({a, b}))()),
    ?T(Dyn(1)), ?T((fun ?MODULE:nope/0)()),
    ?T(AddK =:= AddK), ?T(fun ?MODULE:double/1 =:= Ext), ?T(A3 =:= A7),
    ?T((fun(X) when X > 0 -> pos; (_) -> nonpos end)(?ID(-1))),
    ?T((fun(0) -> zero end)(?ID(1))),
    ?T((fun({A, B}) -> A + B end)(?ID({1, 2}))).

make_counter(Step) -> fun(X) -> X + Step + 1 end.
