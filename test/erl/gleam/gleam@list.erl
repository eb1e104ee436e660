-module(gleam@list).
-compile([no_auto_import, nowarn_unused_vars, nowarn_unused_function, nowarn_nomatch]).

-export([length/1, reverse/1, map/2, filter/2, fold/3, each/2, find/2, index_map/2,
         range/2, append/2, flatten/1, sort/2, try_map/2, group_count/2, take/2]).

-spec length(list(any())) -> integer().
length(List) ->
    erlang:length(List).

-spec reverse(list(I)) -> list(I).
reverse(Xs) ->
    lists:reverse(Xs).

-spec do_map(list(I), fun((I) -> K), list(K)) -> list(K).
do_map(List, Fun, Acc) ->
    case List of
        [] ->
            reverse(Acc);

        [X | Xs] ->
            do_map(Xs, Fun, [Fun(X) | Acc])
    end.

-spec map(list(I), fun((I) -> K)) -> list(K).
map(List, Fun) ->
    do_map(List, Fun, []).

-spec do_filter(list(I), fun((I) -> boolean()), list(I)) -> list(I).
do_filter(List, Fun, Acc) ->
    case List of
        [] ->
            reverse(Acc);

        [X | Xs] ->
            New_acc = case Fun(X) of
                true ->
                    [X | Acc];

                false ->
                    Acc
            end,
            do_filter(Xs, Fun, New_acc)
    end.

-spec filter(list(I), fun((I) -> boolean())) -> list(I).
filter(List, Predicate) ->
    do_filter(List, Predicate, []).

-spec fold(list(I), K, fun((K, I) -> K)) -> K.
fold(List, Initial, Fun) ->
    case List of
        [] ->
            Initial;

        [X | Rest] ->
            fold(Rest, Fun(Initial, X), Fun)
    end.

-spec each(list(I), fun((I) -> any())) -> nil.
each(List, F) ->
    case List of
        [] ->
            nil;

        [X | Xs] ->
            F(X),
            each(Xs, F)
    end.

-spec find(list(I), fun((I) -> boolean())) -> {ok, I} | {error, nil}.
find(Haystack, Is_desired) ->
    case Haystack of
        [] ->
            {error, nil};

        [X | Rest] ->
            case Is_desired(X) of
                true ->
                    {ok, X};

                _ ->
                    find(Rest, Is_desired)
            end
    end.

-spec do_index_map(list(I), fun((integer(), I) -> K), integer(), list(K)) -> list(K).
do_index_map(List, Fun, Index, Acc) ->
    case List of
        [] ->
            reverse(Acc);

        [X | Xs] ->
            Acc@1 = [Fun(Index, X) | Acc],
            do_index_map(Xs, Fun, Index + 1, Acc@1)
    end.

-spec index_map(list(I), fun((integer(), I) -> K)) -> list(K).
index_map(List, Fun) ->
    do_index_map(List, Fun, 0, []).

-spec range(integer(), integer()) -> list(integer()).
range(Start, Stop) ->
    tail_recursive_range(Start, Stop, []).

-spec tail_recursive_range(integer(), integer(), list(integer())) -> list(integer()).
tail_recursive_range(Start, Stop, Acc) ->
    case gleam@int:compare(Start, Stop) of
        eq ->
            [Stop | Acc];

        gt ->
            tail_recursive_range(Start, Stop + 1, [Stop | Acc]);

        lt ->
            tail_recursive_range(Start, Stop - 1, [Stop | Acc])
    end.

-spec append(list(I), list(I)) -> list(I).
append(First, Second) ->
    lists:append(First, Second).

-spec flatten(list(list(I))) -> list(I).
flatten(Lists) ->
    fold(reverse(Lists), [], fun(Acc, L) -> append(L, Acc) end).

-spec take(list(I), integer()) -> list(I).
take(List, N) ->
    do_take(List, N, []).

do_take(List, N, Acc) ->
    case N =< 0 of
        true ->
            reverse(Acc);

        false ->
            case List of
                [] ->
                    reverse(Acc);

                [First | Rest] ->
                    do_take(Rest, N - 1, [First | Acc])
            end
    end.

%% A merge sort as Gleam's list.sort is written: the compare function gives
%% lt | eq | gt.
-spec sort(list(I), fun((I, I) -> gleam@order:order())) -> list(I).
sort(List, Compare) ->
    case List of
        [] ->
            [];

        [X] ->
            [X];

        _ ->
            {Left, Right} = split_half(List, erlang:length(List) div 2, []),
            merge(sort(Left, Compare), sort(Right, Compare), Compare, [])
    end.

split_half(List, 0, Acc) ->
    {reverse(Acc), List};
split_half([X | Xs], N, Acc) ->
    split_half(Xs, N - 1, [X | Acc]).

merge(A, B, Compare, Acc) ->
    case {A, B} of
        {[], _} ->
            append(reverse(Acc), B);

        {_, []} ->
            append(reverse(Acc), A);

        {[Ax | Ar], [Bx | Br]} ->
            case Compare(Ax, Bx) of
                gt ->
                    merge(A, Br, Compare, [Bx | Acc]);

                _ ->
                    merge(Ar, B, Compare, [Ax | Acc])
            end
    end.

-spec try_map(list(I), fun((I) -> {ok, K} | {error, E})) -> {ok, list(K)} | {error, E}.
try_map(List, Fun) ->
    do_try_map(List, Fun, []).

do_try_map(List, Fun, Acc) ->
    case List of
        [] ->
            {ok, reverse(Acc)};

        [X | Xs] ->
            case Fun(X) of
                {ok, Y} ->
                    do_try_map(Xs, Fun, [Y | Acc]);

                {error, Error} ->
                    {error, Error}
            end
    end.

-spec group_count(list(I), fun((I) -> K)) -> gleam@dict:dict(K, integer()).
group_count(List, Key) ->
    fold(List, gleam@dict:new(), fun(Counts, X) ->
        K = Key(X),
        case gleam@dict:get(Counts, K) of
            {ok, N} ->
                gleam@dict:insert(Counts, K, N + 1);

            {error, nil} ->
                gleam@dict:insert(Counts, K, 1)
        end
    end).
