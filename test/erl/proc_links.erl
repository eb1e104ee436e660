-module(proc_links).
-export([main/0]).
-include("test.hrl").

%% Links and exit signals: normal, kill, other reasons, trap_exit.
main() ->
    process_flag(trap_exit, true),
    Self = self(),
    P1 = spawn_link(fun() -> exit(normal) end),
    erlang:display(wait_exit(P1)),
    P2 = spawn_link(fun() -> exit(crashed) end),
    erlang:display(wait_exit(P2)),
    %% (errors in spawned processes are left out: OTP logs them with a timestamp)
    P3 = spawn_link(fun() -> exit({oops, [some, trace]}) end),
    erlang:display(wait_exit(P3)),
    P4 = spawn_link(fun() -> receive after infinity -> ok end end),
    exit(P4, kill),
    erlang:display(wait_exit(P4)),
    P5 = spawn_link(fun() -> receive after infinity -> ok end end),
    exit(P5, some_reason),
    erlang:display(wait_exit(P5)),
    %% exit(P, normal) does not end a process that is not trapping
    P6 = spawn_link(fun() -> receive stop -> exit(done) end end),
    exit(P6, normal),
    P6 ! stop,
    erlang:display(wait_exit(P6)),
    %% a trapping process gets exit/2 signals as messages, except kill
    P7 = spawn_link(fun() ->
                            process_flag(trap_exit, true),
                            receive {'EXIT', From, R} -> Self ! {trapped, From =:= Self, R} end,
                            receive after infinity -> ok end
                    end),
    sync(P7),
    exit(P7, hello),
    receive {trapped, FromSelf, R7} -> erlang:display({trapped, FromSelf, R7}) end,
    exit(P7, kill),
    erlang:display(wait_exit(P7)),
    %% exit reason kill through a link is an ordinary reason
    Chain = self(),
    P8 = spawn(fun() ->
                       process_flag(trap_exit, true),
                       Inner = spawn_link(fun() -> receive after infinity -> ok end end),
                       Chain ! {inner, Inner},
                       receive {'EXIT', Inner, Why} -> Chain ! {inner_died, Why} end
               end),
    receive {inner, Inner} -> exit(Inner, kill) end,
    receive {inner_died, Why8} -> erlang:display({inner_died, Why8}) end,
    erlang:display(is_pid(P8)),
    %% linked process without trap_exit dies with the same reason
    Watcher = self(),
    P9 = spawn(fun() ->
                       A = spawn_link(fun() -> receive die -> exit(chain_reason) end end),
                       Watcher ! {a, A},
                       receive after infinity -> ok end
               end),
    M9 = monitor(process, P9),
    receive {a, A9} -> A9 ! die end,
    receive {'DOWN', M9, process, P9, R9} -> erlang:display({chained, R9}) end,
    %% normal exit through a link does not kill
    P10 = spawn(fun() ->
                        B = spawn_link(fun() -> ok end),
                        Watcher ! {b, B},
                        receive after 50 -> Watcher ! {p10_alive, self()} end
                end),
    receive {p10_alive, P10} -> erlang:display(p10_survived) end,
    receive {b, _} -> ok end,
    %% unlink: no exit signal afterwards
    P11 = spawn_link(fun() -> receive die -> exit(unlinked_reason) end end),
    unlink(P11),
    M11 = monitor(process, P11),
    P11 ! die,
    receive {'DOWN', M11, process, P11, R11} -> erlang:display({down, R11}) end,
    receive {'EXIT', P11, _} -> erlang:display(unexpected_exit) after 20 -> erlang:display(no_exit_after_unlink) end,
    %% link to a dead process gives noproc
    Dead = spawn(fun() -> ok end),
    wait_dead(Dead),
    erlang:display(link(Dead)),
    erlang:display(wait_exit(Dead)),
    ?T(link(not_a_pid)),
    ?T(unlink(not_a_pid)),
    ?T(exit(not_a_pid, x)),
    erlang:display(link(self())),
    erlang:display(unlink(self())),
    %% links appear in process_info
    P12 = spawn_link(fun() -> receive after infinity -> ok end end),
    {links, Ls} = process_info(self(), links),
    erlang:display(lists:member(P12, Ls)),
    {links, Ls12} = process_info(P12, links),
    erlang:display(Ls12 =:= [self()]),
    exit(P12, kill),
    erlang:display(wait_exit(P12)),
    %% exit(self(), normal) with trap_exit becomes a message
    exit(self(), normal),
    receive {'EXIT', Self, normal} -> erlang:display(self_normal_trapped) end,
    ok.

sync(P) ->
    erlang:yield(),
    case process_info(P, status) of
        {status, waiting} -> ok;
        _ -> receive after 1 -> sync(P) end
    end.

wait_exit(P) ->
    receive {'EXIT', P, R} -> R after 2000 -> no_exit end.

wait_dead(P) ->
    case is_process_alive(P) of
        true -> receive after 1 -> wait_dead(P) end;
        false -> ok
    end.
