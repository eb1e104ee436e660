%% ember-mode: otp
%% Active modes of gen_tcp sockets: {active, true | once | N | false}, the
%% {tcp, S, Data}, {tcp_closed, S} and {tcp_passive, S} messages, switching
%% modes with buffered input, gen_tcp:controlling_process, Port ! {Pid,
%% {command, Data}}, gen_tcp:shutdown, exit_on_close, and owners that die.
-module(tcp_active).
-export([main/0]).

-include("test.hrl").
-include("tcp_pair.hrl").

pair(LOpts, COpts) -> tcp_pair(inet, {127, 0, 0, 1}, LOpts, COpts).

%% a message from S, with the socket shown as 'S'
msg(S) ->
    receive
        {tcp, S, D} -> {tcp, 'S', D};
        {tcp_closed, S} -> {tcp_closed, 'S'};
        {tcp_passive, S} -> {tcp_passive, 'S'};
        {tcp_error, S, R} -> {tcp_error, 'S', R}
    after 2000 -> no_message
    end.

none(S) ->
    receive
        {tcp, S, D} -> {unexpected, D};
        {tcp_closed, S} -> unexpected_closed;
        {tcp_passive, S} -> unexpected_passive
    after 50 -> none
    end.

main() ->
    active_true(),
    active_once(),
    active_n(),
    buffered_then_active(),
    controlling(),
    port_command(),
    shutdown(),
    no_exit_on_close(),
    owner_dies(),
    ok.

%% one send at a time, each seen before the next, so chunks are the sends
sync_send(C, A, D) ->
    ok = gen_tcp:send(C, D),
    msg(A).

active_true() ->
    {A, C} = pair([binary], []),
    ?T(inet:setopts(A, [{active, true}])),
    ?T(sync_send(C, A, "one")),
    ?T(sync_send(C, A, "two")),
    ?T(inet:getopts(A, [active])),
    gen_tcp:close(C),
    ?T(msg(A)),
    ?T(none(A)),
    ?T(gen_tcp:send(A, "x")),
    ?T(erlang:port_info(A, connected) =:= undefined),
    gen_tcp:close(A).

active_once() ->
    {A, C} = pair([], [binary]),
    ?T(inet:setopts(A, [{active, once}])),
    ?T(sync_send(C, A, "first")),
    ?T(inet:getopts(A, [active])),
    ok = gen_tcp:send(C, "second"),
    ?T(none(A)),
    ?T(inet:setopts(A, [{active, once}])),
    ?T(msg(A)),
    ?T(gen_tcp:send(A, "back")),
    ?T(gen_tcp:recv(C, 0, 2000)),
    gen_tcp:close(A), gen_tcp:close(C).

active_n() ->
    {A, C} = pair([binary], []),
    ?T(inet:setopts(A, [{active, 2}])),
    ?T(inet:getopts(A, [active])),
    ?T(sync_send(C, A, "a")),
    ?T(inet:getopts(A, [active])),
    ?T(sync_send(C, A, "b")),
    ?T(msg(A)),
    ?T(inet:getopts(A, [active])),
    ok = gen_tcp:send(C, "c"),
    ?T(none(A)),
    ?T(inet:setopts(A, [{active, 1}])),
    ?T(msg(A)),
    ?T(msg(A)),
    ?T(inet:setopts(A, [{active, 5}, {active, -3}])),
    ?T(inet:getopts(A, [active])),
    ?T(inet:setopts(A, [{active, -10}])),
    ?T(msg(A)),
    ?T(inet:getopts(A, [active])),
    ?T(inet:setopts(A, [{active, 32767}])),
    ?T(inet:setopts(A, [{active, 1}])),
    ?T(inet:getopts(A, [active])),
    ?T(inet:setopts(A, [{active, 0}])),
    ?T(msg(A)),
    gen_tcp:close(A), gen_tcp:close(C).

buffered_then_active() ->
    {A, C} = pair([binary], []),
    ok = gen_tcp:send(C, "abcdef"),
    ?T(gen_tcp:recv(A, 2, 2000)),
    ?T(gen_tcp:unrecv(A, <<"XY">>)),
    ?T(gen_tcp:recv(A, 3, 2000)),
    ?T(inet:setopts(A, [{active, once}])),
    ?T(msg(A)),
    ?T(inet:setopts(A, [list, {active, true}])),
    ?T(sync_send(C, A, "in list mode")),
    ?T(inet:setopts(A, [{mode, binary}, {header, 2}])),
    ?T(sync_send(C, A, "header")),
    gen_tcp:close(A), gen_tcp:close(C).

controlling() ->
    {A, C} = pair([binary], []),
    ok = inet:setopts(A, [{active, true}]),
    Self = self(),
    ok = gen_tcp:send(C, "before"),
    timer:sleep(50),
    New = spawn(fun() ->
                    receive go -> ok end,
                    R1 = msg(A),
                    ok = gen_tcp:send(C, "after"),
                    R2 = msg(A),
                    Self ! {new_owner, R1, R2, erlang:port_info(A, connected) =:= {connected, self()}}
                end),
    ?T(gen_tcp:controlling_process(A, New)),
    ?T(gen_tcp:controlling_process(A, self())),
    New ! go,
    receive {new_owner, R1, R2, Owner} -> erlang:display({R1, R2, Owner}) end,
    Other = spawn(fun() -> receive _ -> ok end end),
    ?T(gen_tcp:controlling_process(C, self())),
    ?T(gen_tcp:controlling_process(C, Other)),
    Other ! stop,
    gen_tcp:close(A), gen_tcp:close(C).

port_command() ->
    {A, C} = pair([binary], []),
    C ! {self(), {command, <<"via message">>}},
    ?T(receive {inet_reply, C, St} -> St after 2000 -> none end),
    ?T(gen_tcp:recv(A, 0, 2000)),
    ?T(erlang:port_command(C, "direct")),
    ?T(receive {inet_reply, C, St2} -> St2 after 2000 -> none end),
    ?T(gen_tcp:recv(A, 0, 2000)),
    gen_tcp:close(A), gen_tcp:close(C).

shutdown() ->
    {A, C} = pair([binary], [binary]),
    ok = gen_tcp:send(C, "last words"),
    ?T(gen_tcp:shutdown(C, write)),
    ?T(gen_tcp:recv(A, 0, 2000)),
    ?T(gen_tcp:recv(A, 0, 2000)),
    ?T(gen_tcp:send(C, "more")),
    ?T(gen_tcp:send(A, "still open")),
    ?T(gen_tcp:recv(C, 0, 2000)),
    ?T(gen_tcp:shutdown(A, read_write)),
    ?T(gen_tcp:recv(C, 0, 2000)),
    gen_tcp:close(A), gen_tcp:close(C).

no_exit_on_close() ->
    {A, C} = pair([binary, {exit_on_close, false}], []),
    ?T(inet:getopts(A, [exit_on_close])),
    ok = inet:setopts(A, [{active, true}]),
    gen_tcp:close(C),
    ?T(msg(A)),
    ?T(gen_tcp:send(A, "x")),
    ?T(is_port(A) andalso erlang:port_info(A, connected) =/= undefined),
    ?T(gen_tcp:close(A)).

owner_dies() ->
    Self = self(),
    {ok, L} = gen_tcp:listen(0, [{active, false}]),
    {ok, P} = inet:port(L),
    Pid = spawn(fun() ->
                    {ok, C} = gen_tcp:connect({127, 0, 0, 1}, P, [{active, false}]),
                    Self ! {sock, C},
                    receive die -> ok end
                end),
    {ok, A} = gen_tcp:accept(L),
    C = receive {sock, S} -> S end,
    Pid ! die,
    timer:sleep(100),
    ?T(erlang:port_info(C, connected)),
    ?T(gen_tcp:recv(A, 0, 2000)),
    gen_tcp:close(A), gen_tcp:close(L).
