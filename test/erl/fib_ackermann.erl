%% Classic recursive functions: naive and iterative Fibonacci, Ackermann for
%% small arguments, Takeuchi, binomial coefficients via Pascal's triangle,
%% power sets and the towers of Hanoi count.
-module(fib_ackermann).
-export([main/0]).
-include("test.hrl").

main() ->
    erlang:display([fib(?ID(N)) || N <- seq(0, 20)]),
    erlang:display(fib(?ID(25))),
    erlang:display(fib_iter(?ID(80), 0, 1)),
    erlang:display([{M, N, ack(?ID(M), ?ID(N))} || M <- [0, 1, 2, 3], N <- [0, 1, 2, 3, 4]]),
    erlang:display(ack(?ID(2), ?ID(200))),
    erlang:display(ack(?ID(3), ?ID(6))),
    erlang:display(tak(?ID(18), ?ID(12), ?ID(6))),
    erlang:display(pascal(?ID(12))),
    erlang:display(binom(?ID(40), ?ID(20))),
    erlang:display(length(powerset(seq(1, ?ID(12))))),
    erlang:display(powerset([a, b, c])),
    erlang:display(hanoi(?ID(20))),
    erlang:display(digits_sum(fib_iter(?ID(85), 0, 1), 0)).

fib(0) -> 0;
fib(1) -> 1;
fib(N) -> fib(N - 1) + fib(N - 2).

fib_iter(0, A, _) -> A;
fib_iter(N, A, B) -> fib_iter(N - 1, B, A + B).

ack(0, N) -> N + 1;
ack(M, 0) -> ack(M - 1, 1);
ack(M, N) -> ack(M - 1, ack(M, N - 1)).

tak(X, Y, Z) when Y < X -> tak(tak(X - 1, Y, Z), tak(Y - 1, Z, X), tak(Z - 1, X, Y));
tak(_, _, Z) -> Z.

pascal(0) -> [1];
pascal(N) -> P = pascal(N - 1), zip_add([0 | P], P ++ [0]).
zip_add([A | As], [B | Bs]) -> [A + B | zip_add(As, Bs)];
zip_add([], []) -> [].

binom(N, K) -> binom(N, K, 1, 1).
binom(_, 0, Num, Den) -> Num div Den;
binom(N, K, Num, Den) -> G = gcd(Num * N, Den * K), binom(N - 1, K - 1, Num * N div G, Den * K div G).

gcd(A, 0) -> A;
gcd(A, B) -> gcd(B, A rem B).

powerset([]) -> [[]];
powerset([H | T]) -> P = powerset(T), [[H | S] || S <- P] ++ P.

hanoi(0) -> 0;
hanoi(N) -> 2 * hanoi(N - 1) + 1.

digits_sum(0, A) -> A;
digits_sum(N, A) -> digits_sum(N div 10, A + N rem 10).

seq(A, B) when A > B -> [];
seq(A, B) -> [A | seq(A + 1, B)].
