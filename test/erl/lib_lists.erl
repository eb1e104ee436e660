%% The lists module (Ember's own, lib/lists.erl, in standalone mode): every
%% export with ordinary, edge and bad arguments; the order sorts and merges
%% give to elements that compare equal (1 and 1.0, equal keys), and the calls
%% a sort fun sees; sorts of 10,000 elements; and that the BIF functions run
%% as BIFs once the module is loaded.
-module(lib_lists).
-export([main/0]).
-include("test.hrl").

main() ->
    building(),
    taking(),
    tuple_lists(),
    higher_order(),
    sorts(),
    sort_funs(),
    merges(),
    key_merges(),
    big(),
    random_sorts(?ID(60)),
    bifs().

building() ->
    ?T(lists:append(?ID([1, 2]), ?ID([3]))), ?T(lists:append(?ID([]), ?ID(x))),
    ?T(lists:append(?ID(a), ?ID([1]))), ?T(lists:append(?ID([[1], [], [2, 3]]))),
    ?T(lists:append(?ID([[1], a]))), ?T(lists:append(?ID([a]))), ?T(lists:append(?ID([]))),
    ?T(lists:append(?ID(a))),
    ?T(lists:subtract(?ID([1, 2, 1, 3]), ?ID([1, 3]))), ?T(lists:subtract(?ID(a), ?ID([]))),
    ?T(lists:reverse(?ID([]))), ?T(lists:reverse(?ID([1]))), ?T(lists:reverse(?ID([1, 2]))),
    ?T(lists:reverse(?ID("héllo"))), ?T(lists:reverse(?ID(a))), ?T(lists:reverse(?ID([a | b]))),
    ?T(lists:reverse(?ID([a, b | c]))),
    ?T(lists:seq(?ID(1), ?ID(5))), ?T(lists:seq(?ID(5), ?ID(4))), ?T(lists:seq(?ID(5), ?ID(3))),
    ?T(lists:seq(?ID(-3), ?ID(2))), ?T(lists:seq(?ID(a), ?ID(2))), ?T(lists:seq(?ID(1.0), ?ID(2))),
    ?T(lists:seq(?ID(1), ?ID(10), ?ID(3))), ?T(lists:seq(?ID(10), ?ID(1), ?ID(-3))),
    ?T(lists:seq(?ID(1), ?ID(1), ?ID(0))), ?T(lists:seq(?ID(1), ?ID(2), ?ID(0))),
    ?T(lists:seq(?ID(5), ?ID(1), ?ID(1))), ?T(lists:seq(?ID(1), ?ID(0), ?ID(1))),
    ?T(lists:seq(?ID(1), ?ID(5), ?ID(a))), ?T(lists:seq(?ID(1), ?ID(2), ?ID(10))),
    ?T(length(lists:seq(?ID(1), ?ID(100000)))),
    ?T(lists:seq(?ID(1 bsl 62), ?ID((1 bsl 62) + 2))),
    ?T(lists:duplicate(?ID(3), ?ID(x))), ?T(lists:duplicate(?ID(0), ?ID(x))),
    ?T(lists:duplicate(?ID(-1), ?ID(x))), ?T(lists:duplicate(?ID(a), ?ID(x))),
    ?T(lists:concat(?ID([a, "b", 1, 2.5, 'é']))), ?T(lists:concat(?ID([]))),
    ?T(lists:concat(?ID([{a}]))), ?T(lists:concat(?ID([<<"b">>]))),
    ?T(lists:flatten(?ID([1, [2, [3, []], [[4]]], 5]))), ?T(lists:flatten(?ID([]))),
    ?T(lists:flatten(?ID(a))), ?T(lists:flatten(?ID([a | b]))), ?T(lists:flatten(?ID([[a | b]]))),
    ?T(lists:flatten(?ID([1, [2]]), ?ID([3]))), ?T(lists:flatten(?ID([1]), ?ID(t))),
    ?T(lists:flatlength(?ID([1, [2, [3, []], [[4]]], 5]))), ?T(lists:flatlength(?ID([]))),
    ?T(lists:flatlength(?ID([a | b]))),
    ?T(lists:join(?ID(x), ?ID([a, b, c]))), ?T(lists:join(?ID(x), ?ID([a]))),
    ?T(lists:join(?ID(x), ?ID([]))), ?T(lists:join(?ID(", "), ?ID(["a", "b"]))),
    ?T(lists:join(?ID(x), ?ID(a))), ?T(lists:join(?ID(x), ?ID([a | b]))),
    ?T(lists:enumerate(?ID([a, b, c]))), ?T(lists:enumerate(?ID(0), ?ID([a, b]))),
    ?T(lists:enumerate(?ID(-5), ?ID([a]))), ?T(lists:enumerate(?ID([]))),
    ?T(lists:enumerate(?ID(a), ?ID([a]))), ?T(lists:enumerate(?ID(1), ?ID(a))),
    ?T(lists:enumerate(?ID(1.0), ?ID([a]))),
    ?T(lists:uniq(?ID([3, 1, 3, 2, 1, 1.0, 1]))), ?T(lists:uniq(?ID([]))), ?T(lists:uniq(?ID(a))),
    ?T(lists:uniq(?ID([a | b]))),
    ?T(lists:uniq(fun(X) -> X rem 3 end, ?ID([1, 2, 3, 4, 5, 6]))),
    ?T(lists:uniq(fun erlang:abs/1, ?ID([-1, 1, 2, -2.0, 2.0]))),
    ?T(lists:uniq(?ID(notfun), ?ID([1]))), ?T(lists:uniq(fun(X) -> X end, ?ID(a))),
    ?T(lists:zip(?ID([1, 2]), ?ID([a, b]))), ?T(lists:zip(?ID([]), ?ID([]))),
    ?T(lists:zip(?ID([1]), ?ID([]))), ?T(lists:zip(?ID([1, 2]), ?ID([a]))),
    ?T(lists:zip3(?ID([1, 2]), ?ID([a, b]), ?ID("xy"))), ?T(lists:zip3(?ID([1]), ?ID([a]), ?ID([]))),
    ?T(lists:unzip(?ID([{1, a}, {2, b}]))), ?T(lists:unzip(?ID([]))), ?T(lists:unzip(?ID([{1, a, x}]))),
    ?T(lists:unzip(?ID(a))),
    ?T(lists:unzip3(?ID([{1, a, x}, {2, b, y}]))), ?T(lists:unzip3(?ID([{1, a}]))),
    ?T(lists:zipwith(fun(X, Y) -> X + Y end, ?ID([1, 2]), ?ID([10, 20]))),
    ?T(lists:zipwith(fun(X, Y) -> X + Y end, ?ID([1, 2]), ?ID([10]))),
    ?T(lists:zipwith(?ID(notfun), ?ID([1]), ?ID([2]))), ?T(lists:zipwith(?ID(notfun), ?ID([]), ?ID([]))),
    ?T(lists:zipwith3(fun(X, Y, Z) -> {Z, Y, X} end, ?ID([1, 2]), ?ID([a, b]), ?ID([x, y]))),
    ?T(lists:zipwith3(fun(X, Y, Z) -> {Z, Y, X} end, ?ID([1]), ?ID([a]), ?ID([]))),
    ?T(lists:zipwith3(fun(X, Y) -> {X, Y} end, ?ID([]), ?ID([]), ?ID([]))).

taking() ->
    L = ?ID([a, b, c, d]),
    ?T(lists:nth(1, L)), ?T(lists:nth(4, L)), ?T(lists:nth(5, L)), ?T(lists:nth(0, L)),
    ?T(lists:nth(?ID(1.0), L)), ?T(lists:nth(?ID(-1), L)), ?T(lists:nth(1, ?ID([]))),
    ?T(lists:nthtail(0, L)), ?T(lists:nthtail(2, L)), ?T(lists:nthtail(4, L)), ?T(lists:nthtail(5, L)),
    ?T(lists:nthtail(0, ?ID(a))), ?T(lists:nthtail(?ID(-1), L)),
    ?T(lists:prefix(?ID([a, b]), L)), ?T(lists:prefix(?ID([]), L)), ?T(lists:prefix(?ID([b]), L)),
    ?T(lists:prefix(?ID([a, b, c, d, e]), L)), ?T(lists:prefix(?ID([]), ?ID(a))),
    ?T(lists:prefix(?ID(a), L)), ?T(lists:prefix(?ID([1]), ?ID([1.0]))),
    ?T(lists:suffix(?ID([c, d]), L)), ?T(lists:suffix(?ID([]), L)), ?T(lists:suffix(?ID([c]), L)),
    ?T(lists:suffix(?ID([z, a, b, c, d]), L)), ?T(lists:suffix(?ID(a), L)), ?T(lists:suffix(?ID([]), ?ID(a))),
    ?T(lists:last(L)), ?T(lists:last(?ID([x]))), ?T(lists:last(?ID([]))), ?T(lists:last(?ID([a | b]))),
    ?T(lists:droplast(L)), ?T(lists:droplast(?ID([x]))), ?T(lists:droplast(?ID([]))),
    ?T(lists:droplast(?ID([a | b]))),
    ?T(lists:sublist(L, 2)), ?T(lists:sublist(L, 0)), ?T(lists:sublist(L, 10)), ?T(lists:sublist(L, -1)),
    ?T(lists:sublist(?ID(a), 1)), ?T(lists:sublist(L, ?ID(x))), ?T(lists:sublist(?ID([a | b]), 3)),
    ?T(lists:sublist(L, 2, 2)), ?T(lists:sublist(L, 1, 0)), ?T(lists:sublist(L, 4, 5)),
    ?T(lists:sublist(L, 5, 1)), ?T(lists:sublist(L, 6, 1)), ?T(lists:sublist(L, 0, 1)),
    ?T(lists:sublist(L, 1, -1)), ?T(lists:sublist(?ID(a), 1, 1)),
    ?T(lists:split(2, L)), ?T(lists:split(0, L)), ?T(lists:split(4, L)), ?T(lists:split(5, L)),
    ?T(lists:split(?ID(-1), L)), ?T(lists:split(1, ?ID(a))), ?T(lists:split(?ID(a), L)),
    ?T(lists:delete(b, L)), ?T(lists:delete(z, L)), ?T(lists:delete(1, ?ID([1.0, 1, 1]))),
    ?T(lists:delete(a, ?ID([]))), ?T(lists:delete(a, ?ID(x))), ?T(lists:delete(z, ?ID([a | b]))),
    ?T(lists:sum(?ID([1, 2, 3]))), ?T(lists:sum(?ID([]))), ?T(lists:sum(?ID([1, 2.5]))),
    ?T(lists:sum(?ID([1 bsl 70, 1]))), ?T(lists:sum(?ID([1, a]))), ?T(lists:sum(?ID(a))),
    ?T(lists:sum(?ID([1 | 2]))),
    ?T(lists:min(?ID([3, 1, 2]))), ?T(lists:min(?ID([1, 1.0]))), ?T(lists:min(?ID([1.0, 1]))),
    ?T(lists:min(?ID([a, 1, "s", {t}]))), ?T(lists:min(?ID([]))), ?T(lists:min(?ID(a))),
    ?T(lists:max(?ID([3, 1, 2]))), ?T(lists:max(?ID([1, 1.0]))), ?T(lists:max(?ID([1.0, 1]))),
    ?T(lists:max(?ID([a, 1, "s", {t}]))), ?T(lists:max(?ID([]))), ?T(lists:max(?ID([1 | 2]))).

tuple_lists() ->
    Ts = ?ID([{a, 1}, {b, 2}, {c, 3}, {b, 4}, {1, x}]),
    ?T(lists:keydelete(b, 1, Ts)), ?T(lists:keydelete(z, 1, Ts)), ?T(lists:keydelete(1.0, 1, Ts)),
    ?T(lists:keydelete(b, 0, Ts)), ?T(lists:keydelete(b, 3, Ts)), ?T(lists:keydelete(b, 1, ?ID(a))),
    ?T(lists:keydelete(b, 1, ?ID([x]))), ?T(lists:keydelete(b, 1, ?ID([]))),
    ?T(lists:keyreplace(b, 1, Ts, {new})), ?T(lists:keyreplace(z, 1, Ts, {new})),
    ?T(lists:keyreplace(b, 1, Ts, new)), ?T(lists:keyreplace(b, 0, Ts, {new})),
    ?T(lists:keytake(b, 1, Ts)), ?T(lists:keytake(z, 1, Ts)), ?T(lists:keytake(3, 2, Ts)),
    ?T(lists:keytake(b, ?ID(a), Ts)), ?T(lists:keytake(b, 1, ?ID([{a} | x]))),
    ?T(lists:keystore(b, 1, Ts, {new})), ?T(lists:keystore(z, 1, Ts, {new})),
    ?T(lists:keystore(z, 1, ?ID([]), {new})), ?T(lists:keystore(z, 1, Ts, new)),
    ?T(lists:keystore(z, 1, ?ID(a), {new})),
    ?T(lists:keymap(fun(X) -> {X} end, 2, Ts)), ?T(lists:keymap(fun(X) -> {X} end, 3, Ts)),
    ?T(lists:keymap(fun(X) -> {X} end, 0, ?ID([]))), ?T(lists:keymap(?ID(notfun), 1, ?ID([]))),
    ?T(lists:keymap(fun(X) -> {X} end, 1, ?ID([]))).

higher_order() ->
    L = ?ID([1, 2, 3, 4]),
    Even = fun(X) -> X rem 2 =:= 0 end,
    Id = fun(X) -> X end,
    ?T(lists:all(Even, L)), ?T(lists:all(Even, ?ID([2, 4]))), ?T(lists:all(Even, ?ID([]))),
    ?T(lists:all(Id, L)), ?T(lists:all(?ID(notfun), L)), ?T(lists:all(Even, ?ID(a))),
    ?T(lists:all(Even, ?ID([2 | a]))), ?T(lists:all(Even, ?ID([1 | a]))),
    ?T(lists:any(Even, L)), ?T(lists:any(Even, ?ID([1, 3]))), ?T(lists:any(Even, ?ID([]))),
    ?T(lists:any(Id, L)), ?T(lists:any(Even, ?ID(a))), ?T(lists:any(Even, ?ID([1 | a]))),
    ?T(lists:map(fun(X) -> X * 2 end, L)), ?T(lists:map(Id, ?ID([]))), ?T(lists:map(Id, ?ID(a))),
    ?T(lists:map(?ID(notfun), L)), ?T(lists:map(Id, ?ID([1 | a]))),
    ?T(lists:map(fun(X, Y) -> {X, Y} end, L)),
    ?T(lists:flatmap(fun(X) -> [X, X] end, L)), ?T(lists:flatmap(fun(X) -> X end, L)),
    ?T(lists:flatmap(Id, ?ID(a))), ?T(lists:flatmap(?ID(notfun), ?ID([]))),
    ?T(lists:foldl(fun(X, A) -> [X | A] end, [], L)), ?T(lists:foldl(fun(X, A) -> X + A end, 0, ?ID([]))),
    ?T(lists:foldl(fun(X, A) -> X + A end, 0, ?ID(a))), ?T(lists:foldl(?ID(notfun), 0, L)),
    ?T(lists:foldl(fun(X, A) -> X + A end, 0, ?ID([1 | a]))),
    ?T(lists:foldr(fun(X, A) -> [X | A] end, [], L)), ?T(lists:foldr(fun(X, A) -> X + A end, 0, ?ID(a))),
    ?T(lists:foldr(?ID(notfun), 0, L)),
    ?T(lists:filter(Even, L)), ?T(lists:filter(Id, L)), ?T(lists:filter(Even, ?ID(a))),
    ?T(lists:filter(?ID(notfun), L)), ?T(lists:filter(Even, ?ID([2 | a]))),
    ?T(lists:partition(Even, L)), ?T(lists:partition(Id, L)), ?T(lists:partition(Even, ?ID(a))),
    ?T(lists:partition(?ID(notfun), L)),
    ?T(lists:filtermap(fun(X) when X > 2 -> {true, X * 10}; (X) -> X =:= 1 end, L)),
    ?T(lists:filtermap(Id, L)), ?T(lists:filtermap(Even, ?ID(a))), ?T(lists:filtermap(?ID(notfun), L)),
    ?T(lists:zf(fun(X) -> {true, -X} end, L)), ?T(lists:zf(Id, ?ID([true]))),
    ?T(lists:foreach(fun(X) -> put(last, X) end, L)), ?T(get(last)),
    ?T(lists:foreach(Id, ?ID(a))), ?T(lists:foreach(?ID(notfun), L)), ?T(lists:foreach(Id, ?ID([1 | a]))),
    ?T(lists:mapfoldl(fun(X, A) -> {X * 2, A + X} end, 0, L)),
    ?T(lists:mapfoldl(fun(X, A) -> X + A end, 0, L)), ?T(lists:mapfoldl(?ID(notfun), 0, L)),
    ?T(lists:mapfoldl(fun(X, A) -> {X, A} end, 0, ?ID(a))),
    ?T(lists:mapfoldr(fun(X, A) -> {X * 2, [X | A]} end, [], L)),
    ?T(lists:mapfoldr(fun(X, A) -> {X, A} end, 0, ?ID(a))),
    ?T(lists:takewhile(fun(X) -> X < 3 end, L)), ?T(lists:takewhile(Id, L)),
    ?T(lists:takewhile(Even, ?ID(a))), ?T(lists:takewhile(?ID(notfun), L)),
    ?T(lists:dropwhile(fun(X) -> X < 3 end, L)), ?T(lists:dropwhile(fun(X) -> X < 9 end, L)),
    ?T(lists:dropwhile(Id, L)), ?T(lists:dropwhile(Even, ?ID(a))),
    ?T(lists:splitwith(fun(X) -> X < 3 end, L)), ?T(lists:splitwith(Id, L)),
    ?T(lists:splitwith(Even, ?ID(a))), ?T(lists:splitwith(?ID(notfun), L)),
    ?T(lists:search(Even, L)), ?T(lists:search(fun(X) -> X > 9 end, L)), ?T(lists:search(Id, L)),
    ?T(lists:search(Even, ?ID(a))), ?T(lists:search(?ID(notfun), L)).

sorts() ->
    %% elements equal as numbers keep an order that depends on the split
    ?T(lists:sort(?ID([3, 2, 1.0, 1, 0]))), ?T(lists:sort(?ID([1.0, 1, 2, 1.0, 1]))),
    ?T(lists:sort(?ID([1, 2, 3, 1.0, 1]))), ?T(lists:sort(?ID([1, 1.0, 1, 1.0, 0, 2]))),
    ?T(lists:sort(?ID([2, 2.0, 1, 1.0, 0, 0.0, 3, 3.0]))), ?T(lists:sort(?ID([5, 1.0, 9, 1, 7, 1.0, 3]))),
    ?T(lists:sort(?ID([{1}, {1.0}, {0}, {1}]))), ?T(lists:sort(?ID([]))), ?T(lists:sort(?ID([x]))),
    ?T(lists:sort(?ID([b, a]))), ?T(lists:sort(?ID([b, a, c]))), ?T(lists:sort(?ID([c, a, b]))),
    ?T(lists:sort(?ID([<<"b">>, "a", {a}, 1, a, [], self() =:= self(), 1.5]))),
    ?T(lists:sort(?ID("unicode: éàü€😀"))),
    ?T(lists:sort(?ID(a))), ?T(lists:sort(?ID([a | b]))), ?T(lists:sort(?ID([3, 2, 1 | x]))),
    ?T(lists:sort(?ID([1, 2, 3 | x]))), ?T(lists:sort(?ID([1, 1, 1 | x]))),
    ?T(lists:usort(?ID([1.0, 1, 2, 1.0, 1]))), ?T(lists:usort(?ID([1, 1.0, 2, 1.0, 1]))),
    ?T(lists:usort(?ID([3, 2, 1.0, 1, 0]))), ?T(lists:usort(?ID([2, 1, 1.0]))),
    ?T(lists:usort(?ID([b, a, b, c, a]))), ?T(lists:usort(?ID([]))), ?T(lists:usort(?ID([x]))),
    ?T(lists:usort(?ID([x, x]))), ?T(lists:usort(?ID(a))), ?T(lists:usort(?ID([1, 2 | c]))),
    Ts = ?ID([{1, a}, {1.0, b}, {0, c}, {5, d}, {1, e}]),
    ?T(lists:keysort(1, Ts)), ?T(lists:keysort(2, Ts)), ?T(lists:keysort(3, Ts)),
    ?T(lists:keysort(1, ?ID([{1, a}, {1.0, a}, {0, c}, {5, d}]))),
    ?T(lists:keysort(1, ?ID([{b}, {a}]))), ?T(lists:keysort(1, ?ID([{b}, {a}, {c}]))),
    ?T(lists:keysort(1, ?ID([]))), ?T(lists:keysort(1, ?ID([a]))), ?T(lists:keysort(1, ?ID([a, b]))),
    ?T(lists:keysort(1, ?ID(a))), ?T(lists:keysort(1, ?ID([{a} | b]))), ?T(lists:keysort(0, Ts)),
    ?T(lists:keysort(1, ?ID([{b}, {a}, {c} | d]))),
    ?T(lists:ukeysort(1, Ts)), ?T(lists:ukeysort(2, Ts)), ?T(lists:ukeysort(1, ?ID([{2, x}, {1, y}, {2.0, z}]))),
    ?T(lists:ukeysort(1, ?ID([]))), ?T(lists:ukeysort(1, ?ID([a]))), ?T(lists:ukeysort(1, ?ID(a))),
    ?T(lists:ukeysort(?ID(x), Ts)), ?T(lists:ukeysort(3, Ts)).

%% Each call of the fun is logged, so the output shows the calls OTP makes.
sort_funs() ->
    Le = logging(fun(A, B) -> A =< B end),
    Lt = logging(fun(A, B) -> A < B end),
    Gt = logging(fun(A, B) -> A > B end),
    K1 = logging(fun({A, _}, {B, _}) -> A =< B end),
    Ps = ?ID([{2, a}, {1, b}, {2, c}, {1, d}, {3, e}, {0, f}, {2, g}]),
    [begin
         ?T(lists:sort(F, ?ID([3, 1, 2, 1.0, 5, 4]))), ?T(calls()),
         ?T(lists:usort(F, ?ID([3, 1, 2, 1.0, 5, 4, 3]))), ?T(calls())
     end || F <- [Le, Lt, Gt]],
    ?T(lists:sort(K1, Ps)), ?T(calls()), ?T(lists:usort(K1, Ps)), ?T(calls()),
    ?T(lists:sort(fun(A, B) -> A >= B end, ?ID([1, 1.0, 2, 2.0, 0]))),
    ?T(lists:usort(fun(A, B) -> A >= B end, ?ID([1, 1.0, 2, 2.0, 0]))),
    ?T(lists:sort(Le, ?ID([]))), ?T(lists:sort(Le, ?ID([a]))), ?T(lists:sort(?ID(notfun), ?ID([1]))),
    ?T(lists:sort(?ID(notfun), ?ID([2, 1]))), ?T(lists:sort(fun(_, _) -> maybe end, ?ID([2, 1]))),
    ?T(lists:sort(Le, ?ID(a))), ?T(lists:sort(Le, ?ID([3, 2, 1 | x]))),
    ?T(lists:usort(?ID(notfun), ?ID([2, 1]))), ?T(lists:usort(Le, ?ID([]))),
    ?T(lists:usort(Le, ?ID(a))), ?T(lists:usort(Le, ?ID([1 | a]))), ?T(calls()).

logging(F) ->
    fun(A, B) -> put(calls, [{A, B} | calls_so_far()]), F(A, B) end.

calls_so_far() ->
    case get(calls) of undefined -> []; C -> C end.

calls() ->
    C = calls_so_far(),
    put(calls, []),
    lists:reverse(C).

merges() ->
    A = ?ID([1, 2.0, 3, 5]), B = ?ID([1.0, 2, 4, 5.0]), C = ?ID([0, 2, 5]),
    ?T(lists:merge(A, B)), ?T(lists:merge(B, A)), ?T(lists:merge(A, [])), ?T(lists:merge([], B)),
    ?T(lists:merge(?ID(a), [])), ?T(lists:merge(?ID(a), ?ID([1]))), ?T(lists:merge(?ID([1]), ?ID(a))),
    ?T(lists:merge(?ID([1]), ?ID([2 | x]))), ?T(lists:merge(?ID([3, 1]), ?ID([2]))),
    ?T(lists:rmerge(lists:reverse(A), lists:reverse(B))), ?T(lists:rmerge(?ID(a), [])),
    ?T(lists:merge3(A, B, C)), ?T(lists:merge3(C, B, A)), ?T(lists:merge3([], B, C)),
    ?T(lists:merge3(A, [], C)), ?T(lists:merge3(A, B, [])), ?T(lists:merge3(?ID(a), [], [])),
    ?T(lists:merge3(?ID(a), [1], [2])), ?T(lists:merge3(?ID([1 | x]), [2], [3])),
    ?T(lists:rmerge3(lists:reverse(A), lists:reverse(B), lists:reverse(C))),
    ?T(lists:merge(?ID([A, B, C, [], A, [], B]))), ?T(lists:merge(?ID([]))), ?T(lists:merge(?ID([a]))),
    ?T(lists:merge(?ID([[], []]))), ?T(lists:merge(?ID(x))), ?T(lists:merge(?ID([[1], x]))),
    ?T(lists:merge(?ID([[3, 1], [2], [0, 5], [4]]))),
    Le = logging(fun(X, Y) -> X =< Y end),
    ?T(lists:merge(Le, A, B)), ?T(calls()), ?T(lists:merge(Le, A, [])), ?T(lists:merge(Le, [], B)),
    ?T(lists:merge(?ID(notfun), A, B)), ?T(lists:merge(Le, ?ID(a), [])),
    ?T(lists:merge(fun(X, Y) -> X < Y end, A, B)),
    ?T(lists:rmerge(Le, lists:reverse(A), lists:reverse(B))), ?T(calls()),
    UA = ?ID([1, 3, 5.0, 7]), UB = ?ID([1.0, 2, 5, 8]), UC = ?ID([0, 3.0, 8.0, 9]),
    ?T(lists:umerge(UA, UB)), ?T(lists:umerge(UB, UA)), ?T(lists:umerge([], UB)), ?T(lists:umerge(UA, [])),
    ?T(lists:umerge(?ID([1, 1]), ?ID([1.0, 1.0]))), ?T(lists:umerge(?ID(a), [])), ?T(lists:umerge([1], ?ID([2 | x]))),
    ?T(lists:rumerge(lists:reverse(UA), lists:reverse(UB))), ?T(lists:rumerge(?ID([3, 3]), ?ID([3.0, 2]))),
    ?T(lists:umerge3(UA, UB, UC)), ?T(lists:umerge3(UC, UB, UA)), ?T(lists:umerge3([], UB, UC)),
    ?T(lists:umerge3(UA, [], UC)), ?T(lists:umerge3(UA, UB, [])), ?T(lists:umerge3(?ID([1, 2 | c]), [1.0], [1])),
    ?T(lists:rumerge3(lists:reverse(UA), lists:reverse(UB), lists:reverse(UC))),
    ?T(lists:rumerge3(?ID([2, 1]), ?ID([a | b]), ?ID([3]))),
    ?T(lists:umerge(?ID([UA, UB, UC, [], UA, UB, UC]))), ?T(lists:umerge(?ID([]))), ?T(lists:umerge(?ID([a]))),
    ?T(lists:umerge(?ID(x))), ?T(lists:umerge(?ID([[1], x]))), ?T(lists:umerge(?ID([[3, 1], [2], [1, 0]]))),
    ?T(lists:umerge(Le, UA, UB)), ?T(calls()), ?T(lists:umerge(Le, ?ID([2, 1]), ?ID([2.0, 1.0]))), ?T(calls()),
    ?T(lists:umerge(?ID(notfun), [], UB)),
    ?T(lists:rumerge(Le, lists:reverse(UA), lists:reverse(UB))), ?T(calls()),
    ?T(lists:rumerge(?ID(notfun), UA, [])).

key_merges() ->
    A = ?ID([{1, a}, {2, b}, {2.0, c}, {4, d}]), B = ?ID([{1.0, x}, {2, y}, {3, z}]),
    ?T(lists:keymerge(1, A, B)), ?T(lists:keymerge(1, B, A)), ?T(lists:keymerge(2, A, B)),
    ?T(lists:keymerge(1, A, [])), ?T(lists:keymerge(1, ?ID(a), [])), ?T(lists:keymerge(0, A, B)),
    ?T(lists:keymerge(1, A, ?ID([x]))), ?T(lists:keymerge(3, A, B)),
    ?T(lists:rkeymerge(1, lists:reverse(A), lists:reverse(B))), ?T(lists:rkeymerge(1, [], B)),
    ?T(lists:ukeymerge(1, A, B)), ?T(lists:ukeymerge(1, B, A)), ?T(lists:ukeymerge(1, [], B)),
    ?T(lists:ukeymerge(1, A, ?ID(a))), ?T(lists:ukeymerge(1, ?ID(a), [])),
    ?T(lists:rukeymerge(1, lists:reverse(A), lists:reverse(B))), ?T(lists:rukeymerge(1, A, [])),
    ?T(lists:rukeymerge(?ID(-1), A, B)).

big() ->
    N = 10000,
    Asc = lists:seq(1, N),
    Mixed = [if I rem 3 =:= 0 -> float(I rem 97); true -> I rem 97 end || I <- Asc],
    Ts = [{I rem 101, I} || I <- lists:reverse(Asc)],
    ?T(erlang:phash2(lists:sort(Mixed))), ?T(erlang:phash2(lists:usort(Mixed))),
    ?T(erlang:phash2(lists:sort(lists:reverse(Mixed)))), ?T(length(lists:usort(Mixed))),
    ?T(lists:sort(Asc) =:= Asc), ?T(lists:sort(lists:reverse(Asc)) =:= Asc),
    ?T(erlang:phash2(lists:sort(fun(X, Y) -> X >= Y end, Mixed))),
    ?T(erlang:phash2(lists:sort(fun(X, Y) -> X < Y end, Mixed))),
    ?T(erlang:phash2(lists:usort(fun(X, Y) -> X >= Y end, Mixed))),
    ?T(erlang:phash2(lists:keysort(1, Ts))), ?T(erlang:phash2(lists:ukeysort(1, Ts))),
    ?T(erlang:phash2(lists:merge([lists:sort(Mixed), Asc, lists:sort(Mixed)]))),
    ?T(erlang:phash2(lists:umerge([lists:usort(Mixed), Asc]))),
    ?T(lists:sum(Asc)), ?T(lists:max(Mixed)), ?T(lists:min(Mixed)), ?T(length(lists:flatten([Asc, [Asc]]))),
    ?T(lists:last(Asc)), ?T(lists:nth(N, Asc)), ?T(lists:foldl(fun(X, S) -> X + S end, 0, Asc)),
    ?T(length(lists:duplicate(N, x))), ?T(erlang:phash2(lists:uniq(Mixed))).

%% Lists of small integers and equal floats from a fixed generator: every
%% sort and merge, with digests of the results.
random_sorts(0) -> ok;
random_sorts(K) ->
    {L, S1} = rlist(K * 7919, 1 + K * 5),
    {L2, _} = rlist(S1, K * 3),
    T = [{X, Y} || {X, Y} <- lists:zip(L, lists:seq(1, length(L)))],
    T2 = [{X, Y rem 3} || {X, Y} <- lists:zip(L2, lists:seq(1, length(L2)))],
    Lt = fun(A, B) -> A < B end,
    Ge = fun(A, B) -> A >= B end,
    erlang:display({K,
        erlang:phash2([lists:sort(L), lists:usort(L), lists:sort(Lt, L), lists:sort(Ge, L),
                       lists:usort(Lt, L), lists:usort(Ge, L)]),
        erlang:phash2([lists:keysort(1, T), lists:ukeysort(1, T), lists:keysort(1, T2),
                       lists:ukeysort(1, T2), lists:sort(T2), lists:usort(T2)]),
        erlang:phash2([lists:merge(lists:sort(L), lists:sort(L2)), lists:umerge(lists:usort(L), lists:usort(L2)),
                       lists:rmerge(lists:reverse(lists:sort(L)), lists:reverse(lists:sort(L2))),
                       lists:rumerge(lists:reverse(lists:usort(L)), lists:reverse(lists:usort(L2))),
                       lists:merge3(lists:sort(L), lists:sort(L2), lists:sort(L)),
                       lists:umerge3(lists:usort(L2), lists:usort(L), lists:usort(L2)),
                       lists:merge([lists:sort(L), L2, lists:sort(L2), L]),
                       lists:umerge([lists:usort(L), lists:usort(L2), L2]),
                       lists:keymerge(1, lists:keysort(1, T), lists:keysort(1, T2)),
                       lists:ukeymerge(1, lists:ukeysort(1, T), lists:ukeysort(1, T2)),
                       lists:merge(Lt, lists:sort(L), lists:sort(L2)),
                       lists:umerge(Ge, lists:reverse(lists:usort(L)), lists:reverse(lists:usort(L2)))])}),
    random_sorts(K - 1).

rlist(Seed, N) -> rlist(Seed, N, []).

rlist(Seed, 0, Acc) -> {Acc, Seed};
rlist(Seed, N, Acc) ->
    S = (Seed * 1103515245 + 12345) band 16#7fffffff,
    V = (S bsr 16) rem 6,
    X = if (S bsr 8) band 3 =:= 0 -> float(V); true -> V end,
    rlist(S, N - 1, [X | Acc]).

%% reverse/2, member/2, keyfind/3, keymember/3, keysearch/3 run as BIFs once
%% the module is loaded (its own bodies of them would fail with undef).
bifs() ->
    ?T(lists:seq(1, 2)),
    ?T(lists:reverse(?ID([1, 2]), ?ID([0]))), ?T(lists:member(?ID(2), ?ID([1, 2]))),
    ?T(lists:keyfind(?ID(b), 1, ?ID([{a, 1}, {b, 2}]))), ?T(lists:keymember(?ID(b), 1, ?ID([{b}]))),
    ?T(lists:keysearch(?ID(b), 1, ?ID([{b}]))), ?T(lists:reverse(?ID(a), ?ID([]))),
    ?T(apply(lists, reverse, ?ID([[1], [2]]))), ?T((fun lists:member/2)(a, [a])),
    ?T([erlang:is_builtin(lists, F, A) || {F, A} <- [{reverse, 2}, {member, 2}, {keyfind, 3},
                                                      {keymember, 3}, {keysearch, 3}, {sort, 1}]]).
