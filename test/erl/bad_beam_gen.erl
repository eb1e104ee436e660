%% Writes one corrupted variant of a compiled test module, for the loader's
%% bad-input tests. Runs on OTP's erl at test time (it may use OTP's stdlib):
%%   erl -noshell -run bad_beam_gen main OUTDIR CASE SOURCE.beam -s init stop
%% It writes OUTDIR/<module>.beam and prints the module name and a regular
%% expression for the reason ember's error line must contain.
-module(bad_beam_gen).
-export([main/1, cases/0]).

%% {Case, ReasonRegex}: the regex is matched case-insensitively on the
%% "cannot load" line, after the file name.
cases() ->
    Short = "truncat|short|end of file|past (the )?end|beyond|exceed|too (small|large|big)|size|length|eof|incomplete|empty",
    [{empty, Short ++ "|magic|header"},
     {truncated_4, Short ++ "|header"},
     {truncated_12, Short ++ "|header|chunk"},
     {truncated_20, Short ++ "|chunk"},
     {truncated_half, Short ++ "|chunk"},
     {truncated_last, Short ++ "|chunk"},
     {bad_magic_for1, "magic|FOR1|form|not a beam|header"},
     {bad_magic_beam, "magic|BEAM|form|not a beam|header"},
     {chunk_past_end, Short ++ "|chunk"},
     {form_len_past_end, Short ++ "|form|header"},
     {unknown_opcode, "opcode"},
     {max_opcode_too_high, "opcode"},
     {label_out_of_range, "label"},
     {bad_atom_index, "atom"},
     {bad_import_index, "import"},
     {bitflip_atom_count, "atom|" ++ Short},
     {bitflip_code_header, "instruction set|format|version|header|Code"},
     {wrong_module_name, "module|name|mismatch|expected"},
     {missing_code_chunk, "Code|missing|chunk"}].

main([OutDir, CaseStr, Source]) ->
    Case = list_to_atom(CaseStr),
    case lists:keyfind(Case, 1, cases()) of
        {Case, Regex} ->
            {ok, Beam} = file:read_file(Source),
            Mod = filename:basename(Source, ".beam"),
            ok = file:write_file(filename:join(OutDir, Mod ++ ".beam"), corrupt(Case, Beam)),
            io:format("~s~n~s~n", [Mod, Regex]);
        false ->
            io:format(standard_error, "bad_beam_gen: unknown case ~s~n", [CaseStr]),
            halt(2)
    end;
main(_) ->
    io:format(standard_error, "usage: bad_beam_gen OUTDIR CASE SOURCE.beam~n", []),
    halt(2).

%% ---- the corruptions ----------------------------------------------------
corrupt(empty, _) -> <<>>;
corrupt(truncated_4, B) -> binary:part(B, 0, 4);
corrupt(truncated_12, B) -> binary:part(B, 0, 12);
corrupt(truncated_20, B) -> binary:part(B, 0, 20);
corrupt(truncated_half, B) -> binary:part(B, 0, byte_size(B) div 2);
corrupt(truncated_last, B) -> binary:part(B, 0, byte_size(B) - 1);
corrupt(bad_magic_for1, <<"FOR1", Rest/binary>>) -> <<"FOR2", Rest/binary>>;
corrupt(bad_magic_beam, <<H:8/binary, "BEAM", Rest/binary>>) -> <<H/binary, "BEAN", Rest/binary>>;
corrupt(form_len_past_end, <<"FOR1", Len:32, Rest/binary>>) -> <<"FOR1", (Len + 1000):32, Rest/binary>>;
corrupt(chunk_past_end, B) ->
    {Off, _} = chunk(B, <<"Code">>),
    patch(B, Off + 4, <<16#7ffffff0:32>>);
corrupt(unknown_opcode, B) ->
    {_, CodeStart} = code_start(B),
    patch(B, CodeStart, <<200>>);
corrupt(max_opcode_too_high, B) ->
    {Off, _} = chunk(B, <<"Code">>),
    patch(B, Off + 8 + 8, <<250:32>>);
corrupt(bitflip_code_header, B) ->
    {Off, _} = chunk(B, <<"Code">>),
    <<_:(Off + 12)/binary, Set:32, _/binary>> = B,
    patch(B, Off + 12, <<(Set bxor 16#40000000):32>>);
corrupt(bitflip_atom_count, B) ->
    {Off, _} = chunk(B, <<"AtU8">>),
    <<_:(Off + 8)/binary, N:32, _/binary>> = B,
    patch(B, Off + 8, <<(N bxor 16#40000000):32>>);
corrupt(wrong_module_name, B) ->
    %% AtU8: count, then length-prefixed names; atom 1 is the module name.
    {Off, _} = chunk(B, <<"AtU8">>),
    <<_:(Off + 12)/binary, _Len, First, _/binary>> = B,
    patch(B, Off + 13, <<(First bxor 1)>>);
corrupt(missing_code_chunk, B) ->
    {Off, _} = chunk(B, <<"Code">>),
    patch(B, Off, <<"Cxde">>);
corrupt(label_out_of_range, B) ->
    replace_operand(B, fun(f, V) -> V > 0; (_, _) -> false end, encode(5, 2000));
corrupt(bad_atom_index, B) ->
    replace_operand(B, fun(a, V) -> V > 0; (_, _) -> false end, encode(2, 2000));
corrupt(bad_import_index, B) ->
    replace_operand_of(B, call_ext, 2, encode(0, 2000)).

patch(B, Off, New) ->
    <<Pre:Off/binary, _:(byte_size(New))/binary, Post/binary>> = B,
    <<Pre/binary, New/binary, Post/binary>>.

%% Offset of a chunk's header (its 4-byte id) and its data length.
chunk(B, Id) -> chunk(B, Id, 12).
chunk(B, Id, Off) ->
    <<_:Off/binary, CId:4/binary, Len:32, _/binary>> = B,
    case CId of
        Id -> {Off, Len};
        _ -> chunk(B, Id, Off + 8 + ((Len + 3) band -4))
    end.

%% The offset of the first instruction in the file.
code_start(B) ->
    {Off, Len} = chunk(B, <<"Code">>),
    <<_:(Off + 8)/binary, Sub:32, _/binary>> = B,
    {{Off, Len}, Off + 8 + 4 + Sub}.

%% ---- walking the Code chunk (compact term encoding) ---------------------
tag(0) -> u; tag(1) -> i; tag(2) -> a; tag(3) -> x;
tag(4) -> y; tag(5) -> f; tag(6) -> h; tag(7) -> z.

%% Decodes one operand; returns {Tag, Value, BytesUsed}.
operand(<<B, _/binary>> = Bin) ->
    case tag(B band 7) of
        z -> ext_operand(B bsr 4, Bin);
        T -> {V, N} = value(Bin), {T, V, N}
    end.

value(<<B, _/binary>>) when B band 8 =:= 0 -> {B bsr 4, 1};
value(<<B, Next, _/binary>>) when B band 16 =:= 0 -> {((B band 16#e0) bsl 3) bor Next, 2};
value(<<B, Rest/binary>>) when B bsr 5 < 7 ->
    N = (B bsr 5) + 2,
    <<V:N/unit:8, _/binary>> = Rest,
    {V, 1 + N};
value(<<_, Rest/binary>>) ->
    {u, L, Used} = operand(Rest),
    N = L + 9,
    <<_:Used/binary, V:N/unit:8, _/binary>> = Rest,
    {V, 1 + Used + N}.

ext_operand(1, <<_, Rest/binary>>) ->          % list: length, then operands
    {u, N, U} = operand(Rest),
    {z, list, 1 + U + skip(N, binary:part(Rest, U, byte_size(Rest) - U))};
ext_operand(2, <<_, Rest/binary>>) ->          % float register
    {_, _, U} = operand(Rest), {z, fr, 1 + U};
ext_operand(3, <<_, Rest/binary>>) ->          % allocation list: pairs
    {u, N, U} = operand(Rest),
    {z, alloc, 1 + U + skip(2 * N, binary:part(Rest, U, byte_size(Rest) - U))};
ext_operand(4, <<_, Rest/binary>>) ->          % literal index
    {_, _, U} = operand(Rest), {z, literal, 1 + U};
ext_operand(5, <<_, Rest/binary>>) ->          % typed register: register, type index
    {_, _, U1} = operand(Rest),
    {_, _, U2} = operand(binary:part(Rest, U1, byte_size(Rest) - U1)),
    {z, typed, 1 + U1 + U2}.

skip(0, _) -> 0;
skip(N, Bin) ->
    {_, _, U} = operand(Bin),
    U + skip(N - 1, binary:part(Bin, U, byte_size(Bin) - U)).

%% Every operand in the code as {FileOffset, Size, Opcode name, Index, Tag, Value}.
operands(B) ->
    {{Off, Len}, Start} = code_start(B),
    End = Off + 8 + Len,
    walk(B, Start, End, []).

walk(_, Pos, End, Acc) when Pos >= End -> lists:reverse(Acc);
walk(B, Pos, End, Acc) ->
    <<_:Pos/binary, Op, _/binary>> = B,
    {Name, Arity} = beam_opcodes:opname(Op),
    {Next, Acc1} = args(B, Pos + 1, Name, 1, Arity, Acc),
    case Name of
        int_code_end -> lists:reverse(Acc1);
        _ -> walk(B, Next, End, Acc1)
    end.

args(_, Pos, _, I, Arity, Acc) when I > Arity -> {Pos, Acc};
args(B, Pos, Name, I, Arity, Acc) ->
    <<_:Pos/binary, Rest/binary>> = B,
    {T, V, N} = operand(Rest),
    args(B, Pos + N, Name, I + 1, Arity, [{Pos, N, Name, I, T, V} | Acc]).

replace_operand(B, Pred, New) ->
    [{Pos, N, _, _, _, _} | _] = [O || {_, _, _, _, T, V} = O <- operands(B), Pred(T, V)],
    resize_code(B, Pos, N, New).

replace_operand_of(B, Name, Index, New) ->
    [{Pos, N, _, _, _, _} | _] = [O || {_, _, Nm, I, _, _} = O <- operands(B), Nm =:= Name, I =:= Index],
    resize_code(B, Pos, N, New).

%% Replaces N bytes at Pos inside the Code chunk and fixes the chunk's length,
%% its padding and the FOR1 length so that only the operand is wrong.
resize_code(B, Pos, N, New) ->
    {{Off, Len}, _} = code_start(B),
    Padded = (Len + 3) band -4,
    <<Head:Off/binary, _:8/binary, Data:Len/binary, _:(Padded - Len)/binary, Tail/binary>> = B,
    Rel = Pos - Off - 8,
    <<Pre:Rel/binary, _:N/binary, Post/binary>> = Data,
    Data1 = <<Pre/binary, New/binary, Post/binary>>,
    Len1 = byte_size(Data1),
    Pad = binary:copy(<<0>>, ((Len1 + 3) band -4) - Len1),
    <<"FOR1", _:32, Body/binary>> = <<Head/binary, "Code", Len1:32, Data1/binary, Pad/binary, Tail/binary>>,
    <<"FOR1", (byte_size(Body)):32, Body/binary>>.

%% Encodes an unsigned operand value 16..2047 in the two-byte form.
encode(Tag, V) when V >= 16, V < 2048 ->
    <<(((V bsr 3) band 16#e0) bor 8 bor Tag), (V band 255)>>.
