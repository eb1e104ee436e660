%% Monitors of ports: DOWN messages for a port closed, killed, ended by its
%% program or by its owner's exit, or already gone (noproc); monitors by a
%% name that no port has, monitor/3's tag and alias options, demonitor/1,2
%% with flush and info, port_info's monitors and monitored_by, and
%% process_info's monitors. Pids, references and port ids are printed only
%% as their shapes.
-module(port_monitor).
-export([main/0]).
-include("test.hrl").

main() ->
    process_flag(trap_exit, true),
    close(),
    exits(),
    program_end(),
    owner_exit(),
    demonitors(),
    options(),
    names(),
    bad_args(),
    watcher_exit(),
    ok.

%% {'DOWN', is_reference, port, is_port, Reason} and the like.
shape(T) when is_tuple(T) -> list_to_tuple([shape(E) || E <- tuple_to_list(T)]);
shape(L) when is_list(L) -> [shape(E) || E <- L];
shape(R) when is_reference(R) -> is_reference;
shape(P) when is_port(P) -> is_port;
shape(P) when is_pid(P) -> is_pid;
shape(X) -> X.

down(Ref) ->
    receive {_, Ref, _, _, _} = M -> shape(M) after 2000 -> timeout end.

%% Drops the {'EXIT', Port, _} a linked port sends when it ends.
unlink_exit(P) ->
    receive {'EXIT', P, R} -> R after 2000 -> timeout end.

nothing() ->
    receive M -> {unexpected, shape(M)} after 100 -> nothing end.

cat() -> open_port({spawn, "cat"}, [binary]).

close() ->
    P = cat(),
    R = monitor(port, P),
    erlang:display({ref, is_reference(R)}),
    erlang:display({info, shape(erlang:port_info(P, monitored_by)), erlang:port_info(P, monitors)}),
    erlang:display({self_in_info, erlang:port_info(P, monitored_by) =:= {monitored_by, [self()]}}),
    erlang:display({process_info, shape(process_info(self(), monitors))}),
    erlang:display({monitor_is_of_p, process_info(self(), monitors) =:= {monitors, [{port, P}]}}),
    true = port_close(P),
    erlang:display({closed, down(R)}),
    erlang:display({exit, unlink_exit(P)}),
    erlang:display({after_close, process_info(self(), monitors), erlang:port_info(P, monitored_by)}),
    R2 = monitor(port, P),
    M = receive {'DOWN', R2, port, Obj, Why} -> {Obj =:= P, Why} after 2000 -> timeout end,
    erlang:display({already_closed, M}),
    erlang:display({none_left, process_info(self(), monitors), nothing()}).

exits() ->
    [begin
         P = cat(),
         R = monitor(port, P),
         exit(P, Reason),
         erlang:display({exit_signal, Reason, down(R), unlink_exit(P)})
     end || Reason <- [kill, foo, {some, "reason"}, normal]],
    P = cat(),
    R1 = monitor(port, P),
    R2 = monitor(port, P),
    port_close(P),
    erlang:display({two_monitors, down(R1), down(R2), unlink_exit(P)}).

%% The programs wait for a line, so that the monitor is there before they end.
program_end() ->
    P = open_port({spawn, "head -n 1"}, [binary, exit_status]),
    R = monitor(port, P),
    port_command(P, "done\n"),
    D = receive {P, {data, Data}} -> Data after 2000 -> timeout end,
    S = receive {P, {exit_status, St}} -> St after 2000 -> timeout end,
    erlang:display({program_end, D, S, down(R), unlink_exit(P)}),
    P2 = open_port({spawn, "sh -c 'read x; exit 7'"}, [exit_status]),
    R2 = monitor(port, P2),
    port_command(P2, "go\n"),
    S2 = receive {P2, {exit_status, St2}} -> St2 after 2000 -> timeout end,
    erlang:display({program_exit, S2, down(R2), unlink_exit(P2)}).

owner_exit() ->
    [begin
         Self = self(),
         Owner = spawn(fun() -> Self ! {port, cat()}, receive go -> exit(Reason) end end),
         P = receive {port, Port} -> Port end,
         R = monitor(port, P),
         Owner ! go,
         erlang:display({owner_exit, Reason, down(R)})
     end || Reason <- [normal, shutdown, {owner, gone}]].

demonitors() ->
    P = cat(),
    R = monitor(port, P),
    erlang:display({demonitor, demonitor(R), process_info(self(), monitors)}),
    erlang:display({demonitor_info, demonitor(R, [info])}),
    R2 = monitor(port, P),
    erlang:display({info_found, demonitor(R2, [info]), demonitor(R2, [info])}),
    R3 = monitor(port, P),
    erlang:display({flush_found, demonitor(R3, [flush, info])}),
    R4 = monitor(port, P),
    port_close(P),
    unlink_exit(P),
    timer_wait(),
    erlang:display({flush_after_down, demonitor(R4, [flush, info]), nothing()}),
    erlang:display({info_port, erlang:port_info(P, monitored_by)}).

%% Long enough for a DOWN message already on its way to arrive.
timer_wait() -> receive after 50 -> ok end.

options() ->
    P = cat(),
    R = monitor(port, P, [{tag, my_tag}]),
    R2 = monitor(port, P, [{alias, demonitor}]),
    R3 = monitor(port, P, [{tag, {tuple, "tag"}}, {alias, explicit_unalias}]),
    port_close(P),
    erlang:display({tagged, down(R)}),
    erlang:display({alias, down(R2)}),
    erlang:display({tuple_tag, down(R3)}),
    unlink_exit(P),
    R2 ! through_dead_alias,
    erlang:display({alias_after_down, nothing()}),
    R3 ! through_alias,
    erlang:display({explicit_alias, receive through_alias -> got after 1000 -> none end}),
    unalias(R3).

names() ->
    R = monitor(port, no_such_port),
    erlang:display({no_name, down(R)}),
    R2 = monitor(port, {no_such_port, node()}),
    erlang:display({no_name_node, down(R2)}),
    register(a_process, self()),
    R3 = monitor(port, a_process),
    erlang:display({process_name, down(R3)}),
    unregister(a_process),
    R4 = monitor(port, no_such_port, [{tag, t}]),
    erlang:display({no_name_tag, down(R4)}),
    erlang:display({none_left, process_info(self(), monitors)}).

bad_args() ->
    P = cat(),
    ?T(monitor(port, self())),
    ?T(monitor(port, 42)),
    ?T(monitor(port, {a, b, c})),
    ?T(monitor(port, {name, 'other@somehost'})),
    ?T(monitor(port, {"name", node()})),
    ?T(monitor(port, P, [bad_option])),
    ?T(monitor(port, P, [{tag, a} | b])),
    ?T(monitor(portt, P)),
    ?T(monitor(process, P)),
    erlang:display({after_bad, process_info(self(), monitors)}),
    port_close(P),
    unlink_exit(P).

%% A monitor goes when the process that holds it ends.
watcher_exit() ->
    P = cat(),
    Self = self(),
    W = spawn(fun() -> monitor(port, P), Self ! ready, receive stop -> ok end end),
    receive ready -> ok end,
    erlang:display({watched, erlang:port_info(P, monitored_by) =:= {monitored_by, [W]}}),
    MW = monitor(process, W),
    W ! stop,
    receive {'DOWN', MW, process, W, _} -> ok end,
    erlang:display({watcher_gone, wait_unwatched(P, 100)}),
    port_close(P),
    unlink_exit(P).

wait_unwatched(_, 0) -> still_watched;
wait_unwatched(P, N) ->
    case erlang:port_info(P, monitored_by) of
        {monitored_by, []} -> unwatched;
        _ -> receive after 10 -> wait_unwatched(P, N - 1) end
    end.
