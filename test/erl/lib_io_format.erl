%% ~p as users see it: big nested terms (lists of tuples, tagged tuples,
%% maps, strings, binaries, improper lists, deep nesting) at the default line
%% length, after text on the line, at other line lengths and with ~P depths,
%% and binaries broken byte by byte at many widths. All through io:format.
-module(lib_io_format).
-export([main/0]).
seq(A, B) when A > B -> [];
seq(A, B) -> [A | seq(A + 1, B)].
take(0, _) -> [];
take(_, []) -> [];
take(N, [H|T]) -> [H | take(N - 1, T)].
dup(0, _) -> [];
dup(N, X) -> [X | dup(N - 1, X)].
main() ->
  Terms = [
    seq(1, 40), {some_tag, seq(1, 30)}, [{a, 1}, {b, 2}, {c, seq(1, 25)}, {d, "a string"}],
    #{alpha => "a long string value here", beta => seq(1, 30), gamma => {x, y, z}},
    [{very_long_tag_name_here_for_testing, seq(1, 20), {nested, [a, b, c], "str"}}],
    {deep, {deeper, {deepest, {bottom, seq(1, 30)}}}},
    [dup(10, "abcdefgh")], [[[[[[[[seq(1, 25)]]]]]]]],
    {tuple, with, many, atoms, dup(20, atom), and_more},
    [1, 2, 3 | improper_tail_atom_that_is_long_enough_to_break_things_up_here],
    [seq(1, 30) | seq(1, 30)], <<"a binary that is quite long, longer than eighty characters in total, yes indeed">>,
    [<<1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30>>, <<"short">>],
    #{{complex, key} => [1, 2, 3], [list, key] => #{inner => map, with => seq(1, 20)}, 42 => "forty two"},
    #{a => #{b => #{c => #{d => seq(1, 40)}}}},
    {record_like, "name", 42, [{field, value}, {other, seq(1, 15)}], #{}, <<>>, []},
    [{K, K * K, integer_to_list(K)} || K <- seq(1, 12)],
    {x, [{y, [{z, seq(1, 25)}]}]},
    {ab, seq(1, 40)}, {abcdefghijklmnopqrstuvwxyzabcdefghijklmn, seq(1, 40)},
    {abcdefghijklmnopqrstuvwxyzabcdefghij, seq(1, 40)}, {abcdefghijklmnopqrstuvwxyzabcdefghijkl, [seq(1,3), {a, seq(1,40)}]},
    [1.5, -0.0, 1.0e100, 5.0e-324, 0.1, 100.0, 123456789.0, 1.0e-10 | [-3, 4]],
    {"strings", "with\nnewlines\tand \"quotes\"", [200, 201, 255], [7, 8]},
    lists_of_atoms, ['Quoted', 'with space', 'after', 'ok@node', '', 'a.b'],
    #{list => [#{a => 1}, #{b => 2}], tuple => {#{c => 3}}},
    dup(5, {key, dup(8, value)}),
    {{{{{{{{{{{{{{{{{{{{a}}}}}}}}}}}}}}}}}}}},
    [{tag, "short"}, {tag2, seq(1, 60)}, {tag3, [{inner, seq(1, 60)}]}],
    {a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r, s, t, u, v, w, x, y, z, aa, bb, cc, dd, ee, ff},
    maps:from_list([{K, K} || K <- seq(1, 40)]),
    [{K, #{k => K, v => integer_to_list(K * 1000)}} || K <- seq(1, 5)]
  ],
  [io:format("~p~n", [T]) || T <- Terms],
  [io:format("prefix text here: ~p~n", [T]) || T <- Terms],
  [io:format("~s~p~n", [dup(45, $-), T]) || T <- take(10, Terms)],
  [io:format("~40p~n", [T]) || T <- Terms],
  [io:format("~p ~p~n", [T, T]) || T <- take(6, Terms)],
  [io:format("~P~n", [T, D]) || T <- take(12, Terms), D <- [1, 2, 3, 5, 8]],
  [io:format("~tp~n", [T]) || T <- [[945, 946], "h\x{e9}llo", <<"\x{3b1}\x{3b2}"/utf8>>, ['\x{3b1}', [8364 | "abc"]],
                                    {unicode, [dup(20, 8364), "\x{e9}t\x{e9}", <<"caf\x{e9}"/utf8>>]}]],
  [io:format("~p~n", [T]) || T <- [[945, 946], "h\x{e9}llo", <<"\x{3b1}\x{3b2}"/utf8>>]],
  [io:format("~lp~n", [T]) || T <- [[{a, "abc"}, "def"], dup(30, "xy")]],
  binaries(),
  columns(),
  ok.

%% The column a term starts at: the precision, or the text before it on the line.
columns() ->
  L = [{K, [K, K * 2, K * 3]} || K <- seq(1, 12)],
  [io:format(F ++ "~n", [L]) || F <- ["~.5p", "~.1p", "~.40p", "ab\t~p", "\t\t~p", "~30.10p", "~0p", "x\ny~p", "~.0p"]],
  io:format("~p ~p~n", [L, L]),
  io:format("~ts ~p~n", [[945, 946, 947], L]),
  ok.

binaries() ->
  B = <<1,60,120,0,60,120,0,60,120,0,60,120,0>>,
  B3 = bytes(13, 130),
  [io:format("~w~n~*p~n", [W, W, T]) || T <- [B, [B], {B, B}, [[[B]]], {tag, [[B]]}, {t, [[B]]}, {tagxxxxxxx, [[B]]},
                                             {x, y, B}, B3, [B3], [[B3]], <<B3/binary, 1, 2>>, <<B/binary, 3:5>>],
                                       W <- [10, 14, 18, 20, 21, 22, 23, 24, 30, 41, 80]],
  ok.

bytes(0, _) -> <<>>;
bytes(N, X) -> <<X, (bytes(N - 1, X))/binary>>.
