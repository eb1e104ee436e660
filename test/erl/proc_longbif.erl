-module(proc_longbif).
-export([main/0]).
-include("test.hrl").

%% BIFs whose work grows with their input charge reductions for it, so that
%% processes spinning on them (length/1 of a 10,000,000-element list, one per
%% scheduler) do not keep another process from running: a ticker's messages
%% still come in order and in good time. Only the order, and facts true on
%% both runtimes by a wide margin, are printed.

main() ->
    charges(),
    preempted().

reds() ->
    {reductions, R} = process_info(self(), reductions),
    R.

cost(Name, F) ->
    A = reds(),
    _ = ?ID(F()),
    B = reds(),
    erlang:display({Name, B - A > 1000}).

charges() ->
    L = seq(1, 1000000),
    S = seq(1, 1000),
    B = term_to_binary(L),
    cost(length, fun() -> length(L) end),
    cost(reverse, fun() -> lists:reverse(L, []) end),
    cost(plusplus, fun() -> L ++ [x] end),
    cost(minusminus, fun() -> L -- S end),
    cost(term_to_binary, fun() -> term_to_binary(L) end),
    cost(binary_to_term, fun() -> binary_to_term(B) end),
    cost(list_to_binary, fun() -> list_to_binary([B, B]) end),
    cost(binary_to_list, fun() -> binary_to_list(B) end),
    cost(member, fun() -> lists:member(x, L) end),
    cost(keyfind, fun() -> lists:keyfind(x, 1, L) end),
    A = reds(),
    _ = ?ID(length(S)),
    erlang:display({small_length_is_cheap, reds() - A < 1000}).

preempted() ->
    L = build(10000000, []),
    Me = self(),
    N = erlang:system_info(schedulers_online),
    Hogs = [spawn(fun() -> Me ! started, hog(L) end) || _ <- seq(1, N)],
    [receive started -> ok end || _ <- Hogs],
    T0 = erlang:monotonic_time(millisecond),
    {Ticker, TRef} = spawn_monitor(fun() -> tick(Me, 1, 10) end),
    Ticks = [receive {tick, I} -> I after 30000 -> timeout end || _ <- seq(1, 10)],
    T1 = erlang:monotonic_time(millisecond),
    erlang:display(Ticks),
    erlang:display({in_good_time, T1 - T0 < 15000}),
    %% monitor before killing: a monitor made after the exit would say noproc
    Refs = [monitor(process, H) || H <- Hogs],
    [exit(H, kill) || H <- Hogs],
    erlang:display({hogs_killed, [wait_down(R) || R <- Refs] =:= [killed || _ <- Hogs]}),
    receive done -> ok end,
    receive {'DOWN', TRef, process, Ticker, Why} -> erlang:display({ticker_done, Why}) end,
    erlang:display({length, length(L)}).

seq(A, B) when A > B -> [];
seq(A, B) -> [A | seq(A + 1, B)].

build(0, L) -> L;
build(N, L) -> build(N - 1, [N | L]).

hog(L) ->
    case length(L) of
        0 -> done;
        _ -> hog(L)
    end.

tick(To, I, Max) when I > Max -> To ! done;
tick(To, I, Max) ->
    receive after 10 -> ok end,
    To ! {tick, I},
    tick(To, I + 1, Max).

wait_down(Ref) ->
    receive {'DOWN', Ref, process, _, R} -> R end.
