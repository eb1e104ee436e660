%% gen_statem.erl — the generic state machine behaviour: callback modes
%% state_functions and handle_event_function, state enter calls, and the
%% transition actions (reply, postpone, next_event, hibernate, event, state
%% and generic timeouts) with OTP's ordering rules: inserted events first,
%% then postponed ones after a state change, then the mailbox.
-module(gen_statem).

-export([start/3, start/4, start_link/3, start_link/4, start_monitor/3, start_monitor/4,
         stop/1, stop/3, call/2, call/3, cast/2, reply/1, reply/2,
         send_request/2, wait_response/2, receive_response/2, check_response/2,
         enter_loop/4, enter_loop/5, enter_loop/6, init_it/6, wakeup_from_hibernate/2,
         system_continue/3, system_terminate/4, system_get_state/1,
         system_replace_state/2, system_code_change/4, format_status/2]).

%% The machine: callback module and mode, state, data, the postponed events
%% (newest first) and the running timers (timeout type => {TimerRef, Msg}).
-record(m, {parent, name, module, mode, enter = false, state, data,
            postponed = [], timers = #{}, hibernate = false}).

start(Mod, Args, Opts) -> gen:start(?MODULE, nolink, Mod, Args, Opts).
start(Name, Mod, Args, Opts) -> gen:start(?MODULE, nolink, Name, Mod, Args, Opts).
start_link(Mod, Args, Opts) -> gen:start(?MODULE, link, Mod, Args, Opts).
start_link(Name, Mod, Args, Opts) -> gen:start(?MODULE, link, Name, Mod, Args, Opts).
start_monitor(Mod, Args, Opts) -> gen:start(?MODULE, monitor, Mod, Args, Opts).
start_monitor(Name, Mod, Args, Opts) -> gen:start(?MODULE, monitor, Name, Mod, Args, Opts).

stop(Server) -> gen:stop(Server).
stop(Server, Reason, Timeout) -> gen:stop(Server, Reason, Timeout).

call(Server, Request) -> call(Server, Request, infinity).

%% {dirty_timeout, T} and {clean_timeout, T} both end as T here: replies go
%% to a monitor alias, so a late one is never left in the mailbox.
call(Server, Request, Timeout) ->
    T = case Timeout of
            {dirty_timeout, T0} -> T0;
            {clean_timeout, T0} -> T0;
            T0 -> T0
        end,
    try gen:call(Server, '$gen_call', Request, T) of
        {ok, Reply} -> Reply
    catch
        exit:Reason -> exit({Reason, {?MODULE, call, [Server, Request, Timeout]}})
    end.

cast(Server, Msg) -> gen_server:cast(Server, Msg).

reply({reply, From, Reply}) -> reply(From, Reply);
reply(Replies) when is_list(Replies) -> [reply(R) || R <- Replies], ok.

reply(From, Reply) -> gen:reply(From, Reply).

send_request(Server, Request) -> gen:send_request(Server, '$gen_call', Request).
wait_response(ReqId, Timeout) -> gen:wait_response(ReqId, Timeout).
receive_response(ReqId, Timeout) -> gen:receive_response(ReqId, Timeout).
check_response(Msg, ReqId) -> gen:check_response(Msg, ReqId).

enter_loop(Mod, Opts, State, Data) ->
    enter_loop(Mod, Opts, State, Data, self(), []).
enter_loop(Mod, Opts, State, Data, Server = {Scope, _}) when is_atom(Scope) ->
    enter_loop(Mod, Opts, State, Data, Server, []);
enter_loop(Mod, Opts, State, Data, Server) when is_pid(Server) ->
    enter_loop(Mod, Opts, State, Data, Server, []);
enter_loop(Mod, Opts, State, Data, Actions) ->
    enter_loop(Mod, Opts, State, Data, self(), Actions).
enter_loop(Mod, _Opts, State, Data, Server, Actions) ->
    Name = gen:get_proc_name(Server),
    Parent = gen:get_parent(),
    enter(#m{parent = Parent, name = Name, module = Mod}, State, Data, Actions).

init_it(Starter, self, Name, Mod, Args, Opts) ->
    init_it(Starter, self(), Name, Mod, Args, Opts);
init_it(Starter, Parent, Name0, Mod, Args, _Opts) ->
    Name = gen:name(Name0),
    Result = try Mod:init(Args)
             catch
                 throw:R -> R;
                 Class:R:Stack ->
                     gen:unregister_name(Name0),
                     proc_lib:init_ack(Starter, {error, exit_reason(Class, R, Stack)}),
                     erlang:raise(Class, R, Stack)
             end,
    M = #m{parent = Parent, name = Name, module = Mod},
    case Result of
        {ok, State, Data} ->
            proc_lib:init_ack(Starter, {ok, self()}),
            enter(M, State, Data, []);
        {ok, State, Data, Actions} ->
            proc_lib:init_ack(Starter, {ok, self()}),
            enter(M, State, Data, Actions);
        {stop, Reason} ->
            gen:unregister_name(Name0),
            proc_lib:init_ack(Starter, {error, Reason}),
            exit(Reason);
        ignore ->
            gen:unregister_name(Name0),
            proc_lib:init_ack(Starter, ignore),
            exit(normal);
        Other ->
            Error = {bad_return_from_init, Other},
            proc_lib:init_ack(Starter, {error, Error}),
            exit(Error)
    end.

exit_reason(exit, Reason, _) -> Reason;
exit_reason(error, Reason, Stack) -> {Reason, Stack};
exit_reason(throw, Reason, Stack) -> {{nocatch, Reason}, Stack}.

%% The first state: the callback mode is read, the first state entered
%% (with a state enter call from the state itself), the actions run.
enter(M0, State, Data, Actions) ->
    {Mode, Enter} = callback_mode(M0#m.module),
    M = M0#m{mode = Mode, enter = Enter, state = State, data = Data},
    after_event(M, [], {enter_first, undefined}, {next_state, State, Data, Actions}, false, State).

callback_mode(Mod) ->
    case Mod:callback_mode() of
        state_functions -> {state_functions, false};
        handle_event_function -> {handle_event_function, false};
        List when is_list(List) -> mode_list(List, undefined, false);
        Other -> erlang:error({bad_callback_mode, Other})
    end.

mode_list([state_enter | T], Mode, _) -> mode_list(T, Mode, true);
mode_list([Mode | T], _, E) when Mode =:= state_functions; Mode =:= handle_event_function ->
    mode_list(T, Mode, E);
mode_list([], Mode, E) when Mode =/= undefined -> {Mode, E};
mode_list(Other, _, _) -> erlang:error({bad_callback_mode, Other}).

%% Events waiting in Queue run before the mailbox.
loop(M, [Event | Queue]) ->
    handle_event(M, Queue, Event);
loop(#m{hibernate = true} = M, []) ->
    proc_lib:hibernate(?MODULE, wakeup_from_hibernate, [M#m{hibernate = false}, []]);
loop(M, []) ->
    receive Msg -> decode(M, Msg) end.

wakeup_from_hibernate(M, Queue) ->
    loop(M, Queue).

decode(#m{parent = Parent} = M, Msg) ->
    case Msg of
        {system, From, Req} ->
            sys:handle_system_msg(Req, From, Parent, ?MODULE, [], M);
        {'EXIT', Parent, Reason} ->
            terminate(M, exit, Reason, []);
        {timeout, Ref, Type} ->
            case maps:find(Type, M#m.timers) of
                {ok, {Ref, Content}} ->
                    M1 = M#m{timers = maps:remove(Type, M#m.timers)},
                    handle_event(M1, [], {Type, Content});
                _ ->
                    handle_event(M, [], {info, Msg})
            end;
        {'$gen_call', From, Req} -> handle_event(M, [], {{call, From}, Req});
        {'$gen_cast', Req} -> handle_event(M, [], {cast, Req});
        _ -> handle_event(M, [], {info, Msg})
    end.

%% Any event but the event timeout itself cancels the event timeout.
handle_event(M0, Queue, {Type, Content} = Event) ->
    M = case Type of
            timeout -> M0;
            _ -> cancel_timer(timeout, M0)
        end,
    Result = call_state(M, Type, Content, M#m.state),
    after_event(M, Queue, Event, Result, false, M#m.state).

%% A thrown value is the result; an exception terminates the machine.
call_state(#m{mode = Mode, module = Mod, data = Data} = M, Type, Content, State) ->
    try
        case Mode of
            state_functions -> Mod:State(Type, Content, Data);
            handle_event_function -> Mod:handle_event(Type, Content, State, Data)
        end
    catch
        throw:R -> R;
        Class:R:Stack -> terminate(M, Class, R, Stack)
    end.

%% Applies a callback's result. Entering is true for the result of a state
%% enter call, which may not change the state, postpone or insert events.
after_event(M, Queue, Event, Result, Entering, OldState) ->
    case parse_result(Result, M) of
        {transition, NState, NData, Actions, Repeat} ->
            Acts = listify(Actions),
            check_actions(M, Acts, Entering, NState =/= M#m.state, Result),
            transition(M#m{data = NData}, Queue, Event, NState, Acts, Repeat, Entering, OldState);
        {stop, Reason, NData, Replies} ->
            [reply(R) || R <- Replies],
            terminate(M#m{data = NData}, exit, Reason, []);
        bad ->
            bad_return(M, Result, Entering)
    end.

bad_return(M, Result, _Entering) ->
    try erlang:error({bad_return_from_state_function, Result})
    catch error:R:Stack -> terminate(M, error, R, Stack)
    end.

parse_result({next_state, S, D}, _) -> {transition, S, D, [], false};
parse_result({next_state, S, D, A}, _) -> {transition, S, D, A, false};
parse_result({keep_state, D}, M) -> {transition, M#m.state, D, [], false};
parse_result({keep_state, D, A}, M) -> {transition, M#m.state, D, A, false};
parse_result(keep_state_and_data, M) -> {transition, M#m.state, M#m.data, [], false};
parse_result({keep_state_and_data, A}, M) -> {transition, M#m.state, M#m.data, A, false};
parse_result({repeat_state, D}, M) -> {transition, M#m.state, D, [], true};
parse_result({repeat_state, D, A}, M) -> {transition, M#m.state, D, A, true};
parse_result(repeat_state_and_data, M) -> {transition, M#m.state, M#m.data, [], true};
parse_result({repeat_state_and_data, A}, M) -> {transition, M#m.state, M#m.data, A, true};
parse_result(stop, M) -> {stop, normal, M#m.data, []};
parse_result({stop, R}, M) -> {stop, R, M#m.data, []};
parse_result({stop, R, D}, _) -> {stop, R, D, []};
parse_result({stop_and_reply, R, Replies}, M) -> {stop, R, M#m.data, listify(Replies)};
parse_result({stop_and_reply, R, Replies, D}, _) -> {stop, R, D, listify(Replies)};
parse_result(_, _) -> bad.

listify(L) when is_list(L) -> L;
listify(A) -> [A].

check_actions(M, Acts, Entering, Changed, Result) ->
    [case valid_action(A, Entering) of
         true -> ok;
         false -> bad_action(M, A)
     end || A <- Acts],
    case Entering andalso Changed of
        true -> bad_state_enter(M, Result);
        false -> ok
    end.

bad_action(M, A) ->
    try erlang:error({bad_action_from_state_function, A})
    catch error:R:Stack -> terminate(M, error, R, Stack)
    end.

bad_state_enter(M, Result) ->
    try erlang:error({bad_state_enter_return_from_state_function, Result})
    catch error:R:Stack -> terminate(M, error, R, Stack)
    end.

valid_action(postpone, E) -> not E;
valid_action({postpone, B}, E) -> is_boolean(B) andalso not E;
valid_action({next_event, _, _}, E) -> not E;
valid_action(hibernate, _) -> true;
valid_action({hibernate, B}, _) -> is_boolean(B);
valid_action({reply, {_, _}, _}, _) -> true;
valid_action(T, _) when is_integer(T), T >= 0; T =:= infinity -> true;
valid_action({Type, cancel}, _) -> timeout_type(Type);
valid_action({Type, update, _}, _) -> timeout_type(Type);
valid_action({Type, T, _}, _) -> timeout_type(Type) andalso valid_time(T);
valid_action({Type, T, _, Opts}, _) -> timeout_type(Type) andalso valid_time(T) andalso is_list(Opts);
valid_action(_, _) -> false.

timeout_type(timeout) -> true;
timeout_type(state_timeout) -> true;
timeout_type({timeout, _}) -> true;
timeout_type(_) -> false.

valid_time(infinity) -> true;
valid_time(T) -> is_integer(T).

%% The transition: replies go out first, then the event queue is built
%% (inserted events, postponed ones if the state changed, the rest), the
%% state enter call is made, and the timeouts are started.
transition(M0, Queue, Event, NState, Acts, Repeat, Entering, OldState) ->
    [reply(From, R) || {reply, From, R} <- Acts],
    Postpone = lists:member(postpone, Acts) orelse lists:member({postpone, true}, Acts),
    Hibernate = hibernate_action(Acts, false),
    Inserted = [{Type, Content} || {next_event, Type, Content} <- Acts],
    Changed = NState =/= M0#m.state,
    {Postponed, Queue1} =
        case {Postpone, Changed} of
            {true, false} -> {[Event | M0#m.postponed], Queue};
            {true, true} -> {[], lists:reverse(M0#m.postponed, [Event | Queue])};
            {false, false} -> {M0#m.postponed, Queue};
            {false, true} -> {[], lists:reverse(M0#m.postponed, Queue)}
        end,
    Queue2 = Inserted ++ Queue1,
    M1 = M0#m{state = NState, postponed = Postponed, hibernate = Hibernate},
    M2 = case Changed of
             true -> cancel_timer(state_timeout, M1);
             false -> M1
         end,
    Timeouts = [A || A <- Acts, is_timeout_action(A)],
    First = element(1, Event) =:= enter_first,
    EnterNow = M2#m.enter andalso not Entering andalso (Changed orelse Repeat orelse First),
    case EnterNow of
        true ->
            From = case First of true -> NState; false -> OldState end,
            M3 = start_timeouts(Timeouts, M2, Queue2),
            Result = call_state(M3, enter, From, NState),
            after_event(M3, Queue2, {enter, From}, Result, true, OldState);
        false ->
            M3 = start_timeouts(Timeouts, M2, Queue2),
            loop_with_zero(M3, Queue2)
    end.

hibernate_action([hibernate | T], _) -> hibernate_action(T, true);
hibernate_action([{hibernate, B} | T], _) -> hibernate_action(T, B);
hibernate_action([_ | T], H) -> hibernate_action(T, H);
hibernate_action([], H) -> H.

is_timeout_action(T) when is_integer(T); T =:= infinity -> true;
is_timeout_action({Type, _, _}) -> timeout_type(Type);
is_timeout_action({Type, _, _, _}) -> timeout_type(Type);
is_timeout_action({Type, cancel}) -> timeout_type(Type);
is_timeout_action(_) -> false.

%% Timeouts of 0 fire at once: they join the event queue (in timers as
%% zero, see loop_with_zero/2); an event timeout only if nothing is queued.
start_timeouts([T | Rest], M, Queue) when is_integer(T); T =:= infinity ->
    start_timeouts([{timeout, T, T} | Rest], M, Queue);
start_timeouts([{Type, cancel} | Rest], M, Queue) ->
    start_timeouts(Rest, cancel_timer(Type, M), Queue);
start_timeouts([{Type, update, Msg} | Rest], M, Queue) ->
    M1 = case maps:find(Type, M#m.timers) of
             {ok, {Ref, _}} -> M#m{timers = maps:put(Type, {Ref, Msg}, M#m.timers)};
             error -> M#m{timers = maps:put(Type, {zero, Msg}, M#m.timers)}
         end,
    start_timeouts(Rest, M1, Queue);
start_timeouts([{Type, T, Msg} | Rest], M, Queue) ->
    start_timeouts([{Type, T, Msg, []} | Rest], M, Queue);
start_timeouts([{Type, T, Msg, Opts} | Rest], M0, Queue) ->
    M = cancel_timer(Type, M0),
    Abs = lists:member({abs, true}, Opts),
    M1 = if
             T =:= infinity -> M;
             Type =:= timeout, Queue =/= [] -> M;
             T =:= 0, not Abs -> M#m{timers = maps:put(Type, {zero, Msg}, M#m.timers)};
             true ->
                 Ref = erlang:start_timer(T, self(), Type, [{abs, Abs}]),
                 M#m{timers = maps:put(Type, {Ref, Msg}, M#m.timers)}
         end,
    start_timeouts(Rest, M1, Queue);
start_timeouts([], M, _Queue) ->
    M.

%% Zero timeouts become events after the queued ones; a zero event timeout
%% gives way to any message already in the mailbox.
loop_with_zero(M, Queue) ->
    Zero = [{Type, Msg} || {Type, {zero, Msg}} <- maps:to_list(M#m.timers)],
    case Zero of
        [] -> loop(M, Queue);
        _ ->
            Timers = maps:from_list([KV || {_, {Ref, _}} = KV <- maps:to_list(M#m.timers), Ref =/= zero]),
            M1 = M#m{timers = Timers},
            {EventTimeout, Others} = split_event_timeout(Zero),
            Queue1 = Queue ++ Others,
            case EventTimeout of
                [] -> loop(M1, Queue1);
                [_] when Queue1 =/= [] -> loop(M1, Queue1);
                [Ev] ->
                    receive
                        Msg -> decode(M1, Msg)
                    after 0 ->
                        loop(M1, [Ev])
                    end
            end
    end.

split_event_timeout(Zero) ->
    {[E || {timeout, _} = E <- Zero], [E || {T, _} = E <- Zero, T =/= timeout]}.

cancel_timer(Type, M) ->
    case maps:find(Type, M#m.timers) of
        {ok, {zero, _}} ->
            M#m{timers = maps:remove(Type, M#m.timers)};
        {ok, {Ref, _}} ->
            erlang:cancel_timer(Ref),
            receive {timeout, Ref, _} -> ok after 0 -> ok end,
            M#m{timers = maps:remove(Type, M#m.timers)};
        error ->
            M
    end.

terminate(#m{module = Mod, state = State, data = Data} = M, Class, Reason, Stack) ->
    case erlang:function_exported(Mod, terminate, 3) of
        true ->
            try Mod:terminate(Reason, State, Data)
            catch
                throw:_ -> ok;
                C:R:S ->
                    error_info(M, C, R),
                    erlang:raise(C, R, S)
            end;
        false ->
            ok
    end,
    case Reason of
        normal when Class =:= exit -> exit(normal);
        shutdown when Class =:= exit -> exit(shutdown);
        {shutdown, _} when Class =:= exit -> exit(Reason);
        _ ->
            error_info(M, Class, Reason),
            erlang:raise(Class, Reason, Stack)
    end.

error_info(#m{name = Name, state = State, data = Data, module = Mod}, Class, Reason) ->
    logger:log(error, #{label => {gen_statem, terminate}, name => Name, reason => {Class, Reason},
                        state => {State, Data}, module => Mod},
               #{domain => [otp], report_cb => fun statem_report/2,
                 error_logger => #{tag => error}}).

statem_report(#{name := Name, reason := {Class, Reason}, state := {State, Data}}, _Config) ->
    io_lib:format("** State machine ~tp terminating~n"
                  "** When server state  = ~tp~n"
                  "** Reason for termination = ~tp:~tp~n"
                  "** Callback modules = ~tp~n", [Name, {State, Data}, Class, Reason, []]).

%% sys:get_status/1,2: the machine's part.
format_status(_Opt, [_PDict, SysState, Parent, Debug, #m{} = M]) ->
    Timeouts = [{Type, Msg} || {Type, {_, Msg}} <- maps:to_list(M#m.timers)],
    Header = case M#m.name of
                 Pid when is_pid(Pid) -> "Status for state machine " ++ pid_to_list(Pid);
                 Name when is_atom(Name) -> "Status for state machine " ++ atom_to_list(Name);
                 Name -> {"Status for state machine", Name}
             end,
    [{header, Header},
     {data, [{"Status", SysState}, {"Parent", Parent}, {"Modules", [M#m.module]},
             {"Time-outs", {length(Timeouts), Timeouts}}, {"Logged Events", Debug},
             {"Postponed", [E || E <- lists:reverse(M#m.postponed, [])]}]},
     {data, [{"State", {M#m.state, M#m.data}}]}].

%% sys callbacks.
system_continue(_Parent, _Debug, M) -> loop(M, []).
system_terminate(Reason, _Parent, _Debug, M) -> terminate(M, exit, Reason, []).
system_get_state(#m{state = S, data = D}) -> {ok, {S, D}}.
system_replace_state(StateFun, #m{state = S, data = D} = M) ->
    {NS, ND} = StateFun({S, D}),
    {ok, {NS, ND}, M#m{state = NS, data = ND}}.
system_code_change(#m{module = Mod, state = S, data = D} = M, _Module, OldVsn, Extra) ->
    case Mod:code_change(OldVsn, S, D, Extra) of
        {ok, NS, ND} -> {ok, M#m{state = NS, data = ND}};
        Error -> Error
    end.
