-module(bin_match).
-export([main/0]).
-include("test.hrl").

main() ->
    ints(), floats(), bins(), utf(), tails(), calls(), comprehensions(), strings().

ints() ->
    B = ?ID(<<16#AB, 16#CD, 16#EF, 16#01, 16#80, 255, 7>>),
    <<A:4, C:12, D:8/little, E:16/little, F:3/signed, G:5, H:8/signed>> = B, I = 0,
    erlang:display({A, C, D, E, F, G, H, I}),
    <<J:24/signed-little, K:32/signed, _/binary>> = B,
    erlang:display({J, K}),
    <<L:56>> = B, erlang:display(L),
    <<M:56/little>> = B, erlang:display(M),
    <<N:56/signed>> = B, erlang:display(N),
    Big = ?ID(<<255, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11>>),
    <<P:96>> = Big, <<Q:96/signed>> = Big, <<R:96/little-signed>> = Big, <<S:90, T:6>> = Big,
    erlang:display({P, Q, R, S, T}),
    <<U:64/signed, V:32/little>> = Big, erlang:display({U, V}),
    Sz = ?ID(12), <<W:Sz, X:Sz/little, _/bits>> = B, erlang:display({W, X}),
    erlang:display(case B of <<_:60, Y:8>> -> {no, Y}; _ -> fail end),
    erlang:display(case B of <<_:2/unit:32>> -> yes; _ -> no end),
    ok.

floats() ->
    [erlang:display(case ?ID(Bin) of <<F/float>> -> F; <<F:32/float>> -> F; <<F:16/float>> -> F; _ -> nomatch end)
     || Bin <- [<<1.5/float>>, <<2.25:32/float>>, <<0.5:16/float>>, <<0,0,0,0,0,0,240,127>>,
                <<127,240,0,0,0,0,0,0>>, <<255,128,0,0>>, <<124,0>>, <<1,2,3>>]],
    <<G:64/little-float, H:32/little-float, I:16/little-float>> = ?ID(<<1.0e10:64/little-float, -3.5:32/little-float, 1.5:16/little-float>>),
    erlang:display({G, H, I}),
    ok.

bins() ->
    B = ?ID(<<1, 2, 3, 4, 5, 6, 7>>),
    <<A:2/binary, C:3/bits, D/bits>> = B,
    erlang:display({A, C, D, byte_size(D), bit_size(D), is_binary(D), is_bitstring(D)}),
    <<_:3, E:2/binary, F/bits>> = B,
    erlang:display({E, F, is_binary(E)}),
    erlang:display(case B of <<_:3, G/binary>> -> G; _ -> not_binary end),
    <<H:3/binary-unit:8, _/binary>> = B, erlang:display(H),
    L = ?ID(2), <<I:L/binary, J/binary>> = B, erlang:display({I, J}),
    erlang:display(case B of <<K:8/binary, _/binary>> -> K; _ -> short end),
    ok.

utf() ->
    Cases = [<<"a">>, <<16#C3, 16#A9>>, <<16#E2, 16#82, 16#AC>>, <<16#F0, 16#9F, 16#98, 16#80>>,
             <<16#C0, 16#80>>, <<16#E0, 16#80, 16#80>>, <<16#ED, 16#A0, 16#80>>, <<16#F4, 16#90, 16#80, 16#80>>,
             <<16#F8, 1, 1, 1>>, <<16#80>>, <<16#C3>>, <<16#E2, 16#82>>, <<16#C3, 16#41>>, <<>>],
    [erlang:display(case ?ID(C) of <<X/utf8, R/binary>> -> {X, R}; _ -> nomatch end) || C <- Cases],
    U16 = [<<0, $a>>, <<16#D8, 16#3D, 16#DE, 16#00>>, <<16#D8, 16#3D>>, <<16#DE, 16#00>>, <<16#D8, 16#3D, 0, 1>>, <<1>>],
    [erlang:display(case ?ID(C) of <<X/utf16, R/binary>> -> {X, R}; _ -> nomatch end) || C <- U16],
    [erlang:display(case ?ID(C) of <<X/utf16-little, R/binary>> -> {X, R}; _ -> nomatch end) || C <- U16],
    U32 = [<<0, 0, 0, $a>>, <<0, 16#10, 16#FF, 16#FF>>, <<0, 16#11, 0, 0>>, <<0, 0, 16#D8, 0>>, <<0, 0, 1>>],
    [erlang:display(case ?ID(C) of <<X/utf32, R/binary>> -> {X, R}; _ -> nomatch end) || C <- U32],
    [erlang:display(case ?ID(C) of <<X/utf32-little, R/binary>> -> {X, R}; _ -> nomatch end) || C <- U32],
    erlang:display(case ?ID(<<1:1, 16#C3, 16#A9, 0:7>>) of <<_:1, X/utf8, _/bits>> -> X; _ -> nomatch end),
    erlang:display(case ?ID(<<"é!">>) of <<_/utf8, $!>> -> yes; _ -> no end),
    ok.

tails() ->
    B = ?ID(<<1, 2, 3>>),
    erlang:display([case B of <<_:S, R/bits>> -> R end || S <- [0, 1, 7, 8, 9, 23, 24]]),
    erlang:display(case B of <<_:25, _/bits>> -> yes; _ -> no end),
    erlang:display(case B of <<_:8, 2, _/binary>> -> yes; _ -> no end),
    erlang:display(case B of <<1, Rest/binary>> when byte_size(Rest) =:= 2 -> Rest; _ -> no end),
    ok.

calls() ->
    erlang:display(count(?ID(<<1, 2, 3, 4, 5, 250>>), 0)),
    erlang:display(words(?ID(<<"hello big  world">>), <<>>, [])),
    ok.

count(<<X, Rest/binary>>, Acc) -> count(Rest, Acc + X);
count(<<>>, Acc) -> Acc.

words(<<$\s, Rest/binary>>, W, Acc) -> words(Rest, <<>>, [W | Acc]);
words(<<C, Rest/binary>>, W, Acc) -> words(Rest, <<W/binary, C>>, Acc);
words(<<>>, W, Acc) -> lists:reverse([W | Acc], []).

comprehensions() ->
    erlang:display(<< <<X:4>> || X <- ?ID([1, 2, 3]) >>),
    erlang:display(<< <<(X * 2)>> || <<X>> <= ?ID(<<1, 2, 3>>) >>),
    erlang:display([X || <<X:3>> <= ?ID(<<255, 0>>)]),
    erlang:display(<< <<X:5>> || <<X:3>> <= ?ID(<<1, 2, 3>>), X > 1 >>),
    erlang:display([{X, Y} || <<X:4, Y:4>> <= ?ID(<<16#12, 16#34>>)]),
    erlang:display(<< <<B/binary, B/binary>> || B <- ?ID([<<"a">>, <<"bc">>]) >>),
    erlang:display(byte_size(<< <<X:8>> || X <- ?ID(lists:reverse(seq(1000), [])) >>)),
    ok.

seq(0) -> [];
seq(N) -> [N band 255 | seq(N - 1)].

strings() ->
    B = ?ID(<<"GET /index.html HTTP/1.1">>),
    erlang:display(case B of <<"GET ", Path/binary>> -> Path; <<"POST ", _/binary>> -> post end),
    erlang:display(case ?ID(<<1:3, "ab">>) of <<1:3, "ab">> -> yes; _ -> no end),
    erlang:display(case ?ID(<<1:3, "ab">>) of <<1:3, "ac">> -> yes; _ -> no end),
    ok.
