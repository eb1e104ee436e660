%% atomics (signed and unsigned arrays, wrap-around, the ranges of
%% increments and values, compare_exchange, info) and counters in both kinds,
%% with processes updating one array at once.
%% ember-otp-libs: erts stdlib
-module(atomics_counters).
-export([main/0]).
-include("test.hrl").

-define(U64, 18446744073709551615).
-define(I64MIN, -9223372036854775808).
-define(I64MAX, 9223372036854775807).

main() ->
    A = atomics:new(2, [{signed, false}]),
    ?T(atomics:info(A)),
    ?T(atomics:get(A, 1)),
    ?T(atomics:put(A, 1, -1)),
    ?T(atomics:put(A, 1, ?U64 + 1)),
    ?T(atomics:put(A, 1, ?U64)),
    ?T(atomics:get(A, 1)),
    ?T(atomics:add(A, 1, 1)),
    ?T(atomics:get(A, 1)),
    ?T(atomics:add(A, 1, -1)),
    ?T(atomics:get(A, 1)),
    ?T(atomics:add(A, 1, ?U64)),
    ?T(atomics:get(A, 1)),
    ?T(atomics:add(A, 1, ?I64MIN)),
    ?T(atomics:get(A, 1)),
    [?T(atomics:add(A, 1, V)) || V <- [?U64 + 1, ?I64MIN - 1, 1.0, foo]],
    ?T(atomics:put(A, 1, 0)),
    [?T({atomics:sub(A, 1, V), atomics:get(A, 1)}) || V <- [?I64MAX + 1, ?U64, -?U64, ?I64MIN, ?I64MIN - 1, 1 bsl 64, -(1 bsl 64)]],
    ?T(atomics:sub_get(A, 1, 1)),
    ?T(atomics:add_get(A, 1, 2)),
    ?T(atomics:exchange(A, 1, -1)),
    ?T(atomics:exchange(A, 1, 5)),
    ?T(atomics:compare_exchange(A, 1, -1, 0)),
    ?T(atomics:compare_exchange(A, 1, 0, -1)),
    ?T(atomics:compare_exchange(A, 1, 4, 6)),
    ?T(atomics:compare_exchange(A, 1, 5, 6)),
    ?T(atomics:get(A, 1)),
    ?T(atomics:get(A, 2)),

    S = atomics:new(3, []),
    ?T(atomics:info(S)),
    ?T(atomics:put(S, 3, ?I64MAX)),
    ?T(atomics:add_get(S, 3, 1)),
    ?T(atomics:sub_get(S, 3, 1)),
    ?T(atomics:add_get(S, 3, ?U64)),
    ?T(atomics:put(S, 1, ?I64MAX + 1)),
    ?T(atomics:put(S, 1, ?I64MIN - 1)),
    ?T(atomics:put(S, 1, ?I64MIN)),
    ?T(atomics:exchange(S, 1, 1 bsl 63)),
    ?T(atomics:compare_exchange(S, 1, ?I64MIN, 6)),
    ?T(atomics:compare_exchange(S, 1, 1 bsl 63, 6)),
    ?T(atomics:exchange(S, 1, 7)),
    [?T(atomics:get(S, I)) || I <- [0, 4, a, -1, 1.0]],
    [?T(atomics:new(N, O)) || {N, O} <- [{0, []}, {foo, []}, {-1, []}, {1, [foo]}, {1, foo},
                                          {1, [{signed, maybe}]}, {1, [{signed}]}, {1, [{signed, true} | x]}]],
    ?T(atomics:info(atomics:new(1, [{signed, true}, {signed, false}]))),
    ?T(atomics:info(atomics:new(100, [{signed, false}, {signed, true}]))),
    ?T(atomics:get(make_ref(), 1)),
    ?T(atomics:info(make_ref())),
    ?T(atomics:info(foo)),
    ?T(is_reference(S)),

    %% ten processes add to one word at once
    Parent = self(),
    C = atomics:new(1, []),
    Pids = [spawn(fun() -> [atomics:add(C, 1, 1) || _ <- lists:seq(1, 10000)], Parent ! {done, self()} end)
            || _ <- lists:seq(1, 10)],
    [receive {done, P} -> ok end || P <- Pids],
    ?T(atomics:get(C, 1)),
    %% the array lives on while a term refers to it, here in another process
    Holder = spawn(fun() -> receive {get, From} -> From ! {value, atomics:get(C, 1)} end end),
    Holder ! {get, self()},
    ?T(receive {value, V} -> V end),

    [begin
         K = counters:new(2, Opts),
         ?T(counters:info(K) =:= counters:info(K)),
         ?T(maps:get(size, counters:info(K))),
         ?T(counters:get(K, 1)),
         ?T(counters:add(K, 1, 5)),
         ?T(counters:sub(K, 1, 7)),
         ?T(counters:get(K, 1)),
         ?T(counters:put(K, 2, ?I64MAX)),
         ?T(counters:add(K, 2, 1)),
         ?T(counters:get(K, 2)),
         ?T(counters:put(K, 2, ?I64MIN)),
         ?T(counters:sub(K, 2, 1)),
         ?T(counters:get(K, 2)),
         [?T(counters:add(K, 1, Inc)) || Inc <- [1 bsl 63, ?U64, ?I64MIN - 1, 1.5]],
         [?T(counters:put(K, 1, Val)) || Val <- [1 bsl 63, ?I64MIN - 1, x]],
         [?T(counters:get(K, I)) || I <- [0, 3, x]],
         Ws = [spawn(fun() -> [counters:add(K, 1, 1) || _ <- lists:seq(1, 5000)], Parent ! {done, self()} end)
               || _ <- lists:seq(1, 4)],
         [receive {done, W} -> ok end || W <- Ws],
         ?T(counters:get(K, 1))
     end || Opts <- [[], [atomics], [write_concurrency]]],
    ?T(maps:get(memory, counters:info(counters:new(3, [])))),
    [?T(counters:new(N, O)) || {N, O} <- [{1, [foo]}, {0, []}, {1, [atomics, write_concurrency]},
                                          {1, [write_concurrency, atomics]}, {x, []}]],
    ?T(counters:get({write_concurrency, make_ref()}, 1)),
    ?T(counters:get({atomics, make_ref()}, 1)),
    ?T(counters:get(foo, 1)),
    ok.
