%% ember-mode: otp
%% Back-pressure on gen_tcp senders: a receiver that does not read makes
%% gen_tcp:send wait (the port is busy above high_watermark) and, with
%% send_timeout, answer {error, timeout}; send_timeout_close closes the
%% socket then; a slow reader gets every byte while the sender's queue stays
%% bounded; the watermark and timeout options as getopts reports them.
-module(tcp_backpressure).
-export([main/0]).

-include("test.hrl").
-include("tcp_pair.hrl").

-define(MB, 1048576).

pair(COpts) -> tcp_pair(inet, {127, 0, 0, 1}, [binary], [binary | COpts]).

main() ->
    options(),
    stalled(),
    stalled_close(),
    slow_reader(),
    ok.

options() ->
    {A, C} = pair([]),
    Keys = [high_watermark, low_watermark, send_timeout, send_timeout_close, delay_send],
    ?T(inet:getopts(C, Keys)),
    ?T(inet:setopts(C, [{high_watermark, 65536}, {low_watermark, 1024}, {send_timeout, 300},
                        {send_timeout_close, true}, {delay_send, true}])),
    ?T(inet:getopts(C, Keys)),
    ?T(inet:setopts(C, [{low_watermark, 100000}])),
    ?T(inet:getopts(C, [high_watermark, low_watermark])),
    ?T(inet:setopts(C, [{high_watermark, 10}])),
    ?T(inet:getopts(C, [high_watermark, low_watermark])),
    ?T(inet:setopts(C, [{send_timeout, infinity}])),
    ?T(inet:getopts(C, [send_timeout])),
    ok = gen_tcp:send(C, "still works"),
    ?T(gen_tcp:recv(A, 0, 2000)),
    gen_tcp:close(A), gen_tcp:close(C).

%% Sends Chunk until a send fails or Max have gone.
fill(C, Chunk, N, Max) when N < Max ->
    case gen_tcp:send(C, Chunk) of
        ok -> fill(C, Chunk, N + 1, Max);
        Error -> {Error, N}
    end;
fill(_, _, N, _) -> {done, N}.

stalled() ->
    {A, C} = pair([{send_timeout, 200}]),
    {Result, Sent} = fill(C, binary:copy(<<"s">>, ?MB), 0, 50),
    ?T(Result),
    ?T(Sent < 50),
    {queue_size, Q} = erlang:port_info(C, queue_size),
    ?T(Q > 0 andalso Q < 10 * ?MB),
    %% the data stays queued: each later send waits and times out as well
    ?T(gen_tcp:send(C, <<"more">>)),
    ?T(erlang:port_info(C, queue_size) =:= {queue_size, Q + 4}),
    %% reading drains the queue, and sending works again
    Reader = spawn_link(fun() -> drain(A, 0) end),
    ok = gen_tcp:controlling_process(A, Reader),
    ok = inet:setopts(C, [{send_timeout, infinity}]),
    ?T(gen_tcp:send(C, <<"after">>)),
    gen_tcp:close(C),
    ?T(receive {drained, Bytes} -> Bytes >= (Sent + 1) * ?MB after 10000 -> timeout end).

drain(A, N) ->
    case gen_tcp:recv(A, 0, 5000) of
        {ok, B} -> drain(A, N + byte_size(B));
        {error, _} -> gen_tcp:close(A), receive after 0 -> ok end, whereis_parent() ! {drained, N}
    end.

whereis_parent() -> hd([P || P <- element(2, process_info(self(), links)), is_pid(P)]).

stalled_close() ->
    {A, C} = pair([{send_timeout, 200}, {send_timeout_close, true}]),
    {Result, _} = fill(C, binary:copy(<<"c">>, ?MB), 0, 50),
    ?T(Result),
    ?T(erlang:port_info(C, queue_size)),
    ?T(gen_tcp:send(C, <<"x">>)),
    ?T(gen_tcp:recv(C, 0, 100)),
    ?T(is_list(erlang:port_info(C))),
    gen_tcp:close(A), gen_tcp:close(C).

%% 20 MB to a reader that sleeps between reads: all of it arrives, in
%% order, while the sender's queue never holds more than a few chunks.
slow_reader() ->
    {A, C} = pair([]),
    Self = self(),
    Chunks = [crypto_free_chunk(I) || I <- lists:seq(1, 320)],
    Sender = spawn_link(fun() ->
                                MaxQ = lists:foldl(fun(Ch, Max) ->
                                                           ok = gen_tcp:send(C, Ch),
                                                           {queue_size, Q} = erlang:port_info(C, queue_size),
                                                           max(Q, Max)
                                                   end, 0, Chunks),
                                gen_tcp:shutdown(C, write),
                                Self ! {sent, MaxQ}
                        end),
    ok = gen_tcp:controlling_process(C, Sender),
    {Bytes, Ctx} = slow_read(A, 0, erlang:md5_init()),
    ?T(Bytes),
    ?T(erlang:md5_final(Ctx) =:= erlang:md5(Chunks)),
    ?T(receive {sent, MaxQ} -> MaxQ < 10 * ?MB after 10000 -> timeout end),
    gen_tcp:close(A).

crypto_free_chunk(I) -> binary:copy(<<I:32, (I * 7919):32>>, 8192).

slow_read(A, N, Ctx) ->
    case gen_tcp:recv(A, 0, 5000) of
        {ok, B} ->
            case N div ?MB =/= (N + byte_size(B)) div ?MB of
                true -> timer:sleep(20);
                false -> ok
            end,
            slow_read(A, N + byte_size(B), erlang:md5_update(Ctx, B));
        {error, closed} -> {N, Ctx}
    end.
