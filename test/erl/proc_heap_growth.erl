-module(proc_heap_growth).
-export([main/0]).
-include("test.hrl").

%% A process starts on a small heap and grows it on demand: data survives the
%% growth from an idle process's size to a large heap (by heap terms, by stack
%% depth, by received messages) and the shrink back after it is dropped; the
%% heap-size items and options read back as on OTP (the sizes themselves are
%% the runtime's own business, so only their relations are shown).

main() ->
    idle(),
    grow_and_shrink(),
    deep_stack(),
    big_messages(),
    many_small(),
    options().

%% Ask P for its state in its own receive loop, so that it is idle when asked.
call(P, Req) ->
    P ! {self(), Req},
    receive {P, R} -> R end.

idle_loop(State) ->
    receive
        {From, state} -> From ! {self(), State}, idle_loop(State);
        {From, {set, S}} -> From ! {self(), ok}, idle_loop(S);
        {From, gc} -> From ! {self(), garbage_collect()}, idle_loop(State);
        {From, stop} -> From ! {self(), State}
    end.

idle() ->
    P = spawn(fun() -> idle_loop(none) end),
    [{heap_size, H}, {total_heap_size, T}, {min_heap_size, M}, {memory, Mem}] =
        process_info(P, [heap_size, total_heap_size, min_heap_size, memory]),
    erlang:display({idle, H > 0, T >= H, M, Mem > 0}),
    erlang:display(call(P, stop)).

grow_and_shrink() ->
    P = spawn(fun() -> idle_loop(none) end),
    Big = build(50000),
    ok = call(P, {set, {Big, [a, "b", 3.5, <<"bin">>, {nested, [1, 2]}]}}),
    true = call(P, gc),
    {total_heap_size, H1} = process_info(P, total_heap_size),
    erlang:display({grown, H1 >= 50000}),
    {B1, Rest} = call(P, state),
    erlang:display({kept, check(B1, 50000), Rest}),
    ok = call(P, {set, small}),
    true = call(P, gc),
    true = call(P, gc),
    {total_heap_size, H2} = process_info(P, total_heap_size),
    erlang:display({shrunk, H2 < H1, H2 >= 233}),
    erlang:display(call(P, stop)).

build(N) -> build(N, []).
build(0, Acc) -> Acc;
build(N, Acc) -> build(N - 1, [{N, N * 2} | Acc]).

check(L, N) -> check(L, 1, N).
check([], I, N) -> I =:= N + 1;
check([{I, D} | T], I, N) when D =:= I * 2 -> check(T, I + 1, N);
check(_, _, _) -> false.

%% A body recursion 100,000 deep grows the stack, which shares the block.
deep_stack() ->
    Self = self(),
    P = spawn(fun() -> Self ! {self(), depth(100000)} end),
    receive {P, R} -> erlang:display({deep, R}) end.

depth(0) -> 0;
depth(N) -> 1 + depth(N - 1).

%% Large messages arrive at an idle process and live on after collections.
big_messages() ->
    Self = self(),
    P = spawn(fun() -> collect_msgs(20, []) end),
    [P ! {msg, I, seq(1, 2000)} || I <- seq(1, 20)],
    P ! {done, Self},
    receive {P, Sum} -> erlang:display({messages, Sum}) end.

collect_msgs(0, Acc) ->
    garbage_collect(),
    receive {done, From} -> From ! {self(), sum([I + sum(L) || {I, L} <- Acc])} end;
collect_msgs(K, Acc) ->
    receive {msg, I, L} -> collect_msgs(K - 1, [{I, L} | Acc]) end.

%% Many processes that each do a little work on their small heaps.
many_small() ->
    Self = self(),
    Ps = [spawn(fun() -> Self ! {self(), sum(build_ints(I))} end) || I <- seq(1, 2000)],
    Sums = [receive {P, S} -> S end || P <- Ps],
    erlang:display({many, sum(Sums)}).

build_ints(N) -> seq(1, N rem 300).

seq(A, B) when A > B -> [];
seq(A, B) -> [A | seq(A + 1, B)].

sum(L) -> sum(L, 0).
sum([], S) -> S;
sum([H | T], S) -> sum(T, S + H).

options() ->
    erlang:display(erlang:system_info(min_heap_size)),
    Wait = fun() -> receive stop -> ok end end,
    P = spawn_opt(Wait, [{min_heap_size, 1000}]),
    [{heap_size, H}, {min_heap_size, M}] = process_info(P, [heap_size, min_heap_size]),
    erlang:display({min_heap_option, H >= 1000, M}),
    P ! stop,
    Q = spawn_opt(fun() -> idle_loop(none) end, [{min_heap_size, 5000}]),
    ok = call(Q, {set, build(100)}),
    true = call(Q, gc),
    {heap_size, HQ} = process_info(Q, heap_size),
    erlang:display({min_heap_kept, HQ >= 5000, check(call(Q, stop), 100)}).
