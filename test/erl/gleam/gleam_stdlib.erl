-module(gleam_stdlib).
%% The Erlang half of a Gleam-style standard library (what gleam_stdlib's
%% FFI module provides): printing, string and number conversions.
-export([print/1, println/1, inspect/1, parse_int/1, string_split/2, string_length/1,
         string_pop_grapheme/1, lowercase/1, uppercase/1, trim/1, float_to_string/1,
         map_get/2, identity/1]).

print(String) ->
    io:put_chars(String),
    nil.

println(String) ->
    io:put_chars([String, $\n]),
    nil.

inspect(Term) ->
    unicode:characters_to_binary(io_lib:format("~0p", [Term])).

parse_int(String) ->
    case catch binary_to_integer(String) of
        Int when is_integer(Int) -> {ok, Int};
        _ -> {error, nil}
    end.

string_split(String, Pattern) ->
    [unicode:characters_to_binary(Part) || Part <- string:split(String, Pattern, all)].

string_length(String) ->
    case string:length(String) of
        N when is_integer(N) -> N
    end.

string_pop_grapheme(String) ->
    case string:next_grapheme(String) of
        [Next | Rest] -> {ok, {unicode:characters_to_binary([Next]), unicode:characters_to_binary(Rest)}};
        _ -> {error, nil}
    end.

lowercase(String) -> unicode:characters_to_binary(string:lowercase(String)).
uppercase(String) -> unicode:characters_to_binary(string:uppercase(String)).
trim(String) -> unicode:characters_to_binary(string:trim(String)).

float_to_string(Float) ->
    erlang:iolist_to_binary(io_lib_format:fwrite_g(Float)).

map_get(Map, Key) ->
    case maps:find(Key, Map) of
        error -> {error, nil};
        OkFound -> OkFound
    end.

identity(X) -> X.
