-module(proc_ring).
-export([main/0]).

%% A ring of 10,000 processes passes a token around several times.
main() ->
    N = 10000,
    Self = self(),
    First = spawn(fun() -> first(Self) end),
    Last = build(N - 1, First),
    First ! {next, Last},
    First ! {token, 0, 3},
    receive {ring_done, Hops} -> erlang:display({hops, Hops}) end,
    erlang:display(erlang:system_info(process_count) >= N),
    First ! stop,
    receive {stopped, Count} -> erlang:display({stopped, Count}) end,
    ok.

build(0, Next) -> Next;
build(K, Next) -> build(K - 1, spawn(fun() -> node_loop(Next) end)).

node_loop(Next) ->
    receive
        {token, H, R} -> Next ! {token, H + 1, R}, node_loop(Next);
        stop -> Next ! stop
    end.

first(Parent) ->
    receive {next, Next} -> first(Parent, Next) end.

first(Parent, Next) ->
    receive
        {token, H, 0} -> Parent ! {ring_done, H}, first(Parent, Next);
        {token, H, R} -> Next ! {token, H + 1, R - 1}, first(Parent, Next);
        stop -> Next ! stop, receive stop -> Parent ! {stopped, counted} end
    end.
