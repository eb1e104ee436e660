%% Benchmark: appending to a binary one byte at a time, N MiB in all. OTP's
%% writable binaries make each append amortised O(1), so time grows linearly
%% with N. run(N) returns {byte size, sum of every 4096th byte} as checksum.
-module(bin_append).
-export([run/1]).

run(N) ->
    Bin = app(<<>>, 0, N * 1024 * 1024),
    {byte_size(Bin), sum(Bin, 0)}.

app(Acc, N, N) -> Acc;
app(Acc, I, N) -> app(<<Acc/binary, (I band 255)>>, I + 1, N).

sum(<<X, _:4095/binary, Rest/binary>>, S) -> sum(Rest, S + X);
sum(_, S) -> S.
