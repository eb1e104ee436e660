%% A gigabyte through prim_file in bounded memory: 1 GB read from /dev/zero
%% and 1 GB written to /dev/null in 64 KB chunks, each chunk a fresh binary,
%% with the memory held by binaries sampled as it goes. Displays the byte counts
%% and whether it stayed under 64 MB above where it started.
%% ember-otp-libs: erts stdlib
-module(file_large).
-export([main/0]).
-include("test.hrl").

-define(CHUNK, 65536).
-define(CHUNKS, 16384). % 1 GB
-define(BOUND, 64 * 1024 * 1024).

main() ->
    Base = erlang:memory(binary),
    {ok, In} = prim_file:open("/dev/zero", [read, binary]),
    {Read, MaxR} = read(In, ?CHUNKS, 0, Base),
    ok = prim_file:close(In),
    erlang:display({read, Read, MaxR - Base < ?BOUND}),
    {ok, Out} = prim_file:open("/dev/null", [write, binary]),
    {Written, MaxW} = write(Out, ?CHUNKS, 0, Base),
    ok = prim_file:close(Out),
    erlang:display({written, Written, MaxW - Base < ?BOUND}).

read(_, 0, Bytes, Max) -> {Bytes, Max};
read(F, K, Bytes, Max) ->
    {ok, B} = prim_file:read(F, ?CHUNK),
    read(F, K - 1, Bytes + byte_size(B), sample(K, Max)).

write(_, 0, Bytes, Max) -> {Bytes, Max};
write(F, K, Bytes, Max) ->
    Chunk = <<K:32, 0:((?CHUNK - 4) * 8)>>,
    ok = prim_file:write(F, Chunk),
    write(F, K - 1, Bytes + byte_size(Chunk), sample(K, Max)).

sample(K, Max) when K rem 512 =:= 0 -> max(Max, erlang:memory(binary));
sample(_, Max) -> Max.
