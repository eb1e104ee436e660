-module(gleam@dict).
-compile([no_auto_import, nowarn_unused_vars, nowarn_unused_function, nowarn_nomatch]).

-export([new/0, insert/3, get/2, to_list/1, size/1]).
-export_type([dict/2]).

-type dict(K, V) :: #{K => V}.

-spec new() -> dict(any(), any()).
new() ->
    maps:new().

-spec insert(dict(K, V), K, V) -> dict(K, V).
insert(Dict, Key, Value) ->
    maps:put(Key, Value, Dict).

-spec get(dict(K, V), K) -> {ok, V} | {error, nil}.
get(From, Get) ->
    gleam_stdlib:map_get(From, Get).

-spec to_list(dict(K, V)) -> list({K, V}).
to_list(Dict) ->
    lists:sort(maps:to_list(Dict)).

-spec size(dict(any(), any())) -> integer().
size(Dict) ->
    maps:size(Dict).
