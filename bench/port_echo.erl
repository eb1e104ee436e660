%% Benchmark: N round trips through a spawned `cat` port with {packet, 4}
%% framing: each message goes out and comes back before the next is sent.
%% run(N) returns {round trips, bytes echoed}.
-module(port_echo).
-export([run/1]).

run(N) ->
    Port = open_port({spawn, "cat"}, [binary, {packet, 4}]),
    Msg = binary:copy(<<"ping">>, 16),
    Bytes = loop(Port, Msg, N, 0),
    true = port_close(Port),
    {N, Bytes}.

loop(_, _, 0, Bytes) -> Bytes;
loop(Port, Msg, K, Bytes) ->
    true = port_command(Port, Msg),
    receive
        {Port, {data, Back}} -> loop(Port, Msg, K - 1, Bytes + byte_size(Back))
    end.
