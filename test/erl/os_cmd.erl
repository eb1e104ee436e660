%% ember-mode: otp
%% os:cmd/1,2 of OTP's own kernel: a shell fed the command on its input, the
%% output read as a binary stream with stderr joined in, the port watched by
%% a monitor; exit statuses, large output, max_size, UTF-8 and bytes that are
%% not, deep-list and atom commands, bad arguments, and concurrent callers.
-module(os_cmd).
-export([main/0]).

main() ->
    show(os:cmd("echo hi; echo there")),
    show(os:cmd("exit 3")),
    show(os:cmd("echo before; exit 3")),
    show(os:cmd("")),
    show(os:cmd("cat")),
    show(os:cmd("echo err >&2; echo out")),
    show(os:cmd('echo atom')),
    show(os:cmd(["echo ", "deep", [" list", $!]])),
    show(os:cmd("echo trailing nul\0\0")),
    show(os:cmd("printf '\\303\\251t\\303\\251'")),
    show(os:cmd("printf 'a\\377b'")),
    show(os:cmd("no_such_command_here 2>/dev/null; echo $?")),
    show(os:cmd("echo a # a comment")),
    large(),
    max_size(),
    bad_args(),
    concurrent(),
    io:format("monitors left ~p~n", [process_info(self(), monitors)]),
    io:format("messages left ~p~n", [process_info(self(), messages)]),
    ok.

show(S) -> io:format("~w~n", [S]).

large() ->
    L = os:cmd("seq 1 100000"),
    io:format("seq ~p ~p ~p~n", [length(L), lists:sublist(L, 12), erlang:md5(L)]),
    B = os:cmd("head -c 300000 /dev/zero | tr '\\0' x"),
    io:format("bytes ~p ~p~n", [length(B), lists:usort(B)]).

max_size() ->
    show(os:cmd("seq 1 100000", #{max_size => 20})),
    show(os:cmd("echo abcdef", #{max_size => 3})),
    show(os:cmd("echo abc", #{max_size => 4})),
    show(os:cmd("echo abc", #{max_size => 100})),
    show(os:cmd("echo abc", #{max_size => infinity})),
    show(os:cmd("echo abc", #{})),
    L = os:cmd("seq 1 100000", #{max_size => 70000}),
    io:format("max ~p~n", [length(L)]).

bad_args() ->
    [io:format("~p~n", [try os:cmd(C) of R -> {ok, R} catch E:Why -> {E, Why} end])
     || C <- [123, <<"echo bin">>, "echo \0 x", [$e, foo]]],
    [io:format("~p~n", [try os:cmd("echo x", O) of R -> {ok, R} catch E:Why -> {E, Why} end])
     || O <- [[bad], #{max_size => infinity, other => 1}]].

concurrent() ->
    Ps = [spawn_monitor(fun() -> exit(os:cmd("echo " ++ integer_to_list(N))) end) || N <- lists:seq(1, 20)],
    io:format("~p~n", [[receive {'DOWN', R, process, P, X} -> X end || {P, R} <- Ps]]).
