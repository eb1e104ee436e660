%% Term order and the two equalities on numbers: integers of every size
%% against floats (exactly, even where doubles lose precision), 0.0 and -0.0
%% as OTP 25 treats them, map keys, and the global order number < atom <
%% reference < fun < port < pid < tuple < map < nil < list < bitstring.
-module(num_compare).
-export([main/0]).
-include("test.hrl").

cmp(A, B) -> {A < B, A == B, A =:= B, A > B, A =< B, A >= B, A /= B, A =/= B}.

main() ->
    Ns = [?ID(0), ?ID(0.0), ?ID(-0.0), ?ID(1), ?ID(1.0), ?ID(-1), ?ID(-1.0),
          ?ID(9007199254740992), ?ID(9007199254740993), ?ID(9007199254740992.0),
          ?ID(576460752303423487), ?ID(576460752303423488), ?ID(5.764607523034235e17),
          ?ID(1 bsl 64), ?ID((1 bsl 64) + 1), ?ID(1.8446744073709552e19), ?ID(-(1 bsl 64)),
          ?ID(-1.8446744073709552e19), ?ID(1 bsl 1023), ?ID((1 bsl 1023) + 1), ?ID(8.98846567431158e307),
          ?ID(1 bsl 1024), ?ID(1.7976931348623157e308), ?ID(-(1 bsl 2000)), ?ID(0.5), ?ID(-0.5)],
    [erlang:display({A, B, cmp(A, B)}) || A <- Ns, B <- Ns],
    [erlang:display({A, B, max(A, B), min(A, B)}) || A <- Ns, B <- [?ID(0), ?ID(0.0), ?ID(1 bsl 64), ?ID(1.0e300)]],
    erlang:display(#{?ID(0) => int, ?ID(0.0) => float, ?ID(1 bsl 64) => big, ?ID(1.8446744073709552e19) => bigf}),
    erlang:display(maps:get(?ID(0.0), #{0.0 => a, -0.0 => b})),
    erlang:display(maps:get(?ID(-0.0), #{0.0 => a, -0.0 => b})),
    erlang:display([{0.0, -0.0}, {-0.0, 0.0}] =:= [{?ID(-0.0), ?ID(0.0)}, {?ID(0.0), ?ID(-0.0)}]),
    erlang:display({?ID(0.0) =:= ?ID(-0.0), ?ID(0.0) == ?ID(-0.0), ?ID(-0.0) < ?ID(0.0), ?ID(0) == ?ID(-0.0)}),
    %% the global term order, numbers of all kinds first
    Ref = make_ref(),
    Fun = fun() -> ok end,
    All = [?ID(1 bsl 100), ?ID(-1.5), ?ID(atom), Ref, Fun, self(), ?ID({1, 2}), ?ID(#{a => 1}),
           ?ID([]), ?ID([1]), ?ID(<<1>>)],
    [erlang:display({Ix, Jx, X < Y}) || {Ix, X} <- idx(All), {Jx, Y} <- idx(All)],
    ok.

idx(L) -> idx(L, 1).
idx([], _) -> [];
idx([H | T], N) -> [{N, H} | idx(T, N + 1)].
