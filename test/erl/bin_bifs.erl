-module(bin_bifs).
-export([main/0]).
-include("test.hrl").

main() ->
    B = ?ID(<<1, 2, 3, 4, 5>>), Bits = ?ID(<<1, 2, 5:3>>),
    Big = ?ID(list_to_binary(lists:reverse(seq(300), []))),
    [?T(F()) || F <- [fun() -> byte_size(B) end, fun() -> byte_size(Bits) end, fun() -> bit_size(Bits) end,
                      fun() -> byte_size(Big) end, fun() -> bit_size(?ID(a)) end, fun() -> byte_size(?ID([])) end,
                      fun() -> size(Bits) end,
                      fun() -> binary_part(B, 1, 2) end, fun() -> binary_part(B, {5, -2}) end,
                      fun() -> binary_part(B, 0, 5) end, fun() -> binary_part(B, 6, 0) end,
                      fun() -> binary_part(B, 3, 3) end, fun() -> binary_part(Bits, 0, 1) end,
                      fun() -> binary_part(Big, 100, 40) end,
                      fun() -> split_binary(B, 2) end, fun() -> split_binary(B, 0) end, fun() -> split_binary(B, 6) end,
                      fun() -> split_binary(Bits, 1) end, fun() -> split_binary(Big, 299) end,
                      fun() -> binary_to_list(B) end, fun() -> binary_to_list(B, 2, 4) end,
                      fun() -> binary_to_list(B, 4, 2) end, fun() -> binary_to_list(B, 0, 2) end,
                      fun() -> binary_to_list(B, 5, 5) end, fun() -> binary_to_list(Bits) end,
                      fun() -> bitstring_to_list(Bits) end, fun() -> bitstring_to_list(B) end,
                      fun() -> bitstring_to_list(<<>>) end, fun() -> bitstring_to_list(foo) end,
                      fun() -> list_to_bitstring([1, <<2:3>>, [<<3>>, 4], <<5:5>>]) end,
                      fun() -> list_to_bitstring([<<1:1>>, <<1:7>>]) end, fun() -> list_to_bitstring([a]) end,
                      fun() -> list_to_bitstring(<<1>>) end,
                      fun() -> list_to_binary([1, <<2:3>>]) end, fun() -> list_to_binary([1, [2, <<3, 4>>], <<>> | <<5>>]) end,
                      fun() -> iolist_to_binary(Bits) end, fun() -> iolist_to_binary([Big, B]) end,
                      fun() -> iolist_size([Big, [B | B]]) end, fun() -> iolist_size(Bits) end,
                      fun() -> binary_to_atom(?ID(<<"hello">>)) end, fun() -> atom_to_binary(?ID('héllo'), latin1) end,
                      fun() -> integer_to_binary(?ID(-1234)) end, fun() -> binary_to_integer(binary_part(?ID(<<"x-77">>), 1, 3)) end,
                      fun() -> is_binary(Bits) end, fun() -> is_bitstring(Bits) end, fun() -> is_binary(Big) end,
                      fun() -> Bits == <<1, 2, 5:3>> end, fun() -> Big =:= list_to_binary(lists:reverse(seq(300), [])) end,
                      fun() -> binary_part(Big, 1, 200) < binary_part(Big, 0, 200) end]],
    ok.

seq(0) -> [];
seq(N) -> [N band 255 | seq(N - 1)].
