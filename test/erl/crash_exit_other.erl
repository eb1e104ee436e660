%% main/0 exits with a non-normal reason: the runtime stops with status 1.
-module(crash_exit_other).
-export([main/0]).

main() ->
    erlang:display(before_exit),
    exit({shutdown_reason, "text", 42}).
