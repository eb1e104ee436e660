%% ETS match specifications through OTP's own ets.beam: many specs on all
%% four table types, the chunked forms and their continuations, counting,
%% deleting and replacing, match/match_object, compiled specs.
%% ember-otp-libs: stdlib
-module(ets_select).
-export([main/0]).
-include("test.hrl").

objects() ->
    [{I, I * I, [I, a], {tag, I rem 3}, integer_to_list(I), #{k => I}} || I <- lists:seq(1, 12)] ++
        [{1.0, float, [], {tag, x}, "f", #{}}, {atom, 0, [b], {other}, "", #{k => atom}},
         {{tuple, key}, -5, [c, d], {tag, 2}, "t", #{j => 1}}, {<<"bin">>, 7, [], {tag, 0}, "b", #{}}].

specs() ->
    [
     [{'_', [], ['$_']}],
     [{'$1', [], ['$1']}],
     [{{'$1', '_', '_', '_', '_', '_'}, [], ['$1']}],
     [{{'$1', '$2', '_', '_', '_', '_'}, [{'>', '$2', 50}], ['$1']}],
     [{{'$1', '$2', '_', '_', '_', '_'}, [{'<', '$2', 0}], ['$$']}],
     [{{'$1', '$2', '_', '_', '_', '_'}, [{is_integer, '$1'}, {'=:=', {'rem', '$1', 2}, 0}], ['$2']}],
     [{{'$1', '_', '_', '_', '_', '_'}, [{is_float, '$1'}], ['$_']}],
     [{{'$1', '_', '_', '_', '_', '_'}, [{is_atom, '$1'}], ['$1']}],
     [{{'$1', '_', '_', '_', '_', '_'}, [{is_tuple, '$1'}], [{element, 1, '$1'}]}],
     [{{'$1', '_', '_', '_', '_', '_'}, [{is_binary, '$1'}], [{byte_size, '$1'}]}],
     [{{'$1', '_', '_', '_', '_', '_'}, [{is_number, '$1'}, {'==', '$1', 1}], ['$1']}],
     [{{'_', '_', ['$1' | '_'], '_', '_', '_'}, [], ['$1']}],
     [{{'_', '_', [], '_', '_', '_'}, [], ['$_']}],
     [{{'_', '_', ['_', '_'], '_', '_', '_'}, [], [{length, {element, 3, '$_'}}]}],
     [{{'$1', '_', '_', {tag, 0}, '_', '_'}, [], ['$1']}],
     [{{'$1', '_', '_', {tag, '$2'}, '_', '_'}, [{'==', '$2', 1}], [{{'$2', '$1'}}]}],
     [{{'$1', '_', '_', {'$2'}, '_', '_'}, [], ['$2']}],
     [{{'$1', '_', '_', '_', "1" ++ '_', '_'}, [], ['$1']}],
     [{{'$1', '_', '_', '_', [$1 | '$2'], '_'}, [], ['$2']}],
     [{{'$1', '_', '_', '_', '_', #{k => '$2'}}, [], [{'+', '$2', 0}]}],
     [{{'$1', '_', '_', '_', '_', #{j => '_'}}, [], ['$1']}],
     [{{'$1', '_', '_', '_', '_', '$2'}, [{is_map_key, k, '$2'}, {is_integer, {map_get, k, '$2'}}],
       [{map_get, k, '$2'}]}],
     [{{'$1', '_', '_', '_', '_', '$2'}, [{'>', {map_size, '$2'}, 0}], [{map_size, '$2'}]}],
     [{{'$1', '$2', '_', '_', '_', '_'}, [{is_integer, '$2'}], [{'*', '$2', 2}]}],
     [{{'$1', '$2', '_', '_', '_', '_'}, [{is_integer, '$2'}, {'>', '$2', 0}], [{'div', '$2', 3}]}],
     [{{'$1', '$2', '_', '_', '_', '_'}, [{is_integer, '$2'}, {'>', '$2', 0}], [{'rem', '$2', 7}]}],
     [{{'$1', '$2', '_', '_', '_', '_'}, [{is_integer, '$2'}], [{'-', '$2'}]}],
     [{{'$1', '$2', '_', '_', '_', '_'}, [{is_integer, '$2'}], [{abs, {'-', '$2', 50}}]}],
     [{{'$1', '$2', '_', '_', '_', '_'}, [{is_integer, '$2'}], [{'/', '$2', 4}]}],
     [{{'$1', '$2', '_', '_', '_', '_'}, [{is_integer, '$2'}], [{'band', '$2', 7}]}],
     [{{'$1', '$2', '_', '_', '_', '_'}, [{is_integer, '$2'}], [{'bor', '$2', 1}]}],
     [{{'$1', '$2', '_', '_', '_', '_'}, [{is_integer, '$2'}], [{'bxor', '$2', 255}]}],
     [{{'$1', '$2', '_', '_', '_', '_'}, [{is_integer, '$2'}], [{'bsl', '$2', 70}]}],
     [{{'$1', '$2', '_', '_', '_', '_'}, [{is_integer, '$2'}], [{'bsr', '$2', 2}]}],
     [{{'$1', '$2', '_', '_', '_', '_'}, [{is_integer, '$2'}], [{'bnot', '$2'}]}],
     [{{'$1', '$2', '_', '_', '_', '_'}, [{is_integer, '$2'}], [{float, '$2'}]}],
     [{{'$1', '$2', '_', '_', '_', '_'}, [{is_integer, '$2'}], [{round, {'/', '$2', 3}}]}],
     [{{'$1', '$2', '_', '_', '_', '_'}, [{is_integer, '$2'}], [{trunc, {'/', '$2', 3}}]}],
     [{{'$1', '$2', '_', '_', '_', '_'}, [{'andalso', {is_integer, '$2'}, {'>', '$2', 10}}], ['$1']}],
     [{{'$1', '$2', '_', '_', '_', '_'}, [{'orelse', {is_atom, '$2'}, {'<', '$2', 0}}], ['$1']}],
     [{{'$1', '$2', '_', '_', '_', '_'}, [{'and', {is_integer, '$2'}, {'>', '$2', 3}, {'<', '$2', 30}}], ['$1']}],
     [{{'$1', '$2', '_', '_', '_', '_'}, [{'or', {'==', '$2', 4}, {'==', '$2', 9}}], ['$1']}],
     [{{'$1', '$2', '_', '_', '_', '_'}, [{'xor', {'==', '$2', 4}, {is_integer, '$2'}}], ['$1']}],
     [{{'$1', '$2', '_', '_', '_', '_'}, [{'not', {is_integer, '$2'}}], ['$1']}],
     [{{'$1', '$2', '_', '_', '_', '_'}, [{'=/=', '$2', 0}, {'/=', '$2', 1}, {'>=', '$2', 4}, {'=<', '$2', 16}],
       ['$1']}],
     [{{'$1', '$2', '_', '_', '_', '_'}, [{'div', '$2', 0}], ['$1']}],
     [{{'$1', '$2', '_', '_', '_', '_'}, [{'orelse', {'div', '$2', 0}, true}], ['$1']}],
     [{{'$1', '$2', '_', '_', '_', '_'}, [{is_integer, '$2'}], [{'div', '$2', 0}]}],
     [{{'$1', '_', '_', '_', '_', '_'}, [], [{const, '$1'}]}],
     [{{'$1', '_', '_', '_', '_', '_'}, [], ['$foo']}],
     [{{'$1', '_', '_', '_', '_', '_'}, [], [[a, '$1' | '$1']]}],
     [{{'$1', '_', '_', '_', '_', '_'}, [], [#{key => '$1', other => [x]}]}],
     [{{'$1', '_', '_', '_', '_', '_'}, [], [{{'$1', {'$1'}, {{}}}}]}],
     [{{'$1', '_', '_', '_', '_', '_'}, [], [first, second, '$1']}],
     [{{'$1', '_', '$3', '_', '_', '_'}, [{is_list, '$3'}, {'>', {length, '$3'}, 1}], [{hd, '$3'}, {tl, '$3'}]}],
     [{{'$1', '_', '_', '$4', '_', '_'}, [{'==', {tuple_size, '$4'}, 2}], [{size, '$4'}]}],
     [{{'$1', '_', '_', '$4', '_', '_'}, [{is_record, '$4', tag, 2}], ['$1']}],
     [{{'$1', '_', '_', '_', '_', '_'}, [{is_binary, '$1'}], [{binary_part, '$1', 1, 2}]}],
     [{{'$1', '_', '_', '_', '_', '_'}, [{is_bitstring, '$1'}], [{bit_size, '$1'}]}],
     [{{'$1', '_', '_', '_', '_', '_'}, [{is_list, '$1'}], ['$1']}],
     [{{'$1', '_', '_', '_', '_', '_'}, [{is_pid, '$1'}], ['$1']}],
     [{{'$1', '_', '_', '_', '_', '_'}, [{is_boolean, '$1'}], ['$1']}],
     [{{'$1', '_', '_', '_', '_', '_'}, [{is_function, '$1'}], ['$1']}],
     [{{'$1', '_', '_', '_', '_', '_'}, [{is_reference, '$1'}], ['$1']}],
     [{{'$1', '_', '_', '_', '_', '_'}, [{is_port, '$1'}], ['$1']}],
     [{{'$1', '_', '_', '_', '_', '_'}, [{'=:=', {node}, nonode@nohost}], [{node}]}],
     [{{'$1', '_', '_', '_', '_', '_'}, [{'=:=', {self}, {const, self()}}], ['$1']}],
     [{{'$1', '$1', '_', '_', '_', '_'}, [], ['$1']}],
     [{{3, '$2', '_', '_', '_', '_'}, [], ['$2']}],
     [{{3.0, '$2', '_', '_', '_', '_'}, [], ['$2']}],
     [{{'$1', '_', '_', '_', '_', '_'}, [{'==', '$1', 3.0}], ['$1']}],
     [{{atom, '$2', '_', '_', '_', '_'}, [], ['$2']}],
     [{{{tuple, key}, '_', '_', '_', '_', '_'}, [], ['$_']}],
     [{{'$1', '_', '_', '_', '_', '_'}, [{'<', '$1', 3}], [one]}, {{'$1', '_', '_', '_', '_', '_'}, [], [two]}],
     [{{'$1', '$2', '_', '_', '_', '_'}, [{'>', '$2', 100}], ['$1']},
      {{'$1', '$2', '_', '_', '_', '_'}, [{'<', '$2', 5}], [{{small, '$1'}}]}],
     [{{'$2', '$1', '_', '_', '_', '_'}, [], ['$$']}],
     [{{'$10', '$2', '_', '_', '$1', '_'}, [{is_integer, '$10'}, {'<', '$10', 4}], ['$$']}],
     [{foo, [], [true]}],
     [{{'_'}, [], [true]}],
     [],
     %% invalid specs: badarg
     [{'_', [], []}],
     [{'_', [], ['$1']}],
     [{'_', [{foo, 1}], [true]}],
     [{'_', [], [{message, x}]}],
     [{'_', [], [{max, 1, 2}]}],
     [{'_', [{'and'}], [true]}],
     [{'_', x, [true]}],
     [{'_', [], x}],
     [{'_', []}],
     [{'_', [], [true]} | x],
     [{'_', [], [{1, 2}]}],
     not_a_list
    ].

%% Hash tables have no order: sort, telling 1 from 1.0 apart as =:= does.
show(Type, R) when Type =:= ordered_set; not is_list(R) -> R;
show(_, R) -> lists:sort(fun(A, B) -> {A, term_to_binary(A)} =< {B, term_to_binary(B)} end, R).

run(F) -> try F() catch error:R -> {error, R} end.

main() ->
    Tabs = [begin T = ets:new(Type, [Type]), ets:insert(T, objects()), {Type, T} end
            || Type <- [set, ordered_set, bag, duplicate_bag]],
    Specs = specs(),
    erlang:display({specs, length(Specs)}),
    [begin
         Results = [show(Type, run(fun() -> ets:select(T, Spec) end)) || {Type, T} <- Tabs],
         erlang:display({N, Results}),
         Rev = run(fun() -> ets:select_reverse(element(2, lists:keyfind(ordered_set, 1, Tabs)), Spec) end),
         erlang:display({reverse, Rev}),
         erlang:display({run, run(fun() -> ets:match_spec_run(objects(), ets:match_spec_compile(Spec)) end)}),
         erlang:display({count, [run(fun() -> ets:select_count(T, Spec) end) || {_, T} <- Tabs]})
     end || {N, Spec} <- lists:zip(lists:seq(1, length(Specs)), Specs)],
    chunks(Tabs),
    match(Tabs),
    delete_replace(),
    compiled(),
    ok.

%% Walks a table chunk by chunk with select/3 and select/1.
walk('$end_of_table', Acc) -> lists:reverse(Acc);
walk({Objs, Cont}, Acc) -> walk(ets:select(Cont), [length(Objs), Objs | Acc]).

chunks(Tabs) ->
    {ordered_set, O} = lists:keyfind(ordered_set, 1, Tabs),
    Spec = [{{'$1', '$2', '_', '_', '_', '_'}, [{is_integer, '$1'}], ['$2']}],
    ?T(walk(ets:select(O, Spec, 5), [])),
    ?T(walk(ets:select(O, Spec, 12), [])),
    ?T(walk(ets:select(O, Spec, 100), [])),
    ?T(walk(ets:select_reverse(O, Spec, 5), [])),
    ?T(ets:select(O, [{{nomatch, '_', '_', '_', '_', '_'}, [], ['$_']}], 5)),
    ?T(ets:select('$end_of_table')),
    ?T(run(fun() -> ets:select(O, Spec, 0) end)),
    ?T(run(fun() -> ets:select(O, Spec, -1) end)),
    ?T(run(fun() -> ets:select({a, b}) end)),
    [begin
         All = lists:sort(lists:append([Objs || Objs <- walk(ets:select(T, Spec, 4), []), is_list(Objs)])),
         erlang:display({Type, All =:= lists:sort(ets:select(T, Spec))})
     end || {Type, T} <- Tabs],
    {_, S} = lists:keyfind(set, 1, Tabs),
    {First, C1} = ets:select(S, Spec, 3),
    ?T(length(First)),
    {Second, _} = ets:select(C1),
    ?T(length(Second)),
    ?T(First -- Second =:= First),
    ?T(element(1, ets:match(O, {'$1', '$2', '_', '_', '_', '_'}, 3))),
    {_, MC} = ets:match(O, {'$1', '_', '_', '_', '_', '_'}, 3),
    ?T(element(1, ets:match(MC))),
    {_, OC} = ets:match_object(O, {'_', '_', [], '_', '_', '_'}, 1),
    ?T(element(1, ets:match_object(OC))),
    ok.

match(Tabs) ->
    [begin
         erlang:display({Type, show(Type, ets:match(T, {'$1', '_', [b], '$2', '_', '_'})),
                         show(Type, ets:match(T, {'_', '$1', '_', {tag, 1}, '_', '_'})),
                         show(Type, ets:match_object(T, {'_', '_', '_', {tag, 2}, '_', '_'})),
                         show(Type, ets:match(T, '_')), length(ets:match_object(T, '_')),
                         ets:match(T, {nomatch})})
     end || {Type, T} <- Tabs],
    ok.

delete_replace() ->
    [begin
         T = ets:new(t, [Type]),
         ets:insert(T, objects()),
         erlang:display({Type,
                         ets:select_delete(T, [{{'$1', '$2', '_', '_', '_', '_'},
                                                [{is_integer, '$2'}, {'>', '$2', 40}], [true]}]),
                         ets:info(T, size),
                         ets:select_delete(T, [{{'$1', '_', '_', '_', '_', '_'}, [], ['$1']}]),
                         ets:select_delete(T, [{{atom, '_', '_', '_', '_', '_'}, [], [true]}]),
                         ets:info(T, size),
                         run(fun() -> ets:select_replace(T, [{{'$1', '$2', '$3', '$4', '$5', '$6'},
                                                               [{is_integer, '$2'}],
                                                               [{{'$1', {'+', '$2', 1000}, '$3', '$4', '$5', '$6'}}]}]) end),
                         run(fun() -> ets:select_replace(T, [{{'$1', '$2', '_', '_', '_', '_'}, [],
                                                               [{{'$2', '$1'}}]}]) end),
                         show(Type, ets:select(T, [{{'$1', '$2', '_', '_', '_', '_'}, [], [{{'$1', '$2'}}]}])),
                         ets:select_delete(T, [{'_', [], [true]}]),
                         ets:info(T, size)})
     end || Type <- [set, ordered_set, bag, duplicate_bag]],
    ok.

compiled() ->
    MS = ets:match_spec_compile([{{'$1', '$2'}, [{'>', '$2', 1}], [{{'$2', '$1'}}]}]),
    ?T(ets:is_compiled_ms(MS)),
    ?T(ets:is_compiled_ms([{'_', [], [true]}])),
    ?T(ets:match_spec_run([{a, 1}, {b, 2}, {c, 3}, x, {d}], MS)),
    ?T(run(fun() -> ets:match_spec_compile([{'_', [], [{bad_fun}]}]) end)),
    ?T(run(fun() -> ets:match_spec_run([{a, 1}], not_compiled) end)),
    T = ets:new(t, [ordered_set]),
    ets:insert(T, [{a, 1}, {b, 2}, {c, 3}]),
    ?T(ets:select(T, MS)),
    ?T(erlang:match_spec_test({1, 2}, [{{'$1', '$2'}, [], [{'+', '$1', '$2'}]}], table)),
    ?T(erlang:match_spec_test({1, 2}, [{{'$1', '$2'}, [], [{'+', '$1', '$3'}]}], table)),
    ?T(erlang:match_spec_test({1, 2}, [{{a, '$2'}, [], [x]}], table)),
    ?T(erlang:match_spec_test({1, 2}, [{{'$1', '$2'}, [], [{message, '$1'}]}], table)),
    ?T(erlang:match_spec_test([1, 2], [{['$1', '$2'], [], [{message, '$1'}]}], trace)),
    ?T(erlang:match_spec_test([1, 2], [{['$1', '_'], [{'>', '$1', 0}], []}], trace)),
    ok.
