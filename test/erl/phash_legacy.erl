%% erlang:phash/2, the deprecated hash: every kind of term, integers around
%% the 32- and 64-bit word edges, strings and improper lists, nested terms,
%% the range edges and bad ranges.
%% ember-otp-libs: stdlib
-module(phash_legacy).
-export([main/0]).
-compile(nowarn_deprecated_function).
-include("test.hrl").

main() ->
    Y = ?ID(7),
    Terms = [[], foo, 'ÿé', '', 0, 1, -1, 255, 256, 1 bsl 27, 1 bsl 31, 1 bsl 32, -(1 bsl 32),
             1 bsl 59, 1 bsl 60, -(1 bsl 60), 1 bsl 63, 1 bsl 64, -(1 bsl 64), 1 bsl 100,
             12345678901234567890, -98765432109876543210987654321,
             1.5, -2.25, 0.0, -0.0, 1.0e300,
             "abc", [1, 2 | 3], [foo, "x", 300, [[]]], [a | b], [256, 1, 2],
             <<>>, <<1, 2, 3>>, <<1:3>>, <<1, 2, 3:5>>, binary:copy(<<"xyz">>, 100),
             element(2, split_binary(<<0, 1, 2, 3, 4, 5, 6>>, 1)),
             {}, {a}, {a, "bc", 1.5, <<1, 2, 3>>}, {{{}}, [{}]},
             #{}, #{a => 1, "b" => [2]},
             fun lists:sort/1, fun erlang:abs/1, fun(X) -> X end, fun(X) -> X + Y end,
             list_to_pid("<0.55.0>"), list_to_pid("<0.32767.1>"),
             list_to_port("#Port<0.9>"), list_to_ref("#Ref<0.1.2.3>"),
             lists:seq(1, 1000), [lists:seq(1, 300)]],
    [?T([erlang:phash(T, R) || R <- [1, 2, 100, 1 bsl 31, 1 bsl 32]]) || T <- Terms],
    [?T(erlang:phash(foo, R)) || R <- [0, -1, 1 bsl 32 + 1, 1.0, a]].
