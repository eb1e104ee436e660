%% ember-mode: otp
%% init:stop/0 stops the applications in the reverse order of their start,
%% each one's supervision tree from the last child to the first, and their
%% callbacks print as they run. A terminate that waits for an OS program's
%% output gets it: a stopping node skips idle waits only while nothing
%% outside it could still answer.
-module(init_stop_order).
-behaviour(application).
-export([main/0, start/2, prep_stop/1, stop/1, init/1, handle_call/3, handle_cast/2, terminate/2]).

main() ->
    ok = application:load({application, stop_order_app,
                           [{description, "stop order"}, {vsn, "1"}, {modules, [?MODULE]},
                            {registered, []}, {applications, [kernel, stdlib]},
                            {mod, {?MODULE, []}}]}),
    {ok, Started} = application:ensure_all_started(stop_order_app),
    io:format("started ~p~n", [Started]),
    %% a timer that outlives the stop must not fire: the node ends first
    erlang:send_after(600000, self(), too_late),
    ok.

start(normal, []) ->
    io:format("app start~n"),
    supervisor:start_link(?MODULE, sup).

prep_stop(State) ->
    io:format("app prep_stop~n"),
    State.

stop(_) ->
    io:format("app stop~n").

init(sup) ->
    Child = fun(Name) -> #{id => Name, start => {gen_server, start_link, [{local, Name}, ?MODULE, {server, Name}, []]},
                           shutdown => 10000} end,
    {ok, {#{strategy => one_for_one}, [Child(first), Child(waits_for_program), Child(last)]}};
init({server, Name}) ->
    process_flag(trap_exit, true),
    io:format("server ~p up~n", [Name]),
    {ok, Name}.

handle_call(_, _, S) -> {reply, ok, S}.
handle_cast(_, S) -> {noreply, S}.

terminate(Reason, waits_for_program) ->
    Port = open_port({spawn, "sh -c 'sleep 0.3; echo late'"}, [stream, eof]),
    Got = receive {Port, {data, D}} -> D after 5000 -> no_output end,
    io:format("server waits_for_program ~p, program said ~p~n", [Reason, Got]);
terminate(Reason, Name) ->
    timer:sleep(200),
    io:format("server ~p ~p after a sleep~n", [Name, Reason]).
