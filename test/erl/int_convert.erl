%% integer_to_list/1,2, list_to_integer/1,2 in every base 2..36, integer_to_binary,
%% and bad input (wrong digits, signs, bases out of range, non-lists).
-module(int_convert).
-export([main/0]).
-include("test.hrl").

main() ->
    [?T(integer_to_list(?ID(I))) || I <- [0, 7, -7, 123456789, -576460752303423488,
                                          576460752303423487]],
    [erlang:display({B, integer_to_list(?ID(255), B), integer_to_list(?ID(-1295), B),
                     integer_to_list(?ID(576460752303423487), B)}) || B <- bases(2)],
    [erlang:display({B, list_to_integer(?ID("11"), B), list_to_integer(?ID("-zz"), 36),
                     list_to_integer(integer_to_list(?ID(987654321), B), B)}) || B <- bases(2)],
    [?T(list_to_integer(?ID(S))) || S <- ["0", "-0", "+5", "-5", "007", "12a", "", "-", "+",
                                          " 1", "1 ", "1_000", "576460752303423487",
                                          "-576460752303423488", [$1 | a], abc, "٣"]],
    [?T(list_to_integer(?ID(S), ?ID(B))) || {S, B} <- [{"ff", 16}, {"FF", 16}, {"fF", 16},
                                                       {"z", 36}, {"Z", 36}, {"10", 2},
                                                       {"12", 2}, {"g", 16}, {"1", 1},
                                                       {"1", 37}, {"1", 0}, {"-101", 2},
                                                       {"+7", 8}, {"8", 8}, {"", 10},
                                                       {"1", a}, {"7fffffff", 17}, {"-Zz", 36}]],
    [?T(integer_to_list(?ID(I), ?ID(B))) || {I, B} <- [{10, 1}, {10, 37}, {10, a}, {a, 10},
                                                       {1.0, 10}, {-35, 36}]],
    [?T(integer_to_binary(?ID(I))) || I <- [0, 42, -42, 576460752303423487]],
    ?T(integer_to_binary(?ID(255), 16)), ?T(integer_to_binary(?ID(a))),
    ?T(binary_to_integer(?ID(<<"123">>))), ?T(binary_to_integer(?ID(<<"-ff">>), 16)),
    ?T(binary_to_integer(?ID(<<"x">>))), ?T(list_to_integer(?ID("1"), ?ID(10.0))).

bases(37) -> [];
bases(N) -> [N | bases(N + 1)].
