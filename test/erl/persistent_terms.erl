%% persistent_term: put/get/erase/info, values shared by many processes,
%% replaced and erased values still readable by processes that held them,
%% large values with binaries, and garbage collection of holders.
%% ember-otp-libs: erts stdlib
-module(persistent_terms).
-export([main/0]).
-include("test.hrl").

mine() -> [{K, V} || {{persistent_terms, _} = K, V} <- persistent_term:get()].

main() ->
    Count0 = maps:get(count, persistent_term:info()),
    ?T(persistent_term:get({?MODULE, a})),
    ?T(persistent_term:get({?MODULE, a}, default)),
    ?T(persistent_term:put({?MODULE, a}, 1)),
    ?T(persistent_term:get({?MODULE, a})),
    ?T(persistent_term:put({?MODULE, a}, 1)),
    ?T(persistent_term:put({?MODULE, a}, 1.0)),
    ?T(persistent_term:get({?MODULE, a})),
    ?T(persistent_term:put({?MODULE, b}, {tuple, [list, "of", <<"bin">>], #{m => 1}})),
    Big = lists:seq(1, 10000),
    Bin = binary:copy(<<"x">>, 100000),
    ?T(persistent_term:put({?MODULE, big}, {Big, Bin})),
    ?T(lists:sort(mine()) =:= lists:sort([{{?MODULE, a}, 1.0}, {{?MODULE, b}, {tuple, [list, "of", <<"bin">>], #{m => 1}}},
                                          {{?MODULE, big}, {Big, Bin}}])),
    ?T(maps:get(count, persistent_term:info()) - Count0),
    ?T(is_integer(maps:get(memory, persistent_term:info()))),
    ?T(persistent_term:get({?MODULE, 1})),
    ?T(persistent_term:put({?MODULE, 1}, int)),
    ?T(persistent_term:get({?MODULE, 1.0}, no_float_key)),
    ?T(persistent_term:get({?MODULE, 1})),

    %% a process keeps what it read after the value is replaced and erased
    Parent = self(),
    Reader = spawn(fun() ->
                           V = persistent_term:get({?MODULE, big}),
                           Parent ! read,
                           receive check -> ok end,
                           erlang:garbage_collect(),
                           Parent ! {checked, V =:= {Big, Bin}, byte_size(element(2, V))}
                   end),
    receive read -> ok end,
    ?T(persistent_term:put({?MODULE, big}, replaced)),
    ?T(persistent_term:erase({?MODULE, big})),
    ?T(persistent_term:erase({?MODULE, big})),
    ?T(persistent_term:get({?MODULE, big}, gone)),
    Reader ! check,
    ?T(receive {checked, Same, Size} -> {Same, Size} end),

    %% many readers at once, with collections in between
    ?T(persistent_term:put({?MODULE, shared}, {config, lists:seq(1, 100)})),
    Readers = [spawn(fun() ->
                             Sum = lists:foldl(fun(_, Acc) ->
                                                       {config, L} = persistent_term:get({?MODULE, shared}),
                                                       _ = lists:seq(1, 50),
                                                       Acc + lists:sum(L)
                                               end, 0, lists:seq(1, 2000)),
                             Parent ! {sum, self(), Sum}
                     end) || _ <- lists:seq(1, 8)],
    ?T(lists:usort([receive {sum, R, S} -> S end || R <- Readers])),
    %% a value sent on is a copy that outlives the stored one
    Echo = spawn(fun() -> receive {From, T} -> erlang:garbage_collect(), From ! {back, T} end end),
    Echo ! {self(), persistent_term:get({?MODULE, shared})},
    ?T(persistent_term:erase({?MODULE, shared})),
    ?T(receive {back, T} -> T =:= {config, lists:seq(1, 100)} end),
    %% and ETS keeps its own copy
    Tab = ets:new(t, []),
    ?T(persistent_term:put({?MODULE, e}, {e, "value"})),
    ets:insert(Tab, persistent_term:get({?MODULE, e})),
    ?T(persistent_term:erase({?MODULE, e})),
    ?T(ets:lookup(Tab, e)),

    [persistent_term:erase(K) || {K, _} <- mine()],
    ?T(mine()),
    ?T(maps:get(count, persistent_term:info()) - Count0),
    ?T(persistent_term:erase(never_put)),
    ok.
