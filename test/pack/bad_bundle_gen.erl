%% bad_bundle_gen.erl — run on OTP's erl: writes a corrupted copy of a bundle
%% (or of an executable carrying one) for one case and prints the regular
%% expression the runtime's reason must match. Fields are patched with the
%% table checksum fixed up where the case is about another field, so that
%% each case reaches the check it names. Layout: doc/bundles.md.
-module(bad_bundle_gen).
-export([main/1, cases/0]).

cases() ->
    [empty, truncated_header, truncated_half, truncated_last, bad_magic, bad_version,
     table_bitflip, table_size_past_end, offset_past_end, size_past_end, offset_gap, data_bitflip,
     bad_name, bad_kind, entry_not_packed, bad_beam, extra_bytes,
     exe_bitflip, exe_bad_trailer].

main([In, Out, Case]) ->
    {ok, File} = file:read_file(In),
    {Bytes, Regex} = corrupt(list_to_atom(Case), File),
    ok = file:write_file(Out, Bytes),
    io:format("~s~n", [Regex]).

%% The bundle inside an executable: the trailer's offset and size.
split_exe(File) ->
    Size = byte_size(File),
    <<_:(Size - 24)/binary, Off:64/little, Len:64/little, "EMBXEXE", 0>> = File,
    {binary:part(File, 0, Off), binary:part(File, Off, Len), binary:part(File, Size - 24, 24)}.

corrupt(exe_bitflip, File) ->
    {Exe, Bundle, Trailer} = split_exe(File),
    {<<Exe/binary, (flip(Bundle, byte_size(Bundle) - 10))/binary, Trailer/binary>>, "checksum|corrupt"};
corrupt(exe_bad_trailer, File) ->
    {Exe, Bundle, <<Off:64/little, Rest/binary>>} = split_exe(File),
    {<<Exe/binary, Bundle/binary, (Off + 3):64/little, Rest/binary>>, "bad magic|truncated|bad size"};
corrupt(empty, _) -> {<<>>, "truncated"};
corrupt(truncated_header, B) -> {binary:part(B, 0, 20), "truncated"};
corrupt(truncated_half, B) -> {binary:part(B, 0, byte_size(B) div 2), "truncated"};
corrupt(truncated_last, B) -> {binary:part(B, 0, byte_size(B) - 1), "truncated"};
corrupt(bad_magic, <<_:8/binary, Rest/binary>>) -> {<<"EMBERBY", 0, Rest/binary>>, "bad magic"};
corrupt(bad_version, <<M:8/binary, _:32, Rest/binary>>) -> {<<M/binary, 2:32/little, Rest/binary>>, "unsupported bundle version 2"};
corrupt(table_bitflip, B) -> {flip(B, 40), "table checksum mismatch"};
corrupt(table_size_past_end, <<H:16/binary, _:32, Rest/binary>>) ->
    {<<H/binary, 16#7fffffff:32/little, Rest/binary>>, "table size .* runs past the end"};
corrupt(offset_past_end, B) ->
    {patch_entry(B, fun(<<F:16/binary, _:64>>) -> <<F/binary, (byte_size(B)):64/little>> end), "outside the bundle"};
corrupt(size_past_end, B) ->
    {patch_entry(B, fun(<<F:4/binary, _:32, R/binary>>) -> <<F/binary, 16#7fffffff:32/little, R/binary>> end),
     "outside the bundle"};
corrupt(offset_gap, B) ->
    {patch_entry(B, fun(<<F:16/binary, Off:64/little>>) -> <<F/binary, (Off + 1):64/little>> end),
     "not at .* where the previous one ends"};
corrupt(data_bitflip, B) -> {flip(B, byte_size(B) - 10), "checksum mismatch|corrupt compressed"};
corrupt(bad_name, B) -> {patch_name(B, <<"../x">>), "bad module name"};
corrupt(bad_kind, B) -> {patch_entry(B, fun(<<_, R/binary>>) -> <<7, R/binary>> end), "unknown kind 7"};
corrupt(entry_not_packed, B) -> {patch_name(B, <<"nosuchmodule">>), "the entry module .* is not in the bundle"};
corrupt(bad_beam, B) -> {replace_first_data(B, <<"FOR1", 0:32, "BEAM">>), "cannot load"};
corrupt(extra_bytes, B) -> {<<B/binary, 0>>, "bad size"}.

flip(B, At) ->
    <<Pre:At/binary, X, Post/binary>> = B,
    <<Pre/binary, (X bxor 16#20), Post/binary>>.

%% Header fields and the table (entry point, then the entries).
parts(<<Magic:8/binary, Ver:32/little, N:32/little, TSize:32/little, _Crc:32, Total:64/little, Rest/binary>>) ->
    <<Table:TSize/binary, Data/binary>> = Rest,
    {Magic, Ver, N, Total, Table, Data}.

assemble(Magic, Ver, N, Table, Data) ->
    Total = 32 + byte_size(Table) + byte_size(Data),
    <<Magic/binary, Ver:32/little, N:32/little, (byte_size(Table)):32/little,
      (erlang:crc32(Table)):32/little, Total:64/little, Table/binary, Data/binary>>.

%% Applies Fun to the fixed 24 bytes of the first entry.
patch_entry(B, Fun) ->
    {Magic, Ver, N, _, Table, Data} = parts(B),
    <<ML:16/little, FL:16/little, Entry:(ML + FL)/binary, Fixed:24/binary, Rest/binary>> = Table,
    assemble(Magic, Ver, N, <<ML:16/little, FL:16/little, Entry/binary, (Fun(Fixed))/binary, Rest/binary>>, Data).

%% Renames the first entry's module (offsets move with the longer table).
patch_name(B, Name) ->
    {Magic, Ver, N, _, Table, Data} = parts(B),
    <<ML:16/little, FL:16/little, Entry:(ML + FL)/binary, K, C, NL:16/little, Sizes:12/binary, Off:64/little,
      _:NL/binary, Rest/binary>> = Table,
    Delta = byte_size(Name) - NL,
    Table1 = <<ML:16/little, FL:16/little, Entry/binary, K, C, (byte_size(Name)):16/little, Sizes/binary,
               (Off + Delta):64/little, Name/binary, (shift(Rest, Delta))/binary>>,
    assemble(Magic, Ver, N, Table1, Data).

shift(<<>>, _) -> <<>>;
shift(<<KC:2/binary, NL:16/little, Sizes:12/binary, Off:64/little, Name:NL/binary, Rest/binary>>, Delta) ->
    <<KC/binary, NL:16/little, Sizes/binary, (Off + Delta):64/little, Name/binary, (shift(Rest, Delta))/binary>>.

%% Stores Bytes (uncompressed, with a right checksum) as the first entry's data.
replace_first_data(B, Bytes) ->
    {Magic, Ver, N, _, Table, Data} = parts(B),
    <<ML:16/little, FL:16/little, Entry:(ML + FL)/binary, K, _C, NL:16/little, Stored:32/little, _:64,
      _Off:64/little, Name:NL/binary, Rest/binary>> = Table,
    Size = byte_size(Bytes),
    Delta = Size - Stored,
    Off = 32 + byte_size(Table),
    Table1 = <<ML:16/little, FL:16/little, Entry/binary, K, 0, NL:16/little, Size:32/little, Size:32/little,
               (erlang:crc32(Bytes)):32/little, Off:64/little, Name/binary, (shift(Rest, Delta))/binary>>,
    <<_:Stored/binary, DataRest/binary>> = Data,
    assemble(Magic, Ver, N, Table1, <<Bytes/binary, DataRest/binary>>).
