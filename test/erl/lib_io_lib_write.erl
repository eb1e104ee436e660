%% io_lib's term writer and quoting: write/1,2, print/1,4, write_atom/1
%% (which atoms need quotes), write_string/1,2, write_char/1, the printable
%% list tests, char_list/1, deep_char_list/1, indentation/2, nl/0 and
%% format_prompt/1,2.
-module(lib_io_lib_write).
-export([main/0]).
-include("test.hrl").

flat(L) -> unicode:characters_to_list(L).

main() ->
    Atoms = [abc, 'Abc', 'a b', 'ok@x', 'aB_9@', '9a', '_a', 'a-b', '[]', '{}', '', '\'', '\\',
             'a\nb', 'a\tb', '\x{7f}', '\x{1}', 'maybe', 'else', 'after', 'and', 'andalso',
             'band', 'begin', 'bnot', 'bor', 'bsl', 'bsr', 'bxor', 'case', 'catch', 'cond',
             'div', 'end', 'fun', 'if', 'let', 'not', 'of', 'or', 'orelse', 'receive', 'rem',
             'try', 'when', 'xor', 'query', 'spec', true, false, undefined, 'nonode@nohost',
             '\x{df}', '\x{f7}', '\x{ff}a', '\x{c7}a', a@, 'a.b', '$', '\x{3b1}', 'a\x{3b1}'],
    [?T(flat(io_lib:write_atom(A))) || A <- Atoms],
    [?T(flat(io_lib:write(A))) || A <- Atoms],
    Strings = ["", "abc", "a\"b", "it's", [1, 2, 27, 127, 128, 159, 160, 200, 255, 9, 10, 13],
               "\b\f\v\e", "back\\slash", [0], [945, 946]],
    [?T(flat(io_lib:write_string(S))) || S <- Strings],
    [?T(flat(io_lib:write_string(S, $'))) || S <- Strings],
    [?T(flat(io_lib:write_latin1_string(S))) || S <- Strings, io_lib:latin1_char_list(S)],
    [?T(flat(io_lib:write_char(C))) || C <- [$a, $\n, $\s, 0, 127, 128, 255, $\\, $', $", 945, $\t]],
    Lists = ["abc", "", [1], [10, 13, 9], [8364], [945], [255, 160], [256], [-1], [a], abc,
             "abc" ++ improper, [[]], [$a | $b], [16#10FFFF], [16#D800], [16#FFFE]],
    [?T({io_lib:printable_list(L), io_lib:printable_latin1_list(L),
         io_lib:printable_unicode_list(L), io_lib:char_list(L), io_lib:latin1_char_list(L),
         io_lib:deep_char_list(L)}) || L <- Lists],
    ?T(io_lib:deep_char_list(["ab", [$c, ["d"]], "e"])),
    ?T(io_lib:deep_char_list(["ab", [$c, [a]]])),
    ?T(io_lib:deep_latin1_char_list(["ab", [256]])),
    ?T(io_lib:nl()),
    ?T(io_lib:indentation("ab\tc\nxy", 3)),
    ?T(io_lib:indentation("", 7)),
    ?T(io_lib:indentation("\t", 5)),
    ?T(io_lib:chars_length(["ab", [$c, "de"]])),
    Terms = [{a, [1, 2], "s", <<"b">>, 1.5}, [1 | 2], #{k => [v]}, <<1:3>>, -7, 1 bsl 80,
             {}, [], <<>>, {{{{deep}}}}, [[[[[x]]]]]],
    [?T(flat(io_lib:write(T))) || T <- Terms],
    [?T(flat(io_lib:write(T, D))) || T <- Terms, D <- [1, 2, 3]],
    [?T(flat(io_lib:print(T))) || T <- Terms],
    ?T(flat(io_lib:print([{a, lists_of_things, [1, 2, 3]}, {b, "string"}, {c, <<"bin">>}], 10, 40, -1))),
    ?T(flat(io_lib:print({tag, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]}, 1, 80, 4))),
    ?T(flat(io_lib:fwrite("~w", [x]))),
    [?T(flat(io_lib:format_prompt(P))) || P <- [abc, "x> ", {format, "~w> ", [1]}, 123, {1, 2}, [945], <<"bin">>,
                                               {format, "~p", []}, 'a b']],
    ?T(flat(io_lib:format_prompt([945], unicode))),
    ok.
