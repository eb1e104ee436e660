-module(bin_old_construct).
-compile([no_bs_create_bin, no_type_opt]).
-export([main/0]).
-include("test.hrl").

main() ->
    ints(), big_ints(), floats(), binaries(), strings(), utf(), utf_errors(), errors(), sizes(), appends(), comprehensions(), ok.

ints() ->
    V = ?ID(16#ABCDEF), N = ?ID(-5),
    [erlang:display(B) || B <- [<<V:24>>, <<V:24/little>>, <<V:12>>, <<V:12/little>>, <<V:20/native>>,
                                <<N:8>>, <<N:8/signed>>, <<N:16/little-signed>>, <<N:3>>, <<N:13/little>>,
                                <<V:0>>, <<V:1>>, <<V:7, V:9>>, <<1:1, 0:1, 1:1>>, <<V:3/unit:8>>,
                                <<V:2/unit:3>>, <<V:64>>, <<N:64/little>>, <<N:100>>, <<V:100/little>>,
                                <<N:5/signed-native, V:11/native>>]],
    [erlang:display(<<X:S>>) || S <- [1, 7, 8, 9, 15, 16, 17, 31, 33, 63, 65], X <- [?ID(0), ?ID(1), ?ID(-1), ?ID(1000)]],
    [erlang:display(<<X:S/little>>) || S <- [4, 12, 20, 36, 68], X <- [?ID(16#123456789), ?ID(-2)]],
    [erlang:display(<<X:S/little-signed, X:S/big-signed, X:S/native-unsigned>>) || S <- [3, 8, 13, 24], X <- [?ID(7), ?ID(-300)]],
    [erlang:display({<<X:S/unit:2>>, <<X:S/unit:5-little>>, <<X:S/unit:13-signed>>}) || S <- [0, 1, 3], X <- [?ID(16#5A5A5A5A), ?ID(-1)]],
    ok.

big_ints() ->
    B = ?ID(1 bsl 70 + 12345), M = ?ID(-(1 bsl 66) - 7),
    [erlang:display(X) || X <- [<<B:80>>, <<B:80/little>>, <<B:72/signed>>, <<M:72>>, <<M:75/little>>, <<B:64>>,
                                <<M:67>>, <<1:3, B:90/little, M:70>>]],
    ok.

floats() ->
    F = ?ID(1.5), I = ?ID(3), Big = ?ID(1 bsl 65), S = ?ID(32),
    [erlang:display(X) || X <- [<<F/float>>, <<F:32/float>>, <<F:16/float>>, <<F:64/little-float>>,
                                <<F:32/little-float>>, <<F:16/little-float>>, <<I/float>>, <<I:32/float>>,
                                <<Big/float>>, <<(-0.0)/float>>, <<(?ID(0.1)):16/float>>, <<(?ID(65504.0)):16/float>>,
                                <<1:3, F:32/float>>, <<(?ID(1.0e-8)):16/float>>, <<F:S/float>>, <<F:4/float-unit:8>>,
                                <<F:32/native-float, F:2/float-unit:32>>]],
    ok.

binaries() ->
    A = ?ID(<<1,2,3>>), Bits = ?ID(<<5:3>>), Big = ?ID(binary:copy(<<"xy">>, 50)), L = ?ID(2),
    [erlang:display(X) || X <- [<<A/binary>>, <<A:2/binary>>, <<A/bitstring, Bits/bitstring>>, <<Bits/bits, A/binary>>,
                                <<A:1/binary-unit:16>>, <<Bits:2/bits>>, <<"abc", A/binary, "d">>, <<A/binary, Big/binary>>,
                                <<Big/binary, 1:1>>, <<>>, <<Bits:0/bits>>, <<A:L/binary, Bits:L/bits>>,
                                <<1:1, Big/binary, A:L/binary-unit:4>>]],
    erlang:display(byte_size(<<Big/binary, Big/binary>>)),
    ok.

strings() ->
    S = ?ID(7),
    [erlang:display(X) || X <- [<<"hello">>, <<S:3, "hello", S:5>>, <<"">>, <<"a", S, "b">>]],
    ok.

utf() ->
    [erlang:display(X) || C <- [0, $a, 127, 128, 2047, 2048, 16#D7FF, 16#E000, 16#FFFF, 16#10000, 16#10FFFF],
                          X <- [<<(?ID(C))/utf8>>, <<(?ID(C))/utf16>>, <<(?ID(C))/utf16-little>>,
                                <<(?ID(C))/utf32>>, <<(?ID(C))/utf32-little>>, <<(?ID(C))/utf16-native>>]],
    erlang:display(<<1:3, (?ID(16#20AC))/utf8, (?ID(16#1F600))/utf16, 2:5>>),
    ok.

utf_errors() ->
    [?T(<<(?ID(C))/utf8>>) || C <- [-1, 16#D800, 16#DFFF, 16#110000, a, 1.0, 1 bsl 70]],
    [?T(<<(?ID(C))/utf16>>) || C <- [-1, 16#D800, 16#110000, b]],
    [?T(<<(?ID(C))/utf32-little>>) || C <- [-1, 16#DC00, 16#110000, []]],
    ?T(<<1, (?ID(16#D800))/utf8, 2>>),
    ok.

errors() ->
    ?T(<<(?ID(a)):8>>), ?T(<<(?ID(1.5)):8>>),
    ?T(<<(?ID(1)):(?ID(-1))>>),
    ?T(<<(?ID(1)):(?ID(a))>>),
    ?T(<<(?ID(a))/float>>),
    ?T(<<(?ID(1.0)):(?ID(24))/float>>),
    ?T(<<(?ID(1.0e300)):32/float>>),
    ?T(<<(?ID(1.0e10)):16/float>>),
    ?T(<<(?ID(<<1:3>>))/binary>>),
    ?T(<<(?ID(<<1,2>>)):3/binary>>),
    ?T(<<(?ID(foo))/binary>>),
    ?T(<<(?ID(1)):(?ID(1 bsl 62))>>),
    ?T(<<(?ID(1)):(?ID(1 bsl 64))>>),
    ?T(<<(?ID(1)):(?ID(-(1 bsl 64)))>>),
    ?T(<<(?ID(1)):(?ID(1 bsl 58))/unit:32>>),
    ?T(<<(?ID(<<1>>)):(?ID(-1))/binary>>),
    ?T(<<(?ID(<<1>>)):(?ID(2.0))/binary>>),
    ?T(<<(?ID(<<1,2,3>>)):(?ID(1))/binary-unit:3>>),
    ?T(<<(?ID(<<1:3>>))/binary, 1>>),
    ?T(<<(?ID(a)):8, (?ID(<<1:3>>))/binary>>),
    ok.

sizes() ->
    [?T(<<X:S>>) || X <- [?ID(255)], S <- [0, 8, 15, -8, a, 1.0, 1 bsl 60]],
    [?T(<<X:S/binary>>) || X <- [?ID(<<1, 2>>)], S <- [0, 1, 2, 3, -1]],
    ok.

appends() ->
    erlang:display(app(<<>>, 0, 1000) =:= list_to_binary(seq_bytes(1000))),
    erlang:display(byte_size(bits_app(<<>>, 999))),
    erlang:display(bits_app(<<>>, 20)),
    Shared = app(<<>>, 0, 100),
    A1 = <<Shared/binary, "one">>, A2 = <<Shared/binary, "two">>,
    erlang:display({binary_part(A1, 100, 3), binary_part(A2, 100, 3), byte_size(Shared)}),
    erlang:display(<<(?ID(<<1, 2>>))/binary, 3:4, 4:4>>),
    erlang:display(<<(?ID(<<1:5>>))/bits, 3:11>>),
    ?T(<<(?ID(<<1:5>>))/binary, 3:11>>),
    ?T(<<(?ID(abc))/binary, 3>>),
    ?T(<<(?ID(<<1>>))/binary, (?ID(x)):8>>),
    W = words(?ID(<<"hello big  world">>), <<>>, []),
    erlang:display(W),
    ok.

app(Acc, N, N) -> Acc;
app(Acc, I, N) -> app(<<Acc/binary, (I band 255)>>, I + 1, N).

bits_app(Acc, 0) -> Acc;
bits_app(Acc, N) -> bits_app(<<Acc/bitstring, N:3>>, N - 1).

words(<<$\s, Rest/binary>>, W, Acc) -> words(Rest, <<>>, [W | Acc]);
words(<<C, Rest/binary>>, W, Acc) -> words(Rest, <<W/binary, C>>, Acc);
words(<<>>, W, Acc) -> lists:reverse([W | Acc], []).

comprehensions() ->
    erlang:display(<< <<X:4>> || X <- ?ID([1, 2, 3]) >>),
    erlang:display(<< <<(X * 2)>> || <<X>> <= ?ID(<<1, 2, 3>>) >>),
    erlang:display(<< <<X:5>> || <<X:3>> <= ?ID(<<1, 2, 3>>), X > 1 >>),
    erlang:display(<< <<B/binary, B/binary>> || B <- ?ID([<<"a">>, <<"bc">>]) >>),
    erlang:display(byte_size(<< <<X:8>> || X <- ?ID(lists:reverse(seq_bytes(5000), [])) >>)),
    erlang:display(<< <<C/utf8>> || C <- ?ID([16#41, 16#20AC, 16#1F600]) >>),
    ?T(<< <<C/utf8>> || C <- ?ID([16#41, -1]) >>),
    ?T(<< <<X:8>> || X <- ?ID([1, a]) >>),
    ok.

seq_bytes(N) -> seq_bytes(N - 1, []).
seq_bytes(-1, Acc) -> Acc;
seq_bytes(I, Acc) -> seq_bytes(I - 1, [I band 255 | Acc]).
