%% Every NIF of OTP 25's prim_file, called through OTP's own prim_file.beam:
%% whole files, handles (read/write/pread/pwrite/position/sync/truncate/
%% allocate/advise/read_line/ipread), names (info, links, directories, cwd,
%% unicode names), OTP's error atoms, and handles used by another process or
%% left open by a process that dies. Works in a directory of its own.
%% ember-otp-libs: erts stdlib
-module(file_prim).
-export([main/0]).
-include("test.hrl").

-define(DIR, "file_prim.dir").

main() ->
    rm_rf(?DIR),
    ok = prim_file:make_dir(?DIR),
    {ok, Top} = prim_file:get_cwd(),
    ok = prim_file:set_cwd(?DIR),
    whole_files(),
    handles(),
    names(),
    errors(),
    ownership(),
    ok = prim_file:set_cwd(Top),
    erlang:display({cwd_back, prim_file:get_cwd() =:= {ok, Top}}),
    rm_rf(?DIR),
    erlang:display({cleaned, prim_file:read_file_info(?DIR)}).

whole_files() ->
    Big = << <<(I rem 251)>> || I <- lists:seq(1, 300000) >>,
    erlang:display({write_file, prim_file:write_file("a", [<<"hello ">>, "world\n", [<<"line2\n">>]]),
                    prim_file:write_file("big", Big), prim_file:write_file("empty", <<>>)}),
    erlang:display({read_file, prim_file:read_file("a"), prim_file:read_file("empty")}),
    {ok, Back} = prim_file:read_file("big"),
    erlang:display({big, byte_size(Back), Back =:= Big}),
    erlang:display({proc_file, element(1, prim_file:read_file("/proc/self/status"))}).

handles() ->
    {ok, F} = prim_file:open("h", [read, write, binary]),
    erlang:display({write, prim_file:write(F, ["abc", <<"defghij">>, $\n, <<"second line\r\n">>, "third"])}),
    erlang:display({position, prim_file:position(F, bof), prim_file:position(F, {cur, 2}),
                    prim_file:position(F, eof), prim_file:position(F, {eof, -5}),
                    prim_file:position(F, {bof, -1})}),
    prim_file:position(F, bof),
    erlang:display({read, prim_file:read(F, 4), prim_file:read(F, 0), prim_file:read_line(F),
                    prim_file:read_line(F), prim_file:read_line(F), prim_file:read_line(F),
                    prim_file:read(F, 10)}),
    erlang:display({pread, prim_file:pread(F, 3, 4), prim_file:pread(F, 1000, 4),
                    prim_file:pread(F, [{0, 3}, {1000, 1}, {10, 2}])}),
    erlang:display({pwrite, prim_file:pwrite(F, 1, <<"XY">>), prim_file:pwrite(F, [{0, "A"}, {4, <<"Z">>}]),
                    prim_file:pread(F, 0, 6)}),
    erlang:display({sync, prim_file:sync(F), prim_file:datasync(F)}),
    erlang:display({advise, prim_file:advise(F, 0, 0, sequential), prim_file:advise(F, 0, 0, will_need),
                    prim_file:advise(F, 0, 0, nonsense)}),
    erlang:display({allocate, prim_file:allocate(F, 0, 4096)}),
    {ok, Info} = prim_file:read_handle_info(F, [{time, posix}]),
    erlang:display({handle_info, element(2, Info), element(3, Info), element(4, Info)}),
    erlang:display({handle, byte_size(prim_file:get_handle(F))}),
    prim_file:position(F, 5),
    erlang:display({truncate, prim_file:truncate(F), prim_file:position(F, eof),
                    prim_file:pread(F, 0, 100)}),
    erlang:display({close, prim_file:close(F), prim_file:close(F), prim_file:read(F, 1),
                    prim_file:write(F, "x"), prim_file:position(F, bof)}),
    %% modes: write truncates, append appends, exclusive refuses an existing file
    ok = prim_file:write_file("m", <<"12345">>),
    {ok, W} = prim_file:open("m", [write]),
    ok = prim_file:write(W, "ab"), ok = prim_file:close(W),
    {ok, A} = prim_file:open("m", [append]),
    ok = prim_file:write(A, "cd"), ok = prim_file:close(A),
    erlang:display({modes, prim_file:read_file("m"), prim_file:open("m", [write, exclusive]),
                    element(1, prim_file:open("m2", [write, exclusive]))}),
    {ok, R} = prim_file:open("m", [read]),
    erlang:display({read_only_write, prim_file:write(R, "zz"), prim_file:read(R, 10)}),
    prim_file:close(R),
    %% read_ahead goes through prim_buffer
    {ok, RA} = prim_file:open("h", [read, binary, {read_ahead, 4}]),
    erlang:display({read_ahead, prim_file:read(RA, 2), prim_file:read(RA, 2), prim_file:read_line(RA),
                    prim_file:position(RA, cur)}),
    prim_file:close(RA),
    %% ipread: a 32-bit size and pointer at the offset, then the data there
    ok = prim_file:write_file("ip", <<0:32, 8:32, 5:32, 12:32, "hello">>),
    {ok, IP} = prim_file:open("ip", [read, binary]),
    erlang:display({ipread, prim_file:ipread_s32bu_p32bu(IP, 8, 100), prim_file:ipread_s32bu_p32bu(IP, 8, 2),
                    prim_file:ipread_s32bu_p32bu(IP, 100, infinity)}),
    prim_file:close(IP),
    %% a megabyte in 64 KB pieces, read back the same way
    Piece = binary:copy(<<"0123456789abcdef">>, 4096),
    {ok, BW} = prim_file:open("chunks", [write, binary]),
    [ok = prim_file:write(BW, Piece) || _ <- lists:seq(1, 16)],
    ok = prim_file:close(BW),
    {ok, BR} = prim_file:open("chunks", [read, binary]),
    erlang:display({chunks, read_all(BR, 0, 0)}),
    prim_file:close(BR).

read_all(F, N, Bytes) ->
    case prim_file:read(F, 65536) of
        {ok, B} -> read_all(F, N + 1, Bytes + byte_size(B));
        eof -> {N, Bytes}
    end.

names() ->
    ok = prim_file:make_dir("d"),
    ok = prim_file:write_file("d/one", "1"),
    ok = prim_file:write_file("d/two", "22"),
    ok = prim_file:make_dir("d/sub"),
    {ok, L} = prim_file:list_dir("d"),
    erlang:display({list_dir, lists:sort(L)}),
    erlang:display({rename, prim_file:rename("d/two", "d/three"), prim_file:read_file("d/three"),
                    prim_file:read_file("d/two")}),
    erlang:display({links, prim_file:make_link("d/one", "d/hard"), prim_file:make_symlink("one", "d/soft"),
                    prim_file:read_link("d/soft"), prim_file:read_link_all("d/soft"),
                    prim_file:read_file("d/soft"), prim_file:read_link("d/one")}),
    {ok, SI} = prim_file:read_file_info("d/soft", [{time, posix}]),
    {ok, LI} = prim_file:read_link_info("d/soft", [{time, posix}]),
    {ok, HI} = prim_file:read_file_info("d/hard", [{time, posix}]),
    erlang:display({info, element(3, SI), element(3, LI), element(2, HI), element(9, HI),
                    element(12, HI) =:= element(12, SI), element(3, element(2, prim_file:read_file_info("d")))}),
    %% write_file_info: mode and times (posix seconds, universal and local)
    erlang:display({set_info, prim_file:write_file_info("d/one", {file_info, undefined, undefined, undefined,
                                                                  1000000000, 1100000000, undefined, 8#600,
                                                                  undefined, undefined, undefined, undefined,
                                                                  undefined, undefined}, [{time, posix}])}),
    {ok, OI} = prim_file:read_file_info("d/one", [{time, posix}]),
    {ok, UI} = prim_file:read_file_info("d/one", [{time, universal}]),
    erlang:display({after_set, element(5, OI), element(6, OI), element(8, OI) band 8#777, element(6, UI)}),
    %% unicode names
    Name = "snö_☃_ü",
    ok = prim_file:write_file(Name, <<"uni">>),
    {ok, L2} = prim_file:list_dir("."),
    erlang:display({unicode, lists:member(Name, L2), prim_file:read_file(Name),
                    prim_file:read_file(<<"snö_☃_ü"/utf8>>)}),
    erlang:display({native, prim_file:internal_name2native("aé"), prim_file:internal_native2name(<<"aé"/utf8>>),
                    prim_file:is_translatable(<<255>>), prim_file:internal_native2name(<<255>>),
                    catch prim_file:internal_name2native("a\0b")}),
    erlang:display({altname, prim_file:altname("d"), prim_file:get_cwd("c:")}).

errors() ->
    erlang:display({enoent, prim_file:read_file("nope"), prim_file:open("nope", [read]),
                    prim_file:delete("nope"), prim_file:read_file_info("nope"), prim_file:list_dir("nope"),
                    prim_file:rename("nope", "x"), prim_file:read_link("nope"), prim_file:set_cwd("nope")}),
    erlang:display({eisdir, prim_file:read_file("d"), prim_file:open("d", [read]), prim_file:open("d", [write])}),
    erlang:display({enotdir, prim_file:list_dir("d/one"), prim_file:open("d/one/x", [write]),
                    prim_file:make_dir("d/one/x")}),
    erlang:display({eexist, prim_file:make_dir("d"), prim_file:del_dir("d"), prim_file:make_symlink("x", "d/one"),
                    prim_file:make_link("d/one", "d/three")}),
    erlang:display({others, prim_file:delete("d"), prim_file:del_dir("d/one"), prim_file:rename("d", "d/sub/x")}),
    erlang:display({badarg, prim_file:read_file(ok), prim_file:open(ok, [read]), prim_file:delete(42),
                    prim_file:list_dir({x})}).

%% A handle belongs to the process that opened it; its end closes the file.
ownership() ->
    {ok, F} = prim_file:open("own", [write]),
    Self = self(),
    spawn(fun() -> Self ! {other, try prim_file:write(F, "x") catch error:E -> E end} end),
    receive {other, R} -> erlang:display({not_owner, R}) end,
    ok = prim_file:close(F),
    Before = open_fds(),
    {Pid, Ref} = spawn_monitor(fun() ->
                                       Fs = [prim_file:open("own", [read]) || _ <- lists:seq(1, 20)],
                                       Self ! opened,
                                       receive never -> Fs end
                               end),
    receive opened -> ok end,
    During = open_fds(),
    exit(Pid, kill),
    receive {'DOWN', Ref, _, _, _} -> ok end,
    erlang:display({fds, During - Before, wait_fds(Before, 100)}).

wait_fds(Want, 0) -> open_fds() - Want;
wait_fds(Want, N) ->
    case open_fds() of
        Want -> 0;
        _ -> receive after 10 -> wait_fds(Want, N - 1) end
    end.

open_fds() ->
    {ok, L} = prim_file:list_dir("/proc/self/fd"),
    length(L).

rm_rf(Path) ->
    case prim_file:read_link_info(Path) of
        {ok, Info} when element(3, Info) =:= directory ->
            {ok, L} = prim_file:list_dir(Path),
            [rm_rf(Path ++ "/" ++ N) || N <- L],
            prim_file:del_dir(Path);
        {ok, _} -> prim_file:delete(Path);
        _ -> ok
    end.
