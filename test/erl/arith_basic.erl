%% Integer + - * and unary minus on small integers, including negatives and
%% mixed operand orders; written without funs so it needs only the core.
-module(arith_basic).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    A = ?MODULE:id(7), B = ?MODULE:id(-3), Z = ?MODULE:id(0),
    erlang:display(A + B), erlang:display(A - B), erlang:display(A * B),
    erlang:display(B - A), erlang:display(B * B), erlang:display(-A),
    erlang:display(-B), erlang:display(+A), erlang:display(-Z), erlang:display(Z * B),
    erlang:display(A + 1), erlang:display(1 + A), erlang:display(A - 1),
    erlang:display(1 - A), erlang:display(A * 2), erlang:display(2 * A),
    erlang:display(A * -1), erlang:display(B + B + B + B),
    erlang:display((A + B) * (A - B)), erlang:display(A * A * A * A * A * A),
    erlang:display(sum(1, 100, 0)), erlang:display(fact(19)),
    erlang:display(pow(2, 58)), erlang:display(-pow(2, 58)),
    erlang:display(pow(3, 37)), erlang:display(pow(-3, 37)),
    erlang:display(pow(10, 17)), erlang:display(-pow(10, 17) * 5),
    erlang:display(1 bsl ?MODULE:id(10)), erlang:display(A rem 4),
    erlang:display(erlang:'+'(A, B)), erlang:display(erlang:'-'(A, B)),
    erlang:display(erlang:'*'(A, B)), erlang:display(erlang:'-'(A)),
    erlang:display(erlang:'+'(B)), erlang:display(abs(B)), erlang:display(abs(A)),
    erlang:display(series(30, [])).

sum(I, N, Acc) when I > N -> Acc;
sum(I, N, Acc) -> sum(I + 1, N, Acc + I).

fact(0) -> 1;
fact(N) -> N * fact(N - 1).

pow(_, 0) -> 1;
pow(X, N) -> X * pow(X, N - 1).

%% Alternating sums and products that stay small.
series(0, Acc) -> Acc;
series(N, Acc) -> series(N - 1, [N * N - 3 * N + (-1 * N) | Acc]).
