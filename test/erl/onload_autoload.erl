%% A module with an -on_load function that a call loads from the code path:
%% the function runs first (in a process of its own), and the call goes on
%% only if it returned ok; otherwise the module stays unloaded and the call
%% is undef, and a later call tries again.
-module(onload_autoload).
-export([main/0]).
-include("test.hrl").

main() ->
    register(onload_autoload_fail, self()),
    ?T(erlang:module_loaded(onload_autoload_mod)),
    ?T(onload_autoload_mod:hello(1)),
    ?T(erlang:module_loaded(onload_autoload_mod)),
    unregister(onload_autoload_fail),
    ?T(apply(onload_autoload_mod, hello, [2])),
    ?T(erlang:module_loaded(onload_autoload_mod)),
    ?T(onload_autoload_mod:hello(3)),
    ?T((fun onload_autoload_mod:hello/1)(4)),
    ok.
