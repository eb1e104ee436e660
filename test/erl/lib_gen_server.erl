%% gen_server: starts and names, calls, casts and other messages, the return
%% values of the callbacks (timeouts, hibernate, continue, stop), failures
%% and their exit reasons, asynchronous requests, sys and enter_loop.
-module(lib_gen_server).
-behaviour(gen_server).
-export([main/0]).
-export([init/1, handle_call/3, handle_cast/2, handle_info/2, handle_continue/2, terminate/2]).
-export([register_name/2, unregister_name/1, whereis_name/1, send/2, entered/1]).
-include("test.hrl").

%% Displays the result with pids and references hidden.
-define(S(E), ?T(scrub(catch E))).

main() ->
    logger:set_primary_config(level, none),
    process_flag(trap_exit, true),
    starts(),
    calls(),
    returns(),
    failures(),
    requests(),
    stops(),
    system(),
    entering(),
    ok.

starts() ->
    {ok, P} = gen_server:start(?MODULE, #{}, []),
    ?T(is_pid(P)),
    ?T(gen_server:call(P, ping)),
    ?T(proc_lib:initial_call(P)),
    ?T(proc_lib:translate_initial_call(P)),
    ?T(gen_server:call(P, ancestors) =:= [self()]),
    ?T(gen_server:call(P, initial_call)),
    {ok, N} = gen_server:start_link({local, lgs_named}, ?MODULE, #{}, []),
    ?T(whereis(lgs_named) =:= N),
    ?T(gen_server:start({local, lgs_named}, ?MODULE, #{}, []) =:= {error, {already_started, N}}),
    ?T(gen_server:call(lgs_named, ping)),
    ?T(gen_server:call({lgs_named, node()}, ping)),
    ?T(gen_server:start(?MODULE, ignore, [])),
    ?T(gen_server:start(?MODULE, {stop, no_way}, [])),
    ?T(gen_server:start(?MODULE, {exit, in_init}, [])),
    ?T(gen_server:start(?MODULE, bad_init, [])),
    ?T(gen_server:start({local, lgs_ignored}, ?MODULE, ignore, [])),
    ?T(whereis(lgs_ignored)),
    ?T(gen_server:start(?MODULE, {sleep, 200}, [{timeout, 20}])),
    ?T(gen_server:start_link(?MODULE, {stop, linked}, [])),
    ?T(gen_server:start_monitor(?MODULE, {stop, monitored}, [])),
    ?T(receive {'EXIT', _, linked} -> exit_seen after 500 -> none end),
    {ok, {M, Ref}} = gen_server:start_monitor(?MODULE, #{}, [{spawn_opt, [{fullsweep_after, 10}]}]),
    ?T(process_info(M, fullsweep_after)),
    gen_server:cast(M, {stop, bye}),
    ?T(receive {'DOWN', Ref, process, M, R} -> R after 500 -> none end),
    {ok, V} = gen_server:start({via, ?MODULE, lgs_via}, ?MODULE, #{}, []),
    ?T(gen_server:call({via, ?MODULE, lgs_via}, ping)),
    ?T(gen_server:start({via, ?MODULE, lgs_via}, ?MODULE, #{}, []) =:= {error, {already_started, V}}),
    gen_server:cast({via, ?MODULE, lgs_via}, {put, k, 1}),
    ?T(gen_server:call({via, ?MODULE, lgs_via}, {get, k})),
    ?T(gen_server:stop({via, ?MODULE, lgs_via})),
    ?T(gen_server:stop(lgs_named)),
    ?T(receive {'EXIT', N, Why} -> Why after 500 -> none end),
    gen_server:stop(P).

calls() ->
    flush(),
    {ok, P} = gen_server:start(?MODULE, #{}, []),
    ?T(gen_server:cast(P, {put, a, 1})),
    ?T(gen_server:cast(lgs_nobody, {put, a, 1})),
    ?T(gen_server:cast({lgs_nobody, node()}, x)),
    P ! {info, b, 2},
    ?T(gen_server:call(P, {get, a})),
    ?T(gen_server:call(P, {get, b})),
    ?T(gen_server:call(P, {get, c}, 1000)),
    ?T(gen_server:call(P, {late_reply, 30}, 1000)),
    ?S(gen_server:call(P, {sleep, 100}, 10)),
    ?T(gen_server:call(lgs_nobody, ping)),
    ?T(gen_server:call(lgs_nobody, ping, 100)),
    ?S(gen_server:call(P, {call_self})),
    ?T(gen_server:call(P, {throw, thrown})),
    ?T(gen_server:multi_call(lgs_nobody, ping)),
    ?T(gen_server:abcast(lgs_nobody, ping)),
    %% the late reply of the timed-out call never arrives
    timer:sleep(150),
    ?T(receive Any -> {unexpected, Any} after 0 -> nothing end),
    gen_server:stop(P).

returns() ->
    flush(),
    {ok, P} = gen_server:start(?MODULE, #{}, []),
    ?T(gen_server:call(P, {reply_timeout, 20})),
    timer:sleep(80),
    ?T(gen_server:call(P, {get, timeouts})),
    gen_server:cast(P, {noreply_timeout, 20}),
    timer:sleep(80),
    ?T(gen_server:call(P, {get, timeouts})),
    ?T(gen_server:call(P, hibernate)),
    timer:sleep(20),
    ?T(gen_server:call(P, ping)),
    ?T(gen_server:call(P, continue)),
    ?T(gen_server:call(P, {get, continued})),
    {ok, C} = gen_server:start(?MODULE, {continue_init}, []),
    ?T(gen_server:call(C, {get, continued})),
    gen_server:stop(C),
    ?T(gen_server:call(P, {stop_reply, normal})),
    ?T(receive {terminated, normal, _} -> terminated after 500 -> none end),
    ?T(is_process_alive(P)).

failures() ->
    flush(),
    {ok, P} = gen_server:start(?MODULE, #{}, []),
    ?S(gen_server:call(P, {exit, boom})),
    ?T(receive {terminated, boom, _} -> terminated after 500 -> none end),
    {ok, P2} = gen_server:start(?MODULE, #{}, []),
    ?S(gen_server:call(P2, bad_return)),
    ?S(gen_server:call(P2, ping)),
    {ok, P3} = gen_server:start(?MODULE, #{}, []),
    Ref3 = monitor(process, P3),
    gen_server:cast(P3, {error, oops}),
    ?T(receive {'DOWN', Ref3, process, P3, {oops, [_ | _]}} -> error_with_stack after 500 -> none end),
    ?T(receive {terminated, {oops, [_ | _]}, _} -> terminated after 500 -> none end),
    {ok, P4} = gen_server:start(?MODULE, #{}, []),
    Ref4 = monitor(process, P4),
    P4 ! {cast_stop_via_info, {shutdown, done}},
    ?T(receive {'DOWN', Ref4, process, P4, R4} -> R4 after 500 -> none end),
    {ok, P5} = gen_server:start(?MODULE, #{}, []),
    ?S(gen_server:call(P5, {reply_timeout, bad})),
    Pid = spawn(fun() -> ok end),
    timer:sleep(10),
    ?S(gen_server:call(Pid, ping)).

requests() ->
    flush(),
    {ok, P} = gen_server:start(?MODULE, #{}, []),
    R1 = gen_server:send_request(P, {get, x}),
    ?T(gen_server:receive_response(R1, 1000)),
    R2 = gen_server:send_request(P, {late_reply, 50}),
    ?T(gen_server:wait_response(R2, 0)),
    ?T(gen_server:wait_response(R2, 1000)),
    R3 = gen_server:send_request(P, {late_reply, 50}),
    ?T(gen_server:receive_response(R3, 0)),
    timer:sleep(80),
    ?T(receive Any -> {unexpected, Any} after 0 -> nothing end),
    R4 = gen_server:send_request(P, ping),
    Msg = receive M -> M end,
    ?T(gen_server:check_response(Msg, R4)),
    ?T(gen_server:check_response(other, R4)),
    R5 = gen_server:send_request(lgs_nobody, ping),
    ?T(gen_server:receive_response(R5, 100)),
    R6 = gen_server:send_request(P, {exit, gone}),
    ?S(gen_server:receive_response(R6, 1000)).

stops() ->
    flush(),
    {ok, P} = gen_server:start(?MODULE, #{}, []),
    ?T(gen_server:stop(P, {shutdown, x}, 1000)),
    ?T(receive {terminated, {shutdown, x}, _} -> terminated after 500 -> none end),
    ?T(gen_server:stop(P)),
    ?T(gen_server:stop(lgs_nobody)),
    {ok, S} = gen_server:start(?MODULE, #{}, []),
    gen_server:cast(S, {sleep_in_terminate, 300}),
    ?T(gen_server:stop(S, normal, 50)),
    {ok, T} = gen_server:start(?MODULE, #{}, []),
    gen_server:cast(T, {crash_in_terminate}),
    ?T(gen_server:stop(T)),
    %% a server that traps exits terminates when its parent does
    Self = self(),
    Parent = spawn(fun() ->
                           {ok, C} = gen_server:start_link(?MODULE, #{trap => true, report => Self}, []),
                           Self ! {child, C},
                           receive stop -> exit(parent_gone) end
                   end),
    C = receive {child, Pid} -> Pid end,
    Parent ! stop,
    ?T(receive {terminated, R, _} -> R after 500 -> none end),
    timer:sleep(10),
    ?T(is_process_alive(C)).

system() ->
    flush(),
    {ok, P} = gen_server:start(?MODULE, #{}, []),
    gen_server:cast(P, {put, s, 1}),
    ?T(maps:get(s, sys:get_state(P))),
    ?T(maps:get(s, sys:replace_state(P, fun(S) -> S#{s => 2} end))),
    ?T(gen_server:call(P, {get, s})),
    ?T(sys:suspend(P)),
    gen_server:cast(P, {put, s, 3}),
    ?S(gen_server:call(P, {get, s}, 50)),
    ?T(maps:get(s, sys:get_state(P))),
    ?T(sys:resume(P)),
    ?T(gen_server:call(P, {get, s})),
    ?T(sys:get_state(lgs_nobody)),
    ?S(status(sys:get_status(P))),
    register(lgs_status, P),
    ?S(status(sys:get_status(lgs_status))),
    ?T(sys:terminate(P, normal)),
    ?T(is_process_alive(P)).

entering() ->
    flush(),
    Self = self(),
    P = proc_lib:spawn(fun() ->
                               register(lgs_entered, self()),
                               gen_server:enter_loop(?MODULE, [], #{report => Self}, {local, lgs_entered})
                       end),
    timer:sleep(20),
    ?T(gen_server:call(lgs_entered, ping)),
    ?T(gen_server:call(P, ancestors) =:= [Self]),
    gen_server:stop(P),
    Q = proc_lib:spawn(?MODULE, entered, [50]),
    timer:sleep(10),
    timer:sleep(100),
    ?T(gen_server:call(Q, {get, timeouts})),
    gen_server:stop(Q),
    R = spawn(fun() -> Self ! {not_registered, catch gen_server:enter_loop(?MODULE, [], #{}, {local, lgs_x})} end),
    ?T(receive {not_registered, E} -> E after 500 -> {none, R} end).

entered(Timeout) ->
    gen_server:enter_loop(?MODULE, [], #{}, Timeout).

flush() ->
    receive _ -> flush() after 0 -> ok end.

%% The status without the process dictionary, whose order is the runtime's.
status({status, _Pid, Mod, [_PDict, SysState, _Parent, Debug, [{header, H} | Rest]]}) ->
    Header = case H of
                 "Status for generic server <" ++ _ -> pid_header;
                 _ -> H
             end,
    {Mod, SysState, Debug, Header, Rest}.

scrub(P) when is_pid(P) -> pid;
scrub(R) when is_reference(R) -> ref;
scrub([H | T]) -> [scrub(H) | scrub(T)];
scrub(T) when is_tuple(T) -> list_to_tuple(scrub(tuple_to_list(T)));
scrub(M) when is_map(M) -> maps:from_list(scrub(maps:to_list(M)));
scrub(X) -> X.

%% Callbacks.
init(ignore) -> ignore;
init({stop, R}) -> {stop, R};
init({exit, R}) -> exit(R);
init(bad_init) -> {okay, state};
init({sleep, T}) -> timer:sleep(T), {ok, #{}};
init({continue_init}) -> {ok, #{}, {continue, from_init}};
init(#{trap := true} = S) -> process_flag(trap_exit, true), {ok, S};
init(S) -> {ok, S#{report => get(report, S, caller())}}.

caller() ->
    [P | _] = get('$ancestors'),
    P.

handle_call(ping, _From, S) -> {reply, pong, S};
handle_call(ancestors, _From, S) -> {reply, get('$ancestors'), S};
handle_call(initial_call, _From, S) -> {reply, get('$initial_call'), S};
handle_call({get, K}, _From, S) -> {reply, maps:find(K, S), S};
handle_call({late_reply, T}, From, S) ->
    spawn(fun() -> timer:sleep(T), gen_server:reply(From, late) end),
    {noreply, S};
handle_call({sleep, T}, _From, S) -> timer:sleep(T), {reply, slept, S};
handle_call({call_self}, _From, S) -> {reply, catch gen_server:call(self(), ping), S};
handle_call({throw, V}, _From, S) -> throw({reply, {caught, V}, S});
handle_call({reply_timeout, T}, _From, S) -> {reply, ok, S, T};
handle_call(hibernate, _From, S) -> {reply, ok, S, hibernate};
handle_call(continue, _From, S) -> {reply, ok, S, {continue, from_call}};
handle_call({stop_reply, R}, _From, S) -> {stop, R, stopping, S};
handle_call({exit, R}, _From, _S) -> exit(R);
handle_call(bad_return, _From, S) -> {what, S}.

handle_cast({put, K, V}, S) -> {noreply, S#{K => V}};
handle_cast({noreply_timeout, T}, S) -> {noreply, S, T};
handle_cast({stop, R}, S) -> {stop, R, S};
handle_cast({error, R}, _S) -> erlang:error(R);
handle_cast({sleep_in_terminate, T}, S) -> {noreply, S#{terminate_sleep => T}};
handle_cast({crash_in_terminate}, S) -> {noreply, S#{terminate_crash => true}}.

handle_info({info, K, V}, S) -> {noreply, S#{K => V}};
handle_info({cast_stop_via_info, R}, S) -> {stop, R, S};
handle_info(timeout, S) -> {noreply, S#{timeouts => get(timeouts, S, 0) + 1}}.

handle_continue(C, S) -> {noreply, S#{continued => C}}.

terminate(Reason, #{terminate_sleep := T}) -> timer:sleep(T), Reason;
terminate(_Reason, #{terminate_crash := true}) -> exit(crashed_in_terminate);
terminate(Reason, #{report := P} = S) -> P ! {terminated, Reason, S};
terminate(_, _) -> ok.

%% A registry for {via, ?MODULE, Name}: the names are atoms of local registration.
register_name(Name, Pid) ->
    try register(Name, Pid) of true -> yes catch _:_ -> no end.
unregister_name(Name) -> unregister(Name).
whereis_name(Name) ->
    case whereis(Name) of undefined -> undefined; P -> P end.
send(Name, Msg) -> Name ! Msg, self().

get(K, Map, Default) ->
    case maps:find(K, Map) of {ok, V} -> V; error -> Default end.
