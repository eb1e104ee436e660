%% hd, tl, length, ++ and -- with their OTP semantics and error reasons.
-module(lists_basic).
-export([main/0]).
-include("test.hrl").

main() ->
    L = ?ID([1, 2, 3, 2, 1]),
    ?T(hd(L)), ?T(tl(L)), ?T(hd(?ID([]))), ?T(tl(?ID([]))), ?T(hd(?ID(a))),
    ?T(tl(?ID([a | b]))), ?T(hd(?ID("x"))), ?T(tl(?ID("x"))),
    ?T(length(L)), ?T(length(?ID([]))), ?T(length(?ID([a | b]))), ?T(length(?ID(a))),
    ?T(length(?ID("hello"))), ?T(length(?ID([[1, 2], [3]]))),
    ?T(L ++ ?ID([4])), ?T(?ID([]) ++ ?ID([])), ?T(?ID([]) ++ ?ID(a)), ?T(?ID([1]) ++ ?ID(a)),
    ?T(?ID(a) ++ ?ID([1])), ?T(?ID([1 | b]) ++ ?ID([2])), ?T(?ID("ab") ++ ?ID("cd") ++ ?ID("ef")),
    ?T(?ID([1]) ++ ?ID([2 | 3])), ?T(erlang:'++'(?ID([a]), ?ID([b]))),
    ?T(L -- ?ID([1])), ?T(L -- ?ID([2, 2])), ?T(L -- ?ID([1, 1, 1])), ?T(L -- ?ID([])),
    ?T(?ID([]) -- L), ?T(L -- ?ID([4])), ?T(L -- L), ?T(?ID([1.0, 1]) -- ?ID([1])),
    ?T(?ID([1, 1.0]) -- ?ID([1.0])), ?T(?ID([a | b]) -- ?ID([a])), ?T(L -- ?ID(a)),
    ?T(?ID(a) -- ?ID([])), ?T(?ID([x, y, x, z]) -- ?ID([x, z, q])),
    ?T(?ID("hello world") -- ?ID("ol")), ?T(erlang:'--'(?ID([a, b]), ?ID([b]))),
    ?T(?ID([[1], {2}, "3"]) -- ?ID([{2}, [1]])),
    ?T(length(count(1000) -- count(500))), ?T(length(count(2000) ++ count(2000))),
    ?T(count(5) -- lists:reverse(count(3), [])).

count(0) -> [];
count(N) -> [N | count(N - 1)].
