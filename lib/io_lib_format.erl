%% io_lib_format.erl — io_lib:format/2: the control sequences of OTP 25
%% (~w ~W ~p ~P ~s ~c ~e ~f ~g ~b ~B ~x ~X ~# ~+ ~i ~n ~~) with field
%% width, precision, padding character, * arguments and the t and l
%% modifiers. Any error (a bad control or argument) is a badarg in io_lib.
-module(io_lib_format).

-export([format/2]).

format(Format, Args) when is_atom(Format) ->
    format(atom_to_list(Format), Args);
format(Format, Args) when is_binary(Format) ->
    format(unicode:characters_to_list(Format, unicode), Args);
format(Format, Args) when is_list(Format), is_list(Args) ->
    run(Format, Args, []).

run([$~ | Cs], Args, Out) ->
    {Ctl, Cs1, Args1} = control(Cs, Args),
    {Text, Args2} = expand(Ctl, Args1, Out),
    run(Cs1, Args2, [Text | Out]);
run([C | Cs], Args, Out) when is_integer(C) ->
    run(Cs, Args, [C | Out]);
run([], [], Out) ->
    lists:reverse(Out, []).

%% A control: {Char, Width, Adjust, Precision, Pad, Unicode, Strings}.
control(Cs0, Args0) ->
    {Adj0, Cs1} = case Cs0 of [$- | R] -> {left, R}; _ -> {right, Cs0} end,
    {F0, Cs2, Args1} = number(Cs1, Args0),
    {F, Adj} = case F0 of
                   N when is_integer(N), N < 0 -> {-N, left};
                   _ -> {F0, Adj0}
               end,
    {P, Cs3, Args2} = case Cs2 of
                          [$. | R2] -> number(R2, Args1);
                          _ -> {none, Cs2, Args1}
                      end,
    {Pad, Cs4, Args3} = case Cs3 of
                            [$., $* | R3] -> [A | As] = Args2, {A, R3, As};
                            [$., Ch | R3] -> {Ch, R3, Args2};
                            _ -> {$\s, Cs3, Args2}
                        end,
    {Uni, Strings, [C | Cs5]} = modifiers(Cs4, false, true),
    {{C, F, Adj, P, Pad, Uni, Strings}, Cs5, Args3}.

number([$* | Cs], [N | Args]) when is_integer(N) -> {N, Cs, Args};
number([D | _] = Cs, Args) when D >= $0, D =< $9 -> digits(Cs, 0, Args);
number(Cs, Args) -> {none, Cs, Args}.

digits([D | Cs], N, Args) when D >= $0, D =< $9 -> digits(Cs, N * 10 + D - $0, Args);
digits(Cs, N, Args) -> {N, Cs, Args}.

modifiers([$t | Cs], _, S) -> modifiers(Cs, true, S);
modifiers([$l | Cs], U, _) -> modifiers(Cs, U, false);
modifiers(Cs, U, S) -> {U, S, Cs}.

enc(true) -> unicode;
enc(false) -> latin1.

expand({$w, F, Adj, P, Pad, U, _}, [A | As], _) ->
    {field(io_lib:write(A, [{encoding, enc(U)}]), F, Adj, P, Pad), As};
expand({$W, F, Adj, P, Pad, U, _}, [A, D | As], _) when is_integer(D) ->
    {field(io_lib:write(A, [{depth, D}, {encoding, enc(U)}]), F, Adj, P, Pad), As};
expand({$p, F, right, P, _, U, S}, [A | As], Out) ->
    {pretty(A, F, P, -1, U, S, Out), As};
expand({$P, F, right, P, _, U, S}, [A, D | As], Out) when is_integer(D) ->
    {pretty(A, F, P, D, U, S, Out), As};
expand({$s, F, Adj, P, Pad, U, _}, [A | As], _) when F =:= none; P =:= none; F >= P ->
    {string(chars(A, U), F, Adj, P, Pad), As};
expand({$c, F, Adj, P, Pad, U, _}, [A | As], _) when is_integer(A), F =:= none orelse P =:= none orelse F >= P ->
    Ch = case U of true -> A; false -> A band 255 end,
    N = case {P, F} of {none, none} -> 1; {none, _} -> F; _ -> P end,
    {field(copies(Ch, N), F, Adj, none, Pad), As};
expand({$e, F, Adj, P, Pad, _, _}, [A | As], _) when is_float(A) ->
    {field(float_e(A, default(P, 6)), F, Adj, none, Pad), As};
expand({$f, F, Adj, P, Pad, _, _}, [A | As], _) when is_float(A) ->
    {field(float_f(A, default(P, 6)), F, Adj, none, Pad), As};
expand({$g, F, Adj, P, Pad, _, _}, [A | As], _) when is_float(A) ->
    {field(float_g(A, default(P, 6)), F, Adj, none, Pad), As};
expand({$b, F, Adj, P, Pad, _, _}, [A | As], _) when is_integer(A) ->
    {field(lower(based(A, default(P, 10))), F, Adj, none, Pad), As};
expand({$B, F, Adj, P, Pad, _, _}, [A | As], _) when is_integer(A) ->
    {field(based(A, default(P, 10)), F, Adj, none, Pad), As};
expand({$x, F, Adj, P, Pad, _, _}, [A, Prefix | As], _) when is_integer(A) ->
    {field(prefixed(A, prefix(Prefix), lower(based(abs(A), default(P, 10)))), F, Adj, none, Pad), As};
expand({$X, F, Adj, P, Pad, _, _}, [A, Prefix | As], _) when is_integer(A) ->
    {field(prefixed(A, prefix(Prefix), based(abs(A), default(P, 10))), F, Adj, none, Pad), As};
expand({$#, F, Adj, P, Pad, _, _}, [A | As], _) when is_integer(A) ->
    B = default(P, 10),
    {field(prefixed(A, integer_to_list(B) ++ "#", based(abs(A), B)), F, Adj, none, Pad), As};
expand({$+, F, Adj, P, Pad, _, _}, [A | As], _) when is_integer(A) ->
    B = default(P, 10),
    {field(prefixed(A, integer_to_list(B) ++ "#", lower(based(abs(A), B))), F, Adj, none, Pad), As};
expand({$i, _, _, _, _, _, _}, [_ | As], _) ->
    {[], As};
expand({$n, _, _, _, _, _, _}, As, _) ->
    {"\n", As};
expand({$~, _, _, _, _, _, _}, As, _) ->
    {"~", As}.

default(none, D) -> D;
default(P, _) -> P.

%% ~p: the field width is the line length (not negative), the precision the column the
%% term starts at (by default, where the text of this call has got to).
pretty(A, F, P, D, U, S, Out) ->
    LL = default(F, 80),
    true = is_integer(LL) andalso LL >= 0,
    Col = case P of
              none -> io_lib:indentation(lists:reverse(Out, []), 0) + 1;
              _ -> P
          end,
    io_lib_pretty:print(A, Col, LL, D, enc(U), S).

%% Text padded to a field: a term too wide for its field shows as stars.
%% The precision is a first field, without padding; without a width it is
%% the width.
field(S, none, _, none, _) ->
    S;
field(S, none, Adj, P, Pad) ->
    field(S, P, Adj, none, Pad);
field(S, F, Adj, none, Pad) ->
    Flat = flatten(S),
    N = length(Flat),
    if
        N > F -> copies($*, F);
        true -> adjust(Flat, F - N, Adj, Pad)
    end;
field(S, F, Adj, P, Pad) ->
    Flat = flatten(S),
    case length(Flat) > P of
        true -> field(copies($*, P), F, Adj, none, Pad);
        false -> field(Flat, F, Adj, none, Pad)
    end.

adjust(S, 0, _, _) -> S;
adjust(S, N, left, Pad) -> [S | copies(Pad, N)];
adjust(S, N, right, Pad) -> [copies(Pad, N) | S].

%% ~s: the precision cuts the text (or pads it on the right), then the text
%% goes in its field, cut if it is wider.
string(S, none, _, none, _) ->
    S;
string(S, F, Adj, P, Pad) ->
    Flat = flatten(S),
    Cut = case P of
              none -> Flat;
              _ -> pad_to(Flat, P, Pad)
          end,
    case F of
        none -> Cut;
        _ -> pad_to_adj(Cut, F, Adj, Pad)
    end.

pad_to(S, N, Pad) ->
    L = length(S),
    if
        L >= N -> take(S, N);
        true -> S ++ copies(Pad, N - L)
    end.

pad_to_adj(S, N, Adj, Pad) ->
    L = length(S),
    if
        L >= N -> take(S, N);
        true -> adjust(S, N - L, Adj, Pad)
    end.

take(_, 0) -> [];
take([C | Cs], N) -> [C | take(Cs, N - 1)].

drop(Cs, 0) -> Cs;
drop([_ | Cs], N) -> drop(Cs, N - 1).

%% The characters of a ~s argument: an atom, a binary (UTF-8 with t, else
%% bytes) or a deep list of characters (latin1 ones without t).
chars(A, true) when is_atom(A) ->
    atom_to_list(A);
chars(A, false) when is_atom(A) ->
    L = atom_to_list(A),
    true = io_lib:latin1_char_list(L),
    L;
chars(B, true) when is_binary(B) ->
    case unicode:characters_to_list(B, unicode) of
        L when is_list(L) -> L;
        _ -> binary_to_list(B)
    end;
chars(B, false) when is_binary(B) ->
    binary_to_list(B);
chars(L, true) when is_list(L) ->
    case unicode:characters_to_list(L, unicode) of
        R when is_list(R) -> R;
        _ -> code_points(L, [])
    end;
chars(L, false) when is_list(L) ->
    true = io_lib:deep_latin1_char_list(L) orelse binaries_in(L),
    binary_to_list(iolist_to_binary(L)).

%% As OTP, ~ts takes any non-negative integers in a deep list.
code_points([C | Cs], Acc) when is_integer(C), C >= 0 -> code_points(Cs, [C | Acc]);
code_points([L | Cs], Acc) when is_list(L) -> code_points(Cs, lists:reverse(code_points(L, []), Acc));
code_points([], Acc) -> lists:reverse(Acc, []).

binaries_in(L) ->
    is_binary(catch iolist_to_binary(L)).

copies(_, 0) -> [];
copies(C, N) when N > 0 -> [C | copies(C, N - 1)].

based(N, B) when is_integer(B), B >= 2, B =< 36 -> integer_to_list(N, B).

prefix(P) when is_atom(P) -> atom_to_list(P);
prefix(P) when is_list(P) -> flatten(P).

prefixed(N, Prefix, Digits) when N < 0 -> [$-, Prefix | Digits];
prefixed(_, Prefix, Digits) -> [Prefix | Digits].

lower([C | Cs]) when C >= $A, C =< $Z -> [C + 32 | lower(Cs)];
lower([C | Cs]) -> [C | lower(Cs)];
lower([]) -> [].

%% Floats. ~e, ~f and ~g round, half up, the 21 significant digits that
%% float_to_list/1 gives, as OTP does.
float_e(X, P) when P >= 2 ->
    {Ds, E} = digits(X),
    V = rounded(Ds, P),
    {Ms, E1} = case length(integer_to_list(V)) > P of
                   true -> {take(integer_to_list(V), P), E + 1};
                   false -> {zeros(integer_to_list(V), P), E}
               end,
    [sign(X), hd(Ms), $., tl(Ms), $e, exp_sign(E1), integer_to_list(abs(E1))].

exp_sign(E) when E < 0 -> $-;
exp_sign(_) -> $+.

float_f(X, P) when P >= 1 ->
    {Ds, E} = digits(X),
    N = E + 1 + P,
    V = if
            N >= 0 -> rounded(Ds, N);
            true -> 0
        end,
    S = zeros(integer_to_list(V), P + 1),
    Int = take(S, length(S) - P),
    [sign(X), Int, $. | drop(S, length(S) - P)].

float_g(X, P) when P >= 1 ->
    case g_exponent(abs(X), -1, 0.1) of
        E when is_integer(E), E =< P - 2 -> float_f(X, P - 1 - E);
        _ -> float_e(X, max(P, 2))
    end.

%% ~g writes A as ~f when 0.1 =< A < 10000: its decimal exponent then.
g_exponent(A, E, Low) when E =< 3 ->
    if
        A < Low -> none;
        A < Low * 10 -> E;
        true -> g_exponent(A, E + 1, Low * 10)
    end;
g_exponent(_, _, _) ->
    none.

sign(X) ->
    case <<X/float>> of
        <<1:1, _:63>> -> "-";
        _ -> ""
    end.

%% The 21 significant digits of abs(X) and the exponent of the first.
digits(X) ->
    [D1, $. | Rest] = case float_to_list(X, [{scientific, 20}]) of
                          [$- | S] -> S;
                          S -> S
                      end,
    {Ds, Exp} = mantissa(Rest, []),
    {[D1 | Ds], list_to_integer(Exp)}.

mantissa([$e | Exp], Acc) -> {lists:reverse(Acc, []), Exp};
mantissa([D | Rest], Acc) -> mantissa(Rest, [D | Acc]).

%% The first N digits of Ds (zeros past its end) as an integer, rounded half
%% up on the digit after them.
rounded(Ds, N) ->
    {Kept, Next} = split_digits(Ds, N, []),
    V = case Kept of [] -> 0; _ -> list_to_integer(Kept) end,
    if
        Next >= $5 -> V + 1;
        true -> V
    end.

split_digits(Ds, 0, Acc) ->
    {lists:reverse(Acc, []), case Ds of [D | _] -> D; [] -> $0 end};
split_digits([D | Ds], N, Acc) ->
    split_digits(Ds, N - 1, [D | Acc]);
split_digits([], N, Acc) ->
    split_digits([], N - 1, [$0 | Acc]).

zeros(S, N) when length(S) < N -> zeros([$0 | S], N);
zeros(S, _) -> S.

flatten(Chars) -> flatten(Chars, []).

flatten([H | T], Tail) when is_list(H) -> flatten(H, flatten(T, Tail));
flatten([H | T], Tail) -> [H | flatten(T, Tail)];
flatten([], Tail) -> Tail.
