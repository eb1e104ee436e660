%% ETS through OTP's own ets.beam: table creation, the object functions
%% and their errors, on all four table types.
%% ember-otp-libs: stdlib
-module(ets_objects).
-export([main/0]).
-include("test.hrl").

types() -> [set, ordered_set, bag, duplicate_bag].

%% The error_info cause OTP attaches to an ETS badarg, or the value.
e(F) ->
    erlang:display(try F() of V -> {ok, V}
                   catch error:R:S ->
                       [{_, _, _, Loc} | _] = S,
                       {error, R, maps:get(cause, proplists:get_value(error_info, Loc, #{}), none)}
                   end).

sorted(T) -> lists:sort(ets:tab2list(T)).

main() ->
    [objects(Type) || Type <- types()],
    counters(),
    elements(),
    new_options(),
    errors(),
    ok.

objects(Type) ->
    erlang:display(Type),
    T = ets:new(t, [Type]),
    ?T(ets:insert(T, {a, 1})),
    ?T(ets:insert(T, [{b, 2}, {c, 3}, {a, 4}, {b, 2}])),
    ?T(sorted(T)),
    ?T(ets:lookup(T, a)),
    ?T(ets:lookup(T, zz)),
    ?T(ets:member(T, b)),
    ?T(ets:member(T, zz)),
    ?T(ets:insert_new(T, {a, 9})),
    ?T(ets:insert_new(T, [{d, 5}, {d, 6}])),
    ?T(ets:insert_new(T, [{e, 5}, {a, 6}])),
    ?T(lists:sort(ets:lookup(T, d))),
    ?T(ets:lookup(T, e)),
    ?T(ets:lookup_element(T, a, 2)),
    ?T(ets:info(T, size)),
    ?T(ets:delete_object(T, {a, 4})),
    ?T(ets:lookup(T, a)),
    ?T(ets:take(T, b)),
    ?T(ets:take(T, b)),
    ?T(ets:delete(T, c)),
    ?T(sorted(T)),
    %% integer and float keys: one key in ordered_set, two elsewhere
    ?T(ets:insert(T, [{1, int}, {1.0, float}])),
    ?T(lists:sort(ets:lookup(T, 1))),
    ?T(lists:sort(ets:lookup(T, 1.0))),
    ?T(ets:delete_all_objects(T)),
    ?T(ets:info(T, size)),
    ?T(ets:tab2list(T)),
    %% big and structured objects survive the copy in and out
    Big = {k, lists:seq(1, 1000), <<"binary", 0:800>>, #{m => [1.5, -2]}, 1 bsl 100, self()},
    ?T(ets:insert(T, Big)),
    ?T(ets:lookup(T, k) =:= [Big]),
    ?T(ets:info(T, type)),
    ?T(ets:delete(T)),
    ?T(ets:info(T, size)),
    ok.

counters() ->
    T = ets:new(c, [set]),
    ets:insert(T, {k, 10, 20, x}),
    ?T(ets:update_counter(T, k, 1)),
    ?T(ets:update_counter(T, k, {3, 5})),
    ?T(ets:update_counter(T, k, [{2, 1}, {3, -1}, {2, 0}])),
    ?T(ets:update_counter(T, k, {2, 100, 50, 0})),
    ?T(ets:update_counter(T, k, {2, -100, -50, 7})),
    ?T(ets:update_counter(T, k, {2, 1 bsl 62})),
    ?T(ets:update_counter(T, k, {2, -(1 bsl 62)})),
    ?T(ets:update_counter(T, new, 5, {new, 100})),
    ?T(ets:update_counter(T, new2, {3, 1}, {x, 0, 10})),
    ?T(sorted(T)),
    e(fun() -> ets:update_counter(T, k, {4, 1}) end),
    e(fun() -> ets:update_counter(T, k, {1, 1}) end),
    e(fun() -> ets:update_counter(T, k, {9, 1}) end),
    e(fun() -> ets:update_counter(T, nokey, 1) end),
    e(fun() -> ets:update_counter(T, k, a) end),
    e(fun() -> ets:update_counter(T, k, [{2, 1} | x]) end),
    B = ets:new(b, [bag]),
    ets:insert(B, {k, 1}),
    e(fun() -> ets:update_counter(B, k, 1) end),
    O = ets:new(o, [ordered_set]),
    ets:insert(O, {1, 0}),
    ?T(ets:update_counter(O, 1.0, 3)),
    ?T(ets:lookup(O, 1)),
    ok.

elements() ->
    T = ets:new(e, [ordered_set, {keypos, 2}]),
    ?T(ets:insert(T, [{r, 1, a}, {r, 2, b}])),
    ?T(ets:update_element(T, 1, {3, z})),
    ?T(ets:update_element(T, 2, [{1, q}, {3, y}])),
    ?T(ets:update_element(T, 9, {3, z})),
    ?T(ets:tab2list(T)),
    e(fun() -> ets:update_element(T, 1, {2, 5}) end),
    e(fun() -> ets:update_element(T, 1, {4, 5}) end),
    e(fun() -> ets:insert(T, {only_one}) end),
    ?T(ets:lookup_element(T, 2, 3)),
    e(fun() -> ets:lookup_element(T, 2, 4) end),
    e(fun() -> ets:lookup_element(T, 7, 1) end),
    ?T(ets:info(T, keypos)),
    D = ets:new(d, [duplicate_bag]),
    ets:insert(D, [{k, 1}, {k, 2}, {k, 1}]),
    ?T(ets:lookup_element(D, k, 2)),
    ?T(ets:delete_object(D, {k, 1})),
    ?T(ets:lookup(D, k)),
    ok.

new_options() ->
    Info = fun(Opts) ->
                   T = ets:new(x, Opts),
                   R = [ets:info(T, K) || K <- [type, protection, keypos, named_table, compressed,
                                                 read_concurrency, write_concurrency,
                                                 decentralized_counters, heir, size, fixed]],
                   ets:delete(T),
                   R
           end,
    ?T(Info([])),
    ?T(Info([bag, public, {keypos, 3}])),
    ?T(Info([set, bag, ordered_set])),
    ?T(Info([{write_concurrency, auto}])),
    ?T(Info([ordered_set, {write_concurrency, true}])),
    ?T(Info([ordered_set, {write_concurrency, true}, {decentralized_counters, false}])),
    ?T(Info([{read_concurrency, true}, compressed, private])),
    ?T(Info([{heir, none}])),
    ?T(Info([{heir, self(), data}]) =:= [set, protected, 1, false, false, false, false, false, self(), 0, false]),
    N = ets:new(named, [named_table]),
    ?T(N),
    ?T(ets:info(named, name)),
    ?T(is_reference(ets:whereis(named))),
    ?T(ets:whereis(nonexistent)),
    ?T(ets:info(named) =:= ets:info(ets:whereis(named))),
    ?T([K || {K, _} <- ets:info(named)]),
    ?T(ets:rename(named, renamed)),
    ?T(ets:info(renamed, named_table)),
    ?T(ets:info(named)),
    Unnamed = ets:new(plain, []),
    ?T(ets:rename(Unnamed, other) =:= Unnamed),
    ?T(ets:info(Unnamed, name)),
    ?T(lists:member(renamed, ets:all())),
    ?T(lists:member(Unnamed, ets:all())),
    ?T(ets:delete(renamed)),
    ?T(lists:member(renamed, ets:all())),
    ?T(is_integer(ets:info(Unnamed, memory))),
    ok.

errors() ->
    e(fun() -> ets:new("t", []) end),
    e(fun() -> ets:new(t, [bad]) end),
    e(fun() -> ets:new(t, bad) end),
    e(fun() -> ets:new(t, [{keypos, 0}]) end),
    e(fun() -> ets:new(t, [{heir, self()}]) end),
    e(fun() -> ets:new(t, [{write_concurrency, maybe}]) end),
    ets:new(dup, [named_table]),
    e(fun() -> ets:new(dup, [named_table]) end),
    e(fun() -> ets:lookup(nonexistent, 1) end),
    e(fun() -> ets:lookup(1, 1) end),
    e(fun() -> ets:lookup(make_ref(), 1) end),
    e(fun() -> ets:insert(dup, x) end),
    e(fun() -> ets:insert(dup, [{a} | b]) end),
    e(fun() -> ets:insert(dup, [{a}, {}]) end),
    ?T(ets:lookup(dup, a)),
    e(fun() -> ets:delete_object(dup, x) end),
    e(fun() -> ets:info(1) end),
    e(fun() -> ets:info(dup, bad) end),
    e(fun() -> ets:info(1, size) end),
    ?T(ets:info(nonexistent)),
    ?T(ets:info(nonexistent, size)),
    T = ets:new(gone, []),
    ets:delete(T),
    e(fun() -> ets:delete(T) end),
    e(fun() -> ets:insert(T, {a}) end),
    e(fun() -> ets:first(T) end),
    ?T(ets:info(T)),
    e(fun() -> ets:whereis("x") end),
    e(fun() -> ets:rename(dup, "x") end),
    e(fun() -> ets:lookup_element(dup, a, 0) end),
    ok.
