%% process_info(self(), current_stacktrace | current_function): the frames
%% where the caller is, whether it calls from a body, a tail position or a
%% fun, and after it has been scheduled out (OTP's erl_eval builds the trace
%% of an error in the shell this way).
-module(stacktrace_self).
-export([main/0]).
-include("test.hrl").

main() ->
    erlang:display(body(1)),
    erlang:yield(),
    erlang:display(body(2)),
    erlang:display(tail()),
    erlang:display(after_yield(3)),
    erlang:display(process_info(self(), current_function)),
    erlang:display(current()),
    F = ?ID(fun() -> names(process_info(self(), current_stacktrace)) end),
    erlang:display(F()),
    ok.

%% {Module, Function, Arity} of each frame, without locations
names({current_stacktrace, Frames}) -> [{M, F, A} || {M, F, A, _} <- Frames].

body(N) ->
    X = names(process_info(self(), current_stacktrace)),
    {?ID(N), X}.

tail() -> names(process_info(self(), current_stacktrace)).

after_yield(N) ->
    erlang:yield(),
    _ = ?ID(N) + 1,
    names(process_info(self(), current_stacktrace)).

current() -> process_info(self(), current_function).
