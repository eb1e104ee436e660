%% Records compile to tagged tuples: creation with defaults, access, update,
%% matching, record_info, nested records, and the OTP 25 badrecord error.
-module(records).
-export([main/0]).
-include("test.hrl").

-record(point, {x = 0, y = 0}).
-record(person, {name, age = 0 :: integer(), tags = [], home = #point{}}).
-record(empty, {}).

main() ->
    P = #point{x = ?ID(3)},
    erlang:display(P), erlang:display(#point{}), erlang:display(#empty{}),
    erlang:display({P#point.x, P#point.y, #point.x, #person.age}),
    Q = P#point{y = ?ID(4)},
    erlang:display(Q), erlang:display(P),
    Per = #person{name = ?ID("Ann"), tags = [a]},
    erlang:display(Per),
    erlang:display(Per#person{age = 31, home = Q}),
    erlang:display((Per#person.home)#point.x),
    erlang:display(record_info(fields, person)), erlang:display(record_info(size, person)),
    erlang:display(record_info(fields, empty)),
    erlang:display([is_record(?ID(P), point), is_record(?ID({point, 1}), point),
                    is_record(?ID(Per), point), is_record(?ID(Per), person)]),
    erlang:display([dist2(?ID(V)) || V <- [P, Q, #point{x = -2, y = 2}]]),
    ?T(dist2(?ID({other, 1, 2}))),
    ?T((?ID({other, 1, 2}))#point.x),
    ?T((?ID(not_a_record))#point.y),
    ?T((?ID({point, 1}))#point.x),
    ?T((?ID(Per))#point{x = 1}),
    ?T((?ID({point, 1, 2}))#point{x = 10}),
    ?T(older(?ID(Per))), ?T(older(?ID(Q))),
    ?T(names([#person{name = N} || N <- ?ID(["a", "b"])])),
    ?T(element(1, ?ID(P))), ?T(setelement(2, ?ID(P), 9)).

dist2(#point{x = X, y = Y}) -> X * X + Y * Y.

older(#person{age = A} = P) when A < 100 -> P#person{age = A + 1}.

names(Ps) -> [N || #person{name = N} <- Ps].
