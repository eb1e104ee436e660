%% Benchmark: N MB written to a file in 64 KB chunks and read back the same
%% way, through OTP's prim_file (the raw file layer file:open/2 uses).
%% run(N) returns {bytes written, bytes read, chunks read}.
%% bench-otp-libs: erts
-module(file_chunks).
-export([run/1]).

-define(PATH, "bench_file_chunks.tmp").
-define(CHUNK, 65536).

run(N) ->
    Chunk = binary:copy(<<"0123456789abcdef">>, ?CHUNK div 16),
    {ok, W} = prim_file:open(?PATH, [write, binary]),
    write(W, Chunk, N * 16),
    ok = prim_file:close(W),
    {ok, R} = prim_file:open(?PATH, [read, binary]),
    {Bytes, Chunks} = read(R, 0, 0),
    ok = prim_file:close(R),
    ok = prim_file:delete(?PATH),
    {N * 16 * ?CHUNK, Bytes, Chunks}.

write(_, _, 0) -> ok;
write(F, Chunk, K) ->
    ok = prim_file:write(F, Chunk),
    write(F, Chunk, K - 1).

read(F, Bytes, Chunks) ->
    case prim_file:read(F, ?CHUNK) of
        {ok, B} -> read(F, Bytes + byte_size(B), Chunks + 1);
        eof -> {Bytes, Chunks}
    end.
