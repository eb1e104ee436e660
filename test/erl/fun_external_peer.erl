-module(fun_external_peer).
%% A module whose closures fun_external encodes, unloads, decodes and calls.
-export([main/0, adder/1]).

adder(N) -> fun(X) -> X + N end.

main() ->
    F = adder(2),
    erlang:display({F(3), erlang:fun_info(F, name), erlang:fun_info(F, arity)}).
