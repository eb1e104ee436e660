-module(gleam@int).
-compile([no_auto_import, nowarn_unused_vars, nowarn_unused_function, nowarn_nomatch]).

-export([to_string/1, parse/1, compare/2, sum/1, max/2, to_float/1]).

-spec to_string(integer()) -> binary().
to_string(X) ->
    erlang:integer_to_binary(X).

-spec parse(binary()) -> {ok, integer()} | {error, nil}.
parse(String) ->
    gleam_stdlib:parse_int(String).

-spec compare(integer(), integer()) -> gleam@order:order().
compare(A, B) ->
    case A =:= B of
        true ->
            eq;

        false ->
            case A < B of
                true ->
                    lt;

                false ->
                    gt
            end
    end.

-spec sum(list(integer())) -> integer().
sum(Numbers) ->
    _pipe = Numbers,
    gleam@list:fold(_pipe, 0, fun(Acc, X) -> Acc + X end).

-spec max(integer(), integer()) -> integer().
max(A, B) ->
    case A > B of
        true ->
            A;

        false ->
            B
    end.

-spec to_float(integer()) -> float().
to_float(X) ->
    erlang:float(X).
