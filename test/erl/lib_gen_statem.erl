%% gen_statem: both callback modes, state enter calls, the transition actions
%% (reply, postpone, next_event, hibernate, event, state and generic
%% timeouts, zero timeouts), stop forms, failures, sys and enter_loop. The
%% machine reports each event it handles to the test process.
-module(lib_gen_statem).
-export([main/0]).
-export([init/1, callback_mode/0, handle_event/4, terminate/3]).
-export([locked/3, open/3, busy/3, ready/3, idle/3, idle2/3, entered/0]).
-include("test.hrl").

-define(S(E), ?T(scrub(catch E))).

main() ->
    logger:set_primary_config(level, none),
    register(lgsm_test, self()),
    door(),
    postpone(),
    inserted(),
    timeouts(),
    stops(),
    handle_event_mode(),
    others(),
    ok.

start(Mode, State, Data) -> start(Mode, State, Data, []).
start(Mode, State, Data, Actions) ->
    {ok, P} = gen_statem:start(?MODULE, {Mode, State, Data, Actions}, []),
    P.

%% A code lock: state functions with enter calls and a state timeout.
door() ->
    P = start([state_functions, state_enter], locked, []),
    ?T(events()),
    ?T(gen_statem:call(P, {button, 1})),
    ?T(gen_statem:call(P, {button, 2})),
    ?T(gen_statem:call(P, {button, 3})),
    ?T(sys:get_state(P)),
    timer:sleep(150),
    ?T(events()),
    ?T(sys:get_state(P)),
    ?T(gen_statem:call(P, {button, 9})),
    ?T(gen_statem:call(P, repeat)),
    ?T(events()),
    gen_statem:stop(P),
    ?T(events()).

%% Casts in busy are postponed until the machine is ready.
postpone() ->
    P = start(state_functions, busy, []),
    gen_statem:cast(P, one),
    gen_statem:cast(P, two),
    ?T(gen_statem:call(P, still_busy)),
    ?T(gen_statem:call(P, go)),
    gen_statem:cast(P, three),
    ?T(gen_statem:call(P, data)),
    ?T(events()),
    gen_statem:stop(P).

%% next_event actions run before the messages already in the mailbox.
inserted() ->
    P = start(state_functions, idle, []),
    ok = sys:suspend(P),
    gen_statem:cast(P, {insert, [a, b]}),
    gen_statem:cast(P, after_insert),
    ok = sys:resume(P),
    ?T(gen_statem:call(P, data)),
    ?T(events()),
    gen_statem:stop(P).

timeouts() ->
    P = start(state_functions, idle, []),
    gen_statem:cast(P, {actions, [{timeout, 30, ev}]}),
    timer:sleep(100),
    ?T(events()),
    gen_statem:cast(P, {actions, [{timeout, 60, ev}]}),
    gen_statem:cast(P, noise),
    timer:sleep(120),
    ?T(events()),
    gen_statem:cast(P, {actions, [{{timeout, g}, 40, gen}]}),
    gen_statem:cast(P, noise),
    timer:sleep(100),
    ?T(events()),
    gen_statem:cast(P, {actions, [{{timeout, g}, 40, gen}]}),
    gen_statem:cast(P, {actions, [{{timeout, g}, cancel}]}),
    timer:sleep(100),
    ?T(events()),
    gen_statem:cast(P, {actions, [{{timeout, g}, 40, first}]}),
    gen_statem:cast(P, {actions, [{{timeout, g}, update, second}]}),
    timer:sleep(100),
    ?T(events()),
    gen_statem:cast(P, {actions, [{state_timeout, 40, st}]}),
    gen_statem:cast(P, {next, idle2, []}),
    timer:sleep(100),
    ?T(events()),
    gen_statem:cast(P, {actions, [{state_timeout, 0, zero}]}),
    timer:sleep(20),
    ?T(events()),
    gen_statem:cast(P, {actions, [{timeout, 0, zero_ev}, {next_event, internal, first}]}),
    timer:sleep(20),
    ?T(events()),
    gen_statem:cast(P, {actions, [{timeout, 0, zero_ev}]}),
    timer:sleep(20),
    ?T(events()),
    gen_statem:cast(P, {actions, [10]}),
    timer:sleep(60),
    ?T(events()),
    gen_statem:cast(P, {actions, [{timeout, 20, abs_ev, [{abs, false}]}, hibernate]}),
    timer:sleep(80),
    ?T(events()),
    Deadline = erlang:monotonic_time(millisecond) + 20,
    gen_statem:cast(P, {actions, [{state_timeout, Deadline, abs, [{abs, true}]}]}),
    timer:sleep(80),
    ?T(events()),
    gen_statem:stop(P).

stops() ->
    process_flag(trap_exit, true),
    P1 = start(state_functions, idle, []),
    ?S(gen_statem:call(P1, {return, {stop_and_reply, normal, [{reply, from, bye}]}})),
    ?T(events()),
    P2 = start(state_functions, idle, []),
    ?S(gen_statem:call(P2, {return, {stop, {shutdown, x}, newdata}})),
    ?T(events()),
    P3 = start(state_functions, idle, []),
    ?S(gen_statem:call(P3, {return, what})),
    ?T(events()),
    P4 = start(state_functions, idle, []),
    ?S(gen_statem:call(P4, {return, {keep_state_and_data, [{bad, act}]}})),
    ?T(events()),
    P5 = start(state_functions, idle, []),
    ?S(gen_statem:call(P5, {crash, error, bang})),
    ?T(events()),
    P6 = start(state_functions, idle, []),
    ?S(gen_statem:call(P6, {crash, exit, gone})),
    ?T(events()),
    P7 = start(state_functions, idle, []),
    ?S(gen_statem:call(P7, {crash, throw, {keep_state, thrown, [{reply, from, caught}]}})),
    ?S(gen_statem:call(P7, {sleep, 100}, 10)),
    ?S(gen_statem:call(P7, {sleep, 100}, {dirty_timeout, 10})),
    ?S(gen_statem:stop(P7, {shutdown, done}, 1000)),
    ?T(events()),
    ?S(gen_statem:call(P7, data)),
    ?S(gen_statem:call(lgsm_nobody, data)),
    ?S(gen_statem:stop(lgsm_nobody)),
    ?S(gen_statem:start(?MODULE, {state_functions, idle, [], bad}, [])),
    ?S(gen_statem:start(?MODULE, stop, [])),
    ?S(gen_statem:start(?MODULE, ignore, [])),
    ?S(gen_statem:start(?MODULE, odd, [])),
    P8 = start([state_functions, state_enter], locked, [], []),
    ?T(events()),
    ?S(gen_statem:call(P8, {button, 1, change_in_enter})),
    ?T(events()),
    flush(),
    process_flag(trap_exit, false).

%% handle_event_function with tuple states.
handle_event_mode() ->
    P = start([handle_event_function, state_enter], {count, 0}, [], [{next_event, internal, boot}]),
    ?T(gen_statem:call(P, inc)),
    ?T(gen_statem:call(P, inc)),
    ?T(sys:get_state(P)),
    gen_statem:cast(P, postpone_me),
    ?T(gen_statem:call(P, inc)),
    ?T(events()),
    ?T(sys:replace_state(P, fun({{count, N}, D}) -> {{count, N * 10}, D} end)),
    ?T(gen_statem:call(P, inc)),
    ?T(gen_statem:call({global_or_local(), node()}, inc)),
    gen_statem:stop(P),
    ?T(events()).

global_or_local() -> lgsm_counter.

others() ->
    P = start(state_functions, idle, []),
    R = gen_statem:send_request(P, data),
    ?T(gen_statem:receive_response(R, 1000)),
    R2 = gen_statem:send_request(P, {late, 30}),
    ?T(gen_statem:wait_response(R2, 0)),
    ?T(gen_statem:wait_response(R2, 1000)),
    ?T(gen_statem:call(P, {replies, 3})),
    ?T(gen_statem:call(P, data)),
    ?T(proc_lib:translate_initial_call(P)),
    gen_statem:cast(P, {actions, [{{timeout, later}, 10000, never}]}),
    {status, _, Mod, [_, SysState, _, _, [{header, "Status for state machine <" ++ _} | Rest]]} = sys:get_status(P),
    ?T({Mod, SysState, scrub(Rest)}),
    gen_statem:stop(P),
    Q = proc_lib:spawn(?MODULE, entered, []),
    timer:sleep(20),
    ?S(gen_statem:call(Q, data)),
    ?T(events()),
    gen_statem:stop(Q),
    ?T(events()).

entered() ->
    put(mode, state_functions),
    gen_statem:enter_loop(?MODULE, [], idle, [entered], [{next_event, internal, hello}]).

events() ->
    receive {event, E} -> [E | events()] after 0 -> [] end.

flush() ->
    receive _ -> flush() after 0 -> ok end.

note(E) -> lgsm_test ! {event, E}.

%% Stack traces differ between runtimes: only their presence is shown.
scrub([{M, F, A, L} | _]) when is_atom(M), is_atom(F), is_list(L), is_integer(A) orelse is_list(A) -> stack;
scrub(P) when is_pid(P) -> pid;
scrub(R) when is_reference(R) -> ref;
scrub([H | T]) -> [scrub(H) | scrub(T)];
scrub(T) when is_tuple(T) -> list_to_tuple(scrub(tuple_to_list(T)));
scrub(X) -> X.

%% Callbacks.
init(stop) -> {stop, no};
init(ignore) -> ignore;
init(odd) -> {okay};
init({Mode, State, Data, bad}) -> put(mode, Mode), {ok, State, Data, [{bad}]};
init({Mode, {count, _} = State, Data, Actions}) ->
    register(lgsm_counter, self()),
    put(mode, Mode), {ok, State, Data, Actions};
init({Mode, State, Data, Actions}) -> put(mode, Mode), {ok, State, Data, Actions}.

callback_mode() -> get(mode).

locked(enter, Old, Code) -> note({enter, locked, Old}), {keep_state, Code};
locked({call, From}, {button, D}, Code) ->
    case Code ++ [D] of
        [1, 2, 3] -> {next_state, open, [], [{reply, From, open}]};
        New -> {keep_state, New, [{reply, From, {locked, New}}]}
    end;
locked({call, From}, {button, _, change_in_enter}, _) ->
    {next_state, open, [change], [{reply, From, changing}]};
locked({call, From}, repeat, Code) ->
    {repeat_state, Code, [{reply, From, repeated}]}.

open(enter, Old, [change]) -> note({enter, open, Old}), {next_state, locked, []};
open(enter, Old, Data) -> note({enter, open, Old}), {keep_state, Data, [{state_timeout, 60, lock}]};
open(state_timeout, lock, Data) -> note(relock), {next_state, locked, Data};
open({call, From}, _, _) -> {keep_state_and_data, [{reply, From, already_open}]}.

busy(cast, Msg, _) -> note({postponed, Msg}), {keep_state_and_data, postpone};
busy({call, From}, still_busy, _) -> {keep_state_and_data, {reply, From, busy}};
busy({call, From}, go, Data) -> {next_state, ready, Data, [{reply, From, going}]}.

ready(cast, Msg, Data) -> note({ready, Msg}), {keep_state, Data ++ [Msg]};
ready({call, From}, data, Data) -> {keep_state_and_data, [{reply, From, Data}]}.

idle(internal, E, Data) -> note({internal, E}), {keep_state, Data ++ [E]};
idle(cast, {insert, Es}, Data) ->
    {keep_state, Data, [{next_event, internal, E} || E <- Es]};
idle(cast, {actions, As}, _) -> {keep_state_and_data, As};
idle(cast, {next, S, D}, _) -> {next_state, S, D};
idle(cast, Msg, Data) -> note({cast, Msg}), {keep_state, Data ++ [Msg]};
idle(timeout, Msg, _) -> note({timeout, Msg}), keep_state_and_data;
idle({timeout, Name}, Msg, _) -> note({{timeout, Name}, Msg}), keep_state_and_data;
idle(state_timeout, Msg, _) -> note({state_timeout, Msg}), keep_state_and_data;
idle({call, From}, data, Data) -> {keep_state_and_data, [{reply, From, Data}]};
idle({call, From}, {late, T}, _) ->
    spawn(fun() -> timer:sleep(T), gen_statem:reply(From, late) end),
    keep_state_and_data;
idle({call, From}, {replies, N}, _) ->
    gen_statem:reply([{reply, From, N}]),
    keep_state_and_data;
idle({call, From}, {sleep, T}, _) -> timer:sleep(T), {keep_state_and_data, [{reply, From, slept}]};
idle({call, From}, {return, {stop_and_reply, R, [{reply, from, V}]}}, _) ->
    {stop_and_reply, R, [{reply, From, V}]};
idle({call, _From}, {return, Ret}, _) -> Ret;
idle({call, From}, {crash, throw, {keep_state, D, [{reply, from, V}]}}, _) ->
    throw({keep_state, D, [{reply, From, V}]});
idle({call, _From}, {crash, error, R}, _) -> erlang:error(R);
idle({call, _From}, {crash, exit, R}, _) -> exit(R);
idle(info, Msg, _) -> note({info, Msg}), keep_state_and_data.

idle2(state_timeout, Msg, _) -> note({idle2_state_timeout, Msg}), keep_state_and_data;
idle2(Type, Content, Data) -> idle(Type, Content, Data).

handle_event(enter, Old, State, _Data) -> note({enter, State, Old}), keep_state_and_data;
handle_event(internal, boot, _, Data) -> note(boot), {keep_state, [boot | Data]};
handle_event({call, From}, inc, {count, N}, Data) ->
    {next_state, {count, N + 1}, Data, [{reply, From, N + 1}]};
handle_event(cast, postpone_me, {count, N}, _) when N < 3 ->
    note({postponed_at, N}), {keep_state_and_data, [postpone]};
handle_event(cast, postpone_me, {count, N}, _) ->
    note({handled_at, N}), keep_state_and_data.

terminate(Reason, State, Data) -> note({terminate, Reason, State, Data}).
