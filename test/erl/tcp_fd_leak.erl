%% ember-mode: otp
%% 10,000 connect/accept/close cycles (closed from either side, sometimes
%% with data in flight, sometimes with a reset) must leave no descriptor
%% behind: the count of /proc/self/fd before and after, with a small slack
%% for descriptors the runtime opens lazily, and no crash.
-module(tcp_fd_leak).
-export([main/0]).

-include("test.hrl").
-include("fd_count.hrl").

-define(CYCLES, 10000).

main() ->
    {ok, L} = gen_tcp:listen(0, [binary, {active, false}, {backlog, 128}]),
    {ok, Port} = inet:port(L),
    cycles(L, Port, 10), % warm up, so that lazily opened descriptors count in Before
    Before = settled(fds(), 20),
    R = cycles(L, Port, ?CYCLES),
    ?T(R),
    %% refused connections cost nothing either
    {ok, Dead} = gen_tcp:listen(0, []),
    {ok, DeadPort} = inet:port(Dead),
    gen_tcp:close(Dead),
    ?T(lists:usort([gen_tcp:connect({127, 0, 0, 1}, DeadPort, []) || _ <- lists:seq(1, 200)])),
    gen_tcp:close(L),
    After = wait_fds(Before, 50),
    ?T(After - Before =< 2),
    ?T(After - Before >= -2),
    ok.

%% Closed sockets may take a moment to go; wait for the count to settle.
wait_fds(_, 0) -> fds();
wait_fds(Before, N) ->
    case fds() of
        F when F - Before =< 2 -> F;
        _ -> timer:sleep(20), wait_fds(Before, N - 1)
    end.

cycles(L, Port, N) -> cycles(L, Port, N, 0).

cycles(_, _, 0, Ok) -> {ok, Ok};
cycles(L, Port, N, Ok) ->
    {ok, C} = gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, false}]),
    {ok, A} = gen_tcp:accept(L),
    case N rem 4 of
        0 -> gen_tcp:close(C), gen_tcp:close(A);
        1 -> gen_tcp:close(A), gen_tcp:close(C);
        2 -> ok = gen_tcp:send(C, <<"in flight">>), gen_tcp:close(C), gen_tcp:close(A);
        3 -> ok = inet:setopts(C, [{linger, {true, 0}}]), gen_tcp:close(C),
             {error, _} = gen_tcp:recv(A, 0, 1000), gen_tcp:close(A)
    end,
    cycles(L, Port, N - 1, Ok + 1).
