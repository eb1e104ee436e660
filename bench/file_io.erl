%% Benchmark: file I/O. Writes N lines of text to a file in the current
%% directory through a file opened in raw binary mode, reads the file back whole
%% and line by line, then deletes it. run(N) returns {bytes written, lines read,
%% sum of line lengths} as checksum.
-module(file_io).
-export([run/1]).

-define(PATH, "bench_file_io.tmp").

run(N) ->
    {ok, W} = file:open(?PATH, [write, raw, binary]),
    write(W, N),
    ok = file:close(W),
    {ok, Whole} = file:read_file(?PATH),
    {ok, R} = file:open(?PATH, [read, raw, binary, read_ahead]),
    {Lines, Len} = read(R, 0, 0),
    ok = file:close(R),
    ok = file:delete(?PATH),
    {byte_size(Whole), Lines, Len}.

write(_, 0) -> ok;
write(F, K) ->
    ok = file:write(F, [<<"line ">>, integer_to_binary(K), <<" of the benchmark\n">>]),
    write(F, K - 1).

read(F, Lines, Len) ->
    case file:read_line(F) of
        {ok, L} -> read(F, Lines + 1, Len + byte_size(L));
        eof -> {Lines, Len}
    end.
