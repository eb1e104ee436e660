%% ember-mode: otp
%% prim_file reads whichever way they are served (from the page cache on the
%% calling scheduler, or on the dirty I/O pool): chunks that end short at the
%% end of the file, then eof; positioned reads inside and past the end; reads
%% of nothing; reads mixed with position/2; a read larger than 1 MB; a
%% device that is not a regular file; and a loop of 64 KB reads whose blocks
%% must not pile up.
-module(file_read_paths).
-export([main/0]).
%% ember-otp-libs: stdlib

-define(F, "file_read_paths.tmp").

main() ->
    Data = << <<(N rem 251)>> || N <- lists:seq(1, 200000) >>,
    ok = prim_file:write_file(?F, Data),
    {ok, R} = prim_file:open(?F, [read, binary]),
    Sizes = chunks(R, 65536),
    erlang:display({chunks, Sizes, lists:sum(Sizes)}),
    erlang:display({at_eof, prim_file:read(R, 10), prim_file:read(R, 0)}),
    {ok, 0} = prim_file:position(R, bof),
    {ok, A} = prim_file:read(R, 0),
    {ok, B} = prim_file:read(R, 7),
    {ok, 100} = prim_file:position(R, {cur, 93}),
    {ok, C} = prim_file:read(R, 5),
    erlang:display({mixed, A, B, C, B =:= binary:part(Data, 0, 7), C =:= binary:part(Data, 100, 5)}),
    erlang:display({pread, [case prim_file:pread(R, Off, Len) of
                                {ok, Bin} -> {Off, byte_size(Bin), Bin =:= binary:part(Data, Off, byte_size(Bin))};
                                Other -> {Off, Other}
                            end || {Off, Len} <- [{0, 3}, {199990, 100}, {200000, 5}, {300000, 5}, {65536, 65536}]]}),
    erlang:display({pread_bad, prim_file:pread(R, -1, 5)}),
    {ok, 0} = prim_file:position(R, bof),
    {ok, Big} = prim_file:read(R, 3000000),
    erlang:display({big, byte_size(Big), Big =:= Data}),
    ok = prim_file:close(R),
    erlang:display({closed, prim_file:read(R, 5)}),
    {ok, Z} = prim_file:open("/dev/zero", [read, binary]),
    erlang:display({device, prim_file:read(Z, 70000) =:= {ok, <<0:70000/unit:8>>}}),
    ok = prim_file:close(Z),
    loop(),
    ok = prim_file:delete(?F).

chunks(R, N) ->
    case prim_file:read(R, N) of
        {ok, B} -> [byte_size(B) | chunks(R, N)];
        eof -> []
    end.

%% 40 MB through one process: the binaries alive must stay far below that.
loop() ->
    Chunk = binary:copy(<<"0123456789abcdef">>, 4096),
    {ok, W} = prim_file:open(?F, [write, binary]),
    [ok = prim_file:write(W, Chunk) || _ <- lists:seq(1, 640)],
    ok = prim_file:close(W),
    {ok, R} = prim_file:open(?F, [read, binary]),
    Left = read_all(R),
    ok = prim_file:close(R),
    erlang:display({loop_binaries_bounded, Left < 16 * 1024 * 1024}).

%% what is left of the blocks read, before anything else collects them
read_all(R) ->
    case prim_file:read(R, 65536) of
        {ok, _} -> read_all(R);
        eof -> erlang:memory(binary)
    end.
