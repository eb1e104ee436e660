%% ember-mode: otp
%% A send on a socket shut down for writing: it answers {error, closed} and
%% the descriptor is closed (the process's descriptor count drops by one);
%% afterwards a passive socket answers enotconn to sends, closed to the next
%% recv, enotconn and ebadf to peername and sockname, and {tcp_closed, S}
%% when made active (the port then ends); an active socket tells its owner
%% {tcp_closed, S} and ends. The peer sees the connection end. A passive
%% socket whose peer closed is closed the same way (exit_on_close).
-module(tcp_shutdown_send).
-export([main/0]).

-include("test.hrl").
-include("tcp_pair.hrl").
-include("fd_count.hrl").

pair() -> tcp_pair(inet, {127, 0, 0, 1}, [binary], [binary]).

settled() -> settled(fds(), 20).

main() ->
    passive(),
    passive_after_recv(),
    active(),
    peer_view(),
    peer_closed(),
    ok.

passive() ->
    {A, C} = pair(),
    F0 = settled(),
    ?T(gen_tcp:shutdown(C, write)),
    ?T(gen_tcp:send(C, <<"x">>)),
    ?T(settled() - F0),
    ?T(gen_tcp:send(C, <<"y">>)),
    ?T(gen_tcp:recv(C, 0, 100)),
    ?T(gen_tcp:recv(C, 0, 100)),
    ?T(inet:peername(C)),
    ?T(inet:sockname(C)),
    ?T(inet:getopts(C, [active])),
    ?T(inet:getopts(C, [recbuf, active, linger, packet])),
    ?T(gen_tcp:recv(A, 0, 1000)),
    ?T(gen_tcp:send(A, <<"z">>)),
    ?T(inet:setopts(C, [{active, once}])),
    receive M -> ?T(element(1, M)) after 1000 -> ?T(nomsg) end,
    ?T(erlang:port_info(C, connected) =:= undefined),
    ?T(gen_tcp:recv(C, 0, 100)),
    ?T(gen_tcp:shutdown(C, read)),
    ?T(gen_tcp:close(C)),
    gen_tcp:close(A),
    ?T(settled() - F0).

%% The socket waited in a recv (so the poller watched it) before the shutdown.
passive_after_recv() ->
    {A, C} = pair(),
    ?T(gen_tcp:recv(C, 0, 50)),
    ok = gen_tcp:send(A, <<"hi">>),
    ?T(gen_tcp:recv(C, 0, 1000)),
    F0 = settled(),
    ?T(gen_tcp:shutdown(C, write)),
    ?T(gen_tcp:recv(A, 0, 1000)),
    ?T(gen_tcp:send(C, <<"x">>)),
    ?T(settled() - F0),
    ?T(gen_tcp:send(C, <<"y">>)),
    ?T(gen_tcp:recv(C, 0, 100)),
    gen_tcp:close(C), gen_tcp:close(A),
    ?T(settled() - F0).

active() ->
    process_flag(trap_exit, true),
    {A, C} = pair(),
    ok = inet:setopts(C, [{active, true}]),
    F0 = settled(),
    ?T(gen_tcp:shutdown(C, write)),
    ?T(gen_tcp:send(C, <<"x">>)),
    receive M -> ?T(element(1, M)) after 1000 -> ?T(nomsg) end,
    ?T(erlang:port_info(C, connected) =:= undefined),
    ?T(settled() - F0),
    ?T(gen_tcp:send(C, <<"y">>)),
    ?T(gen_tcp:recv(A, 0, 1000)),
    receive M2 -> ?T(M2) after 100 -> ?T(nomsg) end,
    ?T(gen_tcp:close(C)),
    gen_tcp:close(A),
    process_flag(trap_exit, false).

peer_view() ->
    {A, C} = pair(),
    ok = gen_tcp:send(C, <<"before">>),
    ?T(gen_tcp:shutdown(C, write)),
    ?T(gen_tcp:send(C, <<"after">>)),
    ?T(gen_tcp:recv(A, 0, 1000)),
    ?T(gen_tcp:recv(A, 0, 1000)),
    ?T(gen_tcp:send(A, <<"back">>)),
    timer:sleep(50),
    ?T(gen_tcp:recv(A, 0, 100)),
    ?T(gen_tcp:recv(C, 0, 100)),
    gen_tcp:close(A), gen_tcp:close(C).

peer_closed() ->
    {A, C} = pair(),
    F0 = settled(),
    gen_tcp:close(C),
    ?T(gen_tcp:recv(A, 0, 1000)),
    ?T(settled() - F0),
    ?T(inet:peername(A)),
    ?T(inet:sockname(A)),
    ?T(gen_tcp:send(A, <<"x">>)),
    ?T(gen_tcp:recv(A, 0, 100)),
    ?T(gen_tcp:shutdown(A, write)),
    ?T(inet:getopts(A, [active, recbuf])),
    ?T(inet:setopts(A, [{active, once}])),
    receive M -> ?T(element(1, M)) after 1000 -> ?T(nomsg) end,
    ?T(erlang:port_info(A, connected) =:= undefined).
