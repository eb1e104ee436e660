-module(gleam@io).
-compile([no_auto_import, nowarn_unused_vars, nowarn_unused_function, nowarn_nomatch]).

-export([print/1, println/1, debug/1]).

-spec print(binary()) -> nil.
print(String) ->
    gleam_stdlib:print(String).

-spec println(binary()) -> nil.
println(String) ->
    gleam_stdlib:println(String).

-spec debug(I) -> I.
debug(Term) ->
    _pipe = Term,
    _pipe@1 = gleam_stdlib:inspect(_pipe),
    gleam_stdlib:println(_pipe@1),
    Term.
