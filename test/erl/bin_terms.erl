-module(bin_terms).
-export([main/0]).
-include("test.hrl").

main() ->
    Big = ?ID(binary:copy(<<1, 2, 3>>, 30)),
    Vals = [<<>>, <<1, 2, 3>>, <<1:1>>, <<1, 2, 3:2>>, <<255:7>>, Big, binary_part(Big, 1, 70), <<Big/binary, 5:3>>,
            split_binary(Big, 45), {<<"a">>, [<<"b">>]}],
    [erlang:display(term_to_binary(V)) || V <- Vals],
    [erlang:display(binary_to_term(term_to_binary(V)) =:= V) || V <- Vals],
    [erlang:display(erlang:phash2(V)) || V <- Vals],
    [erlang:display(erlang:phash2(V, 1000)) || V <- Vals],
    [?T(binary_to_term(B)) || B <- [<<131, 77, 0, 0, 0, 1, 3, 255>>, <<131, 77, 0, 0, 0, 2, 8, 1, 2>>,
                                     <<131, 77, 0, 0, 0, 0, 0>>, <<131, 77, 0, 0, 0, 1, 0, 5>>,
                                     <<131, 77, 0, 0, 0, 1, 9, 5>>, <<131, 77, 0, 0, 0, 2, 1, 5>>]],
    Sorted = lists_sort([<<1, 2>>, <<1:1>>, <<1, 2, 0:1>>, <<1>>, <<>>, <<0:3>>, <<1, 2, 3>>, <<2>>, <<0, 255>>, <<1, 1:1>>]),
    erlang:display(Sorted),
    erlang:display([<<1, 2>> < <<1, 2, 0:1>>, <<1:1>> > <<0:7>>, <<1, 2>> == binary_part(Big, 0, 2),
                    <<Big/binary>> =:= Big, <<1:3>> < 1, <<>> > [], binary_part(Big, 3, 60) =:= binary_part(Big, 0, 60)]),
    erlang:display(append_loop(<<>>, 0, 1000) =:= list_to_binary(seq_bytes(1000))),
    erlang:display(byte_size(bits_loop(<<>>, 999))),
    Shared = append_loop(<<>>, 0, 100),
    A1 = <<Shared/binary, "one">>, A2 = <<Shared/binary, "two">>,
    erlang:display({binary_part(A1, 100, 3), binary_part(A2, 100, 3), byte_size(Shared)}),
    ok.

append_loop(Acc, N, N) -> Acc;
append_loop(Acc, I, N) -> append_loop(<<Acc/binary, (I band 255)>>, I + 1, N).

bits_loop(Acc, 0) -> Acc;
bits_loop(Acc, N) -> bits_loop(<<Acc/bitstring, N:3>>, N - 1).

seq_bytes(N) -> seq_bytes(N - 1, []).
seq_bytes(-1, Acc) -> Acc;
seq_bytes(I, Acc) -> seq_bytes(I - 1, [I band 255 | Acc]).

lists_sort([]) -> [];
lists_sort([P | T]) -> lists_sort([X || X <- T, X < P]) ++ [P] ++ lists_sort([X || X <- T, X >= P]).
