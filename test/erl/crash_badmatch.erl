%% An uncaught badmatch deep in a call chain, raised from a fun: the top-level
%% failure line shows the reason and the stack trace.
-module(crash_badmatch).
-export([main/0]).

main() ->
    erlang:display(start),
    F = fun(X) -> {ok, V} = X, V end,
    erlang:display(F({ok, 1})),
    [F(step(E)) || E <- [1, 2, 3]].

step(3) -> {error, three};
step(N) -> {ok, N}.
