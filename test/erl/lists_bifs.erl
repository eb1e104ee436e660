%% The list functions that are BIFs: lists:reverse/2, member/2, keyfind/3,
%% keymember/3, keysearch/3 — results and badarg cases.
-module(lists_bifs).
-export([main/0]).
-include("test.hrl").

main() ->
    ?T(lists:reverse(?ID([1, 2, 3]), ?ID([]))), ?T(lists:reverse(?ID([1, 2, 3]), ?ID([0]))),
    ?T(lists:reverse(?ID([]), ?ID(tail))), ?T(lists:reverse(?ID([a]), ?ID(tail))),
    ?T(lists:reverse(?ID([a | b]), ?ID([]))), ?T(lists:reverse(?ID(a), ?ID([]))),
    ?T(lists:reverse(?ID("olleh"), ?ID(" world"))),
    ?T(length(lists:reverse(seq(100000), []))),
    ?T(hd(lists:reverse(seq(100000), []))),
    ?T(lists:member(?ID(2), ?ID([1, 2, 3]))), ?T(lists:member(?ID(2.0), ?ID([1, 2, 3]))),
    ?T(lists:member(?ID(4), ?ID([1, 2, 3]))), ?T(lists:member(?ID(a), ?ID([]))),
    ?T(lists:member(?ID(a), ?ID([a | b]))), ?T(lists:member(?ID(c), ?ID([a | b]))),
    ?T(lists:member(?ID(a), ?ID(b))), ?T(lists:member(?ID({x}), ?ID([{x}]))),
    Ts = ?ID([{a, 1}, {b, 2}, {1, one}, {a, 3}, {c}, x, {2.0, two}]),
    ?T(lists:keyfind(a, 1, Ts)), ?T(lists:keyfind(b, 1, Ts)), ?T(lists:keyfind(z, 1, Ts)),
    ?T(lists:keyfind(1, 1, Ts)), ?T(lists:keyfind(1.0, 1, Ts)), ?T(lists:keyfind(2, 1, Ts)),
    ?T(lists:keyfind(3, 2, Ts)), ?T(lists:keyfind(one, 2, Ts)), ?T(lists:keyfind(a, 3, Ts)),
    ?T(lists:keyfind(a, ?ID(0), Ts)), ?T(lists:keyfind(a, ?ID(x), Ts)),
    ?T(lists:keyfind(a, 1, ?ID(notlist))), ?T(lists:keyfind(q, 1, ?ID([{a} | b]))),
    ?T(lists:keymember(b, 1, Ts)), ?T(lists:keymember(zz, 1, Ts)),
    ?T(lists:keymember(a, ?ID(-1), Ts)), ?T(lists:keysearch(c, 1, Ts)),
    ?T(lists:keysearch(nope, 1, Ts)), ?T(lists:keysearch(2, 2, Ts)).

seq(0) -> [];
seq(N) -> [N | seq(N - 1)].
