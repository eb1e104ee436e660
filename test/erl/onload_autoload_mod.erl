%% A module with an -on_load function, loaded from the code path by a call
%% (onload_autoload.erl). Its on_load refuses while a process is registered
%% as onload_autoload_fail; on its own, it loads and says hello.
-module(onload_autoload_mod).
-export([main/0, hello/1]).
-on_load(init/0).

init() ->
    case whereis(onload_autoload_fail) of
        undefined -> erlang:display(on_load_ran), ok;
        _ -> erlang:display(on_load_refused), refused
    end.

hello(X) -> {hello, X}.

main() -> erlang:display(hello(main)).
