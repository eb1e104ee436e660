%% ember-mode: otp
%% inet:setopts/getopts on gen_tcp sockets: the driver's own options and the
%% kernel's, defaults, bad values, options an accepted socket inherits, and
%% the names and status a socket reports.
-module(tcp_opts).
-export([main/0]).

-include("test.hrl").

main() ->
    {ok, L} = gen_tcp:listen(0, [{active, false}, {reuseaddr, true}, {backlog, 20}, {nodelay, true}]),
    {ok, P} = inet:port(L),
    {ok, C} = gen_tcp:connect({127, 0, 0, 1}, P, [{active, false}, {keepalive, true}, binary]),
    {ok, A} = gen_tcp:accept(L),
    Opts = [active, mode, header, reuseaddr, nodelay, keepalive, exit_on_close, send_timeout,
            send_timeout_close, delay_send, deliver, packet, packet_size, high_watermark,
            low_watermark, high_msgq_watermark, low_msgq_watermark, show_econnreset, linger,
            priority, tos, buffer],
    [?T({O, inet:getopts(S, [O])}) || S <- [L, C, A], O <- Opts],
    ?T(inet:getopts(A, [line_delimiter])),
    ?T(inet:getopts(A, [read_packets])),
    ?T(inet:getopts(A, [foo])),
    ?T(inet:setopts(A, [{foo, 1}])),
    ?T(inet:setopts(A, [{active, maybe}])),
    ?T(inet:setopts(A, [{mode, text}])),
    ?T(inet:setopts(A, [{header, -1}])),
    Set = [{mode, binary}, {header, 3}, {nodelay, true}, {keepalive, true}, {reuseaddr, true},
           {exit_on_close, false}, {send_timeout, 5000}, {send_timeout_close, true},
           {delay_send, true}, {deliver, term}, {packet, 2}, {packet_size, 1000},
           {high_watermark, 100000}, {low_watermark, 50000}, {show_econnreset, true},
           {linger, {true, 5}}, {buffer, 4000}, {line_delimiter, $;}, {tos, 16}, {priority, 3}],
    [?T({O, inet:setopts(A, [{O, V}]), inet:getopts(A, [O])}) || {O, V} <- Set, O =/= line_delimiter],
    ?T(inet:setopts(A, [{line_delimiter, $;}])),
    ?T(inet:setopts(A, [{low_watermark, 200000}])),
    ?T(inet:getopts(A, [high_watermark, low_watermark])),
    ?T(inet:setopts(A, [{high_watermark, 10}])),
    ?T(inet:getopts(A, [high_watermark, low_watermark])),
    ?T(inet:setopts(A, [{sndbuf, 32768}, {recbuf, 32768}])),
    ?T(inet:getopts(A, [sndbuf, recbuf, buffer]) =:= inet:getopts(A, [sndbuf, recbuf, buffer])),
    ?T(inet:setopts(A, [{packet, raw}, {header, 0}])),
    ?T(inet:getopts(A, [packet, header])),
    ?T(inet:setopts(A, [{send_timeout, infinity}])),
    ?T(inet:getopts(A, [send_timeout])),
    ?T(inet:sockname(L) =:= {ok, {{0, 0, 0, 0}, P}}),
    ?T(inet:port(C) =:= inet:port(C)),
    ?T(inet:peername(L)),
    ?T(element(2, inet:peername(A)) =:= element(2, inet:sockname(C))),
    ?T(prim_inet:getstatus(L)),
    ?T(prim_inet:getstatus(A)),
    ?T(prim_inet:gettype(A)),
    ?T(inet:getstat(A, [send_pend])),
    ok = gen_tcp:send(C, <<"12345">>),
    {ok, _} = gen_tcp:recv(A, 0, 2000),
    ?T(inet:getstat(C, [send_cnt, send_oct])),
    ?T(gen_tcp:close(A)),
    ?T(inet:getopts(A, [active])),
    ?T(inet:setopts(A, [{active, true}])),
    ?T(inet:sockname(A)),
    ?T(inet:port(A)),
    gen_tcp:close(C), gen_tcp:close(L),
    inherit().

inherit() ->
    {ok, L} = gen_tcp:listen(0, [{active, false}, binary, {packet, 1}, {header, 1},
                                 {exit_on_close, false}, {nodelay, true}, {keepalive, true}]),
    {ok, P} = inet:port(L),
    {ok, C} = gen_tcp:connect({127, 0, 0, 1}, P, [{active, false}]),
    {ok, A} = gen_tcp:accept(L),
    ?T(inet:getopts(A, [active, mode, packet, header, exit_on_close, nodelay, keepalive])),
    gen_tcp:close(C), gen_tcp:close(A), gen_tcp:close(L).
