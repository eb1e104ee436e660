%% ember-mode: otp
%% 1,000 concurrent connections to one listener: a pool of acceptors hands
%% each connection to its own echo process, every client sends a distinct
%% message and must get exactly that message back while all connections are
%% open at once.
-module(tcp_many).
-export([main/0]).

-include("test.hrl").

-define(N, 1000).

main() ->
    {ok, L} = gen_tcp:listen(0, [binary, {active, false}, {packet, 2}, {backlog, 1024}, {reuseaddr, true}]),
    {ok, Port} = inet:port(L),
    Self = self(),
    [spawn_link(fun() -> acceptor(L) end) || _ <- lists:seq(1, 8)],
    Clients = [spawn_link(fun() -> client(Self, Port, I) end) || I <- lists:seq(1, ?N)],
    Connected = collect(connected, ?N, []),
    ?T(length(Connected)),
    %% every connection is open now; let them all talk
    [C ! go || C <- Clients],
    Results = collect(echoed, ?N, []),
    ?T(length(Results)),
    ?T(lists:usort([R || {_, R} <- Results])),
    ?T(lists:sort([I || {I, _} <- Results]) =:= lists:seq(1, ?N)),
    [C ! done || C <- Clients],
    ?T(length(collect(closed, ?N, []))),
    gen_tcp:close(L),
    ok.

collect(_, 0, Acc) -> Acc;
collect(Tag, N, Acc) ->
    receive {Tag, X} -> collect(Tag, N - 1, [X | Acc])
    after 20000 -> [{timeout, Tag, N} | Acc]
    end.

acceptor(L) ->
    case gen_tcp:accept(L) of
        {ok, S} ->
            Pid = spawn(fun() -> receive go -> echo(S) end end),
            ok = gen_tcp:controlling_process(S, Pid),
            Pid ! go,
            acceptor(L);
        {error, closed} -> ok
    end.

echo(S) ->
    case gen_tcp:recv(S, 0) of
        {ok, B} -> ok = gen_tcp:send(S, B), echo(S);
        {error, closed} -> gen_tcp:close(S)
    end.

client(Parent, Port, I) ->
    {ok, S} = gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, false}, {packet, 2}], 20000),
    Parent ! {connected, I},
    receive go -> ok end,
    Msg = <<"message number ", (integer_to_binary(I))/binary, " ", (binary:copy(<<I:16>>, I rem 50))/binary>>,
    ok = gen_tcp:send(S, Msg),
    R = case gen_tcp:recv(S, 0, 20000) of
            {ok, Msg} -> same;
            {ok, _} -> different;
            Error -> Error
        end,
    Parent ! {echoed, {I, R}},
    receive done -> ok end,
    ok = gen_tcp:close(S),
    Parent ! {closed, I}.
