-module(erts_internal_persistent).
%% erts_internal:erase_persistent_terms/0, which init:restart/0 calls: every
%% persistent term goes, including the ones the runtime's own libraries put
%% there, so the module halts at once afterwards instead of stopping the
%% system in the usual way.
-export([main/0]).

-include("test.hrl").

main() ->
    persistent_term:put({?MODULE, a}, [1, 2, 3]),
    persistent_term:put({?MODULE, b}, <<"value">>),
    erlang:display(persistent_term:get({?MODULE, a})),
    erlang:display(maps:get(count, persistent_term:info()) >= 2),
    ?T(erts_internal:erase_persistent_terms()),
    erlang:display(persistent_term:get({?MODULE, a}, gone)),
    erlang:display(persistent_term:get({?MODULE, b}, gone)),
    erlang:display(maps:get(count, persistent_term:info())),
    erlang:display(persistent_term:get()),
    persistent_term:put({?MODULE, c}, again),
    erlang:display(persistent_term:get()),
    ?T(erts_internal:erase_persistent_terms()),
    erlang:display(maps:get(count, persistent_term:info())),
    erlang:halt(0).
