%% try ... of ... catch ... after: which clause runs, after running on every path,
%% nesting, exceptions raised inside of/catch/after clauses, try_clause.
-module(exc_try).
-export([main/0]).
-include("test.hrl").

main() ->
    erlang:display(t1(?ID(ok))), erlang:display(t1(?ID(throw))), erlang:display(t1(?ID(error))),
    erlang:display(t1(?ID(other))),
    ?T(t2(?ID(1))), ?T(t2(?ID(2))), ?T(t2(?ID(3))),
    erlang:display(nested(?ID(inner))), erlang:display(nested(?ID(outer))),
    erlang:display(nested(?ID(none))),
    ?T(in_of(?ID(1))), ?T(in_catch(?ID(1))), ?T(after_raises(?ID(1))),
    ?T(after_value(?ID(1))),
    ?T(try ?ID(3) of 1 -> one after ok end),
    ?T(try ?ID({x}) of {y} -> y catch _:_ -> never end),
    erlang:display(seq_after()),
    erlang:display(loop_catch(?ID(1000), 0)),
    erlang:display(try try throw(?ID(deep)) after erlang:display(inner_after) end
                   catch throw:X -> {outer_caught, X} after erlang:display(outer_after) end),
    erlang:display(try ?ID(5) catch _:_ -> no end),
    erlang:display(try ?ID(5) of N when N > 3 -> big; N -> N catch _:_ -> no end),
    erlang:display(catch (try ?ID(1) of _ -> throw(from_of) catch throw:from_of -> not_caught_here end)),
    erlang:display(rethrow(?ID(throw))), erlang:display(rethrow(?ID(error))).

t1(What) ->
    try act(What) of
        ok -> {of_clause, ok};
        V -> {of_other, V}
    catch
        throw:T -> {caught_throw, T};
        error:E -> {caught_error, E}
    after
        erlang:display({after_ran, What})
    end.

act(ok) -> ok;
act(throw) -> throw(thrown);
act(error) -> erlang:error(errored);
act(X) -> X.

t2(N) ->
    try
        case N of 1 -> throw(one); 2 -> exit(two); 3 -> ok end
    catch
        throw:one -> caught_one
    end.

nested(Where) ->
    try
        try
            case Where of inner -> throw(i); outer -> exit(o); none -> fine end
        catch
            throw:i -> {inner_caught, i}
        end
    catch
        exit:o -> {outer_caught, o}
    end.

in_of(X) -> try X of 1 -> erlang:error(in_of) catch error:_ -> never_here end.
in_catch(X) -> try throw(X) catch throw:_ -> erlang:error({in_catch, X}) end.
after_raises(X) -> try X after throw(from_after) end.
after_value(X) -> try X after after_value_ignored end.

seq_after() ->
    put(trail, []),
    Add = fun(E) -> put(trail, [E | get(trail)]) end,
    catch try Add(body), throw(x) catch throw:x -> Add('catch'), exit(y) after Add('after') end,
    lists:reverse(erase(trail), []).

loop_catch(0, Acc) -> Acc;
loop_catch(N, Acc) ->
    V = try if N rem 3 =:= 0 -> throw(N); true -> N end catch throw:T -> -T end,
    loop_catch(N - 1, Acc + V).

rethrow(Class) ->
    try
        try
            case Class of throw -> throw(t); error -> erlang:error(e) end
        catch
            C:R -> erlang:display({first, C, R}), erlang:raise(C, {again, R}, [])
        end
    catch
        C2:R2 -> {second, C2, R2}
    end.
