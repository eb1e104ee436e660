%% Prime numbers with lists only: a sieve of Eratosthenes on lists, trial
%% division, prime factorisation, and a few number-theory facts.
-module(primes_sieve).
-export([main/0]).
-include("test.hrl").

main() ->
    P100 = sieve(seq(2, ?ID(100))),
    erlang:display(P100), erlang:display(length(P100)),
    P = sieve(seq(2, ?ID(20000))),
    erlang:display({length(P), last(P), sum(P, 0)}),
    erlang:display([N || N <- seq(1, ?ID(60)), is_prime(N)]),
    erlang:display([{N, factors(?ID(N))} || N <- [1, 2, 12, 97, 360, 1001, 65536, 999999, 600851475143]]),
    erlang:display(twin_primes(P100)),
    erlang:display(goldbach(?ID(100), P100)),
    erlang:display(nth_prime(?ID(1000))),
    erlang:display([gcd(?ID(A), ?ID(B)) || {A, B} <- [{12, 18}, {17, 5}, {0, 9}, {1071, 462}]]),
    erlang:display(totient(?ID(36))),
    erlang:display(perfect_numbers(?ID(10000))).

sieve([]) -> [];
sieve([P | T]) -> [P | sieve([X || X <- T, X rem P =/= 0])].

is_prime(N) when N < 2 -> false;
is_prime(N) -> not has_divisor(N, 2).
has_divisor(N, D) when D * D > N -> false;
has_divisor(N, D) -> N rem D =:= 0 orelse has_divisor(N, D + 1).

factors(N) -> factors(N, 2, []).
factors(1, _, Acc) -> lists:reverse(Acc, []);
factors(N, D, Acc) when D * D > N -> lists:reverse([N | Acc], []);
factors(N, D, Acc) when N rem D =:= 0 -> factors(N div D, D, [D | Acc]);
factors(N, D, Acc) -> factors(N, D + 1, Acc).

twin_primes([A, B | T]) when B - A =:= 2 -> [{A, B} | twin_primes([B | T])];
twin_primes([_ | T]) -> twin_primes(T);
twin_primes([]) -> [].

goldbach(N, Ps) -> [{A, N - A} || A <- Ps, A =< N - A, lists:member(N - A, Ps)].

nth_prime(N) -> nth_prime(N, 2).
nth_prime(N, C) ->
    case is_prime(C) of
        true when N =:= 1 -> C;
        true -> nth_prime(N - 1, C + 1);
        false -> nth_prime(N, C + 1)
    end.

gcd(A, 0) -> A;
gcd(A, B) -> gcd(B, A rem B).

totient(N) -> length([K || K <- seq(1, N), gcd(N, K) =:= 1]).

perfect_numbers(Max) -> [N || N <- seq(2, Max), sum(divisors(N), 0) =:= N].
divisors(N) -> [D || D <- seq(1, N div 2), N rem D =:= 0].

seq(A, B) -> seq(A, B, []).
seq(A, B, Acc) when B < A -> Acc;
seq(A, B, Acc) -> seq(A, B - 1, [B | Acc]).

sum([], A) -> A;
sum([H | T], A) -> sum(T, A + H).

last([X]) -> X;
last([_ | T]) -> last(T).
