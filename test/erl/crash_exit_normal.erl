%% main/0 calls exit(normal): on OTP the boot process ends normally and the
%% node keeps running (it never reaches "-s init stop"), so both runtimes are
%% stopped by the harness after a few seconds and must behave the same way.
%% diff-timeout: 5
-module(crash_exit_normal).
-export([main/0]).

main() ->
    erlang:display(before_exit_normal),
    exit(normal).
