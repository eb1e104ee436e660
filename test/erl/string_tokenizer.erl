%% String processing: a tokenizer for a small expression language, a recursive
%% descent parser producing a tree, and string utilities (split, join, trim,
%% case conversion, palindromes) written with list operations only.
-module(string_tokenizer).
-export([main/0]).
-include("test.hrl").

main() ->
    Src = ?ID("let x = 12 + foo_bar * (3 - 41) / 2; print \"hi there\" x >= 10"),
    Toks = tokens(Src),
    erlang:display(Toks), erlang:display(length(Toks)),
    [erlang:display({S, parse(tokens(?ID(S)))}) || S <- ["1 + 2 * 3", "(1 + 2) * 3", "a - b - c",
                                                          "-4 * (x + 1)", "2 * (3", "7 7"]],
    erlang:display(split(?ID("a,b,,c,"), $,)), erlang:display(join(["x", "y", "z"], ", ")),
    erlang:display(trim(?ID("   padded \t\n"))), erlang:display(upper(?ID("Hello, World 42!"))),
    erlang:display(lower(?ID("MiXeD CaSe"))),
    erlang:display([{W, palindrome(W)} || W <- ["racecar", "Step on no pets", "erlang", ""]]),
    erlang:display(word_freq(?ID("the cat and the hat and the bat"))),
    erlang:display(caesar(?ID("Attack at Dawn"), 3)),
    erlang:display(caesar(caesar(?ID("Round Trip"), 7), 19)),
    erlang:display(reverse_words(?ID("one two three"))),
    erlang:display(to_int(?ID("  -1234xyz"))),
    erlang:display(escape(?ID("a\"b\\c\nd"))),
    erlang:display(catch tokens(?ID("1 + $"))).

%% ---- tokenizer ------------------------------------------------------------
tokens([]) -> [];
tokens([C | T]) when C =:= $\s; C =:= $\t; C =:= $\n -> tokens(T);
tokens([C | _] = S) when C >= $0, C =< $9 -> {N, Rest} = number(S, 0), [{int, N} | tokens(Rest)];
tokens([C | _] = S) when C >= $a, C =< $z; C =:= $_ ->
    {W, Rest} = ident(S, []),
    [case W of "let" -> {kw, 'let'}; "print" -> {kw, print}; _ -> {id, list_to_atom(W)} end
     | tokens(Rest)];
tokens([$" | T]) -> {Str, Rest} = string(T, []), [{str, Str} | tokens(Rest)];
tokens([$>, $= | T]) -> [{op, '>='} | tokens(T)];
tokens([C | T]) when C =:= $+; C =:= $-; C =:= $*; C =:= $/; C =:= $=; C =:= $>; C =:= $< ->
    [{op, list_to_atom([C])} | tokens(T)];
tokens([C | T]) when C =:= $(; C =:= $); C =:= $; -> [{list_to_atom([C])} | tokens(T)];
tokens([C | _]) -> throw({bad_char, [C]}).

number([C | T], N) when C >= $0, C =< $9 -> number(T, N * 10 + C - $0);
number(S, N) -> {N, S}.

ident([C | T], Acc) when C >= $a, C =< $z; C =:= $_; C >= $0, C =< $9 -> ident(T, [C | Acc]);
ident(S, Acc) -> {lists:reverse(Acc, []), S}.

string([$" | T], Acc) -> {lists:reverse(Acc, []), T};
string([C | T], Acc) -> string(T, [C | Acc]).

%% ---- parser: expr := term (('+'|'-') term)*, term := factor (('*'|'/') factor)*
parse(Toks) ->
    try expr(Toks) of
        {Tree, []} -> {ok, Tree, eval(Tree)};
        {_, Rest} -> {error, {trailing, Rest}}
    catch throw:E -> {error, E}
    end.

expr(Ts) -> {L, R} = term(Ts), expr_rest(L, R).
expr_rest(L, [{op, Op} | Ts]) when Op =:= '+'; Op =:= '-' ->
    {R, Rest} = term(Ts), expr_rest({Op, L, R}, Rest);
expr_rest(L, Ts) -> {L, Ts}.

term(Ts) -> {L, R} = factor(Ts), term_rest(L, R).
term_rest(L, [{op, Op} | Ts]) when Op =:= '*'; Op =:= '/' ->
    {R, Rest} = factor(Ts), term_rest({Op, L, R}, Rest);
term_rest(L, Ts) -> {L, Ts}.

factor([{int, N} | Ts]) -> {N, Ts};
factor([{id, A} | Ts]) -> {A, Ts};
factor([{op, '-'} | Ts]) -> {F, Rest} = factor(Ts), {{neg, F}, Rest};
factor([{'('} | Ts]) ->
    case expr(Ts) of
        {E, [{')'} | Rest]} -> {E, Rest};
        _ -> throw(missing_paren)
    end;
factor(Ts) -> throw({unexpected, Ts}).

eval(N) when is_integer(N) -> N;
eval(A) when is_atom(A) -> 2;
eval({neg, E}) -> -eval(E);
eval({'+', A, B}) -> eval(A) + eval(B);
eval({'-', A, B}) -> eval(A) - eval(B);
eval({'*', A, B}) -> eval(A) * eval(B);
eval({'/', A, B}) -> eval(A) div eval(B).

%% ---- utilities ----------------------------------------------------------
split(S, Sep) -> split(S, Sep, [], []).
split([], _, Cur, Acc) -> lists:reverse([lists:reverse(Cur, []) | Acc], []);
split([Sep | T], Sep, Cur, Acc) -> split(T, Sep, [], [lists:reverse(Cur, []) | Acc]);
split([C | T], Sep, Cur, Acc) -> split(T, Sep, [C | Cur], Acc).

join([], _) -> [];
join([W], _) -> W;
join([W | Ws], Sep) -> W ++ Sep ++ join(Ws, Sep).

trim(S) -> lists:reverse(ltrim(lists:reverse(ltrim(S), [])), []).
ltrim([C | T]) when C =:= $\s; C =:= $\t; C =:= $\n -> ltrim(T);
ltrim(S) -> S.

upper(S) -> [if C >= $a, C =< $z -> C - 32; true -> C end || C <- S].
lower(S) -> [if C >= $A, C =< $Z -> C + 32; true -> C end || C <- S].

palindrome(W) -> L = [C || C <- lower(W), C =/= $\s], L =:= lists:reverse(L, []).

word_freq(S) -> count(split(S, $\s), []).
count([], Acc) -> lists:reverse(Acc, []);
count([W | Ws], Acc) ->
    case lists:keyfind(W, 1, Acc) of
        {W, N} -> count(Ws, [{W, N + 1} | Acc -- [{W, N}]]);
        false -> count(Ws, [{W, 1} | Acc])
    end.

caesar(S, K) ->
    [if C >= $a, C =< $z -> $a + (C - $a + K) rem 26;
        C >= $A, C =< $Z -> $A + (C - $A + K) rem 26;
        true -> C
     end || C <- S].

reverse_words(S) -> join(lists:reverse(split(S, $\s), []), " ").

to_int(S) ->
    case ltrim(S) of
        [$- | T] -> -digits(T, 0);
        T -> digits(T, 0)
    end.
digits([C | T], N) when C >= $0, C =< $9 -> digits(T, N * 10 + C - $0);
digits(_, N) -> N.

escape([]) -> [];
escape([$" | T]) -> [$\\, $" | escape(T)];
escape([$\\ | T]) -> [$\\, $\\ | escape(T)];
escape([$\n | T]) -> [$\\, $n | escape(T)];
escape([C | T]) -> [C | escape(T)].
