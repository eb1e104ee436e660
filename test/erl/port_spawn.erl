%% Ports to external programs: data in binary and list form, packet and line
%% framing, exit statuses and eof, spawn_executable with args/arg0/env/cd,
%% stderr_to_stdout, in/out-only ports, port_info, ports/0, connect and close
%% messages, links and exit signals both ways, bad options and closed ports,
%% a write to a program that closed its input, and a thousand ports opened
%% and closed. Port ids are never printed (their
%% numbers differ between runtimes).
-module(port_spawn).
-export([main/0]).
%% ember-otp-libs: stdlib
-include("test.hrl").

main() ->
    echo(),
    framing(),
    statuses(),
    executables(),
    info_and_owners(),
    links(),
    errors(),
    many(),
    fd_port(),
    ok.

echo() ->
    P = open_port({spawn, "cat"}, [binary]),
    true = port_command(P, <<"hello">>),
    erlang:display({binary, data(P)}),
    P ! {self(), {command, ["a", [$b, <<"c">>]]}},
    erlang:display({command_msg, data(P)}),
    true = port_command(P, "x", [nosuspend]),
    erlang:display({nosuspend, data(P)}),
    ?T(port_command(P, "y", [force])),
    Big = binary:copy(<<"0123456789">>, 10000),
    port_command(P, Big),
    erlang:display({big, collect(P, byte_size(Big), <<>>) =:= Big}),
    P ! {self(), close},
    erlang:display({closed, receive {P, closed} -> yes after 2000 -> no end}),
    L = open_port({spawn, "cat"}, []),
    port_command(L, <<"list">>),
    erlang:display({list, data(L)}),
    erlang:display({port_close, port_close(L)}).

data(P) -> receive {P, {data, D}} -> D after 2000 -> timeout end.

collect(_, 0, Acc) -> Acc;
collect(P, N, Acc) ->
    receive {P, {data, D}} -> collect(P, N - byte_size(D), <<Acc/binary, D/binary>>)
    after 2000 -> timeout
    end.

framing() ->
    [begin
         P = open_port({spawn, "cat"}, [{packet, N}, binary]),
         port_command(P, <<"packet">>),
         port_command(P, <<>>),
         port_command(P, binary:copy(<<"z">>, 200)),
         A = data(P), B = data(P), C = data(P),
         erlang:display({packet, N, A, B, byte_size(C)}),
         port_close(P)
     end || N <- [1, 2, 4]],
    P = open_port({spawn, "printf 'one\\ntwo-is-long\\nlast'"}, [{line, 5}, exit_status]),
    erlang:display({lines, all(P)}),
    B = open_port({spawn, "printf 'ab\\ncd'"}, [{line, 80}, binary, eof]),
    erlang:display({binary_lines, all(B)}),
    port_close(B),
    S = open_port({spawn, "printf 'streamed'"}, [stream, exit_status]),
    erlang:display({stream, all(S)}).

%% Every message the port sends, up to its exit status or eof (and anything
%% that follows within a moment).
all(P) -> all(P, 5000).
all(P, Wait) ->
    receive
        {P, {exit_status, _} = M} -> [M | all(P, 100)];
        {P, eof} -> [eof | all(P, 100)];
        {P, M} -> [M | all(P, Wait)]
    after Wait -> []
    end.

statuses() ->
    erlang:display({exit_status, [all(open_port({spawn, Cmd}, [exit_status]))
                                  || Cmd <- ["true", "false", "sh -c 'exit 7'", "sh -c 'kill -9 $$'"]]}),
    erlang:display({eof_and_status, all(open_port({spawn, "echo done"}, [exit_status, eof]))}),
    erlang:display({no_such_command, all(open_port({spawn, "/no/such/cmd 2>/dev/null"}, [exit_status]))}).

executables() ->
    E = fun(Args, Opts) -> all(open_port({spawn_executable, "/bin/sh"}, [{args, Args}, exit_status | Opts])) end,
    erlang:display({args, E(["-c", "echo \"$0\" \"$1\"", "x", "y z"], [])}),
    erlang:display({arg0, E(["-c", "echo $0"], [{arg0, "my_name"}])}),
    erlang:display({env, E(["-c", "echo \"$EMBER_T1-$EMBER_T2-${HOME:-unset}\""],
                           [{env, [{"EMBER_T1", "one"}, {"EMBER_T2", "two"}, {"HOME", false}]}])}),
    erlang:display({cd, E(["-c", "pwd"], [{cd, "/"}])}),
    erlang:display({stderr, E(["-c", "echo to-stderr >&2"], [stderr_to_stdout])}),
    erlang:display({binary_name, all(open_port({spawn_executable, <<"/bin/echo">>}, [{args, [<<"bin">>]}, exit_status]))}),
    In = open_port({spawn, "echo in-only"}, [in, exit_status]),
    erlang:display({in_only, all(In), try port_command(In, "x") catch error:Why -> Why end}),
    Out = open_port({spawn, "cat > /dev/null"}, [out, exit_status]),
    port_command(Out, "ignored"),
    erlang:display({out_only, port_close(Out)}).

info_and_owners() ->
    P = open_port({spawn, "cat"}, []),
    Self = self(),
    {name, Name} = erlang:port_info(P, name),
    {connected, Self} = erlang:port_info(P, connected),
    {links, [Self]} = erlang:port_info(P, links),
    {os_pid, OsPid} = erlang:port_info(P, os_pid),
    port_command(P, "1234"),
    "1234" = data(P),
    erlang:display({info, Name, is_integer(OsPid), erlang:port_info(P, input), erlang:port_info(P, output),
                    erlang:port_info(P, registered_name), lists:member(P, erlang:ports()),
                    [K || {K, _} <- erlang:port_info(P)]}),
    ?T(erlang:port_info(P, no_such_item)),
    %% {connect, Pid}: the old owner hears {Port, connected}, data goes to the new one
    New = spawn(fun() -> receive {P, {data, D}} -> Self ! {new_got, D} end end),
    P ! {self(), {connect, New}},
    erlang:display({connect_msg, receive {P, connected} -> yes after 2000 -> no end}),
    port_command(P, "to-new"),
    erlang:display(receive {new_got, D} -> {new_owner, D} after 2000 -> timeout end),
    %% port_connect links the new owner
    port_connect(P, Self),
    port_command(P, "back"),
    erlang:display({reconnected, data(P), erlang:port_info(P, connected) =:= {connected, Self}}),
    port_close(P).

links() ->
    process_flag(trap_exit, true),
    %% the owner's end closes the port
    Self = self(),
    Owner = spawn(fun() -> Self ! {port, open_port({spawn, "cat"}, [])}, receive stop -> exit(stop) end end),
    P = receive {port, Port} -> Port end,
    Owner ! stop,
    receive after 300 -> ok end,
    erlang:display({owner_died, erlang:port_info(P)}),
    %% exit/2 to a port, seen by its linked owner
    Q = open_port({spawn, "cat"}, []),
    exit(Q, kill),
    erlang:display({killed, receive {'EXIT', Q, R} -> R after 2000 -> timeout end}),
    Q2 = open_port({spawn, "cat"}, []),
    exit(Q2, normal),
    erlang:display({exit_normal, receive {'EXIT', Q2, R2} -> R2 after 2000 -> timeout end}),
    Q3 = open_port({spawn, "cat"}, []),
    exit(Q3, custom),
    erlang:display({custom, receive {'EXIT', Q3, R5} -> R5 after 2000 -> timeout end}),
    %% a program that ends: the link says normal
    E = open_port({spawn, "true"}, []),
    erlang:display({ended, receive {'EXIT', E, R3} -> R3 after 2000 -> timeout end}),
    %% programs that end at once, before open_port has returned: no exit is lost
    erlang:display({quick_ends, lists:usort([begin
                                                 Q4 = open_port({spawn, "true"}, []),
                                                 receive {'EXIT', Q4, R4} -> R4 after 2000 -> timeout end
                                             end || _ <- lists:seq(1, 200)])}),
    %% unlink, then close: no exit message
    U = open_port({spawn, "cat"}, []),
    unlink(U),
    port_close(U),
    erlang:display({unlinked, receive {'EXIT', U, _} -> got after 300 -> none end}),
    %% linking to a closed port
    erlang:display({link_closed, catch link(U), receive {'EXIT', U, R4} -> R4 after 300 -> none end}),
    process_flag(trap_exit, false).

errors() ->
    ?T(is_port(open_port(no_such_program_name, []))), %% an atom names a program, as {spawn, Atom}
    ?T(open_port({spawn, cat, x}, [])),
    ?T(open_port({spawn, "cat"}, [bad_option])),
    ?T(open_port({spawn, "cat"}, [{packet, 3}])),
    ?T(open_port({spawn, "cat"}, [{line, 0}])),
    ?T(open_port({spawn_executable, "/no/such/file"}, [])),
    ?T(open_port({fd, -1, 1}, [])),
    P = open_port({spawn, "cat"}, []),
    ?T(port_command(P, "x", [bad])),
    ?T(erlang:port_control(P, 0, [])),
    port_close(P),
    ?T(port_close(P)),
    ?T(port_command(P, "x")),
    ?T(port_connect(P, self())),
    ?T(erlang:port_info(P, name)),
    ?T(erlang:port_info(self(), name)),
    ?T(port_close(self())),
    erlang:display({send_to_closed, element(2, P ! {self(), {command, "x"}})}),
    broken_pipe().

%% A program that closed its standard input: the write ends the port with
%% epipe, and no exit status follows. The program lives on for 3 s so that a
%% loaded machine cannot delay the write past its exit (an exit status then).
%% The write waits 0.5 s after the line: on a loaded machine OTP's own write
%% was seen to succeed right after it (output 9, no epipe within 2 s).
broken_pipe() ->
    Trap = process_flag(trap_exit, true),
    P = open_port({spawn, "sh -c 'exec 0<&-; echo closed; sleep 3'"}, [binary, exit_status]),
    receive {P, {data, <<"closed\n">>}} -> ok after 5000 -> erlang:display(no_closed_line) end,
    receive after 500 -> ok end,
    ?T(port_command(P, <<"to nobody">>)),
    Got = receive {'EXIT', P, R} -> {exit, R}; {P, M} -> {message, M} after 2000 -> timeout end,
    Then = receive {P, M2} -> {message, M2} after 700 -> nothing end,
    erlang:display({broken_pipe, Got, Then, erlang:port_info(P)}),
    process_flag(trap_exit, Trap).

many() ->
    Ports = [open_port({spawn, "cat"}, [binary]) || _ <- lists:seq(1, 1000)],
    [port_command(P, <<"p">>) || P <- Ports],
    Got = length([ok || P <- Ports, data(P) =:= <<"p">>]),
    Closed = length([ok || P <- Ports, port_close(P)]),
    erlang:display({many, Got, Closed, [P || P <- Ports, lists:member(P, erlang:ports())]}).

fd_port() ->
    P = open_port({fd, 0, 1}, [out]),
    port_command(P, "written through an fd port\n"),
    receive after 300 -> ok end,
    erlang:display({fd, [K || {K, _} <- erlang:port_info(P)], port_close(P)}).
