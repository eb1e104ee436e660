%% The os module's BIFs: getenv/1, putenv/2, unsetenv/1 and env/0 with deep and
%% non-latin1 names and values and their badargs, getpid/0, the clocks (only their
%% shapes and relations are shown) and set_signal/2.
%% ember-otp-libs: stdlib
-module(os_bifs).
-export([main/0]).
-include("test.hrl").

main() ->
    environment(),
    env_list(),
    clocks(),
    signals().

environment() ->
    ?T(os:putenv("EMBER_OS_H", "hv")),
    [?T(os:getenv(?ID(D))) || D <- [foo, "", "EMBER_OS_NO_SUCH_VAR", [$a | b], <<"EMBER_OS_H">>, "A=B", [300],
                                    'EMBER_OS_H', ["EMBER_OS_H"], [<<"EMBER_OS_H">>], ["EMBER_OS_H" | <<>>],
                                    [0], "EMBER_OS_H\0", "=", "EMBER_OS_H=", [16#110000], [-1], [1 bsl 70],
                                    [$é], [16#D800], [["EMBER", [$_]], "OS_H"]]],
    [?T(os:putenv(?ID(K), ?ID(V))) || {K, V} <- [{"EMBER_OS_T1", "v1"}, {"", "x"}, {"A=B", "x"}, {"X", foo},
                                                 {foo, "x"}, {"EMBER_OS_T2", ""}, {"EMBER_OS_T3", [300]},
                                                 {<<"B">>, "x"}, {"EMBER_OS_T4", "a=b"}, {[0], "x"}, {"X", [0]},
                                                 {["EMBER_OS_T5"], [<<"v">>, "w"]}, {"=", "x"}, {"=A", "x"},
                                                 {"EMBER_OS_T6", [16#D800]}, {"EMBER_OS_T7", [-1]},
                                                 {"EMBER_OS_T8", "é"}, {["EMBER_OS_", "T9"], ["deep", [$v]]},
                                                 {"EMBER_OS_T1", "v2"}, {"EMBER_OS_Tü", [16#1F600]}]],
    [?T(os:getenv(?ID(K))) || K <- ["EMBER_OS_T1", "EMBER_OS_T2", "EMBER_OS_T3", "EMBER_OS_T4", "EMBER_OS_T5",
                                    "A", "EMBER_OS_T8", "EMBER_OS_T9", "EMBER_OS_Tü", ""]],
    %% the empty name is a name like any other on OTP
    ?T(lists:keyfind([], 1, os:env())),
    [?T(os:unsetenv(?ID(K))) || K <- ["EMBER_OS_T1", "EMBER_OS_NOPE", "", "A=B", foo, [0], <<"X">>,
                                      ["EMBER_OS_T4"], "="]],
    ?T(os:getenv("EMBER_OS_T1")),
    ?T(os:getenv("EMBER_OS_T4")),
    ?T(os:getenv("")),
    ?T(lists:keyfind([], 1, os:env())).

%% Only this test's own variables, sorted: the order of the environment is the system's.
env_list() ->
    ?T(lists:sort([KV || {K, _} = KV <- os:env(), lists:prefix("EMBER_OS_", K)])),
    ?T(lists:all(fun({K, V}) -> is_list(K) andalso is_list(V) end, os:env())),
    ?T(os:unsetenv("EMBER_OS_T3")),
    ?T(lists:keymember("EMBER_OS_T3", 1, os:env())).

clocks() ->
    ?T(begin P = os:getpid(), {is_list(P), is_integer(list_to_integer(P))} end),
    ?T(begin {A, B, C} = os:timestamp(), {is_integer(A), B >= 0, B < 1000000, C >= 0, C < 1000000} end),
    ?T(abs(os:system_time(second) - erlang:system_time(second)) =< 1),
    ?T(is_integer(os:system_time())),
    ?T(os:system_time(millisecond) > 1600000000000),
    [?T(os:system_time(?ID(U))) || U <- [foo, 0, -1, 1.0, "second"]],
    ?T(is_integer(os:perf_counter())),
    ?T(begin T0 = os:perf_counter(), T1 = os:perf_counter(), T1 >= T0 end).

signals() ->
    Valid = [sighup, sigquit, sigabrt, sigalrm, sigterm, sigusr1, sigusr2, sigchld, sigstop, sigtstp],
    [?T(os:set_signal(?ID(S), handle)) || S <- Valid],
    [?T(os:set_signal(?ID(S), ?ID(O))) || S <- [sigusr2, sigalrm, sighup], O <- [ignore, default]],
    [?T(os:set_signal(?ID(S), ?ID(O))) || S <- [sigint, sigkill, sigsegv, sigpipe, foo, 1, "sighup"],
                                          O <- [ignore, default, handle]],
    [?T(os:set_signal(sigusr1, ?ID(O))) || O <- [foo, 1, "ignore", true]].
