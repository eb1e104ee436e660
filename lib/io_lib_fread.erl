%% io_lib_fread.erl — io_lib:fread/2,3, the reading side of formats: the
%% input is matched against a format of controls (~d ~u ~- ~# ~f ~s ~a ~c ~l
%% ~~, with a field width and * to skip a value), white space and literal
%% characters, as OTP's io_lib:fread does; fread/3 is the continuation form
%% that io:fread/2,3 hands to an io server.
-module(io_lib_fread).

-export([fread/2, fread/3]).

%% {ok, Values, Rest}, {more, RestFormat, Consumed, Stack} when the input ends
%% inside the format, or {error, {fread, What}}.
fread(Format, Input) ->
    run(Format, Input, 0, []).

%% For get_until: the input is read line by line and kept until the format
%% is done; the end of the line the values end on goes with them.
fread([], eof, _) ->
    {done, eof, eof};
fread(Seen, eof, Format) ->
    case fread(Format, Seen) of
        {ok, Values, Rest} -> {done, {ok, Values}, Rest};
        {error, What} -> {done, {error, What}, []};
        {more, _, _, _} -> {done, {error, {fread, input}}, []}
    end;
fread(Seen, Chars, Format) ->
    Input = Seen ++ Chars,
    case lists:member($\n, Chars) andalso fread(Format, Input) of
        false -> {more, Input};
        {ok, Values, [$\n | Rest]} -> {done, {ok, Values}, Rest};
        {ok, Values, Rest} -> {done, {ok, Values}, Rest};
        {error, What} -> {done, {error, What}, []};
        {more, _, _, _} -> {more, Input}
    end.

run([], Input, _, Stack) ->
    {ok, lists:reverse(Stack, []), Input};
run([C | Fmt], Input, N, Stack) when C =:= $\s; C =:= $\t; C =:= $\n ->
    {Skipped, Rest} = skip_space(Input, 0),
    run(Fmt, Rest, N + Skipped, Stack);
run([$~ | Fmt0] = Whole, Input, N, Stack) ->
    {Keep, Fmt1} = case Fmt0 of [$* | R] -> {false, R}; _ -> {true, Fmt0} end,
    {Width, Fmt2} = width(Fmt1, none),
    case Fmt2 of
        [Ctl | Fmt] ->
            case control(Ctl, Width, Input, N) of
                {ok, Value, Used, Rest} ->
                    run(Fmt, Rest, N + Used, push(Keep, Value, Stack));
                {none, Used, Rest} ->
                    run(Fmt, Rest, N + Used, Stack);
                more ->
                    {more, Whole, N, Stack};
                {error, What} ->
                    {error, {fread, What}}
            end;
        [] when Input =:= [] ->
            {more, Whole, N, Stack};
        [] ->
            {error, {fread, format}}
    end;
run([C | Fmt], [C | Input], N, Stack) ->
    run(Fmt, Input, N + 1, Stack);
run(Whole, [], N, Stack) ->
    {more, Whole, N, Stack};
run(_, _, _, _) ->
    {error, {fread, input}}.

push(true, Value, Stack) -> [Value | Stack];
push(false, _, Stack) -> Stack.

width([D | Cs], W) when D >= $0, D =< $9 -> width(Cs, case W of none -> 0; _ -> W end * 10 + D - $0);
width(Cs, W) -> {W, Cs}.

%% One control: {ok, Value, CharsUsed, Rest}, {none, CharsUsed, Rest} (no
%% value), more or {error, What}.
control($l, _, Input, N) -> {ok, N, 0, Input};
control($~, _, [$~ | Rest], _) -> {none, 1, Rest};
control($~, _, [], _) -> more;
control($~, _, _, _) -> {error, input};
control($d, W, Input, _) -> number(W, Input, integer, fun signed_integer/1);
control($u, W, Input, _) ->
    Base = case W of none -> 10; _ -> W end,
    if
        Base >= 2, Base =< 36 -> number(none, Input, unsigned, fun(Cs) -> digits(Cs, Base) end);
        true -> {error, format}
    end;
control($-, _, [$- | Rest], _) -> {ok, -1, 1, Rest};
control($-, _, [$+ | Rest], _) -> {ok, 1, 1, Rest};
control($-, _, [], _) -> more;
control($-, _, Input, _) -> {ok, 1, 0, Input};
control($#, W, Input, _) -> number(W, Input, based, fun based_integer/1);
control($f, W, Input, _) -> number(W, Input, float, fun float/1);
control($s, W, Input, _) -> word(W, Input, string, fun(S) -> S end);
control($a, W, Input, _) -> word(W, Input, atom, fun list_to_atom/1);
control($c, W, Input, _) ->
    Count = case W of none -> 1; _ -> W end,
    case split(Count, Input) of
        {Chars, Rest} -> {ok, Chars, Count, Rest};
        short when Input =:= [] -> more;
        short -> {error, character}
    end;
control(_, _, _, _) ->
    {error, format}.

%% A number: after white space, the longest run the parser takes (or exactly
%% Width characters).
number(none, Input, What, Parse) ->
    {Skipped, Rest} = skip_space(Input, 0),
    case Rest of
        [] -> more;
        _ ->
            case Parse(Rest) of
                {Value, Used, Left} -> {ok, Value, Skipped + Used, Left};
                error -> {error, What}
            end
    end;
number(W, Input, What, Parse) ->
    case split(W, Input) of
        short when Input =:= [] -> more;
        short -> {error, What};
        {Field, Rest} ->
            {_, Text} = skip_space(Field, 0),
            case Parse(Text) of
                {Value, _, []} -> {ok, Value, W, Rest};
                _ -> {error, What}
            end
    end.

%% A word: the characters up to white space (or exactly Width characters).
word(none, Input, What, Make) ->
    {Skipped, Rest} = skip_space(Input, 0),
    case Rest of
        [] -> more;
        _ ->
            {Word, Left} = until_space(Rest, []),
            case Word of
                [] -> {error, What};
                _ -> {ok, Make(Word), Skipped + length(Word), Left}
            end
    end;
word(W, Input, What, Make) ->
    case split(W, Input) of
        short -> {error, What};
        {Word, Rest} -> {ok, Make(Word), W, Rest}
    end.

signed_integer([$- | Cs]) -> negate(digits(Cs, 10), 1);
signed_integer([$+ | Cs]) -> plus(digits(Cs, 10), 1);
signed_integer(Cs) -> digits(Cs, 10).

negate({V, U, R}, S) -> {-V, U + S, R};
negate(error, _) -> error.

plus({V, U, R}, S) -> {V, U + S, R};
plus(error, _) -> error.

based_integer([$- | Cs]) -> negate(based(Cs), 1);
based_integer([$+ | Cs]) -> plus(based(Cs), 1);
based_integer(Cs) -> based(Cs).

based(Cs) ->
    case digits(Cs, 10) of
        {B, U, [$# | Rest]} when B >= 2, B =< 36 ->
            case digits(Rest, B) of
                {V, U2, Left} -> {V, U + 1 + U2, Left};
                error -> error
            end;
        _ -> error
    end.

%% Digits in Base: {Value, Count, Rest}, or error when there is none.
digits(Cs, Base) ->
    case take_digits(Cs, Base, []) of
        {[], _} -> error;
        {Ds, Rest} -> {list_to_integer(Ds, Base), length(Ds), Rest}
    end.

take_digits([C | Cs], Base, Acc) ->
    case digit_value(C) < Base of
        true -> take_digits(Cs, Base, [C | Acc]);
        false -> {lists:reverse(Acc, []), [C | Cs]}
    end;
take_digits([], _, Acc) ->
    {lists:reverse(Acc, []), []}.

digit_value(C) when C >= $0, C =< $9 -> C - $0;
digit_value(C) when C >= $a, C =< $z -> C - $a + 10;
digit_value(C) when C >= $A, C =< $Z -> C - $A + 10;
digit_value(_) -> 99.

%% An Erlang float: [sign] digits . digits [e [sign] digits].
float(Cs0) ->
    {Sign, Cs1} = case Cs0 of [S | R] when S =:= $-; S =:= $+ -> {[S], R}; _ -> {[], Cs0} end,
    case take_digits(Cs1, 10, []) of
        {[_ | _] = Int, [$. | Cs2]} ->
            case take_digits(Cs2, 10, []) of
                {[_ | _] = Frac, Cs3} ->
                    case exponent(Cs3) of
                        {error, _} ->
                            error;
                        {Exp, Left} ->
                            Text = Sign ++ Int ++ "." ++ Frac ++ Exp,
                            {list_to_float(Text), length(Text), Left}
                    end;
                _ -> error
            end;
        _ -> error
    end.

exponent([E | Cs]) when E =:= $e; E =:= $E ->
    {Sign, Cs1} = case Cs of [S | R] when S =:= $-; S =:= $+ -> {[S], R}; _ -> {[], Cs} end,
    case take_digits(Cs1, 10, []) of
        {[_ | _] = Ds, Left} -> {[$e | Sign ++ Ds], Left};
        _ -> {error, Cs}
    end;
exponent(Cs) ->
    {[], Cs}.

skip_space([C | Cs], N) when C =:= $\s; C =:= $\t; C =:= $\n; C =:= $\r; C =:= $\v; C =:= $\f ->
    skip_space(Cs, N + 1);
skip_space(Cs, N) ->
    {N, Cs}.

until_space([C | _] = Cs, Acc) when C =:= $\s; C =:= $\t; C =:= $\n; C =:= $\r; C =:= $\v; C =:= $\f ->
    {lists:reverse(Acc, []), Cs};
until_space([C | Cs], Acc) ->
    until_space(Cs, [C | Acc]);
until_space([], Acc) ->
    {lists:reverse(Acc, []), []}.

split(N, Cs) -> split(N, Cs, []).

split(0, Cs, Acc) -> {lists:reverse(Acc, []), Cs};
split(N, [C | Cs], Acc) -> split(N - 1, Cs, [C | Acc]);
split(_, [], _) -> short.
