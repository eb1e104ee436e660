%% An uncaught badarg from a BIF at top level: the failure line includes the
%% BIF frame with its arguments and error_info.
-module(crash_bif).
-export([main/0]).

main() ->
    erlang:display(start),
    L = [a, b],
    erlang:display(element(length(L) + 5, list_to_tuple(L))).
