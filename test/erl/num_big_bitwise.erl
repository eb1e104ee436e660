%% band, bor, bxor, bnot, bsl and bsr on bignums with two's complement
%% semantics for negative values, shifts by large and huge counts, and the
%% system_limit OTP raises for integers too large to build.
-module(num_big_bitwise).
-export([main/0]).
-include("test.hrl").

operands() ->
    Pos = [?ID(0), ?ID(1), ?ID(5), ?ID(576460752303423487), ?ID(576460752303423488),
           ?ID(1 bsl 64), ?ID((1 bsl 64) - 1), ?ID((1 bsl 64) + 1), ?ID(1 bsl 127),
           ?ID(16#123456789ABCDEF0123456789ABCDEF0123456789), ?ID((1 bsl 200) - 1)],
    Pos ++ [-X || X <- Pos, X =/= 0].

main() ->
    Ops = operands(),
    [erlang:display({A, B, A band B, A bor B, A bxor B}) || A <- Ops, B <- Ops],
    [erlang:display({A, bnot A, bnot bnot A}) || A <- Ops],
    Counts = [?ID(0), ?ID(1), ?ID(7), ?ID(63), ?ID(64), ?ID(65), ?ID(127), ?ID(128), ?ID(200), ?ID(1000),
              ?ID(-1), ?ID(-64), ?ID(-65), ?ID(-300)],
    [erlang:display({A, S, A bsl S, A bsr S}) || A <- Ops, S <- Counts],
    %% shifting everything out: 0 for non-negative values, -1 for negative ones
    Huge = ?ID(1 bsl 80),
    [erlang:display({A, A bsr Huge, A bsl -Huge}) || A <- Ops],
    [erlang:display({A, catch A bsl Huge, catch A bsr -Huge}) || A <- [?ID(0), ?ID(1), ?ID(-1), ?ID(1 bsl 70)]],
    %% the largest integer OTP builds has 2^25 - 64 magnitude bits
    Top = ?ID(1) bsl ?ID(33554367),
    erlang:display(Top bsr 33554300),
    erlang:display((-Top) bsr 33554300),
    ?T(Top bsl 1), ?T(?ID(2) bsl 33554367), ?T(?ID(1) bsl 33554368), ?T(-Top * 2),
    ?T(Top + Top), ?T(((Top - 1) * 2 + 1) bsr 33554360),
    ?T(?ID(1 bsl 70) band 1.0), ?T(bnot ?ID(1.0)), ?T(?ID(1 bsl 70) bsl 1.0), ?T(?ID(a) bsr 1),
    ?T(?ID(1 bsl 70) bxor foo), ?T(?ID(1) bsl (1 bsl 100)),
    %% mixing with small values and demotion of results
    erlang:display([(1 bsl 100) band 255, -(1 bsl 100) band 255, ((1 bsl 100) + 77) band 255,
                    (1 bsl 100) bxor (1 bsl 100), ((1 bsl 100) bor 1) bxor (1 bsl 100),
                    -(1 bsl 100) bor ((1 bsl 100) - 1), (1 bsl 100) bsr 95, -(1 bsl 100) bsr 98]),
    ok.
