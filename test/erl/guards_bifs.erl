%% BIFs allowed in guards, and guards that fail because a BIF raises (a raising
%% guard is false, not an exception).
-module(guards_bifs).
-export([main/0]).
-include("test.hrl").

main() ->
    Vals = [3, -3, 2.5, a, [1, 2], "abc", [], {a, b, c}, {}, <<1, 2>>, [1 | 2]],
    [erlang:display({V, g(?ID(V))}) || V <- Vals],
    [erlang:display({V, h(?ID(V))}) || V <- Vals],
    [erlang:display({A, B, m(?ID(A), ?ID(B))}) || {A, B} <- [{1, 2}, {2, 1}, {1, 1.0}, {a, 1}]],
    [erlang:display({V, arith(?ID(V))}) || V <- [0, 7, -8, 1.5, x]],
    [erlang:display({V, node_self(?ID(V))}) || V <- [nonode@nohost, other]].

%% Each clause's guard raises for some inputs; the clause is then skipped.
g(X) when abs(X) > 2 -> abs_gt_2;
g(X) when length(X) > 2 -> {length, length(X)};
g(X) when hd(X) =:= 1 -> hd_is_1;
g(X) when tl(X) =:= [] -> one_element;
g(X) when element(1, X) =:= a -> {first, element(3, X)};
g(X) when tuple_size(X) =:= 0 -> empty_tuple;
g(X) when byte_size(X) =:= 2 -> {bytes, byte_size(X), bit_size(X)};
g(X) when size(X) >= 0 -> {size, size(X)};
g(X) when float(X) > 2.0 -> float_gt_2;
g(_) -> none.

h(X) when is_integer(X), X rem 2 =:= 1 -> odd;
h(X) when trunc(X) =:= 2 -> trunc_2;
h(X) when round(X) > 0 -> round_pos;
h(X) when is_list(X), length(X) =:= 0 -> empty;
h(X) when is_map(X) -> map;
h(X) when is_atom(X) -> {atom, node()};
h(_) -> none.

m(A, B) when A > B, is_number(A + B) -> first_bigger;
m(A, B) when A < B -> first_smaller;
m(_, _) -> same_or_mixed.

arith(X) when X * 2 + 1 > 10 -> big;
arith(X) when X band 1 =:= 0 -> even;
arith(X) when -X > 5 -> very_negative;
arith(X) when X / 2 > 0.5 -> half;
arith(X) when bnot X < 0 -> bnot_neg;
arith(_) -> none.

node_self(X) when X =:= node(), is_pid(self()) -> local;
node_self(_) -> remote.
