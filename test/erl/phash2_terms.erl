%% erlang:phash2/1,2 on many terms: the values are part of OTP's contract (they
%% are stable across releases), so they must match exactly.
-module(phash2_terms).
-export([main/0]).
-include("test.hrl").

main() ->
    Terms = [0, 1, -1, 42, 255, 256, 65536, 16#7ffffff, 16#8000000, 576460752303423487,
             -576460752303423488, 1.0, -1.0, 0.0, 0.5, 1.0e100, a, b, '', 'hello world',
             'é', true, [], [a], "abc", [1, 2, 3], [a | b], {}, {a}, {a, b}, {1, {2, {3}}},
             <<>>, <<1>>, <<"abc">>, <<1, 2, 3, 4, 5, 6, 7, 8, 9>>, fun erlang:abs/1,
             #{}, #{a => 1}, #{a => 1, b => 2}, seq(100), list_to_tuple(seq(50)),
             [[], [[]]], {[], {}}, "a long string with more than a few characters"],
    [erlang:display({T, erlang:phash2(?ID(T))}) || T <- Terms],
    [erlang:display({T, R, erlang:phash2(?ID(T), ?ID(R))})
     || T <- [a, 1, "abc", {x, y}], R <- [1, 2, 7, 1000, 4294967296]],
    erlang:display(erlang:phash2(?ID(1)) =:= erlang:phash2(?ID(1.0))),
    erlang:display(erlang:phash2(seq(10000))),
    ?T(erlang:phash2(?ID(a), ?ID(0))), ?T(erlang:phash2(?ID(a), ?ID(-1))),
    ?T(erlang:phash2(?ID(a), ?ID(4294967297))), ?T(erlang:phash2(?ID(a), ?ID(x))).

seq(0) -> [];
seq(N) -> [N | seq(N - 1)].
