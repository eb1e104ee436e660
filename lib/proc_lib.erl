%% proc_lib.erl — processes that know their ancestors and initial call, start
%% synchronously, and leave a crash report when they die abnormally. The
%% dictionary keys ('$ancestors', '$initial_call') and the acknowledgement
%% message ({ack, Pid, Return}) are OTP's.
-module(proc_lib).

-export([spawn/1, spawn/2, spawn/3, spawn/4,
         spawn_link/1, spawn_link/2, spawn_link/3, spawn_link/4,
         spawn_opt/2, spawn_opt/3, spawn_opt/4, spawn_opt/5,
         start/3, start/4, start/5, start_link/3, start_link/4, start_link/5,
         start_monitor/3, start_monitor/4, start_monitor/5,
         init_ack/1, init_ack/2, init_p/3, init_p/5, wake_up/3, hibernate/3,
         initial_call/1, translate_initial_call/1, stop/1, stop/3,
         report_cb/2, format/1, format/2, format/3]).

spawn(F) when is_function(F) ->
    erlang:spawn(?MODULE, init_p, [my_name(), ancestors(), F]).

spawn(Node, F) when is_function(F) ->
    erlang:spawn(Node, ?MODULE, init_p, [my_name(), ancestors(), F]).

spawn(M, F, A) when is_atom(M), is_atom(F), is_list(A) ->
    erlang:spawn(?MODULE, init_p, [my_name(), ancestors(), M, F, A]).

spawn(Node, M, F, A) when is_atom(M), is_atom(F), is_list(A) ->
    erlang:spawn(Node, ?MODULE, init_p, [my_name(), ancestors(), M, F, A]).

spawn_link(F) when is_function(F) ->
    erlang:spawn_link(?MODULE, init_p, [my_name(), ancestors(), F]).

spawn_link(Node, F) when is_function(F) ->
    erlang:spawn_link(Node, ?MODULE, init_p, [my_name(), ancestors(), F]).

spawn_link(M, F, A) when is_atom(M), is_atom(F), is_list(A) ->
    erlang:spawn_link(?MODULE, init_p, [my_name(), ancestors(), M, F, A]).

spawn_link(Node, M, F, A) when is_atom(M), is_atom(F), is_list(A) ->
    erlang:spawn_link(Node, ?MODULE, init_p, [my_name(), ancestors(), M, F, A]).

spawn_opt(F, Opts) when is_function(F) ->
    erlang:spawn_opt(?MODULE, init_p, [my_name(), ancestors(), F], Opts).

spawn_opt(Node, F, Opts) when is_function(F) ->
    erlang:spawn_opt(Node, ?MODULE, init_p, [my_name(), ancestors(), F], Opts).

spawn_opt(M, F, A, Opts) when is_atom(M), is_atom(F), is_list(A) ->
    erlang:spawn_opt(?MODULE, init_p, [my_name(), ancestors(), M, F, A], Opts).

spawn_opt(Node, M, F, A, Opts) when is_atom(M), is_atom(F), is_list(A) ->
    erlang:spawn_opt(Node, ?MODULE, init_p, [my_name(), ancestors(), M, F, A], Opts).

%% The registered name of the caller, or its pid: what its children see as
%% their parent in '$ancestors'.
my_name() ->
    case process_info(self(), registered_name) of
        {registered_name, Name} -> Name;
        _ -> self()
    end.

ancestors() ->
    case get('$ancestors') of
        L when is_list(L) -> L;
        _ -> []
    end.

init_p(Parent, Ancestors, F) when is_function(F) ->
    put('$ancestors', [Parent | Ancestors]),
    put('$initial_call', fun_mfa(F)),
    run(F, []).

init_p(Parent, Ancestors, M, F, A) ->
    put('$ancestors', [Parent | Ancestors]),
    put('$initial_call', trans_init(M, F, A)),
    run({M, F}, A).

%% A behaviour started through gen has its callback module's init as the
%% initial call; a supervisor shows as {supervisor, Module, 1}.
trans_init(gen, init_it, [gen_server, _, _, supervisor, {_, Mod, _}, _]) -> {supervisor, Mod, 1};
trans_init(gen, init_it, [gen_server, _, _, _, supervisor, {_, Mod, _}, _]) -> {supervisor, Mod, 1};
trans_init(gen, init_it, [GenMod, _, _, Mod, _, _]) when is_atom(GenMod) -> {Mod, init, 1};
trans_init(gen, init_it, [GenMod, _, _, _, Mod, _, _]) when is_atom(GenMod) -> {Mod, init, 1};
trans_init(M, F, A) -> {M, F, length(A)}.

fun_mfa(F) ->
    {module, M} = erlang:fun_info(F, module),
    {name, N} = erlang:fun_info(F, name),
    {arity, A} = erlang:fun_info(F, arity),
    {M, N, A}.

run(F, []) when is_function(F) -> exit_p(fun() -> F() end);
run({M, F}, A) -> exit_p(fun() -> apply(M, F, A) end).

%% Runs Body; an abnormal end is reported, then the process exits with the
%% same reason (errors as {Reason, Stack}, throws as {{nocatch, T}, Stack}).
exit_p(Body) ->
    try Body()
    catch
        Class:Reason:Stack ->
            ExitReason = exit_reason(Class, Reason, Stack),
            crash_report(Class, Reason, ExitReason, Stack),
            erlang:raise(exit, ExitReason, Stack)
    end.

exit_reason(error, Reason, Stack) -> {Reason, Stack};
exit_reason(throw, Reason, Stack) -> {{nocatch, Reason}, Stack};
exit_reason(exit, Reason, _) -> Reason.

wake_up(M, F, A) ->
    exit_p(fun() -> apply(M, F, A) end).

%% Hibernates; on wake-up the process still reports a crash.
hibernate(M, F, A) ->
    erlang:hibernate(?MODULE, wake_up, [M, F, A]).

%% Synchronous starts: the caller waits for init_ack/1,2 from the new process.
start(M, F, A) -> start(M, F, A, infinity).
start(M, F, A, Timeout) -> start(M, F, A, Timeout, []).
start(M, F, A, Timeout, SpawnOpts) ->
    no_monitor_opt(SpawnOpts),
    {Pid, Mref} = ?MODULE:spawn_opt(M, F, A, [monitor | SpawnOpts]),
    sync_start_monitor(Pid, Mref, Timeout, false).

start_link(M, F, A) -> start_link(M, F, A, infinity).
start_link(M, F, A, Timeout) -> start_link(M, F, A, Timeout, []).
start_link(M, F, A, Timeout, SpawnOpts) ->
    no_monitor_opt(SpawnOpts),
    Pid = ?MODULE:spawn_opt(M, F, A, [link | SpawnOpts]),
    sync_start_link(Pid, Timeout).

start_monitor(M, F, A) -> start_monitor(M, F, A, infinity).
start_monitor(M, F, A, Timeout) -> start_monitor(M, F, A, Timeout, []).
start_monitor(M, F, A, Timeout, SpawnOpts) ->
    no_monitor_opt(SpawnOpts),
    {Pid, Mref} = ?MODULE:spawn_opt(M, F, A, [monitor | SpawnOpts]),
    sync_start_monitor(Pid, Mref, Timeout, true).

no_monitor_opt(Opts) ->
    case lists:member(monitor, Opts) of
        true -> erlang:error(badarg);
        false -> ok
    end.

sync_start_link(Pid, Timeout) ->
    receive
        {ack, Pid, Return} -> Return;
        {'EXIT', Pid, Reason} -> {error, Reason}
    after Timeout ->
        kill_flush(Pid),
        {error, timeout}
    end.

sync_start_monitor(Pid, Mref, Timeout, KeepMonitor) ->
    receive
        {ack, Pid, Return} when KeepMonitor -> {Return, Mref};
        {ack, Pid, Return} -> erlang:demonitor(Mref, [flush]), Return;
        {'DOWN', Mref, process, Pid, Reason} when KeepMonitor ->
            self() ! {'DOWN', Mref, process, Pid, Reason},
            {{error, Reason}, Mref};
        {'DOWN', Mref, process, Pid, Reason} -> {error, Reason}
    after Timeout ->
        kill_flush(Pid),
        case KeepMonitor of
            true -> {{error, timeout}, Mref};
            false -> erlang:demonitor(Mref, [flush]), {error, timeout}
        end
    end.

kill_flush(Pid) ->
    unlink(Pid),
    exit(Pid, kill),
    receive {'EXIT', Pid, _} -> ok after 0 -> ok end.

init_ack(Return) ->
    [Parent | _] = get('$ancestors'),
    init_ack(Parent, Return).

init_ack(Parent, Return) ->
    Parent ! {ack, self(), Return},
    ok.

%% {M, F, A} of the process's start, or false if proc_lib did not start it.
initial_call(Process) ->
    case dictionary(Process) of
        undefined -> false;
        Dict ->
            case lists:keyfind('$initial_call', 1, Dict) of
                {_, {M, F, A}} -> {M, F, make_dummy_args(A, [])};
                false -> false
            end
    end.

make_dummy_args(0, Acc) -> Acc;
make_dummy_args(N, Acc) -> make_dummy_args(N - 1, [list_to_atom("Argument__" ++ integer_to_list(N)) | Acc]).

%% The callback module for behaviours started through gen (the arity is that
%% of the module's init), else the initial call itself.
translate_initial_call(Process) ->
    case dictionary(Process) of
        undefined -> {proc_lib, init_p, 5};
        Dict ->
            case lists:keyfind('$initial_call', 1, Dict) of
                {_, MFA} -> MFA;
                false -> {proc_lib, init_p, 5}
            end
    end.

dictionary(Pid) when is_pid(Pid) ->
    case process_info(Pid, dictionary) of
        {dictionary, Dict} -> Dict;
        undefined -> undefined
    end;
dictionary(Dict) when is_list(Dict) -> Dict.

%% Stops a process that handles system messages (sys:terminate) and waits
%% for it to be gone; exits noproc, timeout, or with another exit reason.
stop(Process) -> stop(Process, normal, infinity).

stop(Process, Reason, Timeout) ->
    Mref = erlang:monitor(process, Process),
    Caller = self(),
    Helper = erlang:spawn(fun() ->
                                  try sys:terminate(Process, Reason, infinity)
                                  catch _:_ -> ok end,
                                  unlink(Caller)
                          end),
    receive
        {'DOWN', Mref, _, _, Reason} -> ok;
        {'DOWN', Mref, _, _, Other} -> exit(Other)
    after Timeout ->
        exit(Helper, kill),
        erlang:demonitor(Mref, [flush]),
        exit(timeout)
    end.

%% Crash reports, through logger with OTP's report form, unless the reason
%% is one of the normal ones.
crash_report(exit, normal, _, _) -> ok;
crash_report(exit, shutdown, _, _) -> ok;
crash_report(exit, {shutdown, _}, _, _) -> ok;
crash_report(Class, Reason, _ExitReason, Stack) ->
    Info = [{initial_call, get('$initial_call')},
            {pid, self()},
            {registered_name, registered_name()},
            {error_info, {Class, Reason, Stack}},
            {ancestors, get('$ancestors')}
            | process_infos()],
    logger:log(error, #{label => {proc_lib, crash}, report => [Info, []]},
               #{domain => [otp, sasl], report_cb => fun proc_lib:report_cb/2,
                 error_logger => #{tag => error_report, type => crash_report}}).

registered_name() ->
    case process_info(self(), registered_name) of
        {registered_name, N} -> N;
        _ -> []
    end.

process_infos() ->
    Keys = [message_queue_len, messages, links, dictionary, trap_exit, status,
            heap_size, stack_size, reductions],
    [process_item(K) || K <- Keys].

process_item(dictionary) ->
    {dictionary, [KV || {K, _} = KV <- get(), K =/= '$ancestors', K =/= '$initial_call']};
process_item(K) ->
    case process_info(self(), K) of
        {K, V} -> {K, V};
        _ -> {K, undefined}
    end.

%% A crash report ([Info, Neighbours]) as text.
format(CrashReport) -> format(CrashReport, latin1).
format(CrashReport, Encoding) -> format(CrashReport, Encoding, unlimited).
format([Info, Neighbours], _Encoding, _Depth) ->
    unicode:characters_to_list(report_cb(#{label => {proc_lib, crash}, report => [Info, Neighbours]}, #{})).

%% Formats a crash report as OTP's default handler prints it.
report_cb(#{label := {proc_lib, crash}, report := [Info, Neighbours]}, _Config) ->
    ["  crasher:\n", [crash_line(Item) || Item <- Info], "  neighbours:", neighbours(Neighbours), "\n"].

crash_line({initial_call, {M, F, A}}) ->
    io_lib:format("    initial call: ~tw:~tw/~w~n", [M, F, A]);
crash_line({error_info, {Class, Reason, Stack}}) ->
    [io_lib:format("    exception ~w: ~tp~n", [Class, Reason]) | frames(Stack, "in function ")];
crash_line({K, V}) ->
    io_lib:format("    ~w: ~tp~n", [K, V]).

%% The frames up to proc_lib's own.
frames([{proc_lib, _, _, _} | _], _) -> [];
frames([{M, F, A, Loc} | Rest], Label) ->
    Arity = if is_list(A) -> length(A); true -> A end,
    Where = case {lists:keyfind(file, 1, Loc), lists:keyfind(line, 1, Loc)} of
                {{file, File}, {line, Line}} -> io_lib:format(" (~ts, line ~w)", [File, Line]);
                _ -> ""
            end,
    [io_lib:format("      ~ts ~tw:~tw/~w~ts~n", [Label, M, F, Arity, Where]) | frames(Rest, "in call from")];
frames(_, _) -> [].

neighbours([]) -> "";
neighbours(Ns) -> [io_lib:format("~n    ~tp", [N]) || N <- Ns].
