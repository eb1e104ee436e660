%% init:stop/1 with a status code from main/0: the runtime exits with it after
%% main returns; output before and the return value's absence are compared.
-module(init_stop_status).
-export([main/0]).

main() ->
    erlang:display(stopping),
    init:stop(5),
    erlang:display(after_stop_call).
