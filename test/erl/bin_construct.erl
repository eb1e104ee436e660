-module(bin_construct).
-export([main/0]).
-include("test.hrl").

main() ->
    ints(), floats(), binaries(), utf(), errors(), big_ints().

ints() ->
    V = ?ID(16#ABCDEF), N = ?ID(-5),
    [erlang:display(B) || B <- [<<V:24>>, <<V:24/little>>, <<V:12>>, <<V:12/little>>, <<V:20/native>>,
                                <<N:8>>, <<N:8/signed>>, <<N:16/little-signed>>, <<N:3>>, <<N:13/little>>,
                                <<V:0>>, <<V:1>>, <<V:7, V:9>>, <<1:1, 0:1, 1:1>>, <<V:3/unit:8>>,
                                <<V:2/unit:3>>, <<V:64>>, <<N:64/little>>, <<N:100>>, <<V:100/little>>]],
    [erlang:display(<<X:S>>) || S <- [1, 7, 8, 9, 15, 16, 17, 31, 33, 63, 65], X <- [?ID(0), ?ID(1), ?ID(-1), ?ID(1000)]],
    [erlang:display(<<X:S/little>>) || S <- [4, 12, 20, 36, 68], X <- [?ID(16#123456789), ?ID(-2)]],
    ok.

big_ints() ->
    B = ?ID(1 bsl 70 + 12345), M = ?ID(-(1 bsl 66) - 7),
    [erlang:display(X) || X <- [<<B:80>>, <<B:80/little>>, <<B:72/signed>>, <<M:72>>, <<M:75/little>>, <<B:64>>, <<M:67>>]],
    ok.

floats() ->
    F = ?ID(1.5), I = ?ID(3), Big = ?ID(1 bsl 65),
    [erlang:display(X) || X <- [<<F/float>>, <<F:32/float>>, <<F:16/float>>, <<F:64/little-float>>,
                                <<F:32/little-float>>, <<F:16/little-float>>, <<I/float>>, <<I:32/float>>,
                                <<Big/float>>, <<(-0.0)/float>>, <<(?ID(0.1)):16/float>>, <<(?ID(65504.0)):16/float>>,
                                <<1:3, F:32/float>>, <<(?ID(1.0e-8)):16/float>>]],
    ok.

binaries() ->
    A = ?ID(<<1,2,3>>), Bits = ?ID(<<5:3>>), Big = ?ID(binary:copy(<<"xy">>, 50)),
    [erlang:display(X) || X <- [<<A/binary>>, <<A:2/binary>>, <<A/bitstring, Bits/bitstring>>, <<Bits/bits, A/binary>>,
                                <<A:1/binary-unit:16>>, <<Bits:2/bits>>, <<"abc", A/binary, "d">>, <<A/binary, Big/binary>>,
                                <<Big/binary, 1:1>>, <<>>, <<Bits:0/bits>>]],
    erlang:display(byte_size(<<Big/binary, Big/binary>>)),
    ok.

utf() ->
    [erlang:display(X) || C <- [0, $a, 127, 128, 2047, 2048, 16#FFFF, 16#10000, 16#10FFFF],
                          X <- [<<C/utf8>>, <<C/utf16>>, <<C/utf16-little>>, <<C/utf32>>, <<C/utf32-little>>]],
    erlang:display(<<1:3, (?ID(16#20AC))/utf8>>),
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
    ?T(<<(?ID(-1))/utf8>>),
    ?T(<<(?ID(16#D800))/utf8>>),
    ?T(<<(?ID(16#110000))/utf16>>),
    ?T(<<(?ID(16#DFFF))/utf32>>),
    ?T(<<(?ID(a))/utf8>>),
    ?T(<<(?ID(1)):(?ID(1 bsl 62))>>),
    ?T(<<(?ID(1)):(?ID(1 bsl 64))>>),
    ok.
