%% unicode:characters_to_binary/1,2,3 and characters_to_list/1,2 (through stdlib's
%% unicode.beam, whose /2 functions are the BIFs) over latin1, UTF-8, UTF-16 and UTF-32
%% input: the shapes of {error, _, Rest} and {incomplete, _, Rest}, badarg, and inputs big
%% enough to be cut into pieces. Also bin_is_7bit/1, string:list_to_integer/1 and
%% list_to_float/1, io:printable_range/0 and file:native_name_encoding/0.
%% ember-otp-libs: stdlib
-module(unicode_bifs).
-export([main/0]).
-include("test.hrl").

main() ->
    native(),
    wide(),
    three(),
    big(),
    seven_bit(),
    numbers(),
    fixed().

%% latin1 and UTF-8 input
native() ->
    [?T(unicode:characters_to_binary(?ID(D), E)) || E <- [unicode, utf8, latin1], D <- native_data()],
    [?T(unicode:characters_to_list(?ID(D), E)) || E <- [unicode, latin1], D <- native_data()],
    [?T(unicode:characters_to_binary(?ID(D))) || D <- native_data()],
    [?T(unicode:characters_to_list(?ID(D))) || D <- native_data()].

native_data() ->
    [[], <<>>, "abc", [1 | 2], [1 | <<"x">>], [a], foo, 3, [-1], [256], [16#D800], [16#110000], [1 bsl 70],
     [$a, 16#D800, $b], [$a, [16#D800, $b], $c], [<<"ab">>, 300, <<"c">>], <<"a", 16#C3>>,
     [<<"a", 16#C3>>, <<16#A9>>], [<<"a", 16#C3>>], [<<"a", 16#C3>>, $x], <<"a", 255, "b">>,
     [<<"a", 255, "b">>, "cd"], [$a, <<255>>, [$b]], [<<1:1>>], <<1:1>>, [[[]]], [[$a | <<"b">>]], [$a | foo],
     [16#D800 | foo], [foo, 16#D800], [[16#D800], foo], [16#D800, foo], [<<255>>, foo], [-1, foo],
     [1 bsl 70, foo], [foo, 1 bsl 70], [$a, 1 bsl 70 | foo], [[1 bsl 70], foo], [1 bsl 70, <<1:1>>],
     <<16#E2, 16#82>>, [<<16#E2>>, <<16#82>>, <<16#AC>>], [<<16#E2>>, <<16#82>>], <<16#E0, 16#80, 16#80>>,
     <<16#ED, 16#A0, 16#80>>, <<16#F4, 16#90, 16#80, 16#80>>, <<16#C0, 16#80>>, [<<16#E2>>, $a],
     [<<"a", 16#E2>> | <<16#82, 16#AC>>], [<<16#E2>>, <<16#82>>, $a], [<<16#E2>>, [$a]], [<<16#E2>>, <<"a">>],
     [[<<16#E2>>], $a], [<<16#E2>>, [<<16#82>>], $a], [<<16#E2>> | <<"a">>], [[<<16#E2>>], <<16#82, 16#AC>>],
     [<<16#E2>>, <<16#82>>, <<"a">>], [<<"x", 16#E2>>, <<16#82, "y", 255>>], [<<16#E2>>, <<>>, <<16#82>>],
     [<<16#E2>>, [], $a], [<<16#E2>>, [[]]], [[[<<16#E2>>]], [[$a]]], [$a, [<<"b">>, [<<255>>, $c], $d], $e],
     [<<16#E2>>, <<16#82, 16#41>>], [<<16#F0>>, <<16#9F>>, <<16#98>>, <<16#80>>], [<<16#E2, 16#41>>],
     <<16#E2, 16#41>>, [<<"a">> | <<16#E2>>], [<<16#E2>>, 16#D800], [<<16#E2, 16#41>>, <<16#82>>], <<16#C0>>,
     <<16#F8>>, <<16#80>>, <<"ab", 16#80, "c">>, [<<"ab">>, <<16#80>>], [<<16#F5, 16#80>>], [<<16#F5, 16#80>>, $a],
     [[$a | <<255>>], $b], <<"é"/utf8, "x">>, [16#1F600, <<"ü"/utf8>>], {a}].

%% UTF-16 and UTF-32 input
wide() ->
    [?T(unicode:characters_to_binary(?ID(D), E)) || E <- wide_encodings(), D <- wide_data(E)],
    [?T(unicode:characters_to_list(?ID(D), E)) || E <- wide_encodings(), D <- wide_data(E)],
    [?T(unicode:characters_to_binary(?ID(D), E)) || E <- [foo, {utf16, foo}, {utf8, big}, "utf8", {utf16, big, x}],
                                                     D <- [<<"a">>, foo, []]],
    [?T(unicode:characters_to_list(?ID(<<"a">>), E)) || E <- [foo, {utf32, middle}]].

wide_encodings() -> [utf16, {utf16, big}, {utf16, little}, utf32, {utf32, big}, {utf32, little}].

wide_data(E) ->
    [<<>>, [], enc("abc", E), [enc("ab", E), $c], enc([16#1F600], E), [enc([16#1F600], E), 300],
     <<0>>, <<0, 0>>, <<0, 0, 0>>, <<16#D8>>, <<16#D8, 0>>, <<16#D8, 0, 16#DC>>, <<16#D8, 0, 0, 65>>, <<16#DC, 0>>,
     <<0, 16#D8>>, <<0, 16#D8, 0>>, <<0, 16#DC>>, <<0, 0, 16#D8, 0>>, <<0, 17, 0, 0>>, <<0, 16>>, <<0, 16, 0>>,
     <<0, 0, 16#D8>>, <<255, 255, 0>>, <<254, 255, 0>>, <<0, 16#D8, 0, 0>>, <<1, 2, 3, 4, 5>>,
     [<<0>>, <<65>>], [<<0>>, $a], [<<16#D8>>, <<0>>, <<16#DC>>, <<0>>], [<<16#D8, 0>>, <<16#DC, 0>>],
     [<<16#D8, 0>>, <<0, 65>>], [<<0>> | <<65>>], [<<0>> | <<>>], [[<<0>>], <<65, 0, 0, 0>>],
     [<<0>>, [], [[<<65>>]], <<0, 0>>], [<<0>>, foo], [foo, <<0>>], [16#D800, foo], [-1], [1 bsl 70],
     [<<1:1>>], <<1:1>>, foo, 5, [$a | foo], [[16#D800], $a], [$a, [$b, [<<0, 0, 0, 0, 16#DC>>], $c], $d],
     [<<0>> | <<0, 0, 0>>], [<<0, 0>> | <<0, 0>>], [<<0, 0, 0>>, 16#41], [<<0, 0, 0>>, [16#41]]].

enc(S, E) -> unicode:characters_to_binary(S, unicode, E).

%% characters_to_binary/3 is Erlang code in unicode.beam over the BIFs
three() ->
    Encs = [latin1, unicode, utf8 | wide_encodings()],
    Data = [<<"abc">>, <<"é"/utf8>>, <<233>>, "abc", [233, 300], [16#1F600], <<255>>, [<<"a">>, 16#D800], foo,
            [foo], <<16#E2>>, [<<16#E2>>, 16#E2], <<0, 0, 0, 65>>],
    [?T(unicode:characters_to_binary(?ID(D), I, O)) || I <- Encs, O <- Encs, D <- Data].

%% Inputs past OTP's piece sizes: results must not depend on where work is cut.
big() ->
    Big16 = unicode:characters_to_binary(binary:copy(<<"ab">>, 5000), latin1, utf16),
    ?T(byte_size(unicode:characters_to_binary(?ID(Big16), utf16))),
    ?T(element(3, unicode:characters_to_binary(?ID(<<Big16/binary, 16#DC, 0, 0, 65>>), utf16))),
    ?T(element(3, unicode:characters_to_binary(?ID([<<Big16/binary, 0>>, <<65, 16#DC, 0>>]), utf16))),
    ?T(setelement(2, unicode:characters_to_binary(?ID([<<Big16/binary, 0>>, <<65, 16#DC, 0>>]), utf16), x)),
    ?T(begin
           {A, _, R} = unicode:characters_to_binary(?ID([Big16, <<0>>, <<16#D8, 0, 16#DC, 0, 0>> | <<1, 0>>]), utf16),
           {A, R}
       end),
    L = lists:duplicate(20000, 16#1F600) ++ [16#D800, 1],
    ?T(begin {error, C, R} = unicode:characters_to_binary(?ID(L)), {byte_size(C), R} end),
    ?T(begin {error, C, R} = unicode:characters_to_list(?ID([L, <<"x">>])), {length(C), R} end),
    ?T(begin {error, C, R} = unicode:characters_to_binary(?ID([binary:copy(<<"é"/utf8>>, 30000), <<255>>])), {byte_size(C), R} end),
    ?T(byte_size(unicode:characters_to_binary(?ID(binary:copy(<<"é"/utf8>>, 50000))))),
    ?T(length(unicode:characters_to_list(?ID(binary:copy(<<"é"/utf8>>, 50000))))),
    ?T(byte_size(unicode:characters_to_binary(?ID(binary:copy(<<233>>, 50000)), latin1))),
    ?T(lists:sum(unicode:characters_to_list(?ID(lists:duplicate(3000, [<<"ab">>, 300, [[16#10FFFF]]]))))).

seven_bit() ->
    [?T(unicode:bin_is_7bit(?ID(B))) || B <- [<<>>, <<"abc">>, <<200>>, foo, <<1:1>>, "abc", <<"ab", 1:1>>,
                                               binary:copy(<<"x">>, 1000), <<(binary:copy(<<"x">>, 1000))/binary, 128>>]].

numbers() ->
    [?T(string:list_to_integer(?ID(D))) || D <- ["12", "-12abc", "+5", "+", "-", "", "abc", " 12", "12.5", "0x1F",
                                                [$1 | foo], foo, <<"12">>, [$1, a], "99999999999999999999999x",
                                                [$1, 300], "1_000", "007", [-1], [$1 | $2], "-+1", "--1", [$- | foo],
                                                {1}, ["1"], "-0"]],
    [?T(string:list_to_float(?ID(D))) || D <- ["1.5", "1.5e3x", "-1.5", "+1.5", "1", "1.", "1.e3", ".5", "1.5e",
                                              "1.5e+", "1.5E-2rest", "abc", "", foo, "1e5", "1.0e400", [$1, $., $5 | foo],
                                              "1.5x", "12.0e", "2.5e1.5", "1.5e+3", "1_0.0", "0.1_0", "1,5", "1.5e3.",
                                              "-.5", "-", "1.5e0999", <<"1.5">>, "3.25e-2", "1.5e-x"]].

fixed() ->
    ?T(io:printable_range()),
    ?T(file:native_name_encoding()).
