%% Boolean operators: and/or/xor/not (strict, badarg on non-booleans) versus
%% andalso/orelse (short-circuit), in guards and in bodies; guard sequences.
-module(guards_bool).
-export([main/0]).
-include("test.hrl").

main() ->
    Bs = [true, false],
    [erlang:display({A, B, ?ID(A) and ?ID(B), ?ID(A) or ?ID(B), ?ID(A) xor ?ID(B),
                     ?ID(A) andalso ?ID(B), ?ID(A) orelse ?ID(B), not ?ID(A)})
     || A <- Bs, B <- Bs],
    ?T(?ID(true) and ?ID(1)), ?T(?ID(1) or ?ID(true)), ?T(not ?ID(0)), ?T(?ID(a) xor ?ID(true)),
    ?T(?ID(false) andalso ?ID(1)), ?T(?ID(true) andalso ?ID(1)), ?T(?ID(true) orelse ?ID(1)),
    ?T(?ID(false) orelse ?ID(1)), ?T(?ID(1) andalso ?ID(true)), ?T(?ID(x) orelse ?ID(true)),
    ?T(erlang:'and'(?ID(true), ?ID(false))), ?T(erlang:'not'(?ID(false))),
    ?T(apply(erlang, 'or', [?ID(false), ?ID(x)])),
    [erlang:display({V, gs(?ID(V))}) || V <- [0, 1, 5, 10, 11, a, -1, 2.0, [], {x}]],
    [erlang:display({V, sc(?ID(V))}) || V <- [[], [1], [1, 2], a, {}, {1}]],
    [erlang:display({V, nested(?ID(V))}) || V <- [1, 2, 3, 4, 5, 6, a]],
    ?T(side(?ID(false)) andalso side(?ID(true))),
    ?T(side(?ID(true)) orelse side(?ID(false))),
    ?T(guard_raise(?ID(a))), ?T(guard_raise(?ID([]))), ?T(guard_raise(?ID([x]))),
    ?T(not_guard(?ID(false))), ?T(not_guard(?ID(true))), ?T(not_guard(?ID(z))).

%% A guard sequence (;) tries each guard; a raising guard only fails its part.
gs(X) when is_integer(X), X > 0, X < 10 -> small_positive;
gs(X) when X =:= 0; X =:= 10 -> boundary;
gs(X) when is_atom(X); is_list(X) -> atom_or_list;
gs(X) when element(1, X) =:= x; X > 10 -> tuple_x_or_big;
gs(_) -> other.

sc(X) when is_list(X) andalso length(X) > 1 -> long_list;
sc(X) when is_list(X) orelse is_tuple(X) andalso tuple_size(X) > 0 -> list_or_tuple;
sc(X) when not is_atom(X) -> not_atom;
sc(_) -> atom.

nested(X) when (X > 1 andalso X < 4) orelse (X =:= 5) -> in;
nested(X) when not (X > 1 andalso X < 4) andalso is_integer(X) -> out;
nested(_) -> none.

side(B) -> erlang:display({side, B}), B.

guard_raise(X) when hd(X) =:= x orelse X =:= [] -> matched;
guard_raise(_) -> fell_through.

not_guard(X) when not X -> was_false;
not_guard(X) when X -> was_true;
not_guard(_) -> not_boolean.
