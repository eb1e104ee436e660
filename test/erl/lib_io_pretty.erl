%% ~p, ~tp, ~P and ~Np of a few hundred pseudo-random nested terms (tuples,
%% tagged tuples, lists, maps, improper lists, binaries, strings, floats,
%% quoted atoms): the layout must be line for line OTP's.
-module(lib_io_pretty).
-export([main/0]).
next(S) -> (S * 1103515245 + 12345) rem 2147483648.
pick(S, N) -> S2 = next(S), {S2 rem N, S2}.
term(S, 0) -> atomic(S);
term(S0, D) ->
  {K, S1} = pick(S0, 10),
  case K of
    0 -> atomic(S1);
    1 -> atomic(S1);
    2 -> {N, S2} = pick(S1, 8), {L, S3} = elems(S2, N, D - 1), {list_to_tuple(L), S3};
    3 -> {N, S2} = pick(S1, 8), {L, S3} = elems(S2, N, D - 1), {[tagname | L], S3};
    4 -> {N, S2} = pick(S1, 12), elems(S2, N, D - 1);
    5 -> {N, S2} = pick(S1, 6), {L, S3} = elems(S2, 2 * N, D - 1), {maps:from_list(pairs(L)), S3};
    6 -> {N, S2} = pick(S1, 5), {L, S3} = elems(S2, N, D - 1), {list_to_tuple([some_tag | L]), S3};
    7 -> {N, S2} = pick(S1, 30), {seq(1, N), S2};
    8 -> {N, S2} = pick(S1, 40), {list_to_binary([X rem 256 || X <- seq(N, 3 * N)]), S2};
    9 -> {N, S2} = pick(S1, 4), {L, S3} = elems(S2, N + 1, D - 1), {improper(L), S3}
  end.
improper([X]) -> [X | tail];
improper([X | T]) -> [X | improper(T)].
pairs([A, B | T]) -> [{A, B} | pairs(T)];
pairs(_) -> [].
elems(S, 0, _) -> {[], S};
elems(S, N, D) -> {T, S1} = term(S, D), {Ts, S2} = elems(S1, N - 1, D), {[T | Ts], S2}.
atomic(S0) ->
  {K, S1} = pick(S0, 11),
  T = case K of
    0 -> S1 rem 1000;
    1 -> element(1 + S1 rem 6, {ok, error, 'Quoted Atom', undefined, very_long_atom_name_for_layout, '\x{3b1}tom'});
    2 -> "string number " ++ integer_to_list(S1 rem 100);
    3 -> <<"binary text">>;
    4 -> (S1 rem 1000) / 7;
    5 -> -(S1 rem 50);
    6 -> [];
    7 -> {};
    8 -> dup(S1 rem 70, $z);
    9 -> "h\x{e9}llo w\x{f6}rld";
    10 -> [945, 946, 947 | " unicode"]
  end,
  {T, S1}.
main() ->
  run(1, 400, 42),
  run(1, 400, 1234).

seq(A, B) when A > B -> [];
seq(A, B) -> [A | seq(A + 1, B)].

dup(0, _) -> [];
dup(N, X) -> [X | dup(N - 1, X)].
run(I, N, _) when I > N -> ok;
run(I, N, S) ->
  {D, S1} = pick(S, 6),
  {T, S2} = term(S1, D + 1),
  {W, S3} = pick(S2, 5),
  case W of
    0 -> io:format("~p~n", [T]);
    1 -> io:format("x = ~p~n", [T]);
    2 -> io:format("~60p~n", [T]);
    3 -> io:format("~P~n", [T, 6]);
    4 -> io:format("~tp~n", [T])
  end,
  run(I + 1, N, S3).
