-module(map_basic).
-export([main/0]).
-include("test.hrl").

%% Small (flat) maps: building, updating, matching, printing, key order
%% (integers before floats), and the map BIFs.

get_ab(#{a := A, b := B}) -> {A, B};
get_ab(#{a := A}) -> {only_a, A};
get_ab(_) -> none.

classify(M) when is_map_key(x, M) -> has_x;
classify(M) when map_size(M) > 2 -> big;
classify(#{}) -> small_map;
classify(_) -> not_a_map.

main() ->
    E = ?ID(#{}),
    erlang:display(E),
    M1 = E#{b => 2, a => 1},
    erlang:display(M1),
    erlang:display(M1#{a := 10}),
    erlang:display(M1#{c => 3, a => 0}),
    erlang:display(?ID(#{1 => int, 1.0 => float, -1 => neg, 0.5 => half, 2 => two})),
    erlang:display(?ID(#{{a, 1} => t, [1, 2] => l, <<"bin">> => b, atom => a, "str" => s, 1 => i})),
    erlang:display(map_size(M1)),
    erlang:display({is_map_key(a, M1), is_map_key(z, M1), map_get(b, M1)}),
    erlang:display({get_ab(M1), get_ab(#{a => x}), get_ab(#{c => 1}), get_ab(foo)}),
    erlang:display([classify(X) || X <- [#{x => 1}, #{1 => 1, 2 => 2, 3 => 3}, #{}, 7]]),
    case ?ID(#{k => v, n => 1}) of
        #{k := V, n := N} when N > 0 -> erlang:display({matched, V, N})
    end,
    Key = ?ID(dyn),
    M2 = #{Key => 1, {Key} => 2},
    #{Key := One, {Key} := Two} = M2,
    erlang:display({One, Two, M2}),
    erlang:display({maps:find(a, M1), maps:find(z, M1)}),
    erlang:display({maps:take(a, M1), maps:take(z, M1)}),
    erlang:display({maps:remove(a, M1), maps:remove(z, M1)}),
    erlang:display({maps:put(c, 3, M1), maps:update(a, 9, M1)}),
    erlang:display({maps:keys(M1), maps:values(M1), maps:to_list(M1)}),
    erlang:display(maps:merge(#{a => 1, b => 2}, #{b => 3, c => 4})),
    erlang:display(maps:from_list([{b, 1}, {a, 2}, {b, 3}])),
    erlang:display(maps:from_keys([c, a, b, a], 0)),
    erlang:display(maps:get(a, M1)),
    erlang:display(maps:is_key(b, M1)),
    erlang:display(maps:iterator(M1)),
    erlang:display(maps:next(maps:iterator(M1))),
    erlang:display(maps:next(none)),
    erlang:display(erts_internal:map_next(0, M1, [])),
    erlang:display(erts_internal:map_next(2, M1, [acc])),
    erlang:display({M1 == #{a => 1.0, b => 2}, M1 =:= #{a => 1.0, b => 2}}),
    erlang:display({#{a => 1} < #{a => 2}, #{a => 1} < #{b => 0}, #{a => 1, b => 1} > #{c => 1},
                    #{1 => a} < #{1.0 => a}, #{} < [], {} < #{}}),
    erlang:display(erlang:phash2(#{a => 1, b => [1, 2], 3 => {x}})),
    erlang:display(term_to_binary(#{a => 1, 2 => <<"x">>, 1.5 => []})),
    erlang:display(binary_to_term(term_to_binary(M1)) =:= M1),
    erlang:display(binary_to_term(<<131, 116, 0, 0, 0, 2, 100, 0, 1, 98, 97, 1, 100, 0, 1, 97, 97, 2>>)),
    erlang:display(#{nested => #{deep => #{x => [1, 2, 3]}}}),
    ok.
