%% gen_server.erl — the generic server behaviour: a process that serves calls,
%% casts and other messages through a callback module, with OTP's callback
%% protocol, return values, timeouts, hibernation, continue, termination and
%% exit reasons ({Reason, {gen_server, call, Args}} for failed calls).
-module(gen_server).

-export([start/3, start/4, start_link/3, start_link/4, start_monitor/3, start_monitor/4,
         call/2, call/3, cast/2, reply/2, stop/1, stop/3,
         send_request/2, wait_response/2, receive_response/2, check_response/2,
         abcast/2, multi_call/2, multi_call/3,
         enter_loop/3, enter_loop/4, enter_loop/5,
         init_it/6, wake_hib/6,
         system_continue/3, system_terminate/4, system_get_state/1,
         system_replace_state/2, system_code_change/4, format_status/2, behaviour_info/1]).

behaviour_info(callbacks) ->
    [{init, 1}, {handle_call, 3}, {handle_cast, 2}, {handle_info, 2},
     {terminate, 2}, {code_change, 3}, {format_status, 2}, {handle_continue, 2}];
behaviour_info(optional_callbacks) ->
    [{handle_info, 2}, {handle_continue, 2}, {terminate, 2}, {code_change, 3}, {format_status, 2}];
behaviour_info(_) ->
    undefined.

start(Mod, Args, Options) -> gen:start(?MODULE, nolink, Mod, Args, Options).
start(Name, Mod, Args, Options) -> gen:start(?MODULE, nolink, Name, Mod, Args, Options).
start_link(Mod, Args, Options) -> gen:start(?MODULE, link, Mod, Args, Options).
start_link(Name, Mod, Args, Options) -> gen:start(?MODULE, link, Name, Mod, Args, Options).
start_monitor(Mod, Args, Options) -> gen:start(?MODULE, monitor, Mod, Args, Options).
start_monitor(Name, Mod, Args, Options) -> gen:start(?MODULE, monitor, Name, Mod, Args, Options).

call(Server, Request) ->
    try gen:call(Server, '$gen_call', Request) of
        {ok, Reply} -> Reply
    catch
        exit:Reason -> exit({Reason, {?MODULE, call, [Server, Request]}})
    end.

call(Server, Request, Timeout) ->
    try gen:call(Server, '$gen_call', Request, Timeout) of
        {ok, Reply} -> Reply
    catch
        exit:Reason -> exit({Reason, {?MODULE, call, [Server, Request, Timeout]}})
    end.

%% Casts never fail, whether or not the server exists.
cast({global, Name}, Request) ->
    try global:send(Name, {'$gen_cast', Request}), ok catch _:_ -> ok end;
cast({via, Mod, Name}, Request) ->
    try Mod:send(Name, {'$gen_cast', Request}), ok catch _:_ -> ok end;
cast(Dest, Request) when is_atom(Dest); is_pid(Dest); is_tuple(Dest) ->
    try erlang:send(Dest, {'$gen_cast', Request}, [noconnect]), ok catch _:_ -> ok end.

reply(From, Reply) -> gen:reply(From, Reply).

stop(Server) -> gen:stop(Server).
stop(Server, Reason, Timeout) -> gen:stop(Server, Reason, Timeout).

send_request(Server, Request) -> gen:send_request(Server, '$gen_call', Request).
wait_response(ReqId, Timeout) -> gen:wait_response(ReqId, Timeout).
receive_response(ReqId, Timeout) -> gen:receive_response(ReqId, Timeout).
check_response(Msg, ReqId) -> gen:check_response(Msg, ReqId).

%% The local forms: the servers registered as Name on this node.
abcast(Name, Request) when is_atom(Name) ->
    cast(Name, Request),
    abcast.

multi_call(Name, Request) -> multi_call([node()], Name, Request).

multi_call(Nodes, Name, Request) when is_list(Nodes), is_atom(Name) ->
    Results = [{Node, catch gen:call({Name, Node}, '$gen_call', Request, infinity)} || Node <- Nodes],
    {[{Node, Reply} || {Node, {ok, Reply}} <- Results],
     [Node || {Node, {'EXIT', _}} <- Results]}.

%% Turns the calling process (started with proc_lib) into a server.
enter_loop(Mod, Options, State) ->
    enter_loop(Mod, Options, State, self(), infinity).

enter_loop(Mod, Options, State, ServerName = {Scope, _}) when is_atom(Scope) ->
    enter_loop(Mod, Options, State, ServerName, infinity);
enter_loop(Mod, Options, State, Timeout) ->
    enter_loop(Mod, Options, State, self(), Timeout).

enter_loop(Mod, _Options, State, ServerName, Timeout) ->
    Name = gen:get_proc_name(ServerName),
    Parent = gen:get_parent(),
    loop(Parent, Name, State, Mod, Timeout).

init_it(Starter, self, Name, Mod, Args, Options) ->
    init_it(Starter, self(), Name, Mod, Args, Options);
init_it(Starter, Parent, Name0, Mod, Args, _Options) ->
    Name = gen:name(Name0),
    case init_call(Mod, Args) of
        {ok, {ok, State}} ->
            proc_lib:init_ack(Starter, {ok, self()}),
            loop(Parent, Name, State, Mod, infinity);
        {ok, {ok, State, TimeoutOrCont}} ->
            proc_lib:init_ack(Starter, {ok, self()}),
            loop(Parent, Name, State, Mod, TimeoutOrCont);
        {ok, {stop, Reason}} ->
            gen:unregister_name(Name0),
            proc_lib:init_ack(Starter, {error, Reason}),
            exit(Reason);
        {ok, ignore} ->
            gen:unregister_name(Name0),
            proc_lib:init_ack(Starter, ignore),
            exit(normal);
        {ok, Else} ->
            Error = {bad_return_value, Else},
            proc_lib:init_ack(Starter, {error, Error}),
            exit(Error);
        {'EXIT', Class, Reason, Stack} ->
            gen:unregister_name(Name0),
            proc_lib:init_ack(Starter, {error, exit_reason(Class, Reason, Stack)}),
            erlang:raise(Class, Reason, Stack)
    end.

init_call(Mod, Args) ->
    try {ok, Mod:init(Args)}
    catch
        throw:R -> {ok, R};
        Class:R:Stack -> {'EXIT', Class, R, Stack}
    end.

exit_reason(exit, Reason, _) -> Reason;
exit_reason(error, Reason, Stack) -> {Reason, Stack};
exit_reason(throw, Reason, Stack) -> {{nocatch, Reason}, Stack}.

%% The receive loop. Timeout is infinity, an integer, hibernate or
%% {continue, Continue}.
loop(Parent, Name, State, Mod, {continue, Continue} = Msg) ->
    Reply = try_dispatch(Mod, handle_continue, Continue, State),
    handle_common_reply(Reply, Parent, Name, undefined, Msg, Mod, State);
loop(Parent, Name, State, Mod, hibernate) ->
    proc_lib:hibernate(?MODULE, wake_hib, [Parent, Name, State, Mod, infinity, []]);
loop(Parent, Name, State, Mod, Timeout) ->
    Msg = receive Input -> Input after Timeout -> timeout end,
    decode_msg(Msg, Parent, Name, State, Mod, Timeout).

wake_hib(Parent, Name, State, Mod, Timeout, _Debug) ->
    Msg = receive Input -> Input end,
    decode_msg(Msg, Parent, Name, State, Mod, Timeout).

decode_msg({system, From, Req}, Parent, Name, State, Mod, Timeout) ->
    sys:handle_system_msg(Req, From, Parent, ?MODULE, [], {Name, State, Mod, Timeout});
decode_msg({'EXIT', Parent, Reason} = Msg, Parent, Name, State, Mod, _Timeout) ->
    terminate(exit, Reason, [], Name, Msg, Mod, State);
decode_msg(Msg, Parent, Name, State, Mod, _Timeout) ->
    handle_msg(Msg, Parent, Name, State, Mod).

%% A call's report shows the request as the last message.
handle_msg({'$gen_call', From, Request}, Parent, Name, State, Mod) ->
    Msg = Request,
    case try_handle_call(Mod, Request, From, State) of
        {ok, {reply, Reply, NState}} ->
            reply(From, Reply),
            loop(Parent, Name, NState, Mod, infinity);
        {ok, {reply, Reply, NState, Timeout} = Ret} ->
            case valid_timeout(Timeout) of
                true ->
                    reply(From, Reply),
                    loop(Parent, Name, NState, Mod, Timeout);
                false ->
                    terminate(exit, {bad_return_value, Ret}, [], Name, Msg, Mod, State, From)
            end;
        {ok, {stop, Reason, Reply, NState}} ->
            try terminate(exit, Reason, [], Name, Msg, Mod, NState)
            after reply(From, Reply)
            end;
        Other ->
            handle_common_reply(Other, Parent, Name, From, Msg, Mod, State)
    end;
handle_msg({'$gen_cast', Request} = Msg, Parent, Name, State, Mod) ->
    Reply = try_dispatch(Mod, handle_cast, Request, State),
    handle_common_reply(Reply, Parent, Name, undefined, Msg, Mod, State);
handle_msg(Msg, Parent, Name, State, Mod) ->
    Reply = try_dispatch(Mod, handle_info, Msg, State),
    handle_common_reply(Reply, Parent, Name, undefined, Msg, Mod, State).

valid_timeout(infinity) -> true;
valid_timeout(hibernate) -> true;
valid_timeout({continue, _}) -> true;
valid_timeout(T) -> is_integer(T) andalso T >= 0.

%% A thrown value counts as the callback's return value, as in OTP.
try_handle_call(Mod, Request, From, State) ->
    try {ok, Mod:handle_call(Request, From, State)}
    catch
        throw:R -> {ok, R};
        Class:R:Stack -> {'EXIT', Class, R, Stack}
    end.

try_dispatch(Mod, handle_info, Msg, State) ->
    case erlang:function_exported(Mod, handle_info, 2) of
        true ->
            try_dispatch1(Mod, handle_info, Msg, State);
        false ->
            logger:log(warning, "** Undefined handle_info in ~tp~n** Unhandled message: ~tp~n", [Mod, Msg],
                       #{domain => [otp], error_logger => #{tag => warning_msg}}),
            {ok, {noreply, State}}
    end;
try_dispatch(Mod, Fun, Msg, State) ->
    try_dispatch1(Mod, Fun, Msg, State).

try_dispatch1(Mod, Fun, Msg, State) ->
    try {ok, Mod:Fun(Msg, State)}
    catch
        throw:R -> {ok, R};
        Class:R:Stack -> {'EXIT', Class, R, Stack}
    end.

handle_common_reply(Reply, Parent, Name, From, Msg, Mod, State) ->
    case Reply of
        {ok, {noreply, NState}} ->
            loop(Parent, Name, NState, Mod, infinity);
        {ok, {noreply, NState, Timeout} = Ret} ->
            case valid_timeout(Timeout) of
                true -> loop(Parent, Name, NState, Mod, Timeout);
                false -> terminate(exit, {bad_return_value, Ret}, [], Name, Msg, Mod, State, From)
            end;
        {ok, {stop, Reason, NState}} ->
            terminate(exit, Reason, [], Name, Msg, Mod, NState, From);
        {'EXIT', Class, Reason, Stack} ->
            terminate(Class, Reason, Stack, Name, Msg, Mod, State, From);
        {ok, BadReply} ->
            terminate(exit, {bad_return_value, BadReply}, [], Name, Msg, Mod, State, From)
    end.

terminate(Class, Reason, Stack, Name, Msg, Mod, State) ->
    terminate(Class, Reason, Stack, Name, Msg, Mod, State, undefined).

%% Runs Mod:terminate/2 if there is one, reports an abnormal end and exits
%% with the reason ({Reason, Stack} for an error). A crash in terminate/2
%% replaces the reason.
terminate(Class, Reason, Stack, Name, Msg, Mod, State, From) ->
    ExitReason = exit_reason(Class, Reason, Stack),
    case erlang:function_exported(Mod, terminate, 2) of
        true ->
            try Mod:terminate(ExitReason, State)
            catch
                throw:_ -> ok;
                C:R:S ->
                    E = exit_reason(C, R, S),
                    error_info(E, Name, From, Msg, Mod, State),
                    erlang:raise(exit, E, S)
            end;
        false ->
            ok
    end,
    case ExitReason of
        normal -> exit(normal);
        shutdown -> exit(shutdown);
        {shutdown, _} = Shutdown -> exit(Shutdown);
        _ ->
            error_info(report_reason(Class, ExitReason, Stack), Name, From, Msg, Mod, State),
            erlang:raise(exit, ExitReason, Stack)
    end.

%% The report shows where an exit came from too.
report_reason(exit, Reason, [_ | _] = Stack) -> {Reason, Stack};
report_reason(_, Reason, _) -> Reason.

error_info(Reason, Name, From, Msg, Mod, State) ->
    Client = case From of
                 {Pid, _} when is_pid(Pid), node(Pid) =:= node() ->
                     case process_info(Pid, current_stacktrace) of
                         {current_stacktrace, St} -> {Pid, St};
                         undefined -> {Pid, dead}
                     end;
                 _ -> undefined
             end,
    logger:log(error, #{label => {gen_server, terminate}, name => Name, last_message => Msg,
                        state => State, reason => Reason, client_info => Client, module => Mod},
               #{domain => [otp], report_cb => fun gen_server_report/2,
                 error_logger => #{tag => error}}).

gen_server_report(#{name := Name, last_message := Msg, state := State, reason := Reason} = R, _Config) ->
    Client = case maps:get(client_info, R) of
                 undefined -> "";
                 {Pid, dead} -> io_lib:format("** Client ~tp is dead~n", [Pid]);
                 {Pid, St} -> io_lib:format("** Client ~tp stacktrace~n** ~tp~n", [Pid, St])
             end,
    [io_lib:format("** Generic server ~tp terminating ~n"
                   "** Last message in was ~tp~n"
                   "** When Server state == ~tp~n"
                   "** Reason for termination ==~n** ~tp~n", [Name, Msg, State, Reason]),
     Client].

%% sys:get_status/1,2: the server's part, through the callback module's
%% format_status/2 if it has one.
format_status(Opt, [PDict, SysState, Parent, Debug, {Name, State, Mod, _Timeout}]) ->
    Specific = case erlang:function_exported(Mod, format_status, 2) of
                   true ->
                       case Mod:format_status(Opt, [PDict, State]) of
                           L when is_list(L) -> L;
                           S -> [S]
                       end;
                   false ->
                       [{data, [{"State", State}]}]
               end,
    [{header, status_header("Status for generic server", Name)},
     {data, [{"Status", SysState}, {"Parent", Parent}, {"Logged events", Debug}]} | Specific].

status_header(Text, Name) when is_pid(Name) -> Text ++ " " ++ pid_to_list(Name);
status_header(Text, Name) when is_atom(Name) -> Text ++ " " ++ atom_to_list(Name);
status_header(Text, Name) -> {Text, Name}.

%% sys callbacks.
system_continue(Parent, _Debug, {Name, State, Mod, Timeout}) ->
    loop(Parent, Name, State, Mod, Timeout).

system_terminate(Reason, _Parent, _Debug, {Name, State, Mod, _Timeout}) ->
    terminate(exit, Reason, [], Name, [], Mod, State).

system_get_state({_Name, State, _Mod, _Timeout}) -> {ok, State}.

system_replace_state(StateFun, {Name, State, Mod, Timeout}) ->
    NState = StateFun(State),
    {ok, NState, {Name, NState, Mod, Timeout}}.

system_code_change({Name, State, Mod, Timeout}, _Module, OldVsn, Extra) ->
    case Mod:code_change(OldVsn, State, Extra) of
        {ok, NewState} -> {ok, {Name, NewState, Mod, Timeout}};
        Else -> Else
    end.
