%% OTP mode: hot code loading through the code server. A process looping in
%% version 1 keeps running it after version 2 loads, until its fully qualified
%% call; soft_purge refuses while old code runs, purge kills the process, and
%% check_process_code sees the difference.
%% ember-mode: otp
-module(otp_hot_code).
-export([main/0]).

version(N) ->
    Src = ["-module(hot_mod).\n-export([loop/1, vsn/0]).\n",
           "vsn() -> ", integer_to_list(N), ".\n",
           "loop(Parent) -> receive\n",
           "  {which, From} -> From ! {vsn, ", integer_to_list(N), "}, loop(Parent);\n",
           "  upgrade -> hot_mod:loop(Parent)\n",
           "end.\n"],
    {ok, Toks, _} = erl_scan:string(lists:flatten(Src)),
    Forms = split(Toks, [], []),
    {ok, hot_mod, Bin} = compile:forms([element(2, erl_parse:parse_form(F)) || F <- Forms]),
    Bin.

split([{dot, _} = D | Rest], Cur, Acc) -> split(Rest, [], [lists:reverse([D | Cur]) | Acc]);
split([T | Rest], Cur, Acc) -> split(Rest, [T | Cur], Acc);
split([], [], Acc) -> lists:reverse(Acc).

ask(P) ->
    P ! {which, self()},
    receive {vsn, V} -> V after 1000 -> timeout end.

main() ->
    io:format("load v1 ~p~n", [code:load_binary(hot_mod, "hot_mod.erl", version(1))]),
    P = spawn(hot_mod, loop, [self()]),
    io:format("running ~p vsn ~p~n", [ask(P), hot_mod:vsn()]),
    io:format("load v2 ~p~n", [code:load_binary(hot_mod, "hot_mod.erl", version(2))]),
    io:format("old code: process says ~p, vsn/0 says ~p~n", [ask(P), hot_mod:vsn()]),
    io:format("check_process_code ~p, old code ~p~n", [erlang:check_process_code(P, hot_mod),
                                                      erlang:check_old_code(hot_mod)]),
    io:format("load v3 while old runs ~p~n", [code:load_binary(hot_mod, "hot_mod.erl", version(3))]),
    io:format("soft_purge ~p~n", [code:soft_purge(hot_mod)]),
    P ! upgrade,
    io:format("after the qualified call ~p~n", [ask(P)]),
    io:format("check_process_code ~p, soft_purge ~p~n", [erlang:check_process_code(P, hot_mod),
                                                        code:soft_purge(hot_mod)]),
    io:format("load v3 ~p~n", [code:load_binary(hot_mod, "hot_mod.erl", version(3))]),
    Ref = monitor(process, P),
    io:format("purge ~p~n", [code:purge(hot_mod)]),
    receive {'DOWN', Ref, process, P, Why} -> io:format("process ~p~n", [Why])
    after 1000 -> io:format("process still alive ~p~n", [ask(P)])
    end,
    io:format("vsn ~p, is_loaded ~p~n", [hot_mod:vsn(), code:is_loaded(hot_mod)]),
    io:format("delete ~p, purge ~p, loaded ~p~n", [code:delete(hot_mod), code:purge(hot_mod),
                                                  code:is_loaded(hot_mod)]).
