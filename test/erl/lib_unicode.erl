%% unicode: the conversion BIFs called through the module, the /1 and /3
%% forms, and the byte order marks.
-module(lib_unicode).
-export([main/0]).
-include("test.hrl").

main() ->
    ?T(unicode:characters_to_list(<<"h\x{e9}llo"/utf8>>)),
    ?T(unicode:characters_to_list(["ab", <<"c">>, $d])),
    ?T(unicode:characters_to_list(<<"caf", 233>>, latin1)),
    ?T(unicode:characters_to_list(<<255, 254>>)),
    ?T(unicode:characters_to_list(<<"ab", 206>>)),
    ?T(unicode:characters_to_list(a)),
    ?T(unicode:characters_to_binary([945, 946])),
    ?T(unicode:characters_to_binary("abc")),
    ?T(unicode:characters_to_binary([233], latin1)),
    ?T(unicode:characters_to_binary([945], unicode, latin1)),
    ?T(unicode:characters_to_binary([97, 233], unicode, latin1)),
    ?T(unicode:characters_to_binary(<<"\x{e9}"/utf8>>, utf8, latin1)),
    ?T(unicode:characters_to_binary([945], unicode, utf16)),
    ?T(unicode:characters_to_binary([945], unicode, {utf16, little})),
    ?T(unicode:characters_to_binary([945], unicode, utf32)),
    ?T(unicode:characters_to_binary([945], unicode, {utf32, little})),
    ?T(unicode:characters_to_binary(<<0, 97>>, utf16, utf8)),
    ?T(unicode:characters_to_binary([233, 945], latin1, utf8)),
    ?T(unicode:characters_to_binary([97, 233, 945, 98], unicode, latin1)),
    ?T(unicode:bin_is_7bit(<<"abc">>)),
    ?T(unicode:bin_is_7bit(<<"ab", 200>>)),
    [?T(unicode:bom_to_encoding(B)) || B <- [<<239, 187, 191, 1>>, <<0, 0, 254, 255>>, <<255, 254, 0, 0>>,
                                             <<254, 255>>, <<255, 254, 1>>, <<"abc">>, <<>>]],
    [?T(unicode:encoding_to_bom(E)) || E <- [unicode, utf8, utf16, {utf16, big}, {utf16, little},
                                             utf32, {utf32, big}, {utf32, little}, latin1]],
    ok.
