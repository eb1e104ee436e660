%% string.erl — Ember's string module for the standalone boot: all of OTP
%% 25's string, the functions on chardata (lists, UTF-8 binaries and mixes
%% of them) that count grapheme clusters, and the old Latin-1 list API.
%% Results match OTP's, down to how mixed chardata comes back: binary in,
%% binary out; list in, list out; a mix in, the same mix of pieces out.
%%
%% Grapheme clusters follow OTP 25's rules (Unicode 14.0, with OTP's own
%% simplifications, such as a ZWJ after a pictograph joining only another
%% pictograph), and case mapping is OTP's full mapping ("ß" uppercases to
%% "SS"); the tables at the end of this file are generated from OTP 25 by
%% scripts/gen_string_tables.escript. Not covered: Unicode normalization,
%% so equal/4 with nfc, nfd, nfkc or nfkd raises badarg (equal/4 with none
%% works).
-module(string).

-export([casefold/1, centre/2, centre/3, chars/2, chars/3, chomp/1, chr/2,
         concat/2, copies/2, cspan/2, equal/2, equal/3, equal/4, find/2,
         find/3, is_empty/1, join/2, left/2, left/3, len/1, length/1,
         lexemes/2, list_to_float/1, list_to_integer/1, lowercase/1,
         next_codepoint/1, next_grapheme/1, nth_lexeme/3, pad/2, pad/3,
         pad/4, prefix/2, rchr/2, replace/3, replace/4, reverse/1, right/2,
         right/3, rstr/2, slice/2, slice/3, span/2, split/2, split/3, str/2,
         strip/1, strip/2, strip/3, sub_string/2, sub_string/3, sub_word/2,
         sub_word/3, substr/2, substr/3, take/2, take/3, take/4, titlecase/1,
         to_float/1, to_graphemes/1, to_integer/1, to_lower/1, to_upper/1,
         tokens/2, trim/1, trim/2, trim/3, uppercase/1, words/1, words/2]).

-compile({no_auto_import, [length/1]}).

%% Two codepoints below 256 that cannot join (no CR first): the first is a
%% grapheme cluster of its own. OTP takes this shortcut everywhere.
-define(LATIN1_PAIR(C1, C2), C1 < 256, C2 < 256, C1 =/= $\r).

%% Hangul jamo: leading consonants, vowels, trailing consonants.
-define(IS_L(CP), 4352 =< CP, CP =< 4447; 43360 =< CP, CP =< 43388).
-define(IS_V(CP), 4448 =< CP, CP =< 4519; 55216 =< CP, CP =< 55238).
-define(IS_T(CP), 4520 =< CP, CP =< 4607; 55243 =< CP, CP =< 55291).

%% ---- BIFs ------------------------------------------------------------------

list_to_float(_) -> erlang:nif_error(undef).
list_to_integer(_) -> erlang:nif_error(undef).

%% ---- the chardata API ------------------------------------------------------------

is_empty([]) -> true;
is_empty(<<>>) -> true;
is_empty([L | R]) -> is_empty(L) andalso is_empty(R);
is_empty(_) -> false.

length(<<CP1/utf8, Bin/binary>>) -> length_bin(Bin, CP1, 0);
length(CD) -> length_list(CD, 0).

length_list([CP1 | [CP2 | _] = Cont], N) when ?LATIN1_PAIR(CP1, CP2) -> length_list(Cont, N + 1);
length_list(Str, N) ->
    case next_gc(Str) of
        [] -> N;
        [_ | Rest] -> length_list(Rest, N + 1);
        {error, Err} -> error({badarg, Err})
    end.

%% CP1: the codepoint read before Bin.
length_bin(<<CP2/utf8, Rest/binary>>, CP1, N) when ?LATIN1_PAIR(CP1, CP2) ->
    length_bin(Rest, CP2, N + 1);
length_bin(Bin0, CP1, N) ->
    [_ | Bin1] = next_gc([CP1 | Bin0]),
    case next_cp(Bin1) of
        [] -> N + 1;
        [CP3 | Bin] -> length_bin(Bin, CP3, N + 1);
        {error, Err} -> error({badarg, Err})
    end.

to_graphemes(CD0) ->
    case next_gc(CD0) of
        [GC | CD] -> [GC | to_graphemes(CD)];
        [] -> [];
        {error, Err} -> error({badarg, Err})
    end.

equal(A, B) when is_binary(A), is_binary(B) -> A =:= B;
equal(A, B) -> equal_cps(A, B).

equal(A, B, false) -> equal(A, B);
equal(A, B, true) -> equal_nocase(A, B).

%% Normalization is not implemented (see the module head): badarg, except
%% that a string is equal to itself, as OTP answers before normalizing.
equal(A, B, Case, none) -> equal(A, B, Case);
equal(A, A, Case, _) when is_boolean(Case) -> true;
equal(A, B, Case, Norm) when is_boolean(Case) ->
    case lists:member(Norm, [nfc, nfd, nfkc, nfkd]) orelse not is_atom(Norm) of
        true -> erlang:error(badarg, [A, B, Case, Norm]);
        false -> erlang:error(undef, [A, B, Case, Norm])
    end.

equal_cps([A | AR], [B | BR]) when is_integer(A), is_integer(B) ->
    A =:= B andalso equal_cps(AR, BR);
equal_cps([], BR) -> is_empty(BR);
equal_cps(A0, B0) ->
    case {next_cp(A0), next_cp(B0)} of
        {[CP | A], [CP | B]} -> equal_cps(A, B);
        {[], []} -> true;
        {L1, L2} when is_list(L1), is_list(L2) -> false
    end.

equal_nocase(A, A) -> true;
equal_nocase(A0, B0) ->
    case {next_cp(case_cp(A0, fold)), next_cp(case_cp(B0, fold))} of
        {[CP | A], [CP | B]} -> equal_nocase(A, B);
        {[], []} -> true;
        {L1, L2} when is_list(L1), is_list(L2) -> false
    end.

reverse(<<CP1/utf8, Rest/binary>>) -> reverse_bin(Rest, CP1, []);
reverse(CD) -> reverse_list(CD, []).

reverse_list([CP1 | [CP2 | _] = Cont], Acc) when ?LATIN1_PAIR(CP1, CP2) ->
    reverse_list(Cont, [CP1 | Acc]);
reverse_list(CD, Acc) ->
    case next_gc(CD) of
        [GC | Rest] -> reverse_list(Rest, [GC | Acc]);
        [] -> Acc;
        {error, Err} -> error({badarg, Err})
    end.

reverse_bin(<<CP2/utf8, Rest/binary>>, CP1, Acc) when ?LATIN1_PAIR(CP1, CP2) ->
    reverse_bin(Rest, CP2, [CP1 | Acc]);
reverse_bin(Bin0, CP1, Acc) ->
    [GC | Bin1] = next_gc([CP1 | Bin0]),
    case next_cp(Bin1) of
        [] -> [GC | Acc];
        [CP3 | Bin] -> reverse_bin(Bin, CP3, [GC | Acc]);
        {error, Err} -> error({badarg, Err})
    end.

slice(CD, N) when is_integer(N), N >= 0 ->
    case skip_gcs(CD, N) of
        [] when is_binary(CD) -> <<>>;
        Res -> Res
    end.

slice(CD, N, Length) when is_integer(N), N >= 0, is_integer(Length), Length > 0 ->
    case skip_gcs(CD, N) of
        [] when is_binary(CD) -> <<>>;
        L -> take_gcs(L, Length)
    end;
slice(CD, N, infinity) ->
    case skip_gcs(CD, N) of
        [] when is_binary(CD) -> <<>>;
        Res -> Res
    end;
slice(CD, _, 0) ->
    case is_binary(CD) of
        true -> <<>>;
        false -> []
    end.

%% What follows the first N grapheme clusters.
skip_gcs(<<CP1/utf8, Bin/binary>>, N) when N > 0 -> skip_gcs_bin(Bin, CP1, N);
skip_gcs(L, N) -> skip_gcs_list(L, N).

skip_gcs_list([CP1 | [CP2 | _] = Cont], N) when ?LATIN1_PAIR(CP1, CP2), N > 0 ->
    skip_gcs_list(Cont, N - 1);
skip_gcs_list(CD, N) when N > 0 ->
    case next_gc(CD) of
        [_ | Cont] -> skip_gcs_list(Cont, N - 1);
        [] -> [];
        {error, Err} -> error({badarg, Err})
    end;
skip_gcs_list(Cont, 0) -> Cont.

skip_gcs_bin(<<CP2/utf8, Bin/binary>>, CP1, N) when ?LATIN1_PAIR(CP1, CP2), N > 1 ->
    skip_gcs_bin(Bin, CP2, N - 1);
skip_gcs_bin(Bin, CP1, N) ->
    [_ | Rest] = next_gc([CP1 | Bin]),
    if
        N > 1 ->
            case next_cp(Rest) of
                [CP2 | Cont] -> skip_gcs_bin(Cont, CP2, N - 1);
                [] -> <<>>;
                {error, Err} -> error({badarg, Err})
            end;
        N =:= 1 ->
            Rest
    end.

%% The first N grapheme clusters: a binary of a binary, else a list.
take_gcs(Orig, N) when is_binary(Orig) ->
    case Orig of
        <<CP1/utf8, Bin/binary>> when N > 0 ->
            Length = bytes_after_gcs(Bin, CP1, N),
            Sz = byte_size(Orig) - Length,
            <<Keep:Sz/binary, _/binary>> = Orig,
            Keep;
        <<_, _/binary>> when N > 0 ->
            error({badarg, Orig});
        _ ->
            <<>>
    end;
take_gcs(CD, N) when is_list(CD) ->
    take_gcs_list(CD, N).

take_gcs_list([CP1 | [CP2 | _] = Cont], N) when ?LATIN1_PAIR(CP1, CP2), N > 0 ->
    [CP1 | take_gcs_list(Cont, N - 1)];
take_gcs_list(CD, N) when N > 0 ->
    case next_gc(CD) of
        [GC | Cont] -> append(GC, take_gcs_list(Cont, N - 1));
        [] -> [];
        {error, Err} -> error({badarg, Err})
    end;
take_gcs_list(_, 0) -> [].

%% The bytes of the binary left after N clusters (the first, CP1, read).
bytes_after_gcs(<<CP2/utf8, Bin/binary>>, CP1, N) when ?LATIN1_PAIR(CP1, CP2), N > 0 ->
    bytes_after_gcs(Bin, CP2, N - 1);
bytes_after_gcs(CD, CP1, N) when N > 0 ->
    [_ | Bin] = next_gc([CP1 | CD]),
    case next_cp(Bin) of
        [CP2 | Cont] -> bytes_after_gcs(Cont, CP2, N - 1);
        [] -> 0;
        {error, Err} -> error({badarg, Err})
    end;
bytes_after_gcs(CD, CP1, 0) ->
    byte_size(CD) + byte_size(<<CP1/utf8>>).

pad(CD, Length) -> pad(CD, Length, trailing, $\s).

pad(CD, Length, Dir) -> pad(CD, Length, Dir, $\s).

pad(CD, Length, leading, Char) when is_integer(Length) ->
    [lists:duplicate(max(0, Length - length(CD)), Char), CD];
pad(CD, Length, trailing, Char) when is_integer(Length) ->
    [CD | lists:duplicate(max(0, Length - length(CD)), Char)];
pad(CD, Length, both, Char) when is_integer(Length) ->
    Size = max(0, Length - length(CD)),
    Pre = lists:duplicate(Size div 2, Char),
    Post = case Size rem 2 of
               1 -> [Char];
               _ -> []
           end,
    [Pre, CD, Pre | Post].

%% ---- trimming and taking -----------------------------------------------------------
%% Seps, once prepared by search_pattern/1: {Clusters, FirstCodepoints,
%% CompiledBinaryPattern | undefined}.

trim(Str) -> trim(Str, both, whitespace()).

trim(Str, Dir) -> trim(Str, Dir, whitespace()).

trim(Str, _, []) -> Str;
trim(Str, leading, [Sep]) when is_list(Str), Sep < 256 -> trim_l_one(Str, Sep);
trim(Str, leading, Sep) when is_list(Sep) -> trim_l(Str, Sep);
trim(Str, trailing, [Sep]) when is_list(Str), Sep < 256 -> trim_t_one(Str, Sep);
trim(Str, trailing, Seps0) when is_list(Seps0) -> trim_t(Str, 0, search_pattern(Seps0));
trim(Str, both, Sep) when is_list(Sep) -> trim(trim(Str, leading, Sep), trailing, Sep).

%% OTP's unicode_util:whitespace(): Pattern_White_Space, and CR LF.
whitespace() -> [[13, 10], 9, 10, 11, 12, 13, 32, 133, 8206, 8207, 8232, 8233].

chomp(Str) -> trim(Str, trailing, [[$\r, $\n], $\n]).

trim_l_one([CP1 | [CP2 | _] = Cont] = Str, Sep) when ?LATIN1_PAIR(CP1, CP2) ->
    case Sep of
        CP1 -> trim_l_one(Cont, Sep);
        _ -> Str
    end;
trim_l_one(Str, Sep) -> trim_l(Str, [Sep]).

trim_l([CP1 | [CP2 | _] = Cont] = Str, Sep) when ?LATIN1_PAIR(CP1, CP2) ->
    case lists:member(CP1, Sep) of
        true -> trim_l(Cont, Sep);
        false -> Str
    end;
trim_l([Bin | Cont0], Sep) when is_binary(Bin) ->
    case bin_skip_seps(Bin, Cont0, Sep) of
        {nomatch, Cont} -> trim_l(Cont, Sep);
        Keep -> Keep
    end;
trim_l(Str, Sep) when is_list(Str) ->
    case next_gc(Str) of
        [C | Cs] ->
            case lists:member(C, Sep) of
                true -> trim_l(Cs, Sep);
                false -> Str
            end;
        [] -> []
    end;
trim_l(Bin, Sep) when is_binary(Bin) ->
    case bin_skip_seps(Bin, [], Sep) of
        {nomatch, _} -> <<>>;
        [Keep] -> Keep
    end.

trim_t_one([Sep | Cs1] = Str, Sep) ->
    case Cs1 of
        [] -> [];
        [CP2 | _] when ?LATIN1_PAIR(Sep, CP2) ->
            Tail = trim_t_one(Cs1, Sep),
            case is_empty(Tail) of
                true -> [];
                false -> [Sep | Tail]
            end;
        _ -> trim_t(Str, 0, search_pattern([Sep]))
    end;
trim_t_one([CP | Cont], Sep) when is_integer(CP) -> [CP | trim_t_one(Cont, Sep)];
trim_t_one(Str, Sep) -> trim_t(Str, 0, search_pattern([Sep])).

%% N: bytes of a leading binary already known to stay.
trim_t([CP1 | Cont] = Cs0, _, {GCs, CPs, _} = Seps) when is_integer(CP1) ->
    case lists:member(CP1, CPs) of
        true ->
            [GC | Cs1] = next_gc(Cs0),
            case lists:member(GC, GCs) of
                true ->
                    Tail = trim_t(Cs1, 0, Seps),
                    case is_empty(Tail) of
                        true -> [];
                        false -> append(GC, Tail)
                    end;
                false ->
                    append(GC, trim_t(Cs1, 0, Seps))
            end;
        false ->
            [CP1 | trim_t(Cont, 0, Seps)]
    end;
trim_t([Bin | Cont0], N, {GCs, _, _} = Seps0) when is_binary(Bin) ->
    <<_:N/binary, Rest/binary>> = Bin,
    Seps = search_compile(Seps0),
    case bin_find_sep(Rest, Cont0, Seps) of
        {nomatch, _} ->
            stack(Bin, trim_t(Cont0, 0, Seps));
        [SepStart | Cont1] ->
            case bin_skip_seps(SepStart, Cont1, GCs) of
                {nomatch, Cont} ->
                    Tail = trim_t(Cont, 0, Seps),
                    case is_empty(Tail) of
                        true ->
                            KeepSz = byte_size(Bin) - byte_size(SepStart),
                            <<Keep:KeepSz/binary, _/binary>> = Bin,
                            Keep;
                        false ->
                            Used = cp_prefix(Cont0, Cont),
                            stack(Bin, stack(Used, Tail))
                    end;
                [NonSep | Cont] when is_binary(NonSep) ->
                    KeepSz = byte_size(Bin) - byte_size(NonSep),
                    trim_t([Bin | Cont], KeepSz, Seps)
            end
    end;
trim_t(Str, 0, {GCs, _, _} = Seps) when is_list(Str) ->
    case next_gc(Str) of
        [GC | Cs1] ->
            case lists:member(GC, GCs) of
                true ->
                    Tail = trim_t(Cs1, 0, Seps),
                    case is_empty(Tail) of
                        true -> [];
                        false -> append(GC, Tail)
                    end;
                false ->
                    append(GC, trim_t(Cs1, 0, Seps))
            end;
        [] -> []
    end;
trim_t(Bin, N, {GCs, _, _} = Seps0) when is_binary(Bin) ->
    <<_:N/binary, Rest/binary>> = Bin,
    Seps = search_compile(Seps0),
    case bin_find_sep(Rest, [], Seps) of
        {nomatch, _} -> Bin;
        [SepStart] ->
            case bin_skip_seps(SepStart, [], GCs) of
                {nomatch, _} ->
                    KeepSz = byte_size(Bin) - byte_size(SepStart),
                    <<Keep:KeepSz/binary, _/binary>> = Bin,
                    Keep;
                [NonSep] ->
                    KeepSz = byte_size(Bin) - byte_size(NonSep),
                    trim_t(Bin, KeepSz, Seps)
            end
    end.

take(Str, Sep) -> take(Str, Sep, false, leading).

take(Str, Sep, Complement) -> take(Str, Sep, Complement, leading).

take(Str, [], Complement, Dir) ->
    Empty = case is_binary(Str) of
                true -> <<>>;
                false -> []
            end,
    case {Complement, Dir} of
        {false, leading} -> {Empty, Str};
        {false, trailing} -> {Str, Empty};
        {true, leading} -> {Str, Empty};
        {true, trailing} -> {Empty, Str}
    end;
take(Str, Sep, false, leading) -> take_l(Str, Sep, []);
take(Str, Sep0, true, leading) -> take_lc(Str, search_pattern(Sep0), []);
take(Str, Sep0, false, trailing) -> take_t(Str, 0, search_pattern(Sep0));
take(Str, Sep0, true, trailing) -> take_tc(Str, 0, search_pattern(Sep0)).

%% Acc: what is taken, reversed, lists and binaries (see btoken/2).
take_l([CP1 | [CP2 | _] = Cont] = Str, Seps, Acc) when ?LATIN1_PAIR(CP1, CP2) ->
    case lists:member(CP1, Seps) of
        true -> take_l(Cont, Seps, [CP1 | Acc]);
        false -> {rev(Acc), Str}
    end;
take_l([Bin | Cont0], Seps, Acc) when is_binary(Bin) ->
    case bin_skip_seps(Bin, Cont0, Seps) of
        {nomatch, Cont} ->
            Used = cp_prefix(Cont0, Cont),
            take_l(Cont, Seps, [unicode:characters_to_binary([Bin | Used], unicode) | Acc]);
        [Bin1 | _] = After when is_binary(Bin1) ->
            First = byte_size(Bin) - byte_size(Bin1),
            <<Keep:First/binary, _/binary>> = Bin,
            {btoken(Keep, Acc), After}
    end;
take_l(Str, Seps, Acc) when is_list(Str) ->
    case next_gc(Str) of
        [C | Cs] ->
            case lists:member(C, Seps) of
                true -> take_l(Cs, Seps, append(rev(C), Acc));
                false -> {rev(Acc), Str}
            end;
        [] -> {rev(Acc), []}
    end;
take_l(Bin, Seps, Acc) when is_binary(Bin) ->
    case bin_skip_seps(Bin, [], Seps) of
        {nomatch, _} -> {btoken(Bin, Acc), <<>>};
        [After] ->
            First = byte_size(Bin) - byte_size(After),
            <<Keep:First/binary, _/binary>> = Bin,
            {btoken(Keep, Acc), After}
    end.

take_lc([CP1 | Cont] = Str0, {GCs, CPs, _} = Seps, Acc) when is_integer(CP1) ->
    case lists:member(CP1, CPs) of
        true ->
            [GC | Str] = next_gc(Str0),
            case lists:member(GC, GCs) of
                false -> take_lc(Str, Seps, append(rev(GC), Acc));
                true -> {rev(Acc), Str0}
            end;
        false ->
            take_lc(Cont, Seps, append(CP1, Acc))
    end;
take_lc([Bin | Cont0], Seps0, Acc) when is_binary(Bin) ->
    Seps = search_compile(Seps0),
    case bin_find_sep(Bin, Cont0, Seps) of
        {nomatch, Cont} ->
            Used = cp_prefix(Cont0, Cont),
            take_lc(Cont, Seps, [unicode:characters_to_binary([Bin | Used], unicode) | Acc]);
        [Bin1 | _] = After when is_binary(Bin1) ->
            First = byte_size(Bin) - byte_size(Bin1),
            <<Keep:First/binary, _/binary>> = Bin,
            {btoken(Keep, Acc), After}
    end;
take_lc(Str, {GCs, _, _} = Seps, Acc) when is_list(Str) ->
    case next_gc(Str) of
        [C | Cs] ->
            case lists:member(C, GCs) of
                false -> take_lc(Cs, Seps, append(rev(C), Acc));
                true -> {rev(Acc), Str}
            end;
        [] -> {rev(Acc), []}
    end;
take_lc(Bin, Seps0, Acc) when is_binary(Bin) ->
    Seps = search_compile(Seps0),
    case bin_find_sep(Bin, [], Seps) of
        {nomatch, _} -> {btoken(Bin, Acc), <<>>};
        [After] ->
            First = byte_size(Bin) - byte_size(After),
            <<Keep:First/binary, _/binary>> = Bin,
            {btoken(Keep, Acc), After}
    end.

take_t([CP1 | Cont] = Str0, _, {GCs, CPs, _} = Seps) when is_integer(CP1) ->
    case lists:member(CP1, CPs) of
        true ->
            [GC | Str] = next_gc(Str0),
            {Head, Tail} = take_t(Str, 0, Seps),
            case lists:member(GC, GCs) andalso is_empty(Head) of
                true -> {Head, append(GC, Tail)};
                false -> {append(GC, Head), Tail}
            end;
        false ->
            {Head, Tail} = take_t(Cont, 0, Seps),
            {[CP1 | Head], Tail}
    end;
take_t([Bin | Cont0], N, {GCs, _, _} = Seps0) when is_binary(Bin) ->
    <<_:N/binary, Rest/binary>> = Bin,
    Seps = search_compile(Seps0),
    case bin_find_sep(Rest, Cont0, Seps) of
        {nomatch, Cont} ->
            Used = cp_prefix(Cont0, Cont),
            {Head, Tail} = take_t(Cont, 0, Seps),
            {stack(unicode:characters_to_binary([Bin | Used], unicode), Head), Tail};
        [SepStart | Cont1] ->
            case bin_skip_seps(SepStart, Cont1, GCs) of
                {nomatch, Cont} ->
                    {Head, Tail} = take_t(Cont, 0, Seps),
                    Used = cp_prefix(Cont0, Cont),
                    case is_empty(Head) of
                        true ->
                            KeepSz = byte_size(Bin) - byte_size(SepStart),
                            <<Keep:KeepSz/binary, End/binary>> = Bin,
                            {Keep, stack(stack(End, Used), Tail)};
                        false ->
                            {stack(unicode:characters_to_binary([Bin | Used], unicode), Head), Tail}
                    end;
                [NonSep | Cont] when is_binary(NonSep) ->
                    KeepSz = byte_size(Bin) - byte_size(NonSep),
                    take_t([Bin | Cont], KeepSz, Seps)
            end
    end;
take_t(Str, 0, {GCs, _, _} = Seps) when is_list(Str) ->
    case next_gc(Str) of
        [GC | Cs1] ->
            {Head, Tail} = take_t(Cs1, 0, Seps),
            case lists:member(GC, GCs) andalso is_empty(Head) of
                true -> {Head, append(GC, Tail)};
                false -> {append(GC, Head), Tail}
            end;
        [] -> {[], []}
    end;
take_t(Bin, N, {GCs, _, _} = Seps0) when is_binary(Bin) ->
    <<_:N/binary, Rest/binary>> = Bin,
    Seps = search_compile(Seps0),
    case bin_find_sep(Rest, [], Seps) of
        {nomatch, _} -> {Bin, <<>>};
        [SepStart] ->
            case bin_skip_seps(SepStart, [], GCs) of
                {nomatch, _} ->
                    KeepSz = byte_size(Bin) - byte_size(SepStart),
                    <<Before:KeepSz/binary, End/binary>> = Bin,
                    {Before, End};
                [NonSep] ->
                    KeepSz = byte_size(Bin) - byte_size(NonSep),
                    take_t(Bin, KeepSz, Seps)
            end
    end.

take_tc([CP1 | [CP2 | _] = Cont], _, {GCs, _, _} = Seps) when ?LATIN1_PAIR(CP1, CP2) ->
    {Head, Tail} = take_tc(Cont, 0, Seps),
    case not lists:member(CP1, GCs) andalso is_empty(Head) of
        true -> {Head, append(CP1, Tail)};
        false -> {append(CP1, Head), Tail}
    end;
take_tc([Bin | Cont0], N, {GCs, _, _} = Seps0) when is_binary(Bin) ->
    <<_:N/binary, Rest/binary>> = Bin,
    case bin_skip_seps(Rest, Cont0, GCs) of
        {nomatch, Cont} ->
            Used = cp_prefix(Cont0, Cont),
            {Head, Tail} = take_tc(Cont, 0, Seps0),
            {stack(unicode:characters_to_binary([Bin | Used], unicode), Head), Tail};
        [SepStart | Cont1] ->
            Seps = search_compile(Seps0),
            case bin_find_sep(SepStart, Cont1, Seps) of
                {nomatch, Cont} ->
                    {Head, Tail} = take_tc(Cont, 0, Seps),
                    Used = cp_prefix(Cont0, Cont),
                    case is_empty(Head) of
                        true ->
                            KeepSz = byte_size(Bin) - byte_size(SepStart),
                            <<Keep:KeepSz/binary, End/binary>> = Bin,
                            {Keep, stack(stack(End, Used), Tail)};
                        false ->
                            {stack(unicode:characters_to_binary([Bin | Used], unicode), Head), Tail}
                    end;
                [NonSep | Cont] when is_binary(NonSep) ->
                    KeepSz = byte_size(Bin) - byte_size(NonSep),
                    take_tc([Bin | Cont], KeepSz, Seps)
            end
    end;
take_tc(Str, 0, {GCs, _, _} = Seps) when is_list(Str) ->
    case next_gc(Str) of
        [GC | Cs1] ->
            {Head, Tail} = take_tc(Cs1, 0, Seps),
            case not lists:member(GC, GCs) andalso is_empty(Head) of
                true -> {Head, append(GC, Tail)};
                false -> {append(GC, Head), Tail}
            end;
        [] -> {[], []}
    end;
take_tc(Bin, N, {GCs, _, _} = Seps0) when is_binary(Bin) ->
    <<_:N/binary, Rest/binary>> = Bin,
    case bin_skip_seps(Rest, [], GCs) of
        {nomatch, _} -> {Bin, <<>>};
        [SepStart] ->
            Seps = search_compile(Seps0),
            case bin_find_sep(SepStart, [], Seps) of
                {nomatch, _} ->
                    KeepSz = byte_size(Bin) - byte_size(SepStart),
                    <<Before:KeepSz/binary, End/binary>> = Bin,
                    {Before, End};
                [NonSep] ->
                    KeepSz = byte_size(Bin) - byte_size(NonSep),
                    take_tc(Bin, KeepSz, Seps)
            end
    end.

%% ---- case ------------------------------------------------------------------------------
%% A string that no mapping changes comes back as it was given.

uppercase(CD) -> recase(CD, upper).

lowercase(CD) -> recase(CD, lower).

casefold(CD) -> recase(CD, fold).

recase(CD, Which) when is_list(CD) ->
    try recase_list(CD, Which, false)
    catch throw:unchanged -> CD
    end;
recase(<<CP1/utf8, Rest/binary>> = Orig, Which) ->
    try recase_bin(CP1, Rest, Which, false) of
        List -> unicode:characters_to_binary(List, unicode)
    catch throw:unchanged -> Orig
    end;
recase(<<>>, _) -> <<>>;
recase(Bin, _) -> error({badarg, Bin}).

%% ASCII followed by Latin-1 maps without the table.
-define(ASCII_STEP(Which, C), (case Which of
                                   upper when $a =< C, C =< $z -> C - 32;
                                   upper -> C;
                                   _ when $A =< C, C =< $Z -> C + 32;
                                   _ -> C
                               end)).

recase_list([CP1 | [CP2 | _] = Cont], Which, Changed) when CP1 < 128, CP2 < 256 ->
    case ?ASCII_STEP(Which, CP1) of
        CP1 -> [CP1 | recase_list(Cont, Which, Changed)];
        New -> [New | recase_list(Cont, Which, true)]
    end;
recase_list([], _, true) -> [];
recase_list([], _, false) -> throw(unchanged);
recase_list(CPs0, Which, Changed) ->
    case case_cp(CPs0, Which) of
        [Char | CPs] when Char =:= hd(CPs0) -> [Char | recase_list(CPs, Which, Changed)];
        [Char | CPs] -> append(Char, recase_list(CPs, Which, true));
        [] -> recase_list([], Which, Changed)
    end.

recase_bin(CP1, <<CP2/utf8, Bin/binary>>, Which, Changed) when CP1 < 128, CP2 < 256 ->
    case ?ASCII_STEP(Which, CP1) of
        CP1 -> [CP1 | recase_bin(CP2, Bin, Which, Changed)];
        New -> [New | recase_bin(CP2, Bin, Which, true)]
    end;
recase_bin(CP1, Bin, Which, Changed) ->
    case case_cp([CP1 | Bin], Which) of
        [CP1 | CPs] ->
            case next_cp(CPs) of
                [Next | Rest] -> [CP1 | recase_bin(Next, Rest, Which, Changed)];
                [] when Changed -> [CP1];
                [] -> throw(unchanged);
                {error, Err} -> error({badarg, Err})
            end;
        [Char | CPs] ->
            case next_cp(CPs) of
                [Next | Rest] -> [Char | recase_bin(Next, Rest, Which, true)];
                [] -> [Char];
                {error, Err} -> error({badarg, Err})
            end
    end.

titlecase(CD) when is_list(CD) ->
    case case_cp(CD, title) of
        [GC | Tail] -> append(GC, Tail);
        Empty -> Empty
    end;
titlecase(CD) when is_binary(CD) ->
    case case_cp(CD, title) of
        [CP | Chars] when is_integer(CP) -> <<CP/utf8, Chars/binary>>;
        [CPs | Chars] -> <<<<<<CP/utf8>> || CP <- CPs>>/binary, Chars/binary>>;
        [] -> <<>>
    end.

%% ---- numbers ---------------------------------------------------------------------------

to_integer(String) ->
    try take(String, "+-0123456789") of
        {Head, Tail} ->
            case is_empty(Head) of
                true -> {error, no_integer};
                false ->
                    List = unicode:characters_to_list(Head, unicode),
                    case string:list_to_integer(List) of
                        {error, _} = Err -> Err;
                        {Int, Rest} -> number_rest(String, Int, Rest, List, Tail)
                    end
            end
    catch
        _:_ -> {error, badarg}
    end.

to_float(String) ->
    try take(String, "+-0123456789eE.,") of
        {Head, Tail} ->
            case is_empty(Head) of
                true -> {error, no_float};
                false ->
                    List = unicode:characters_to_list(Head, unicode),
                    case string:list_to_float(List) of
                        {error, _} = Err -> Err;
                        {Float, Rest} -> number_rest(String, Float, Rest, List, Tail)
                    end
            end
    catch
        _:_ -> {error, badarg}
    end.

%% The rest after the number, as a binary of a binary.
number_rest(String, Number, Rest, List, _) when is_binary(String) ->
    BSz = erlang:length(List) - erlang:length(Rest),
    <<_:BSz/binary, Cont/binary>> = String,
    {Number, Cont};
number_rest(_, Number, Rest, _, Tail) ->
    {Number, concat(Rest, Tail)}.

%% ---- searching -------------------------------------------------------------------------

prefix(Str, Prefix0) ->
    Result = case unicode:characters_to_list(Prefix0, unicode) of
                 [] -> Str;
                 Prefix -> after_prefix(Str, Prefix)
             end,
    case Result of
        [] when is_binary(Str) -> <<>>;
        Res -> Res
    end.

%% The last codepoint of the prefix must end a whole cluster of Cs.
after_prefix(Cs0, [GC]) ->
    case next_gc(Cs0) of
        [GC | Cs] -> Cs;
        _ -> nomatch
    end;
after_prefix([CP | Cs], [Pre | PreR]) when is_integer(CP) ->
    case CP =:= Pre of
        true -> after_prefix(Cs, PreR);
        false -> nomatch
    end;
after_prefix(<<CP/utf8, Cs/binary>>, [Pre | PreR]) ->
    case CP =:= Pre of
        true -> after_prefix(Cs, PreR);
        false -> nomatch
    end;
after_prefix(Cs0, [Pre | PreR]) ->
    case next_cp(Cs0) of
        [Pre | Cs] -> after_prefix(Cs, PreR);
        _ -> nomatch
    end.

split(String, SearchPattern) -> split(String, SearchPattern, leading).

split(String, SearchPattern, Where) ->
    case is_empty(SearchPattern) of
        true -> [String];
        false ->
            Needle = unicode:characters_to_list(SearchPattern, unicode),
            case split_1(String, Needle, 0, Where, [], []) of
                {_Curr, []} -> [String];
                {_Curr, Acc} when Where =:= trailing -> Acc;
                {Curr, Acc} when Where =:= all -> lists:reverse([Curr | Acc]);
                Acc when is_list(Acc) -> Acc
            end
    end.

%% Curr: the piece being read, reversed; Acc: the pieces before it.
split_1([CP1 | Cs] = Cs0, [C | _] = Needle, _, Where, Curr, Acc) when is_integer(CP1) ->
    case CP1 =:= C of
        true -> split_at(Cs0, Cs, C, Needle, Where, Curr, Acc);
        false -> split_1(Cs, Needle, 0, Where, append(CP1, Curr), Acc)
    end;
split_1([Bin | Cont0], Needle, Start, Where, Curr0, Acc) when is_binary(Bin) ->
    case bin_find_str(Bin, Start, Cont0, Needle) of
        {nomatch, Sz, Cont} ->
            <<Keep:Sz/binary, _/binary>> = Bin,
            split_1(Cont, Needle, 0, Where, [Keep | Curr0], Acc);
        {Before, [Cs0 | Cont], After} ->
            Curr = add_non_empty(Before, Curr0),
            case Where of
                leading -> [rev(Curr), After];
                trailing ->
                    <<_/utf8, Cs/binary>> = Cs0,
                    Next = byte_size(Bin) - byte_size(Cs),
                    split_1([Bin | Cont], Needle, Next, Where, Curr0, [rev(Curr), After]);
                all ->
                    split_1(After, Needle, 0, Where, [], [rev(Curr) | Acc])
            end
    end;
split_1(Cs0, [C | _] = Needle, _, Where, Curr, Acc) when is_list(Cs0) ->
    case next_cp(Cs0) of
        [C | Cs] -> split_at(Cs0, Cs, C, Needle, Where, Curr, Acc);
        [Other | Cs] -> split_1(Cs, Needle, 0, Where, append(Other, Curr), Acc);
        [] -> {rev(Curr), Acc}
    end;
split_1(Bin, [_ | _] = Needle, Start, Where, Curr0, Acc) ->
    case bin_find_str(Bin, Start, [], Needle) of
        {nomatch, _, _} ->
            <<_:Start/binary, Keep/binary>> = Bin,
            {rev([Keep | Curr0]), Acc};
        {Before, [Cs0], After} ->
            case Where of
                leading -> [rev([Before | Curr0]), After];
                trailing ->
                    <<_/utf8, Cs/binary>> = Cs0,
                    Next = byte_size(Bin) - byte_size(Cs),
                    split_1(Bin, Needle, Next, Where, Curr0, [btoken(Before, Curr0), After]);
                all ->
                    Next = byte_size(Bin) - byte_size(After),
                    <<_:Start/binary, Keep/binary>> = Before,
                    split_1(Bin, Needle, Next, Where, [], [rev([Keep | Curr0]) | Acc])
            end
    end.

%% Cs0 starts with C, the needle's first codepoint; Cs follows C.
split_at(Cs0, Cs, C, Needle, Where, Curr, Acc) ->
    case after_prefix(Cs0, Needle) of
        nomatch -> split_1(Cs, Needle, 0, Where, append(C, Curr), Acc);
        Rest when Where =:= leading -> [rev(Curr), Rest];
        Rest when Where =:= trailing ->
            split_1(Cs, Needle, 0, Where, [C | Curr], [rev(Curr), Rest]);
        Rest when Where =:= all -> split_1(Rest, Needle, 0, Where, [], [rev(Curr) | Acc])
    end.

replace(String, SearchPattern, Replacement) ->
    lists:join(Replacement, split(String, SearchPattern)).

replace(String, SearchPattern, Replacement, Where) ->
    lists:join(Replacement, split(String, SearchPattern, Where)).

lexemes([], _) -> [];
lexemes(Str, []) -> [Str];
lexemes(Str, Seps0) when is_list(Seps0) -> lexemes_m(Str, search_pattern(Seps0), []).

lexemes_m([CP | _] = Cs0, {GCs, CPs, _} = Seps0, Ts) when is_integer(CP) ->
    case lists:member(CP, CPs) of
        true ->
            [GC | Cs2] = next_gc(Cs0),
            case lists:member(GC, GCs) of
                true -> lexemes_m(Cs2, Seps0, Ts);
                false -> lexeme_next(Cs0, Seps0, Ts)
            end;
        false ->
            lexeme_next(Cs0, Seps0, Ts)
    end;
lexemes_m([Bin | Cont0], {GCs, _, _} = Seps0, Ts) when is_binary(Bin) ->
    case bin_skip_seps(Bin, Cont0, GCs) of
        {nomatch, Cont} -> lexemes_m(Cont, Seps0, Ts);
        Cs -> lexeme_next(Cs, Seps0, Ts)
    end;
lexemes_m(Cs0, {GCs, _, _} = Seps0, Ts) when is_list(Cs0) ->
    case next_gc(Cs0) of
        [C | Cs] ->
            case lists:member(C, GCs) of
                true -> lexemes_m(Cs, Seps0, Ts);
                false -> lexeme_next(Cs0, Seps0, Ts)
            end;
        [] -> lists:reverse(Ts)
    end;
lexemes_m(Bin, {GCs, _, _} = Seps0, Ts) when is_binary(Bin) ->
    case bin_skip_seps(Bin, [], GCs) of
        {nomatch, _} -> lists:reverse(Ts);
        [Cs] ->
            Seps = search_compile(Seps0),
            {Lexeme, Rest} = lexeme_pick(Cs, Seps, []),
            lexemes_m(Rest, Seps, add_non_empty(Lexeme, Ts))
    end.

lexeme_next(Cs, Seps0, Ts) ->
    Seps = search_compile(Seps0),
    {Lexeme, Rest} = lexeme_pick(Cs, Seps, []),
    lexemes_m(Rest, Seps, [Lexeme | Ts]).

%% The lexeme that Cs starts with, and what follows its separator.
lexeme_pick([CP | Cs1] = Cs0, {GCs, CPs, _} = Seps, Tkn) when is_integer(CP) ->
    case lists:member(CP, CPs) of
        true ->
            [GC | Cs2] = next_gc(Cs0),
            case lists:member(GC, GCs) of
                true -> {rev(Tkn), Cs2};
                false -> lexeme_pick(Cs2, Seps, append(rev(GC), Tkn))
            end;
        false ->
            lexeme_pick(Cs1, Seps, [CP | Tkn])
    end;
lexeme_pick([Bin | Cont0], Seps, Tkn) when is_binary(Bin) ->
    case bin_find_sep(Bin, Cont0, Seps) of
        {nomatch, _} -> lexeme_pick(Cont0, Seps, [Bin | Tkn]);
        [Left | _] = Cs ->
            Bytes = byte_size(Bin) - byte_size(Left),
            <<Lexeme:Bytes/binary, _/binary>> = Bin,
            {btoken(Lexeme, Tkn), Cs}
    end;
lexeme_pick(Cs0, {GCs, CPs, _} = Seps, Tkn) when is_list(Cs0) ->
    case next_cp(Cs0) of
        [CP | Cs] ->
            case lists:member(CP, CPs) of
                true ->
                    [GC | Cs2] = next_gc(Cs0),
                    case lists:member(GC, GCs) of
                        true -> {rev(Tkn), Cs2};
                        false -> lexeme_pick(Cs2, Seps, append(rev(GC), Tkn))
                    end;
                false ->
                    lexeme_pick(Cs, Seps, append(CP, Tkn))
            end;
        [] -> {rev(Tkn), []}
    end;
lexeme_pick(Bin, Seps, Tkn) when is_binary(Bin) ->
    case bin_find_sep(Bin, [], Seps) of
        {nomatch, _} -> {btoken(Bin, Tkn), []};
        [Left] ->
            Bytes = byte_size(Bin) - byte_size(Left),
            <<Lexeme:Bytes/binary, _/binary>> = Bin,
            {btoken(Lexeme, Tkn), Left}
    end.

nth_lexeme(Str, 1, []) -> Str;
nth_lexeme(Str, N, Seps0) when is_list(Seps0), is_integer(N), N > 0 ->
    nth_lexeme_m(Str, search_pattern(Seps0), N).

nth_lexeme_m([Bin | Cont0], {GCs, _, _} = Seps0, N) when is_binary(Bin) ->
    case bin_skip_seps(Bin, Cont0, GCs) of
        {nomatch, Cont} -> nth_lexeme_m(Cont, Seps0, N);
        Cs when N > 1 -> nth_lexeme_m(lexeme_skip(Cs, Seps0), Seps0, N - 1);
        Cs ->
            {Lexeme, _} = lexeme_pick(Cs, search_compile(Seps0), []),
            Lexeme
    end;
nth_lexeme_m(Cs0, {GCs, _, _} = Seps0, N) when is_list(Cs0) ->
    case next_gc(Cs0) of
        [C | Cs] ->
            case lists:member(C, GCs) of
                true -> nth_lexeme_m(Cs, Seps0, N);
                false when N > 1 -> nth_lexeme_m(lexeme_skip(Cs, Seps0), Seps0, N - 1);
                false ->
                    {Lexeme, _} = lexeme_pick(Cs0, search_compile(Seps0), []),
                    Lexeme
            end;
        [] -> []
    end;
nth_lexeme_m(Bin, {GCs, _, _} = Seps0, N) when is_binary(Bin) ->
    Seps = search_compile(Seps0),
    case bin_skip_seps(Bin, [], GCs) of
        [Cs] when N > 1 -> nth_lexeme_m(lexeme_skip(Cs, Seps), Seps, N - 1);
        [Cs] ->
            {Lexeme, _} = lexeme_pick(Cs, Seps, []),
            Lexeme;
        {nomatch, _} -> <<>>
    end.

%% What follows the end of the lexeme that Cs is in.
lexeme_skip([CP | Cs1] = Cs0, {GCs, CPs, _} = Seps) when is_integer(CP) ->
    case lists:member(CP, CPs) of
        true ->
            [GC | Cs2] = next_gc(Cs0),
            case lists:member(GC, GCs) of
                true -> Cs2;
                false -> lexeme_skip(Cs2, Seps)
            end;
        false ->
            lexeme_skip(Cs1, Seps)
    end;
lexeme_skip([Bin | Cont0], Seps0) when is_binary(Bin) ->
    Seps = search_compile(Seps0),
    case bin_find_sep(Bin, Cont0, Seps) of
        {nomatch, _} -> lexeme_skip(Cont0, Seps);
        Cs -> tl(next_gc(Cs))
    end;
lexeme_skip(Cs0, {GCs, CPs, _} = Seps) when is_list(Cs0) ->
    case next_cp(Cs0) of
        [CP | Cs] ->
            case lists:member(CP, CPs) of
                true ->
                    [GC | Cs2] = next_gc(Cs0),
                    case lists:member(GC, GCs) of
                        true -> Cs2;
                        false -> lexeme_skip(Cs2, Seps)
                    end;
                false ->
                    lexeme_skip(Cs, Seps)
            end;
        [] -> []
    end;
lexeme_skip(Bin, Seps0) when is_binary(Bin) ->
    Seps = search_compile(Seps0),
    case bin_find_sep(Bin, [], Seps) of
        {nomatch, _} -> <<>>;
        [Left] -> tl(next_gc(Left))
    end.

find(String, SearchPattern) -> find(String, SearchPattern, leading).

find(String, "", _) -> String;
find(String, <<>>, _) -> String;
find(String, SearchPattern, leading) ->
    find_l(String, unicode:characters_to_list(SearchPattern, unicode));
find(String, SearchPattern, trailing) ->
    find_r(String, unicode:characters_to_list(SearchPattern, unicode), nomatch).

find_l([C1 | Cs] = Cs0, [C | _] = Needle) when is_integer(C1) ->
    case C1 of
        C ->
            case after_prefix(Cs0, Needle) of
                nomatch -> find_l(Cs, Needle);
                _ -> Cs0
            end;
        _ -> find_l(Cs, Needle)
    end;
find_l([Bin | Cont0], Needle) when is_binary(Bin) ->
    case bin_find_str(Bin, 0, Cont0, Needle) of
        {nomatch, _, Cont} -> find_l(Cont, Needle);
        {_, Cs, _} -> Cs
    end;
find_l(Cs0, [C | _] = Needle) when is_list(Cs0) ->
    case next_cp(Cs0) of
        [C | Cs] ->
            case after_prefix(Cs0, Needle) of
                nomatch -> find_l(Cs, Needle);
                _ -> Cs0
            end;
        [_ | Cs] -> find_l(Cs, Needle);
        [] -> nomatch
    end;
find_l(Bin, Needle) ->
    case bin_find_str(Bin, 0, [], Needle) of
        {nomatch, _, _} -> nomatch;
        {_, [Cs], _} -> Cs
    end.

%% Res: where the last match so far starts.
find_r([Cp | Cs] = Cs0, [C | _] = Needle, Res) when is_integer(Cp) ->
    case Cp of
        C ->
            case after_prefix(Cs0, Needle) of
                nomatch -> find_r(Cs, Needle, Res);
                _ -> find_r(Cs, Needle, Cs0)
            end;
        _ -> find_r(Cs, Needle, Res)
    end;
find_r([Bin | Cont0], Needle, Res) when is_binary(Bin) ->
    case bin_find_str(Bin, 0, Cont0, Needle) of
        {nomatch, _, Cont} -> find_r(Cont, Needle, Res);
        {_, Cs0, _} ->
            [_ | Cs] = next_gc(Cs0),
            find_r(Cs, Needle, Cs0)
    end;
find_r(Cs0, [C | _] = Needle, Res) when is_list(Cs0) ->
    case next_cp(Cs0) of
        [C | Cs] ->
            case after_prefix(Cs0, Needle) of
                nomatch -> find_r(Cs, Needle, Res);
                _ -> find_r(Cs, Needle, Cs0)
            end;
        [_ | Cs] -> find_r(Cs, Needle, Res);
        [] -> Res
    end;
find_r(Bin, Needle, Res) ->
    case bin_find_str(Bin, 0, [], Needle) of
        {nomatch, _, _} -> Res;
        {_, [Cs0], _} ->
            <<_/utf8, Cs/binary>> = Cs0,
            find_r(Cs, Needle, Cs0)
    end.

%% ---- building results ----------------------------------------------------------------

%% A token: the binary part after the reversed pieces taken before it.
btoken(Token, []) -> Token;
btoken(BinPart, [C]) when is_integer(C) -> <<C/utf8, BinPart/binary>>;
btoken(<<>>, Tkn) -> lists:reverse(Tkn);
btoken(BinPart, Cs) -> [lists:reverse(Cs), BinPart].

rev([B]) when is_binary(B) -> B;
rev(L) when is_list(L) -> lists:reverse(L);
rev(C) when is_integer(C) -> C.

%% A cluster (codepoint or list) in front of a string.
append(Char, <<>>) when is_integer(Char) -> [Char];
append(Char, <<>>) when is_list(Char) -> Char;
append(Char, Bin) when is_binary(Bin) -> [Char, Bin];
append(Char, Str) when is_integer(Char) -> [Char | Str];
append(GC, Str) when is_list(GC) -> GC ++ Str.

stack(Bin, []) -> Bin;
stack(<<>>, St) -> St;
stack([], St) -> St;
stack(Bin, St) -> [Bin | St].

add_non_empty(<<>>, L) -> L;
add_non_empty(Token, L) -> [Token | L].

%% The codepoints of Orig before Cont (a tail of it, as read by next_cp/1).
cp_prefix(Orig, Cont) ->
    case next_cp(Cont) of
        [] -> Orig;
        [Cp | Rest] -> cp_prefix_1(Orig, Cp, Rest)
    end.

cp_prefix_1(Orig, Until, Cont) ->
    case next_cp(Orig) of
        [Until | Rest] ->
            case equal(Rest, Cont) of
                true -> [];
                false -> [Until | cp_prefix_1(Rest, Until, Cont)]
            end;
        [CP | Rest] -> [CP | cp_prefix_1(Rest, Until, Cont)]
    end.

%% ---- searching binaries ------------------------------------------------------------------

search_pattern({_, _, _} = P) -> P;
search_pattern(Seps) -> {Seps, first_cps(Seps), undefined}.

search_compile({Sep, CPs, undefined}) ->
    {Sep, CPs, binary:compile_pattern([<<CP/utf8>> || CP <- CPs])};
search_compile({_, _, _} = Compiled) ->
    Compiled.

first_cps([CP | Seps]) when is_integer(CP) -> [CP | first_cps(Seps)];
first_cps([Pattern | Seps]) ->
    [CP | _] = next_cp(Pattern),
    [CP | first_cps(Seps)];
first_cps([]) -> [].

%% Bin followed by Cont: [Where | Cont'] from the first separator cluster
%% on, or {nomatch, Cont'} (Cont' as read past the binary).
bin_find_sep(Bin, Cont, {Seps, _, BP}) -> bin_find_sep(Bin, 0, BP, Cont, Seps).

bin_find_sep(Bin0, Start, _, Cont, _) when byte_size(Bin0) =< Start; Start < 0 ->
    {nomatch, Cont};
bin_find_sep(Bin0, Start, BinSeps, Cont, Seps) ->
    <<_:Start/binary, Bin/binary>> = Bin0,
    case binary:match(Bin, BinSeps) of
        nomatch -> {nomatch, Cont};
        {Where, _} when Cont =:= [] ->
            <<_:Where/binary, Cont1/binary>> = Bin,
            [GC | Cont2] = next_gc(Cont1),
            case lists:member(GC, Seps) of
                false when Cont2 =:= [] -> {nomatch, []};
                false ->
                    Next = byte_size(Bin0) - byte_size(Cont2),
                    bin_find_sep(Bin0, Next, BinSeps, Cont, Seps);
                true -> [Cont1]
            end;
        {Where, _} ->
            <<_:Where/binary, Cont0/binary>> = Bin,
            Cont1 = [Cont0 | Cont],
            [GC | Cont2] = next_gc(Cont1),
            case lists:member(GC, Seps) of
                false ->
                    case Cont2 of
                        [BinR | Cont] when is_binary(BinR) ->
                            Next = byte_size(Bin0) - byte_size(BinR),
                            bin_find_sep(Bin0, Next, BinSeps, Cont, Seps);
                        _ -> {nomatch, Cont2}
                    end;
                true -> Cont1
            end
    end.

%% Bin followed by Cont: [Where | Cont'] from the first cluster that is no
%% separator on, or {nomatch, Cont'}.
bin_skip_seps(<<>>, Cont, _) -> {nomatch, Cont};
bin_skip_seps(Bin, Cont, [Sep]) -> bin_skip_sep(Bin, Cont, Sep);
bin_skip_seps(Bin, Cont, Seps) -> bin_skip_seps_n(Bin, Cont, Seps).

bin_skip_sep(<<CP1/utf8, BinRest/binary>> = Bin0, Cont, Sep) ->
    case BinRest of
        <<CP2/utf8, _/binary>> when ?LATIN1_PAIR(CP1, CP2) ->
            case CP1 of
                Sep -> bin_skip_sep(BinRest, Cont, Sep);
                _ -> [Bin0 | Cont]
            end;
        _ when Cont =:= [] ->
            case next_gc(Bin0) of
                [Sep | Bin] -> bin_skip_sep(Bin, Cont, Sep);
                _ -> [Bin0 | Cont]
            end;
        _ ->
            case next_gc([Bin0 | Cont]) of
                [Sep, Bin | Cont] when is_binary(Bin) -> bin_skip_sep(Bin, Cont, Sep);
                [Sep | Cs] -> {nomatch, Cs};
                _ -> [Bin0 | Cont]
            end
    end;
bin_skip_sep(<<>>, Cont, _) -> {nomatch, Cont};
bin_skip_sep([], Cont, _) -> {nomatch, Cont};
bin_skip_sep(Bin, _, _) -> error({badarg, Bin}).

bin_skip_seps_n(<<CP1/utf8, BinRest/binary>> = Bin0, Cont, Seps) ->
    case BinRest of
        <<CP2/utf8, _/binary>> when ?LATIN1_PAIR(CP1, CP2) ->
            case lists:member(CP1, Seps) of
                true -> bin_skip_seps_n(BinRest, Cont, Seps);
                false -> [Bin0 | Cont]
            end;
        _ when Cont =:= [] ->
            [GC | Bin] = next_gc(Bin0),
            case lists:member(GC, Seps) of
                true -> bin_skip_seps_n(Bin, Cont, Seps);
                false -> [Bin0 | Cont]
            end;
        _ ->
            [GC | Cs0] = next_gc([Bin0 | Cont]),
            case lists:member(GC, Seps) of
                false -> [Bin0 | Cont];
                true ->
                    case Cs0 of
                        [Bin | Cont] when is_binary(Bin) -> bin_skip_seps_n(Bin, Cont, Seps);
                        _ -> {nomatch, Cs0}
                    end
            end
    end;
bin_skip_seps_n(<<>>, Cont, _) -> {nomatch, Cont};
bin_skip_seps_n([], Cont, _) -> {nomatch, Cont};
bin_skip_seps_n(Bin, _, _) -> error({badarg, Bin}).

%% The string SearchCPs in Bin (from byte Start on, followed by Cont):
%% {Before, [Match | Cont], After} or {nomatch, BytesRead, Cont'}.
bin_find_str(Bin0, Start, [], SearchCPs) ->
    Compiled = binary:compile_pattern(unicode:characters_to_binary(SearchCPs, unicode)),
    bin_find_whole(Bin0, Start, Compiled, SearchCPs);
bin_find_str(Bin0, Start, Cont, [CP | _] = SearchCPs) ->
    First = binary:compile_pattern(<<CP/utf8>>),
    bin_find_first(Bin0, Start, Cont, First, SearchCPs).

bin_find_whole(Bin0, Start, Pattern, SearchCPs) ->
    <<_:Start/binary, Bin/binary>> = Bin0,
    case binary:match(Bin, Pattern) of
        nomatch -> {nomatch, byte_size(Bin0), []};
        {Where0, _} ->
            Where = Start + Where0,
            <<Keep:Where/binary, Cs0/binary>> = Bin0,
            case after_prefix(Cs0, SearchCPs) of
                nomatch ->
                    <<_/utf8, Cs/binary>> = Cs0,
                    bin_find_whole(Bin0, byte_size(Bin0) - byte_size(Cs), Pattern, SearchCPs);
                [] -> {Keep, [Cs0], <<>>};
                Rest -> {Keep, [Cs0], Rest}
            end
    end.

%% The match may run on past the binary into Cont.
bin_find_first(Bin0, Start, Cont, First, SearchCPs) ->
    <<_:Start/binary, Bin/binary>> = Bin0,
    case binary:match(Bin, First) of
        nomatch -> {nomatch, byte_size(Bin0), Cont};
        {Where0, _} ->
            Where = Start + Where0,
            <<Keep:Where/binary, Cs0/binary>> = Bin0,
            [GC | Cs] = next_gc(Cs0),
            case after_prefix(stack(Cs0, Cont), SearchCPs) of
                nomatch when is_binary(Cs) ->
                    bin_find_first(Bin0, byte_size(Bin0) - byte_size(Cs), Cont, First, SearchCPs);
                nomatch -> {nomatch, Where, stack([GC | Cs], Cont)};
                [] -> {Keep, [Cs0 | Cont], <<>>};
                Rest -> {Keep, [Cs0 | Cont], Rest}
            end
    end.

%% ---- the old API: Latin-1 lists ------------------------------------------------------------

len(S) -> erlang:length(S).

concat(S1, S2) -> S1 ++ S2.

chr(S, C) when is_integer(C) -> chr(S, C, 1).

chr([C | _], C, I) -> I;
chr([_ | Cs], C, I) -> chr(Cs, C, I + 1);
chr([], _, _) -> 0.

rchr(S, C) when is_integer(C) -> rchr(S, C, 1, 0).

rchr([C | Cs], C, I, _) -> rchr(Cs, C, I + 1, I);
rchr([_ | Cs], C, I, L) -> rchr(Cs, C, I + 1, L);
rchr([], _, _, L) -> L.

str(S, Sub) when is_list(Sub) -> str(S, Sub, 1).

str([C | S], [C | Sub], I) ->
    case is_prefix(Sub, S) of
        true -> I;
        false -> str(S, [C | Sub], I + 1)
    end;
str([_ | S], Sub, I) -> str(S, Sub, I + 1);
str([], _, _) -> 0.

rstr(S, Sub) when is_list(Sub) -> rstr(S, Sub, 1, 0).

rstr([C | S], [C | Sub], I, L) ->
    case is_prefix(Sub, S) of
        true -> rstr(S, [C | Sub], I + 1, I);
        false -> rstr(S, [C | Sub], I + 1, L)
    end;
rstr([_ | S], Sub, I, L) -> rstr(S, Sub, I + 1, L);
rstr([], _, _, L) -> L.

is_prefix([C | Pre], [C | String]) -> is_prefix(Pre, String);
is_prefix([], String) when is_list(String) -> true;
is_prefix(Pre, String) when is_list(Pre), is_list(String) -> false.

span(S, Cs) when is_list(Cs) -> span(S, Cs, 0).

span([C | S], Cs, I) ->
    case lists:member(C, Cs) of
        true -> span(S, Cs, I + 1);
        false -> I
    end;
span([], _, I) -> I.

cspan(S, Cs) when is_list(Cs) -> cspan(S, Cs, 0).

cspan([C | S], Cs, I) ->
    case lists:member(C, Cs) of
        true -> I;
        false -> cspan(S, Cs, I + 1)
    end;
cspan([], _, I) -> I.

substr(String, 1) when is_list(String) -> String;
substr(String, S) when is_integer(S), S > 1 -> substr_from(String, S).

substr(String, S, L) when is_integer(S), S >= 1, is_integer(L), L >= 0 ->
    substr_take(substr_from(String, S), L).

substr_take([C | String], L) when L > 0 -> [C | substr_take(String, L - 1)];
substr_take(String, _) when is_list(String) -> [].

substr_from(String, 1) when is_list(String) -> String;
substr_from([_ | String], S) -> substr_from(String, S - 1).

%% Tokens are gathered from the end of the list.
tokens(S, Seps) ->
    case Seps of
        [] ->
            case S of
                [] -> [];
                [_ | _] -> [S]
            end;
        [C] -> tokens_one(lists:reverse(S), C, []);
        [_ | _] -> tokens_any(lists:reverse(S), Seps, [])
    end.

tokens_one([Sep | S], Sep, Toks) -> tokens_one(S, Sep, Toks);
tokens_one([C | S], Sep, Toks) -> tokens_one(S, Sep, Toks, [C]);
tokens_one([], _, Toks) -> Toks.

tokens_one([Sep | S], Sep, Toks, Tok) -> tokens_one(S, Sep, [Tok | Toks]);
tokens_one([C | S], Sep, Toks, Tok) -> tokens_one(S, Sep, Toks, [C | Tok]);
tokens_one([], _, Toks, Tok) -> [Tok | Toks].

tokens_any([C | S], Seps, Toks) ->
    case lists:member(C, Seps) of
        true -> tokens_any(S, Seps, Toks);
        false -> tokens_any(S, Seps, Toks, [C])
    end;
tokens_any([], _, Toks) -> Toks.

tokens_any([C | S], Seps, Toks, Tok) ->
    case lists:member(C, Seps) of
        true -> tokens_any(S, Seps, [Tok | Toks]);
        false -> tokens_any(S, Seps, Toks, [C | Tok])
    end;
tokens_any([], _, Toks, Tok) -> [Tok | Toks].

chars(C, N) -> chars(C, N, []).

chars(C, N, Tail) when N > 0 -> chars(C, N - 1, [C | Tail]);
chars(C, 0, Tail) when is_integer(C) -> Tail.

copies(CharList, Num) when is_list(CharList), is_integer(Num), Num >= 0 ->
    copies(CharList, Num, []).

copies(_, 0, R) -> R;
copies(CharList, Num, R) -> copies(CharList, Num - 1, CharList ++ R).

words(String) -> words(String, $\s).

words(String, Char) when is_integer(Char) -> count_words(strip(String, both, Char), Char, 0).

count_words([], _, Num) -> Num + 1;
count_words([H | T], H, Num) -> count_words(strip(T, left, H), H, Num + 1);
count_words([_ | T], Char, Num) -> count_words(T, Char, Num).

sub_word(String, Index) -> sub_word(String, Index, $\s).

sub_word(String, Index, Char) when is_integer(Index), is_integer(Char) ->
    case words(String, Char) of
        Num when Num < Index -> [];
        _ -> nth_word(strip(String, left, Char), Index, Char, 1, [])
    end.

nth_word([], _, _, _, Res) -> lists:reverse(Res);
nth_word([Char | _], Index, Char, Index, Res) -> lists:reverse(Res);
nth_word([H | T], Index, Char, Index, Res) -> nth_word(T, Index, Char, Index, [H | Res]);
nth_word([Char | T], Stop, Char, Index, Res) when Index < Stop ->
    nth_word(strip(T, left, Char), Stop, Char, Index + 1, Res);
nth_word([_ | T], Stop, Char, Index, Res) when Index < Stop -> nth_word(T, Stop, Char, Index, Res).

strip(String) -> strip(String, both).

strip(String, left) -> strip_left(String, $\s);
strip(String, right) -> strip_right(String, $\s);
strip(String, both) -> strip_right(strip_left(String, $\s), $\s).

strip(String, right, Char) -> strip_right(String, Char);
strip(String, left, Char) -> strip_left(String, Char);
strip(String, both, Char) -> strip_right(strip_left(String, Char), Char).

strip_left([Sc | S], Sc) -> strip_left(S, Sc);
strip_left([_ | _] = S, Sc) when is_integer(Sc) -> S;
strip_left([], Sc) when is_integer(Sc) -> [].

strip_right([Sc | S], Sc) ->
    case strip_right(S, Sc) of
        [] -> [];
        T -> [Sc | T]
    end;
strip_right([C | S], Sc) -> [C | strip_right(S, Sc)];
strip_right([], Sc) when is_integer(Sc) -> [].

%% Like len/1, left, right and centre count list elements.
left(String, Len) when is_integer(Len) -> left(String, Len, $\s).

left(String, Len, Char) when is_integer(Char) ->
    Slen = erlang:length(String),
    if
        Slen > Len -> substr(String, 1, Len);
        Slen < Len -> String ++ chars(Char, Len - Slen);
        Slen =:= Len -> String
    end.

right(String, Len) when is_integer(Len) -> right(String, Len, $\s).

right(String, Len, Char) when is_integer(Char) ->
    Slen = erlang:length(String),
    if
        Slen > Len -> substr(String, Slen - Len + 1);
        Slen < Len -> chars(Char, Len - Slen, String);
        Slen =:= Len -> String
    end.

centre(String, Len) when is_integer(Len) -> centre(String, Len, $\s).

centre(String, 0, Char) when is_list(String), is_integer(Char) -> [];
centre(String, Len, Char) when is_integer(Char) ->
    Slen = erlang:length(String),
    if
        Slen > Len -> substr(String, (Slen - Len) div 2 + 1, Len);
        Slen < Len ->
            N = (Len - Slen) div 2,
            chars(Char, N, String ++ chars(Char, Len - (Slen + N)));
        Slen =:= Len -> String
    end.

sub_string(String, Start) -> substr(String, Start).

sub_string(String, Start, Stop) -> substr(String, Start, Stop - Start + 1).

to_lower(S) when is_list(S) -> [lower_latin1(C) || C <- S];
to_lower(C) when is_integer(C) -> lower_latin1(C).

to_upper(S) when is_list(S) -> [upper_latin1(C) || C <- S];
to_upper(C) when is_integer(C) -> upper_latin1(C).

lower_latin1(C) when is_integer(C), $A =< C, C =< $Z; is_integer(C), 192 =< C, C =< 214;
                     is_integer(C), 216 =< C, C =< 222 -> C + 32;
lower_latin1(C) -> C.

upper_latin1(C) when is_integer(C), $a =< C, C =< $z; is_integer(C), 224 =< C, C =< 246;
                     is_integer(C), 248 =< C, C =< 254 -> C - 32;
upper_latin1(C) -> C.

join([], Sep) when is_list(Sep) -> [];
join([H | T], Sep) -> H ++ lists:append([Sep ++ X || X <- T]).

%% ---- codepoints and grapheme clusters ------------------------------------------
%% next_cp/1 and next_gc/1 are OTP's unicode_util:cp/1 and gc/1: the first
%% codepoint (cluster) of chardata and the rest, {error, Rest} at bad UTF-8.
%% After the first codepoint of a nested list, up to three more codepoints
%% are pulled out of the nesting (not out of binaries), as OTP does, since
%% the rest is visible to callers.

next_codepoint(CD) -> next_cp(CD).

next_grapheme(CD) -> next_gc(CD).

next_cp([C | _] = L) when is_integer(C) -> L;
next_cp([Inner]) -> next_cp(Inner);
next_cp([Inner | Rest]) -> cp_in(Inner, Rest);
next_cp([]) -> [];
next_cp(<<C/utf8, Rest/binary>>) -> [C | Rest];
next_cp(<<>>) -> [];
next_cp(<<Bad/binary>>) -> {error, Bad}.

%% The first codepoint of Inner, the first element of a list whose other
%% elements are Rest.
cp_in([C], Rest) when is_integer(C) -> [C | pull_out(3, Rest)];
cp_in([C | T], Rest) when is_integer(C) -> [C | pull_in(3, T, Rest)];
cp_in([Inner], Rest) -> cp_in(Inner, Rest);
cp_in([Inner | T], Rest) -> cp_in(Inner, [T | Rest]);
cp_in([], Rest) -> next_cp(Rest);
cp_in(<<C/utf8, T/binary>>, Rest) -> [C, T | Rest];
cp_in(<<>>, Rest) -> next_cp(Rest);
cp_in(<<Bad/binary>>, Rest) -> {error, [Bad | Rest]}.

%% Pulls up to N codepoints out of nested list T (followed by Rest) to the top.
pull_in(1, [C], Rest) when is_integer(C) -> [C | Rest];
pull_in(1, [C | T], Rest) when is_integer(C) -> [C, T | Rest];
pull_in(N, [C | T], Rest) when is_integer(C) -> [C | pull_in(N - 1, T, Rest)];
pull_in(N, [Inner], Rest) -> pull_in(N, Inner, Rest);
pull_in(N, [Inner | T], Rest) -> pull_in(N, Inner, [T | Rest]);
pull_in(N, [], Rest) -> pull_out(N, Rest);
pull_in(_, T, Rest) -> [T | Rest].

%% The same at the level of Rest itself.
pull_out(1, [C | _] = T) when is_integer(C) -> T;
pull_out(N, [C | T]) when is_integer(C) -> [C | pull_out(N - 1, T)];
pull_out(N, [Inner]) -> pull_out(N, Inner);
pull_out(N, [Inner | T]) -> pull_in(N, Inner, T);
pull_out(_, T) -> T.

%% next_cp/1 for lists only: a binary before the first codepoint is
%% binary_found.
next_cp_list([C | _] = L) when is_integer(C) -> L;
next_cp_list([Inner]) -> next_cp_list(Inner);
next_cp_list([Inner | Rest]) -> cp_list_in(Inner, Rest);
next_cp_list([]) -> [];
next_cp_list(_) -> binary_found.

cp_list_in([C], Rest) when is_integer(C) -> [C | pull_out(3, Rest)];
cp_list_in([C | T], Rest) when is_integer(C) -> [C | pull_in(3, T, Rest)];
cp_list_in([Inner], Rest) -> cp_list_in(Inner, Rest);
cp_list_in([Inner | T], Rest) -> cp_list_in(Inner, [T | Rest]);
cp_list_in([], Rest) -> next_cp_list(Rest);
cp_list_in(_, _) -> binary_found.

next_gc([] = R) -> R;
next_gc([CP] = R) when is_integer(CP) -> R;
next_gc([$\r | R0]) ->
    case next_cp(R0) of
        [$\n | R1] -> [[$\r, $\n] | R1];
        T -> [$\r | T]
    end;
next_gc([CP1 | T1] = T) when CP1 < 256 ->
    case T1 of
        [CP2 | _] when CP2 < 256 -> T;
        _ ->
            case next_cp_list(T1) of
                [CP2 | _] = T3 when CP2 < 256 -> [CP1 | T3];
                binary_found -> gc_first(T);
                T4 -> gc_first([CP1 | T4])
            end
    end;
next_gc(<<>>) -> [];
next_gc(<<CP1/utf8, Rest/binary>>) when CP1 < 256, CP1 =/= $\r ->
    case Rest of
        <<CP2/utf8, _/binary>> when CP2 < 256 -> [CP1 | Rest];
        _ -> gc_first([CP1 | Rest])
    end;
next_gc(<<CP1/utf8, Rest/binary>>) -> gc_first([CP1 | Rest]);
next_gc([CP | _] = T) when is_integer(CP) -> gc_first(T);
next_gc(Str) ->
    case next_cp(Str) of
        {error, _} = Error -> Error;
        CPs -> next_gc(CPs)
    end.

%% The cluster that starts with CP, by CP's break class.
gc_first([$\r | R] = R0) ->
    case next_cp(R) of
        [$\n | R1] -> [[$\r, $\n] | R1];
        _ -> R0
    end;
gc_first([CP | R] = R0) when CP < 256 ->
    if
        is_integer(CP), 0 =< CP, CP < 32; is_integer(CP), 127 =< CP, CP =< 159; CP =:= 173 -> R0;
        CP =:= 169; CP =:= 174 -> gc_pict(R, [CP]);
        true ->
            case R of
                [CP2 | _] when CP2 < 256 -> R0;
                _ -> gc_extend(next_cp(R), R, CP)
            end
    end;
gc_first([CP | R] = R0) ->
    case gc_class(CP) of
        control -> R0;
        prepend -> gc_prepend(R, CP);
        hangul_l -> gc_hangul_l(R, [CP]);
        hangul_v -> gc_hangul_v(R, [CP]);
        hangul_t -> gc_hangul_t(R, [CP]);
        syllable -> gc_syllable(R0, R0, []);
        regional -> gc_regional(R, CP);
        pict -> gc_pict(R, [CP]);
        other -> gc_extend(next_cp(R), R, CP)
    end.

gc_class(CP) ->
    if
        ?IS_L(CP) -> hangul_l;
        ?IS_V(CP) -> hangul_v;
        ?IS_T(CP) -> hangul_t;
        44000 < CP, CP < 56000 -> syllable;
        127462 =< CP, CP =< 127487 -> regional;
        true ->
            case in_ranges(CP, control_ranges()) of
                true -> control;
                false ->
                    case in_ranges(CP, prepend_ranges()) of
                        true -> prepend;
                        false ->
                            case in_ranges(CP, pict_ranges()) of
                                true -> pict;
                                false -> other
                            end
                    end
            end
    end.

is_extend(8205) -> zwj;
is_extend(CP) -> in_ranges(CP, extend_ranges()).

is_control(CP) -> in_ranges(CP, control_ranges()).

%% CPs: next_cp/1 of T0. Joins the extends that follow CP0.
gc_extend([CP | T], T0, CP0) ->
    case is_extend(CP) of
        false -> [CP0 | T0];
        _ -> gc_extend_more(next_cp(T), T, [CP, CP0])
    end;
gc_extend([], T0, CP0) -> [CP0 | T0];
gc_extend({error, R}, _, CP0) -> [CP0 | R].

gc_extend_more([CP | T], T0, Acc) ->
    case is_extend(CP) of
        false -> [lists:reverse(Acc) | T0];
        _ -> gc_extend_more(next_cp(T), T, [CP | Acc])
    end;
gc_extend_more([], T0, Acc) -> [lists:reverse(Acc) | T0];
gc_extend_more({error, R}, _, Acc) -> [lists:reverse(Acc), R].

%% A pictograph takes extends, and after a ZWJ another pictograph.
gc_pict(T, Acc) -> gc_pict(next_cp(T), T, Acc).

gc_pict([CP | R1], T0, Acc) ->
    case is_extend(CP) of
        zwj -> gc_pict_zwj(next_cp(R1), R1, [CP | Acc]);
        true -> gc_pict(R1, [CP | Acc]);
        false -> gc_done(Acc, T0)
    end;
gc_pict([], T0, Acc) -> gc_done(Acc, T0);
gc_pict({error, R}, T0, Acc) -> gc_done(Acc, T0) ++ [R].

gc_pict_zwj([CP | R1], T0, Acc) ->
    case in_ranges(CP, pict_ranges()) of
        true -> gc_pict(R1, [CP | Acc]);
        false -> gc_done(Acc, T0)
    end;
gc_pict_zwj([], T0, Acc) -> gc_done(Acc, T0);
gc_pict_zwj({error, R}, T0, Acc) -> gc_done(Acc, T0) ++ [R].

gc_done([A], T0) -> [A | T0];
gc_done(Acc, T0) -> [lists:reverse(Acc) | T0].

gc_regional(R0, CP0) ->
    case next_cp(R0) of
        [CP | R1] when 127462 =< CP, CP =< 127487 -> gc_extend_more(next_cp(R1), R1, [CP, CP0]);
        R1 -> gc_extend(R1, R0, CP0)
    end.

%% A prepend joins what follows unless it is a control.
gc_prepend(R00, CP0) ->
    case next_cp(R00) of
        [CP1 | _] = R0 ->
            case is_control(CP1) of
                true -> [CP0 | R00];
                false ->
                    case gc_first(R0) of
                        [GC | R1] when is_integer(GC) -> [[CP0, GC] | R1];
                        [GC | R1] -> [[CP0 | GC] | R1]
                    end
            end;
        [] -> [CP0];
        {error, R} -> [CP0 | R]
    end.

gc_hangul_l(R0, Acc) ->
    case next_cp(R0) of
        [CP | R1] when ?IS_L(CP) -> gc_hangul_l(R1, [CP | Acc]);
        [CP | R1] when ?IS_V(CP) -> gc_hangul_v(R1, [CP | Acc]);
        R1 -> gc_syllable(R1, R0, Acc)
    end.

gc_hangul_v(R0, Acc) ->
    case next_cp(R0) of
        [CP | R1] when ?IS_V(CP) -> gc_hangul_v(R1, [CP | Acc]);
        [CP | R1] when ?IS_T(CP) -> gc_hangul_t(R1, [CP | Acc]);
        R1 -> gc_hangul_end(R1, R0, Acc)
    end.

gc_hangul_t(R0, Acc) ->
    case next_cp(R0) of
        [CP | R1] when ?IS_T(CP) -> gc_hangul_t(R1, [CP | Acc]);
        R1 -> gc_hangul_end(R1, R0, Acc)
    end.

gc_hangul_end(R1, R0, [CP]) -> gc_extend(R1, R0, CP);
gc_hangul_end(R1, R0, Acc) -> gc_extend_more(R1, R0, Acc).

%% CPs (next_cp/1 of R0) may start with a syllable that continues the
%% cluster: LV (no final consonant, every 28th) or LVT.
gc_syllable([CP | R1], _, Acc) when is_integer(CP), 44032 =< CP, CP =< 55203 ->
    case (CP - 44032) rem 28 of
        0 -> gc_hangul_v(R1, [CP | Acc]);
        _ -> gc_hangul_t(R1, [CP | Acc])
    end;
gc_syllable([CP | R1], _, []) -> gc_extend(next_cp(R1), R1, CP);
gc_syllable(CPs, R0, Acc) -> gc_hangul_end(CPs, R0, Acc).

%% Binary search in a tuple of sorted, disjoint {Lo, Hi} ranges.
in_ranges(CP, Ranges) -> in_ranges(CP, Ranges, 1, tuple_size(Ranges)).

in_ranges(CP, Ranges, Lo, Hi) when Lo =< Hi ->
    Mid = (Lo + Hi) div 2,
    case element(Mid, Ranges) of
        {A, _} when CP < A -> in_ranges(CP, Ranges, Lo, Mid - 1);
        {_, B} when CP > B -> in_ranges(CP, Ranges, Mid + 1, Hi);
        _ -> true
    end;
in_ranges(_, _, _, _) -> false.

%% ---- case of one codepoint -------------------------------------------------------
%% OTP maps case codepoint by codepoint (unicode_util:uppercase/1 and the
%% like): the first codepoint of CD mapped, and the rest; a mapping may be
%% a list of codepoints.

case_cp(CD, Which) ->
    case next_cp(CD) of
        [CP | Rest] -> [case_of(CP, Which) | Rest];
        [] -> [];
        {error, Err} -> error({badarg, Err})
    end.

case_of(CP, Which) ->
    case case_table() of
        #{CP := {U, L, T, F}} ->
            case Which of
                upper -> U;
                lower -> L;
                title -> T;
                fold -> F
            end;
        #{} ->
            CP
    end.

%% ---- generated tables (scripts/gen_string_tables.escript) ----
%% Unicode 14.0, as OTP 25's unicode_util has it.
%% Grapheme_Cluster_Break Extend and SpacingMark (ZWJ too): 306 ranges.
extend_ranges() ->
    {{768,879}, {1155,1161}, {1425,1469}, {1471,1471}, {1473,1474}, {1476,1477}, {1479,1479},
     {1552,1562}, {1611,1631}, {1648,1648}, {1750,1756}, {1759,1764}, {1767,1768}, {1770,1773},
     {1809,1809}, {1840,1866}, {1958,1968}, {2027,2035}, {2045,2045}, {2070,2073}, {2075,2083},
     {2085,2087}, {2089,2093}, {2137,2139}, {2200,2207}, {2250,2273}, {2275,2307}, {2362,2364},
     {2366,2383}, {2385,2391}, {2402,2403}, {2433,2435}, {2492,2492}, {2494,2500}, {2503,2504},
     {2507,2509}, {2519,2519}, {2530,2531}, {2558,2558}, {2561,2563}, {2620,2620}, {2622,2626},
     {2631,2632}, {2635,2637}, {2641,2641}, {2672,2673}, {2677,2677}, {2689,2691}, {2748,2748},
     {2750,2757}, {2759,2761}, {2763,2765}, {2786,2787}, {2810,2815}, {2817,2819}, {2876,2876},
     {2878,2884}, {2887,2888}, {2891,2893}, {2901,2903}, {2914,2915}, {2946,2946}, {3006,3010},
     {3014,3016}, {3018,3021}, {3031,3031}, {3072,3076}, {3132,3132}, {3134,3140}, {3142,3144},
     {3146,3149}, {3157,3158}, {3170,3171}, {3201,3203}, {3260,3260}, {3262,3268}, {3270,3272},
     {3274,3277}, {3285,3286}, {3298,3299}, {3328,3331}, {3387,3388}, {3390,3396}, {3398,3400},
     {3402,3405}, {3415,3415}, {3426,3427}, {3457,3459}, {3530,3530}, {3535,3540}, {3542,3542},
     {3544,3551}, {3570,3571}, {3633,3633}, {3635,3642}, {3655,3662}, {3761,3761}, {3763,3772},
     {3784,3789}, {3864,3865}, {3893,3893}, {3895,3895}, {3897,3897}, {3902,3903}, {3953,3972},
     {3974,3975}, {3981,3991}, {3993,4028}, {4038,4038}, {4141,4151}, {4153,4158}, {4182,4185},
     {4190,4192}, {4209,4212}, {4226,4226}, {4228,4230}, {4237,4237}, {4253,4253}, {4957,4959},
     {5906,5909}, {5938,5940}, {5970,5971}, {6002,6003}, {6068,6099}, {6109,6109}, {6155,6157},
     {6159,6159}, {6277,6278}, {6313,6313}, {6432,6443}, {6448,6459}, {6679,6683}, {6741,6750},
     {6752,6752}, {6754,6754}, {6757,6780}, {6783,6783}, {6832,6862}, {6912,6916}, {6964,6980},
     {7019,7027}, {7040,7042}, {7073,7085}, {7142,7155}, {7204,7223}, {7376,7378}, {7380,7400},
     {7405,7405}, {7412,7412}, {7415,7417}, {7616,7679}, {8204,8205}, {8400,8432}, {11503,11505},
     {11647,11647}, {11744,11775}, {12330,12335}, {12441,12442}, {42607,42610}, {42612,42621},
     {42654,42655}, {42736,42737}, {43010,43010}, {43014,43014}, {43019,43019}, {43043,43047},
     {43052,43052}, {43136,43137}, {43188,43205}, {43232,43249}, {43263,43263}, {43302,43309},
     {43335,43347}, {43392,43395}, {43443,43456}, {43493,43493}, {43561,43574}, {43587,43587},
     {43596,43597}, {43644,43644}, {43696,43696}, {43698,43700}, {43703,43704}, {43710,43711},
     {43713,43713}, {43755,43759}, {43765,43766}, {44003,44010}, {44012,44013}, {64286,64286},
     {65024,65039}, {65056,65071}, {65438,65439}, {66045,66045}, {66272,66272}, {66422,66426},
     {68097,68099}, {68101,68102}, {68108,68111}, {68152,68154}, {68159,68159}, {68325,68326},
     {68900,68903}, {69291,69292}, {69446,69456}, {69506,69509}, {69632,69634}, {69688,69702},
     {69744,69744}, {69747,69748}, {69759,69762}, {69808,69818}, {69826,69826}, {69888,69890},
     {69927,69940}, {69957,69958}, {70003,70003}, {70016,70018}, {70067,70080}, {70089,70092},
     {70094,70095}, {70188,70199}, {70206,70206}, {70367,70378}, {70400,70403}, {70459,70460},
     {70462,70468}, {70471,70472}, {70475,70477}, {70487,70487}, {70498,70499}, {70502,70508},
     {70512,70516}, {70709,70726}, {70750,70750}, {70832,70851}, {71087,71093}, {71096,71104},
     {71132,71133}, {71216,71232}, {71339,71351}, {71453,71455}, {71458,71467}, {71724,71738},
     {71984,71989}, {71991,71992}, {71995,71998}, {72000,72000}, {72002,72003}, {72145,72151},
     {72154,72160}, {72164,72164}, {72193,72202}, {72243,72249}, {72251,72254}, {72263,72263},
     {72273,72283}, {72330,72345}, {72751,72758}, {72760,72767}, {72850,72871}, {72873,72886},
     {73009,73014}, {73018,73018}, {73020,73021}, {73023,73029}, {73031,73031}, {73098,73102},
     {73104,73105}, {73107,73111}, {73459,73462}, {92912,92916}, {92976,92982}, {94031,94031},
     {94033,94087}, {94095,94098}, {94180,94180}, {94192,94193}, {113821,113822}, {118528,118573},
     {118576,118598}, {119141,119145}, {119149,119154}, {119163,119170}, {119173,119179},
     {119210,119213}, {119362,119364}, {121344,121398}, {121403,121452}, {121461,121461},
     {121476,121476}, {121499,121503}, {121505,121519}, {122880,122886}, {122888,122904},
     {122907,122913}, {122915,122916}, {122918,122922}, {123184,123190}, {123566,123566},
     {123628,123631}, {125136,125142}, {125252,125258}, {127995,127999}, {917536,917631},
     {917760,917999}}.

%% Extended_Pictographic: 78 ranges.
pict_ranges() ->
    {{169,169}, {174,174}, {8252,8252}, {8265,8265}, {8482,8482}, {8505,8505}, {8596,8601},
     {8617,8618}, {8986,8987}, {9000,9000}, {9096,9096}, {9167,9167}, {9193,9203}, {9208,9210},
     {9410,9410}, {9642,9643}, {9654,9654}, {9664,9664}, {9723,9726}, {9728,9733}, {9735,9746},
     {9748,9861}, {9872,9989}, {9992,10002}, {10004,10004}, {10006,10006}, {10013,10013},
     {10017,10017}, {10024,10024}, {10035,10036}, {10052,10052}, {10055,10055}, {10060,10060},
     {10062,10062}, {10067,10069}, {10071,10071}, {10083,10087}, {10133,10135}, {10145,10145},
     {10160,10160}, {10175,10175}, {10548,10549}, {11013,11015}, {11035,11036}, {11088,11088},
     {11093,11093}, {12336,12336}, {12349,12349}, {12951,12951}, {12953,12953}, {126976,127231},
     {127245,127247}, {127279,127279}, {127340,127345}, {127358,127359}, {127374,127374},
     {127377,127386}, {127405,127461}, {127489,127503}, {127514,127514}, {127535,127535},
     {127538,127546}, {127548,127551}, {127561,127994}, {128000,128317}, {128326,128591},
     {128640,128767}, {128884,128895}, {128981,129023}, {129036,129039}, {129096,129103},
     {129114,129119}, {129160,129167}, {129198,129279}, {129292,129338}, {129340,129349},
     {129351,129791}, {130048,131069}}.

%% Grapheme_Cluster_Break Prepend: 14 ranges.
prepend_ranges() ->
    {{1536,1541}, {1757,1757}, {1807,1807}, {2192,2193}, {2274,2274}, {3406,3406}, {69821,69821},
     {69837,69837}, {70082,70083}, {71999,71999}, {72001,72001}, {72250,72250}, {72324,72329},
     {73030,73030}}.

%% Grapheme_Cluster_Break Control, CR and LF: 17 ranges.
control_ranges() ->
    {{0,31}, {127,159}, {173,173}, {1564,1564}, {6158,6158}, {8203,8203}, {8206,8207}, {8232,8238},
     {8288,8303}, {65279,65279}, {65520,65531}, {78896,78904}, {113824,113827}, {119155,119162},
     {917504,917535}, {917632,917759}, {918000,921599}}.

%% Case mappings {Upper, Lower, Title, Fold} of the codepoints that have any;
%% a mapping to several codepoints is a list.
case_table() ->
    #{65 => {65,97,65,97}, 66 => {66,98,66,98}, 67 => {67,99,67,99}, 68 => {68,100,68,100},
      69 => {69,101,69,101}, 70 => {70,102,70,102}, 71 => {71,103,71,103}, 72 => {72,104,72,104},
      73 => {73,105,73,105}, 74 => {74,106,74,106}, 75 => {75,107,75,107}, 76 => {76,108,76,108},
      77 => {77,109,77,109}, 78 => {78,110,78,110}, 79 => {79,111,79,111}, 80 => {80,112,80,112},
      81 => {81,113,81,113}, 82 => {82,114,82,114}, 83 => {83,115,83,115}, 84 => {84,116,84,116},
      85 => {85,117,85,117}, 86 => {86,118,86,118}, 87 => {87,119,87,119}, 88 => {88,120,88,120},
      89 => {89,121,89,121}, 90 => {90,122,90,122}, 97 => {65,97,65,97}, 98 => {66,98,66,98},
      99 => {67,99,67,99}, 100 => {68,100,68,100}, 101 => {69,101,69,101}, 102 => {70,102,70,102},
      103 => {71,103,71,103}, 104 => {72,104,72,104}, 105 => {73,105,73,105},
      106 => {74,106,74,106}, 107 => {75,107,75,107}, 108 => {76,108,76,108},
      109 => {77,109,77,109}, 110 => {78,110,78,110}, 111 => {79,111,79,111},
      112 => {80,112,80,112}, 113 => {81,113,81,113}, 114 => {82,114,82,114},
      115 => {83,115,83,115}, 116 => {84,116,84,116}, 117 => {85,117,85,117},
      118 => {86,118,86,118}, 119 => {87,119,87,119}, 120 => {88,120,88,120},
      121 => {89,121,89,121}, 122 => {90,122,90,122}, 181 => {924,181,924,956},
      192 => {192,224,192,224}, 193 => {193,225,193,225}, 194 => {194,226,194,226},
      195 => {195,227,195,227}, 196 => {196,228,196,228}, 197 => {197,229,197,229},
      198 => {198,230,198,230}, 199 => {199,231,199,231}, 200 => {200,232,200,232},
      201 => {201,233,201,233}, 202 => {202,234,202,234}, 203 => {203,235,203,235},
      204 => {204,236,204,236}, 205 => {205,237,205,237}, 206 => {206,238,206,238},
      207 => {207,239,207,239}, 208 => {208,240,208,240}, 209 => {209,241,209,241},
      210 => {210,242,210,242}, 211 => {211,243,211,243}, 212 => {212,244,212,244},
      213 => {213,245,213,245}, 214 => {214,246,214,246}, 216 => {216,248,216,248},
      217 => {217,249,217,249}, 218 => {218,250,218,250}, 219 => {219,251,219,251},
      220 => {220,252,220,252}, 221 => {221,253,221,253}, 222 => {222,254,222,254},
      223 => {[83,83],223,[83,115],[115,115]}, 224 => {192,224,192,224}, 225 => {193,225,193,225},
      226 => {194,226,194,226}, 227 => {195,227,195,227}, 228 => {196,228,196,228},
      229 => {197,229,197,229}, 230 => {198,230,198,230}, 231 => {199,231,199,231},
      232 => {200,232,200,232}, 233 => {201,233,201,233}, 234 => {202,234,202,234},
      235 => {203,235,203,235}, 236 => {204,236,204,236}, 237 => {205,237,205,237},
      238 => {206,238,206,238}, 239 => {207,239,207,239}, 240 => {208,240,208,240},
      241 => {209,241,209,241}, 242 => {210,242,210,242}, 243 => {211,243,211,243},
      244 => {212,244,212,244}, 245 => {213,245,213,245}, 246 => {214,246,214,246},
      248 => {216,248,216,248}, 249 => {217,249,217,249}, 250 => {218,250,218,250},
      251 => {219,251,219,251}, 252 => {220,252,220,252}, 253 => {221,253,221,253},
      254 => {222,254,222,254}, 255 => {376,255,376,255}, 256 => {256,257,256,257},
      257 => {256,257,256,257}, 258 => {258,259,258,259}, 259 => {258,259,258,259},
      260 => {260,261,260,261}, 261 => {260,261,260,261}, 262 => {262,263,262,263},
      263 => {262,263,262,263}, 264 => {264,265,264,265}, 265 => {264,265,264,265},
      266 => {266,267,266,267}, 267 => {266,267,266,267}, 268 => {268,269,268,269},
      269 => {268,269,268,269}, 270 => {270,271,270,271}, 271 => {270,271,270,271},
      272 => {272,273,272,273}, 273 => {272,273,272,273}, 274 => {274,275,274,275},
      275 => {274,275,274,275}, 276 => {276,277,276,277}, 277 => {276,277,276,277},
      278 => {278,279,278,279}, 279 => {278,279,278,279}, 280 => {280,281,280,281},
      281 => {280,281,280,281}, 282 => {282,283,282,283}, 283 => {282,283,282,283},
      284 => {284,285,284,285}, 285 => {284,285,284,285}, 286 => {286,287,286,287},
      287 => {286,287,286,287}, 288 => {288,289,288,289}, 289 => {288,289,288,289},
      290 => {290,291,290,291}, 291 => {290,291,290,291}, 292 => {292,293,292,293},
      293 => {292,293,292,293}, 294 => {294,295,294,295}, 295 => {294,295,294,295},
      296 => {296,297,296,297}, 297 => {296,297,296,297}, 298 => {298,299,298,299},
      299 => {298,299,298,299}, 300 => {300,301,300,301}, 301 => {300,301,300,301},
      302 => {302,303,302,303}, 303 => {302,303,302,303}, 304 => {304,[105,775],304,[105,775]},
      305 => {73,305,73,305}, 306 => {306,307,306,307}, 307 => {306,307,306,307},
      308 => {308,309,308,309}, 309 => {308,309,308,309}, 310 => {310,311,310,311},
      311 => {310,311,310,311}, 313 => {313,314,313,314}, 314 => {313,314,313,314},
      315 => {315,316,315,316}, 316 => {315,316,315,316}, 317 => {317,318,317,318},
      318 => {317,318,317,318}, 319 => {319,320,319,320}, 320 => {319,320,319,320},
      321 => {321,322,321,322}, 322 => {321,322,321,322}, 323 => {323,324,323,324},
      324 => {323,324,323,324}, 325 => {325,326,325,326}, 326 => {325,326,325,326},
      327 => {327,328,327,328}, 328 => {327,328,327,328}, 329 => {[700,78],329,[700,78],[700,110]},
      330 => {330,331,330,331}, 331 => {330,331,330,331}, 332 => {332,333,332,333},
      333 => {332,333,332,333}, 334 => {334,335,334,335}, 335 => {334,335,334,335},
      336 => {336,337,336,337}, 337 => {336,337,336,337}, 338 => {338,339,338,339},
      339 => {338,339,338,339}, 340 => {340,341,340,341}, 341 => {340,341,340,341},
      342 => {342,343,342,343}, 343 => {342,343,342,343}, 344 => {344,345,344,345},
      345 => {344,345,344,345}, 346 => {346,347,346,347}, 347 => {346,347,346,347},
      348 => {348,349,348,349}, 349 => {348,349,348,349}, 350 => {350,351,350,351},
      351 => {350,351,350,351}, 352 => {352,353,352,353}, 353 => {352,353,352,353},
      354 => {354,355,354,355}, 355 => {354,355,354,355}, 356 => {356,357,356,357},
      357 => {356,357,356,357}, 358 => {358,359,358,359}, 359 => {358,359,358,359},
      360 => {360,361,360,361}, 361 => {360,361,360,361}, 362 => {362,363,362,363},
      363 => {362,363,362,363}, 364 => {364,365,364,365}, 365 => {364,365,364,365},
      366 => {366,367,366,367}, 367 => {366,367,366,367}, 368 => {368,369,368,369},
      369 => {368,369,368,369}, 370 => {370,371,370,371}, 371 => {370,371,370,371},
      372 => {372,373,372,373}, 373 => {372,373,372,373}, 374 => {374,375,374,375},
      375 => {374,375,374,375}, 376 => {376,255,376,255}, 377 => {377,378,377,378},
      378 => {377,378,377,378}, 379 => {379,380,379,380}, 380 => {379,380,379,380},
      381 => {381,382,381,382}, 382 => {381,382,381,382}, 383 => {83,383,83,115},
      384 => {579,384,579,384}, 385 => {385,595,385,595}, 386 => {386,387,386,387},
      387 => {386,387,386,387}, 388 => {388,389,388,389}, 389 => {388,389,388,389},
      390 => {390,596,390,596}, 391 => {391,392,391,392}, 392 => {391,392,391,392},
      393 => {393,598,393,598}, 394 => {394,599,394,599}, 395 => {395,396,395,396},
      396 => {395,396,395,396}, 398 => {398,477,398,477}, 399 => {399,601,399,601},
      400 => {400,603,400,603}, 401 => {401,402,401,402}, 402 => {401,402,401,402},
      403 => {403,608,403,608}, 404 => {404,611,404,611}, 405 => {502,405,502,405},
      406 => {406,617,406,617}, 407 => {407,616,407,616}, 408 => {408,409,408,409},
      409 => {408,409,408,409}, 410 => {573,410,573,410}, 412 => {412,623,412,623},
      413 => {413,626,413,626}, 414 => {544,414,544,414}, 415 => {415,629,415,629},
      416 => {416,417,416,417}, 417 => {416,417,416,417}, 418 => {418,419,418,419},
      419 => {418,419,418,419}, 420 => {420,421,420,421}, 421 => {420,421,420,421},
      422 => {422,640,422,640}, 423 => {423,424,423,424}, 424 => {423,424,423,424},
      425 => {425,643,425,643}, 428 => {428,429,428,429}, 429 => {428,429,428,429},
      430 => {430,648,430,648}, 431 => {431,432,431,432}, 432 => {431,432,431,432},
      433 => {433,650,433,650}, 434 => {434,651,434,651}, 435 => {435,436,435,436},
      436 => {435,436,435,436}, 437 => {437,438,437,438}, 438 => {437,438,437,438},
      439 => {439,658,439,658}, 440 => {440,441,440,441}, 441 => {440,441,440,441},
      444 => {444,445,444,445}, 445 => {444,445,444,445}, 447 => {503,447,503,447},
      452 => {452,454,453,454}, 453 => {452,454,453,454}, 454 => {452,454,453,454},
      455 => {455,457,456,457}, 456 => {455,457,456,457}, 457 => {455,457,456,457},
      458 => {458,460,459,460}, 459 => {458,460,459,460}, 460 => {458,460,459,460},
      461 => {461,462,461,462}, 462 => {461,462,461,462}, 463 => {463,464,463,464},
      464 => {463,464,463,464}, 465 => {465,466,465,466}, 466 => {465,466,465,466},
      467 => {467,468,467,468}, 468 => {467,468,467,468}, 469 => {469,470,469,470},
      470 => {469,470,469,470}, 471 => {471,472,471,472}, 472 => {471,472,471,472},
      473 => {473,474,473,474}, 474 => {473,474,473,474}, 475 => {475,476,475,476},
      476 => {475,476,475,476}, 477 => {398,477,398,477}, 478 => {478,479,478,479},
      479 => {478,479,478,479}, 480 => {480,481,480,481}, 481 => {480,481,480,481},
      482 => {482,483,482,483}, 483 => {482,483,482,483}, 484 => {484,485,484,485},
      485 => {484,485,484,485}, 486 => {486,487,486,487}, 487 => {486,487,486,487},
      488 => {488,489,488,489}, 489 => {488,489,488,489}, 490 => {490,491,490,491},
      491 => {490,491,490,491}, 492 => {492,493,492,493}, 493 => {492,493,492,493},
      494 => {494,495,494,495}, 495 => {494,495,494,495}, 496 => {[74,780],496,[74,780],[106,780]},
      497 => {497,499,498,499}, 498 => {497,499,498,499}, 499 => {497,499,498,499},
      500 => {500,501,500,501}, 501 => {500,501,500,501}, 502 => {502,405,502,405},
      503 => {503,447,503,447}, 504 => {504,505,504,505}, 505 => {504,505,504,505},
      506 => {506,507,506,507}, 507 => {506,507,506,507}, 508 => {508,509,508,509},
      509 => {508,509,508,509}, 510 => {510,511,510,511}, 511 => {510,511,510,511},
      512 => {512,513,512,513}, 513 => {512,513,512,513}, 514 => {514,515,514,515},
      515 => {514,515,514,515}, 516 => {516,517,516,517}, 517 => {516,517,516,517},
      518 => {518,519,518,519}, 519 => {518,519,518,519}, 520 => {520,521,520,521},
      521 => {520,521,520,521}, 522 => {522,523,522,523}, 523 => {522,523,522,523},
      524 => {524,525,524,525}, 525 => {524,525,524,525}, 526 => {526,527,526,527},
      527 => {526,527,526,527}, 528 => {528,529,528,529}, 529 => {528,529,528,529},
      530 => {530,531,530,531}, 531 => {530,531,530,531}, 532 => {532,533,532,533},
      533 => {532,533,532,533}, 534 => {534,535,534,535}, 535 => {534,535,534,535},
      536 => {536,537,536,537}, 537 => {536,537,536,537}, 538 => {538,539,538,539},
      539 => {538,539,538,539}, 540 => {540,541,540,541}, 541 => {540,541,540,541},
      542 => {542,543,542,543}, 543 => {542,543,542,543}, 544 => {544,414,544,414},
      546 => {546,547,546,547}, 547 => {546,547,546,547}, 548 => {548,549,548,549},
      549 => {548,549,548,549}, 550 => {550,551,550,551}, 551 => {550,551,550,551},
      552 => {552,553,552,553}, 553 => {552,553,552,553}, 554 => {554,555,554,555},
      555 => {554,555,554,555}, 556 => {556,557,556,557}, 557 => {556,557,556,557},
      558 => {558,559,558,559}, 559 => {558,559,558,559}, 560 => {560,561,560,561},
      561 => {560,561,560,561}, 562 => {562,563,562,563}, 563 => {562,563,562,563},
      570 => {570,11365,570,11365}, 571 => {571,572,571,572}, 572 => {571,572,571,572},
      573 => {573,410,573,410}, 574 => {574,11366,574,11366}, 575 => {11390,575,11390,575},
      576 => {11391,576,11391,576}, 577 => {577,578,577,578}, 578 => {577,578,577,578},
      579 => {579,384,579,384}, 580 => {580,649,580,649}, 581 => {581,652,581,652},
      582 => {582,583,582,583}, 583 => {582,583,582,583}, 584 => {584,585,584,585},
      585 => {584,585,584,585}, 586 => {586,587,586,587}, 587 => {586,587,586,587},
      588 => {588,589,588,589}, 589 => {588,589,588,589}, 590 => {590,591,590,591},
      591 => {590,591,590,591}, 592 => {11375,592,11375,592}, 593 => {11373,593,11373,593},
      594 => {11376,594,11376,594}, 595 => {385,595,385,595}, 596 => {390,596,390,596},
      598 => {393,598,393,598}, 599 => {394,599,394,599}, 601 => {399,601,399,601},
      603 => {400,603,400,603}, 604 => {42923,604,42923,604}, 608 => {403,608,403,608},
      609 => {42924,609,42924,609}, 611 => {404,611,404,611}, 613 => {42893,613,42893,613},
      614 => {42922,614,42922,614}, 616 => {407,616,407,616}, 617 => {406,617,406,617},
      618 => {42926,618,42926,618}, 619 => {11362,619,11362,619}, 620 => {42925,620,42925,620},
      623 => {412,623,412,623}, 625 => {11374,625,11374,625}, 626 => {413,626,413,626},
      629 => {415,629,415,629}, 637 => {11364,637,11364,637}, 640 => {422,640,422,640},
      642 => {42949,642,42949,642}, 643 => {425,643,425,643}, 647 => {42929,647,42929,647},
      648 => {430,648,430,648}, 649 => {580,649,580,649}, 650 => {433,650,433,650},
      651 => {434,651,434,651}, 652 => {581,652,581,652}, 658 => {439,658,439,658},
      669 => {42930,669,42930,669}, 670 => {42928,670,42928,670}, 837 => {921,837,921,953},
      880 => {880,881,880,881}, 881 => {880,881,880,881}, 882 => {882,883,882,883},
      883 => {882,883,882,883}, 886 => {886,887,886,887}, 887 => {886,887,886,887},
      891 => {1021,891,1021,891}, 892 => {1022,892,1022,892}, 893 => {1023,893,1023,893},
      895 => {895,1011,895,1011}, 902 => {902,940,902,940}, 904 => {904,941,904,941},
      905 => {905,942,905,942}, 906 => {906,943,906,943}, 908 => {908,972,908,972},
      910 => {910,973,910,973}, 911 => {911,974,911,974},
      912 => {[921,776,769],912,[921,776,769],[953,776,769]}, 913 => {913,945,913,945},
      914 => {914,946,914,946}, 915 => {915,947,915,947}, 916 => {916,948,916,948},
      917 => {917,949,917,949}, 918 => {918,950,918,950}, 919 => {919,951,919,951},
      920 => {920,952,920,952}, 921 => {921,953,921,953}, 922 => {922,954,922,954},
      923 => {923,955,923,955}, 924 => {924,956,924,956}, 925 => {925,957,925,957},
      926 => {926,958,926,958}, 927 => {927,959,927,959}, 928 => {928,960,928,960},
      929 => {929,961,929,961}, 931 => {931,963,931,963}, 932 => {932,964,932,964},
      933 => {933,965,933,965}, 934 => {934,966,934,966}, 935 => {935,967,935,967},
      936 => {936,968,936,968}, 937 => {937,969,937,969}, 938 => {938,970,938,970},
      939 => {939,971,939,971}, 940 => {902,940,902,940}, 941 => {904,941,904,941},
      942 => {905,942,905,942}, 943 => {906,943,906,943},
      944 => {[933,776,769],944,[933,776,769],[965,776,769]}, 945 => {913,945,913,945},
      946 => {914,946,914,946}, 947 => {915,947,915,947}, 948 => {916,948,916,948},
      949 => {917,949,917,949}, 950 => {918,950,918,950}, 951 => {919,951,919,951},
      952 => {920,952,920,952}, 953 => {921,953,921,953}, 954 => {922,954,922,954},
      955 => {923,955,923,955}, 956 => {924,956,924,956}, 957 => {925,957,925,957},
      958 => {926,958,926,958}, 959 => {927,959,927,959}, 960 => {928,960,928,960},
      961 => {929,961,929,961}, 962 => {931,962,931,963}, 963 => {931,963,931,963},
      964 => {932,964,932,964}, 965 => {933,965,933,965}, 966 => {934,966,934,966},
      967 => {935,967,935,967}, 968 => {936,968,936,968}, 969 => {937,969,937,969},
      970 => {938,970,938,970}, 971 => {939,971,939,971}, 972 => {908,972,908,972},
      973 => {910,973,910,973}, 974 => {911,974,911,974}, 975 => {975,983,975,983},
      976 => {914,976,914,946}, 977 => {920,977,920,952}, 981 => {934,981,934,966},
      982 => {928,982,928,960}, 983 => {975,983,975,983}, 984 => {984,985,984,985},
      985 => {984,985,984,985}, 986 => {986,987,986,987}, 987 => {986,987,986,987},
      988 => {988,989,988,989}, 989 => {988,989,988,989}, 990 => {990,991,990,991},
      991 => {990,991,990,991}, 992 => {992,993,992,993}, 993 => {992,993,992,993},
      994 => {994,995,994,995}, 995 => {994,995,994,995}, 996 => {996,997,996,997},
      997 => {996,997,996,997}, 998 => {998,999,998,999}, 999 => {998,999,998,999},
      1000 => {1000,1001,1000,1001}, 1001 => {1000,1001,1000,1001}, 1002 => {1002,1003,1002,1003},
      1003 => {1002,1003,1002,1003}, 1004 => {1004,1005,1004,1005}, 1005 => {1004,1005,1004,1005},
      1006 => {1006,1007,1006,1007}, 1007 => {1006,1007,1006,1007}, 1008 => {922,1008,922,954},
      1009 => {929,1009,929,961}, 1010 => {1017,1010,1017,1010}, 1011 => {895,1011,895,1011},
      1012 => {1012,952,1012,952}, 1013 => {917,1013,917,949}, 1015 => {1015,1016,1015,1016},
      1016 => {1015,1016,1015,1016}, 1017 => {1017,1010,1017,1010}, 1018 => {1018,1019,1018,1019},
      1019 => {1018,1019,1018,1019}, 1021 => {1021,891,1021,891}, 1022 => {1022,892,1022,892},
      1023 => {1023,893,1023,893}, 1024 => {1024,1104,1024,1104}, 1025 => {1025,1105,1025,1105},
      1026 => {1026,1106,1026,1106}, 1027 => {1027,1107,1027,1107}, 1028 => {1028,1108,1028,1108},
      1029 => {1029,1109,1029,1109}, 1030 => {1030,1110,1030,1110}, 1031 => {1031,1111,1031,1111},
      1032 => {1032,1112,1032,1112}, 1033 => {1033,1113,1033,1113}, 1034 => {1034,1114,1034,1114},
      1035 => {1035,1115,1035,1115}, 1036 => {1036,1116,1036,1116}, 1037 => {1037,1117,1037,1117},
      1038 => {1038,1118,1038,1118}, 1039 => {1039,1119,1039,1119}, 1040 => {1040,1072,1040,1072},
      1041 => {1041,1073,1041,1073}, 1042 => {1042,1074,1042,1074}, 1043 => {1043,1075,1043,1075},
      1044 => {1044,1076,1044,1076}, 1045 => {1045,1077,1045,1077}, 1046 => {1046,1078,1046,1078},
      1047 => {1047,1079,1047,1079}, 1048 => {1048,1080,1048,1080}, 1049 => {1049,1081,1049,1081},
      1050 => {1050,1082,1050,1082}, 1051 => {1051,1083,1051,1083}, 1052 => {1052,1084,1052,1084},
      1053 => {1053,1085,1053,1085}, 1054 => {1054,1086,1054,1086}, 1055 => {1055,1087,1055,1087},
      1056 => {1056,1088,1056,1088}, 1057 => {1057,1089,1057,1089}, 1058 => {1058,1090,1058,1090},
      1059 => {1059,1091,1059,1091}, 1060 => {1060,1092,1060,1092}, 1061 => {1061,1093,1061,1093},
      1062 => {1062,1094,1062,1094}, 1063 => {1063,1095,1063,1095}, 1064 => {1064,1096,1064,1096},
      1065 => {1065,1097,1065,1097}, 1066 => {1066,1098,1066,1098}, 1067 => {1067,1099,1067,1099},
      1068 => {1068,1100,1068,1100}, 1069 => {1069,1101,1069,1101}, 1070 => {1070,1102,1070,1102},
      1071 => {1071,1103,1071,1103}, 1072 => {1040,1072,1040,1072}, 1073 => {1041,1073,1041,1073},
      1074 => {1042,1074,1042,1074}, 1075 => {1043,1075,1043,1075}, 1076 => {1044,1076,1044,1076},
      1077 => {1045,1077,1045,1077}, 1078 => {1046,1078,1046,1078}, 1079 => {1047,1079,1047,1079},
      1080 => {1048,1080,1048,1080}, 1081 => {1049,1081,1049,1081}, 1082 => {1050,1082,1050,1082},
      1083 => {1051,1083,1051,1083}, 1084 => {1052,1084,1052,1084}, 1085 => {1053,1085,1053,1085},
      1086 => {1054,1086,1054,1086}, 1087 => {1055,1087,1055,1087}, 1088 => {1056,1088,1056,1088},
      1089 => {1057,1089,1057,1089}, 1090 => {1058,1090,1058,1090}, 1091 => {1059,1091,1059,1091},
      1092 => {1060,1092,1060,1092}, 1093 => {1061,1093,1061,1093}, 1094 => {1062,1094,1062,1094},
      1095 => {1063,1095,1063,1095}, 1096 => {1064,1096,1064,1096}, 1097 => {1065,1097,1065,1097},
      1098 => {1066,1098,1066,1098}, 1099 => {1067,1099,1067,1099}, 1100 => {1068,1100,1068,1100},
      1101 => {1069,1101,1069,1101}, 1102 => {1070,1102,1070,1102}, 1103 => {1071,1103,1071,1103},
      1104 => {1024,1104,1024,1104}, 1105 => {1025,1105,1025,1105}, 1106 => {1026,1106,1026,1106},
      1107 => {1027,1107,1027,1107}, 1108 => {1028,1108,1028,1108}, 1109 => {1029,1109,1029,1109},
      1110 => {1030,1110,1030,1110}, 1111 => {1031,1111,1031,1111}, 1112 => {1032,1112,1032,1112},
      1113 => {1033,1113,1033,1113}, 1114 => {1034,1114,1034,1114}, 1115 => {1035,1115,1035,1115},
      1116 => {1036,1116,1036,1116}, 1117 => {1037,1117,1037,1117}, 1118 => {1038,1118,1038,1118},
      1119 => {1039,1119,1039,1119}, 1120 => {1120,1121,1120,1121}, 1121 => {1120,1121,1120,1121},
      1122 => {1122,1123,1122,1123}, 1123 => {1122,1123,1122,1123}, 1124 => {1124,1125,1124,1125},
      1125 => {1124,1125,1124,1125}, 1126 => {1126,1127,1126,1127}, 1127 => {1126,1127,1126,1127},
      1128 => {1128,1129,1128,1129}, 1129 => {1128,1129,1128,1129}, 1130 => {1130,1131,1130,1131},
      1131 => {1130,1131,1130,1131}, 1132 => {1132,1133,1132,1133}, 1133 => {1132,1133,1132,1133},
      1134 => {1134,1135,1134,1135}, 1135 => {1134,1135,1134,1135}, 1136 => {1136,1137,1136,1137},
      1137 => {1136,1137,1136,1137}, 1138 => {1138,1139,1138,1139}, 1139 => {1138,1139,1138,1139},
      1140 => {1140,1141,1140,1141}, 1141 => {1140,1141,1140,1141}, 1142 => {1142,1143,1142,1143},
      1143 => {1142,1143,1142,1143}, 1144 => {1144,1145,1144,1145}, 1145 => {1144,1145,1144,1145},
      1146 => {1146,1147,1146,1147}, 1147 => {1146,1147,1146,1147}, 1148 => {1148,1149,1148,1149},
      1149 => {1148,1149,1148,1149}, 1150 => {1150,1151,1150,1151}, 1151 => {1150,1151,1150,1151},
      1152 => {1152,1153,1152,1153}, 1153 => {1152,1153,1152,1153}, 1162 => {1162,1163,1162,1163},
      1163 => {1162,1163,1162,1163}, 1164 => {1164,1165,1164,1165}, 1165 => {1164,1165,1164,1165},
      1166 => {1166,1167,1166,1167}, 1167 => {1166,1167,1166,1167}, 1168 => {1168,1169,1168,1169},
      1169 => {1168,1169,1168,1169}, 1170 => {1170,1171,1170,1171}, 1171 => {1170,1171,1170,1171},
      1172 => {1172,1173,1172,1173}, 1173 => {1172,1173,1172,1173}, 1174 => {1174,1175,1174,1175},
      1175 => {1174,1175,1174,1175}, 1176 => {1176,1177,1176,1177}, 1177 => {1176,1177,1176,1177},
      1178 => {1178,1179,1178,1179}, 1179 => {1178,1179,1178,1179}, 1180 => {1180,1181,1180,1181},
      1181 => {1180,1181,1180,1181}, 1182 => {1182,1183,1182,1183}, 1183 => {1182,1183,1182,1183},
      1184 => {1184,1185,1184,1185}, 1185 => {1184,1185,1184,1185}, 1186 => {1186,1187,1186,1187},
      1187 => {1186,1187,1186,1187}, 1188 => {1188,1189,1188,1189}, 1189 => {1188,1189,1188,1189},
      1190 => {1190,1191,1190,1191}, 1191 => {1190,1191,1190,1191}, 1192 => {1192,1193,1192,1193},
      1193 => {1192,1193,1192,1193}, 1194 => {1194,1195,1194,1195}, 1195 => {1194,1195,1194,1195},
      1196 => {1196,1197,1196,1197}, 1197 => {1196,1197,1196,1197}, 1198 => {1198,1199,1198,1199},
      1199 => {1198,1199,1198,1199}, 1200 => {1200,1201,1200,1201}, 1201 => {1200,1201,1200,1201},
      1202 => {1202,1203,1202,1203}, 1203 => {1202,1203,1202,1203}, 1204 => {1204,1205,1204,1205},
      1205 => {1204,1205,1204,1205}, 1206 => {1206,1207,1206,1207}, 1207 => {1206,1207,1206,1207},
      1208 => {1208,1209,1208,1209}, 1209 => {1208,1209,1208,1209}, 1210 => {1210,1211,1210,1211},
      1211 => {1210,1211,1210,1211}, 1212 => {1212,1213,1212,1213}, 1213 => {1212,1213,1212,1213},
      1214 => {1214,1215,1214,1215}, 1215 => {1214,1215,1214,1215}, 1216 => {1216,1231,1216,1231},
      1217 => {1217,1218,1217,1218}, 1218 => {1217,1218,1217,1218}, 1219 => {1219,1220,1219,1220},
      1220 => {1219,1220,1219,1220}, 1221 => {1221,1222,1221,1222}, 1222 => {1221,1222,1221,1222},
      1223 => {1223,1224,1223,1224}, 1224 => {1223,1224,1223,1224}, 1225 => {1225,1226,1225,1226},
      1226 => {1225,1226,1225,1226}, 1227 => {1227,1228,1227,1228}, 1228 => {1227,1228,1227,1228},
      1229 => {1229,1230,1229,1230}, 1230 => {1229,1230,1229,1230}, 1231 => {1216,1231,1216,1231},
      1232 => {1232,1233,1232,1233}, 1233 => {1232,1233,1232,1233}, 1234 => {1234,1235,1234,1235},
      1235 => {1234,1235,1234,1235}, 1236 => {1236,1237,1236,1237}, 1237 => {1236,1237,1236,1237},
      1238 => {1238,1239,1238,1239}, 1239 => {1238,1239,1238,1239}, 1240 => {1240,1241,1240,1241},
      1241 => {1240,1241,1240,1241}, 1242 => {1242,1243,1242,1243}, 1243 => {1242,1243,1242,1243},
      1244 => {1244,1245,1244,1245}, 1245 => {1244,1245,1244,1245}, 1246 => {1246,1247,1246,1247},
      1247 => {1246,1247,1246,1247}, 1248 => {1248,1249,1248,1249}, 1249 => {1248,1249,1248,1249},
      1250 => {1250,1251,1250,1251}, 1251 => {1250,1251,1250,1251}, 1252 => {1252,1253,1252,1253},
      1253 => {1252,1253,1252,1253}, 1254 => {1254,1255,1254,1255}, 1255 => {1254,1255,1254,1255},
      1256 => {1256,1257,1256,1257}, 1257 => {1256,1257,1256,1257}, 1258 => {1258,1259,1258,1259},
      1259 => {1258,1259,1258,1259}, 1260 => {1260,1261,1260,1261}, 1261 => {1260,1261,1260,1261},
      1262 => {1262,1263,1262,1263}, 1263 => {1262,1263,1262,1263}, 1264 => {1264,1265,1264,1265},
      1265 => {1264,1265,1264,1265}, 1266 => {1266,1267,1266,1267}, 1267 => {1266,1267,1266,1267},
      1268 => {1268,1269,1268,1269}, 1269 => {1268,1269,1268,1269}, 1270 => {1270,1271,1270,1271},
      1271 => {1270,1271,1270,1271}, 1272 => {1272,1273,1272,1273}, 1273 => {1272,1273,1272,1273},
      1274 => {1274,1275,1274,1275}, 1275 => {1274,1275,1274,1275}, 1276 => {1276,1277,1276,1277},
      1277 => {1276,1277,1276,1277}, 1278 => {1278,1279,1278,1279}, 1279 => {1278,1279,1278,1279},
      1280 => {1280,1281,1280,1281}, 1281 => {1280,1281,1280,1281}, 1282 => {1282,1283,1282,1283},
      1283 => {1282,1283,1282,1283}, 1284 => {1284,1285,1284,1285}, 1285 => {1284,1285,1284,1285},
      1286 => {1286,1287,1286,1287}, 1287 => {1286,1287,1286,1287}, 1288 => {1288,1289,1288,1289},
      1289 => {1288,1289,1288,1289}, 1290 => {1290,1291,1290,1291}, 1291 => {1290,1291,1290,1291},
      1292 => {1292,1293,1292,1293}, 1293 => {1292,1293,1292,1293}, 1294 => {1294,1295,1294,1295},
      1295 => {1294,1295,1294,1295}, 1296 => {1296,1297,1296,1297}, 1297 => {1296,1297,1296,1297},
      1298 => {1298,1299,1298,1299}, 1299 => {1298,1299,1298,1299}, 1300 => {1300,1301,1300,1301},
      1301 => {1300,1301,1300,1301}, 1302 => {1302,1303,1302,1303}, 1303 => {1302,1303,1302,1303},
      1304 => {1304,1305,1304,1305}, 1305 => {1304,1305,1304,1305}, 1306 => {1306,1307,1306,1307},
      1307 => {1306,1307,1306,1307}, 1308 => {1308,1309,1308,1309}, 1309 => {1308,1309,1308,1309},
      1310 => {1310,1311,1310,1311}, 1311 => {1310,1311,1310,1311}, 1312 => {1312,1313,1312,1313},
      1313 => {1312,1313,1312,1313}, 1314 => {1314,1315,1314,1315}, 1315 => {1314,1315,1314,1315},
      1316 => {1316,1317,1316,1317}, 1317 => {1316,1317,1316,1317}, 1318 => {1318,1319,1318,1319},
      1319 => {1318,1319,1318,1319}, 1320 => {1320,1321,1320,1321}, 1321 => {1320,1321,1320,1321},
      1322 => {1322,1323,1322,1323}, 1323 => {1322,1323,1322,1323}, 1324 => {1324,1325,1324,1325},
      1325 => {1324,1325,1324,1325}, 1326 => {1326,1327,1326,1327}, 1327 => {1326,1327,1326,1327},
      1329 => {1329,1377,1329,1377}, 1330 => {1330,1378,1330,1378}, 1331 => {1331,1379,1331,1379},
      1332 => {1332,1380,1332,1380}, 1333 => {1333,1381,1333,1381}, 1334 => {1334,1382,1334,1382},
      1335 => {1335,1383,1335,1383}, 1336 => {1336,1384,1336,1384}, 1337 => {1337,1385,1337,1385},
      1338 => {1338,1386,1338,1386}, 1339 => {1339,1387,1339,1387}, 1340 => {1340,1388,1340,1388},
      1341 => {1341,1389,1341,1389}, 1342 => {1342,1390,1342,1390}, 1343 => {1343,1391,1343,1391},
      1344 => {1344,1392,1344,1392}, 1345 => {1345,1393,1345,1393}, 1346 => {1346,1394,1346,1394},
      1347 => {1347,1395,1347,1395}, 1348 => {1348,1396,1348,1396}, 1349 => {1349,1397,1349,1397},
      1350 => {1350,1398,1350,1398}, 1351 => {1351,1399,1351,1399}, 1352 => {1352,1400,1352,1400},
      1353 => {1353,1401,1353,1401}, 1354 => {1354,1402,1354,1402}, 1355 => {1355,1403,1355,1403},
      1356 => {1356,1404,1356,1404}, 1357 => {1357,1405,1357,1405}, 1358 => {1358,1406,1358,1406},
      1359 => {1359,1407,1359,1407}, 1360 => {1360,1408,1360,1408}, 1361 => {1361,1409,1361,1409},
      1362 => {1362,1410,1362,1410}, 1363 => {1363,1411,1363,1411}, 1364 => {1364,1412,1364,1412},
      1365 => {1365,1413,1365,1413}, 1366 => {1366,1414,1366,1414}, 1377 => {1329,1377,1329,1377},
      1378 => {1330,1378,1330,1378}, 1379 => {1331,1379,1331,1379}, 1380 => {1332,1380,1332,1380},
      1381 => {1333,1381,1333,1381}, 1382 => {1334,1382,1334,1382}, 1383 => {1335,1383,1335,1383},
      1384 => {1336,1384,1336,1384}, 1385 => {1337,1385,1337,1385}, 1386 => {1338,1386,1338,1386},
      1387 => {1339,1387,1339,1387}, 1388 => {1340,1388,1340,1388}, 1389 => {1341,1389,1341,1389},
      1390 => {1342,1390,1342,1390}, 1391 => {1343,1391,1343,1391}, 1392 => {1344,1392,1344,1392},
      1393 => {1345,1393,1345,1393}, 1394 => {1346,1394,1346,1394}, 1395 => {1347,1395,1347,1395},
      1396 => {1348,1396,1348,1396}, 1397 => {1349,1397,1349,1397}, 1398 => {1350,1398,1350,1398},
      1399 => {1351,1399,1351,1399}, 1400 => {1352,1400,1352,1400}, 1401 => {1353,1401,1353,1401},
      1402 => {1354,1402,1354,1402}, 1403 => {1355,1403,1355,1403}, 1404 => {1356,1404,1356,1404},
      1405 => {1357,1405,1357,1405}, 1406 => {1358,1406,1358,1406}, 1407 => {1359,1407,1359,1407},
      1408 => {1360,1408,1360,1408}, 1409 => {1361,1409,1361,1409}, 1410 => {1362,1410,1362,1410},
      1411 => {1363,1411,1363,1411}, 1412 => {1364,1412,1364,1412}, 1413 => {1365,1413,1365,1413},
      1414 => {1366,1414,1366,1414}, 1415 => {[1333,1362],1415,[1333,1410],[1381,1410]},
      4256 => {4256,11520,4256,11520}, 4257 => {4257,11521,4257,11521},
      4258 => {4258,11522,4258,11522}, 4259 => {4259,11523,4259,11523},
      4260 => {4260,11524,4260,11524}, 4261 => {4261,11525,4261,11525},
      4262 => {4262,11526,4262,11526}, 4263 => {4263,11527,4263,11527},
      4264 => {4264,11528,4264,11528}, 4265 => {4265,11529,4265,11529},
      4266 => {4266,11530,4266,11530}, 4267 => {4267,11531,4267,11531},
      4268 => {4268,11532,4268,11532}, 4269 => {4269,11533,4269,11533},
      4270 => {4270,11534,4270,11534}, 4271 => {4271,11535,4271,11535},
      4272 => {4272,11536,4272,11536}, 4273 => {4273,11537,4273,11537},
      4274 => {4274,11538,4274,11538}, 4275 => {4275,11539,4275,11539},
      4276 => {4276,11540,4276,11540}, 4277 => {4277,11541,4277,11541},
      4278 => {4278,11542,4278,11542}, 4279 => {4279,11543,4279,11543},
      4280 => {4280,11544,4280,11544}, 4281 => {4281,11545,4281,11545},
      4282 => {4282,11546,4282,11546}, 4283 => {4283,11547,4283,11547},
      4284 => {4284,11548,4284,11548}, 4285 => {4285,11549,4285,11549},
      4286 => {4286,11550,4286,11550}, 4287 => {4287,11551,4287,11551},
      4288 => {4288,11552,4288,11552}, 4289 => {4289,11553,4289,11553},
      4290 => {4290,11554,4290,11554}, 4291 => {4291,11555,4291,11555},
      4292 => {4292,11556,4292,11556}, 4293 => {4293,11557,4293,11557},
      4295 => {4295,11559,4295,11559}, 4301 => {4301,11565,4301,11565},
      4304 => {7312,4304,4304,4304}, 4305 => {7313,4305,4305,4305}, 4306 => {7314,4306,4306,4306},
      4307 => {7315,4307,4307,4307}, 4308 => {7316,4308,4308,4308}, 4309 => {7317,4309,4309,4309},
      4310 => {7318,4310,4310,4310}, 4311 => {7319,4311,4311,4311}, 4312 => {7320,4312,4312,4312},
      4313 => {7321,4313,4313,4313}, 4314 => {7322,4314,4314,4314}, 4315 => {7323,4315,4315,4315},
      4316 => {7324,4316,4316,4316}, 4317 => {7325,4317,4317,4317}, 4318 => {7326,4318,4318,4318},
      4319 => {7327,4319,4319,4319}, 4320 => {7328,4320,4320,4320}, 4321 => {7329,4321,4321,4321},
      4322 => {7330,4322,4322,4322}, 4323 => {7331,4323,4323,4323}, 4324 => {7332,4324,4324,4324},
      4325 => {7333,4325,4325,4325}, 4326 => {7334,4326,4326,4326}, 4327 => {7335,4327,4327,4327},
      4328 => {7336,4328,4328,4328}, 4329 => {7337,4329,4329,4329}, 4330 => {7338,4330,4330,4330},
      4331 => {7339,4331,4331,4331}, 4332 => {7340,4332,4332,4332}, 4333 => {7341,4333,4333,4333},
      4334 => {7342,4334,4334,4334}, 4335 => {7343,4335,4335,4335}, 4336 => {7344,4336,4336,4336},
      4337 => {7345,4337,4337,4337}, 4338 => {7346,4338,4338,4338}, 4339 => {7347,4339,4339,4339},
      4340 => {7348,4340,4340,4340}, 4341 => {7349,4341,4341,4341}, 4342 => {7350,4342,4342,4342},
      4343 => {7351,4343,4343,4343}, 4344 => {7352,4344,4344,4344}, 4345 => {7353,4345,4345,4345},
      4346 => {7354,4346,4346,4346}, 4349 => {7357,4349,4349,4349}, 4350 => {7358,4350,4350,4350},
      4351 => {7359,4351,4351,4351}, 5024 => {5024,43888,5024,5024}, 5025 => {5025,43889,5025,5025},
      5026 => {5026,43890,5026,5026}, 5027 => {5027,43891,5027,5027},
      5028 => {5028,43892,5028,5028}, 5029 => {5029,43893,5029,5029},
      5030 => {5030,43894,5030,5030}, 5031 => {5031,43895,5031,5031},
      5032 => {5032,43896,5032,5032}, 5033 => {5033,43897,5033,5033},
      5034 => {5034,43898,5034,5034}, 5035 => {5035,43899,5035,5035},
      5036 => {5036,43900,5036,5036}, 5037 => {5037,43901,5037,5037},
      5038 => {5038,43902,5038,5038}, 5039 => {5039,43903,5039,5039},
      5040 => {5040,43904,5040,5040}, 5041 => {5041,43905,5041,5041},
      5042 => {5042,43906,5042,5042}, 5043 => {5043,43907,5043,5043},
      5044 => {5044,43908,5044,5044}, 5045 => {5045,43909,5045,5045},
      5046 => {5046,43910,5046,5046}, 5047 => {5047,43911,5047,5047},
      5048 => {5048,43912,5048,5048}, 5049 => {5049,43913,5049,5049},
      5050 => {5050,43914,5050,5050}, 5051 => {5051,43915,5051,5051},
      5052 => {5052,43916,5052,5052}, 5053 => {5053,43917,5053,5053},
      5054 => {5054,43918,5054,5054}, 5055 => {5055,43919,5055,5055},
      5056 => {5056,43920,5056,5056}, 5057 => {5057,43921,5057,5057},
      5058 => {5058,43922,5058,5058}, 5059 => {5059,43923,5059,5059},
      5060 => {5060,43924,5060,5060}, 5061 => {5061,43925,5061,5061},
      5062 => {5062,43926,5062,5062}, 5063 => {5063,43927,5063,5063},
      5064 => {5064,43928,5064,5064}, 5065 => {5065,43929,5065,5065},
      5066 => {5066,43930,5066,5066}, 5067 => {5067,43931,5067,5067},
      5068 => {5068,43932,5068,5068}, 5069 => {5069,43933,5069,5069},
      5070 => {5070,43934,5070,5070}, 5071 => {5071,43935,5071,5071},
      5072 => {5072,43936,5072,5072}, 5073 => {5073,43937,5073,5073},
      5074 => {5074,43938,5074,5074}, 5075 => {5075,43939,5075,5075},
      5076 => {5076,43940,5076,5076}, 5077 => {5077,43941,5077,5077},
      5078 => {5078,43942,5078,5078}, 5079 => {5079,43943,5079,5079},
      5080 => {5080,43944,5080,5080}, 5081 => {5081,43945,5081,5081},
      5082 => {5082,43946,5082,5082}, 5083 => {5083,43947,5083,5083},
      5084 => {5084,43948,5084,5084}, 5085 => {5085,43949,5085,5085},
      5086 => {5086,43950,5086,5086}, 5087 => {5087,43951,5087,5087},
      5088 => {5088,43952,5088,5088}, 5089 => {5089,43953,5089,5089},
      5090 => {5090,43954,5090,5090}, 5091 => {5091,43955,5091,5091},
      5092 => {5092,43956,5092,5092}, 5093 => {5093,43957,5093,5093},
      5094 => {5094,43958,5094,5094}, 5095 => {5095,43959,5095,5095},
      5096 => {5096,43960,5096,5096}, 5097 => {5097,43961,5097,5097},
      5098 => {5098,43962,5098,5098}, 5099 => {5099,43963,5099,5099},
      5100 => {5100,43964,5100,5100}, 5101 => {5101,43965,5101,5101},
      5102 => {5102,43966,5102,5102}, 5103 => {5103,43967,5103,5103}, 5104 => {5104,5112,5104,5104},
      5105 => {5105,5113,5105,5105}, 5106 => {5106,5114,5106,5106}, 5107 => {5107,5115,5107,5107},
      5108 => {5108,5116,5108,5108}, 5109 => {5109,5117,5109,5109}, 5112 => {5104,5112,5104,5104},
      5113 => {5105,5113,5105,5105}, 5114 => {5106,5114,5106,5106}, 5115 => {5107,5115,5107,5107},
      5116 => {5108,5116,5108,5108}, 5117 => {5109,5117,5109,5109}, 7296 => {1042,7296,1042,1074},
      7297 => {1044,7297,1044,1076}, 7298 => {1054,7298,1054,1086}, 7299 => {1057,7299,1057,1089},
      7300 => {1058,7300,1058,1090}, 7301 => {1058,7301,1058,1090}, 7302 => {1066,7302,1066,1098},
      7303 => {1122,7303,1122,1123}, 7304 => {42570,7304,42570,42571},
      7312 => {7312,4304,7312,4304}, 7313 => {7313,4305,7313,4305}, 7314 => {7314,4306,7314,4306},
      7315 => {7315,4307,7315,4307}, 7316 => {7316,4308,7316,4308}, 7317 => {7317,4309,7317,4309},
      7318 => {7318,4310,7318,4310}, 7319 => {7319,4311,7319,4311}, 7320 => {7320,4312,7320,4312},
      7321 => {7321,4313,7321,4313}, 7322 => {7322,4314,7322,4314}, 7323 => {7323,4315,7323,4315},
      7324 => {7324,4316,7324,4316}, 7325 => {7325,4317,7325,4317}, 7326 => {7326,4318,7326,4318},
      7327 => {7327,4319,7327,4319}, 7328 => {7328,4320,7328,4320}, 7329 => {7329,4321,7329,4321},
      7330 => {7330,4322,7330,4322}, 7331 => {7331,4323,7331,4323}, 7332 => {7332,4324,7332,4324},
      7333 => {7333,4325,7333,4325}, 7334 => {7334,4326,7334,4326}, 7335 => {7335,4327,7335,4327},
      7336 => {7336,4328,7336,4328}, 7337 => {7337,4329,7337,4329}, 7338 => {7338,4330,7338,4330},
      7339 => {7339,4331,7339,4331}, 7340 => {7340,4332,7340,4332}, 7341 => {7341,4333,7341,4333},
      7342 => {7342,4334,7342,4334}, 7343 => {7343,4335,7343,4335}, 7344 => {7344,4336,7344,4336},
      7345 => {7345,4337,7345,4337}, 7346 => {7346,4338,7346,4338}, 7347 => {7347,4339,7347,4339},
      7348 => {7348,4340,7348,4340}, 7349 => {7349,4341,7349,4341}, 7350 => {7350,4342,7350,4342},
      7351 => {7351,4343,7351,4343}, 7352 => {7352,4344,7352,4344}, 7353 => {7353,4345,7353,4345},
      7354 => {7354,4346,7354,4346}, 7357 => {7357,4349,7357,4349}, 7358 => {7358,4350,7358,4350},
      7359 => {7359,4351,7359,4351}, 7545 => {42877,7545,42877,7545},
      7549 => {11363,7549,11363,7549}, 7566 => {42950,7566,42950,7566},
      7680 => {7680,7681,7680,7681}, 7681 => {7680,7681,7680,7681}, 7682 => {7682,7683,7682,7683},
      7683 => {7682,7683,7682,7683}, 7684 => {7684,7685,7684,7685}, 7685 => {7684,7685,7684,7685},
      7686 => {7686,7687,7686,7687}, 7687 => {7686,7687,7686,7687}, 7688 => {7688,7689,7688,7689},
      7689 => {7688,7689,7688,7689}, 7690 => {7690,7691,7690,7691}, 7691 => {7690,7691,7690,7691},
      7692 => {7692,7693,7692,7693}, 7693 => {7692,7693,7692,7693}, 7694 => {7694,7695,7694,7695},
      7695 => {7694,7695,7694,7695}, 7696 => {7696,7697,7696,7697}, 7697 => {7696,7697,7696,7697},
      7698 => {7698,7699,7698,7699}, 7699 => {7698,7699,7698,7699}, 7700 => {7700,7701,7700,7701},
      7701 => {7700,7701,7700,7701}, 7702 => {7702,7703,7702,7703}, 7703 => {7702,7703,7702,7703},
      7704 => {7704,7705,7704,7705}, 7705 => {7704,7705,7704,7705}, 7706 => {7706,7707,7706,7707},
      7707 => {7706,7707,7706,7707}, 7708 => {7708,7709,7708,7709}, 7709 => {7708,7709,7708,7709},
      7710 => {7710,7711,7710,7711}, 7711 => {7710,7711,7710,7711}, 7712 => {7712,7713,7712,7713},
      7713 => {7712,7713,7712,7713}, 7714 => {7714,7715,7714,7715}, 7715 => {7714,7715,7714,7715},
      7716 => {7716,7717,7716,7717}, 7717 => {7716,7717,7716,7717}, 7718 => {7718,7719,7718,7719},
      7719 => {7718,7719,7718,7719}, 7720 => {7720,7721,7720,7721}, 7721 => {7720,7721,7720,7721},
      7722 => {7722,7723,7722,7723}, 7723 => {7722,7723,7722,7723}, 7724 => {7724,7725,7724,7725},
      7725 => {7724,7725,7724,7725}, 7726 => {7726,7727,7726,7727}, 7727 => {7726,7727,7726,7727},
      7728 => {7728,7729,7728,7729}, 7729 => {7728,7729,7728,7729}, 7730 => {7730,7731,7730,7731},
      7731 => {7730,7731,7730,7731}, 7732 => {7732,7733,7732,7733}, 7733 => {7732,7733,7732,7733},
      7734 => {7734,7735,7734,7735}, 7735 => {7734,7735,7734,7735}, 7736 => {7736,7737,7736,7737},
      7737 => {7736,7737,7736,7737}, 7738 => {7738,7739,7738,7739}, 7739 => {7738,7739,7738,7739},
      7740 => {7740,7741,7740,7741}, 7741 => {7740,7741,7740,7741}, 7742 => {7742,7743,7742,7743},
      7743 => {7742,7743,7742,7743}, 7744 => {7744,7745,7744,7745}, 7745 => {7744,7745,7744,7745},
      7746 => {7746,7747,7746,7747}, 7747 => {7746,7747,7746,7747}, 7748 => {7748,7749,7748,7749},
      7749 => {7748,7749,7748,7749}, 7750 => {7750,7751,7750,7751}, 7751 => {7750,7751,7750,7751},
      7752 => {7752,7753,7752,7753}, 7753 => {7752,7753,7752,7753}, 7754 => {7754,7755,7754,7755},
      7755 => {7754,7755,7754,7755}, 7756 => {7756,7757,7756,7757}, 7757 => {7756,7757,7756,7757},
      7758 => {7758,7759,7758,7759}, 7759 => {7758,7759,7758,7759}, 7760 => {7760,7761,7760,7761},
      7761 => {7760,7761,7760,7761}, 7762 => {7762,7763,7762,7763}, 7763 => {7762,7763,7762,7763},
      7764 => {7764,7765,7764,7765}, 7765 => {7764,7765,7764,7765}, 7766 => {7766,7767,7766,7767},
      7767 => {7766,7767,7766,7767}, 7768 => {7768,7769,7768,7769}, 7769 => {7768,7769,7768,7769},
      7770 => {7770,7771,7770,7771}, 7771 => {7770,7771,7770,7771}, 7772 => {7772,7773,7772,7773},
      7773 => {7772,7773,7772,7773}, 7774 => {7774,7775,7774,7775}, 7775 => {7774,7775,7774,7775},
      7776 => {7776,7777,7776,7777}, 7777 => {7776,7777,7776,7777}, 7778 => {7778,7779,7778,7779},
      7779 => {7778,7779,7778,7779}, 7780 => {7780,7781,7780,7781}, 7781 => {7780,7781,7780,7781},
      7782 => {7782,7783,7782,7783}, 7783 => {7782,7783,7782,7783}, 7784 => {7784,7785,7784,7785},
      7785 => {7784,7785,7784,7785}, 7786 => {7786,7787,7786,7787}, 7787 => {7786,7787,7786,7787},
      7788 => {7788,7789,7788,7789}, 7789 => {7788,7789,7788,7789}, 7790 => {7790,7791,7790,7791},
      7791 => {7790,7791,7790,7791}, 7792 => {7792,7793,7792,7793}, 7793 => {7792,7793,7792,7793},
      7794 => {7794,7795,7794,7795}, 7795 => {7794,7795,7794,7795}, 7796 => {7796,7797,7796,7797},
      7797 => {7796,7797,7796,7797}, 7798 => {7798,7799,7798,7799}, 7799 => {7798,7799,7798,7799},
      7800 => {7800,7801,7800,7801}, 7801 => {7800,7801,7800,7801}, 7802 => {7802,7803,7802,7803},
      7803 => {7802,7803,7802,7803}, 7804 => {7804,7805,7804,7805}, 7805 => {7804,7805,7804,7805},
      7806 => {7806,7807,7806,7807}, 7807 => {7806,7807,7806,7807}, 7808 => {7808,7809,7808,7809},
      7809 => {7808,7809,7808,7809}, 7810 => {7810,7811,7810,7811}, 7811 => {7810,7811,7810,7811},
      7812 => {7812,7813,7812,7813}, 7813 => {7812,7813,7812,7813}, 7814 => {7814,7815,7814,7815},
      7815 => {7814,7815,7814,7815}, 7816 => {7816,7817,7816,7817}, 7817 => {7816,7817,7816,7817},
      7818 => {7818,7819,7818,7819}, 7819 => {7818,7819,7818,7819}, 7820 => {7820,7821,7820,7821},
      7821 => {7820,7821,7820,7821}, 7822 => {7822,7823,7822,7823}, 7823 => {7822,7823,7822,7823},
      7824 => {7824,7825,7824,7825}, 7825 => {7824,7825,7824,7825}, 7826 => {7826,7827,7826,7827},
      7827 => {7826,7827,7826,7827}, 7828 => {7828,7829,7828,7829}, 7829 => {7828,7829,7828,7829},
      7830 => {[72,817],7830,[72,817],[104,817]}, 7831 => {[84,776],7831,[84,776],[116,776]},
      7832 => {[87,778],7832,[87,778],[119,778]}, 7833 => {[89,778],7833,[89,778],[121,778]},
      7834 => {[65,702],7834,[65,702],[97,702]}, 7835 => {7776,7835,7776,7777},
      7838 => {7838,223,7838,[115,115]}, 7840 => {7840,7841,7840,7841},
      7841 => {7840,7841,7840,7841}, 7842 => {7842,7843,7842,7843}, 7843 => {7842,7843,7842,7843},
      7844 => {7844,7845,7844,7845}, 7845 => {7844,7845,7844,7845}, 7846 => {7846,7847,7846,7847},
      7847 => {7846,7847,7846,7847}, 7848 => {7848,7849,7848,7849}, 7849 => {7848,7849,7848,7849},
      7850 => {7850,7851,7850,7851}, 7851 => {7850,7851,7850,7851}, 7852 => {7852,7853,7852,7853},
      7853 => {7852,7853,7852,7853}, 7854 => {7854,7855,7854,7855}, 7855 => {7854,7855,7854,7855},
      7856 => {7856,7857,7856,7857}, 7857 => {7856,7857,7856,7857}, 7858 => {7858,7859,7858,7859},
      7859 => {7858,7859,7858,7859}, 7860 => {7860,7861,7860,7861}, 7861 => {7860,7861,7860,7861},
      7862 => {7862,7863,7862,7863}, 7863 => {7862,7863,7862,7863}, 7864 => {7864,7865,7864,7865},
      7865 => {7864,7865,7864,7865}, 7866 => {7866,7867,7866,7867}, 7867 => {7866,7867,7866,7867},
      7868 => {7868,7869,7868,7869}, 7869 => {7868,7869,7868,7869}, 7870 => {7870,7871,7870,7871},
      7871 => {7870,7871,7870,7871}, 7872 => {7872,7873,7872,7873}, 7873 => {7872,7873,7872,7873},
      7874 => {7874,7875,7874,7875}, 7875 => {7874,7875,7874,7875}, 7876 => {7876,7877,7876,7877},
      7877 => {7876,7877,7876,7877}, 7878 => {7878,7879,7878,7879}, 7879 => {7878,7879,7878,7879},
      7880 => {7880,7881,7880,7881}, 7881 => {7880,7881,7880,7881}, 7882 => {7882,7883,7882,7883},
      7883 => {7882,7883,7882,7883}, 7884 => {7884,7885,7884,7885}, 7885 => {7884,7885,7884,7885},
      7886 => {7886,7887,7886,7887}, 7887 => {7886,7887,7886,7887}, 7888 => {7888,7889,7888,7889},
      7889 => {7888,7889,7888,7889}, 7890 => {7890,7891,7890,7891}, 7891 => {7890,7891,7890,7891},
      7892 => {7892,7893,7892,7893}, 7893 => {7892,7893,7892,7893}, 7894 => {7894,7895,7894,7895},
      7895 => {7894,7895,7894,7895}, 7896 => {7896,7897,7896,7897}, 7897 => {7896,7897,7896,7897},
      7898 => {7898,7899,7898,7899}, 7899 => {7898,7899,7898,7899}, 7900 => {7900,7901,7900,7901},
      7901 => {7900,7901,7900,7901}, 7902 => {7902,7903,7902,7903}, 7903 => {7902,7903,7902,7903},
      7904 => {7904,7905,7904,7905}, 7905 => {7904,7905,7904,7905}, 7906 => {7906,7907,7906,7907},
      7907 => {7906,7907,7906,7907}, 7908 => {7908,7909,7908,7909}, 7909 => {7908,7909,7908,7909},
      7910 => {7910,7911,7910,7911}, 7911 => {7910,7911,7910,7911}, 7912 => {7912,7913,7912,7913},
      7913 => {7912,7913,7912,7913}, 7914 => {7914,7915,7914,7915}, 7915 => {7914,7915,7914,7915},
      7916 => {7916,7917,7916,7917}, 7917 => {7916,7917,7916,7917}, 7918 => {7918,7919,7918,7919},
      7919 => {7918,7919,7918,7919}, 7920 => {7920,7921,7920,7921}, 7921 => {7920,7921,7920,7921},
      7922 => {7922,7923,7922,7923}, 7923 => {7922,7923,7922,7923}, 7924 => {7924,7925,7924,7925},
      7925 => {7924,7925,7924,7925}, 7926 => {7926,7927,7926,7927}, 7927 => {7926,7927,7926,7927},
      7928 => {7928,7929,7928,7929}, 7929 => {7928,7929,7928,7929}, 7930 => {7930,7931,7930,7931},
      7931 => {7930,7931,7930,7931}, 7932 => {7932,7933,7932,7933}, 7933 => {7932,7933,7932,7933},
      7934 => {7934,7935,7934,7935}, 7935 => {7934,7935,7934,7935}, 7936 => {7944,7936,7944,7936},
      7937 => {7945,7937,7945,7937}, 7938 => {7946,7938,7946,7938}, 7939 => {7947,7939,7947,7939},
      7940 => {7948,7940,7948,7940}, 7941 => {7949,7941,7949,7941}, 7942 => {7950,7942,7950,7942},
      7943 => {7951,7943,7951,7943}, 7944 => {7944,7936,7944,7936}, 7945 => {7945,7937,7945,7937},
      7946 => {7946,7938,7946,7938}, 7947 => {7947,7939,7947,7939}, 7948 => {7948,7940,7948,7940},
      7949 => {7949,7941,7949,7941}, 7950 => {7950,7942,7950,7942}, 7951 => {7951,7943,7951,7943},
      7952 => {7960,7952,7960,7952}, 7953 => {7961,7953,7961,7953}, 7954 => {7962,7954,7962,7954},
      7955 => {7963,7955,7963,7955}, 7956 => {7964,7956,7964,7956}, 7957 => {7965,7957,7965,7957},
      7960 => {7960,7952,7960,7952}, 7961 => {7961,7953,7961,7953}, 7962 => {7962,7954,7962,7954},
      7963 => {7963,7955,7963,7955}, 7964 => {7964,7956,7964,7956}, 7965 => {7965,7957,7965,7957},
      7968 => {7976,7968,7976,7968}, 7969 => {7977,7969,7977,7969}, 7970 => {7978,7970,7978,7970},
      7971 => {7979,7971,7979,7971}, 7972 => {7980,7972,7980,7972}, 7973 => {7981,7973,7981,7973},
      7974 => {7982,7974,7982,7974}, 7975 => {7983,7975,7983,7975}, 7976 => {7976,7968,7976,7968},
      7977 => {7977,7969,7977,7969}, 7978 => {7978,7970,7978,7970}, 7979 => {7979,7971,7979,7971},
      7980 => {7980,7972,7980,7972}, 7981 => {7981,7973,7981,7973}, 7982 => {7982,7974,7982,7974},
      7983 => {7983,7975,7983,7975}, 7984 => {7992,7984,7992,7984}, 7985 => {7993,7985,7993,7985},
      7986 => {7994,7986,7994,7986}, 7987 => {7995,7987,7995,7987}, 7988 => {7996,7988,7996,7988},
      7989 => {7997,7989,7997,7989}, 7990 => {7998,7990,7998,7990}, 7991 => {7999,7991,7999,7991},
      7992 => {7992,7984,7992,7984}, 7993 => {7993,7985,7993,7985}, 7994 => {7994,7986,7994,7986},
      7995 => {7995,7987,7995,7987}, 7996 => {7996,7988,7996,7988}, 7997 => {7997,7989,7997,7989},
      7998 => {7998,7990,7998,7990}, 7999 => {7999,7991,7999,7991}, 8000 => {8008,8000,8008,8000},
      8001 => {8009,8001,8009,8001}, 8002 => {8010,8002,8010,8002}, 8003 => {8011,8003,8011,8003},
      8004 => {8012,8004,8012,8004}, 8005 => {8013,8005,8013,8005}, 8008 => {8008,8000,8008,8000},
      8009 => {8009,8001,8009,8001}, 8010 => {8010,8002,8010,8002}, 8011 => {8011,8003,8011,8003},
      8012 => {8012,8004,8012,8004}, 8013 => {8013,8005,8013,8005},
      8016 => {[933,787],8016,[933,787],[965,787]}, 8017 => {8025,8017,8025,8017},
      8018 => {[933,787,768],8018,[933,787,768],[965,787,768]}, 8019 => {8027,8019,8027,8019},
      8020 => {[933,787,769],8020,[933,787,769],[965,787,769]}, 8021 => {8029,8021,8029,8021},
      8022 => {[933,787,834],8022,[933,787,834],[965,787,834]}, 8023 => {8031,8023,8031,8023},
      8025 => {8025,8017,8025,8017}, 8027 => {8027,8019,8027,8019}, 8029 => {8029,8021,8029,8021},
      8031 => {8031,8023,8031,8023}, 8032 => {8040,8032,8040,8032}, 8033 => {8041,8033,8041,8033},
      8034 => {8042,8034,8042,8034}, 8035 => {8043,8035,8043,8035}, 8036 => {8044,8036,8044,8036},
      8037 => {8045,8037,8045,8037}, 8038 => {8046,8038,8046,8038}, 8039 => {8047,8039,8047,8039},
      8040 => {8040,8032,8040,8032}, 8041 => {8041,8033,8041,8033}, 8042 => {8042,8034,8042,8034},
      8043 => {8043,8035,8043,8035}, 8044 => {8044,8036,8044,8036}, 8045 => {8045,8037,8045,8037},
      8046 => {8046,8038,8046,8038}, 8047 => {8047,8039,8047,8039}, 8048 => {8122,8048,8122,8048},
      8049 => {8123,8049,8123,8049}, 8050 => {8136,8050,8136,8050}, 8051 => {8137,8051,8137,8051},
      8052 => {8138,8052,8138,8052}, 8053 => {8139,8053,8139,8053}, 8054 => {8154,8054,8154,8054},
      8055 => {8155,8055,8155,8055}, 8056 => {8184,8056,8184,8056}, 8057 => {8185,8057,8185,8057},
      8058 => {8170,8058,8170,8058}, 8059 => {8171,8059,8171,8059}, 8060 => {8186,8060,8186,8060},
      8061 => {8187,8061,8187,8061}, 8064 => {[7944,921],8064,8072,[7936,953]},
      8065 => {[7945,921],8065,8073,[7937,953]}, 8066 => {[7946,921],8066,8074,[7938,953]},
      8067 => {[7947,921],8067,8075,[7939,953]}, 8068 => {[7948,921],8068,8076,[7940,953]},
      8069 => {[7949,921],8069,8077,[7941,953]}, 8070 => {[7950,921],8070,8078,[7942,953]},
      8071 => {[7951,921],8071,8079,[7943,953]}, 8072 => {[7944,921],8064,8072,[7936,953]},
      8073 => {[7945,921],8065,8073,[7937,953]}, 8074 => {[7946,921],8066,8074,[7938,953]},
      8075 => {[7947,921],8067,8075,[7939,953]}, 8076 => {[7948,921],8068,8076,[7940,953]},
      8077 => {[7949,921],8069,8077,[7941,953]}, 8078 => {[7950,921],8070,8078,[7942,953]},
      8079 => {[7951,921],8071,8079,[7943,953]}, 8080 => {[7976,921],8080,8088,[7968,953]},
      8081 => {[7977,921],8081,8089,[7969,953]}, 8082 => {[7978,921],8082,8090,[7970,953]},
      8083 => {[7979,921],8083,8091,[7971,953]}, 8084 => {[7980,921],8084,8092,[7972,953]},
      8085 => {[7981,921],8085,8093,[7973,953]}, 8086 => {[7982,921],8086,8094,[7974,953]},
      8087 => {[7983,921],8087,8095,[7975,953]}, 8088 => {[7976,921],8080,8088,[7968,953]},
      8089 => {[7977,921],8081,8089,[7969,953]}, 8090 => {[7978,921],8082,8090,[7970,953]},
      8091 => {[7979,921],8083,8091,[7971,953]}, 8092 => {[7980,921],8084,8092,[7972,953]},
      8093 => {[7981,921],8085,8093,[7973,953]}, 8094 => {[7982,921],8086,8094,[7974,953]},
      8095 => {[7983,921],8087,8095,[7975,953]}, 8096 => {[8040,921],8096,8104,[8032,953]},
      8097 => {[8041,921],8097,8105,[8033,953]}, 8098 => {[8042,921],8098,8106,[8034,953]},
      8099 => {[8043,921],8099,8107,[8035,953]}, 8100 => {[8044,921],8100,8108,[8036,953]},
      8101 => {[8045,921],8101,8109,[8037,953]}, 8102 => {[8046,921],8102,8110,[8038,953]},
      8103 => {[8047,921],8103,8111,[8039,953]}, 8104 => {[8040,921],8096,8104,[8032,953]},
      8105 => {[8041,921],8097,8105,[8033,953]}, 8106 => {[8042,921],8098,8106,[8034,953]},
      8107 => {[8043,921],8099,8107,[8035,953]}, 8108 => {[8044,921],8100,8108,[8036,953]},
      8109 => {[8045,921],8101,8109,[8037,953]}, 8110 => {[8046,921],8102,8110,[8038,953]},
      8111 => {[8047,921],8103,8111,[8039,953]}, 8112 => {8120,8112,8120,8112},
      8113 => {8121,8113,8121,8113}, 8114 => {[8122,921],8114,[8122,837],[8048,953]},
      8115 => {[913,921],8115,8124,[945,953]}, 8116 => {[902,921],8116,[902,837],[940,953]},
      8118 => {[913,834],8118,[913,834],[945,834]},
      8119 => {[913,834,921],8119,[913,834,837],[945,834,953]}, 8120 => {8120,8112,8120,8112},
      8121 => {8121,8113,8121,8113}, 8122 => {8122,8048,8122,8048}, 8123 => {8123,8049,8123,8049},
      8124 => {[913,921],8115,8124,[945,953]}, 8126 => {921,8126,921,953},
      8130 => {[8138,921],8130,[8138,837],[8052,953]}, 8131 => {[919,921],8131,8140,[951,953]},
      8132 => {[905,921],8132,[905,837],[942,953]}, 8134 => {[919,834],8134,[919,834],[951,834]},
      8135 => {[919,834,921],8135,[919,834,837],[951,834,953]}, 8136 => {8136,8050,8136,8050},
      8137 => {8137,8051,8137,8051}, 8138 => {8138,8052,8138,8052}, 8139 => {8139,8053,8139,8053},
      8140 => {[919,921],8131,8140,[951,953]}, 8144 => {8152,8144,8152,8144},
      8145 => {8153,8145,8153,8145}, 8146 => {[921,776,768],8146,[921,776,768],[953,776,768]},
      8147 => {[921,776,769],8147,[921,776,769],[953,776,769]},
      8150 => {[921,834],8150,[921,834],[953,834]},
      8151 => {[921,776,834],8151,[921,776,834],[953,776,834]}, 8152 => {8152,8144,8152,8144},
      8153 => {8153,8145,8153,8145}, 8154 => {8154,8054,8154,8054}, 8155 => {8155,8055,8155,8055},
      8160 => {8168,8160,8168,8160}, 8161 => {8169,8161,8169,8161},
      8162 => {[933,776,768],8162,[933,776,768],[965,776,768]},
      8163 => {[933,776,769],8163,[933,776,769],[965,776,769]},
      8164 => {[929,787],8164,[929,787],[961,787]}, 8165 => {8172,8165,8172,8165},
      8166 => {[933,834],8166,[933,834],[965,834]},
      8167 => {[933,776,834],8167,[933,776,834],[965,776,834]}, 8168 => {8168,8160,8168,8160},
      8169 => {8169,8161,8169,8161}, 8170 => {8170,8058,8170,8058}, 8171 => {8171,8059,8171,8059},
      8172 => {8172,8165,8172,8165}, 8178 => {[8186,921],8178,[8186,837],[8060,953]},
      8179 => {[937,921],8179,8188,[969,953]}, 8180 => {[911,921],8180,[911,837],[974,953]},
      8182 => {[937,834],8182,[937,834],[969,834]},
      8183 => {[937,834,921],8183,[937,834,837],[969,834,953]}, 8184 => {8184,8056,8184,8056},
      8185 => {8185,8057,8185,8057}, 8186 => {8186,8060,8186,8060}, 8187 => {8187,8061,8187,8061},
      8188 => {[937,921],8179,8188,[969,953]}, 8486 => {8486,969,8486,969},
      8490 => {8490,107,8490,107}, 8491 => {8491,229,8491,229}, 8498 => {8498,8526,8498,8526},
      8526 => {8498,8526,8498,8526}, 8544 => {8544,8560,8544,8560}, 8545 => {8545,8561,8545,8561},
      8546 => {8546,8562,8546,8562}, 8547 => {8547,8563,8547,8563}, 8548 => {8548,8564,8548,8564},
      8549 => {8549,8565,8549,8565}, 8550 => {8550,8566,8550,8566}, 8551 => {8551,8567,8551,8567},
      8552 => {8552,8568,8552,8568}, 8553 => {8553,8569,8553,8569}, 8554 => {8554,8570,8554,8570},
      8555 => {8555,8571,8555,8571}, 8556 => {8556,8572,8556,8572}, 8557 => {8557,8573,8557,8573},
      8558 => {8558,8574,8558,8574}, 8559 => {8559,8575,8559,8575}, 8560 => {8544,8560,8544,8560},
      8561 => {8545,8561,8545,8561}, 8562 => {8546,8562,8546,8562}, 8563 => {8547,8563,8547,8563},
      8564 => {8548,8564,8548,8564}, 8565 => {8549,8565,8549,8565}, 8566 => {8550,8566,8550,8566},
      8567 => {8551,8567,8551,8567}, 8568 => {8552,8568,8552,8568}, 8569 => {8553,8569,8553,8569},
      8570 => {8554,8570,8554,8570}, 8571 => {8555,8571,8555,8571}, 8572 => {8556,8572,8556,8572},
      8573 => {8557,8573,8557,8573}, 8574 => {8558,8574,8558,8574}, 8575 => {8559,8575,8559,8575},
      8579 => {8579,8580,8579,8580}, 8580 => {8579,8580,8579,8580}, 9398 => {9398,9424,9398,9424},
      9399 => {9399,9425,9399,9425}, 9400 => {9400,9426,9400,9426}, 9401 => {9401,9427,9401,9427},
      9402 => {9402,9428,9402,9428}, 9403 => {9403,9429,9403,9429}, 9404 => {9404,9430,9404,9430},
      9405 => {9405,9431,9405,9431}, 9406 => {9406,9432,9406,9432}, 9407 => {9407,9433,9407,9433},
      9408 => {9408,9434,9408,9434}, 9409 => {9409,9435,9409,9435}, 9410 => {9410,9436,9410,9436},
      9411 => {9411,9437,9411,9437}, 9412 => {9412,9438,9412,9438}, 9413 => {9413,9439,9413,9439},
      9414 => {9414,9440,9414,9440}, 9415 => {9415,9441,9415,9441}, 9416 => {9416,9442,9416,9442},
      9417 => {9417,9443,9417,9443}, 9418 => {9418,9444,9418,9444}, 9419 => {9419,9445,9419,9445},
      9420 => {9420,9446,9420,9446}, 9421 => {9421,9447,9421,9447}, 9422 => {9422,9448,9422,9448},
      9423 => {9423,9449,9423,9449}, 9424 => {9398,9424,9398,9424}, 9425 => {9399,9425,9399,9425},
      9426 => {9400,9426,9400,9426}, 9427 => {9401,9427,9401,9427}, 9428 => {9402,9428,9402,9428},
      9429 => {9403,9429,9403,9429}, 9430 => {9404,9430,9404,9430}, 9431 => {9405,9431,9405,9431},
      9432 => {9406,9432,9406,9432}, 9433 => {9407,9433,9407,9433}, 9434 => {9408,9434,9408,9434},
      9435 => {9409,9435,9409,9435}, 9436 => {9410,9436,9410,9436}, 9437 => {9411,9437,9411,9437},
      9438 => {9412,9438,9412,9438}, 9439 => {9413,9439,9413,9439}, 9440 => {9414,9440,9414,9440},
      9441 => {9415,9441,9415,9441}, 9442 => {9416,9442,9416,9442}, 9443 => {9417,9443,9417,9443},
      9444 => {9418,9444,9418,9444}, 9445 => {9419,9445,9419,9445}, 9446 => {9420,9446,9420,9446},
      9447 => {9421,9447,9421,9447}, 9448 => {9422,9448,9422,9448}, 9449 => {9423,9449,9423,9449},
      11264 => {11264,11312,11264,11312}, 11265 => {11265,11313,11265,11313},
      11266 => {11266,11314,11266,11314}, 11267 => {11267,11315,11267,11315},
      11268 => {11268,11316,11268,11316}, 11269 => {11269,11317,11269,11317},
      11270 => {11270,11318,11270,11318}, 11271 => {11271,11319,11271,11319},
      11272 => {11272,11320,11272,11320}, 11273 => {11273,11321,11273,11321},
      11274 => {11274,11322,11274,11322}, 11275 => {11275,11323,11275,11323},
      11276 => {11276,11324,11276,11324}, 11277 => {11277,11325,11277,11325},
      11278 => {11278,11326,11278,11326}, 11279 => {11279,11327,11279,11327},
      11280 => {11280,11328,11280,11328}, 11281 => {11281,11329,11281,11329},
      11282 => {11282,11330,11282,11330}, 11283 => {11283,11331,11283,11331},
      11284 => {11284,11332,11284,11332}, 11285 => {11285,11333,11285,11333},
      11286 => {11286,11334,11286,11334}, 11287 => {11287,11335,11287,11335},
      11288 => {11288,11336,11288,11336}, 11289 => {11289,11337,11289,11337},
      11290 => {11290,11338,11290,11338}, 11291 => {11291,11339,11291,11339},
      11292 => {11292,11340,11292,11340}, 11293 => {11293,11341,11293,11341},
      11294 => {11294,11342,11294,11342}, 11295 => {11295,11343,11295,11343},
      11296 => {11296,11344,11296,11344}, 11297 => {11297,11345,11297,11345},
      11298 => {11298,11346,11298,11346}, 11299 => {11299,11347,11299,11347},
      11300 => {11300,11348,11300,11348}, 11301 => {11301,11349,11301,11349},
      11302 => {11302,11350,11302,11350}, 11303 => {11303,11351,11303,11351},
      11304 => {11304,11352,11304,11352}, 11305 => {11305,11353,11305,11353},
      11306 => {11306,11354,11306,11354}, 11307 => {11307,11355,11307,11355},
      11308 => {11308,11356,11308,11356}, 11309 => {11309,11357,11309,11357},
      11310 => {11310,11358,11310,11358}, 11311 => {11311,11359,11311,11359},
      11312 => {11264,11312,11264,11312}, 11313 => {11265,11313,11265,11313},
      11314 => {11266,11314,11266,11314}, 11315 => {11267,11315,11267,11315},
      11316 => {11268,11316,11268,11316}, 11317 => {11269,11317,11269,11317},
      11318 => {11270,11318,11270,11318}, 11319 => {11271,11319,11271,11319},
      11320 => {11272,11320,11272,11320}, 11321 => {11273,11321,11273,11321},
      11322 => {11274,11322,11274,11322}, 11323 => {11275,11323,11275,11323},
      11324 => {11276,11324,11276,11324}, 11325 => {11277,11325,11277,11325},
      11326 => {11278,11326,11278,11326}, 11327 => {11279,11327,11279,11327},
      11328 => {11280,11328,11280,11328}, 11329 => {11281,11329,11281,11329},
      11330 => {11282,11330,11282,11330}, 11331 => {11283,11331,11283,11331},
      11332 => {11284,11332,11284,11332}, 11333 => {11285,11333,11285,11333},
      11334 => {11286,11334,11286,11334}, 11335 => {11287,11335,11287,11335},
      11336 => {11288,11336,11288,11336}, 11337 => {11289,11337,11289,11337},
      11338 => {11290,11338,11290,11338}, 11339 => {11291,11339,11291,11339},
      11340 => {11292,11340,11292,11340}, 11341 => {11293,11341,11293,11341},
      11342 => {11294,11342,11294,11342}, 11343 => {11295,11343,11295,11343},
      11344 => {11296,11344,11296,11344}, 11345 => {11297,11345,11297,11345},
      11346 => {11298,11346,11298,11346}, 11347 => {11299,11347,11299,11347},
      11348 => {11300,11348,11300,11348}, 11349 => {11301,11349,11301,11349},
      11350 => {11302,11350,11302,11350}, 11351 => {11303,11351,11303,11351},
      11352 => {11304,11352,11304,11352}, 11353 => {11305,11353,11305,11353},
      11354 => {11306,11354,11306,11354}, 11355 => {11307,11355,11307,11355},
      11356 => {11308,11356,11308,11356}, 11357 => {11309,11357,11309,11357},
      11358 => {11310,11358,11310,11358}, 11359 => {11311,11359,11311,11359},
      11360 => {11360,11361,11360,11361}, 11361 => {11360,11361,11360,11361},
      11362 => {11362,619,11362,619}, 11363 => {11363,7549,11363,7549},
      11364 => {11364,637,11364,637}, 11365 => {570,11365,570,11365},
      11366 => {574,11366,574,11366}, 11367 => {11367,11368,11367,11368},
      11368 => {11367,11368,11367,11368}, 11369 => {11369,11370,11369,11370},
      11370 => {11369,11370,11369,11370}, 11371 => {11371,11372,11371,11372},
      11372 => {11371,11372,11371,11372}, 11373 => {11373,593,11373,593},
      11374 => {11374,625,11374,625}, 11375 => {11375,592,11375,592},
      11376 => {11376,594,11376,594}, 11378 => {11378,11379,11378,11379},
      11379 => {11378,11379,11378,11379}, 11381 => {11381,11382,11381,11382},
      11382 => {11381,11382,11381,11382}, 11390 => {11390,575,11390,575},
      11391 => {11391,576,11391,576}, 11392 => {11392,11393,11392,11393},
      11393 => {11392,11393,11392,11393}, 11394 => {11394,11395,11394,11395},
      11395 => {11394,11395,11394,11395}, 11396 => {11396,11397,11396,11397},
      11397 => {11396,11397,11396,11397}, 11398 => {11398,11399,11398,11399},
      11399 => {11398,11399,11398,11399}, 11400 => {11400,11401,11400,11401},
      11401 => {11400,11401,11400,11401}, 11402 => {11402,11403,11402,11403},
      11403 => {11402,11403,11402,11403}, 11404 => {11404,11405,11404,11405},
      11405 => {11404,11405,11404,11405}, 11406 => {11406,11407,11406,11407},
      11407 => {11406,11407,11406,11407}, 11408 => {11408,11409,11408,11409},
      11409 => {11408,11409,11408,11409}, 11410 => {11410,11411,11410,11411},
      11411 => {11410,11411,11410,11411}, 11412 => {11412,11413,11412,11413},
      11413 => {11412,11413,11412,11413}, 11414 => {11414,11415,11414,11415},
      11415 => {11414,11415,11414,11415}, 11416 => {11416,11417,11416,11417},
      11417 => {11416,11417,11416,11417}, 11418 => {11418,11419,11418,11419},
      11419 => {11418,11419,11418,11419}, 11420 => {11420,11421,11420,11421},
      11421 => {11420,11421,11420,11421}, 11422 => {11422,11423,11422,11423},
      11423 => {11422,11423,11422,11423}, 11424 => {11424,11425,11424,11425},
      11425 => {11424,11425,11424,11425}, 11426 => {11426,11427,11426,11427},
      11427 => {11426,11427,11426,11427}, 11428 => {11428,11429,11428,11429},
      11429 => {11428,11429,11428,11429}, 11430 => {11430,11431,11430,11431},
      11431 => {11430,11431,11430,11431}, 11432 => {11432,11433,11432,11433},
      11433 => {11432,11433,11432,11433}, 11434 => {11434,11435,11434,11435},
      11435 => {11434,11435,11434,11435}, 11436 => {11436,11437,11436,11437},
      11437 => {11436,11437,11436,11437}, 11438 => {11438,11439,11438,11439},
      11439 => {11438,11439,11438,11439}, 11440 => {11440,11441,11440,11441},
      11441 => {11440,11441,11440,11441}, 11442 => {11442,11443,11442,11443},
      11443 => {11442,11443,11442,11443}, 11444 => {11444,11445,11444,11445},
      11445 => {11444,11445,11444,11445}, 11446 => {11446,11447,11446,11447},
      11447 => {11446,11447,11446,11447}, 11448 => {11448,11449,11448,11449},
      11449 => {11448,11449,11448,11449}, 11450 => {11450,11451,11450,11451},
      11451 => {11450,11451,11450,11451}, 11452 => {11452,11453,11452,11453},
      11453 => {11452,11453,11452,11453}, 11454 => {11454,11455,11454,11455},
      11455 => {11454,11455,11454,11455}, 11456 => {11456,11457,11456,11457},
      11457 => {11456,11457,11456,11457}, 11458 => {11458,11459,11458,11459},
      11459 => {11458,11459,11458,11459}, 11460 => {11460,11461,11460,11461},
      11461 => {11460,11461,11460,11461}, 11462 => {11462,11463,11462,11463},
      11463 => {11462,11463,11462,11463}, 11464 => {11464,11465,11464,11465},
      11465 => {11464,11465,11464,11465}, 11466 => {11466,11467,11466,11467},
      11467 => {11466,11467,11466,11467}, 11468 => {11468,11469,11468,11469},
      11469 => {11468,11469,11468,11469}, 11470 => {11470,11471,11470,11471},
      11471 => {11470,11471,11470,11471}, 11472 => {11472,11473,11472,11473},
      11473 => {11472,11473,11472,11473}, 11474 => {11474,11475,11474,11475},
      11475 => {11474,11475,11474,11475}, 11476 => {11476,11477,11476,11477},
      11477 => {11476,11477,11476,11477}, 11478 => {11478,11479,11478,11479},
      11479 => {11478,11479,11478,11479}, 11480 => {11480,11481,11480,11481},
      11481 => {11480,11481,11480,11481}, 11482 => {11482,11483,11482,11483},
      11483 => {11482,11483,11482,11483}, 11484 => {11484,11485,11484,11485},
      11485 => {11484,11485,11484,11485}, 11486 => {11486,11487,11486,11487},
      11487 => {11486,11487,11486,11487}, 11488 => {11488,11489,11488,11489},
      11489 => {11488,11489,11488,11489}, 11490 => {11490,11491,11490,11491},
      11491 => {11490,11491,11490,11491}, 11499 => {11499,11500,11499,11500},
      11500 => {11499,11500,11499,11500}, 11501 => {11501,11502,11501,11502},
      11502 => {11501,11502,11501,11502}, 11506 => {11506,11507,11506,11507},
      11507 => {11506,11507,11506,11507}, 11520 => {4256,11520,4256,11520},
      11521 => {4257,11521,4257,11521}, 11522 => {4258,11522,4258,11522},
      11523 => {4259,11523,4259,11523}, 11524 => {4260,11524,4260,11524},
      11525 => {4261,11525,4261,11525}, 11526 => {4262,11526,4262,11526},
      11527 => {4263,11527,4263,11527}, 11528 => {4264,11528,4264,11528},
      11529 => {4265,11529,4265,11529}, 11530 => {4266,11530,4266,11530},
      11531 => {4267,11531,4267,11531}, 11532 => {4268,11532,4268,11532},
      11533 => {4269,11533,4269,11533}, 11534 => {4270,11534,4270,11534},
      11535 => {4271,11535,4271,11535}, 11536 => {4272,11536,4272,11536},
      11537 => {4273,11537,4273,11537}, 11538 => {4274,11538,4274,11538},
      11539 => {4275,11539,4275,11539}, 11540 => {4276,11540,4276,11540},
      11541 => {4277,11541,4277,11541}, 11542 => {4278,11542,4278,11542},
      11543 => {4279,11543,4279,11543}, 11544 => {4280,11544,4280,11544},
      11545 => {4281,11545,4281,11545}, 11546 => {4282,11546,4282,11546},
      11547 => {4283,11547,4283,11547}, 11548 => {4284,11548,4284,11548},
      11549 => {4285,11549,4285,11549}, 11550 => {4286,11550,4286,11550},
      11551 => {4287,11551,4287,11551}, 11552 => {4288,11552,4288,11552},
      11553 => {4289,11553,4289,11553}, 11554 => {4290,11554,4290,11554},
      11555 => {4291,11555,4291,11555}, 11556 => {4292,11556,4292,11556},
      11557 => {4293,11557,4293,11557}, 11559 => {4295,11559,4295,11559},
      11565 => {4301,11565,4301,11565}, 42560 => {42560,42561,42560,42561},
      42561 => {42560,42561,42560,42561}, 42562 => {42562,42563,42562,42563},
      42563 => {42562,42563,42562,42563}, 42564 => {42564,42565,42564,42565},
      42565 => {42564,42565,42564,42565}, 42566 => {42566,42567,42566,42567},
      42567 => {42566,42567,42566,42567}, 42568 => {42568,42569,42568,42569},
      42569 => {42568,42569,42568,42569}, 42570 => {42570,42571,42570,42571},
      42571 => {42570,42571,42570,42571}, 42572 => {42572,42573,42572,42573},
      42573 => {42572,42573,42572,42573}, 42574 => {42574,42575,42574,42575},
      42575 => {42574,42575,42574,42575}, 42576 => {42576,42577,42576,42577},
      42577 => {42576,42577,42576,42577}, 42578 => {42578,42579,42578,42579},
      42579 => {42578,42579,42578,42579}, 42580 => {42580,42581,42580,42581},
      42581 => {42580,42581,42580,42581}, 42582 => {42582,42583,42582,42583},
      42583 => {42582,42583,42582,42583}, 42584 => {42584,42585,42584,42585},
      42585 => {42584,42585,42584,42585}, 42586 => {42586,42587,42586,42587},
      42587 => {42586,42587,42586,42587}, 42588 => {42588,42589,42588,42589},
      42589 => {42588,42589,42588,42589}, 42590 => {42590,42591,42590,42591},
      42591 => {42590,42591,42590,42591}, 42592 => {42592,42593,42592,42593},
      42593 => {42592,42593,42592,42593}, 42594 => {42594,42595,42594,42595},
      42595 => {42594,42595,42594,42595}, 42596 => {42596,42597,42596,42597},
      42597 => {42596,42597,42596,42597}, 42598 => {42598,42599,42598,42599},
      42599 => {42598,42599,42598,42599}, 42600 => {42600,42601,42600,42601},
      42601 => {42600,42601,42600,42601}, 42602 => {42602,42603,42602,42603},
      42603 => {42602,42603,42602,42603}, 42604 => {42604,42605,42604,42605},
      42605 => {42604,42605,42604,42605}, 42624 => {42624,42625,42624,42625},
      42625 => {42624,42625,42624,42625}, 42626 => {42626,42627,42626,42627},
      42627 => {42626,42627,42626,42627}, 42628 => {42628,42629,42628,42629},
      42629 => {42628,42629,42628,42629}, 42630 => {42630,42631,42630,42631},
      42631 => {42630,42631,42630,42631}, 42632 => {42632,42633,42632,42633},
      42633 => {42632,42633,42632,42633}, 42634 => {42634,42635,42634,42635},
      42635 => {42634,42635,42634,42635}, 42636 => {42636,42637,42636,42637},
      42637 => {42636,42637,42636,42637}, 42638 => {42638,42639,42638,42639},
      42639 => {42638,42639,42638,42639}, 42640 => {42640,42641,42640,42641},
      42641 => {42640,42641,42640,42641}, 42642 => {42642,42643,42642,42643},
      42643 => {42642,42643,42642,42643}, 42644 => {42644,42645,42644,42645},
      42645 => {42644,42645,42644,42645}, 42646 => {42646,42647,42646,42647},
      42647 => {42646,42647,42646,42647}, 42648 => {42648,42649,42648,42649},
      42649 => {42648,42649,42648,42649}, 42650 => {42650,42651,42650,42651},
      42651 => {42650,42651,42650,42651}, 42786 => {42786,42787,42786,42787},
      42787 => {42786,42787,42786,42787}, 42788 => {42788,42789,42788,42789},
      42789 => {42788,42789,42788,42789}, 42790 => {42790,42791,42790,42791},
      42791 => {42790,42791,42790,42791}, 42792 => {42792,42793,42792,42793},
      42793 => {42792,42793,42792,42793}, 42794 => {42794,42795,42794,42795},
      42795 => {42794,42795,42794,42795}, 42796 => {42796,42797,42796,42797},
      42797 => {42796,42797,42796,42797}, 42798 => {42798,42799,42798,42799},
      42799 => {42798,42799,42798,42799}, 42802 => {42802,42803,42802,42803},
      42803 => {42802,42803,42802,42803}, 42804 => {42804,42805,42804,42805},
      42805 => {42804,42805,42804,42805}, 42806 => {42806,42807,42806,42807},
      42807 => {42806,42807,42806,42807}, 42808 => {42808,42809,42808,42809},
      42809 => {42808,42809,42808,42809}, 42810 => {42810,42811,42810,42811},
      42811 => {42810,42811,42810,42811}, 42812 => {42812,42813,42812,42813},
      42813 => {42812,42813,42812,42813}, 42814 => {42814,42815,42814,42815},
      42815 => {42814,42815,42814,42815}, 42816 => {42816,42817,42816,42817},
      42817 => {42816,42817,42816,42817}, 42818 => {42818,42819,42818,42819},
      42819 => {42818,42819,42818,42819}, 42820 => {42820,42821,42820,42821},
      42821 => {42820,42821,42820,42821}, 42822 => {42822,42823,42822,42823},
      42823 => {42822,42823,42822,42823}, 42824 => {42824,42825,42824,42825},
      42825 => {42824,42825,42824,42825}, 42826 => {42826,42827,42826,42827},
      42827 => {42826,42827,42826,42827}, 42828 => {42828,42829,42828,42829},
      42829 => {42828,42829,42828,42829}, 42830 => {42830,42831,42830,42831},
      42831 => {42830,42831,42830,42831}, 42832 => {42832,42833,42832,42833},
      42833 => {42832,42833,42832,42833}, 42834 => {42834,42835,42834,42835},
      42835 => {42834,42835,42834,42835}, 42836 => {42836,42837,42836,42837},
      42837 => {42836,42837,42836,42837}, 42838 => {42838,42839,42838,42839},
      42839 => {42838,42839,42838,42839}, 42840 => {42840,42841,42840,42841},
      42841 => {42840,42841,42840,42841}, 42842 => {42842,42843,42842,42843},
      42843 => {42842,42843,42842,42843}, 42844 => {42844,42845,42844,42845},
      42845 => {42844,42845,42844,42845}, 42846 => {42846,42847,42846,42847},
      42847 => {42846,42847,42846,42847}, 42848 => {42848,42849,42848,42849},
      42849 => {42848,42849,42848,42849}, 42850 => {42850,42851,42850,42851},
      42851 => {42850,42851,42850,42851}, 42852 => {42852,42853,42852,42853},
      42853 => {42852,42853,42852,42853}, 42854 => {42854,42855,42854,42855},
      42855 => {42854,42855,42854,42855}, 42856 => {42856,42857,42856,42857},
      42857 => {42856,42857,42856,42857}, 42858 => {42858,42859,42858,42859},
      42859 => {42858,42859,42858,42859}, 42860 => {42860,42861,42860,42861},
      42861 => {42860,42861,42860,42861}, 42862 => {42862,42863,42862,42863},
      42863 => {42862,42863,42862,42863}, 42873 => {42873,42874,42873,42874},
      42874 => {42873,42874,42873,42874}, 42875 => {42875,42876,42875,42876},
      42876 => {42875,42876,42875,42876}, 42877 => {42877,7545,42877,7545},
      42878 => {42878,42879,42878,42879}, 42879 => {42878,42879,42878,42879},
      42880 => {42880,42881,42880,42881}, 42881 => {42880,42881,42880,42881},
      42882 => {42882,42883,42882,42883}, 42883 => {42882,42883,42882,42883},
      42884 => {42884,42885,42884,42885}, 42885 => {42884,42885,42884,42885},
      42886 => {42886,42887,42886,42887}, 42887 => {42886,42887,42886,42887},
      42891 => {42891,42892,42891,42892}, 42892 => {42891,42892,42891,42892},
      42893 => {42893,613,42893,613}, 42896 => {42896,42897,42896,42897},
      42897 => {42896,42897,42896,42897}, 42898 => {42898,42899,42898,42899},
      42899 => {42898,42899,42898,42899}, 42900 => {42948,42900,42948,42900},
      42902 => {42902,42903,42902,42903}, 42903 => {42902,42903,42902,42903},
      42904 => {42904,42905,42904,42905}, 42905 => {42904,42905,42904,42905},
      42906 => {42906,42907,42906,42907}, 42907 => {42906,42907,42906,42907},
      42908 => {42908,42909,42908,42909}, 42909 => {42908,42909,42908,42909},
      42910 => {42910,42911,42910,42911}, 42911 => {42910,42911,42910,42911},
      42912 => {42912,42913,42912,42913}, 42913 => {42912,42913,42912,42913},
      42914 => {42914,42915,42914,42915}, 42915 => {42914,42915,42914,42915},
      42916 => {42916,42917,42916,42917}, 42917 => {42916,42917,42916,42917},
      42918 => {42918,42919,42918,42919}, 42919 => {42918,42919,42918,42919},
      42920 => {42920,42921,42920,42921}, 42921 => {42920,42921,42920,42921},
      42922 => {42922,614,42922,614}, 42923 => {42923,604,42923,604},
      42924 => {42924,609,42924,609}, 42925 => {42925,620,42925,620},
      42926 => {42926,618,42926,618}, 42928 => {42928,670,42928,670},
      42929 => {42929,647,42929,647}, 42930 => {42930,669,42930,669},
      42931 => {42931,43859,42931,43859}, 42932 => {42932,42933,42932,42933},
      42933 => {42932,42933,42932,42933}, 42934 => {42934,42935,42934,42935},
      42935 => {42934,42935,42934,42935}, 42936 => {42936,42937,42936,42937},
      42937 => {42936,42937,42936,42937}, 42938 => {42938,42939,42938,42939},
      42939 => {42938,42939,42938,42939}, 42940 => {42940,42941,42940,42941},
      42941 => {42940,42941,42940,42941}, 42942 => {42942,42943,42942,42943},
      42943 => {42942,42943,42942,42943}, 42944 => {42944,42945,42944,42945},
      42945 => {42944,42945,42944,42945}, 42946 => {42946,42947,42946,42947},
      42947 => {42946,42947,42946,42947}, 42948 => {42948,42900,42948,42900},
      42949 => {42949,642,42949,642}, 42950 => {42950,7566,42950,7566},
      42951 => {42951,42952,42951,42952}, 42952 => {42951,42952,42951,42952},
      42953 => {42953,42954,42953,42954}, 42954 => {42953,42954,42953,42954},
      42960 => {42960,42961,42960,42961}, 42961 => {42960,42961,42960,42961},
      42966 => {42966,42967,42966,42967}, 42967 => {42966,42967,42966,42967},
      42968 => {42968,42969,42968,42969}, 42969 => {42968,42969,42968,42969},
      42997 => {42997,42998,42997,42998}, 42998 => {42997,42998,42997,42998},
      43859 => {42931,43859,42931,43859}, 43888 => {5024,43888,5024,5024},
      43889 => {5025,43889,5025,5025}, 43890 => {5026,43890,5026,5026},
      43891 => {5027,43891,5027,5027}, 43892 => {5028,43892,5028,5028},
      43893 => {5029,43893,5029,5029}, 43894 => {5030,43894,5030,5030},
      43895 => {5031,43895,5031,5031}, 43896 => {5032,43896,5032,5032},
      43897 => {5033,43897,5033,5033}, 43898 => {5034,43898,5034,5034},
      43899 => {5035,43899,5035,5035}, 43900 => {5036,43900,5036,5036},
      43901 => {5037,43901,5037,5037}, 43902 => {5038,43902,5038,5038},
      43903 => {5039,43903,5039,5039}, 43904 => {5040,43904,5040,5040},
      43905 => {5041,43905,5041,5041}, 43906 => {5042,43906,5042,5042},
      43907 => {5043,43907,5043,5043}, 43908 => {5044,43908,5044,5044},
      43909 => {5045,43909,5045,5045}, 43910 => {5046,43910,5046,5046},
      43911 => {5047,43911,5047,5047}, 43912 => {5048,43912,5048,5048},
      43913 => {5049,43913,5049,5049}, 43914 => {5050,43914,5050,5050},
      43915 => {5051,43915,5051,5051}, 43916 => {5052,43916,5052,5052},
      43917 => {5053,43917,5053,5053}, 43918 => {5054,43918,5054,5054},
      43919 => {5055,43919,5055,5055}, 43920 => {5056,43920,5056,5056},
      43921 => {5057,43921,5057,5057}, 43922 => {5058,43922,5058,5058},
      43923 => {5059,43923,5059,5059}, 43924 => {5060,43924,5060,5060},
      43925 => {5061,43925,5061,5061}, 43926 => {5062,43926,5062,5062},
      43927 => {5063,43927,5063,5063}, 43928 => {5064,43928,5064,5064},
      43929 => {5065,43929,5065,5065}, 43930 => {5066,43930,5066,5066},
      43931 => {5067,43931,5067,5067}, 43932 => {5068,43932,5068,5068},
      43933 => {5069,43933,5069,5069}, 43934 => {5070,43934,5070,5070},
      43935 => {5071,43935,5071,5071}, 43936 => {5072,43936,5072,5072},
      43937 => {5073,43937,5073,5073}, 43938 => {5074,43938,5074,5074},
      43939 => {5075,43939,5075,5075}, 43940 => {5076,43940,5076,5076},
      43941 => {5077,43941,5077,5077}, 43942 => {5078,43942,5078,5078},
      43943 => {5079,43943,5079,5079}, 43944 => {5080,43944,5080,5080},
      43945 => {5081,43945,5081,5081}, 43946 => {5082,43946,5082,5082},
      43947 => {5083,43947,5083,5083}, 43948 => {5084,43948,5084,5084},
      43949 => {5085,43949,5085,5085}, 43950 => {5086,43950,5086,5086},
      43951 => {5087,43951,5087,5087}, 43952 => {5088,43952,5088,5088},
      43953 => {5089,43953,5089,5089}, 43954 => {5090,43954,5090,5090},
      43955 => {5091,43955,5091,5091}, 43956 => {5092,43956,5092,5092},
      43957 => {5093,43957,5093,5093}, 43958 => {5094,43958,5094,5094},
      43959 => {5095,43959,5095,5095}, 43960 => {5096,43960,5096,5096},
      43961 => {5097,43961,5097,5097}, 43962 => {5098,43962,5098,5098},
      43963 => {5099,43963,5099,5099}, 43964 => {5100,43964,5100,5100},
      43965 => {5101,43965,5101,5101}, 43966 => {5102,43966,5102,5102},
      43967 => {5103,43967,5103,5103}, 64256 => {[70,70],64256,[70,102],[102,102]},
      64257 => {[70,73],64257,[70,105],[102,105]}, 64258 => {[70,76],64258,[70,108],[102,108]},
      64259 => {[70,70,73],64259,[70,102,105],[102,102,105]},
      64260 => {[70,70,76],64260,[70,102,108],[102,102,108]},
      64261 => {[83,84],64261,[83,116],[115,116]}, 64262 => {[83,84],64262,[83,116],[115,116]},
      64275 => {[1348,1350],64275,[1348,1398],[1396,1398]},
      64276 => {[1348,1333],64276,[1348,1381],[1396,1381]},
      64277 => {[1348,1339],64277,[1348,1387],[1396,1387]},
      64278 => {[1358,1350],64278,[1358,1398],[1406,1398]},
      64279 => {[1348,1341],64279,[1348,1389],[1396,1389]}, 65313 => {65313,65345,65313,65345},
      65314 => {65314,65346,65314,65346}, 65315 => {65315,65347,65315,65347},
      65316 => {65316,65348,65316,65348}, 65317 => {65317,65349,65317,65349},
      65318 => {65318,65350,65318,65350}, 65319 => {65319,65351,65319,65351},
      65320 => {65320,65352,65320,65352}, 65321 => {65321,65353,65321,65353},
      65322 => {65322,65354,65322,65354}, 65323 => {65323,65355,65323,65355},
      65324 => {65324,65356,65324,65356}, 65325 => {65325,65357,65325,65357},
      65326 => {65326,65358,65326,65358}, 65327 => {65327,65359,65327,65359},
      65328 => {65328,65360,65328,65360}, 65329 => {65329,65361,65329,65361},
      65330 => {65330,65362,65330,65362}, 65331 => {65331,65363,65331,65363},
      65332 => {65332,65364,65332,65364}, 65333 => {65333,65365,65333,65365},
      65334 => {65334,65366,65334,65366}, 65335 => {65335,65367,65335,65367},
      65336 => {65336,65368,65336,65368}, 65337 => {65337,65369,65337,65369},
      65338 => {65338,65370,65338,65370}, 65345 => {65313,65345,65313,65345},
      65346 => {65314,65346,65314,65346}, 65347 => {65315,65347,65315,65347},
      65348 => {65316,65348,65316,65348}, 65349 => {65317,65349,65317,65349},
      65350 => {65318,65350,65318,65350}, 65351 => {65319,65351,65319,65351},
      65352 => {65320,65352,65320,65352}, 65353 => {65321,65353,65321,65353},
      65354 => {65322,65354,65322,65354}, 65355 => {65323,65355,65323,65355},
      65356 => {65324,65356,65324,65356}, 65357 => {65325,65357,65325,65357},
      65358 => {65326,65358,65326,65358}, 65359 => {65327,65359,65327,65359},
      65360 => {65328,65360,65328,65360}, 65361 => {65329,65361,65329,65361},
      65362 => {65330,65362,65330,65362}, 65363 => {65331,65363,65331,65363},
      65364 => {65332,65364,65332,65364}, 65365 => {65333,65365,65333,65365},
      65366 => {65334,65366,65334,65366}, 65367 => {65335,65367,65335,65367},
      65368 => {65336,65368,65336,65368}, 65369 => {65337,65369,65337,65369},
      65370 => {65338,65370,65338,65370}, 66560 => {66560,66600,66560,66600},
      66561 => {66561,66601,66561,66601}, 66562 => {66562,66602,66562,66602},
      66563 => {66563,66603,66563,66603}, 66564 => {66564,66604,66564,66604},
      66565 => {66565,66605,66565,66605}, 66566 => {66566,66606,66566,66606},
      66567 => {66567,66607,66567,66607}, 66568 => {66568,66608,66568,66608},
      66569 => {66569,66609,66569,66609}, 66570 => {66570,66610,66570,66610},
      66571 => {66571,66611,66571,66611}, 66572 => {66572,66612,66572,66612},
      66573 => {66573,66613,66573,66613}, 66574 => {66574,66614,66574,66614},
      66575 => {66575,66615,66575,66615}, 66576 => {66576,66616,66576,66616},
      66577 => {66577,66617,66577,66617}, 66578 => {66578,66618,66578,66618},
      66579 => {66579,66619,66579,66619}, 66580 => {66580,66620,66580,66620},
      66581 => {66581,66621,66581,66621}, 66582 => {66582,66622,66582,66622},
      66583 => {66583,66623,66583,66623}, 66584 => {66584,66624,66584,66624},
      66585 => {66585,66625,66585,66625}, 66586 => {66586,66626,66586,66626},
      66587 => {66587,66627,66587,66627}, 66588 => {66588,66628,66588,66628},
      66589 => {66589,66629,66589,66629}, 66590 => {66590,66630,66590,66630},
      66591 => {66591,66631,66591,66631}, 66592 => {66592,66632,66592,66632},
      66593 => {66593,66633,66593,66633}, 66594 => {66594,66634,66594,66634},
      66595 => {66595,66635,66595,66635}, 66596 => {66596,66636,66596,66636},
      66597 => {66597,66637,66597,66637}, 66598 => {66598,66638,66598,66638},
      66599 => {66599,66639,66599,66639}, 66600 => {66560,66600,66560,66600},
      66601 => {66561,66601,66561,66601}, 66602 => {66562,66602,66562,66602},
      66603 => {66563,66603,66563,66603}, 66604 => {66564,66604,66564,66604},
      66605 => {66565,66605,66565,66605}, 66606 => {66566,66606,66566,66606},
      66607 => {66567,66607,66567,66607}, 66608 => {66568,66608,66568,66608},
      66609 => {66569,66609,66569,66609}, 66610 => {66570,66610,66570,66610},
      66611 => {66571,66611,66571,66611}, 66612 => {66572,66612,66572,66612},
      66613 => {66573,66613,66573,66613}, 66614 => {66574,66614,66574,66614},
      66615 => {66575,66615,66575,66615}, 66616 => {66576,66616,66576,66616},
      66617 => {66577,66617,66577,66617}, 66618 => {66578,66618,66578,66618},
      66619 => {66579,66619,66579,66619}, 66620 => {66580,66620,66580,66620},
      66621 => {66581,66621,66581,66621}, 66622 => {66582,66622,66582,66622},
      66623 => {66583,66623,66583,66623}, 66624 => {66584,66624,66584,66624},
      66625 => {66585,66625,66585,66625}, 66626 => {66586,66626,66586,66626},
      66627 => {66587,66627,66587,66627}, 66628 => {66588,66628,66588,66628},
      66629 => {66589,66629,66589,66629}, 66630 => {66590,66630,66590,66630},
      66631 => {66591,66631,66591,66631}, 66632 => {66592,66632,66592,66632},
      66633 => {66593,66633,66593,66633}, 66634 => {66594,66634,66594,66634},
      66635 => {66595,66635,66595,66635}, 66636 => {66596,66636,66596,66636},
      66637 => {66597,66637,66597,66637}, 66638 => {66598,66638,66598,66638},
      66639 => {66599,66639,66599,66639}, 66736 => {66736,66776,66736,66776},
      66737 => {66737,66777,66737,66777}, 66738 => {66738,66778,66738,66778},
      66739 => {66739,66779,66739,66779}, 66740 => {66740,66780,66740,66780},
      66741 => {66741,66781,66741,66781}, 66742 => {66742,66782,66742,66782},
      66743 => {66743,66783,66743,66783}, 66744 => {66744,66784,66744,66784},
      66745 => {66745,66785,66745,66785}, 66746 => {66746,66786,66746,66786},
      66747 => {66747,66787,66747,66787}, 66748 => {66748,66788,66748,66788},
      66749 => {66749,66789,66749,66789}, 66750 => {66750,66790,66750,66790},
      66751 => {66751,66791,66751,66791}, 66752 => {66752,66792,66752,66792},
      66753 => {66753,66793,66753,66793}, 66754 => {66754,66794,66754,66794},
      66755 => {66755,66795,66755,66795}, 66756 => {66756,66796,66756,66796},
      66757 => {66757,66797,66757,66797}, 66758 => {66758,66798,66758,66798},
      66759 => {66759,66799,66759,66799}, 66760 => {66760,66800,66760,66800},
      66761 => {66761,66801,66761,66801}, 66762 => {66762,66802,66762,66802},
      66763 => {66763,66803,66763,66803}, 66764 => {66764,66804,66764,66804},
      66765 => {66765,66805,66765,66805}, 66766 => {66766,66806,66766,66806},
      66767 => {66767,66807,66767,66807}, 66768 => {66768,66808,66768,66808},
      66769 => {66769,66809,66769,66809}, 66770 => {66770,66810,66770,66810},
      66771 => {66771,66811,66771,66811}, 66776 => {66736,66776,66736,66776},
      66777 => {66737,66777,66737,66777}, 66778 => {66738,66778,66738,66778},
      66779 => {66739,66779,66739,66779}, 66780 => {66740,66780,66740,66780},
      66781 => {66741,66781,66741,66781}, 66782 => {66742,66782,66742,66782},
      66783 => {66743,66783,66743,66783}, 66784 => {66744,66784,66744,66784},
      66785 => {66745,66785,66745,66785}, 66786 => {66746,66786,66746,66786},
      66787 => {66747,66787,66747,66787}, 66788 => {66748,66788,66748,66788},
      66789 => {66749,66789,66749,66789}, 66790 => {66750,66790,66750,66790},
      66791 => {66751,66791,66751,66791}, 66792 => {66752,66792,66752,66792},
      66793 => {66753,66793,66753,66793}, 66794 => {66754,66794,66754,66794},
      66795 => {66755,66795,66755,66795}, 66796 => {66756,66796,66756,66796},
      66797 => {66757,66797,66757,66797}, 66798 => {66758,66798,66758,66798},
      66799 => {66759,66799,66759,66799}, 66800 => {66760,66800,66760,66800},
      66801 => {66761,66801,66761,66801}, 66802 => {66762,66802,66762,66802},
      66803 => {66763,66803,66763,66803}, 66804 => {66764,66804,66764,66804},
      66805 => {66765,66805,66765,66805}, 66806 => {66766,66806,66766,66806},
      66807 => {66767,66807,66767,66807}, 66808 => {66768,66808,66768,66808},
      66809 => {66769,66809,66769,66809}, 66810 => {66770,66810,66770,66810},
      66811 => {66771,66811,66771,66811}, 66928 => {66928,66967,66928,66967},
      66929 => {66929,66968,66929,66968}, 66930 => {66930,66969,66930,66969},
      66931 => {66931,66970,66931,66970}, 66932 => {66932,66971,66932,66971},
      66933 => {66933,66972,66933,66972}, 66934 => {66934,66973,66934,66973},
      66935 => {66935,66974,66935,66974}, 66936 => {66936,66975,66936,66975},
      66937 => {66937,66976,66937,66976}, 66938 => {66938,66977,66938,66977},
      66940 => {66940,66979,66940,66979}, 66941 => {66941,66980,66941,66980},
      66942 => {66942,66981,66942,66981}, 66943 => {66943,66982,66943,66982},
      66944 => {66944,66983,66944,66983}, 66945 => {66945,66984,66945,66984},
      66946 => {66946,66985,66946,66985}, 66947 => {66947,66986,66947,66986},
      66948 => {66948,66987,66948,66987}, 66949 => {66949,66988,66949,66988},
      66950 => {66950,66989,66950,66989}, 66951 => {66951,66990,66951,66990},
      66952 => {66952,66991,66952,66991}, 66953 => {66953,66992,66953,66992},
      66954 => {66954,66993,66954,66993}, 66956 => {66956,66995,66956,66995},
      66957 => {66957,66996,66957,66996}, 66958 => {66958,66997,66958,66997},
      66959 => {66959,66998,66959,66998}, 66960 => {66960,66999,66960,66999},
      66961 => {66961,67000,66961,67000}, 66962 => {66962,67001,66962,67001},
      66964 => {66964,67003,66964,67003}, 66965 => {66965,67004,66965,67004},
      66967 => {66928,66967,66928,66967}, 66968 => {66929,66968,66929,66968},
      66969 => {66930,66969,66930,66969}, 66970 => {66931,66970,66931,66970},
      66971 => {66932,66971,66932,66971}, 66972 => {66933,66972,66933,66972},
      66973 => {66934,66973,66934,66973}, 66974 => {66935,66974,66935,66974},
      66975 => {66936,66975,66936,66975}, 66976 => {66937,66976,66937,66976},
      66977 => {66938,66977,66938,66977}, 66979 => {66940,66979,66940,66979},
      66980 => {66941,66980,66941,66980}, 66981 => {66942,66981,66942,66981},
      66982 => {66943,66982,66943,66982}, 66983 => {66944,66983,66944,66983},
      66984 => {66945,66984,66945,66984}, 66985 => {66946,66985,66946,66985},
      66986 => {66947,66986,66947,66986}, 66987 => {66948,66987,66948,66987},
      66988 => {66949,66988,66949,66988}, 66989 => {66950,66989,66950,66989},
      66990 => {66951,66990,66951,66990}, 66991 => {66952,66991,66952,66991},
      66992 => {66953,66992,66953,66992}, 66993 => {66954,66993,66954,66993},
      66995 => {66956,66995,66956,66995}, 66996 => {66957,66996,66957,66996},
      66997 => {66958,66997,66958,66997}, 66998 => {66959,66998,66959,66998},
      66999 => {66960,66999,66960,66999}, 67000 => {66961,67000,66961,67000},
      67001 => {66962,67001,66962,67001}, 67003 => {66964,67003,66964,67003},
      67004 => {66965,67004,66965,67004}, 68736 => {68736,68800,68736,68800},
      68737 => {68737,68801,68737,68801}, 68738 => {68738,68802,68738,68802},
      68739 => {68739,68803,68739,68803}, 68740 => {68740,68804,68740,68804},
      68741 => {68741,68805,68741,68805}, 68742 => {68742,68806,68742,68806},
      68743 => {68743,68807,68743,68807}, 68744 => {68744,68808,68744,68808},
      68745 => {68745,68809,68745,68809}, 68746 => {68746,68810,68746,68810},
      68747 => {68747,68811,68747,68811}, 68748 => {68748,68812,68748,68812},
      68749 => {68749,68813,68749,68813}, 68750 => {68750,68814,68750,68814},
      68751 => {68751,68815,68751,68815}, 68752 => {68752,68816,68752,68816},
      68753 => {68753,68817,68753,68817}, 68754 => {68754,68818,68754,68818},
      68755 => {68755,68819,68755,68819}, 68756 => {68756,68820,68756,68820},
      68757 => {68757,68821,68757,68821}, 68758 => {68758,68822,68758,68822},
      68759 => {68759,68823,68759,68823}, 68760 => {68760,68824,68760,68824},
      68761 => {68761,68825,68761,68825}, 68762 => {68762,68826,68762,68826},
      68763 => {68763,68827,68763,68827}, 68764 => {68764,68828,68764,68828},
      68765 => {68765,68829,68765,68829}, 68766 => {68766,68830,68766,68830},
      68767 => {68767,68831,68767,68831}, 68768 => {68768,68832,68768,68832},
      68769 => {68769,68833,68769,68833}, 68770 => {68770,68834,68770,68834},
      68771 => {68771,68835,68771,68835}, 68772 => {68772,68836,68772,68836},
      68773 => {68773,68837,68773,68837}, 68774 => {68774,68838,68774,68838},
      68775 => {68775,68839,68775,68839}, 68776 => {68776,68840,68776,68840},
      68777 => {68777,68841,68777,68841}, 68778 => {68778,68842,68778,68842},
      68779 => {68779,68843,68779,68843}, 68780 => {68780,68844,68780,68844},
      68781 => {68781,68845,68781,68845}, 68782 => {68782,68846,68782,68846},
      68783 => {68783,68847,68783,68847}, 68784 => {68784,68848,68784,68848},
      68785 => {68785,68849,68785,68849}, 68786 => {68786,68850,68786,68850},
      68800 => {68736,68800,68736,68800}, 68801 => {68737,68801,68737,68801},
      68802 => {68738,68802,68738,68802}, 68803 => {68739,68803,68739,68803},
      68804 => {68740,68804,68740,68804}, 68805 => {68741,68805,68741,68805},
      68806 => {68742,68806,68742,68806}, 68807 => {68743,68807,68743,68807},
      68808 => {68744,68808,68744,68808}, 68809 => {68745,68809,68745,68809},
      68810 => {68746,68810,68746,68810}, 68811 => {68747,68811,68747,68811},
      68812 => {68748,68812,68748,68812}, 68813 => {68749,68813,68749,68813},
      68814 => {68750,68814,68750,68814}, 68815 => {68751,68815,68751,68815},
      68816 => {68752,68816,68752,68816}, 68817 => {68753,68817,68753,68817},
      68818 => {68754,68818,68754,68818}, 68819 => {68755,68819,68755,68819},
      68820 => {68756,68820,68756,68820}, 68821 => {68757,68821,68757,68821},
      68822 => {68758,68822,68758,68822}, 68823 => {68759,68823,68759,68823},
      68824 => {68760,68824,68760,68824}, 68825 => {68761,68825,68761,68825},
      68826 => {68762,68826,68762,68826}, 68827 => {68763,68827,68763,68827},
      68828 => {68764,68828,68764,68828}, 68829 => {68765,68829,68765,68829},
      68830 => {68766,68830,68766,68830}, 68831 => {68767,68831,68767,68831},
      68832 => {68768,68832,68768,68832}, 68833 => {68769,68833,68769,68833},
      68834 => {68770,68834,68770,68834}, 68835 => {68771,68835,68771,68835},
      68836 => {68772,68836,68772,68836}, 68837 => {68773,68837,68773,68837},
      68838 => {68774,68838,68774,68838}, 68839 => {68775,68839,68775,68839},
      68840 => {68776,68840,68776,68840}, 68841 => {68777,68841,68777,68841},
      68842 => {68778,68842,68778,68842}, 68843 => {68779,68843,68779,68843},
      68844 => {68780,68844,68780,68844}, 68845 => {68781,68845,68781,68845},
      68846 => {68782,68846,68782,68846}, 68847 => {68783,68847,68783,68847},
      68848 => {68784,68848,68784,68848}, 68849 => {68785,68849,68785,68849},
      68850 => {68786,68850,68786,68850}, 71840 => {71840,71872,71840,71872},
      71841 => {71841,71873,71841,71873}, 71842 => {71842,71874,71842,71874},
      71843 => {71843,71875,71843,71875}, 71844 => {71844,71876,71844,71876},
      71845 => {71845,71877,71845,71877}, 71846 => {71846,71878,71846,71878},
      71847 => {71847,71879,71847,71879}, 71848 => {71848,71880,71848,71880},
      71849 => {71849,71881,71849,71881}, 71850 => {71850,71882,71850,71882},
      71851 => {71851,71883,71851,71883}, 71852 => {71852,71884,71852,71884},
      71853 => {71853,71885,71853,71885}, 71854 => {71854,71886,71854,71886},
      71855 => {71855,71887,71855,71887}, 71856 => {71856,71888,71856,71888},
      71857 => {71857,71889,71857,71889}, 71858 => {71858,71890,71858,71890},
      71859 => {71859,71891,71859,71891}, 71860 => {71860,71892,71860,71892},
      71861 => {71861,71893,71861,71893}, 71862 => {71862,71894,71862,71894},
      71863 => {71863,71895,71863,71895}, 71864 => {71864,71896,71864,71896},
      71865 => {71865,71897,71865,71897}, 71866 => {71866,71898,71866,71898},
      71867 => {71867,71899,71867,71899}, 71868 => {71868,71900,71868,71900},
      71869 => {71869,71901,71869,71901}, 71870 => {71870,71902,71870,71902},
      71871 => {71871,71903,71871,71903}, 71872 => {71840,71872,71840,71872},
      71873 => {71841,71873,71841,71873}, 71874 => {71842,71874,71842,71874},
      71875 => {71843,71875,71843,71875}, 71876 => {71844,71876,71844,71876},
      71877 => {71845,71877,71845,71877}, 71878 => {71846,71878,71846,71878},
      71879 => {71847,71879,71847,71879}, 71880 => {71848,71880,71848,71880},
      71881 => {71849,71881,71849,71881}, 71882 => {71850,71882,71850,71882},
      71883 => {71851,71883,71851,71883}, 71884 => {71852,71884,71852,71884},
      71885 => {71853,71885,71853,71885}, 71886 => {71854,71886,71854,71886},
      71887 => {71855,71887,71855,71887}, 71888 => {71856,71888,71856,71888},
      71889 => {71857,71889,71857,71889}, 71890 => {71858,71890,71858,71890},
      71891 => {71859,71891,71859,71891}, 71892 => {71860,71892,71860,71892},
      71893 => {71861,71893,71861,71893}, 71894 => {71862,71894,71862,71894},
      71895 => {71863,71895,71863,71895}, 71896 => {71864,71896,71864,71896},
      71897 => {71865,71897,71865,71897}, 71898 => {71866,71898,71866,71898},
      71899 => {71867,71899,71867,71899}, 71900 => {71868,71900,71868,71900},
      71901 => {71869,71901,71869,71901}, 71902 => {71870,71902,71870,71902},
      71903 => {71871,71903,71871,71903}, 93760 => {93760,93792,93760,93792},
      93761 => {93761,93793,93761,93793}, 93762 => {93762,93794,93762,93794},
      93763 => {93763,93795,93763,93795}, 93764 => {93764,93796,93764,93796},
      93765 => {93765,93797,93765,93797}, 93766 => {93766,93798,93766,93798},
      93767 => {93767,93799,93767,93799}, 93768 => {93768,93800,93768,93800},
      93769 => {93769,93801,93769,93801}, 93770 => {93770,93802,93770,93802},
      93771 => {93771,93803,93771,93803}, 93772 => {93772,93804,93772,93804},
      93773 => {93773,93805,93773,93805}, 93774 => {93774,93806,93774,93806},
      93775 => {93775,93807,93775,93807}, 93776 => {93776,93808,93776,93808},
      93777 => {93777,93809,93777,93809}, 93778 => {93778,93810,93778,93810},
      93779 => {93779,93811,93779,93811}, 93780 => {93780,93812,93780,93812},
      93781 => {93781,93813,93781,93813}, 93782 => {93782,93814,93782,93814},
      93783 => {93783,93815,93783,93815}, 93784 => {93784,93816,93784,93816},
      93785 => {93785,93817,93785,93817}, 93786 => {93786,93818,93786,93818},
      93787 => {93787,93819,93787,93819}, 93788 => {93788,93820,93788,93820},
      93789 => {93789,93821,93789,93821}, 93790 => {93790,93822,93790,93822},
      93791 => {93791,93823,93791,93823}, 93792 => {93760,93792,93760,93792},
      93793 => {93761,93793,93761,93793}, 93794 => {93762,93794,93762,93794},
      93795 => {93763,93795,93763,93795}, 93796 => {93764,93796,93764,93796},
      93797 => {93765,93797,93765,93797}, 93798 => {93766,93798,93766,93798},
      93799 => {93767,93799,93767,93799}, 93800 => {93768,93800,93768,93800},
      93801 => {93769,93801,93769,93801}, 93802 => {93770,93802,93770,93802},
      93803 => {93771,93803,93771,93803}, 93804 => {93772,93804,93772,93804},
      93805 => {93773,93805,93773,93805}, 93806 => {93774,93806,93774,93806},
      93807 => {93775,93807,93775,93807}, 93808 => {93776,93808,93776,93808},
      93809 => {93777,93809,93777,93809}, 93810 => {93778,93810,93778,93810},
      93811 => {93779,93811,93779,93811}, 93812 => {93780,93812,93780,93812},
      93813 => {93781,93813,93781,93813}, 93814 => {93782,93814,93782,93814},
      93815 => {93783,93815,93783,93815}, 93816 => {93784,93816,93784,93816},
      93817 => {93785,93817,93785,93817}, 93818 => {93786,93818,93786,93818},
      93819 => {93787,93819,93787,93819}, 93820 => {93788,93820,93788,93820},
      93821 => {93789,93821,93789,93821}, 93822 => {93790,93822,93790,93822},
      93823 => {93791,93823,93791,93823}, 125184 => {125184,125218,125184,125218},
      125185 => {125185,125219,125185,125219}, 125186 => {125186,125220,125186,125220},
      125187 => {125187,125221,125187,125221}, 125188 => {125188,125222,125188,125222},
      125189 => {125189,125223,125189,125223}, 125190 => {125190,125224,125190,125224},
      125191 => {125191,125225,125191,125225}, 125192 => {125192,125226,125192,125226},
      125193 => {125193,125227,125193,125227}, 125194 => {125194,125228,125194,125228},
      125195 => {125195,125229,125195,125229}, 125196 => {125196,125230,125196,125230},
      125197 => {125197,125231,125197,125231}, 125198 => {125198,125232,125198,125232},
      125199 => {125199,125233,125199,125233}, 125200 => {125200,125234,125200,125234},
      125201 => {125201,125235,125201,125235}, 125202 => {125202,125236,125202,125236},
      125203 => {125203,125237,125203,125237}, 125204 => {125204,125238,125204,125238},
      125205 => {125205,125239,125205,125239}, 125206 => {125206,125240,125206,125240},
      125207 => {125207,125241,125207,125241}, 125208 => {125208,125242,125208,125242},
      125209 => {125209,125243,125209,125243}, 125210 => {125210,125244,125210,125244},
      125211 => {125211,125245,125211,125245}, 125212 => {125212,125246,125212,125246},
      125213 => {125213,125247,125213,125247}, 125214 => {125214,125248,125214,125248},
      125215 => {125215,125249,125215,125249}, 125216 => {125216,125250,125216,125250},
      125217 => {125217,125251,125217,125251}, 125218 => {125184,125218,125184,125218},
      125219 => {125185,125219,125185,125219}, 125220 => {125186,125220,125186,125220},
      125221 => {125187,125221,125187,125221}, 125222 => {125188,125222,125188,125222},
      125223 => {125189,125223,125189,125223}, 125224 => {125190,125224,125190,125224},
      125225 => {125191,125225,125191,125225}, 125226 => {125192,125226,125192,125226},
      125227 => {125193,125227,125193,125227}, 125228 => {125194,125228,125194,125228},
      125229 => {125195,125229,125195,125229}, 125230 => {125196,125230,125196,125230},
      125231 => {125197,125231,125197,125231}, 125232 => {125198,125232,125198,125232},
      125233 => {125199,125233,125199,125233}, 125234 => {125200,125234,125200,125234},
      125235 => {125201,125235,125201,125235}, 125236 => {125202,125236,125202,125236},
      125237 => {125203,125237,125203,125237}, 125238 => {125204,125238,125204,125238},
      125239 => {125205,125239,125205,125239}, 125240 => {125206,125240,125206,125240},
      125241 => {125207,125241,125207,125241}, 125242 => {125208,125242,125208,125242},
      125243 => {125209,125243,125209,125243}, 125244 => {125210,125244,125210,125244},
      125245 => {125211,125245,125211,125245}, 125246 => {125212,125246,125212,125246},
      125247 => {125213,125247,125213,125247}, 125248 => {125214,125248,125214,125248},
      125249 => {125215,125249,125215,125249}, 125250 => {125216,125250,125216,125250},
      125251 => {125217,125251,125217,125251}}.

%% ---- end of generated tables ----
