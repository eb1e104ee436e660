%% Benchmark: io_lib:format/2 (stdlib) with mixed directives — ~p of nested
%% terms, ~w, ~s, ~b, ~.Nf and field widths — N times, the text flattened to a
%% binary each time. Measures OTP's formatting code (io_lib_format,
%% io_lib_pretty) running on the runtime. run(N) returns {total bytes, a hash
%% of every text} as checksum.
-module(io_format).
-export([run/1]).

run(N) -> loop(N, 0, 0).

loop(0, Bytes, Hash) -> {Bytes, Hash};
loop(K, Bytes, Hash) ->
    Text = iolist_to_binary(format(K)),
    loop(K - 1, Bytes + byte_size(Text), erlang:phash2(Text, 16#7FFFFFF) bxor (Hash * 31 band 16#7FFFFFF)).

format(K) ->
    case K rem 4 of
        0 -> io_lib:format("~p: ~w ~s~n", [{K, [a, "str", <<"bin">>]}, K * 7, "name"]);
        1 -> io_lib:format("~b ~8.16.0b ~.3f ~s~n", [K, K band 16#FFFF, K / 7, atom_to_list(ok)]);
        2 -> io_lib:format("~p ~10s|~-6w|~n", [#{k => K, l => [1.5, K]}, "right", K rem 1000]);
        3 -> io_lib:format("~w ~e ~c~p~n", [[K, K + 1, {x, K}], K * 1.25, $A + K rem 26, "quoted"])
    end.
