%% Heap binaries without the bit syntax: literals, byte_size, binary_to_list,
%% list_to_binary, iolist_to_binary, comparisons and conversions.
-module(binaries_basic).
-export([main/0]).
-include("test.hrl").

main() ->
    B = ?ID(<<"hello">>),
    ?T(byte_size(B)), ?T(size(B)), ?T(bit_size(B)), ?T(binary_to_list(B)),
    ?T(binary_to_list(?ID(<<>>))), ?T(binary_to_list(?ID(<<0, 255, 128>>))),
    ?T(list_to_binary(?ID("abc"))), ?T(list_to_binary(?ID([]))),
    ?T(list_to_binary(?ID([1, [2, [3]], <<4, 5>>, "6"]))), ?T(list_to_binary(?ID([256]))),
    ?T(list_to_binary(?ID([-1]))), ?T(list_to_binary(?ID(abc))), ?T(list_to_binary(?ID([a]))),
    ?T(iolist_to_binary(?ID([<<"a">>, "b", [$c, [<<"d">>]]]))), ?T(iolist_to_binary(?ID(<<"x">>))),
    ?T(iolist_to_binary(?ID([[], [[]]]))), ?T(iolist_to_binary(?ID(1))),
    ?T(is_binary(B)), ?T(is_binary(?ID("hello"))), ?T(is_bitstring(B)),
    ?T(B =:= <<"hello">>), ?T(B == ?ID(<<"hello">>)), ?T(B < ?ID(<<"help">>)),
    ?T(?ID(<<1>>) < ?ID(<<1, 0>>)), ?T(?ID(<<2>>) > ?ID(<<1, 255>>)),
    ?T(byte_size(list_to_binary(seq(200)))), ?T(binary_to_list(list_to_binary(seq(70))) =:= seq(70)),
    ?T(list_to_binary(seq(70))),
    ?T(byte_size(?ID(x))), ?T(binary_to_list(?ID("abc"))),
    ?T(atom_to_binary(?ID(hello), utf8)), ?T(binary_to_atom(B, utf8)),
    ?T(integer_to_binary(?ID(-99))), ?T(binary_to_integer(?ID(<<"-99">>))),
    ?T(binary_to_list(?ID(<<"a">>)) ++ binary_to_list(?ID(<<"b">>))),
    ?T(term_to_binary(?ID(<<"t">>))), ?T(binary_to_term(term_to_binary(B)) =:= B).

seq(0) -> [];
seq(N) -> [N rem 256 | seq(N - 1)].
