-module(proc_registry).
-export([main/0]).
-include("test.hrl").

main() ->
    P = spawn(fun() -> receive {From, ping} -> From ! pong end end),
    ?T(register(proc_registry_p, P)),
    ?T(whereis(proc_registry_p) =:= P),
    ?T(register(proc_registry_p, self())),
    ?T(register(proc_registry_other, P)),
    ?T(register(undefined, self())),
    ?T(register("name", self())),
    ?T(register(proc_registry_x, not_a_pid)),
    proc_registry_p ! {self(), ping},
    receive pong -> erlang:display(pong) end,
    erlang:display(lists:member(proc_registry_p, registered()) orelse true),
    wait_dead(P),
    ?T(whereis(proc_registry_p)),
    ?T(unregister(proc_registry_p)),
    ?T(proc_registry_p ! hello),
    ?T(register(proc_registry_me, self())),
    ?T(process_info(self(), registered_name)),
    ?T(lists:member(proc_registry_me, registered())),
    ?T(unregister(proc_registry_me)),
    ?T(process_info(self(), registered_name)),
    ?T(unregister(not_registered_at_all)),
    ?T(unregister("bad")),
    ?T(whereis("bad")),
    Dead = spawn(fun() -> ok end),
    wait_dead(Dead),
    ?T(register(proc_registry_dead, Dead)),
    %% names go with the process
    Q = spawn(fun() -> receive stop -> ok end end),
    register(proc_registry_q, Q),
    Q ! stop,
    wait_dead(Q),
    ?T(whereis(proc_registry_q)),
    ?T(register(proc_registry_q, self())),
    ?T(unregister(proc_registry_q)),
    ok.

wait_dead(P) ->
    case is_process_alive(P) of
        true -> receive after 1 -> wait_dead(P) end;
        false -> ok
    end.
