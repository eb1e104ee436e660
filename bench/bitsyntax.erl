%% Benchmark: bit syntax. Builds N variable-length records
%% <<Id:32, Tag:8, Len:16, Value:Len/unit:8, Flags:3, Pad:5>> into one binary by
%% appending, then parses them back with a binary match context. run(N) returns
%% {byte size, sum of all fields} as checksum.
-module(bitsyntax).
-export([run/1]).

run(N) ->
    Bin = build(1, N, <<>>),
    {byte_size(Bin), parse(Bin, 0)}.

build(I, N, Acc) when I > N -> Acc;
build(I, N, Acc) ->
    Len = I rem 7,
    Value = (I * 2654435761) band ((1 bsl (Len * 8)) - 1),
    build(I + 1, N, <<Acc/binary, I:32, (I band 255):8, Len:16, Value:Len/unit:8,
                      (I band 7):3, 0:5>>).

parse(<<>>, Sum) -> Sum;
parse(<<Id:32, Tag:8, Len:16, Value:Len/unit:8, Flags:3, _:5, Rest/binary>>, Sum) ->
    parse(Rest, (Sum + Id + Tag + Len + Value + Flags) band 16#FFFFFFFFFFF).
