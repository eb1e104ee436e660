%% io_lib_pretty.erl — the layout of ~p: a term that fits in the rest of the
%% line is written flat; otherwise its elements are broken over lines and
%% indented under their opening bracket, runs of atomic elements sharing a
%% line, so that the output is line for line what OTP 25 prints.
-module(io_lib_pretty).

-export([print/6]).

%% Laid-out terms are {Shape, Len}: Len is the length of the flat text and
%% Shape one of {flat, Chars} (atomic), {list, Seq}, {tuple, Seq}, {tagged,
%% Seq} (a tuple led by an atom), {map, Seq}, {pair, Key, Value} and {bin,
%% Seq} (the bytes of a binary that is no string). A Seq is a list of nodes
%% whose tail is [], a node (an improper list tail) or dots (cut by the
%% depth limit).
-record(ctx, {ll, max, tind = -1}).

print(Term, Col, LineLen, Depth, Enc, Strings) when Col < 1 ->
    print(Term, 1, LineLen, Depth, Enc, Strings);
print(Term, Col, LineLen, Depth, Enc, Strings)
        when is_list(Term); is_tuple(Term); is_map(Term); is_bitstring(Term) ->
    {_, Len} = Node = build(Term, Depth, Enc, Strings),
    if
        LineLen =:= 0; Len < LineLen - Col -> flat(Node);
        true ->
            C0 = #ctx{ll = LineLen, max = Len},
            TInd = first_fit([-1, 4], Node, Col, C0, 1),
            C = C0#ctx{tind = TInd},
            lay(Node, Col, C, spaces(Col - 1), 0, 0)
    end;
print(Term, _, _, _, Enc, _) ->
    io_lib:write(Term, [{encoding, Enc}]).

%% Building the nodes.
build(_, 0, _, _) ->
    {{flat, "..."}, 3};
build([], _, _, _) ->
    {{flat, "[]"}, 2};
build({}, _, _, _) ->
    {{flat, "{}"}, 2};
%% Cut at depth 1, a list stays a list (of dots); other terms are atomic.
build(T, 1, _, _) when is_tuple(T) ->
    {{flat, "{...}"}, 5};
build(M, 1, _, _) when is_map(M), map_size(M) > 0 ->
    {{flat, "#{...}"}, 6};
build(B, 1, _, _) when is_bitstring(B), B =/= <<>> ->
    {{flat, "<<...>>"}, 7};
build(L, D, Enc, true) when is_list(L), D =/= 1 ->
    case printable(L, Enc) of
        true -> leaf(string(L, Enc));
        false -> build_list(L, D, Enc, true)
    end;
build(L, D, Enc, S) when is_list(L) ->
    build_list(L, D, Enc, S);
build(T, D, Enc, S) when is_tuple(T) ->
    Seq = seq(tuple_to_list(T), D, Enc, S),
    Shape = case is_atom(element(1, T)) andalso tuple_size(T) > 1 of
                true -> tagged;
                false -> tuple
            end,
    {{Shape, Seq}, 2 + seq_len(Seq)};
build(M, _, _, _) when map_size(M) =:= 0 ->
    {{flat, "#{}"}, 3};
build(M, D, Enc, S) when is_map(M) ->
    Seq = pairs(map_pairs(maps:next(maps:iterator(M))), D, Enc, S),
    {{map, Seq}, 3 + seq_len(Seq)};
build(B, D, Enc, _) when is_bitstring(B) ->
    case binary(B, D, Enc) of
        {bytes, Parts} ->
            Seq = [leaf(P) || P <- Parts],
            {{bin, Seq}, 4 + seq_len(Seq)};
        Text ->
            leaf(Text)
    end;
build(T, _, Enc, _) ->
    leaf(io_lib:write(T, [{encoding, Enc}])).

string(L, unicode) -> io_lib:write_string(L, $");
string(L, latin1) -> io_lib:write_string_as_latin1(L, $").

build_list(L, D, Enc, S) ->
    Seq = seq(L, D, Enc, S),
    {{list, Seq}, 2 + seq_len(Seq)}.

leaf(Chars) ->
    Flat = flatten(Chars),
    {{flat, Flat}, length(Flat)}.

%% The nth element (from 0) gets the depth D - 1 - n; at depth 1 the rest
%% is cut.
seq([], _, _, _) -> [];
seq(_, 1, _, _) -> dots;
seq([E | Es], D, Enc, S) -> [build(E, D - 1, Enc, S) | seq(Es, D - 1, Enc, S)];
seq(Tail, D, Enc, S) -> build(Tail, D - 1, Enc, S).

%% A map at depth D shows D - 1 pairs, keys and values at depth D - 1.
pairs(Ps, D, Enc, S) ->
    pairs(Ps, D - 1, D - 1, Enc, S).

pairs([], _, _, _, _) -> [];
pairs(_, 0, _, _, _) -> dots;
pairs([{K, V} | Ps], N, D, Enc, S) ->
    {_, KL} = KN = build(K, D, Enc, S),
    {_, VL} = VN = build(V, D, Enc, S),
    [{{pair, KN, VN}, KL + VL + 4} | pairs(Ps, N - 1, D, Enc, S)].

%% Pairs in iteration order, which ~p and ~w follow.
map_pairs({K, V, Next}) -> [{K, V} | map_pairs(maps:next(Next))];
map_pairs(none) -> [].

%% The flat length of a sequence's elements with their separators.
seq_len([]) -> 0;
seq_len(dots) -> 3;
seq_len([{_, L} | Rest]) -> L + seq_len_rest(Rest);
seq_len({_, L}) -> L.

seq_len_rest([]) -> 0;
seq_len_rest(dots) -> 4;
seq_len_rest([{_, L} | Rest]) -> 1 + L + seq_len_rest(Rest);
seq_len_rest({_, L}) -> 1 + L.

printable(L, unicode) -> io_lib:printable_list(L);
printable(L, latin1) -> io_lib:printable_latin1_list(L).

%% A binary of printable characters is one string (with t, UTF-8 ones are
%% read as UTF-8); other binaries are laid out byte by byte.
binary(<<>>, _, _) ->
    "<<>>";
binary(B, D, Enc) when is_binary(B) ->
    case Enc =:= unicode andalso not unicode:bin_is_7bit(B) andalso utf8_string(B) of
        {true, Cs} -> ["<<", io_lib:write_string(cut(Cs, D), $"), dots(Cs, length(cut(Cs, D))), "/utf8>>"];
        {false, _} -> {bytes, bytes(B, D)};
        false -> latin1_binary(B, D)
    end;
binary(B, D, _) ->
    {bytes, bytes(B, D)}.

%% Otherwise a binary of printable latin1 bytes is a string. At depth D one
%% whose first D - 1 bytes are printable shows its printable start, at most
%% 4 * (D - 1) characters of it.
latin1_binary(B, D) ->
    Bytes = binary_to_list(B),
    Start = printable_start(Bytes),
    N = length(Start),
    if
        N =:= length(Bytes), D < 0 ->
            ["<<", io_lib:write_string_as_latin1(Bytes, $"), ">>"];
        D > 0, N >= D - 1, N > 0 ->
            Shown = take(Start, 4 * (D - 1)),
            ["<<", io_lib:write_string_as_latin1(Shown, $"), dots(Bytes, length(Shown)), ">>"];
        true ->
            {bytes, bytes(B, D)}
    end.

printable_start([C | Cs]) ->
    case io_lib:printable_latin1_list([C]) of
        true -> [C | printable_start(Cs)];
        false -> []
    end;
printable_start([]) ->
    [].

dots(Bytes, Shown) when length(Bytes) > Shown -> "...";
dots(_, _) -> "".

utf8_string(B) ->
    case unicode:characters_to_list(B, unicode) of
        Cs when is_list(Cs) -> {io_lib:printable_list(Cs), Cs};
        _ -> false
    end.

%% At depth D a string in a binary shows its first 4 * (D - 1) characters.
cut(Cs, D) when D > 0 -> take(Cs, 4 * (D - 1));
cut(Cs, _) -> Cs.

take([C | Cs], N) when N > 0 -> [C | take(Cs, N - 1)];
take(_, _) -> [].

bytes(<<>>, _) -> [];
bytes(_, 1) -> ["..."];
bytes(<<Byte, Rest/bitstring>>, D) -> [integer_to_list(Byte) | bytes(Rest, D - 1)];
bytes(Bits, _) ->
    N = bit_size(Bits),
    <<V:N>> = Bits,
    [[integer_to_list(V), $:, integer_to_list(N)]].

%% Flat text.
flat({{flat, Cs}, _}) -> Cs;
flat({{list, Seq}, _}) -> [$[, flat_seq(Seq, $|), $]];
flat({{tuple, Seq}, _}) -> [${, flat_seq(Seq, $,), $}];
flat({{tagged, Seq}, _}) -> [${, flat_seq(Seq, $,), $}];
flat({{map, Seq}, _}) -> [$#, ${, flat_seq(Seq, $,), $}];
flat({{pair, K, V}, _}) -> [flat(K), " => ", flat(V)];
flat({{bin, Seq}, _}) -> ["<<", flat_seq(Seq, $,), ">>"].

flat_seq([], _) -> [];
flat_seq(dots, _) -> "...";
flat_seq([E | Es], Bar) -> [flat(E) | flat_rest(Es, Bar)];
flat_seq(E, _) -> flat(E).

flat_rest([], _) -> [];
flat_rest(dots, Bar) -> [Bar | "..."];
flat_rest([E | Es], Bar) -> [$,, flat(E) | flat_rest(Es, Bar)];
flat_rest(E, Bar) -> [Bar | flat(E)].

atomic({{flat, _}, _}) -> true;
atomic(_) -> false.

atomic_pair({{pair, K, V}, _}) -> atomic(K) andalso atomic(V).

%% Room for Len more characters at Col, with LD characters of closing
%% brackets to follow, W characters already on the line.
fits(Len, Col, LD, W, #ctx{ll = LL, max = M}) ->
    Len < LL - Col - LD andalso Len + W + LD =< M.

%% An atomic element joins the current line after a comma.
joins(E, Col, LD, W, #ctx{ll = LL, max = M}) ->
    {_, Len} = E,
    EL = 1 + Len,
    if
        LD =:= 0 -> EL + 1 < LL - Col andalso W + EL + 1 =< M;
        true -> EL < LL - Col - LD andalso W + EL + LD =< M
    end.

%% After the last element the brackets of all enclosing terms follow.
after_last([_ | _], _) -> 0;
after_last(_, LD) -> LD + 1.

%% The layout, with the indentation of tagged tuples chosen first: the first
%% of the candidates whose layout does not run too far right, else 1.
first_fit([I | Is], Node, Col, C, Default) ->
    try measure(Node, Col, C#ctx{tind = I}, 0, 0) of
        _ -> I
    catch
        throw:too_wide -> first_fit(Is, Node, Col, C, Default)
    end;
first_fit([], _, _, _, Default) ->
    Default.

%% measure/5 walks the term as lay/6 does, without producing text; it throws
%% too_wide when a tagged tuple would be indented past the middle.
measure({_, Len} = N, Col, C, LD, W) ->
    case fits(Len, Col, LD, W, C) of
        true -> ok;
        false -> measure_shape(N, Col, C, LD, W)
    end.

measure_shape({{list, Seq}, _}, Col, C, LD, W) -> measure_seq(Seq, Col + 1, C, LD, W + 1);
measure_shape({{tuple, Seq}, _}, Col, C, LD, W) -> measure_seq(Seq, Col + 1, C, LD, W + 1);
measure_shape({{tagged, [{_, TL} | Es]}, _}, Col, C, LD, W) ->
    #ctx{ll = LL, max = M, tind = I} = C,
    TagCol = Col + TL + 2,
    if
        I > 0, TL + 2 > I ->
            Col1 = Col + I,
            (M + Col1 =< LL orelse Col1 =< LL div 2) orelse throw(too_wide),
            measure_rest(Es, Col1, TagCol, C, LD, W + TL);
        true ->
            (M + TagCol < LL orelse TagCol < LL div 2) orelse throw(too_wide),
            measure_seq(Es, TagCol, C, LD, W + TL + 1)
    end;
measure_shape({{map, Seq}, _}, Col, C, LD, W) -> measure_pairs(Seq, Col + 2, C, LD, W + 2);
measure_shape(_, _, _, _, _) -> ok.

measure_seq([E | Es], Col0, C, LD, W) ->
    WE = measure_elem(E, Col0, C, after_last(Es, LD), W),
    measure_rest(Es, Col0, Col0 + WE, C, LD, W + WE);
measure_seq(_, _, _, _, _) ->
    ok.

measure_rest([E | Es], Col0, Col, C, LD, W) ->
    LD1 = after_last(Es, LD),
    case atomic(E) andalso joins(E, Col, LD1, W, C) of
        true ->
            EL = 1 + element(2, E),
            measure_rest(Es, Col0, Col + EL, C, LD, W + EL);
        false ->
            WE = measure_elem(E, Col0, C, LD1, 0),
            measure_rest(Es, Col0, Col0 + WE, C, LD, WE)
    end;
measure_rest([], _, _, _, _, _) -> ok;
measure_rest(dots, _, _, _, _, _) -> ok;
measure_rest(E, _, Col, C, LD, W) ->
    case tail_joins(E, Col, LD, W, C) of
        true -> ok;
        false -> measure(E, Col, C, LD + 1, 0)
    end.

measure_elem({_, Len} = E, Col, C, LD, W) ->
    case atomic(E) andalso fits(Len, Col, LD, W, C) of
        true -> Len;
        false -> measure(E, Col, C, LD, W), C#ctx.ll
    end.

measure_pairs([P | Ps], Col, C, LD, W) ->
    PW = measure_pair(P, Col, C, after_last(Ps, LD), W),
    measure_pairs_rest(Ps, Col, Col + PW, C, LD, W + PW);
measure_pairs(_, _, _, _, _) ->
    ok.

measure_pairs_rest([P | Ps], Col0, Col, C, LD, W) ->
    LD1 = after_last(Ps, LD),
    case atomic_pair(P) andalso joins(P, Col, LD1, W, C) of
        true ->
            EL = 1 + element(2, P),
            measure_pairs_rest(Ps, Col0, Col + EL, C, LD, W + EL);
        false ->
            PW = measure_pair(P, Col0, C, LD1, 0),
            measure_pairs_rest(Ps, Col0, Col0 + PW, C, LD, PW)
    end;
measure_pairs_rest(_, _, _, _, _, _) ->
    ok.

measure_pair({{pair, K, V}, Len} = P, Col, C, LD, W) ->
    case fits(Len, Col, LD, W, C) of
        true ->
            case atomic_pair(P) of
                true -> Len;
                false -> C#ctx.ll
            end;
        false ->
            measure(K, Col, C, LD, W),
            measure(V, Col + value_indent(C), C, LD, 0),
            C#ctx.ll
    end.

tail_joins({_, Len} = E, Col, LD, W, #ctx{ll = LL, max = M}) ->
    atomic(E) andalso Len + 1 < LL - Col - (LD + 1) andalso Len + 1 + W + (LD + 1) =< M.

value_indent(#ctx{tind = I}) when I > 0 -> I;
value_indent(_) -> 4.

%% lay(Node, Col, Ctx, Indent, LD, W): the text of Node starting at column
%% Col, lines after the first starting with Indent.
lay({_, Len} = N, Col, C, Ind, LD, W) ->
    case fits(Len, Col, LD, W, C) of
        true -> flat(N);
        false -> lay_shape(N, Col, C, Ind, LD, W)
    end.

lay_shape({{list, Seq}, _}, Col, C, Ind, LD, W) ->
    [$[, lay_seq(Seq, Col + 1, C, [$\s | Ind], LD, $|, W + 1), $]];
lay_shape({{tuple, Seq}, _}, Col, C, Ind, LD, W) ->
    [${, lay_seq(Seq, Col + 1, C, [$\s | Ind], LD, $,, W + 1), $}];
lay_shape({{tagged, [{_, TL} = Tag | Es]}, _}, Col, C, Ind, LD, W) ->
    I = C#ctx.tind,
    Body = if
               I > 0, TL + 2 > I ->
                   [flat(Tag) | lay_rest(Es, Col + I, Col + TL + 2, C, [spaces(I) | Ind], LD, $,, W + TL)];
               true ->
                   [flat(Tag), $, | lay_seq(Es, Col + TL + 2, C, [spaces(TL + 2) | Ind], LD, $,, W + TL + 1)]
           end,
    [${, Body, $}];
lay_shape({{map, Seq}, _}, Col, C, Ind, LD, W) ->
    [$#, ${, lay_pairs(Seq, Col + 2, C, [$\s, $\s | Ind], LD, W + 1), $}];
lay_shape({{bin, [First | Rest]}, _}, Col, C, Ind, LD, _) ->
    {_, FL} = First,
    ["<<", flat(First), lay_bytes(Rest, Col + 2, Col + 2 + FL, C, [$\s, $\s | Ind], LD), ">>"];
lay_shape(N, _, _, _, _, _) ->
    flat(N).

%% The bytes of a binary fill each line: a byte (with its comma unless it
%% is the last) joins the line if it ends before the margin less the closing
%% brackets of the enclosing terms (the binary's own >> are not counted);
%% however narrow the margin, a line takes 8 columns.
lay_bytes([{_, L} = E | Es], Col0, Col, C, Ind, LD) ->
    End = case Es of
              [] -> Col + L;
              _ -> Col + L + 1
          end,
    case End =< max(C#ctx.ll - LD - 1, Col0 + 7) of
        true -> [$,, flat(E) | lay_bytes(Es, Col0, Col + 1 + L, C, Ind, LD)];
        false -> [$,, $\n, Ind, flat(E) | lay_bytes(Es, Col0, Col0 + L, C, Ind, LD)]
    end;
lay_bytes([], _, _, _, _, _) ->
    [].

lay_seq([E | Es], Col0, C, Ind, LD, Bar, W) ->
    {Text, WE} = lay_elem(E, Col0, C, Ind, after_last(Es, LD), W),
    [Text | lay_rest(Es, Col0, Col0 + WE, C, Ind, LD, Bar, W + WE)];
lay_seq(dots, _, _, _, _, _, _) ->
    "...";
lay_seq([], _, _, _, _, _, _) ->
    "".

lay_rest([E | Es], Col0, Col, C, Ind, LD, Bar, W) ->
    LD1 = after_last(Es, LD),
    case atomic(E) andalso joins(E, Col, LD1, W, C) of
        true ->
            EL = 1 + element(2, E),
            [$,, flat(E) | lay_rest(Es, Col0, Col + EL, C, Ind, LD, Bar, W + EL)];
        false ->
            {Text, WE} = lay_elem(E, Col0, C, Ind, LD1, 0),
            [$,, $\n, Ind, Text | lay_rest(Es, Col0, Col0 + WE, C, Ind, LD, Bar, WE)]
    end;
lay_rest([], _, _, _, _, _, _, _) ->
    [];
lay_rest(dots, _, _, _, _, _, Bar, _) ->
    [Bar | "..."];
lay_rest(E, Col0, Col, C, Ind, LD, Bar, W) ->
    case tail_joins(E, Col, LD, W, C) of
        true -> [Bar | flat(E)];
        false -> [Bar, $\n, Ind | lay(E, Col0, C, Ind, LD + 1, 0)]
    end.

lay_elem({_, Len} = E, Col, C, Ind, LD, W) ->
    case atomic(E) andalso fits(Len, Col, LD, W, C) of
        true -> {flat(E), Len};
        false -> {lay(E, Col, C, Ind, LD, W), C#ctx.ll}
    end.

lay_pairs([P | Ps], Col, C, Ind, LD, W) ->
    {Text, PW} = lay_pair(P, Col, C, Ind, after_last(Ps, LD), W),
    [Text | lay_pairs_rest(Ps, Col, Col + PW, C, Ind, LD, PW)];
lay_pairs(dots, _, _, _, _, _) ->
    "...";
lay_pairs([], _, _, _, _, _) ->
    "".

lay_pairs_rest([P | Ps], Col0, Col, C, Ind, LD, W) ->
    LD1 = after_last(Ps, LD),
    case atomic_pair(P) andalso joins(P, Col, LD1, W, C) of
        true ->
            EL = 1 + element(2, P),
            [$,, flat(P) | lay_pairs_rest(Ps, Col0, Col + EL, C, Ind, LD, W + EL)];
        false ->
            {Text, PW} = lay_pair(P, Col0, C, Ind, LD1, 0),
            [$,, $\n, Ind, Text | lay_pairs_rest(Ps, Col0, Col0 + PW, C, Ind, LD, PW)]
    end;
lay_pairs_rest(dots, _, _, _, _, _, _) ->
    ",...";
lay_pairs_rest([], _, _, _, _, _, _) ->
    "".

lay_pair({{pair, K, V}, Len} = P, Col, C, Ind, LD, W) ->
    case fits(Len, Col, LD, W, C) of
        true ->
            {flat(P), case atomic_pair(P) of true -> Len; false -> C#ctx.ll end};
        false ->
            I = value_indent(C),
            VInd = [spaces(I) | Ind],
            {[lay(K, Col, C, Ind, LD, W), " =>\n", VInd | lay(V, Col + I, C, VInd, LD, 0)], C#ctx.ll}
    end.

spaces(N) when N > 0 -> [$\s | spaces(N - 1)];
spaces(_) -> [].

flatten(Chars) -> flatten(Chars, []).

flatten([H | T], Tail) when is_list(H) -> flatten(H, flatten(T, Tail));
flatten([H | T], Tail) -> [H | flatten(T, Tail)];
flatten([], Tail) -> Tail.
