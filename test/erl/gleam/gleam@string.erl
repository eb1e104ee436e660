-module(gleam@string).
-compile([no_auto_import, nowarn_unused_vars, nowarn_unused_function, nowarn_nomatch]).

-export([length/1, append/2, concat/1, join/2, split/2, uppercase/1, lowercase/1, trim/1,
         starts_with/2, pop_grapheme/1, repeat/2, pad_left/3, inspect/1]).

-spec length(binary()) -> integer().
length(String) ->
    gleam_stdlib:string_length(String).

-spec append(binary(), binary()) -> binary().
append(First, Second) ->
    <<First/binary, Second/binary>>.

-spec concat(list(binary())) -> binary().
concat(Strings) ->
    erlang:list_to_binary(Strings).

-spec join(list(binary()), binary()) -> binary().
join(Strings, Separator) ->
    do_join(Strings, Separator, <<""/utf8>>).

-spec do_join(list(binary()), binary(), binary()) -> binary().
do_join(Strings, Separator, Acc) ->
    case Strings of
        [] ->
            Acc;

        [Only] ->
            <<Acc/binary, Only/binary>>;

        [First | Rest] ->
            do_join(Rest, Separator, <<Acc/binary, First/binary, Separator/binary>>)
    end.

-spec split(binary(), binary()) -> list(binary()).
split(X, Substring) ->
    case Substring of
        <<""/utf8>> ->
            gleam@list:map(to_graphemes(X), fun gleam_stdlib:identity/1);

        _ ->
            gleam_stdlib:string_split(X, Substring)
    end.

-spec to_graphemes(binary()) -> list(binary()).
to_graphemes(String) ->
    case gleam_stdlib:string_pop_grapheme(String) of
        {ok, {Grapheme, Rest}} ->
            [Grapheme | to_graphemes(Rest)];

        {error, _} ->
            []
    end.

-spec uppercase(binary()) -> binary().
uppercase(String) ->
    gleam_stdlib:uppercase(String).

-spec lowercase(binary()) -> binary().
lowercase(String) ->
    gleam_stdlib:lowercase(String).

-spec trim(binary()) -> binary().
trim(String) ->
    gleam_stdlib:trim(String).

-spec starts_with(binary(), binary()) -> boolean().
starts_with(String, Prefix) ->
    Size = erlang:byte_size(Prefix),
    case String of
        <<Prefix:Size/binary, _/binary>> ->
            true;

        _ ->
            false
    end.

-spec pop_grapheme(binary()) -> {ok, {binary(), binary()}} | {error, nil}.
pop_grapheme(String) ->
    gleam_stdlib:string_pop_grapheme(String).

-spec repeat(binary(), integer()) -> binary().
repeat(String, Times) ->
    case Times of
        N when N =< 0 ->
            <<""/utf8>>;

        _ ->
            <<String/binary, (repeat(String, Times - 1))/binary>>
    end.

-spec pad_left(binary(), integer(), binary()) -> binary().
pad_left(String, To, With) ->
    Missing = To - gleam@string:length(String),
    <<(repeat(With, Missing))/binary, String/binary>>.

-spec inspect(any()) -> binary().
inspect(Term) ->
    gleam_stdlib:inspect(Term).
