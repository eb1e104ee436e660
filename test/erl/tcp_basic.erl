%% ember-mode: otp
%% gen_tcp over IPv4 loopback in passive mode: listen, accept, connect, send,
%% recv of whatever is there and of exact lengths, recv timeouts, the end of
%% the peer ({error, closed}, then enotconn), econnrefused, sends on closed
%% sockets, several acceptors, accept timeouts, and a listener closed under
%% a waiting acceptor.
-module(tcp_basic).
-export([main/0]).

-include("test.hrl").

main() ->
    {ok, L} = gen_tcp:listen(0, [{active, false}, binary]),
    {ok, P} = inet:port(L),
    Self = self(),
    Client = spawn_link(fun() -> client(P, Self) end),
    {ok, A} = gen_tcp:accept(L),
    ?T(gen_tcp:recv(A, 5)),
    ?T(gen_tcp:recv(A, 3)),
    ?T(gen_tcp:recv(A, 0, 50)),
    Client ! go_send, client_wait(),
    ?T(gen_tcp:recv(A, 10, 2000)),
    ?T(gen_tcp:recv(A, 0, 2000)),
    ?T(gen_tcp:send(A, <<"reply">>)),
    ?T(gen_tcp:send(A, ["deep", [$l, <<"ist">>]])),
    client_next(),
    %% the client closes: recv says closed, then enotconn
    ?T(gen_tcp:recv(A, 0, 2000)),
    ?T(gen_tcp:send(A, "after")),
    ?T(gen_tcp:recv(A, 0, 2000)),
    ?T(gen_tcp:close(A)),
    ?T(gen_tcp:send(A, "closed")),
    ?T(gen_tcp:recv(A, 0)),
    acceptors(L, P),
    accept_timeout(L),
    listener_closed(),
    ?T(gen_tcp:close(L)),
    refused(),
    list_mode(),
    ok.

client(P, Parent) ->
    {ok, C} = gen_tcp:connect({127, 0, 0, 1}, P, [{active, false}, binary]),
    ok = gen_tcp:send(C, <<"hello">>),
    ok = gen_tcp:send(C, "abc"),
    receive go_send -> ok end,
    Parent ! sent,
    ok = gen_tcp:send(C, <<"0123456789">>),
    ok = gen_tcp:send(C, <<"tail">>),
    R1 = gen_tcp:recv(C, 5, 2000),
    R2 = gen_tcp:recv(C, 8, 2000),
    R3 = gen_tcp:recv(C, 1, 10),
    Parent ! {next_done, [R1, R2, R3]},
    receive close -> ok after 0 -> ok end,
    ok = gen_tcp:close(C).

client_wait() -> receive sent -> ok end.
client_next() -> receive {next_done, Rs} -> erlang:display({client_got, Rs}) end.

acceptors(L, P) ->
    Self = self(),
    Pids = [spawn(fun() ->
                      {ok, S} = gen_tcp:accept(L, 5000),
                      {ok, Data} = gen_tcp:recv(S, 0, 5000),
                      Self ! {accepted, self(), Data},
                      gen_tcp:close(S)
                  end) || _ <- [1, 2, 3]],
    timer:sleep(50),
    Cs = [begin
              {ok, C} = gen_tcp:connect({127, 0, 0, 1}, P, [{active, false}]),
              ok = gen_tcp:send(C, integer_to_list(N)),
              C
          end || N <- [1, 2, 3]],
    Got = lists:sort([receive {accepted, Pid, D} -> D end || Pid <- Pids]),
    erlang:display({acceptors, Got}),
    [gen_tcp:close(C) || C <- Cs].

accept_timeout(L) ->
    ?T(gen_tcp:accept(L, 30)),
    ?T(gen_tcp:accept(L, 0)).

listener_closed() ->
    {ok, L} = gen_tcp:listen(0, [{active, false}]),
    Self = self(),
    spawn(fun() -> Self ! {acc, gen_tcp:accept(L)} end),
    timer:sleep(50),
    gen_tcp:close(L),
    receive {acc, R} -> erlang:display({closed_listener, R}) end.

refused() ->
    {ok, L} = gen_tcp:listen(0, []),
    {ok, P} = inet:port(L),
    gen_tcp:close(L),
    ?T(gen_tcp:connect({127, 0, 0, 1}, P, [])),
    ?T(gen_tcp:connect({127, 0, 0, 1}, P, [], 1000)).

list_mode() ->
    {ok, L} = gen_tcp:listen(0, [{active, false}]),
    {ok, P} = inet:port(L),
    {ok, C} = gen_tcp:connect("localhost", P, [{active, false}, binary]),
    {ok, A} = gen_tcp:accept(L),
    ok = gen_tcp:send(C, <<"list mode">>),
    ?T(gen_tcp:recv(A, 4)),
    ?T(gen_tcp:recv(A, 0)),
    Big = binary:copy(<<"0123456789abcdef">>, 20000),
    ok = gen_tcp:send(A, Big),
    ?T(byte_size(recv_all(C, byte_size(Big), <<>>)) =:= byte_size(Big)),
    ?T(gen_tcp:recv(C, 0, 20)),
    ?T({inet:sockname(A) =:= inet:peername(C), inet:peername(A) =:= inet:sockname(C)}),
    ?T(element(1, element(2, inet:sockname(A)))),
    gen_tcp:close(C), gen_tcp:close(A), gen_tcp:close(L).

recv_all(_, 0, Acc) -> Acc;
recv_all(S, N, Acc) ->
    {ok, B} = gen_tcp:recv(S, 0, 5000),
    recv_all(S, N - byte_size(B), <<Acc/binary, B/binary>>).
