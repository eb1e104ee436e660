%% A module whose funs undefined_lambda.erl calls after this module's code is
%% deleted and purged; on its own, it makes and calls one of them.
-module(undefined_lambda_fun).
-export([main/0, mk/1]).

mk(Tag) -> fun(X) -> {Tag, X} end.

main() -> erlang:display((mk(alone))(1)).
