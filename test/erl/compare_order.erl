%% Term order across and within types: number < atom < reference < fun < port <
%% pid < tuple < map < [] < list < binary; sorting with a local merge sort.
-module(compare_order).
-export([main/0]).
-include("test.hrl").

main() ->
    Ref = make_ref(), Pid = self(), Fun = fun(X) -> X end,
    erlang:display([1 < a, a < Ref, Ref < Fun, Fun < Pid, Pid < {}, {} < #{},
                    #{} < [], [] < [1], [1] < <<>>, 1.0 < a, Fun < {}]),
    erlang:display([Ref < Pid, Pid > Fun, Ref > 999999, <<>> > Pid, [] > Ref]),
    Terms = [<<"b">>, "abc", [], {b}, {a, b}, {}, b, a, 'A', 2.5, 2, -1, 1.0e10, <<>>,
             [a | b], [a], {a, a}, "ab", {1, 2, 3}, 'z', -1.5, 0, #{}, #{a => 1},
             [[]], <<"a">>, <<1, 2>>, {[], a}, 3, #{b => 0}, #{a => 2}],
    erlang:display(msort(?ID(Terms))),
    erlang:display(msort(?ID([3, 1.0, 1, 2.0, 2, -0.0, 0, 0.0, -1, -1.0]))),
    erlang:display(msort(?ID(["b", "a", "ab", "", "ba", [$a | b], [$a, 0], "aa"]))),
    erlang:display(msort(?ID([{2, a}, {1, b}, {1, a, x}, {1, a}, {}, {0}, {1}]))),
    erlang:display(msort(?ID([abc, ab, a, b, 'B', '', 'Ab', aa, zz, 'é', 'e']))),
    erlang:display(msort(?ID([<<2>>, <<1, 2>>, <<1>>, <<>>, <<1, 1>>, <<"abc">>]))),
    erlang:display(msort(?ID([#{b => 1}, #{a => 2}, #{a => 1, b => 1}, #{}, #{c => 0},
                              #{1 => a}, #{1.0 => a}]))),
    [erlang:display({A, B, cmp(A, B)}) || {A, B} <- pairs()],
    erlang:display([max(?ID(a), ?ID(1)), min(?ID(a), ?ID(1)), max(?ID("a"), ?ID({a})),
                    min(?ID([]), ?ID([a])), max(?ID(1), ?ID(1.0)), min(?ID(1.0), ?ID(1))]).

pairs() ->
    [{1, 1.0}, {1, 2}, {2.0, 1}, {a, b}, {b, a}, {{1}, {1.0}}, {[1], [1.0]}, {{1, 2}, {2}},
     {[1, 2], [2]}, {"abc", "abd"}, {"ab", "abc"}, {<<1>>, <<1, 0>>}, {[], {}},
     {576460752303423487, 5.764607523034235e17}, {-0.0, 0}, {#{a => 1}, #{a => 1.0}},
     {#{a => 1}, #{b => 0}}, {#{1 => a}, #{a => 1}}, {[a | b], [a, b]}, {{}, []}].

cmp(A, B) ->
    {A < B, A == B, A > B, A =:= B, A =/= B, A /= B, A =< B, A >= B}.

msort([]) -> [];
msort([X]) -> [X];
msort(L) ->
    {A, B} = split(L, [], []),
    merge(msort(A), msort(B)).

split([], A, B) -> {A, B};
split([X | T], A, B) -> split(T, B, [X | A]).

merge([], B) -> B;
merge(A, []) -> A;
merge([X | A], [Y | B]) when X =< Y -> [X | merge(A, [Y | B])];
merge(A, [Y | B]) -> [Y | merge(A, B)].
