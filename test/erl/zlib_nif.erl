%% OTP 25's zlib module over Ember's zlib NIFs: one-shot compress/gzip/zip
%% and back, streaming deflate and inflate with every flush mode, parameters
%% and dictionaries, resets, inflateChunk and safeInflate, the deprecated
%% checksums of a stream, the controlling process, and the errors zlib.erl and
%% its NIFs raise. Also erlang:crc32/adler32 (with combine) and md5.
%% ember-otp-libs: erts stdlib
-module(zlib_nif).
-export([main/0]).
-include("test.hrl").
-compile(nowarn_deprecated_function).

main() ->
    one_shot(),
    streaming(),
    params_and_dictionaries(),
    resets_and_chunks(),
    stream_checksums(),
    controller(),
    errors(),
    checksums(),
    md5(),
    ok.

%% The value, or the class and reason of the exception, without the trace.
reason(F) -> try F() catch C:R -> {C, R} end.

%% Text that compresses, and bytes that do not (a fixed pseudo-random walk).
text(N) -> iolist_to_binary(lists:duplicate(N, "the quick brown fox jumps over the lazy dog\n")).
noise(N) -> noise(N, 12345, []).
noise(0, _, Acc) -> list_to_binary(Acc);
noise(N, S, Acc) -> S1 = (S * 1103515245 + 12345) band 16#7fffffff, noise(N - 1, S1, [(S1 bsr 16) band 255 | Acc]).

one_shot() ->
    T = text(2000),
    N = noise(100000),
    [begin
         C = zlib:compress(D), G = zlib:gzip(D), Z = zlib:zip(D),
         erlang:display({one_shot, iolist_size(D), byte_size(C), byte_size(G), byte_size(Z),
                         zlib:uncompress(C) =:= iolist_to_binary(D), zlib:gunzip(G) =:= iolist_to_binary(D), zlib:unzip(Z) =:= iolist_to_binary(D),
                         erlang:crc32(C), erlang:crc32(G), erlang:crc32(Z)})
     end || D <- [<<>>, <<"a">>, T, N, [T, [<<"x">> | "yz"], N]]],
    %% iodata in, and gunzip of two concatenated members
    erlang:display({iodata, zlib:uncompress([zlib:compress("abc")]), zlib:gunzip([zlib:gzip("ab"), zlib:gzip("cd")])}),
    ?T(zlib:uncompress(<<1, 2, 3>>)),
    ?T(zlib:uncompress(<<"not compressed at all">>)),
    ?T(zlib:gunzip(<<"not gzip either, no">>)),
    ?T(zlib:unzip(<<255, 255, 255, 255>>)),
    ?T(zlib:uncompress(foo)),
    ?T(zlib:compress(foo)),
    ?T(zlib:compress([1 | 2])),
    ?T(zlib:uncompress(binary:part(zlib:compress(T), 0, 20))),
    ok.

deflate_with(Data, Flushes, Level, Bits, Mem, Strategy) ->
    Z = zlib:open(),
    ok = zlib:deflateInit(Z, Level, deflated, Bits, Mem, Strategy),
    Out = [zlib:deflate(Z, Data, F) || F <- Flushes],
    Last = zlib:deflate(Z, [], finish),
    ok = zlib:deflateEnd(Z),
    ok = zlib:close(Z),
    iolist_to_binary([Out, Last]).

inflate_with(Data, Bits) ->
    Z = zlib:open(),
    ok = zlib:inflateInit(Z, Bits),
    Out = zlib:inflate(Z, Data),
    ok = zlib:inflateEnd(Z),
    zlib:close(Z),
    iolist_to_binary(Out).

streaming() ->
    T = text(3000),
    N = noise(50000),
    D = <<T/binary, N/binary>>,
    [begin
         C = deflate_with(D, Fl, Lv, Bits, Mem, St),
         erlang:display({deflate, Fl, Lv, Bits, Mem, St, byte_size(C), erlang:adler32(C),
                         inflate_with(C, Bits) =:= D})
     end || {Fl, Lv, Bits, Mem, St} <-
                [{[none], default, 15, 8, default},
                 {[sync], best_speed, 15, 8, default},
                 {[full, none], best_compression, 15, 9, filtered},
                 {[none, sync], none, 15, 8, default},
                 {[none], 6, -15, 8, huffman_only},
                 {[none], 3, 31, 4, rle},
                 {[finish], 9, 9, 1, default},
                 {[none], 1, 12, 8, default}]],
    %% the shape of the output: a list of 8 KB chunks
    Z = zlib:open(),
    ok = zlib:deflateInit(Z, none),
    Out = zlib:deflate(Z, N, finish),
    erlang:display({shape, length(lists:flatten(Out)), [byte_size(B) || B <- lists:flatten(Out)]}),
    ok = zlib:deflateEnd(Z),
    %% deflate in small pieces, inflate in small pieces
    ok = zlib:deflateInit(Z),
    Pieces = [zlib:deflate(Z, binary:part(D, I, min(1000, byte_size(D) - I))) || I <- lists:seq(0, byte_size(D) - 1, 1000)],
    C = iolist_to_binary([Pieces, zlib:deflate(Z, <<>>, finish)]),
    ok = zlib:deflateEnd(Z),
    ok = zlib:inflateInit(Z),
    Back = [zlib:inflate(Z, binary:part(C, I, min(333, byte_size(C) - I))) || I <- lists:seq(0, byte_size(C) - 1, 333)],
    ok = zlib:inflateEnd(Z),
    erlang:display({pieces, byte_size(C), iolist_to_binary(Back) =:= D}),
    %% gzip windows and the end-of-stream behaviours
    G = [zlib:gzip("first "), zlib:gzip("second")],
    [begin
         ok = zlib:inflateInit(Z, 31, Eos),
         R = reason(fun() -> iolist_to_binary(zlib:inflate(Z, G)) end),
         erlang:display({eos, Eos, R}),
         catch zlib:inflateEnd(Z)
     end || Eos <- [cut, reset, error]],
    zlib:close(Z),
    ok.

params_and_dictionaries() ->
    T = text(500),
    Z = zlib:open(),
    ok = zlib:deflateInit(Z, best_speed),
    A = zlib:deflate(Z, T),
    ok = zlib:deflateParams(Z, best_compression, filtered),
    B = zlib:deflate(Z, T, finish),
    ok = zlib:deflateEnd(Z),
    C = iolist_to_binary([A, B]),
    erlang:display({params, byte_size(C), zlib:uncompress(C) =:= <<T/binary, T/binary>>}),
    Dict = <<"the quick brown fox jumps over the lazy dog">>,
    ok = zlib:deflateInit(Z),
    Id = zlib:deflateSetDictionary(Z, Dict),
    DC = iolist_to_binary(zlib:deflate(Z, T, finish)),
    ok = zlib:deflateEnd(Z),
    erlang:display({dict_id, Id, Id =:= erlang:adler32(Dict), byte_size(DC)}),
    ok = zlib:inflateInit(Z),
    erlang:display({need_dict, reason(fun() -> zlib:inflate(Z, DC) end)}),
    ok = zlib:inflateSetDictionary(Z, Dict),
    Rest = zlib:inflate(Z, []),
    erlang:display({with_dict, iolist_to_binary(Rest) =:= T}),
    ok = zlib:inflateEnd(Z),
    ok = zlib:inflateInit(Z),
    erlang:display({no_exception, element(1, zlib:inflate(Z, DC, [{exception_on_need_dict, false}]))}),
    ok = zlib:inflateSetDictionary(Z, Dict),
    erlang:display({dict_after, iolist_to_binary(zlib:inflate(Z, [])) =:= T,
                    byte_size(zlib:inflateGetDictionary(Z))}),
    ok = zlib:inflateEnd(Z),
    %% a raw stream's dictionary id is the dictionary's adler32
    ok = zlib:deflateInit(Z, default, deflated, -15, 8, default),
    erlang:display({raw_dict, zlib:deflateSetDictionary(Z, Dict) =:= erlang:adler32(Dict)}),
    ok = zlib:deflateEnd(Z),
    ok = zlib:inflateInit(Z),
    ?T(zlib:inflateSetDictionary(Z, Dict)),
    ?T(zlib:inflateEnd(Z)),
    zlib:close(Z),
    ok.

resets_and_chunks() ->
    T = text(1000),
    C = zlib:compress(T),
    Z = zlib:open(),
    ok = zlib:deflateInit(Z),
    _ = zlib:deflate(Z, <<"thrown away">>),
    ok = zlib:deflateReset(Z),
    C2 = iolist_to_binary(zlib:deflate(Z, T, finish)),
    ok = zlib:deflateEnd(Z),
    erlang:display({deflate_reset, C2 =:= C}),
    ok = zlib:inflateInit(Z),
    _ = zlib:inflate(Z, binary:part(C, 0, 10)),
    ok = zlib:inflateReset(Z),
    erlang:display({inflate_reset, iolist_to_binary(zlib:inflate(Z, C)) =:= T}),
    ok = zlib:inflateEnd(Z),
    %% inflateChunk with a small buffer
    erlang:display({bufsize, zlib:getBufSize(Z), zlib:setBufSize(Z, 4096), zlib:getBufSize(Z)}),
    ok = zlib:inflateInit(Z),
    Chunks = chunks(Z, zlib:inflateChunk(Z, C), []),
    erlang:display({inflate_chunk, [iolist_size(Ch) || Ch <- Chunks], iolist_to_binary(Chunks) =:= T}),
    ok = zlib:inflateEnd(Z),
    %% safeInflate: bounded output per call
    ok = zlib:inflateInit(Z),
    Safe = safe(Z, zlib:safeInflate(Z, C), []),
    erlang:display({safe_inflate, [iolist_size(S) || S <- Safe], iolist_to_binary(Safe) =:= T}),
    ok = zlib:inflateEnd(Z),
    ?T(zlib:setBufSize(Z, 3)),
    zlib:close(Z),
    ok.

chunks(Z, {more, Out}, Acc) -> chunks(Z, zlib:inflateChunk(Z), [Out | Acc]);
chunks(_, Out, Acc) -> lists:reverse([Out | Acc]).

safe(Z, {continue, Out}, Acc) -> safe(Z, zlib:safeInflate(Z, []), [Out | Acc]);
safe(_, {finished, Out}, Acc) -> lists:reverse([Out | Acc]).

stream_checksums() ->
    T = text(100),
    Z = zlib:open(),
    ?T(zlib:crc32(Z)),
    ok = zlib:deflateInit(Z, default, deflated, -15, 8, default),
    Raw = iolist_to_binary(zlib:deflate(Z, T, finish)),
    erlang:display({raw_deflate_crc, zlib:crc32(Z) =:= erlang:crc32(T)}),
    ok = zlib:deflateEnd(Z),
    ok = zlib:inflateInit(Z, -15),
    _ = zlib:inflate(Z, Raw),
    erlang:display({raw_inflate_crc, zlib:crc32(Z) =:= erlang:crc32(T)}),
    ok = zlib:inflateEnd(Z),
    ok = zlib:deflateInit(Z),
    _ = zlib:deflate(Z, T, finish),
    erlang:display({zlib_stream_crc, zlib:crc32(Z)}),
    ok = zlib:deflateEnd(Z),
    erlang:display({module_checksums, zlib:crc32(Z, T), zlib:crc32(Z, 7, T), zlib:adler32(Z, T), zlib:adler32(Z, 7, T),
                    zlib:crc32_combine(Z, 1, 2, 3), zlib:adler32_combine(Z, 1, 2, 3)}),
    ?T(zlib:crc32(not_a_stream, T)),
    ?T(zlib:adler32(not_a_stream, T)),
    zlib:close(Z),
    ok.

controller() ->
    Z = zlib:open(),
    Self = self(),
    Other = spawn(fun() -> receive go -> Self ! {other, reason(fun() -> zlib:deflateInit(Z) end)} end,
                            receive go2 -> Self ! {other2, zlib:deflateInit(Z), zlib:close(Z)} end end),
    Other ! go,
    receive {other, R1} -> erlang:display({from_other, R1}) end,
    ok = zlib:set_controlling_process(Z, Other),
    ?T(zlib:deflateInit(Z)),
    ?T(zlib:close(Z)),
    Other ! go2,
    receive {other2, A, B} -> erlang:display({given_away, A, B}) end,
    ?T(zlib:set_controlling_process(Z, not_a_pid)),
    ok.

errors() ->
    Z = zlib:open(),
    ?T(zlib:deflate(Z, <<"x">>)),
    ?T(zlib:inflate(Z, <<"x">>)),
    ?T(zlib:deflateEnd(Z)),
    ?T(zlib:inflateEnd(Z)),
    ?T(zlib:deflateReset(Z)),
    ?T(zlib:inflateReset(Z)),
    ?T(zlib:deflateParams(Z, default, default)),
    ?T(zlib:deflateSetDictionary(Z, <<"d">>)),
    ?T(zlib:inflateSetDictionary(Z, <<"d">>)),
    ?T(zlib:inflateGetDictionary(Z)),
    ?T(zlib:deflateInit(Z, 10)),
    ?T(zlib:deflateInit(Z, default, stored, 15, 8, default)),
    ?T(zlib:deflateInit(Z, default, deflated, 7, 8, default)),
    ?T(zlib:deflateInit(Z, default, deflated, 15, 10, default)),
    ?T(zlib:deflateInit(Z, default, deflated, 15, 8, fast)),
    ?T(zlib:inflateInit(Z, 15, never)),
    ?T(zlib:inflateInit(Z, 100)),
    ok = zlib:deflateInit(Z),
    ?T(zlib:deflateInit(Z)),
    ?T(zlib:inflateInit(Z)),
    ?T(zlib:deflate(Z, <<"x">>, sometimes)),
    ?T(zlib:deflate(Z, foo)),
    ?T(zlib:deflate(Z, [1, 2 | 3])),
    ?T(zlib:inflate(Z, <<"x">>)),
    ?T(zlib:deflateSetDictionary(Z, foo)),
    ?T(zlib:deflateEnd(Z)),
    ok = zlib:inflateInit(Z),
    _ = zlib:inflate(Z, binary:part(zlib:compress(text(10)), 0, 12)),
    ?T(zlib:inflateEnd(Z)),
    ok = zlib:inflateInit(Z),
    ?T(zlib:inflate(Z, <<"plainly not zlib data">>)),
    ok = zlib:close(Z),
    ?T(zlib:close(Z)),
    ?T(zlib:deflateInit(Z)),
    ?T(zlib:close(make_ref())),
    ?T(zlib:deflateInit(foo)),
    ?T(zlib:getBufSize(foo)),
    ok.

checksums() ->
    T = text(50),
    Deep = [[<<"ab">>, [$c | <<"de">>]], [], "fgh", [[[<<>>]]] | <<"ij">>],
    erlang:display({crc32, erlang:crc32(<<>>), erlang:crc32(T), erlang:crc32(Deep), erlang:crc32(0, T),
                    erlang:crc32(erlang:crc32(<<"abc">>), <<"def">>) =:= erlang:crc32(<<"abcdef">>),
                    erlang:crc32(16#ffffffff, "x")}),
    erlang:display({adler32, erlang:adler32(<<>>), erlang:adler32(T), erlang:adler32(Deep), erlang:adler32(1, T),
                    erlang:adler32(erlang:adler32(<<"abc">>), <<"def">>) =:= erlang:adler32(<<"abcdef">>)}),
    C1 = erlang:crc32(<<"hello ">>), C2 = erlang:crc32(<<"world">>),
    A1 = erlang:adler32(<<"hello ">>), A2 = erlang:adler32(<<"world">>),
    erlang:display({combine, erlang:crc32_combine(C1, C2, 5) =:= erlang:crc32(<<"hello world">>),
                    erlang:adler32_combine(A1, A2, 5) =:= erlang:adler32(<<"hello world">>),
                    erlang:crc32_combine(0, 0, 0), erlang:adler32_combine(1, 1, 0),
                    erlang:crc32_combine(123, 456, 16#ffffffff), erlang:adler32_combine(123, 456, 16#ffffffff)}),
    Big = binary:copy(T, 2000),
    erlang:display({big, erlang:crc32(Big), erlang:adler32(Big), erlang:crc32([Big, Big])}),
    [?T(F()) || F <- [fun() -> erlang:crc32(foo) end,
                      fun() -> erlang:crc32(-1, <<>>) end,
                      fun() -> erlang:crc32(1 bsl 32, <<>>) end,
                      fun() -> erlang:crc32(0, [1 | 2]) end,
                      fun() -> erlang:crc32([256]) end,
                      fun() -> erlang:crc32(<<1:3>>) end,
                      fun() -> erlang:adler32(foo) end,
                      fun() -> erlang:adler32(a, <<>>) end,
                      fun() -> erlang:crc32_combine(1, 2, -1) end,
                      fun() -> erlang:crc32_combine(1, 2, 1 bsl 32) end,
                      fun() -> erlang:crc32_combine(1 bsl 32, 2, 1) end,
                      fun() -> erlang:adler32_combine(1, 2, 1.0) end,
                      fun() -> erlang:adler32_combine(1, -2, 1) end]],
    ok.

md5() ->
    T = text(100),
    erlang:display({md5, erlang:md5(<<>>), erlang:md5("abc"), erlang:md5(T), erlang:md5([T, "x" | <<"y">>])}),
    Ctx0 = erlang:md5_init(),
    <<Head:24/binary, _/binary>> = Ctx0,
    erlang:display({md5_init, byte_size(Ctx0), Head}),
    Ctx = lists:foldl(fun(I, C) -> erlang:md5_update(C, binary:part(T, I, 37)) end, Ctx0, lists:seq(0, 37 * 30, 37)),
    erlang:display({md5_chain, erlang:md5_final(Ctx) =:= erlang:md5(binary:part(T, 0, 37 * 31))}),
    C1 = erlang:md5_update(Ctx0, <<"abc">>),
    C2 = erlang:md5_update(C1, [<<"def">>, "ghi"]),
    erlang:display({md5_update, erlang:md5_final(C1), erlang:md5_final(C2) =:= erlang:md5("abcdefghi"),
                    erlang:md5_final(C1) =:= erlang:md5("abc")}),
    [?T(F()) || F <- [fun() -> erlang:md5(foo) end,
                      fun() -> erlang:md5([1 | 2]) end,
                      fun() -> erlang:md5_update(<<1, 2>>, <<>>) end,
                      fun() -> erlang:md5_update(Ctx0, foo) end,
                      fun() -> erlang:md5_update(foo, <<>>) end,
                      fun() -> erlang:md5_final(<<1>>) end,
                      fun() -> erlang:md5_final(foo) end]],
    ok.
