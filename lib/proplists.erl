%% proplists.erl — Ember's proplists module for the standalone boot: all of
%% OTP 25's proplists. An entry is an atom A (short for {A, true}) or a tuple
%% whose first element is its key; anything else is kept but never matches.
%% Keys match exactly (=:=).
-module(proplists).

-export([append_values/2, compact/1, delete/2, expand/2, from_map/1,
         get_all_values/2, get_bool/2, get_keys/1, get_value/2, get_value/3,
         is_defined/2, lookup/2, lookup_all/2, normalize/2, property/1,
         property/2, split/2, substitute_aliases/2, substitute_negations/2,
         to_map/1, to_map/2, unfold/1]).

%% get_keys/1 orders keys as OTP's (first) sets did, by erlang:phash/2.
-compile({nowarn_deprecated_function, [{erlang, phash, 2}]}).

property({Key, true}) when is_atom(Key) -> Key;
property(Property) -> Property.

property(Key, true) when is_atom(Key) -> Key;
property(Key, Value) -> {Key, Value}.

unfold([P | Ps]) when is_atom(P) -> [{P, true} | unfold(Ps)];
unfold([P | Ps]) -> [P | unfold(Ps)];
unfold([]) -> [].

compact(List) -> [property(P) || P <- List].

%% is_key(P, Key): P is an entry with key Key.
-define(IS_KEY(P, Key), (is_atom(P) andalso P =:= Key) orelse
                        (tuple_size(P) >= 1 andalso element(1, P) =:= Key)).

lookup(Key, [P | Ps]) ->
    if
        is_atom(P), P =:= Key -> {Key, true};
        tuple_size(P) >= 1, element(1, P) =:= Key -> P;
        true -> lookup(Key, Ps)
    end;
lookup(_, []) -> none.

lookup_all(Key, [P | Ps]) ->
    if
        is_atom(P), P =:= Key -> [{Key, true} | lookup_all(Key, Ps)];
        tuple_size(P) >= 1, element(1, P) =:= Key -> [P | lookup_all(Key, Ps)];
        true -> lookup_all(Key, Ps)
    end;
lookup_all(_, []) -> [].

is_defined(Key, [P | Ps]) ->
    if
        ?IS_KEY(P, Key) -> true;
        true -> is_defined(Key, Ps)
    end;
is_defined(_, []) -> false.

get_value(Key, List) -> get_value(Key, List, undefined).

%% Only {Key, Value} gives a value: the first entry with the key decides,
%% and a longer tuple answers Default.
get_value(Key, [P | Ps], Default) ->
    if
        is_atom(P), P =:= Key -> true;
        tuple_size(P) >= 1, element(1, P) =:= Key ->
            case P of
                {_, Value} -> Value;
                _ -> Default
            end;
        true -> get_value(Key, Ps, Default)
    end;
get_value(_, [], Default) -> Default.

get_all_values(Key, [P | Ps]) ->
    if
        is_atom(P), P =:= Key -> [true | get_all_values(Key, Ps)];
        tuple_size(P) >= 1, element(1, P) =:= Key ->
            case P of
                {_, Value} -> [Value | get_all_values(Key, Ps)];
                _ -> get_all_values(Key, Ps)
            end;
        true -> get_all_values(Key, Ps)
    end;
get_all_values(_, []) -> [].

append_values(Key, [P | Ps]) ->
    if
        is_atom(P), P =:= Key -> [true | append_values(Key, Ps)];
        tuple_size(P) >= 1, element(1, P) =:= Key ->
            case P of
                {_, Value} when is_list(Value) -> Value ++ append_values(Key, Ps);
                {_, Value} -> [Value | append_values(Key, Ps)];
                _ -> append_values(Key, Ps)
            end;
        true -> append_values(Key, Ps)
    end;
append_values(_, []) -> [].

get_bool(Key, List) ->
    case lookup(Key, List) of
        {_, true} -> true;
        _ -> false
    end.

%% OTP gathers the keys in a hash set of the sets module's first version and
%% lists it; the keys come out in that set's order, reproduced here: by the
%% bucket erlang:phash/2 gives each key in a table of the set's final size,
%% and within a bucket in the order they were first seen.
get_keys(Ps) ->
    Keys = get_keys(Ps, #{}, []),
    {Slots, Split, Shift} = hash_set_shape(length(Keys)),
    Tagged = [{hash_slot(K, Slots, Split, Shift), K} || K <- Keys],
    [K || {_, K} <- lists:keysort(1, Tagged)].

get_keys([P | Ps], Seen, Acc) ->
    if
        is_atom(P) -> get_keys(Ps, Seen, P, Acc);
        tuple_size(P) >= 1 -> get_keys(Ps, Seen, element(1, P), Acc);
        true -> get_keys(Ps, Seen, Acc)
    end;
get_keys([], _, Acc) ->
    lists:reverse(Acc).

get_keys(Ps, Seen, Key, Acc) ->
    case Seen of
        #{Key := _} -> get_keys(Ps, Seen, Acc);
        #{} -> get_keys(Ps, Seen#{Key => true}, [Key | Acc])
    end.

%% The set starts with 16 buckets and splits one more bucket each time it
%% holds more than five keys per bucket, doubling its hash range (MaxN)
%% when all buckets of the old range are in use. Returns {MaxN, N, Bso}:
%% a hash above N belongs to the bucket Bso below it.
hash_set_shape(Size) -> hash_set_shape(Size, 16, 16, 8).

hash_set_shape(Size, N, MaxN, Bso) when Size > N * 5 ->
    if
        N =:= MaxN -> hash_set_shape(Size, N + 1, 2 * MaxN, 2 * Bso);
        true -> hash_set_shape(Size, N + 1, MaxN, Bso)
    end;
hash_set_shape(_, N, MaxN, Bso) ->
    {MaxN, N, Bso}.

hash_slot(Key, MaxN, N, Bso) ->
    case erlang:phash(Key, MaxN) of
        H when H > N -> H - Bso;
        H -> H
    end.

delete(Key, [P | Ps]) ->
    if
        ?IS_KEY(P, Key) -> delete(Key, Ps);
        true -> [P | delete(Key, Ps)]
    end;
delete(_, []) -> [].

substitute_aliases(As, Props) -> [substitute_aliases_1(As, P) || P <- Props].

substitute_aliases_1([{Key, Key1} | As], P) ->
    if
        is_atom(P), P =:= Key -> property(Key1, true);
        tuple_size(P) >= 1, element(1, P) =:= Key -> property(setelement(1, P, Key1));
        true -> substitute_aliases_1(As, P)
    end;
substitute_aliases_1([], P) -> P.

substitute_negations(As, Props) -> [substitute_negations_1(As, P) || P <- Props].

substitute_negations_1([{Key, Key1} | As], P) ->
    if
        is_atom(P), P =:= Key -> property(Key1, false);
        tuple_size(P) >= 1, element(1, P) =:= Key ->
            case P of
                {_, true} -> property(Key1, false);
                {_, false} -> property(Key1, true);
                _ -> property(Key1, true)
            end;
        true -> substitute_negations_1(As, P)
    end;
substitute_negations_1([], P) -> P.

%% Each expansion replaces the first entry with its key, if that entry is
%% the expanded property itself, and drops the later entries with the key;
%% expansions are tried in order, and of two for the same key in a row only
%% the first counts.
expand(Es, Ps) when is_list(Ps) ->
    Es1 = [{property(P), V} || {P, V} <- Es],
    flatten(expand_each(key_uniq(Es1), Ps)).

expand_each([{P, L} | Es], Ps) -> expand_each(Es, expand_one(P, L, Ps));
expand_each([], Ps) -> Ps.

expand_one(P, L, Ps) ->
    if
        is_atom(P) -> expand_at(P, P, L, Ps);
        tuple_size(P) >= 1 -> expand_at(element(1, P), P, L, Ps);
        true -> Ps
    end.

%% Entries that are no properties, such as expansions already made (lists),
%% are passed over.
expand_at(Key, P1, L, [P | Ps]) ->
    if
        is_atom(P), P =:= Key -> expand_found(Key, P1, P, L, Ps);
        tuple_size(P) >= 1, element(1, P) =:= Key -> expand_found(Key, P1, property(P), L, Ps);
        true -> [P | expand_at(Key, P1, L, Ps)]
    end;
expand_at(_, _, _, []) -> [].

expand_found(Key, P1, P, L, Ps) ->
    if
        P1 =:= P -> [L | delete(Key, Ps)];
        true -> [P | Ps]
    end.

key_uniq([{K, V} | Ps]) -> [{K, V} | key_uniq_1(K, Ps)];
key_uniq([]) -> [].

key_uniq_1(K, [{K1, V} | Ps]) ->
    if
        K =:= K1 -> key_uniq_1(K, Ps);
        true -> [{K1, V} | key_uniq_1(K1, Ps)]
    end;
key_uniq_1(_, []) -> [].

%% One level: the lists an expansion put in.
flatten([E | Es]) when is_list(E) -> E ++ flatten(Es);
flatten([E | Es]) -> [E | flatten(Es)];
flatten([]) -> [].

normalize(L, [{aliases, As} | Xs]) -> normalize(substitute_aliases(As, L), Xs);
normalize(L, [{expand, Es} | Xs]) -> normalize(expand(Es, L), Xs);
normalize(L, [{negations, Ns} | Xs]) -> normalize(substitute_negations(Ns, L), Xs);
normalize(L, []) -> compact(L).

split(List, Keys) ->
    {Store, Rest} = split(List, maps:from_list([{K, []} || K <- Keys]), []),
    {[lists:reverse(maps:get(K, Store)) || K <- Keys], lists:reverse(Rest)}.

split([P | Ps], Store, Rest) ->
    if
        is_atom(P) -> split_to(P, P, Ps, Store, Rest);
        tuple_size(P) >= 1 -> split_to(element(1, P), P, Ps, Store, Rest);
        true -> split(Ps, Store, [P | Rest])
    end;
split([], Store, Rest) ->
    {Store, Rest}.

split_to(Key, P, Ps, Store, Rest) ->
    case Store of
        #{Key := Ms} -> split(Ps, Store#{Key := [P | Ms]}, Rest);
        #{} -> split(Ps, Store, [P | Rest])
    end.

%% Built from the end, so the first entry with a key decides, as with
%% get_value/2: a tuple of another size hides later values of its key.
to_map(List) ->
    lists:foldr(fun
                    ({K, V}, M) -> M#{K => V};
                    (T, M) when 1 =< tuple_size(T) -> maps:remove(element(1, T), M);
                    (K, M) when is_atom(K) -> M#{K => true};
                    (_, M) -> M
                end, #{}, List).

to_map(List, Stages) -> to_map(apply_stages(List, Stages)).

apply_stages(L, [{aliases, As} | Xs]) -> apply_stages(substitute_aliases(As, L), Xs);
apply_stages(L, [{expand, Es} | Xs]) -> apply_stages(expand(Es, L), Xs);
apply_stages(L, [{negations, Ns} | Xs]) -> apply_stages(substitute_negations(Ns, L), Xs);
apply_stages(L, []) -> L.

from_map(Map) -> maps:to_list(Map).
