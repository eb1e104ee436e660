%% A small sequential program that shows what Ember runs today: recursion,
%% list processing, closures, tuples and exceptions, printed with erlang:display/1.
%% Run it with: ember -noshell -pa build/examples -run hello main -s init stop
-module(hello).
-export([main/0]).

main() ->
    erlang:display({hello, from, ember}),
    erlang:display({primes_below_50, primes(50)}),
    erlang:display({fib_25, fib(25)}),
    erlang:display({sorted, qsort([33, 7, 19, -4, 0, 42, 7, 12])}),
    Counter = fun(Step) -> fun(X) -> X + Step end end,
    Add10 = Counter(10),
    erlang:display({closure, Add10(32)}),
    erlang:display({tail_loop, count(10000000, 0)}),
    erlang:display({caught, safe_div(1, 0)}),
    erlang:display({caught, [to_int(S) || S <- ["42", "12x"]]}),
    erlang:display({roundtrip, binary_to_term(term_to_binary({ok, "text", [1.5, atom]}))}).

primes(N) -> sieve(seq(2, N)).

sieve([]) -> [];
sieve([P | T]) -> [P | sieve([X || X <- T, X rem P =/= 0])].

seq(A, B) when A > B -> [];
seq(A, B) -> [A | seq(A + 1, B)].

fib(N) when N < 2 -> N;
fib(N) -> fib(N - 1) + fib(N - 2).

qsort([]) -> [];
qsort([P | T]) -> qsort([X || X <- T, X < P]) ++ [P] ++ qsort([X || X <- T, X >= P]).

count(0, Acc) -> Acc;
count(N, Acc) -> count(N - 1, Acc + 1).

to_int(S) ->
    try list_to_integer(S)
    catch error:Reason -> {not_a_number, S, Reason}
    end.

safe_div(A, B) ->
    try A div B
    catch error:badarith -> {badarith, A, B}
    end.
