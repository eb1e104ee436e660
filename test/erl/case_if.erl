%% case and if: clause selection, guards in clauses, nesting, values of
%% case/if as expressions, case_clause and if_clause.
-module(case_if).
-export([main/0]).
-include("test.hrl").

main() ->
    [erlang:display({V, kind(?ID(V))}) || V <- [0, 1, 42, -1, 1.0, a, "s", [], {1, 2}, {1, 2, 3}, <<>>]],
    [erlang:display({V, sign(?ID(V))}) || V <- [-5, 0, 5, 0.0, -0.0]],
    [erlang:display({V, grade(?ID(V))}) || V <- [95, 85, 75, 50, 101]],
    ?T(case ?ID(3) of 1 -> one; 2 -> two end),
    ?T(case ?ID({a, b}) of {a} -> x end),
    ?T(begin One = ?ID(1), if One > 2 -> a end end),
    ?T(begin A = ?ID(a), if A + 1 > 0 -> yes; true -> guard_failed_to_true end end),
    ?T(case ?ID(x) of X when X =:= y -> y; X when is_atom(X) -> {atom, X} end),
    ?T(nested(?ID(1), ?ID(2))), ?T(nested(?ID(2), ?ID(1))), ?T(nested(?ID(2), ?ID(2))),
    ?T(case case ?ID(1) of 1 -> a; _ -> b end of a -> inner_a; b -> inner_b end),
    ?T(begin V = case ?ID(5) of N when N > 3 -> N * 10; N -> N end, V + 1 end),
    ?T(lookup(?ID(b), [{a, 1}, {b, 2}])), ?T(lookup(?ID(z), [{a, 1}])),
    ?T(fizz(1, 20, [])),
    ?T(case ?ID([1, 2, 3]) of [H | _] = L when length(L) > 2 -> {H, L}; _ -> short end),
    ?T(case ?ID(7) of 1 -> a; 2 -> b; 3 -> c; 4 -> d; 5 -> e; 6 -> f; 7 -> g; _ -> z end),
    ?T(case ?ID(zz) of a -> 1; b -> 2; c -> 3; d -> 4; e -> 5; f -> 6; zz -> 7 end),
    ?T(case ?ID({3, x}) of {1, _} -> 1; {2, _} -> 2; {3, y} -> 3; {3, _} -> 33 end),
    ?T(case ?ID(1.0) of 1 -> int; 1.0 -> float end).

kind(0) -> zero;
kind(N) when is_integer(N), N > 0, N < 10 -> small;
kind(N) when is_integer(N) -> if N > 0 -> big; true -> negative end;
kind(X) ->
    case X of
        1.0 -> float_one;
        A when is_atom(A) -> atom;
        [] -> nil;
        [_ | _] -> list;
        {_, _} -> pair;
        T when is_tuple(T) -> {tuple, tuple_size(T)};
        _ -> other
    end.

sign(X) -> if X < 0 -> neg; X == 0 -> zero; true -> pos end.

grade(S) ->
    if S > 100 -> invalid;
       S >= 90 -> a;
       S >= 80 -> b;
       S >= 70 -> c;
       true -> f
    end.

nested(A, B) ->
    case A of
        1 -> case B of 2 -> one_two; _ -> one_other end;
        2 -> if B < A -> two_gt; B =:= A -> two_eq end
    end.

lookup(K, L) ->
    case lists:keyfind(K, 1, L) of
        {K, V} -> {found, V};
        false -> not_found
    end.

fizz(I, N, Acc) when I > N -> lists:reverse(Acc, []);
fizz(I, N, Acc) ->
    W = case {I rem 3, I rem 5} of
            {0, 0} -> fizzbuzz;
            {0, _} -> fizz;
            {_, 0} -> buzz;
            _ -> I
        end,
    fizz(I + 1, N, [W | Acc]).
