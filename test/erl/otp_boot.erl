%% OTP mode: the node boots OTP's own init, kernel and stdlib, so a program
%% sees the same applications, registered servers, io and code loading as on
%% erl. Output goes through io:format (the group leader and user server).
%% ember-mode: otp
-module(otp_boot).
-export([main/0, handle_call/3, init/1, handle_cast/2]).

main() ->
    io:format("hello ~s ~p ~w~n", ["world", [1.5, {a, "b"}], <<1, 2>>]),
    io:format("~p~n", [lists:sort([c, a, b])]),
    io:format("apps ~p~n", [lists:sort([A || {A, _, _} <- application:which_applications()])]),
    io:format("registered ~p~n", [[N || N <- [init, code_server, file_server_2, application_controller,
                                              kernel_sup, logger, user, standard_error, erl_prim_loader],
                                        is_pid(whereis(N))]]),
    io:format("plain ~p~n", [init:get_plain_arguments()]),
    io:format("noshell ~p~n", [init:get_argument(noshell)]),
    io:format("status ~p~n", [init:get_status()]),
    %% on-demand loading through the code server
    io:format("loaded ~p~n", [code:is_loaded(queue)]),
    io:format("queue ~p~n", [queue:to_list(queue:from_list([1, 2, 3]))]),
    io:format("loaded ~p~n", [element(1, code:is_loaded(queue))]),
    io:format("ensure ~p~n", [code:ensure_loaded(dict)]),
    io:format("nofile ~p~n", [code:ensure_loaded(no_such_module)]),
    io:format("undef ~p~n", [catch no_such_module:f(1)]),
    {ok, Pid} = gen_server:start_link(?MODULE, 41, []),
    io:format("call ~p~n", [gen_server:call(Pid, add)]),
    io:format("eval ~p~n", [element(2, erl_eval:exprs(element(2, erl_parse:parse_exprs(
                                element(2, erl_scan:string("X = 20, X * 2 + 2.")))), []))]),
    io:format("~ts~n", [unicode:characters_to_binary("héllo")]),
    ok.

init(N) -> {ok, N}.
handle_call(add, _From, N) -> {reply, N + 1, N + 1}.
handle_cast(_, N) -> {noreply, N}.
