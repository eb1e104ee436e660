%% The n-queens problem: count all solutions for n = 1..8 and show the first
%% solution for a few sizes; exercises deep list comprehensions and recursion.
-module(nqueens).
-export([main/0]).
-include("test.hrl").

main() ->
    [erlang:display({N, length(queens(?ID(N)))}) || N <- [1, 2, 3, 4, 5, 6, 7, 8]],
    erlang:display(hd(queens(?ID(8)))),
    erlang:display(first_solution(?ID(12))),
    erlang:display(board(hd(queens(?ID(5))))).

queens(N) -> place(N, N).

place(0, _) -> [[]];
place(K, N) -> [[Q | Qs] || Qs <- place(K - 1, N), Q <- seq(1, N), safe(Q, Qs, 1)].

safe(_, [], _) -> true;
safe(Q, [Q1 | Qs], D) -> Q =/= Q1 andalso abs(Q - Q1) =/= D andalso safe(Q, Qs, D + 1).

%% Backtracking search that stops at the first solution.
first_solution(N) -> search(N, N, []).
search(_, 0, Placed) -> lists:reverse(Placed, []);
search(N, K, Placed) -> try_cols(N, K, Placed, 1).
try_cols(N, _, _, C) when C > N -> none;
try_cols(N, K, Placed, C) ->
    case safe(C, Placed, 1) andalso search(N, K - 1, [C | Placed]) of
        false -> try_cols(N, K, Placed, C + 1);
        none -> try_cols(N, K, Placed, C + 1);
        Sol -> Sol
    end.

board(Sol) -> [[if C =:= Q -> $Q; true -> $. end || C <- seq(1, length(Sol))] || Q <- Sol].

seq(A, B) when A > B -> [];
seq(A, B) -> [A | seq(A + 1, B)].
