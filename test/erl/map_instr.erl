-module(map_instr).
-export([main/0]).
-include("test.hrl").

%% The map instructions on both representations: put_map_assoc/exact with
%% several keys, has_map_fields and get_map_elements in heads, case and
%% guards, and updates that cross the 32-key threshold both ways.

seq(A, B) when A > B -> [];
seq(A, B) -> [A | seq(A + 1, B)].

grow(M, 0) -> M;
grow(M, N) -> grow(M#{N => N * N, {N, 0} => N}, N - 1).

pick(#{1 := A, 2 := B, 30 := C}) -> {A, B, C};
pick(#{1 := A}) -> {one, A};
pick(_) -> nothing.

has(M) when is_map_key(17, M), is_map_key({17, 0}, M) -> both;
has(#{17 := _}) -> one;
has(_) -> neither.

upd(M, []) -> M;
upd(M, [K | Ks]) -> upd(M#{K := updated}, Ks).

main() ->
    M = grow(#{}, 20),
    erlang:display(map_size(M)),
    erlang:display(M),
    erlang:display({pick(M), pick(#{1 => x}), pick(#{})}),
    erlang:display({has(M), has(#{17 => 1}), has(#{})}),
    U = upd(M, seq(1, 20)),
    erlang:display(U),
    erlang:display((?ID(M))#{1 := a, 2 := b, {3, 0} := c}),
    erlang:display((?ID(#{}))#{a => 1, b => 2, c => 3, d => 4, e => 5, f => 6, g => 7, h => 8, i => 9, j => 10}),
    S = grow(#{}, 10),
    erlang:display(S#{100 => a, 101 => b, 102 => c, 103 => d, 104 => e, 105 => f, 106 => g, 107 => h,
                      108 => i, 109 => j, 110 => k, 111 => l, 112 => m}),
    ?T((?ID(M))#{999 := x}),
    ?T((?ID(M))#{1 := x, 999 := y}),
    case M of
        #{5 := 25, {5, 0} := 5} -> erlang:display(case_ok);
        _ -> erlang:display(case_bad)
    end,
    ok.
