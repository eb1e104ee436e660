%% Assembles a BEAM assembly file that uses instructions OTP 25's assembler
%% no longer writes (bs_start_match2, bs_save2, bs_restore2,
%% bs_context_to_binary). Each is assembled as a stand-in instruction with
%% the same operands, then the Code chunk is walked and the stand-ins'
%% opcodes are put back. Usage: erl -noshell -run bin_legacy_asm main In.S OutDir
-module(bin_legacy_asm).
-export([main/1]).

%% {obsolete name, its opcode, stand-in name, stand-in opcode}; equal arities.
-define(STANDINS, [{bs_start_match2, 116, bs_get_utf8, 138}, {bs_save2, 122, fmove, 96},
                   {bs_restore2, 123, fconv, 97}, {bs_context_to_binary, 130, recv_marker_clear, 174}]).

main([In, OutDir]) ->
    {ok, Forms} = file:consult(In),
    Mod = proplists:get_value(module, Forms),
    Exp = proplists:get_value(exports, Forms),
    Attr = proplists:get_value(attributes, Forms),
    Labels = proplists:get_value(labels, Forms),
    Fs = functions([F || F <- Forms, not (is_tuple(F) andalso lists:member(element(1, F), [module, exports, attributes, labels]))]),
    Used = [op_name(I) || I <- Forms, is_tuple(I)],
    [error({stand_in_used, S}) || {_, _, S, _} <- ?STANDINS, lists:member(S, Used)],
    {ok, Beam} = beam_asm:module({Mod, Exp, Attr, Fs, Labels}, [], [], []),
    {ok, _, Chunks} = beam_lib:all_chunks(Beam),
    Chunks1 = [case Id of "Code" -> {Id, patch_code(Data)}; _ -> {Id, Data} end || {Id, Data} <- Chunks],
    {ok, Out} = beam_lib:build_module(Chunks1),
    ok = file:write_file(filename:join(OutDir, atom_to_list(Mod) ++ ".beam"), Out),
    halt(0).

op_name({test, Op, _, _}) -> Op;
op_name({test, Op, _, _, _, _}) -> Op;
op_name(I) -> element(1, I).

functions([{function, N, A, E} | T]) ->
    {Is, Rest} = lists:splitwith(fun(I) -> not (is_tuple(I) andalso element(1, I) =:= function) end, T),
    [{function, N, A, E, [stand_in(I) || I <- Is]} | functions(Rest)];
functions([]) -> [].

stand_in({test, bs_start_match2, F, Live, [Src, Slots], Dst}) -> {bs_get_utf8, F, Src, Live, Slots, Dst};
stand_in({bs_save2, Ctx, Index}) -> {fmove, Ctx, Index};
stand_in({bs_restore2, Ctx, Index}) -> {fconv, Ctx, Index};
stand_in({bs_context_to_binary, Reg}) -> {recv_marker_clear, Reg};
stand_in(I) -> I.

%% The Code chunk: a header, then instructions (an opcode byte and its
%% operands in the compact term encoding).
patch_code(<<HeadLen:32, Rest/binary>>) ->
    <<Head:HeadLen/binary, Code/binary>> = Rest,
    <<HeadLen:32, Head/binary, (patch_ops(Code, <<>>))/binary>>.

patch_ops(<<>>, Acc) -> Acc;
patch_ops(<<Op, Rest/binary>>, Acc) ->
    {_, Arity} = beam_opcodes:opname(Op),
    {Args, Rest1} = skip_args(Arity, Rest),
    NewOp = case lists:keyfind(Op, 4, ?STANDINS) of
                {_, Old, _, _} -> Old;
                false -> Op
            end,
    patch_ops(Rest1, <<Acc/binary, NewOp, Args/binary>>).

skip_args(N, Bin) -> skip_args(N, Bin, Bin, 0).
skip_args(0, Orig, Rest, _) -> split_binary(Orig, byte_size(Orig) - byte_size(Rest));
skip_args(N, Orig, Bin, _) ->
    skip_args(N - 1, Orig, skip_arg(Bin), 0).

skip_arg(<<B, Rest/binary>>) when B band 7 =:= 7 ->
    case B bsr 4 of
        1 -> {Len, R} = int(Rest), skip_n(Len, R);          % list
        2 -> skip_arg(Rest);                                 % float register
        3 -> {Len, R} = int(Rest), skip_n(2 * Len, R);       % allocation list
        4 -> skip_arg(Rest);                                 % literal
        5 -> skip_arg(skip_arg(Rest))                        % typed register
    end;
skip_arg(Bin) -> element(2, int(Bin)).

skip_n(0, Bin) -> Bin;
skip_n(N, Bin) -> skip_n(N - 1, skip_arg(Bin)).

%% A compact-encoded number (its value is needed for lengths).
int(<<B, Rest/binary>>) when B band 8 =:= 0 -> {B bsr 4, Rest};
int(<<B, B1, Rest/binary>>) when B band 16 =:= 0 -> {((B bsr 5) bsl 8) bor B1, Rest};
int(<<B, Rest/binary>>) when B bsr 5 < 7 ->
    N = (B bsr 5) + 2,
    <<V:N/unit:8, R/binary>> = Rest,
    {V, R};
int(<<_, Rest/binary>>) ->
    {Len, R0} = int(Rest),
    N = Len + 9,
    <<V:N/unit:8, R/binary>> = R0,
    {V, R}.
