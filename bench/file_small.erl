%% Benchmark: N small files written, read back whole with read_file, listed
%% and deleted, through OTP's prim_file. run(N) returns {files listed, bytes
%% read}.
%% bench-otp-libs: erts
-module(file_small).
-export([run/1]).

-define(DIR, "bench_file_small.tmp").

run(N) ->
    ok = prim_file:make_dir(?DIR),
    write(N),
    Bytes = read(N, 0),
    {ok, Names} = prim_file:list_dir(?DIR),
    delete(N),
    ok = prim_file:del_dir(?DIR),
    {length(Names), Bytes}.

name(K) -> ?DIR ++ "/f" ++ integer_to_list(K).

write(0) -> ok;
write(K) ->
    ok = prim_file:write_file(name(K), [<<"file number ">>, integer_to_binary(K), $\n]),
    write(K - 1).

read(0, Acc) -> Acc;
read(K, Acc) ->
    {ok, B} = prim_file:read_file(name(K)),
    read(K - 1, Acc + byte_size(B)).

delete(0) -> ok;
delete(K) ->
    ok = prim_file:delete(name(K)),
    delete(K - 1).
