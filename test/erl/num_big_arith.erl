%% Bignum + - * div rem, unary minus and abs: every sign combination, the
%% edges of the small-integer range, promotion and demotion, and operands of
%% hundreds to thousands of digits (Karatsuba and long division sizes).
-module(num_big_arith).
-export([main/0]).
-include("test.hrl").

-define(MAX, 576460752303423487).
-define(MIN, -576460752303423488).

pow(_, 0) -> 1;
pow(B, N) -> B * pow(B, N - 1).

fact(0) -> 1;
fact(N) -> N * fact(N - 1).

%% A deterministic pseudo-random integer of about Digits decimal digits.
rand_int(Seed, Digits) -> rand_int(Seed, Digits, 0).
rand_int(_, D, Acc) when D =< 0 -> Acc;
rand_int(S, D, Acc) ->
    S1 = (S * 1103515245 + 12345) rem 2147483648,
    rand_int(S1, D - 9, Acc * 1000000000 + S1 rem 1000000000).

operands() ->
    Big = [?ID(?MAX), ?ID(?MAX + 1), ?ID(?MIN), ?ID(?MIN - 1), ?ID(1 bsl 64), ?ID((1 bsl 64) - 1),
           ?ID(1 bsl 128), ?ID(pow(10, 40)), ?ID(fact(30))],
    Big ++ [-X || X <- Big] ++ [?ID(0), ?ID(1), ?ID(-1), ?ID(7), ?ID(-1000000007)].

main() ->
    Ops = operands(),
    [erlang:display({A, B, A + B, A - B, A * B}) || A <- Ops, B <- Ops],
    [erlang:display({A, B, catch A div B, catch A rem B}) || A <- Ops, B <- Ops],
    [erlang:display({A, -A, abs(A), +A}) || A <- Ops],
    %% promotion and demotion at the boundary
    Max = ?ID(?MAX), Min = ?ID(?MIN),
    erlang:display([Max + 1, Max + 1 - 1, Min - 1, Min - 1 + 1, -Min, -(-Min), abs(Min),
                    Min div -1, (Max + 1) div 2, (Min - 1) rem 2, Max * Max, Min * Min,
                    Max * Min, (Max + 1) * (Min - 1) div (Max + 1)]),
    erlang:display([is_integer(Max + 1), (Max + 1) - 1 =:= Max, ((Max + 1) - 1) =:= ?MAX]),
    %% large operands
    F1000 = fact(?ID(450)), F800 = fact(?ID(380)),
    erlang:display(F1000),
    erlang:display(F1000 div F800),
    erlang:display(F1000 rem (F800 + 1)),
    erlang:display(F1000 div -(F800 - 12345)),
    erlang:display((-F1000) rem (F800 - 1)),
    R1 = rand_int(?ID(42), 1000), R2 = rand_int(?ID(4242), 1000), R3 = rand_int(?ID(7), 600),
    erlang:display(R1),
    erlang:display(R1 * R2),
    erlang:display(R1 * R3),
    erlang:display((R1 * R2) div R2 =:= R1),
    erlang:display((R1 * R2 + R3) rem R2 =:= R3),
    erlang:display(R1 * R2 div R3),
    erlang:display(R1 * R2 rem R3),
    erlang:display(R1 - R1 * 2 + R1),
    Big = pow(?ID(3), 5000),
    erlang:display(Big rem 1000000007),
    erlang:display(Big * Big div Big =:= Big),
    erlang:display(length(integer_to_list(Big * Big))),
    erlang:display(pow(?ID(2), 3000) - pow(?ID(2), 3000) + 1),
    %% errors
    ?T(?ID(1 bsl 100) div 0), ?T(?ID(1 bsl 100) rem 0), ?T(?ID(1 bsl 100) + foo),
    ?T(?ID(1 bsl 100) div 1.0), ?T(-?ID(foo)), ?T(abs(?ID(foo))),
    ?T(?ID(1 bsl 100) * ?ID([])), ok.
