%% main/0 raises an uncaught error after printing: the top-level failure line
%% on stdout and the exit status must match OTP's.
-module(crash_error).
-export([main/0, id/1]).

main() ->
    erlang:display(before_crash),
    helper(?MODULE:id(3)).

id(X) -> X.

helper(N) -> [N + erlang:error({crashed, N})].
