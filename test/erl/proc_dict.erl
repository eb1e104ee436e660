%% The process dictionary: put/get/erase/get_keys, facts that do not depend on
%% the dictionary's internal order (lookups, counts, membership, sorted keys).
-module(proc_dict).
-export([main/0]).
-include("test.hrl").

main() ->
    erlang:display(get(missing)), erlang:display(put(k1, v1)), erlang:display(put(k1, v2)),
    erlang:display(get(k1)), erlang:display(put({t, 1}, [1])), erlang:display(get({t, 1})),
    erlang:display(put("str", 1.5)), erlang:display(get("str")),
    erlang:display(erase(k1)), erlang:display(erase(k1)), erlang:display(get(k1)),
    [put(I, I * I) || I <- seq(100)],
    erlang:display(get(7)), erlang:display(get(100)), erlang:display(get(101)),
    erlang:display(length(get())), erlang:display(length(get_keys())),
    erlang:display(msort(get_keys(49))), erlang:display(msort(get_keys(?ID(nothing)))),
    erlang:display(lists:member({10, 100}, get())),
    erlang:display(sum([V || {K, V} <- get(), is_integer(K)])),
    [erase(I) || I <- seq(50)],
    erlang:display(length(get())),
    put(a, same), put(b, same), put(c, other),
    erlang:display(msort(get_keys(same))),
    Old = erase(), erlang:display(length(Old)), erlang:display(get()),
    erlang:display(get_keys()), erlang:display(get(a)),
    erlang:display(counter(10000)),
    erlang:display(put(undefined, x)), erlang:display(get(undefined)),
    erlang:display(erase(undefined)).

counter(0) -> get(count);
counter(N) ->
    case get(count) of
        undefined -> put(count, 1);
        C -> put(count, C + 1)
    end,
    counter(N - 1).

seq(0) -> [];
seq(N) -> [N | seq(N - 1)].

sum(L) -> sum(L, 0).
sum([], A) -> A;
sum([H | T], A) -> sum(T, A + H).

msort([]) -> [];
msort([P | T]) -> msort([X || X <- T, X < P]) ++ [P] ++ msort([X || X <- T, X >= P]).
