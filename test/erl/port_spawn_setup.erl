%% How a port's program is started: its descriptors with use_stdio and
%% nouse_stdio (3 in, 4 out), nothing else left open, its own session, its
%% signal mask and SIGPIPE, exec failures (the open's error for a file that
%% cannot run, the errno as exit status for what fails later: a directory, a
%% bad cd), a port that does not read its program's output, and hundreds of
%% short programs whose exits must all be collected.
-module(port_spawn_setup).
-export([main/0]).
%% ember-otp-libs: stdlib
-include("test.hrl").

main() ->
    descriptors(),
    session_and_signals(),
    exec_failures(),
    out_only(),
    many_exits(),
    ok.

%% The program's output joined (however the reads split it), then the rest.
sh(Script, Opts) ->
    joined(all(open_port({spawn_executable, "/bin/sh"}, [{args, ["-c", Script]}, exit_status | Opts]))).

joined(Ms) -> [append([D || {data, D} <- Ms]) | [M || M <- Ms, not is_tuple(M) orelse element(1, M) =/= data]].

all(P) ->
    receive
        {P, {exit_status, _} = M} -> [M | rest(P)];
        {P, M} -> [M | all(P)]
    after 5000 -> [timeout]
    end.

rest(P) -> receive {P, M} -> [M | rest(P)] after 100 -> [] end.

append([]) -> [];
append([L | Ls]) -> L ++ append(Ls).

%% the numbers of the descriptors the shell has open
-define(FDS, "s=; for f in /proc/$$/fd/*; do s=\"$s ${f##*/}\"; done; echo $s").

descriptors() ->
    erlang:display({stdio, sh(?FDS, [])}),
    erlang:display({stdio_in_only, sh(?FDS, [in])}),
    erlang:display({stderr_joined, sh("echo out; echo err >&2", [stderr_to_stdout])}),
    erlang:display({nouse_stdio_fds, sh("{ " ?FDS "; } >&4", [nouse_stdio])}),
    P = open_port({spawn_executable, "/bin/sh"},
                  [{args, ["-c", "read x <&3; echo got $x >&4; echo on-stdout > /dev/null"]}, nouse_stdio, exit_status]),
    port_command(P, "hello\n"),
    erlang:display({nouse_stdio, joined(all(P))}),
    ?T(open_port({spawn, "cat"}, [nouse_stdio, stderr_to_stdout])),
    ?T(open_port({spawn, "cat"}, [stderr_to_stdout, nouse_stdio])),
    ?T(is_port(open_port({spawn, "cat"}, [stderr_to_stdout, nouse_stdio, use_stdio]))).

session_and_signals() ->
    erlang:display({session_leader,
                    sh("[ \"$(cut -d' ' -f6 /proc/$$/stat)\" = $$ ] && echo leader || echo not-leader", [])}),
    erlang:display({blocked, sh("grep SigBlk /proc/self/status", [])}),
    erlang:display({sigpipe_ignored,
                    sh("m=$(grep SigIgn /proc/$$/status | cut -f2); echo $(( 0x$m >> 12 & 1 ))", [])}),
    erlang:display({killed, [sh("kill -" ++ S ++ " $$", []) || S <- ["TERM", "KILL", "INT", "USR1"]]}),
    erlang:display({statuses, [sh("exit " ++ integer_to_list(N), []) || N <- [0, 1, 2, 127, 128, 255]]}).

exec_failures() ->
    ?T(open_port({spawn_executable, "/no/such/file"}, [])),
    ?T(open_port({spawn_executable, "/no/such/dir/file"}, [exit_status])),
    ?T(open_port({spawn_executable, "/etc/passwd"}, [])),
    ?T(open_port({spawn_executable, "true"}, [])), %% no search of PATH
    erlang:display({directory, all(open_port({spawn_executable, "/"}, [exit_status]))}),
    erlang:display({bad_cd, all(open_port({spawn_executable, "/bin/true"}, [exit_status, {cd, "/no/such/dir"}]))}),
    erlang:display({bad_cd_spawn, all(open_port({spawn, "true"}, [exit_status, {cd, "/no/such/dir"}]))}),
    erlang:display({spawn_missing, all(open_port({spawn, "/no/such 2>/dev/null"}, [exit_status]))}),
    erlang:display({spawn_not_exec,
                    all(open_port({spawn, "/etc/passwd 2>/dev/null"}, [exit_status]))}),
    Trap = process_flag(trap_exit, true),
    P = open_port({spawn_executable, "/"}, []),
    erlang:display({directory_link, receive {'EXIT', P, R} -> R after 5000 -> timeout end}),
    process_flag(trap_exit, Trap).

%% OTP reports no exit for a port that does not read its program: it stays
%% open until a write to it fails.
out_only() ->
    Trap = process_flag(trap_exit, true),
    P = open_port({spawn, "true"}, [exit_status, out]),
    receive after 500 -> ok end,
    erlang:display({out_only_open, is_tuple(erlang:port_info(P, connected)), flush(P)}),
    port_command(P, "x"),
    erlang:display({out_only_write, receive {'EXIT', P, R} -> R after 5000 -> timeout end, flush(P)}),
    process_flag(trap_exit, Trap).

flush(P) -> receive {P, M} -> [M | flush(P)] after 0 -> [] end.

many_exits() ->
    Ports = [open_port({spawn_executable, "/bin/sh"}, [{args, ["-c", "exit " ++ integer_to_list(N rem 7)]}, exit_status])
             || N <- lists:seq(1, 300)],
    Codes = [receive {P, {exit_status, C}} -> C after 10000 -> timeout end || P <- Ports],
    erlang:display({many_exits, lists:sum([C || C <- Codes, is_integer(C)]), [C || C <- Codes, not is_integer(C)]}).
