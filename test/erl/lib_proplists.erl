%% The proplists module (Ember's own, lib/proplists.erl, in standalone mode):
%% every export with ordinary, edge and bad arguments, including get_keys/1
%% on key sets large enough to grow OTP's hash set several times.
-module(lib_proplists).
-export([main/0]).
-include("test.hrl").

main() ->
    L = ?ID([a, {b, 1}, {c, 2, 3}, {a, false}, d, {b, [x]}, "str", {}, 5, {{k}, v}, {1, one},
             {1.0, uno}, {'é', ü}]),
    Keys = [a, b, c, d, z, {k}, 1, 1.0, 'é', "str"],
    [?T({K, proplists:lookup(K, L), proplists:lookup_all(K, L), proplists:is_defined(K, L),
         proplists:get_value(K, L), proplists:get_value(K, L, def), proplists:get_all_values(K, L),
         proplists:append_values(K, L), proplists:get_bool(K, L), proplists:delete(K, L)})
     || K <- Keys],
    ?T(proplists:get_bool(a, [{a, true, x}])), ?T(proplists:get_bool(a, [{a, 1}])), ?T(proplists:get_bool(a, [])),
    ?T(proplists:get_value(a, [{a, 1, 2}, {a, 3}], def)), ?T(proplists:append_values(a, [{a, [1, 2]}, {a, 3}, a])),
    ?T(proplists:property({a, true})), ?T(proplists:property({a, 1})), ?T(proplists:property({"a", true})),
    ?T(proplists:property(x)), ?T(proplists:property(a, true)), ?T(proplists:property(a, false)),
    ?T(proplists:property("a", true)), ?T(proplists:property(a, [x])),
    ?T(proplists:unfold(L)), ?T(proplists:unfold([])), ?T(proplists:compact(proplists:unfold(L))),
    ?T(proplists:compact([{a, true}, {b, false}, {"c", true}])),
    ?T(proplists:get_keys(L)), ?T(proplists:get_keys([])), ?T(proplists:get_keys([c, b, a, {d, 1}, {z}, x, y])),
    [?T({N, proplists:get_keys(many(N))}) || N <- [15, 16, 80, 81, 90]],
    [?T({N, erlang:phash2(proplists:get_keys(many(N)))}) || N <- [170, 400, 2000]],
    ?T(proplists:substitute_aliases([{a, z}, {b, y}, {"s", t}], L)),
    ?T(proplists:substitute_aliases([{a, "z"}], [a, {a, true}])),
    ?T(proplists:substitute_negations([{a, no_a}, {c, no_c}], L)),
    ?T(proplists:substitute_negations([{a, no_a}], [a, {a, true}, {a, false}, {a, 5}, {a, 1, 2}])),
    ?T(proplists:expand([{a, [x, y]}, {{b, 1}, [bb]}, {{c, 2, 3}, [cc, {c, 9}]}], L)),
    ?T(proplists:expand([{{a, false}, [fa]}], L)), ?T(proplists:expand([{a, [first]}, {a, [second]}], L)),
    ?T(proplists:expand([{d, [dd]}, {e, [ee]}, {d, [again]}], [d, e, d, {d, true}])),
    ?T(proplists:expand([{"x", [y]}], ["x", a])), ?T(proplists:expand([], L)),
    ?T(proplists:normalize(L, [{aliases, [{a, aa}]}, {negations, [{d, nd}]}, {expand, [{{b, 1}, [b1]}]}])),
    ?T(proplists:normalize([{a, true}, b], [])),
    ?T(proplists:split(L, [a, b, z, 1.0])), ?T(proplists:split(L, [])), ?T(proplists:split([], [a])),
    ?T(proplists:split(L, [a, a])),
    ?T(proplists:to_map(L)), ?T(proplists:to_map([{a, 1}, {a, 2}, a, {a, 3, 4}, {b, 1, 2}, {b, 2}])),
    ?T(proplists:to_map(L, [{aliases, [{a, aa}]}, {negations, [{d, nd}]}, {expand, [{{b, 1}, [b1]}]}])),
    ?T(proplists:to_map([], [])),
    ?T(proplists:from_map(#{a => 1, b => 2})), ?T(proplists:from_map(#{})),
    bad().

many(N) ->
    [case I rem 4 of
         0 -> {I, x};
         1 -> {float(I), y};
         2 -> list_to_atom("a" ++ integer_to_list(I));
         3 -> {[I], z}
     end || I <- lists:seq(1, N)] ++ [{1, dup}, a6].

bad() ->
    [?T(F()) || F <- [fun() -> proplists:lookup(a, ?ID(x)) end, fun() -> proplists:lookup(z, ?ID([a | b])) end,
                      fun() -> proplists:lookup_all(a, ?ID(x)) end, fun() -> proplists:is_defined(a, ?ID(x)) end,
                      fun() -> proplists:get_value(a, ?ID(x)) end, fun() -> proplists:get_value(z, ?ID([a | b]), d) end,
                      fun() -> proplists:get_all_values(a, ?ID(x)) end, fun() -> proplists:append_values(a, ?ID(x)) end,
                      fun() -> proplists:get_bool(a, ?ID(x)) end, fun() -> proplists:get_keys(?ID(x)) end,
                      fun() -> proplists:delete(a, ?ID(x)) end, fun() -> proplists:unfold(?ID(x)) end,
                      fun() -> proplists:compact(?ID(x)) end, fun() -> proplists:substitute_aliases(?ID(x), [a]) end,
                      fun() -> proplists:substitute_aliases([x], [a]) end, fun() -> proplists:substitute_negations([], ?ID(x)) end,
                      fun() -> proplists:expand([], ?ID(x)) end, fun() -> proplists:expand(?ID(x), []) end,
                      fun() -> proplists:expand([x], [a]) end, fun() -> proplists:normalize([], [bad]) end,
                      fun() -> proplists:normalize(?ID(x), []) end, fun() -> proplists:split(?ID(x), [a]) end,
                      fun() -> proplists:split([a], ?ID(x)) end, fun() -> proplists:to_map(?ID(x)) end,
                      fun() -> proplists:to_map([a], [bad]) end, fun() -> proplists:from_map(?ID(x)) end]].
