%% Benchmark: selective receive with a long mailbox. The parent first fills its
%% own mailbox with 10,000 messages it will not match until the end, then does N
%% request/reply exchanges with an echo process; every reply is matched past the
%% unmatched ones. Integer tags (not fresh references) keep the receive a real
%% scan. run(N) returns {sum of replies, number of unmatched messages drained}.
-module(selective_receive).
-export([run/1]).

-define(JUNK, 10000).

run(N) ->
    fill(?JUNK),
    Echo = spawn(fun echo/0),
    Sum = exchange(N, Echo, 0),
    Echo ! stop,
    {Sum, drain(0)}.

fill(0) -> ok;
fill(K) -> self() ! {junk, K}, fill(K - 1).

exchange(0, _, Sum) -> Sum;
exchange(K, Echo, Sum) ->
    Echo ! {self(), K},
    receive {reply, K, V} -> exchange(K - 1, Echo, Sum + V) end.

echo() ->
    receive
        {From, K} -> From ! {reply, K, K rem 7}, echo();
        stop -> ok
    end.

drain(C) ->
    receive {junk, _} -> drain(C + 1)
    after 0 -> C
    end.
