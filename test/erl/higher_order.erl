%% Higher-order functions written locally (map, filter, folds, zip_with,
%% takewhile, partition, flatmap, any/all) and list comprehensions.
-module(higher_order).
-export([main/0]).
-include("test.hrl").

main() ->
    L = seq(1, ?ID(10)),
    erlang:display(map(fun(X) -> X * X end, L)),
    erlang:display(filter(fun(X) -> X rem 2 =:= 0 end, L)),
    erlang:display(foldl(fun(X, Acc) -> X + Acc end, 0, L)),
    erlang:display(foldr(fun(X, Acc) -> [X | Acc] end, [], L)),
    erlang:display(foldl(fun(X, Acc) -> [X | Acc] end, [], L)),
    erlang:display(zip_with(fun(A, B) -> {A, B} end, L, map(fun(X) -> -X end, L))),
    erlang:display(takewhile(fun(X) -> X < 5 end, L)),
    erlang:display(dropwhile(fun(X) -> X < 5 end, L)),
    erlang:display(partition(fun(X) -> X > 3 end, L)),
    erlang:display(flatmap(fun(X) -> [X, X] end, [a, b, c])),
    erlang:display({any(fun(X) -> X > 9 end, L), all(fun(X) -> X > 0 end, L),
                    any(fun(X) -> X > 10 end, L), all(fun is_atom/1, [])}),
    erlang:display([X * Y || X <- [1, 2, 3], Y <- [10, 20], X =/= 2]),
    erlang:display([{X, Y} || X <- L, Y <- L, X + Y =:= 10, X < Y]),
    erlang:display([X || {X, true} <- [{a, true}, {b, false}, c, {d, true}]]),
    erlang:display([[C] || C <- "hello", C =/= $l]),
    erlang:display(pythag(?ID(30))),
    erlang:display(perms([1, 2, 3])),
    erlang:display(foldl(fun(F, Acc) -> F(Acc) end, 1,
                         [fun(X) -> X + 1 end, fun(X) -> X * 10 end, fun(X) -> X - 3 end])),
    erlang:display(map(fun(F) -> F(2) end, [fun(X) -> X end, fun erlang:float/1, fun erlang:'-'/1])),
    Sum = foldl(fun(X, A) -> X + A end, 0, seq(1, ?ID(200000))),
    erlang:display(Sum),
    erlang:display(length(map(fun(X) -> {X} end, seq(1, ?ID(100000))))),
    erlang:display(uniq([3, 1, 3, 2, 1, 4])).

seq(A, B) when A > B -> [];
seq(A, B) -> [A | seq(A + 1, B)].

map(_, []) -> [];
map(F, [H | T]) -> [F(H) | map(F, T)].

filter(P, L) -> [X || X <- L, P(X)].

foldl(_, Acc, []) -> Acc;
foldl(F, Acc, [H | T]) -> foldl(F, F(H, Acc), T).

foldr(_, Acc, []) -> Acc;
foldr(F, Acc, [H | T]) -> F(H, foldr(F, Acc, T)).

zip_with(F, [A | As], [B | Bs]) -> [F(A, B) | zip_with(F, As, Bs)];
zip_with(_, _, _) -> [].

takewhile(P, [H | T]) -> case P(H) of true -> [H | takewhile(P, T)]; false -> [] end;
takewhile(_, []) -> [].

dropwhile(P, [H | T] = L) -> case P(H) of true -> dropwhile(P, T); false -> L end;
dropwhile(_, []) -> [].

partition(P, L) -> {[X || X <- L, P(X)], [X || X <- L, not P(X)]}.

flatmap(F, L) -> foldr(fun(X, Acc) -> F(X) ++ Acc end, [], L).

any(P, L) -> foldl(fun(X, A) -> A orelse P(X) end, false, L).
all(P, L) -> foldl(fun(X, A) -> A andalso P(X) end, true, L).

pythag(N) ->
    [{A, B, C} || A <- seq(1, N), B <- seq(A, N), C <- seq(B, N), A * A + B * B =:= C * C].

perms([]) -> [[]];
perms(L) -> [[H | T] || H <- L, T <- perms(L -- [H])].

uniq(L) -> lists:reverse(foldl(fun(X, Acc) -> case lists:member(X, Acc) of
                                                    true -> Acc;
                                                    false -> [X | Acc]
                                                end end, [], L), []).
