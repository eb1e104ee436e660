%% io_lib.erl — text for terms: io_lib:format/2 (in io_lib_format), the
%% term writer behind ~w (write/1,2) and ~p (print/1,4, in io_lib_pretty),
%% Erlang's quoting of atoms, strings and characters, and the tests for
%% printable character lists. Results are deep character lists, as on OTP.
-module(io_lib).

-export([format/2, fwrite/2, fread/2, fread/3, write/1, write/2, write/3, print/1, print/4,
         write_atom/1, write_atom_as_latin1/1, write_string/1, write_string/2,
         write_latin1_string/1, write_latin1_string/2, write_unicode_string/1,
         write_string_as_latin1/1, write_string_as_latin1/2, write_char/1,
         write_unicode_char/1, write_latin1_char/1, write_char_as_latin1/1,
         char_list/1, latin1_char_list/1, deep_char_list/1, deep_latin1_char_list/1,
         deep_unicode_char_list/1, chars_length/1,
         printable_list/1, printable_latin1_list/1, printable_unicode_list/1,
         nl/0, indentation/2, format_prompt/1, format_prompt/2]).

format(Format, Args) ->
    try io_lib_format:format(Format, Args)
    catch _:_ -> erlang:error(badarg, [Format, Args])
    end.

fwrite(Format, Args) ->
    format(Format, Args).

fread(Format, Input) -> io_lib_fread:fread(Format, Input).

fread(Cont, Chars, Format) -> io_lib_fread:fread(Cont, Chars, Format).

nl() -> "\n".

%% The text of an input prompt: an atom, {format, Format, Args}, a string or
%% binary in Encoding, or any other term as ~w writes it; "???" when it
%% cannot be written.
format_prompt(Prompt) -> format_prompt(Prompt, latin1).

format_prompt(Prompt, _) when is_atom(Prompt) ->
    atom_to_list(Prompt);
format_prompt({format, Format, Args}, _) ->
    prompt_text(Format, Args);
format_prompt(Prompt, latin1) when is_list(Prompt); is_binary(Prompt) ->
    prompt_text("~s", [Prompt]);
format_prompt(Prompt, _) when is_list(Prompt); is_binary(Prompt) ->
    prompt_text("~ts", [Prompt]);
format_prompt(Prompt, _) ->
    prompt_text("~w", [Prompt]).

prompt_text(Format, Args) ->
    try format(Format, Args) catch _:_ -> "???" end.

write(Term) -> term(Term, -1, latin1).

%% Depth limits the nesting shown (-1: all). With options, {encoding,
%% unicode} leaves characters of atoms above 255 as they are (latin1 writes
%% them as \x{...}).
write(Term, Depth) when is_integer(Depth) ->
    term(Term, Depth, latin1);
write(Term, Opts) when is_list(Opts) ->
    write_opts(Opts, Term, -1, latin1).

%% Options other than depth and encoding (chars_limit) are not supported.
write_opts([{depth, D} | Opts], Term, _, Enc) when is_integer(D) -> write_opts(Opts, Term, D, Enc);
write_opts([{encoding, E} | Opts], Term, D, _) when E =:= latin1; E =:= unicode; E =:= utf8 ->
    write_opts(Opts, Term, D, case E of latin1 -> latin1; _ -> unicode end);
write_opts([], Term, D, Enc) -> term(Term, D, Enc).

%% With Pretty, as ~P does; else as ~W.
write(Term, Depth, true) -> print(Term, 1, 80, Depth);
write(Term, Depth, false) -> write(Term, Depth).

term(_, 0, _) ->
    "...";
term(Term, _, _) when is_integer(Term) -> integer_to_list(Term);
term(Term, _, _) when is_float(Term) -> float_to_list(Term, [short]);
term(Term, _, Enc) when is_atom(Term) -> quote_atom(Term, Enc);
term(Term, _, _) when is_pid(Term) -> pid_to_list(Term);
term(Term, _, _) when is_port(Term) -> erlang:port_to_list(Term);
term(Term, _, _) when is_reference(Term) -> erlang:ref_to_list(Term);
term(Term, _, _) when is_function(Term) -> erlang:fun_to_list(Term);
term(<<>>, _, _) -> "<<>>";
term([], _, _) -> "[]";
term({}, _, _) -> "{}";
term(Term, D, _) when is_bitstring(Term) -> ["<<", write_bytes(Term, D), ">>"];
term([_ | _], 1, _) -> "[...]";
term([H | T], D, Enc) -> [$[, term(H, D - 1, Enc), write_tail(T, D - 1, Enc), $]];
term(Term, 1, _) when is_tuple(Term) -> "{...}";
term(Term, D, Enc) when is_tuple(Term) ->
    [${, term(element(1, Term), D - 1, Enc), write_elems(tl(tuple_to_list(Term)), D - 1, Enc), $}];
term(Term, _, _) when map_size(Term) =:= 0 -> "#{}";
term(Term, D, Enc) when is_map(Term) ->
    [$#, ${, write_pairs(map_pairs(maps:next(maps:iterator(Term))), D, Enc), $}].

%% Pairs in iteration order, as OTP writes them.
map_pairs({K, V, Next}) -> [{K, V} | map_pairs(maps:next(Next))];
map_pairs(none) -> [].

%% The rest of a list at depth D: its next element at depth D - 1.
write_tail([], _, _) -> "";
write_tail(_, 1, _) -> "|...";
write_tail([H | T], D, Enc) -> [$,, term(H, D - 1, Enc) | write_tail(T, D - 1, Enc)];
write_tail(T, D, Enc) -> [$|, term(T, D - 1, Enc)].

write_elems([], _, _) -> "";
write_elems(_, 1, _) -> ",...";
write_elems([H | T], D, Enc) -> [$,, term(H, D - 1, Enc) | write_elems(T, D - 1, Enc)].

%% A map at depth D shows D - 1 pairs, keys and values at depth D - 1, and
%% ends with ",..." when it has that many pairs or more, as OTP writes it.
write_pairs(_, 1, _) -> "";
write_pairs([P | Ps], D, Enc) when D < 0 -> [write_pair(P, D, Enc) | write_more_pairs(Ps, -1, D, Enc)];
write_pairs([P | Ps], D, Enc) -> [write_pair(P, D - 1, Enc) | write_more_pairs(Ps, D - 2, D - 1, Enc)].

write_more_pairs(_, 0, _, _) -> ",...";
write_more_pairs([], _, _, _) -> "";
write_more_pairs([P | Ps], N, D, Enc) -> [$,, write_pair(P, D, Enc) | write_more_pairs(Ps, N - 1, D, Enc)].

write_pair({K, V}, D, Enc) -> [term(K, D, Enc), " => ", term(V, D, Enc)].

write_bytes(<<>>, _) -> "";
write_bytes(_, 1) -> "...";
write_bytes(<<B>>, _) -> integer_to_list(B);
write_bytes(<<B, Rest/bitstring>>, D) -> [integer_to_list(B), $, | write_bytes(Rest, D - 1)];
write_bytes(Bits, _) ->
    N = bit_size(Bits),
    <<V:N>> = Bits,
    [integer_to_list(V), $:, integer_to_list(N)].

%% Atoms are quoted unless they are a lowercase letter followed by letters,
%% digits, _ and @, and not a reserved word.
write_atom(A) -> quote_atom(A, unicode).

write_atom_as_latin1(A) -> quote_atom(A, latin1).

quote_atom(A, Enc) ->
    Chars = atom_to_list(A),
    case plain_atom(Chars) andalso not reserved(A) of
        true -> Chars;
        false -> write_string(Chars, $', Enc)
    end.

plain_atom([C | Cs]) -> lower(C) andalso plain_rest(Cs);
plain_atom([]) -> false.

plain_rest([C | Cs]) -> (lower(C) orelse upper(C) orelse (C >= $0 andalso C =< $9)
                         orelse C =:= $_ orelse C =:= $@) andalso plain_rest(Cs);
plain_rest([]) -> true.

lower(C) -> (C >= $a andalso C =< $z) orelse (C >= 16#DF andalso C =< 16#FF andalso C =/= 16#F7).
upper(C) -> (C >= $A andalso C =< $Z) orelse (C >= 16#C0 andalso C =< 16#DE andalso C =/= 16#D7).

reserved(A) ->
    lists:member(A, ['after', 'and', 'andalso', 'band', 'begin', 'bnot', 'bor', 'bsl', 'bsr',
                     'bxor', 'case', 'catch', 'cond', 'div', 'end', 'fun', 'if', 'let', 'not',
                     'of', 'or', 'orelse', 'receive', 'rem', 'try', 'when', 'xor']).

write_string(S) -> write_string(S, $", unicode).

write_string(S, Q) -> write_string(S, Q, unicode).

write_latin1_string(S) -> write_string(S, $", latin1).

write_latin1_string(S, Q) -> write_string(S, Q, latin1).

write_unicode_string(S) -> write_string(S, $", unicode).

write_string_as_latin1(S) -> write_string(S, $", latin1).

write_string_as_latin1(S, Q) -> write_string(S, Q, latin1).

write_string(S, Q, Enc) -> [Q, escape(S, Q, Enc, []), Q].

escape([C | Cs], Q, Enc, Acc) -> escape(Cs, Q, Enc, [escape_char(C, Q, Enc) | Acc]);
escape([], _, _, Acc) -> lists:reverse(Acc, []).

escape_char(Q, Q, _) -> [$\\, Q];
escape_char($\\, _, _) -> "\\\\";
escape_char($\n, _, _) -> "\\n";
escape_char($\r, _, _) -> "\\r";
escape_char($\t, _, _) -> "\\t";
escape_char($\v, _, _) -> "\\v";
escape_char($\b, _, _) -> "\\b";
escape_char($\f, _, _) -> "\\f";
escape_char($\e, _, _) -> "\\e";
escape_char(127, _, _) -> "\\d";
escape_char(C, _, _) when C < 32; C >= 128, C < 160 -> octal(C);
escape_char(C, _, latin1) when C > 255 -> ["\\x{", integer_to_list(C, 16), $}];
escape_char(C, _, _) -> [C].

octal(C) -> [$\\, $0 + (C bsr 6), $0 + ((C bsr 3) band 7), $0 + (C band 7)].

write_char($\s) -> "$\\s";
write_char(C) when is_integer(C), C >= 0 -> [$$ | escape_char(C, -1, unicode)].

write_unicode_char(C) -> write_char(C).

write_latin1_char(C) when is_integer(C), C >= 0, C =< 255 -> write_char(C).

write_char_as_latin1(C) when is_integer(C), C >= 0 -> [$$ | escape_char(C, -1, latin1)].

print(Term) -> print(Term, 1, 80, -1).

print(Term, Column, LineLength, Depth) ->
    io_lib_pretty:print(Term, Column, LineLength, Depth, latin1, true).

char_list([C | Cs]) when is_integer(C), C >= 0, C < 16#D800;
                         is_integer(C), C > 16#DFFF, C < 16#FFFE;
                         is_integer(C), C > 16#FFFF, C =< 16#10FFFF -> char_list(Cs);
char_list([]) -> true;
char_list(_) -> false.

latin1_char_list([C | Cs]) when is_integer(C), C >= 0, C =< 255 -> latin1_char_list(Cs);
latin1_char_list([]) -> true;
latin1_char_list(_) -> false.

deep_char_list(L) -> deep(L, fun(C) -> char_list([C]) end).

deep_latin1_char_list(L) -> deep(L, fun(C) -> is_integer(C) andalso C >= 0 andalso C =< 255 end).

deep_unicode_char_list(L) -> deep_char_list(L).

%% The number of characters in a deep character list.
chars_length(S) -> count(S, 0).

count([H | T], N) when is_list(H) -> count(T, count(H, N));
count([_ | T], N) -> count(T, N + 1);
count([], N) -> N.

deep([H | T], Ok) when is_list(H) -> deep(H, Ok) andalso deep(T, Ok);
deep([H | T], Ok) -> Ok(H) andalso deep(T, Ok);
deep([], _) -> true;
deep(_, _) -> false.

%% ~p prints a list as a string when all its characters are printable in the
%% range io:printable_range/0 selects.
printable_list(L) ->
    case io:printable_range() of
        unicode -> printable_unicode_list(L);
        _ -> printable_latin1_list(L)
    end.

printable_latin1_list([C | Cs]) when is_integer(C), C >= 32, C =< 126;
                                     is_integer(C), C >= 160, C =< 255;
                                     is_integer(C), C >= 8, C =< 13;
                                     C =:= 27 -> printable_latin1_list(Cs);
printable_latin1_list([]) -> true;
printable_latin1_list(_) -> false.

printable_unicode_list([C | Cs]) when is_integer(C), C >= 32, C =< 126;
                                      is_integer(C), C >= 160, C < 16#D800;
                                      is_integer(C), C > 16#DFFF, C < 16#FFFE;
                                      is_integer(C), C > 16#FFFF, C =< 16#10FFFF;
                                      is_integer(C), C >= 8, C =< 13;
                                      C =:= 27 -> printable_unicode_list(Cs);
printable_unicode_list([]) -> true;
printable_unicode_list(_) -> false.

%% The column after Chars when they start at column Indent (tabs stop at
%% multiples of 8).
indentation([C | Cs], I) when is_list(C) -> indentation(Cs, indentation(C, I));
indentation([$\n | Cs], _) -> indentation(Cs, 0);
indentation([$\t | Cs], I) -> indentation(Cs, ((I + 8) div 8) * 8);
indentation([_ | Cs], I) -> indentation(Cs, I + 1);
indentation([], I) -> I.
