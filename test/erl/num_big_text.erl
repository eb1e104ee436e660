%% Bignums as text (integer_to_list/binary in bases 2..36, list/binary_to_integer),
%% in the external term format (SMALL_BIG_EXT and LARGE_BIG_EXT, both ways),
%% and hashed with erlang:phash2, for values at the small-range boundary and
%% up to a thousand digits.
-module(num_big_text).
-export([main/0]).
-include("test.hrl").

pow(_, 0) -> 1;
pow(B, N) -> B * pow(B, N - 1).

values() ->
    V = [?ID(576460752303423487), ?ID(576460752303423488), ?ID(-576460752303423488),
         ?ID(-576460752303423489), ?ID(1 bsl 63), ?ID(1 bsl 64), ?ID((1 bsl 64) - 1),
         ?ID(pow(10, 30)), ?ID(pow(7, 90)), ?ID(1 bsl 2039), ?ID((1 bsl 2040) - 1), ?ID(1 bsl 2040),
         ?ID(pow(3, 2100))],
    V ++ [-X || X <- V].

bases() -> [2, 3, 7, 8, 10, 16, 29, 36].

main() ->
    Vs = values(),
    [erlang:display({V, [integer_to_list(V, B) || B <- [16, 36]], integer_to_binary(V, 2),
                     integer_to_binary(V)}) || V <- Vs],
    %% text round trips in every base
    [erlang:display({B, [list_to_integer(integer_to_list(V, B), B) =:= V andalso
                         binary_to_integer(integer_to_binary(V, B), B) =:= V || V <- Vs]}) || B <- bases()],
    erlang:display([list_to_integer(?ID("123456789012345678901234567890")),
                    list_to_integer(?ID("-000000000000000000000000000000576460752303423488")),
                    list_to_integer(?ID("+576460752303423488")),
                    list_to_integer(?ID("ffffffffffffffffffffffffffffffff"), 16),
                    list_to_integer(?ID("zzzzzzzzzzzzzzzzzzzzzzzzzz"), 36),
                    list_to_integer(?ID("-ZZZZZZZZZZZZZZZZZZZZZZZZZZ"), 36),
                    binary_to_integer(?ID(<<"-99999999999999999999999999">>)),
                    binary_to_integer(?ID(<<"1000000000000000000000000000000000000">>), 2)]),
    Long = integer_to_list(pow(?ID(13), 1000)),
    erlang:display(length(Long)),
    erlang:display(list_to_integer(Long) =:= pow(13, 1000)),
    erlang:display(list_to_integer([$- | Long]) =:= -pow(13, 1000)),
    ?T(list_to_integer(?ID("123456789012345678901234567890x"))),
    ?T(list_to_integer(?ID("12345678901234567890123456789G"), 16)),
    ?T(list_to_integer(Long ++ " ")),
    ?T(binary_to_integer(?ID(<<"99999999999999999999999999 ">>))),
    ?T(integer_to_list(?ID(1 bsl 100), 37)),
    ?T(integer_to_list(?ID(1 bsl 100), 1)),
    ?T(integer_to_binary(?ID(1.0e30))),
    %% external term format
    [erlang:display({V, term_to_binary(V)}) || V <- Vs, abs(V) < (1 bsl 300)],
    [erlang:display(binary_to_term(term_to_binary(V)) =:= V) || V <- Vs],
    erlang:display(byte_size(term_to_binary(pow(?ID(3), 2100)))),
    erlang:display(binary_to_term(<<131, 110, 8, 0, 0, 0, 0, 0, 0, 0, 0, 8>>)),
    erlang:display(binary_to_term(<<131, 110, 9, 1, 1, 0, 0, 0, 0, 0, 0, 0, 1>>)),
    erlang:display(binary_to_term(<<131, 110, 3, 0, 1, 0, 0>>)),
    erlang:display(binary_to_term(<<131, 111, 0, 0, 0, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1>>)),
    erlang:display(term_to_binary([1 bsl 59, -(1 bsl 59), (1 bsl 59) - 1, 1 bsl 2100])),
    %% hashing
    [erlang:display({V, erlang:phash2(V), erlang:phash2([V, V + 1], 1000)}) || V <- Vs],
    erlang:display([erlang:phash2(X) || X <- [1 bsl 27, (1 bsl 27) - 1, -(1 bsl 27), -(1 bsl 27) - 1,
                                               1 bsl 31, 1 bsl 32, -(1 bsl 32), 1 bsl 59, 1 bsl 60]]),
    ok.
