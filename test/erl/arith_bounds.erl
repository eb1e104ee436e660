%% Arithmetic at the edges of the small-integer range (-2^59 .. 2^59-1) without
%% leaving it: results that land exactly on the boundaries, and sign changes.
-module(arith_bounds).
-export([main/0]).
-include("test.hrl").

-define(MAX, 576460752303423487).
-define(MIN, -576460752303423488).

main() ->
    Max = ?ID(?MAX), Min = ?ID(?MIN),
    erlang:display(Max), erlang:display(Min),
    erlang:display(Max - 1), erlang:display(Min + 1),
    erlang:display(Max + Min), erlang:display(Min + Max),
    erlang:display(Max - Max), erlang:display(-Max), erlang:display(-(Min + 1)),
    erlang:display((Max - 1) div 2 + 1), erlang:display(Min div 2),
    erlang:display(Max div -1), erlang:display(Max * -1), erlang:display(Max * 1),
    erlang:display(Min * 1), erlang:display((Max div 2) * 2 + 1),
    erlang:display(Min div 4 * 4), erlang:display(Max band Min),
    erlang:display(Max bor Min), erlang:display(Max bxor Min), erlang:display(bnot Max),
    erlang:display(bnot Min), erlang:display(1 bsl 58), erlang:display(-(1 bsl 59)),
    erlang:display((1 bsl 58) - 1 + (1 bsl 58)), erlang:display(Max bsr 58),
    erlang:display(Min bsr 58), erlang:display(Min bsr 59), erlang:display(Max bsr 59),
    erlang:display(Max rem 1000000007), erlang:display(Min rem 1000000007),
    erlang:display(abs(Min + 1)), erlang:display(abs(Max)),
    erlang:display(Max > Min), erlang:display(Max - 1 < Max),
    erlang:display(Max =:= ?MAX), erlang:display(Min == ?MIN),
    erlang:display(16#7ffffffffffffff), erlang:display(-16#800000000000000),
    erlang:display(2147483647 * 268435455), erlang:display(-2147483648 * 268435455),
    erlang:display(759250124 * 759250124), erlang:display(Max div 3 * 3),
    erlang:display(is_integer(Max)), erlang:display(is_integer(Min)),
    erlang:display(Max == float(Max)), erlang:display(float(Max)), erlang:display(float(Min)),
    erlang:display(trunc(float(1 bsl 52))), erlang:display(Min div Max), erlang:display(Max div Min),
    erlang:display(square_sum(1, 1000000, 0)).

square_sum(I, N, Acc) when I > N -> Acc;
square_sum(I, N, Acc) -> square_sum(I + 1, N, Acc + I * I).
