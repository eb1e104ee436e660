%% Mutual recursion: even/odd, a state machine over a string, a recursive-
%% descent walk of nested lists, and Hofstadter's female/male sequences.
-module(mutual_recursion).
-export([main/0]).
-include("test.hrl").

main() ->
    erlang:display([{N, is_even(?ID(N)), is_odd(?ID(N))} || N <- [0, 1, 2, 7, 100, 1001]]),
    erlang:display(is_even(?ID(1000000))),
    erlang:display([count_words(?ID(S)) || S <- ["", "one", "two words", "  lots   of   space ",
                                                 "a b c d e f"]]),
    erlang:display(flatten(?ID([1, [2, [3, [4, []]], 5], [[[6]]], 7]))),
    erlang:display(depth(?ID([1, [2, [3, [4, []]], 5], [[[6]]], 7]))),
    erlang:display([female(?ID(N)) || N <- seq(0, 20)]),
    erlang:display([male(?ID(N)) || N <- seq(0, 20)]),
    erlang:display(eval_expr(?ID({add, {mul, 3, 4}, {neg, {sub, 10, 3}}}))).

is_even(0) -> true;
is_even(N) -> is_odd(N - 1).
is_odd(0) -> false;
is_odd(N) -> is_even(N - 1).

count_words(S) -> space(S, 0).
space([], N) -> N;
space([$\s | T], N) -> space(T, N);
space(S, N) -> word(S, N + 1).
word([], N) -> N;
word([$\s | T], N) -> space(T, N);
word([_ | T], N) -> word(T, N).

flatten(L) -> flat_list(L, []).
flat_list([], Acc) -> Acc;
flat_list([H | T], Acc) -> flat_elem(H, flat_list(T, Acc)).
flat_elem(L, Acc) when is_list(L) -> flat_list(L, Acc);
flat_elem(X, Acc) -> [X | Acc].

depth(L) when is_list(L) -> 1 + max_depth(L, 0);
depth(_) -> 0.
max_depth([], M) -> M;
max_depth([H | T], M) -> D = depth(H), max_depth(T, if D > M -> D; true -> M end).

female(0) -> 1;
female(N) -> N - male(female(N - 1)).
male(0) -> 0;
male(N) -> N - female(male(N - 1)).

eval_expr(N) when is_integer(N) -> N;
eval_expr({add, A, B}) -> eval_expr(A) + eval_expr(B);
eval_expr({sub, A, B}) -> eval_expr(A) - eval_expr(B);
eval_expr({mul, A, B}) -> eval_expr(A) * eval_expr(B);
eval_expr({neg, A}) -> -eval_expr(A).

seq(A, B) when A > B -> [];
seq(A, B) -> [A | seq(A + 1, B)].
