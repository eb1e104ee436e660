%% lists.erl — Ember's lists module for the standalone boot: every function of
%% OTP 25's lists, with OTP's results, OTP's order for elements that compare
%% equal in sorts and merges, and OTP's error for a bad argument. The sorts
%% split their input into runs as OTP's do and merge with the same priorities;
%% see "Sorting" below.
-module(lists).

-export([all/2, any/2, append/1, append/2, concat/1, delete/2, droplast/1,
         dropwhile/2, duplicate/2, enumerate/1, enumerate/2, filter/2,
         filtermap/2, flatlength/1, flatmap/2, flatten/1, flatten/2, foldl/3,
         foldr/3, foreach/2, join/2, keydelete/3, keyfind/3, keymap/3,
         keymember/3, keymerge/3, keyreplace/4, keysearch/3, keysort/2,
         keystore/4, keytake/3, last/1, map/2, mapfoldl/3, mapfoldr/3, max/1,
         member/2, merge/1, merge/2, merge/3, merge3/3, min/1, nth/2,
         nthtail/2, partition/2, prefix/2, reverse/1, reverse/2, rkeymerge/3,
         rmerge/2, rmerge/3, rmerge3/3, rukeymerge/3, rumerge/2, rumerge/3,
         rumerge3/3, search/2, seq/2, seq/3, sort/1, sort/2, split/2,
         splitwith/2, sublist/2, sublist/3, subtract/2, suffix/2, sum/1,
         takewhile/2, ukeymerge/3, ukeysort/2, umerge/1, umerge/2, umerge/3,
         umerge3/3, uniq/1, uniq/2, unzip/1, unzip3/1, usort/1, usort/2, zf/2,
         zip/2, zip3/3, zipwith/3, zipwith3/4]).

%% ---- BIFs ----------------------------------------------------------------
%% The loader runs the BIF of the same name in place of these bodies, for
%% remote and local calls alike (erts/load/loader.c, install_bif_bodies).
%% Elsewhere in this module they are called as lists:F(...), as OTP does.

keyfind(_, _, _) -> erlang:nif_error(undef).
keymember(_, _, _) -> erlang:nif_error(undef).
keysearch(_, _, _) -> erlang:nif_error(undef).
member(_, _) -> erlang:nif_error(undef).
reverse(_, _) -> erlang:nif_error(undef).

%% ---- building and taking apart --------------------------------------------

append(L1, L2) -> L1 ++ L2.

append([E]) -> E;
append([H | T]) -> H ++ append(T);
append([]) -> [].

subtract(L1, L2) -> L1 -- L2.

reverse([] = L) -> L;
reverse([_] = L) -> L;
reverse([A, B | T]) -> lists:reverse(T, [B, A]).

nth(1, [H | _]) -> H;
nth(N, [_ | T]) when N > 1 -> nth(N - 1, T).

nthtail(1, [_ | T]) -> T;
nthtail(N, [_ | T]) when N > 1 -> nthtail(N - 1, T);
nthtail(0, L) when is_list(L) -> L.

prefix([X | Pre], [X | T]) -> prefix(Pre, T);
prefix([], L) when is_list(L) -> true;
prefix([_ | _], L) when is_list(L) -> false.

suffix(Suffix, List) ->
    Delta = length(List) - length(Suffix),
    Delta >= 0 andalso nthtail(Delta, List) =:= Suffix.

droplast([_]) -> [];
droplast([H | T]) -> [H | droplast(T)].

last([E | Es]) -> last(E, Es).

last(_, [E | Es]) -> last(E, Es);
last(E, []) -> E.

%% seq/2 is function_clause on bad arguments, seq/3 badarg, as on OTP.
seq(First, Last) when is_integer(First), is_integer(Last), First - 1 =< Last ->
    seq_down(Last, First, []).

seq_down(X, First, Acc) when X >= First -> seq_down(X - 1, First, [X | Acc]);
seq_down(_, _, Acc) -> Acc.

seq(First, Last, Inc) when is_integer(First), is_integer(Last), is_integer(Inc) ->
    if
        Inc > 0, First - Inc =< Last; Inc < 0, First - Inc >= Last ->
            N = (Last - First + Inc) div Inc,
            seq_step(N, Inc * (N - 1) + First, Inc, []);
        Inc =:= 0, First =:= Last ->
            [First];
        true ->
            erlang:error(badarg, [First, Last, Inc])
    end;
seq(First, Last, Inc) ->
    erlang:error(badarg, [First, Last, Inc]).

%% Builds the N elements ending with X from the back.
seq_step(0, _, _, Acc) -> Acc;
seq_step(N, X, Inc, Acc) -> seq_step(N - 1, X - Inc, Inc, [X | Acc]).

sum(L) -> sum(L, 0).

sum([H | T], Sum) -> sum(T, Sum + H);
sum([], Sum) -> Sum.

duplicate(N, X) when is_integer(N), N >= 0 -> duplicate(N, X, []).

duplicate(0, _, L) -> L;
duplicate(N, X, L) -> duplicate(N - 1, X, [X | L]).

%% Of equal elements, the first is the min or max, as on OTP.
min([H | T]) -> min_of(T, H).

min_of([H | T], Min) when H < Min -> min_of(T, H);
min_of([_ | T], Min) -> min_of(T, Min);
min_of([], Min) -> Min.

max([H | T]) -> max_of(T, H).

max_of([H | T], Max) when H > Max -> max_of(T, H);
max_of([_ | T], Max) -> max_of(T, Max);
max_of([], Max) -> Max.

sublist(List, 1, L) when is_list(List), is_integer(L), L >= 0 ->
    sublist(List, L);
sublist([], S, _L) when is_integer(S), S >= 2 ->
    [];
sublist([_ | T], S, L) when is_integer(S), S >= 2 ->
    sublist(T, S - 1, L).

sublist(List, L) when is_integer(L), is_list(List) -> take(List, L).

take([H | T], L) when L > 0 -> [H | take(T, L - 1)];
take(_, 0) -> [];
take(List, L) when is_list(List), L > 0 -> [].

delete(Item, [Item | Rest]) -> Rest;
delete(Item, [H | Rest]) -> [H | delete(Item, Rest)];
delete(_, []) -> [].

zip([X | Xs], [Y | Ys]) -> [{X, Y} | zip(Xs, Ys)];
zip([], []) -> [].

unzip(Ts) -> unzip(Ts, [], []).

unzip([{X, Y} | Ts], Xs, Ys) -> unzip(Ts, [X | Xs], [Y | Ys]);
unzip([], Xs, Ys) -> {reverse(Xs), reverse(Ys)}.

zip3([X | Xs], [Y | Ys], [Z | Zs]) -> [{X, Y, Z} | zip3(Xs, Ys, Zs)];
zip3([], [], []) -> [].

unzip3(Ts) -> unzip3(Ts, [], [], []).

unzip3([{X, Y, Z} | Ts], Xs, Ys, Zs) -> unzip3(Ts, [X | Xs], [Y | Ys], [Z | Zs]);
unzip3([], Xs, Ys, Zs) -> {reverse(Xs), reverse(Ys), reverse(Zs)}.

zipwith(F, [X | Xs], [Y | Ys]) -> [F(X, Y) | zipwith(F, Xs, Ys)];
zipwith(F, [], []) when is_function(F, 2) -> [].

zipwith3(F, [X | Xs], [Y | Ys], [Z | Zs]) -> [F(X, Y, Z) | zipwith3(F, Xs, Ys, Zs)];
zipwith3(F, [], [], []) when is_function(F, 3) -> [].

concat(List) -> flatmap(fun thing_to_list/1, List).

thing_to_list(X) when is_integer(X) -> integer_to_list(X);
thing_to_list(X) when is_float(X) -> float_to_list(X);
thing_to_list(X) when is_atom(X) -> atom_to_list(X);
thing_to_list(X) when is_list(X) -> X.

flatten(List) when is_list(List) -> flatten_onto(List, []).

flatten(List, Tail) when is_list(List), is_list(Tail) -> flatten_onto(List, Tail).

flatten_onto([H | T], Tail) when is_list(H) -> flatten_onto(H, flatten_onto(T, Tail));
flatten_onto([H | T], Tail) -> [H | flatten_onto(T, Tail)];
flatten_onto([], Tail) -> Tail.

flatlength(List) -> flatlength(List, 0).

flatlength([H | T], L) when is_list(H) -> flatlength(H, flatlength(T, L));
flatlength([_ | T], L) -> flatlength(T, L + 1);
flatlength([], L) -> L.

enumerate(List) -> enumerate(1, List).

enumerate(Index, List) when is_integer(Index) -> enumerate_from(Index, List).

enumerate_from(I, [H | T]) -> [{I, H} | enumerate_from(I + 1, T)];
enumerate_from(_, []) -> [].

join(Sep, [H | T]) -> [H | join_prepend(Sep, T)];
join(_, []) -> [].

join_prepend(Sep, [H | T]) -> [Sep, H | join_prepend(Sep, T)];
join_prepend(_, []) -> [].

%% uniq: the first of elements that match (=:=) stays.
uniq(List) -> uniq_seen(List, #{}).

uniq_seen([X | Xs], Seen) ->
    case is_map_key(X, Seen) of
        true -> uniq_seen(Xs, Seen);
        false -> [X | uniq_seen(Xs, Seen#{X => true})]
    end;
uniq_seen([], _) -> [].

uniq(F, List) when is_function(F, 1) -> uniq_by(List, F, #{}).

uniq_by([X | Xs], F, Seen) ->
    Key = F(X),
    case is_map_key(Key, Seen) of
        true -> uniq_by(Xs, F, Seen);
        false -> [X | uniq_by(Xs, F, Seen#{Key => true})]
    end;
uniq_by([], _, _) -> [].

%% ---- tuple lists ------------------------------------------------------------

keydelete(K, N, L) when is_integer(N), N > 0 -> keydelete3(K, N, L).

keydelete3(Key, N, [H | T]) when element(N, H) == Key -> T;
keydelete3(Key, N, [H | T]) -> [H | keydelete3(Key, N, T)];
keydelete3(_, _, []) -> [].

keyreplace(K, N, L, New) when is_integer(N), N > 0, is_tuple(New) -> keyreplace3(K, N, L, New).

keyreplace3(Key, N, [H | T], New) when element(N, H) == Key -> [New | T];
keyreplace3(Key, N, [H | T], New) -> [H | keyreplace3(Key, N, T, New)];
keyreplace3(_, _, [], _) -> [].

keytake(Key, N, L) when is_integer(N), N > 0 -> keytake(Key, N, L, []).

keytake(Key, N, [H | T], Before) when element(N, H) == Key -> {value, H, lists:reverse(Before, T)};
keytake(Key, N, [H | T], Before) -> keytake(Key, N, T, [H | Before]);
keytake(_, _, [], _) -> false.

keystore(K, N, L, New) when is_integer(N), N > 0, is_tuple(New) -> keystore2(K, N, L, New).

keystore2(Key, N, [H | T], New) when element(N, H) == Key -> [New | T];
keystore2(Key, N, [H | T], New) -> [H | keystore2(Key, N, T, New)];
keystore2(_, _, [], New) -> [New].

keymap(Fun, Index, [Tup | Tail]) ->
    [setelement(Index, Tup, Fun(element(Index, Tup))) | keymap(Fun, Index, Tail)];
keymap(Fun, Index, []) when is_integer(Index), Index >= 1, is_function(Fun, 1) -> [].

%% ---- higher order -------------------------------------------------------------

%% all, any, map and foldl take the first element in a case, as OTP 25's
%% do: a list argument that is no list is a case_clause.
all(Pred, List) when is_function(Pred, 1) ->
    case List of
        [H | T] ->
            case Pred(H) of
                true -> all_1(Pred, T);
                false -> false
            end;
        [] ->
            true
    end.

all_1(Pred, [H | T]) ->
    case Pred(H) of
        true -> all_1(Pred, T);
        false -> false
    end;
all_1(_, []) -> true.

any(Pred, List) when is_function(Pred, 1) ->
    case List of
        [H | T] ->
            case Pred(H) of
                true -> true;
                false -> any_1(Pred, T)
            end;
        [] ->
            false
    end.

any_1(Pred, [H | T]) ->
    case Pred(H) of
        true -> true;
        false -> any_1(Pred, T)
    end;
any_1(_, []) -> false.

map(F, List) when is_function(F, 1) ->
    case List of
        [H | T] -> [F(H) | map_1(F, T)];
        [] -> []
    end.

map_1(F, [H | T]) -> [F(H) | map_1(F, T)];
map_1(_, []) -> [].

flatmap(F, List) when is_function(F, 1) -> flatmap_1(F, List).

flatmap_1(F, [H | T]) -> F(H) ++ flatmap_1(F, T);
flatmap_1(_, []) -> [].

foldl(F, Acc, List) when is_function(F, 2) ->
    case List of
        [H | T] -> foldl_1(F, F(H, Acc), T);
        [] -> Acc
    end.

foldl_1(F, Acc, [H | T]) -> foldl_1(F, F(H, Acc), T);
foldl_1(_, Acc, []) -> Acc.

foldr(F, Acc, List) when is_function(F, 2) -> foldr_1(F, Acc, List).

foldr_1(F, Acc, [H | T]) -> F(H, foldr_1(F, Acc, T));
foldr_1(_, Acc, []) -> Acc.

%% A comprehension, as on OTP: a predicate that answers neither true nor
%% false is {bad_filter, Answer}.
filter(Pred, List) when is_function(Pred, 1) -> [E || E <- List, Pred(E)].

partition(Pred, List) when is_function(Pred, 1) -> partition(Pred, List, [], []).

partition(Pred, [H | T], As, Bs) ->
    case Pred(H) of
        true -> partition(Pred, T, [H | As], Bs);
        false -> partition(Pred, T, As, [H | Bs])
    end;
partition(_, [], As, Bs) -> {reverse(As), reverse(Bs)}.

zf(F, L) -> filtermap(F, L).

filtermap(F, List) when is_function(F, 1) -> filtermap_1(F, List).

filtermap_1(F, [H | T]) ->
    case F(H) of
        false -> filtermap_1(F, T);
        true -> [H | filtermap_1(F, T)];
        {true, Val} -> [Val | filtermap_1(F, T)]
    end;
filtermap_1(_, []) -> [].

foreach(F, List) when is_function(F, 1) -> foreach_1(F, List).

foreach_1(F, [H | T]) ->
    F(H),
    foreach_1(F, T);
foreach_1(_, []) -> ok.

mapfoldl(F, Acc, List) when is_function(F, 2) -> mapfoldl_1(F, Acc, List).

mapfoldl_1(F, Acc0, [H | T]) ->
    {R, Acc1} = F(H, Acc0),
    {Rs, Acc2} = mapfoldl_1(F, Acc1, T),
    {[R | Rs], Acc2};
mapfoldl_1(_, Acc, []) -> {[], Acc}.

mapfoldr(F, Acc, List) when is_function(F, 2) -> mapfoldr_1(F, Acc, List).

mapfoldr_1(F, Acc0, [H | T]) ->
    {Rs, Acc1} = mapfoldr_1(F, Acc0, T),
    {R, Acc2} = F(H, Acc1),
    {[R | Rs], Acc2};
mapfoldr_1(_, Acc, []) -> {[], Acc}.

takewhile(Pred, List) when is_function(Pred, 1) -> takewhile_1(Pred, List).

takewhile_1(Pred, [H | T]) ->
    case Pred(H) of
        true -> [H | takewhile_1(Pred, T)];
        false -> []
    end;
takewhile_1(_, []) -> [].

dropwhile(Pred, List) when is_function(Pred, 1) -> dropwhile_1(Pred, List).

dropwhile_1(Pred, [H | T] = Rest) ->
    case Pred(H) of
        true -> dropwhile_1(Pred, T);
        false -> Rest
    end;
dropwhile_1(_, []) -> [].

search(Pred, List) when is_function(Pred, 1) -> search_1(Pred, List).

search_1(Pred, [H | T]) ->
    case Pred(H) of
        true -> {value, H};
        false -> search_1(Pred, T)
    end;
search_1(_, []) -> false.

splitwith(Pred, List) when is_function(Pred, 1) -> splitwith(Pred, List, []).

splitwith(Pred, [H | T], Taken) ->
    case Pred(H) of
        true -> splitwith(Pred, T, [H | Taken]);
        false -> {reverse(Taken), [H | T]}
    end;
splitwith(_, [], Taken) -> {reverse(Taken), []}.

split(N, List) when is_integer(N), N >= 0, is_list(List) ->
    case split(N, List, []) of
        {_, _} = Result -> Result;
        short -> erlang:error(badarg, [N, List])
    end;
split(N, List) ->
    erlang:error(badarg, [N, List]).

split(0, L, Before) -> {lists:reverse(Before, []), L};
split(N, [H | T], Before) -> split(N - 1, T, [H | Before]);
split(_, [], _) -> short.

%%% ==========================================================================
%%% Sorting
%%%
%%% Elements that compare equal but are not the same term (1 and 1.0, {1} and
%%% {1.0}) come out of OTP's sorts in an order fixed by how OTP splits the
%%% input, and a fun given to sort/2 sees OTP's calls in OTP's order, so the
%%% sorts here split as OTP's do. A sort reads the list once, building runs of
%%% ascending input (kept as descending lists) or, when the list starts
%%% downwards, runs of descending input (kept as ascending lists). Each run
%%% grows at its top or just below it, or, while it has only two elements,
%%% at its bottom; one element that fits nowhere waits aside, and the next
%%% that does not fit either starts a new run with it. The runs are then
%%% merged pass by pass, each pass turning lists the other way round; of
%%% equal elements, the earlier run's comes first (the later run's, in the
%%% descending case of sort/1). sort/2 and usort/2 merge in pairs exactly as
%%% OTP does, as the fun sees every comparison; the others may group runs in
%%% threes, which gives the same result.
%%%
%%% Merges take the smaller head (the larger, for the r-merges of descending
%%% lists), the first list winning ties; the u-merges also drop an element of
%%% the second list that equals the element of the first just taken.
%%% ==========================================================================

%% ---- sort/1 ------------------------------------------------------------------

sort([X, Y | T] = L) ->
    case T of
        [] when X =< Y -> L;
        [] -> [Y, X];
        [Z] -> sort3(X, Y, Z);
        _ when X =< Y, X == Y -> sort_equal(Y, T, [X]);
        _ when X =< Y -> up(X, Y, T, [], []);
        _ -> down(X, Y, T, [], [])
    end;
sort([_] = L) -> L;
sort([] = L) -> L.

sort3(X, Y, Z) when X =< Y ->
    if
        Y =< Z -> [X, Y, Z];
        X =< Z -> [X, Z, Y];
        true -> [Z, X, Y]
    end;
sort3(X, Y, Z) ->
    if
        X =< Z -> [Y, X, Z];
        Y =< Z -> [Y, Z, X];
        true -> [Z, Y, X]
    end.

%% A leading stretch of equal elements; R holds the earlier ones, reversed.
sort_equal(X, [Y | L], R) when X == Y -> sort_equal(Y, L, [X | R]);
sort_equal(X, [Y | L], R) when X < Y -> up(X, Y, L, R, []);
sort_equal(X, [Y | L], R) -> down(X, Y, L, R, []);
sort_equal(X, [], R) -> lists:reverse(R, [X]).

%% Ascending input. The run is reverse(R) ++ [A, B] with A =< B; Runs holds
%% the finished runs, latest first, each descending.
up(A, B, [Z | L], R, Runs) when Z >= B -> up(B, Z, L, [A | R], Runs);
up(A, B, [Z | L], R, Runs) when Z >= A -> up(Z, B, L, [A | R], Runs);
up(A, B, [Z | L], [], Runs) -> up(A, B, L, [Z], Runs);
up(A, B, [Z | L], R, Runs) -> up_aside(A, B, L, R, Runs, Z);
up(A, B, [], R, Runs) -> merge_runs([[B, A | R] | Runs], [], down, false).

up_aside(A, B, [Z | L], R, Runs, S) when Z >= B -> up_aside(B, Z, L, [A | R], Runs, S);
up_aside(A, B, [Z | L], R, Runs, S) when Z >= A -> up_aside(Z, B, L, [A | R], Runs, S);
up_aside(A, B, [Z | L], R, Runs, S) when S =< Z -> up(S, Z, L, [], [[B, A | R] | Runs]);
up_aside(A, B, [Z | L], R, Runs, S) -> up(Z, S, L, [], [[B, A | R] | Runs]);
up_aside(A, B, [], R, Runs, S) -> merge_runs([[S], [B, A | R] | Runs], [], down, false).

%% Descending input: the run is reverse(R) ++ [A, B] with A >= B, kept as the
%% ascending list [B, A | R]; the later run wins ties.
down(A, B, [Z | L], R, Runs) when Z =< B -> down(B, Z, L, [A | R], Runs);
down(A, B, [Z | L], R, Runs) when Z =< A -> down(Z, B, L, [A | R], Runs);
down(A, B, [Z | L], [], Runs) -> down(A, B, L, [Z], Runs);
down(A, B, [Z | L], R, Runs) -> down_aside(A, B, L, R, Runs, Z);
down(A, B, [], R, Runs) -> merge_runs([[B, A | R] | Runs], [], up, true).

down_aside(A, B, [Z | L], R, Runs, S) when Z =< B -> down_aside(B, Z, L, [A | R], Runs, S);
down_aside(A, B, [Z | L], R, Runs, S) when Z =< A -> down_aside(Z, B, L, [A | R], Runs, S);
down_aside(A, B, [Z | L], R, Runs, S) when S > Z -> down(S, Z, L, [], [[B, A | R] | Runs]);
down_aside(A, B, [Z | L], R, Runs, S) -> down(Z, S, L, [], [[B, A | R] | Runs]);
down_aside(A, B, [], R, Runs, S) -> merge_runs([[S], [B, A | R] | Runs], [], up, true).

%% One pass over Runs (all ascending: up, or all descending: down) merges
%% them three at a time (two at the end); of equal elements, the one of the
%% earliest run in the group wins when First, of the latest otherwise. The
%% merged runs point the other way and come out in reverse order, so the
%% next pass flips both; a run left over is turned round to join them. (Any
%% grouping gives the same result: ties always go by run order.)
merge_runs([A, B, C | Rs], Acc, up, true) -> merge_runs(Rs, [merge3_up(A, B, C) | Acc], up, true);
merge_runs([A, B, C | Rs], Acc, up, false) -> merge_runs(Rs, [merge3_up(C, B, A) | Acc], up, false);
merge_runs([A, B, C | Rs], Acc, down, true) -> merge_runs(Rs, [merge3_down(A, B, C) | Acc], down, true);
merge_runs([A, B, C | Rs], Acc, down, false) -> merge_runs(Rs, [merge3_down(C, B, A) | Acc], down, false);
merge_runs([P, Q | Rs], Acc, up, true) -> merge_runs(Rs, [merge_up(P, Q, []) | Acc], up, true);
merge_runs([P, Q | Rs], Acc, up, false) -> merge_runs(Rs, [merge_up(Q, P, []) | Acc], up, false);
merge_runs([P, Q | Rs], Acc, down, true) -> merge_runs(Rs, [merge_down(P, Q, []) | Acc], down, true);
merge_runs([P, Q | Rs], Acc, down, false) -> merge_runs(Rs, [merge_down(Q, P, []) | Acc], down, false);
merge_runs([R], [], up, _) -> R;
merge_runs([R], Acc, Dir, First) -> merge_runs([lists:reverse(R, []) | Acc], [], flip(Dir), not First);
merge_runs([], Acc, Dir, First) -> merge_runs(Acc, [], flip(Dir), not First).

flip(up) -> down;
flip(down) -> up.

%% Ascending runs P and Q onto M, smallest first (so M ends descending); P
%% wins ties. Two states: P's next to read (H2 of Q waiting), or Q's next
%% to read (H1 of P waiting).
merge_up(P, [H2 | T2], M) -> merge_up_p(P, H2, T2, M).

merge_up_p([H1 | T1], H2, T2, M) when H1 =< H2 -> merge_up_p(T1, H2, T2, [H1 | M]);
merge_up_p([H1 | T1], H2, T2, M) -> merge_up_q(H1, T1, T2, [H2 | M]);
merge_up_p([], H2, T2, M) -> lists:reverse(T2, [H2 | M]).

merge_up_q(H1, T1, [H2 | T2], M) when H1 =< H2 -> merge_up_p(T1, H2, T2, [H1 | M]);
merge_up_q(H1, T1, [H2 | T2], M) -> merge_up_q(H1, T1, T2, [H2 | M]);
merge_up_q(H1, T1, [], M) -> lists:reverse(T1, [H1 | M]).

%% Three ascending runs onto a descending list, the first winning ties, then
%% the second.
merge3_up([H1 | T1], [H2 | T2], [H3 | T3]) -> merge3_up(H1, T1, H2, T2, H3, T3, []).

merge3_up(H1, T1, H2, T2, H3, T3, M) when H1 =< H2 ->
    if
        H1 =< H3 ->
            case T1 of
                [H | T] -> merge3_up(H, T, H2, T2, H3, T3, [H1 | M]);
                [] -> merge_up_q(H2, T2, [H3 | T3], [H1 | M])
            end;
        true -> merge3_up_3(H1, T1, H2, T2, H3, T3, M)
    end;
merge3_up(H1, T1, H2, T2, H3, T3, M) when H2 =< H3 ->
    case T2 of
        [H | T] -> merge3_up(H1, T1, H, T, H3, T3, [H2 | M]);
        [] -> merge_up_q(H1, T1, [H3 | T3], [H2 | M])
    end;
merge3_up(H1, T1, H2, T2, H3, T3, M) ->
    merge3_up_3(H1, T1, H2, T2, H3, T3, M).

%% H3 is below both other heads.
merge3_up_3(H1, T1, H2, T2, H3, T3, M) ->
    case T3 of
        [H | T] -> merge3_up(H1, T1, H2, T2, H, T, [H3 | M]);
        [] -> merge_up_q(H1, T1, [H2 | T2], [H3 | M])
    end.

%% Three descending runs onto an ascending list, largest first; of equal
%% heads, the third's goes first, then the second's (see merge_down/3).
merge3_down([H1 | T1], [H2 | T2], [H3 | T3]) -> merge3_down(H1, T1, H2, T2, H3, T3, []).

merge3_down(H1, T1, H2, T2, H3, T3, M) when H2 =< H3 ->
    if
        H1 =< H3 ->
            case T3 of
                [H | T] -> merge3_down(H1, T1, H2, T2, H, T, [H3 | M]);
                [] -> merge_down_p([H1 | T1], H2, T2, [H3 | M])
            end;
        true -> merge3_down_1(H1, T1, H2, T2, H3, T3, M)
    end;
merge3_down(H1, T1, H2, T2, H3, T3, M) when H1 =< H2 ->
    case T2 of
        [H | T] -> merge3_down(H1, T1, H, T, H3, T3, [H2 | M]);
        [] -> merge_down_p([H1 | T1], H3, T3, [H2 | M])
    end;
merge3_down(H1, T1, H2, T2, H3, T3, M) ->
    merge3_down_1(H1, T1, H2, T2, H3, T3, M).

%% H1 is above both other heads.
merge3_down_1(H1, T1, H2, T2, H3, T3, M) ->
    case T1 of
        [H | T] -> merge3_down(H, T, H2, T2, H3, T3, [H1 | M]);
        [] -> merge_down_p([H2 | T2], H3, T3, [H1 | M])
    end.

%% Descending runs onto M, largest first; Q's element goes first on a tie,
%% so that P's comes first once the result is read ascending.
merge_down(P, [H2 | T2], M) -> merge_down_p(P, H2, T2, M).

merge_down_p([H1 | T1], H2, T2, M) when H1 =< H2 -> merge_down_q(H1, T1, T2, [H2 | M]);
merge_down_p([H1 | T1], H2, T2, M) -> merge_down_p(T1, H2, T2, [H1 | M]);
merge_down_p([], H2, T2, M) -> lists:reverse(T2, [H2 | M]).

merge_down_q(H1, T1, [H2 | T2], M) when H1 =< H2 -> merge_down_q(H1, T1, T2, [H2 | M]);
merge_down_q(H1, T1, [H2 | T2], M) -> merge_down_p(T1, H2, T2, [H1 | M]);
merge_down_q(H1, T1, [], M) -> lists:reverse(T1, [H1 | M]).

%% ---- sort/2 ------------------------------------------------------------------
%% The same splitting with Fun(A, B) for A =< B; the merges are those of
%% merge/3 and rmerge/3, so Fun sees the calls it would see on OTP.

sort(Fun, []) when is_function(Fun, 2) -> [];
sort(Fun, [_] = L) when is_function(Fun, 2) -> L;
sort(Fun, [X, Y | T]) ->
    case Fun(X, Y) of
        true -> fup(X, Y, Fun, T, [], []);
        false -> fdown(X, Y, Fun, T, [], [])
    end.

fup(A, B, Fun, [Z | L], R, Runs) ->
    case Fun(B, Z) of
        true -> fup(B, Z, Fun, L, [A | R], Runs);
        false ->
            case Fun(A, Z) of
                true -> fup(Z, B, Fun, L, [A | R], Runs);
                false when R == [] -> fup(A, B, Fun, L, [Z], Runs);
                false -> fup_aside(A, B, Fun, L, R, Runs, Z)
            end
    end;
fup(A, B, Fun, [], R, Runs) -> fmerge_runs([[B, A | R] | Runs], [], down, false, Fun).

fup_aside(A, B, Fun, [Z | L], R, Runs, S) ->
    case Fun(B, Z) of
        true -> fup_aside(B, Z, Fun, L, [A | R], Runs, S);
        false ->
            case Fun(A, Z) of
                true -> fup_aside(Z, B, Fun, L, [A | R], Runs, S);
                false ->
                    case Fun(S, Z) of
                        true -> fup(S, Z, Fun, L, [], [[B, A | R] | Runs]);
                        false -> fup(Z, S, Fun, L, [], [[B, A | R] | Runs])
                    end
            end
    end;
fup_aside(A, B, Fun, [], R, Runs, S) -> fmerge_runs([[S], [B, A | R] | Runs], [], down, false, Fun).

fdown(A, B, Fun, [Z | L], R, Runs) ->
    case Fun(B, Z) of
        false -> fdown(B, Z, Fun, L, [A | R], Runs);
        true ->
            case Fun(A, Z) of
                false -> fdown(Z, B, Fun, L, [A | R], Runs);
                true when R == [] -> fdown(A, B, Fun, L, [Z], Runs);
                true -> fdown_aside(A, B, Fun, L, R, Runs, Z)
            end
    end;
fdown(A, B, Fun, [], R, Runs) -> fmerge_runs([[B, A | R] | Runs], [], up, false, Fun).

fdown_aside(A, B, Fun, [Z | L], R, Runs, S) ->
    case Fun(B, Z) of
        false -> fdown_aside(B, Z, Fun, L, [A | R], Runs, S);
        true ->
            case Fun(A, Z) of
                false -> fdown_aside(Z, B, Fun, L, [A | R], Runs, S);
                true ->
                    case Fun(S, Z) of
                        false -> fdown(S, Z, Fun, L, [], [[B, A | R] | Runs]);
                        true -> fdown(Z, S, Fun, L, [], [[B, A | R] | Runs])
                    end
            end
    end;
fdown_aside(A, B, Fun, [], R, Runs, S) -> fmerge_runs([[S], [B, A | R] | Runs], [], up, false, Fun).

fmerge_runs([P, Q | Rs], Acc, up, true, F) -> fmerge_runs(Rs, [fmerge_up(P, Q, F, []) | Acc], up, true, F);
fmerge_runs([P, Q | Rs], Acc, up, false, F) -> fmerge_runs(Rs, [fmerge_up(Q, P, F, []) | Acc], up, false, F);
fmerge_runs([P, Q | Rs], Acc, down, true, F) -> fmerge_runs(Rs, [fmerge_down(P, Q, F, []) | Acc], down, true, F);
fmerge_runs([P, Q | Rs], Acc, down, false, F) -> fmerge_runs(Rs, [fmerge_down(Q, P, F, []) | Acc], down, false, F);
fmerge_runs([R], [], up, _, _) -> R;
fmerge_runs([R], Acc, Dir, First, F) -> fmerge_runs([lists:reverse(R, []) | Acc], [], flip(Dir), not First, F);
fmerge_runs([], Acc, Dir, First, F) -> fmerge_runs(Acc, [], flip(Dir), not First, F).

%% P's head goes first when Fun(P's head, Q's head). Also merge/3, so any
%% P and a non-empty Q: a bad tail fails where OTP's merge fails.
fmerge_up(P, [H2 | T2], F, M) -> fmerge_up_p(P, H2, T2, F, M).

fmerge_up_p([H1 | T1], H2, T2, F, M) ->
    case F(H1, H2) of
        true -> fmerge_up_p(T1, H2, T2, F, [H1 | M]);
        false -> fmerge_up_q(H1, T1, T2, F, [H2 | M])
    end;
fmerge_up_p([], H2, T2, _, M) -> lists:reverse(T2, [H2 | M]).

fmerge_up_q(H1, T1, [H2 | T2], F, M) ->
    case F(H1, H2) of
        true -> fmerge_up_p(T1, H2, T2, F, [H1 | M]);
        false -> fmerge_up_q(H1, T1, T2, F, [H2 | M])
    end;
fmerge_up_q(H1, T1, [], _, M) -> lists:reverse(T1, [H1 | M]).

%% Descending: Q's head goes first when Fun(P's head, Q's head).
fmerge_down(P, [H2 | T2], F, M) -> fmerge_down_p(P, H2, T2, F, M).

fmerge_down_p([H1 | T1], H2, T2, F, M) ->
    case F(H1, H2) of
        true -> fmerge_down_q(H1, T1, T2, F, [H2 | M]);
        false -> fmerge_down_p(T1, H2, T2, F, [H1 | M])
    end;
fmerge_down_p([], H2, T2, _, M) -> lists:reverse(T2, [H2 | M]).

fmerge_down_q(H1, T1, [H2 | T2], F, M) ->
    case F(H1, H2) of
        true -> fmerge_down_q(H1, T1, T2, F, [H2 | M]);
        false -> fmerge_down_p(T1, H2, T2, F, [H1 | M])
    end;
fmerge_down_q(H1, T1, [], _, M) -> lists:reverse(T1, [H1 | M]).

%% ---- usort/1 -----------------------------------------------------------------
%% OTP keeps the first of equal elements, so any split works that keeps
%% runs in input order: strictly ascending and strictly descending runs,
%% later equal elements dropped as they are read.

usort([X, Y | T]) -> urun(X, [Y | T], []);
usort([_] = L) -> L;
usort([]) -> [].

urun(X, [Y | T], Runs) when X < Y -> urun_up(Y, T, [Y, X], Runs);
urun(X, [Y | T], Runs) when X > Y -> urun_down(Y, T, [Y, X], Runs);
urun(X, [_ | T], Runs) -> urun(X, T, Runs);
urun(X, [], Runs) -> umerge_runs([[X] | Runs], [], up, false).

%% R: the run so far, reversed; Top: its last element.
urun_up(Top, [Y | T], R, Runs) when Y > Top -> urun_up(Y, T, [Y | R], Runs);
urun_up(Top, [Y | T], R, Runs) when Y == Top -> urun_up(Top, T, R, Runs);
urun_up(_, [Y | T], R, Runs) -> urun(Y, T, [lists:reverse(R, []) | Runs]);
urun_up(_, [], R, Runs) -> umerge_runs([lists:reverse(R, []) | Runs], [], up, false).

urun_down(Top, [Y | T], R, Runs) when Y < Top -> urun_down(Y, T, [Y | R], Runs);
urun_down(Top, [Y | T], R, Runs) when Y == Top -> urun_down(Top, T, R, Runs);
urun_down(_, [Y | T], R, Runs) -> urun(Y, T, [R | Runs]);
urun_down(_, [], R, Runs) -> umerge_runs([R | Runs], [], up, false).

umerge_runs([A, B, C | Rs], Acc, up, true) -> umerge_runs(Rs, [umerge3_up(A, B, C, []) | Acc], up, true);
umerge_runs([A, B, C | Rs], Acc, up, false) -> umerge_runs(Rs, [umerge3_up(C, B, A, []) | Acc], up, false);
umerge_runs([A, B, C | Rs], Acc, down, true) -> umerge_runs(Rs, [umerge3_down(A, B, C, []) | Acc], down, true);
umerge_runs([A, B, C | Rs], Acc, down, false) -> umerge_runs(Rs, [umerge3_down(C, B, A, []) | Acc], down, false);
umerge_runs([P, Q | Rs], Acc, up, true) -> umerge_runs(Rs, [umerge_up(P, Q, []) | Acc], up, true);
umerge_runs([P, Q | Rs], Acc, up, false) -> umerge_runs(Rs, [umerge_up(Q, P, []) | Acc], up, false);
umerge_runs([P, Q | Rs], Acc, down, true) -> umerge_runs(Rs, [umerge_down(P, Q, []) | Acc], down, true);
umerge_runs([P, Q | Rs], Acc, down, false) -> umerge_runs(Rs, [umerge_down(Q, P, []) | Acc], down, false);
umerge_runs([R], [], up, _) -> R;
umerge_runs([R], Acc, Dir, First) -> umerge_runs([lists:reverse(R, []) | Acc], [], flip(Dir), not First);
umerge_runs([], Acc, Dir, First) -> umerge_runs(Acc, [], flip(Dir), not First).

%% Three runs without duplicates: of equal heads, the first list's stays,
%% else the second's.
umerge3_up([H1 | T1] = L1, [H2 | T2] = L2, [H3 | T3] = L3, M) ->
    if
        H1 =< H2, H1 =< H3 -> umerge3_up(T1, skip_equal(H1, L2), skip_equal(H1, L3), [H1 | M]);
        H1 =< H2 -> umerge3_up(L1, L2, T3, [H3 | M]);
        H2 =< H3 -> umerge3_up(L1, T2, skip_equal(H2, L3), [H2 | M]);
        true -> umerge3_up(L1, L2, T3, [H3 | M])
    end;
umerge3_up([], L2, L3, M) -> umerge_two(up, L2, L3, M);
umerge3_up(L1, [], L3, M) -> umerge_two(up, L1, L3, M);
umerge3_up(L1, L2, [], M) -> umerge_two(up, L1, L2, M).

umerge3_down([H1 | T1] = L1, [H2 | T2] = L2, [H3 | T3] = L3, M) ->
    if
        H1 >= H2, H1 >= H3 -> umerge3_down(T1, skip_equal(H1, L2), skip_equal(H1, L3), [H1 | M]);
        H1 >= H2 -> umerge3_down(L1, L2, T3, [H3 | M]);
        H2 >= H3 -> umerge3_down(L1, T2, skip_equal(H2, L3), [H2 | M]);
        true -> umerge3_down(L1, L2, T3, [H3 | M])
    end;
umerge3_down([], L2, L3, M) -> umerge_two(down, L2, L3, M);
umerge3_down(L1, [], L3, M) -> umerge_two(down, L1, L3, M);
umerge3_down(L1, L2, [], M) -> umerge_two(down, L1, L2, M).

skip_equal(X, [H | T]) when H == X -> T;
skip_equal(_, L) -> L.

umerge_two(_, P, [], M) -> lists:reverse(P, M);
umerge_two(up, P, Q, M) -> umerge_up(P, Q, M);
umerge_two(down, P, Q, M) -> umerge_down(P, Q, M).

%% Runs without duplicates: of two equal heads, P's stays.
umerge_up(P, [H2 | T2], M) -> umerge_up_p(P, H2, T2, M).

umerge_up_p([H1 | T1], H2, T2, M) when H1 < H2 -> umerge_up_p(T1, H2, T2, [H1 | M]);
umerge_up_p([H1 | T1], H2, T2, M) when H1 == H2 -> umerge_up_p(T1, T2, [H1 | M]);
umerge_up_p([H1 | T1], H2, T2, M) -> umerge_up_q(H1, T1, T2, [H2 | M]);
umerge_up_p([], H2, T2, M) -> lists:reverse(T2, [H2 | M]).

umerge_up_q(H1, T1, [H2 | T2], M) when H1 < H2 -> umerge_up_p(T1, H2, T2, [H1 | M]);
umerge_up_q(H1, T1, [H2 | T2], M) when H1 == H2 -> umerge_up_p(T1, T2, [H1 | M]);
umerge_up_q(H1, T1, [H2 | T2], M) -> umerge_up_q(H1, T1, T2, [H2 | M]);
umerge_up_q(H1, T1, [], M) -> lists:reverse(T1, [H1 | M]).

%% Both heads went: the next of each.
umerge_up_p(T1, [H2 | T2], M) -> umerge_up_p(T1, H2, T2, M);
umerge_up_p(T1, [], M) -> lists:reverse(T1, M).

umerge_down(P, [H2 | T2], M) -> umerge_down_p(P, H2, T2, M).

umerge_down_p([H1 | T1], H2, T2, M) when H1 > H2 -> umerge_down_p(T1, H2, T2, [H1 | M]);
umerge_down_p([H1 | T1], H2, T2, M) when H1 == H2 -> umerge_down_p(T1, T2, [H1 | M]);
umerge_down_p([H1 | T1], H2, T2, M) -> umerge_down_q(H1, T1, T2, [H2 | M]);
umerge_down_p([], H2, T2, M) -> lists:reverse(T2, [H2 | M]).

umerge_down_q(H1, T1, [H2 | T2], M) when H1 > H2 -> umerge_down_p(T1, H2, T2, [H1 | M]);
umerge_down_q(H1, T1, [H2 | T2], M) when H1 == H2 -> umerge_down_p(T1, T2, [H1 | M]);
umerge_down_q(H1, T1, [H2 | T2], M) -> umerge_down_q(H1, T1, T2, [H2 | M]);
umerge_down_q(H1, T1, [], M) -> lists:reverse(T1, [H1 | M]).

umerge_down_p(T1, [H2 | T2], M) -> umerge_down_p(T1, H2, T2, M);
umerge_down_p(T1, [], M) -> lists:reverse(T1, M).

%% ---- usort/2 -----------------------------------------------------------------
%% A and B are equal when Fun(A, B) and Fun(B, A); the calls follow OTP's.

usort(Fun, [_] = L) when is_function(Fun, 2) -> L;
usort(Fun, [] = L) when is_function(Fun, 2) -> L;
usort(Fun, [X | L]) when is_function(Fun, 2) -> ufirst(Fun, X, L).

ufirst(Fun, X, [Y | L]) ->
    case Fun(X, Y) of
        true ->
            case Fun(Y, X) of
                true when L == [] -> [X];
                true -> ufirst(Fun, X, L);
                false -> uup(X, Y, Fun, L, [], [])
            end;
        false ->
            udown(Y, L, Fun, [X])
    end.

%% Strictly descending input so far: R is reversed (ascending) and Low its
%% last element. If all of it is, R is the answer.
udown(Low, [Z | L], Fun, R) ->
    case Fun(Low, Z) of
        true ->
            case Fun(Z, Low) of
                true -> udown(Low, L, Fun, R);
                false -> uup(Low, Z, Fun, L, [], [lists:reverse(R, [])])
            end;
        false ->
            udown(Z, L, Fun, [Low | R])
    end;
udown(Low, [], _, R) -> [Low | R].

uup(A, B, Fun, [Z | L], R, Runs) ->
    case uplace(A, B, Z, Fun) of
        same -> uup(A, B, Fun, L, R, Runs);
        top -> uup(B, Z, Fun, L, [A | R], Runs);
        below -> uup(Z, B, Fun, L, [A | R], Runs);
        outside when R == [] -> uup(A, B, Fun, L, [Z], Runs);
        outside -> uup_aside(A, B, Fun, L, R, Runs, Z)
    end;
uup(A, B, Fun, [], R, Runs) -> ufmerge_runs([[B, A | R] | Runs], [], down, false, Fun).

uup_aside(A, B, Fun, [Z | L], R, Runs, S) ->
    case uplace(A, B, Z, Fun) of
        same -> uup_aside(A, B, Fun, L, R, Runs, S);
        top -> uup_aside(B, Z, Fun, L, [A | R], Runs, S);
        below -> uup_aside(Z, B, Fun, L, [A | R], Runs, S);
        outside ->
            case Fun(S, Z) of
                true ->
                    case Fun(Z, S) of
                        true -> uup_aside(A, B, Fun, L, R, Runs, S);
                        false -> uup(S, Z, Fun, L, [], [[B, A | R] | Runs])
                    end;
                false ->
                    uup(Z, S, Fun, L, [], [[B, A | R] | Runs])
            end
    end;
uup_aside(A, B, Fun, [], R, Runs, S) -> ufmerge_runs([[S], [B, A | R] | Runs], [], down, false, Fun).

%% Where Z goes in a run ending A, B: equal to one of them, after B, between.
uplace(A, B, Z, Fun) ->
    case Fun(B, Z) of
        true ->
            case Fun(Z, B) of
                true -> same;
                false -> top
            end;
        false ->
            case Fun(A, Z) of
                true ->
                    case Fun(Z, A) of
                        true -> same;
                        false -> below
                    end;
                false ->
                    outside
            end
    end.

ufmerge_runs([P, Q | Rs], Acc, up, true, F) -> ufmerge_runs(Rs, [fumerge_up(P, Q, F, []) | Acc], up, true, F);
ufmerge_runs([P, Q | Rs], Acc, down, false, F) -> ufmerge_runs(Rs, [fumerge_down(Q, P, F, []) | Acc], down, false, F);
ufmerge_runs([R], [], up, _, _) -> R;
ufmerge_runs([R], Acc, Dir, First, F) -> ufmerge_runs([lists:reverse(R, []) | Acc], [], flip(Dir), not First, F);
ufmerge_runs([], Acc, Dir, First, F) -> ufmerge_runs(Acc, [], flip(Dir), not First, F).

%% umerge/3 onto M: P's head is pending; after one of P is taken (Last), an
%% equal head of Q (Fun(Q's head, Last)) is dropped.
fumerge_up([H1 | T1], Q, F, M) -> fum_p(H1, T1, Q, F, M).

fum_p(H1, T1, [H2 | T2], F, M) ->
    case F(H1, H2) of
        true -> fum_q(T1, H2, T2, F, [H1 | M], H1);
        false -> fum_p(H1, T1, T2, F, [H2 | M])
    end;
fum_p(H1, T1, [], _, M) -> lists:reverse(T1, [H1 | M]).

fum_q([H1 | T1], H2, T2, F, M, Last) ->
    case F(H1, H2) of
        true -> fum_q(T1, H2, T2, F, [H1 | M], H1);
        false ->
            case F(H2, Last) of
                true -> fum_p(H1, T1, T2, F, M);
                false -> fum_p(H1, T1, T2, F, [H2 | M])
            end
    end;
fum_q([], H2, T2, F, M, Last) ->
    case F(H2, Last) of
        true -> lists:reverse(T2, M);
        false -> lists:reverse(T2, [H2 | M])
    end.

%% rumerge/3 onto M (descending lists): Q's head is pending; when P's head
%% H1 is not above it (Fun(H1, H2)), H1 waits and the Q element held (QM) goes
%% first unless it equals H1 (Fun(QM, H1)), when it is dropped.
fumerge_down(P, [H2 | T2], F, M) -> frum_q(P, H2, T2, F, M).

frum_q([H1 | T1], H2, T2, F, M) ->
    case F(H1, H2) of
        true -> frum_p(H1, T1, T2, F, M, H2);
        false -> frum_q(T1, H2, T2, F, [H1 | M])
    end;
frum_q([], H2, T2, _, M) -> lists:reverse(T2, [H2 | M]).

frum_p(H1, T1, [H2 | T2], F, M, QM) ->
    case F(H1, H2) of
        true -> frum_p(H1, T1, T2, F, [QM | M], H2);
        false ->
            case F(QM, H1) of
                true -> frum_q(T1, H2, T2, F, [H1 | M]);
                false -> frum_q(T1, H2, T2, F, [H1, QM | M])
            end
    end;
frum_p(H1, T1, [], F, M, QM) ->
    case F(QM, H1) of
        true -> lists:reverse(T1, [H1 | M]);
        false -> lists:reverse(T1, [H1, QM | M])
    end.

%% ---- keysort/2 and ukeysort/2 --------------------------------------------------
%% keysort splits as sort/1 does, comparing keys, except that a descending
%% run takes only strictly smaller keys (so the sort is stable) and the
%% leading stretch it collects is one of tuples equal as a whole. Both kinds
%% of run give ties to the earlier run.

keysort(I, L) when is_integer(I), I > 0 ->
    case L of
        [] -> L;
        [_] -> L;
        [X, Y | T] ->
            EX = element(I, X),
            EY = element(I, Y),
            if
                EX =< EY ->
                    case T of
                        [] -> L;
                        [Z] ->
                            EZ = element(I, Z),
                            if
                                EY =< EZ -> L;
                                EX =< EZ -> [X, Z, Y];
                                true -> [Z, X, Y]
                            end;
                        _ when X == Y -> ksort_equal(I, Y, EY, T, [X]);
                        _ -> kup(I, X, EX, Y, EY, T, [], [])
                    end;
                true ->
                    case T of
                        [] -> [Y, X];
                        [Z] ->
                            EZ = element(I, Z),
                            if
                                EX =< EZ -> [Y, X | T];
                                EY =< EZ -> [Y, Z, X];
                                true -> [Z, Y, X]
                            end;
                        _ -> kdown(I, X, EX, Y, EY, T, [], [])
                    end
            end
    end.

ksort_equal(I, X, EX, [Y | L], R) when X == Y -> ksort_equal(I, Y, EX, L, [X | R]);
ksort_equal(I, X, EX, [Y | L], R) ->
    case element(I, Y) of
        EY when EX =< EY -> kup(I, X, EX, Y, EY, L, R, []);
        EY -> kdown(I, X, EX, Y, EY, L, R, [])
    end;
ksort_equal(_, X, _, [], R) -> lists:reverse(R, [X]).

kup(I, A, EA, B, EB, [Z | L], R, Runs) ->
    case element(I, Z) of
        EZ when EB =< EZ -> kup(I, B, EB, Z, EZ, L, [A | R], Runs);
        EZ when EA =< EZ -> kup(I, Z, EZ, B, EB, L, [A | R], Runs);
        _ when R == [] -> kup(I, A, EA, B, EB, L, [Z], Runs);
        EZ -> kup_aside(I, A, EA, B, EB, L, R, Runs, Z, EZ)
    end;
kup(I, A, _, B, _, [], R, Runs) -> kmerge_runs(I, [[B, A | R] | Runs], [], down, false).

kup_aside(I, A, EA, B, EB, [Z | L], R, Runs, S, ES) ->
    case element(I, Z) of
        EZ when EB =< EZ -> kup_aside(I, B, EB, Z, EZ, L, [A | R], Runs, S, ES);
        EZ when EA =< EZ -> kup_aside(I, Z, EZ, B, EB, L, [A | R], Runs, S, ES);
        EZ when ES =< EZ -> kup(I, S, ES, Z, EZ, L, [], [[B, A | R] | Runs]);
        EZ -> kup(I, Z, EZ, S, ES, L, [], [[B, A | R] | Runs])
    end;
kup_aside(I, A, _, B, _, [], R, Runs, S, _) -> kmerge_runs(I, [[S], [B, A | R] | Runs], [], down, false).

kdown(I, A, EA, B, EB, [Z | L], R, Runs) ->
    case element(I, Z) of
        EZ when EB > EZ -> kdown(I, B, EB, Z, EZ, L, [A | R], Runs);
        EZ when EA > EZ -> kdown(I, Z, EZ, B, EB, L, [A | R], Runs);
        _ when R == [] -> kdown(I, A, EA, B, EB, L, [Z], Runs);
        EZ -> kdown_aside(I, A, EA, B, EB, L, R, Runs, Z, EZ)
    end;
kdown(I, A, _, B, _, [], R, Runs) -> kmerge_runs(I, [[B, A | R] | Runs], [], up, false).

kdown_aside(I, A, EA, B, EB, [Z | L], R, Runs, S, ES) ->
    case element(I, Z) of
        EZ when EB > EZ -> kdown_aside(I, B, EB, Z, EZ, L, [A | R], Runs, S, ES);
        EZ when EA > EZ -> kdown_aside(I, Z, EZ, B, EB, L, [A | R], Runs, S, ES);
        EZ when ES > EZ -> kdown(I, S, ES, Z, EZ, L, [], [[B, A | R] | Runs]);
        EZ -> kdown(I, Z, EZ, S, ES, L, [], [[B, A | R] | Runs])
    end;
kdown_aside(I, A, _, B, _, [], R, Runs, S, _) -> kmerge_runs(I, [[S], [B, A | R] | Runs], [], up, false).

kmerge_runs(I, [A, B, C | Rs], Acc, up, true) -> kmerge_runs(I, Rs, [kmerge3_up(I, A, B, C) | Acc], up, true);
kmerge_runs(I, [A, B, C | Rs], Acc, up, false) -> kmerge_runs(I, Rs, [kmerge3_up(I, C, B, A) | Acc], up, false);
kmerge_runs(I, [A, B, C | Rs], Acc, down, true) -> kmerge_runs(I, Rs, [kmerge3_down(I, A, B, C) | Acc], down, true);
kmerge_runs(I, [A, B, C | Rs], Acc, down, false) -> kmerge_runs(I, Rs, [kmerge3_down(I, C, B, A) | Acc], down, false);
kmerge_runs(I, [P, Q | Rs], Acc, up, true) -> kmerge_runs(I, Rs, [kmerge_up(I, P, Q, []) | Acc], up, true);
kmerge_runs(I, [P, Q | Rs], Acc, up, false) -> kmerge_runs(I, Rs, [kmerge_up(I, Q, P, []) | Acc], up, false);
kmerge_runs(I, [P, Q | Rs], Acc, down, true) -> kmerge_runs(I, Rs, [kmerge_down(I, P, Q, []) | Acc], down, true);
kmerge_runs(I, [P, Q | Rs], Acc, down, false) -> kmerge_runs(I, Rs, [kmerge_down(I, Q, P, []) | Acc], down, false);
kmerge_runs(_, [R], [], up, _) -> R;
kmerge_runs(I, [R], Acc, Dir, First) -> kmerge_runs(I, [lists:reverse(R, []) | Acc], [], flip(Dir), not First);
kmerge_runs(I, [], Acc, Dir, First) -> kmerge_runs(I, Acc, [], flip(Dir), not First).

%% As merge_up/3 and merge_down/3; the waiting head's key travels along.
kmerge_up(I, P, [H2 | T2], M) -> kmerge_up_p(I, P, H2, element(I, H2), T2, M).

kmerge_up_p(I, [H1 | T1], H2, E2, T2, M) ->
    case element(I, H1) of
        E1 when E1 =< E2 -> kmerge_up_p(I, T1, H2, E2, T2, [H1 | M]);
        E1 -> kmerge_up_q(I, H1, E1, T1, T2, [H2 | M])
    end;
kmerge_up_p(_, [], H2, _, T2, M) -> lists:reverse(T2, [H2 | M]).

kmerge_up_q(I, H1, E1, T1, [H2 | T2], M) ->
    case element(I, H2) of
        E2 when E1 =< E2 -> kmerge_up_p(I, T1, H2, E2, T2, [H1 | M]);
        _ -> kmerge_up_q(I, H1, E1, T1, T2, [H2 | M])
    end;
kmerge_up_q(_, H1, _, T1, [], M) -> lists:reverse(T1, [H1 | M]).

kmerge_down(I, P, [H2 | T2], M) -> kmerge_down_p(I, P, H2, element(I, H2), T2, M).

%% merge3_up/3 and merge3_down/3 on keys; the keys of the heads travel along.
kmerge3_up(I, [H1 | T1], [H2 | T2], [H3 | T3]) ->
    kmerge3_up(I, H1, element(I, H1), T1, H2, element(I, H2), T2, H3, element(I, H3), T3, []).

kmerge3_up(I, H1, E1, T1, H2, E2, T2, H3, E3, T3, M) when E1 =< E2 ->
    if
        E1 =< E3 ->
            case T1 of
                [H | T] -> kmerge3_up(I, H, element(I, H), T, H2, E2, T2, H3, E3, T3, [H1 | M]);
                [] -> kmerge_up_q(I, H2, E2, T2, [H3 | T3], [H1 | M])
            end;
        true -> kmerge3_up_3(I, H1, E1, T1, H2, E2, T2, H3, T3, M)
    end;
kmerge3_up(I, H1, E1, T1, H2, E2, T2, H3, E3, T3, M) when E2 =< E3 ->
    case T2 of
        [H | T] -> kmerge3_up(I, H1, E1, T1, H, element(I, H), T, H3, E3, T3, [H2 | M]);
        [] -> kmerge_up_q(I, H1, E1, T1, [H3 | T3], [H2 | M])
    end;
kmerge3_up(I, H1, E1, T1, H2, E2, T2, H3, _, T3, M) ->
    kmerge3_up_3(I, H1, E1, T1, H2, E2, T2, H3, T3, M).

kmerge3_up_3(I, H1, E1, T1, H2, E2, T2, H3, T3, M) ->
    case T3 of
        [H | T] -> kmerge3_up(I, H1, E1, T1, H2, E2, T2, H, element(I, H), T, [H3 | M]);
        [] -> kmerge_up_q(I, H1, E1, T1, [H2 | T2], [H3 | M])
    end.

kmerge3_down(I, [H1 | T1], [H2 | T2], [H3 | T3]) ->
    kmerge3_down(I, H1, element(I, H1), T1, H2, element(I, H2), T2, H3, element(I, H3), T3, []).

kmerge3_down(I, H1, E1, T1, H2, E2, T2, H3, E3, T3, M) when E2 =< E3 ->
    if
        E1 =< E3 ->
            case T3 of
                [H | T] -> kmerge3_down(I, H1, E1, T1, H2, E2, T2, H, element(I, H), T, [H3 | M]);
                [] -> kmerge_down_p(I, [H1 | T1], H2, E2, T2, [H3 | M])
            end;
        true -> kmerge3_down_1(I, H1, T1, H2, E2, T2, H3, E3, T3, M)
    end;
kmerge3_down(I, H1, E1, T1, H2, E2, T2, H3, E3, T3, M) when E1 =< E2 ->
    case T2 of
        [H | T] -> kmerge3_down(I, H1, E1, T1, H, element(I, H), T, H3, E3, T3, [H2 | M]);
        [] -> kmerge_down_p(I, [H1 | T1], H3, E3, T3, [H2 | M])
    end;
kmerge3_down(I, H1, _, T1, H2, E2, T2, H3, E3, T3, M) ->
    kmerge3_down_1(I, H1, T1, H2, E2, T2, H3, E3, T3, M).

kmerge3_down_1(I, H1, T1, H2, E2, T2, H3, E3, T3, M) ->
    case T1 of
        [H | T] -> kmerge3_down(I, H, element(I, H), T, H2, E2, T2, H3, E3, T3, [H1 | M]);
        [] -> kmerge_down_p(I, [H2 | T2], H3, E3, T3, [H1 | M])
    end.

kmerge_down_p(I, [H1 | T1], H2, E2, T2, M) ->
    case element(I, H1) of
        E1 when E1 =< E2 -> kmerge_down_q(I, H1, E1, T1, T2, [H2 | M]);
        _ -> kmerge_down_p(I, T1, H2, E2, T2, [H1 | M])
    end;
kmerge_down_p(_, [], H2, _, T2, M) -> lists:reverse(T2, [H2 | M]).

kmerge_down_q(I, H1, E1, T1, [H2 | T2], M) ->
    case element(I, H2) of
        E2 when E1 =< E2 -> kmerge_down_q(I, H1, E1, T1, T2, [H2 | M]);
        E2 -> kmerge_down_p(I, T1, H2, E2, T2, [H1 | M])
    end;
kmerge_down_q(_, H1, _, T1, [], M) -> lists:reverse(T1, [H1 | M]).

%% The first tuple of each key stays, as in usort/1.
ukeysort(I, L) when is_integer(I), I > 0 ->
    case L of
        [] -> L;
        [_] -> L;
        [X, Y | T] -> ukrun(I, X, element(I, X), [Y | T], [])
    end.

ukrun(I, X, EX, [Y | T], Runs) ->
    case element(I, Y) of
        EY when EX < EY -> ukrun_up(I, EY, T, [Y, X], Runs);
        EY when EX > EY -> ukrun_down(I, EY, T, [Y, X], Runs);
        _ -> ukrun(I, X, EX, T, Runs)
    end;
ukrun(I, X, _, [], Runs) -> ukmerge_runs(I, [[X] | Runs], [], up, false).

ukrun_up(I, ETop, [Y | T], R, Runs) ->
    case element(I, Y) of
        EY when EY > ETop -> ukrun_up(I, EY, T, [Y | R], Runs);
        EY when EY == ETop -> ukrun_up(I, ETop, T, R, Runs);
        EY -> ukrun(I, Y, EY, T, [lists:reverse(R, []) | Runs])
    end;
ukrun_up(I, _, [], R, Runs) -> ukmerge_runs(I, [lists:reverse(R, []) | Runs], [], up, false).

ukrun_down(I, ETop, [Y | T], R, Runs) ->
    case element(I, Y) of
        EY when EY < ETop -> ukrun_down(I, EY, T, [Y | R], Runs);
        EY when EY == ETop -> ukrun_down(I, ETop, T, R, Runs);
        EY -> ukrun(I, Y, EY, T, [R | Runs])
    end;
ukrun_down(I, _, [], R, Runs) -> ukmerge_runs(I, [R | Runs], [], up, false).

ukmerge_runs(I, [P, Q | Rs], Acc, up, true) -> ukmerge_runs(I, Rs, [ukmerge_up(I, P, Q, []) | Acc], up, true);
ukmerge_runs(I, [P, Q | Rs], Acc, up, false) -> ukmerge_runs(I, Rs, [ukmerge_up(I, Q, P, []) | Acc], up, false);
ukmerge_runs(I, [P, Q | Rs], Acc, down, true) -> ukmerge_runs(I, Rs, [ukmerge_down(I, P, Q, []) | Acc], down, true);
ukmerge_runs(I, [P, Q | Rs], Acc, down, false) -> ukmerge_runs(I, Rs, [ukmerge_down(I, Q, P, []) | Acc], down, false);
ukmerge_runs(_, [R], [], up, _) -> R;
ukmerge_runs(I, [R], Acc, Dir, First) -> ukmerge_runs(I, [lists:reverse(R, []) | Acc], [], flip(Dir), not First);
ukmerge_runs(I, [], Acc, Dir, First) -> ukmerge_runs(I, Acc, [], flip(Dir), not First).

ukmerge_up(I, P, [H2 | T2], M) -> ukmerge_up_p(I, P, H2, element(I, H2), T2, M).

ukmerge_up_p(I, [H1 | T1], H2, E2, T2, M) ->
    case element(I, H1) of
        E1 when E1 < E2 -> ukmerge_up_p(I, T1, H2, E2, T2, [H1 | M]);
        E1 when E1 == E2 -> ukmerge_up_next(I, T1, T2, [H1 | M]);
        E1 -> ukmerge_up_q(I, H1, E1, T1, T2, [H2 | M])
    end;
ukmerge_up_p(_, [], H2, _, T2, M) -> lists:reverse(T2, [H2 | M]).

ukmerge_up_q(I, H1, E1, T1, [H2 | T2], M) ->
    case element(I, H2) of
        E2 when E1 < E2 -> ukmerge_up_p(I, T1, H2, E2, T2, [H1 | M]);
        E2 when E1 == E2 -> ukmerge_up_next(I, T1, T2, [H1 | M]);
        _ -> ukmerge_up_q(I, H1, E1, T1, T2, [H2 | M])
    end;
ukmerge_up_q(_, H1, _, T1, [], M) -> lists:reverse(T1, [H1 | M]).

ukmerge_up_next(I, T1, [H2 | T2], M) -> ukmerge_up_p(I, T1, H2, element(I, H2), T2, M);
ukmerge_up_next(_, T1, [], M) -> lists:reverse(T1, M).

ukmerge_down(I, P, [H2 | T2], M) -> ukmerge_down_p(I, P, H2, element(I, H2), T2, M).

ukmerge_down_p(I, [H1 | T1], H2, E2, T2, M) ->
    case element(I, H1) of
        E1 when E1 > E2 -> ukmerge_down_p(I, T1, H2, E2, T2, [H1 | M]);
        E1 when E1 == E2 -> ukmerge_down_next(I, T1, T2, [H1 | M]);
        E1 -> ukmerge_down_q(I, H1, E1, T1, T2, [H2 | M])
    end;
ukmerge_down_p(_, [], H2, _, T2, M) -> lists:reverse(T2, [H2 | M]).

ukmerge_down_q(I, H1, E1, T1, [H2 | T2], M) ->
    case element(I, H2) of
        E2 when E1 > E2 -> ukmerge_down_p(I, T1, H2, E2, T2, [H1 | M]);
        E2 when E1 == E2 -> ukmerge_down_next(I, T1, T2, [H1 | M]);
        _ -> ukmerge_down_q(I, H1, E1, T1, T2, [H2 | M])
    end;
ukmerge_down_q(_, H1, _, T1, [], M) -> lists:reverse(T1, [H1 | M]).

ukmerge_down_next(I, T1, [H2 | T2], M) -> ukmerge_down_p(I, T1, H2, element(I, H2), T2, M);
ukmerge_down_next(_, T1, [], M) -> lists:reverse(T1, M).

%% ---- merges ---------------------------------------------------------------------
%% These take whatever they are given: merge(T, []) is T even when T is no
%% list, and a bad tail fails where OTP's does.

merge(T1, []) -> T1;
merge(T1, [H2 | T2]) -> lists:reverse(merge2(T1, H2, T2, []), []).

%% P is read, H2 (of Q) waits.
merge2([H1 | T1], H2, T2, M) when H1 =< H2 -> merge2(T1, H2, T2, [H1 | M]);
merge2([H1 | T1], H2, T2, M) -> merge2_q(T1, H1, H2, T2, M);
merge2([], H2, T2, M) -> lists:reverse(T2, [H2 | M]).

%% H2 is smaller than H1, which waits, and goes out once the next of Q is read.
merge2_q(T1, H1, Out, [H2 | T2], M) when H1 =< H2 -> merge2(T1, H2, T2, [H1, Out | M]);
merge2_q(T1, H1, Out, [H2 | T2], M) -> merge2_q(T1, H1, H2, T2, [Out | M]);
merge2_q(T1, H1, Out, [], M) -> lists:reverse(T1, [H1, Out | M]).

rmerge(T1, []) -> T1;
rmerge(T1, [H2 | T2]) -> lists:reverse(rmerge2(T1, H2, T2, []), []).

rmerge2([H1 | T1], H2, T2, M) when H1 =< H2 -> rmerge2_q(T1, H1, H2, T2, M);
rmerge2([H1 | T1], H2, T2, M) -> rmerge2(T1, H2, T2, [H1 | M]);
rmerge2([], H2, T2, M) -> lists:reverse(T2, [H2 | M]).

rmerge2_q(T1, H1, Out, [H2 | T2], M) when H1 =< H2 -> rmerge2_q(T1, H1, H2, T2, [Out | M]);
rmerge2_q(T1, H1, Out, [H2 | T2], M) -> rmerge2(T1, H2, T2, [H1, Out | M]);
rmerge2_q(T1, H1, Out, [], M) -> lists:reverse(T1, [H1, Out | M]).

merge(Fun, T1, [H2 | T2]) when is_function(Fun, 2) ->
    lists:reverse(fmerge_up(T1, [H2 | T2], Fun, []), []);
merge(Fun, T1, []) when is_function(Fun, 2) ->
    T1.

rmerge(Fun, T1, [H2 | T2]) when is_function(Fun, 2) ->
    lists:reverse(fmerge_down(T1, [H2 | T2], Fun, []), []);
rmerge(Fun, T1, []) when is_function(Fun, 2) ->
    T1.

merge3(L1, [], L3) -> merge(L1, L3);
merge3(L1, L2, []) -> merge(L1, L2);
merge3(L1, [H2 | T2], [H3 | T3]) -> lists:reverse(merge3_acc(L1, [H2 | T2], [H3 | T3], []), []).

%% The smallest of the three heads, the earliest list winning ties.
merge3_acc([H1 | T1] = L1, [H2 | T2] = L2, [H3 | T3] = L3, M) ->
    if
        H1 =< H2, H1 =< H3 -> merge3_acc(T1, L2, L3, [H1 | M]);
        H1 =< H2 -> merge3_acc(L1, L2, T3, [H3 | M]);
        H2 =< H3 -> merge3_acc(L1, T2, L3, [H2 | M]);
        true -> merge3_acc(L1, L2, T3, [H3 | M])
    end;
merge3_acc([], L2, [H3 | T3], M) -> merge2(L2, H3, T3, M);
merge3_acc(L1, [], [H3 | T3], M) -> merge2(L1, H3, T3, M);
merge3_acc(L1, [H2 | T2], [], M) -> merge2(L1, H2, T2, M).

rmerge3(L1, [], L3) -> rmerge(L1, L3);
rmerge3(L1, L2, []) -> rmerge(L1, L2);
rmerge3(L1, [H2 | T2], [H3 | T3]) -> lists:reverse(rmerge3_acc(L1, [H2 | T2], [H3 | T3], []), []).

%% The largest of the three heads, the latest list winning ties.
rmerge3_acc([H1 | T1] = L1, [H2 | T2] = L2, [H3 | T3] = L3, M) ->
    if
        H3 >= H2, H3 >= H1 -> rmerge3_acc(L1, L2, T3, [H3 | M]);
        H2 >= H1 -> rmerge3_acc(L1, T2, L3, [H2 | M]);
        true -> rmerge3_acc(T1, L2, L3, [H1 | M])
    end;
rmerge3_acc([], L2, [H3 | T3], M) -> rmerge2(L2, H3, T3, M);
rmerge3_acc(L1, [], [H3 | T3], M) -> rmerge2(L1, H3, T3, M);
rmerge3_acc(L1, [H2 | T2], [], M) -> rmerge2(L1, H2, T2, M).

%% merge/1 merges in OTP's order: three lists at a time, the result
%% descending, then three of those the other way, and so on.
merge(L) -> mergel(L, []).

mergel([[] | L], Acc) -> mergel(L, Acc);
mergel([T1, [H2 | T2], [H3 | T3] | L], Acc) ->
    mergel(L, [merge3_acc(T1, [H2 | T2], [H3 | T3], []) | Acc]);
mergel([T1, [H2 | T2]], Acc) -> rmergel([merge2(T1, H2, T2, []) | Acc], []);
mergel([L], []) -> L;
mergel([L], Acc) -> rmergel([lists:reverse(L, []) | Acc], []);
mergel([], []) -> [];
mergel([], Acc) -> rmergel(Acc, []);
mergel([A, [] | L], Acc) -> mergel([A | L], Acc);
mergel([A, B, [] | L], Acc) -> mergel([A, B | L], Acc).

rmergel([[H3 | T3], [H2 | T2], T1 | L], Acc) ->
    rmergel(L, [rmerge3_acc(T1, [H2 | T2], [H3 | T3], []) | Acc]);
rmergel([[H2 | T2], T1], Acc) -> mergel([rmerge2(T1, H2, T2, []) | Acc], []);
rmergel([L], Acc) -> mergel([lists:reverse(L, []) | Acc], []);
rmergel([], Acc) -> mergel(Acc, []).

%% umerge/2: P pending, then Q's head pending after an element of P (Last)
%% went out; a head of Q equal to Last is dropped.
umerge([], T2) -> T2;
umerge([H1 | T1], T2) -> lists:reverse(um_p(T1, T2, [], H1), []).

um_p(T1, [H2 | T2], M, H1) when H1 =< H2 -> um_q(T1, T2, [H1 | M], H1, H2);
um_p(T1, [H2 | T2], M, H1) -> um_p(T1, T2, [H2 | M], H1);
um_p(T1, [], M, H1) -> lists:reverse(T1, [H1 | M]).

um_q([H1 | T1], T2, M, _, H2) when H1 =< H2 -> um_q(T1, T2, [H1 | M], H1, H2);
um_q([H1 | T1], T2, M, Last, H2) when H2 == Last -> um_p(T1, T2, M, H1);
um_q([H1 | T1], T2, M, _, H2) -> um_p(T1, T2, [H2 | M], H1);
um_q([], T2, M, Last, H2) when H2 == Last -> lists:reverse(T2, M);
um_q([], T2, M, _, H2) -> lists:reverse(T2, [H2 | M]).

%% rumerge/2 (descending): Q's head pending; when P's head H1 is not above
%% it, H1 waits and the held Q element goes out first unless equal to H1.
rumerge(T1, []) -> T1;
rumerge(T1, [H2 | T2]) -> lists:reverse(rum_q(T1, T2, [], H2), []).

rum_q([H1 | T1], T2, M, H2) when H1 =< H2 -> rum_p(T1, T2, M, H2, H1);
rum_q([H1 | T1], T2, M, H2) -> rum_q(T1, T2, [H1 | M], H2);
rum_q([], T2, M, H2) -> lists:reverse(T2, [H2 | M]).

rum_p(T1, [H2 | T2], M, Held, H1) when H1 =< H2 -> rum_p(T1, T2, [Held | M], H2, H1);
rum_p(T1, [H2 | T2], M, Held, H1) when H1 == Held -> rum_q(T1, T2, [H1 | M], H2);
rum_p(T1, [H2 | T2], M, Held, H1) -> rum_q(T1, T2, [H1, Held | M], H2);
rum_p(T1, [], M, Held, H1) when H1 == Held -> lists:reverse(T1, [H1 | M]);
rum_p(T1, [], M, Held, H1) -> lists:reverse(T1, [H1, Held | M]).

umerge(Fun, [], T2) when is_function(Fun, 2) -> T2;
umerge(Fun, [H1 | T1], T2) when is_function(Fun, 2) -> lists:reverse(fum_p(H1, T1, T2, Fun, []), []).

rumerge(Fun, T1, []) when is_function(Fun, 2) -> T1;
rumerge(Fun, T1, [H2 | T2]) when is_function(Fun, 2) -> lists:reverse(frum_q(T1, H2, T2, Fun, []), []).

%% umerge3/3 and rumerge3/3 read the three lists as OTP's do, so that a bad
%% tail fails the same way. Last is the element that went out last; a head
%% of the second or third list equal to it is dropped. It starts as a term
%% ([H2 | H3]) that equals neither head.
umerge3(L1, [], L3) -> umerge(L1, L3);
umerge3(L1, L2, []) -> umerge(L1, L2);
umerge3(L1, [H2 | T2], [H3 | T3]) -> lists:reverse(um3_1(L1, [H2 | H3], T2, H2, [], T3, H3), []).

%% Reading the first list; H2 and H3 wait.
um3_1([H1 | T1], Last, T2, H2, M, T3, H3) when H1 =< H2 -> um3_le(T1, H1, T2, H2, M, T3, H3, Last);
um3_1([H1 | T1], Last, T2, H2, M, T3, H3) when H2 == Last -> um3_2(T1, H1, T2, H2, M, T3, H3);
um3_1([H1 | T1], Last, T2, H2, M, T3, H3) -> um3_gt(T1, H1, T2, H2, M, T3, H3, Last);
um3_1([], Last, T2, H2, M, T3, H3) when H2 == Last -> um_q(T2, T3, M, Last, H3);
um3_1([], _, T2, H2, M, T3, H3) when H2 =< H3 -> um_q(T2, T3, [H2 | M], H2, H3);
um3_1([], Last, T2, H2, M, T3, H3) when H3 == Last -> um_p(T2, T3, M, H2);
um3_1([], _, T2, H2, M, T3, H3) -> um_p(T2, T3, [H3 | M], H2).

%% Reading the second list; H1 and H3 wait.
um3_2(T1, H1, [H2 | T2], Last, M, T3, H3) when H1 =< H2 -> um3_le(T1, H1, T2, H2, M, T3, H3, Last);
um3_2(T1, H1, [H2 | T2], Last, M, T3, H3) -> um3_gt(T1, H1, T2, H2, M, T3, H3, Last);
um3_2(T1, H1, [], _, M, T3, H3) when H1 =< H3 -> um_q(T1, T3, [H1 | M], H1, H3);
um3_2(T1, H1, [], Last, M, T3, H3) when H3 == Last -> um_p(T1, T3, M, H1);
um3_2(T1, H1, [], _, M, T3, H3) -> um_p(T1, T3, [H3 | M], H1).

%% H1 =< H2: H1 goes out unless H3 is smaller.
um3_le(T1, H1, T2, H2, M, T3, H3, _) when H1 =< H3 -> um3_1(T1, H1, T2, H2, [H1 | M], T3, H3);
um3_le(T1, H1, T2, H2, M, T3, H3, Last) when H3 == Last -> um3_le3(T1, H1, T2, H2, M, T3);
um3_le(T1, H1, T2, H2, M, T3, H3, _) -> um3_le3(T1, H1, T2, H2, [H3 | M], T3).

%% H1 =< H2, reading the third list while it is below H1.
um3_le3(T1, H1, T2, H2, M, [H3 | T3]) when H1 =< H3 -> um3_1(T1, H1, T2, H2, [H1 | M], T3, H3);
um3_le3(T1, H1, T2, H2, M, [H3 | T3]) -> um3_le3(T1, H1, T2, H2, [H3 | M], T3);
um3_le3(T1, H1, T2, H2, M, []) -> um_q(T1, T2, [H1 | M], H1, H2).

%% H1 > H2: H2 goes out unless H3 is smaller.
um3_gt(T1, H1, T2, H2, M, T3, H3, _) when H2 =< H3 -> um3_2(T1, H1, T2, H2, [H2 | M], T3, H3);
um3_gt(T1, H1, T2, H2, M, T3, H3, Last) when H3 == Last -> um3_gt3(T1, H1, T2, H2, M, T3);
um3_gt(T1, H1, T2, H2, M, T3, H3, _) -> um3_gt3(T1, H1, T2, H2, [H3 | M], T3).

um3_gt3(T1, H1, T2, H2, M, [H3 | T3]) when H2 =< H3 -> um3_2(T1, H1, T2, H2, [H2 | M], T3, H3);
um3_gt3(T1, H1, T2, H2, M, [H3 | T3]) -> um3_gt3(T1, H1, T2, H2, [H3 | M], T3);
um3_gt3(T1, H1, T2, H2, M, []) -> um_p(T1, T2, [H2 | M], H1).

%% Descending lists. A head that is not above the next of another list is
%% held (Held) until it is known to go out; one equal to an element of an
%% earlier list is dropped.
rumerge3(L1, [], L3) -> rumerge(L1, L3);
rumerge3(L1, L2, []) -> rumerge(L1, L2);
rumerge3(L1, [H2 | T2], [H3 | T3]) -> lists:reverse(rum3_1(L1, T2, H2, [], T3, H3), []).

%% Reading the first list; H2 and H3 wait.
rum3_1([H1 | T1], T2, H2, M, T3, H3) when H1 =< H2, H2 =< H3 -> rum3_le3(T1, T2, H2, M, T3, H3, H1);
rum3_1([H1 | T1], T2, H2, M, T3, H3) when H1 =< H2 -> rum3_2(T1, T2, H2, M, T3, H3, H1);
rum3_1([H1 | T1], T2, H2, M, T3, H3) when H1 =< H3 -> rum3_gt3(T1, T2, H2, M, T3, H3, H1);
rum3_1([H1 | T1], T2, H2, M, T3, H3) -> rum3_1(T1, T2, H2, [H1 | M], T3, H3);
rum3_1([], T2, H2, M, T3, H3) when H2 =< H3 -> rum_p(T2, T3, M, H3, H2);
rum3_1([], T2, H2, M, T3, H3) -> rum_q(T2, T3, [H2 | M], H3).

%% Reading the second list; H1 waits, Held (of the second list) is above it
%% and above H3.
rum3_2(T1, [H2 | T2], Held, M, T3, H3, H1) when H1 =< H2, H2 =< H3 -> rum3_le3(T1, T2, H2, [Held | M], T3, H3, H1);
rum3_2(T1, [H2 | T2], Held, M, T3, H3, H1) when H1 =< H2 -> rum3_2(T1, T2, H2, [Held | M], T3, H3, H1);
rum3_2(T1, [H2 | T2], Held, M, T3, H3, H1) when H1 == Held -> rum3_1(T1, T2, H2, [H1 | M], T3, H3);
rum3_2(T1, [H2 | T2], Held, M, T3, H3, H1) when H1 =< H3 -> rum3_gt3(T1, T2, H2, [Held | M], T3, H3, H1);
rum3_2(T1, [H2 | T2], Held, M, T3, H3, H1) -> rum3_1(T1, T2, H2, [H1, Held | M], T3, H3);
rum3_2(T1, [], Held, M, T3, H3, H1) when H1 == Held -> rum_q(T1, T3, [H1 | M], H3);
rum3_2(T1, [], Held, M, T3, H3, H1) when H1 =< H3 -> rum_p(T1, T3, [Held | M], H3, H1);
rum3_2(T1, [], Held, M, T3, H3, H1) -> rum_q(T1, T3, [H1, Held | M], H3).

%% H1 =< H2 =< Held (of the third list): reading the third list.
rum3_le3(T1, T2, H2, M, [H3 | T3], Held, H1) when H2 =< H3 -> rum3_le3(T1, T2, H2, [Held | M], T3, H3, H1);
rum3_le3(T1, T2, H2, M, [H3 | T3], Held, H1) when H2 == Held -> rum3_2(T1, T2, H2, M, T3, H3, H1);
rum3_le3(T1, T2, H2, M, [H3 | T3], Held, H1) -> rum3_2(T1, T2, H2, [Held | M], T3, H3, H1);
rum3_le3(T1, T2, H2, M, [], Held, H1) when H2 == Held -> rum_p(T1, T2, M, H2, H1);
rum3_le3(T1, T2, H2, M, [], Held, H1) -> rum_p(T1, T2, [Held | M], H2, H1).

%% H2 < H1 =< Held (of the third list): reading the third list.
rum3_gt3(T1, T2, H2, M, [H3 | T3], Held, H1) when H1 =< H3 -> rum3_gt3(T1, T2, H2, [Held | M], T3, H3, H1);
rum3_gt3(T1, T2, H2, M, [H3 | T3], Held, H1) when H1 == Held -> rum3_1(T1, T2, H2, [H1 | M], T3, H3);
rum3_gt3(T1, T2, H2, M, [H3 | T3], Held, H1) -> rum3_1(T1, T2, H2, [H1, Held | M], T3, H3);
rum3_gt3(T1, T2, H2, M, [], Held, H1) when H1 == Held -> rum_q(T1, T2, [H1 | M], H2);
rum3_gt3(T1, T2, H2, M, [], Held, H1) -> rum_q(T1, T2, [H1, Held | M], H2).

%% umerge/1 merges in OTP's order, as merge/1 does.
umerge(L) -> umergel(L, []).

umergel([[] | L], Acc) -> umergel(L, Acc);
umergel([T1, [H2 | T2], [H3 | T3] | L], Acc) ->
    umergel(L, [um3_1(T1, [H2 | H3], T2, H2, [], T3, H3) | Acc]);
umergel([A, [] | L], Acc) -> umergel([A | L], Acc);
umergel([A, B, [] | L], Acc) -> umergel([A, B | L], Acc);
umergel([[H1 | T1], T2 | L], Acc) -> umergel(L, [um_p(T1, T2, [], H1) | Acc]);
umergel([L], []) -> L;
umergel([L], Acc) -> rumergel([lists:reverse(L, []) | Acc], []);
umergel([], []) -> [];
umergel([], Acc) -> rumergel(Acc, []).

rumergel([[H3 | T3], [H2 | T2], T1 | L], Acc) -> rumergel(L, [rum3_1(T1, T2, H2, [], T3, H3) | Acc]);
rumergel([[H2 | T2], T1 | L], Acc) -> rumergel(L, [rum_q(T1, T2, [], H2) | Acc]);
rumergel([L], Acc) -> umergel([lists:reverse(L, []) | Acc], []);
rumergel([], Acc) -> umergel(Acc, []).

%% ---- key merges ---------------------------------------------------------------

keymerge(Index, T1, L2) when is_integer(Index), Index > 0 ->
    case L2 of
        [] -> T1;
        [H2 | T2] -> lists:reverse(km(Index, T1, element(Index, H2), H2, T2, []), [])
    end.

km(I, [H1 | T1], E2, H2, T2, M) ->
    case element(I, H1) of
        E1 when E1 =< E2 -> km(I, T1, E2, H2, T2, [H1 | M]);
        E1 -> km_q(I, T1, E1, H1, H2, T2, M)
    end;
km(_, [], _, H2, T2, M) -> lists:reverse(T2, [H2 | M]).

km_q(I, T1, E1, H1, Out, [H2 | T2], M) ->
    case element(I, H2) of
        E2 when E1 =< E2 -> km(I, T1, E2, H2, T2, [H1, Out | M]);
        _ -> km_q(I, T1, E1, H1, H2, T2, [Out | M])
    end;
km_q(_, T1, _, H1, Out, [], M) -> lists:reverse(T1, [H1, Out | M]).

rkeymerge(Index, T1, L2) when is_integer(Index), Index > 0 ->
    case L2 of
        [] -> T1;
        [H2 | T2] -> lists:reverse(rkm(Index, T1, element(Index, H2), H2, T2, []), [])
    end.

rkm(I, [H1 | T1], E2, H2, T2, M) ->
    case element(I, H1) of
        E1 when E1 =< E2 -> rkm_q(I, T1, E1, H1, H2, T2, M);
        _ -> rkm(I, T1, E2, H2, T2, [H1 | M])
    end;
rkm(_, [], _, H2, T2, M) -> lists:reverse(T2, [H2 | M]).

rkm_q(I, T1, E1, H1, Out, [H2 | T2], M) ->
    case element(I, H2) of
        E2 when E1 =< E2 -> rkm_q(I, T1, E1, H1, H2, T2, [Out | M]);
        E2 -> rkm(I, T1, E2, H2, T2, [H1, Out | M])
    end;
rkm_q(_, T1, _, H1, Out, [], M) -> lists:reverse(T1, [H1, Out | M]).

ukeymerge(Index, L1, T2) when is_integer(Index), Index > 0 ->
    case L1 of
        [] -> T2;
        [H1 | T1] -> lists:reverse(ukm_p(Index, T1, element(Index, H1), H1, T2, []), [])
    end.

ukm_p(I, T1, E1, H1, [H2 | T2], M) ->
    case element(I, H2) of
        E2 when E1 =< E2 -> ukm_q(I, T1, E2, E1, T2, [H1 | M], H2);
        _ -> ukm_p(I, T1, E1, H1, T2, [H2 | M])
    end;
ukm_p(_, T1, _, H1, [], M) -> lists:reverse(T1, [H1 | M]).

ukm_q(I, [H1 | T1], E2, Last, T2, M, H2) ->
    case element(I, H1) of
        E1 when E1 =< E2 -> ukm_q(I, T1, E2, E1, T2, [H1 | M], H2);
        E1 when E2 == Last -> ukm_p(I, T1, E1, H1, T2, M);
        E1 -> ukm_p(I, T1, E1, H1, T2, [H2 | M])
    end;
ukm_q(_, [], E2, Last, T2, M, _) when E2 == Last -> lists:reverse(T2, M);
ukm_q(_, [], _, _, T2, M, H2) -> lists:reverse(T2, [H2 | M]).

rukeymerge(Index, T1, L2) when is_integer(Index), Index > 0 ->
    case L2 of
        [] -> T1;
        [H2 | T2] -> lists:reverse(rukm_q(Index, T1, element(Index, H2), T2, [], H2), [])
    end.

rukm_q(I, [H1 | T1], E2, T2, M, H2) ->
    case element(I, H1) of
        E1 when E1 =< E2 -> rukm_p(I, T1, E1, T2, M, E2, H2, H1);
        _ -> rukm_q(I, T1, E2, T2, [H1 | M], H2)
    end;
rukm_q(_, [], _, T2, M, H2) -> lists:reverse(T2, [H2 | M]).

rukm_p(I, T1, E1, [H2 | T2], M, EHeld, Held, H1) ->
    case element(I, H2) of
        E2 when E1 =< E2 -> rukm_p(I, T1, E1, T2, [Held | M], E2, H2, H1);
        E2 when E1 == EHeld -> rukm_q(I, T1, E2, T2, [H1 | M], H2);
        E2 -> rukm_q(I, T1, E2, T2, [H1, Held | M], H2)
    end;
rukm_p(_, T1, E1, [], M, EHeld, _, H1) when E1 == EHeld -> lists:reverse(T1, [H1 | M]);
rukm_p(_, T1, _, [], M, _, Held, H1) -> lists:reverse(T1, [H1, Held | M]).
