-module(map_large).
-export([main/0]).
-include("test.hrl").

%% Maps around and above the 32-key threshold, up to 100,000 keys: OTP's
%% hash trie order in display, keys, to_list, iterators and external format.

seq(A, B) when A > B -> [];
seq(A, B) -> [A | seq(A + 1, B)].

pairs(Ks) -> [{K, {v, K}} || K <- Ks].

fold_next(none, Acc) -> Acc;
fold_next({K, _V, I}, Acc) -> fold_next(maps:next(I), [K | Acc]).

count(none, N) -> N;
count({_, _, I}, N) -> count(maps:next(I), N + 1).

build(M, []) -> M;
build(M, [K | Ks]) -> build(M#{K => K}, Ks).

remove_all(M, []) -> M;
remove_all(M, [K | Ks]) -> remove_all(maps:remove(K, M), Ks).

mixed(N) -> [mixed_key(I) || I <- seq(1, N)].
mixed_key(I) ->
    case I rem 5 of
        0 -> I;
        1 -> {I, -I};
        2 -> <<I:32>>;
        3 -> I + 0.5;
        4 -> [I, I]
    end.

sizes() -> [31, 32, 33, 40, 64].

main() ->
    [begin
         M = maps:from_list(pairs(seq(1, N))),
         erlang:display({N, map_size(M)}),
         erlang:display(M),
         erlang:display(maps:keys(M)),
         erlang:display(term_to_binary(M)),
         erlang:display(fold_next(maps:next(maps:iterator(M)), []))
     end || N <- sizes()],
    M33 = maps:from_list(pairs(seq(1, 33))),
    erlang:display(maps:remove(7, M33)),
    erlang:display(maps:put(7.0, x, M33)),
    erlang:display(M33#{1 := one, 33 := last}),
    erlang:display(maps:merge(maps:from_list(pairs(seq(1, 20))), maps:from_list(pairs(seq(15, 40))))),
    erlang:display(build(#{}, seq(1, 40)) =:= maps:from_list([{K, K} || K <- seq(1, 40)])),
    erlang:display(build(#{}, seq(1, 40))),
    erlang:display(remove_all(build(#{}, seq(1, 60)), seq(20, 50))),
    erlang:display(erts_internal:map_next(0, M33, iterator)),
    erlang:display(maps:from_list(pairs([-1, 1.0, 1, {1}, [1], <<1>>, 1 bsl 64 | seq(100, 130)]))),
    Mixed = maps:from_list([{K, I} || {K, I} <- [{mixed_key(J), J} || J <- seq(1, 1000)]]),
    erlang:display(map_size(Mixed)),
    erlang:display(Mixed),
    erlang:display(maps:to_list(Mixed)),
    erlang:display(erlang:phash2(term_to_binary(Mixed))),
    erlang:display(binary_to_term(term_to_binary(Mixed)) =:= Mixed),
    erlang:display({Mixed == maps:put(5, 5.0, Mixed), Mixed =:= maps:put(5, 5.0, Mixed)}),
    erlang:display({Mixed < maps:put(5, 6, Mixed), maps:remove(5, Mixed) < maps:remove(6, Mixed)}),
    erlang:display({maps:get(<<7:32>>, Mixed), maps:find(8.5, Mixed), maps:find(8, Mixed)}),
    Big = maps:from_list([{K, K * 2} || K <- seq(1, 100000)]),
    erlang:display(map_size(Big)),
    erlang:display({maps:get(40660, Big), maps:get(59671, Big), maps:find(100001, Big)}),
    erlang:display(erlang:phash2(maps:keys(Big))),
    erlang:display(erlang:phash2(maps:to_list(Big))),
    erlang:display(erlang:phash2(term_to_binary(Big))),
    erlang:display(erlang:phash2(Big)),
    erlang:display(count(maps:next(maps:iterator(Big)), 0)),
    erlang:display(erlang:phash2(fold_next(maps:next(maps:iterator(Big)), []))),
    Big2 = build(maps:remove(40660, Big), [40660, 200000]),
    erlang:display({map_size(Big2), maps:get(40660, Big2), erlang:phash2(maps:keys(Big2))}),
    erlang:display(binary_to_term(term_to_binary(Big)) =:= Big),
    erlang:display(Big =:= maps:from_list(maps:to_list(Big))),
    Atoms = maps:from_list([{list_to_atom([$k | integer_to_list(I)]), I} || I <- seq(1, 500)]),
    erlang:display({map_size(Atoms), maps:get(k250, Atoms), maps:find(k501, Atoms)}),
    erlang:display(maps:remove(k1, Atoms) =:= maps:remove(k1, maps:put(k1, 0, Atoms))),
    ok.
