%% unicode.erl — conversions between Unicode encodings. The list and binary
%% conversions from one encoding are BIFs in Ember; the rest builds on them.
-module(unicode).

-export([characters_to_list/1, characters_to_list/2, characters_to_binary/1,
         characters_to_binary/2, characters_to_binary/3, bin_is_7bit/1,
         bom_to_encoding/1, encoding_to_bom/1]).

%% BIFs; the bodies only run if the BIF is missing.
characters_to_list(_, _) -> erlang:nif_error(undef).
characters_to_binary(_, _) -> erlang:nif_error(undef).
bin_is_7bit(_) -> erlang:nif_error(undef).

characters_to_list(Data) ->
    characters_to_list(Data, unicode).

characters_to_binary(Data) ->
    characters_to_binary(Data, unicode).

%% To UTF-8 the BIF does the work; to another encoding the characters are
%% encoded here, and an error or incomplete result names what was converted.
characters_to_binary(Data, In, Out) when Out =:= unicode; Out =:= utf8 ->
    characters_to_binary(Data, In);
characters_to_binary(Data, In, Out) ->
    case characters_to_list(Data, In) of
        L when is_list(L) ->
            encode(L, Out, []);
        {Kind, Good, Rest} ->
            case encode(Good, Out, []) of
                B when is_binary(B) -> {Kind, B, Rest};
                {error, B, R} -> {error, B, [R, Rest]}
            end
    end.

encode([C | Cs], latin1, Acc) when C < 256 -> encode(Cs, latin1, [<<C>> | Acc]);
%% as OTP's, the rest after an error starts with the offending character in
%% a list of its own
encode([C | Cs], latin1, Acc) -> {error, list_to_binary(lists:reverse(Acc, [])), [[C] | Cs]};
encode([C | Cs], Enc, Acc) -> encode(Cs, Enc, [unit(C, Enc) | Acc]);
encode([], _, Acc) -> list_to_binary(lists:reverse(Acc, [])).

unit(C, utf16) -> <<C/utf16>>;
unit(C, {utf16, big}) -> <<C/utf16>>;
unit(C, {utf16, little}) -> <<C/utf16-little>>;
unit(C, utf32) -> <<C/utf32>>;
unit(C, {utf32, big}) -> <<C/utf32>>;
unit(C, {utf32, little}) -> <<C/utf32-little>>.

bom_to_encoding(<<239, 187, 191, _/binary>>) -> {utf8, 3};
bom_to_encoding(<<0, 0, 254, 255, _/binary>>) -> {{utf32, big}, 4};
bom_to_encoding(<<255, 254, 0, 0, _/binary>>) -> {{utf32, little}, 4};
bom_to_encoding(<<254, 255, _/binary>>) -> {{utf16, big}, 2};
bom_to_encoding(<<255, 254, _/binary>>) -> {{utf16, little}, 2};
bom_to_encoding(Bin) when is_binary(Bin) -> {latin1, 0}.

encoding_to_bom(unicode) -> <<239, 187, 191>>;
encoding_to_bom(utf8) -> <<239, 187, 191>>;
encoding_to_bom(utf16) -> <<254, 255>>;
encoding_to_bom({utf16, big}) -> <<254, 255>>;
encoding_to_bom({utf16, little}) -> <<255, 254>>;
encoding_to_bom(utf32) -> <<0, 0, 254, 255>>;
encoding_to_bom({utf32, big}) -> <<0, 0, 254, 255>>;
encoding_to_bom({utf32, little}) -> <<255, 254, 0, 0>>;
encoding_to_bom(latin1) -> <<>>.
