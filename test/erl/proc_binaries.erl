-module(proc_binaries).
-export([main/0]).
-include("test.hrl").

%% Large (off-heap, > 64 bytes) binaries sent between processes arrive intact,
%% sub-binaries of them too, and the memory they hold is given back once the
%% processes holding them have died. Only facts true on both runtimes are
%% printed (sizes and checksums, comparisons with wide margins).

main() ->
    intact(),
    released(),
    memory_items(),
    ok.

bin(N, Seed) -> list_to_binary([(I * 7 + Seed) rem 256 || I <- seq(1, N)]).

seq(A, B) when A > B -> [];
seq(A, B) -> [A | seq(A + 1, B)].

intact() ->
    Me = self(),
    B = bin(100000, 3),
    Sub = binary_part(B, 1000, 500),
    Echo = spawn(fun Loop() ->
                     receive
                         {From, X} -> From ! {echo, X}, Loop();
                         stop -> ok
                     end
                 end),
    [begin Echo ! {Me, X}, receive {echo, Y} -> erlang:display({X =:= Y, erlang:phash2(Y)}) end end
     || X <- [B, Sub, {B, [Sub, B]}, bin(65, 1), bin(64, 2)]],
    %% a chain of processes passing the binary on
    Last = chain(50, Me),
    Last ! {chain, B},
    receive {chain, C} -> erlang:display({chain, C =:= B, byte_size(C)}) end,
    Echo ! stop.

chain(0, Next) -> Next;
chain(N, Next) -> chain(N - 1, spawn(fun() -> receive X -> Next ! X end end)).

released() ->
    erlang:garbage_collect(),
    Before = erlang:memory(binary),
    Me = self(),
    %% 50 processes each holding its own 1 MB binary, then dying
    Pids = [spawn(fun() ->
                      B = bin(1000, I),
                      Big = binary:copy(B, 1000),
                      Me ! {ready, self(), byte_size(Big)},
                      receive stop -> byte_size(Big) end
                  end) || I <- seq(1, 50)],
    Sizes = [receive {ready, P, S} -> S end || P <- Pids],
    erlang:display({sizes, length(Sizes), [S || S <- Sizes, S =/= 1000000]}),
    Held = erlang:memory(binary),
    erlang:display({held_grew, Held - Before > 40000000}),
    Refs = [monitor(process, P) || P <- Pids],
    [P ! stop || P <- Pids],
    [receive {'DOWN', R, process, _, normal} -> ok end || R <- Refs],
    %% a dead process's memory may be given back just after its DOWN message
    erlang:display({released, released(Before + 5000000, 500)}),
    %% a binary sent to a process that dies is released too
    Big2 = binary:copy(bin(1000, 9), 10000),
    {P2, R2} = spawn_monitor(fun() -> receive {b, X} -> byte_size(X) end end),
    P2 ! {b, Big2},
    receive {'DOWN', R2, process, P2, Why} -> erlang:display({down, Why}) end,
    erlang:display({still_here, byte_size(Big2)}).

released(_, 0) -> false;
released(Limit, N) ->
    case erlang:memory(binary) < Limit of
        true -> true;
        false -> receive after 10 -> released(Limit, N - 1) end
    end.

memory_items() ->
    M = erlang:memory(),
    erlang:display([K || {K, _} <- M]),
    erlang:display([K || {K, V} <- M, not (is_integer(V) andalso V >= 0)]),
    {total, T} = lists:keyfind(total, 1, M),
    {processes, P} = lists:keyfind(processes, 1, M),
    {system, S} = lists:keyfind(system, 1, M),
    erlang:display({sum, T =:= P + S}),
    erlang:display(is_integer(erlang:memory(processes_used))),
    erlang:display([K || {K, _} <- erlang:memory([ets, atom, binary])]),
    ?T(erlang:memory(foo)),
    ?T(erlang:memory([total, foo])),
    ?T(erlang:memory("total")),
    ?T(erlang:memory([total | processes])),
    ?T(erlang:memory([foo | bar])),
    ?T(erlang:memory([1])),
    ?T(erlang:memory(1)),
    ?T(erlang:memory([])).
