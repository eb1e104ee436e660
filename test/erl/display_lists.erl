%% erlang:display/1 of lists: when a list prints as a string, escapes, improper lists.
-module(display_lists).
-export([main/0]).
-include("test.hrl").

main() ->
    D = fun erlang:display/1,
    D([]), D([1]), D([1, 2, 3]), D("abc"), D("a"), D(""), D("Hello, World!"),
    D("with space"), D("tab\there"), D("new\nline"), D("quote\"inside"),
    D("back\\slash"), D("bell\a"), D("esc\e"), D("del\d"), D([0]), D([7, 8, 9]),
    D([10]), D([13]), D([31]), D([32]), D([126]), D([127]), D([128]), D([159]),
    D([160]), D([169]), D([233]), D([255]), D([256]), D([955]), D([8364]),
    D("caf" ++ [233]), D([$a, 256]), D([$a, -1]), D([$a, 1.0]), D([$a, b]),
    D([$a | $b]), D([1 | 2]), D([a, b | c]), D([[]]), D([[], []]), D(["ab", "cd"]),
    D([[1, 2], [3 | 4]]), D(["a" | "b"]), D([$a, $b | "cd"]), D(["" | x]),
    D([{}, {a}]), D([1114111]), D([1114112]), D([$a, 16#D800]),
    D(?ID("abc") ++ ?ID("def")), D([$x || _ <- ?ID([1, 2, 3])]),
    D([[$a] | [$b]]), D("'single'"), D("\x{7f}"), D("{[]}"), D("#{}"),
    D([$a, $\r, $\n]), D([$\v, $\f, $\b]).
