%% Conversions between atoms, lists and binaries, and their error cases.
-module(atom_convert).
-export([main/0]).
-include("test.hrl").

main() ->
    [?T(atom_to_list(?ID(A))) || A <- [a, 'Hello World', '', 'é', '[]', true, 'a\nb']],
    ?T(atom_to_list(?ID("a"))), ?T(atom_to_list(?ID(1))),
    [?T(list_to_atom(?ID(L))) || L <- ["abc", "", "Abc", "with space", [233], [955, 8364],
                                        "123", "[]", [$a | b], [a], [-1], [16#110000], abc,
                                        [$a, 1.0], "a" ++ <<"b">>]],
    ?T(list_to_atom(?ID(lists:reverse(long(255), [])))),
    ?T(list_to_atom(?ID(long(256)))),
    ?T(length(atom_to_list(list_to_atom(?ID([955 || _ <- long(255)]))))),
    ?T(list_to_atom(?ID([955 || _ <- long(256)]))),
    ?T(list_to_existing_atom(?ID("display_terms_never_created_atom_xyz"))),
    ?T(list_to_existing_atom(?ID("ok"))), ?T(list_to_existing_atom(?ID(ok))),
    ?T(list_to_existing_atom(?ID("main"))),
    [?T(atom_to_binary(?ID(A))) || A <- [abc, '', 'é', 'λ']],
    ?T(atom_to_binary(?ID('é'), latin1)), ?T(atom_to_binary(?ID('é'), utf8)),
    ?T(atom_to_binary(?ID('é'), unicode)), ?T(atom_to_binary(?ID('λ'), latin1)),
    ?T(atom_to_binary(?ID(a), bad)), ?T(atom_to_binary(?ID("a"))),
    ?T(binary_to_atom(?ID(<<"abc">>))), ?T(binary_to_atom(?ID(<<"abc">>), latin1)),
    ?T(binary_to_atom(?ID(<<233>>), latin1)), ?T(binary_to_atom(?ID(<<195, 169>>), utf8)),
    ?T(binary_to_atom(?ID(<<233>>), utf8)), ?T(binary_to_atom(?ID(<<>>))),
    ?T(binary_to_atom(?ID("abc"))), ?T(binary_to_existing_atom(?ID(<<"ok">>), utf8)),
    ?T(binary_to_existing_atom(?ID(<<"no_such_atom_in_this_test_qq">>), utf8)),
    ?T(list_to_atom(atom_to_list(?ID('round trip')))),
    ?T(is_atom(?ID(list_to_atom("made")))), ?T(?ID(list_to_atom("ok")) =:= ok).

long(0) -> [];
long(N) -> [$x | long(N - 1)].
