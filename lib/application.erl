%% application.erl — OTP's application API: loading application
%% descriptions (from Name.app on the code path, or given as a term),
%% starting and stopping applications with their dependencies, their
%% environment and keys. A started application with {mod, {M, A}} runs
%% under a master process, the group leader of its processes (it passes
%% their io on), which ends when the application's top supervisor does.
-module(application).

-export([load/1, load/2, unload/1, start/1, start/2, stop/1,
         ensure_started/1, ensure_started/2, ensure_all_started/1, ensure_all_started/2,
         get_env/1, get_env/2, get_env/3, get_all_env/0, get_all_env/1,
         set_env/3, set_env/4, unset_env/2, unset_env/3,
         get_key/1, get_key/2, get_all_key/0, get_all_key/1,
         get_application/0, get_application/1,
         which_applications/0, which_applications/1, loaded_applications/0]).

%% The keys of an application description and their defaults.
-define(KEYS, [{description, ""}, {id, ""}, {vsn, ""}, {modules, []}, {maxP, infinity},
               {maxT, infinity}, {registered, []}, {included_applications, []},
               {optional_applications, []}, {applications, []}, {env, []}, {mod, []},
               {start_phases, undefined}]).

call(Req) ->
    gen_server:call(application_controller:ensure_started(), Req, infinity).

load(AppDescr) -> load(AppDescr, []).

load({application, Name, Props} = Descr, _Distributed) when is_atom(Name), is_list(Props) ->
    case call({load, Name, Props}) of
        {error, {already_loaded, Name}} -> {error, {already_loaded, Descr}};
        Other -> Other
    end;
load(Name, _Distributed) when is_atom(Name) ->
    case find_app_file(Name) of
        {ok, {application, Name, Props}} when is_list(Props) -> call({load, Name, Props});
        {ok, Other} -> {error, {bad_application, Other}};
        {error, _} = Error -> Error
    end.

%% Name.app in the directories of the code path, or in the current
%% directory where there is no code server to ask.
find_app_file(Name) ->
    File = atom_to_list(Name) ++ ".app",
    Dirs = try code:get_path() catch error:undef -> ["."] end,
    find_in(Dirs, File).

find_in([Dir | Dirs], File) ->
    Path = Dir ++ "/" ++ File,
    case application_controller:read_app_file(Path) of
        {ok, Term} -> {ok, Term};
        {error, enoent} -> find_in(Dirs, File);
        {error, syntax} -> {error, {syntax_error, Path}};
        {error, Reason} -> {error, {Reason, Path}}
    end;
find_in([], File) ->
    {error, {"no such file or directory", File}}.

unload(Name) -> call({unload, Name}).

start(Name) -> start(Name, temporary).

start(Name, Type) when Type =:= temporary; Type =:= transient; Type =:= permanent ->
    case ensure_loaded(Name) of
        ok ->
            case call({prepare_start, Name}) of
                ok -> do_start(Name, Type);
                Error -> Error
            end;
        Error ->
            Error
    end.

ensure_loaded(Name) ->
    case call({props, Name}) of
        {ok, _} -> ok;
        undefined -> load(Name)
    end.

do_start(Name, Type) ->
    {ok, Props} = call({props, Name}),
    case lists:keyfind(mod, 1, Props) of
        {mod, {M, A}} ->
            case start_master(Name, M, A) of
                {ok, Master} ->
                    call({started, Name, Master, Type}),
                    ok;
                {error, Reason} ->
                    call({start_failed, Name}),
                    application_controller:report_exit(Name, Reason, Type),
                    {error, Reason}
            end;
        _ ->
            call({started, Name, undefined, Type}),
            ok
    end.

stop(Name) ->
    case call({stop, Name}) of
        {ok, undefined, Type} ->
            application_controller:report_exit(Name, stopped, Type),
            ok;
        {ok, Master, Type} ->
            Mref = monitor(process, Master),
            Master ! {stop, self()},
            receive {'DOWN', Mref, process, Master, _} -> ok end,
            application_controller:report_exit(Name, stopped, Type),
            ok;
        Error ->
            Error
    end.

ensure_started(Name) -> ensure_started(Name, temporary).

ensure_started(Name, Type) ->
    case start(Name, Type) of
        {error, {already_started, Name}} -> ok;
        Other -> Other
    end.

ensure_all_started(Name) -> ensure_all_started(Name, temporary).

%% Starts the applications Name needs, then Name; on a failure the ones
%% started here are stopped again.
ensure_all_started(Name, Type) ->
    case start_all(Name, Type, []) of
        {ok, Started} ->
            {ok, lists:reverse(Started, [])};
        {error, Reason, Started} ->
            [stop(A) || A <- Started],
            {error, Reason}
    end.

start_all(Name, Type, Started) ->
    case ensure_loaded(Name) of
        ok ->
            {ok, Props} = call({props, Name}),
            Deps = [D || D <- key(applications, Props, []), D =/= kernel, D =/= stdlib],
            start_deps(Deps, Name, Type, Started);
        {error, Reason} ->
            {error, {Name, Reason}, Started}
    end.

start_deps([Dep | Deps], Name, Type, Started) ->
    case lists:keymember(Dep, 1, call(running)) of
        true -> start_deps(Deps, Name, Type, Started);
        false ->
            case start_all(Dep, Type, Started) of
                {ok, Started1} -> start_deps(Deps, Name, Type, Started1);
                Error -> Error
            end
    end;
start_deps([], Name, Type, Started) ->
    case start(Name, Type) of
        ok -> {ok, [Name | Started]};
        {error, {already_started, Name}} -> {ok, Started};
        {error, Reason} -> {error, {Name, Reason}, Started}
    end.

%% The master: starts the application in a child process whose processes
%% have the master as group leader, then waits for its end or a stop.
start_master(Name, M, A) ->
    Caller = self(),
    {Master, Mref} = spawn_monitor(fun() -> master_init(Caller, Name, M, A) end),
    receive
        {Master, started} ->
            erlang:demonitor(Mref, [flush]),
            {ok, Master};
        {'DOWN', Mref, process, Master, Reason} ->
            {error, Reason}
    end.

master_init(Caller, Name, M, A) ->
    process_flag(trap_exit, true),
    call({master, Name, self()}),
    Self = self(),
    Starter = spawn_link(fun() -> group_leader(Self, self()), starter(Self, M, A) end),
    master_starting(Caller, Starter, M, group_leader()).

master_starting(Caller, Starter, M, GL) ->
    receive
        {Starter, {started, State}} ->
            Caller ! {self(), started},
            master_loop(Starter, M, State, GL);
        {'EXIT', Starter, Reason} ->
            exit(Reason);
        {io_request, _, _, _} = Io ->
            GL ! Io,
            master_starting(Caller, Starter, M, GL)
    end.

master_loop(Starter, M, State, GL) ->
    receive
        {stop, _From} ->
            State1 = prep_stop(M, State),
            Starter ! stop,
            master_stopping(Starter, GL),
            catch M:stop(State1),
            exit(normal);
        {'EXIT', Starter, Reason} ->
            %% the top supervisor ended: the callback still hears of it
            catch M:stop(prep_stop(M, State)),
            exit(Reason);
        {io_request, _, _, _} = Io ->
            GL ! Io,
            master_loop(Starter, M, State, GL);
        _ ->
            master_loop(Starter, M, State, GL)
    end.

prep_stop(M, State) ->
    case erlang:function_exported(M, prep_stop, 1) of
        true -> M:prep_stop(State);
        false -> State
    end.

master_stopping(Starter, GL) ->
    receive
        {'EXIT', Starter, _} -> ok;
        {io_request, _, _, _} = Io -> GL ! Io, master_stopping(Starter, GL)
    end.

%% Runs M:start(normal, A); once it succeeded, holds the link to the top
%% supervisor: its exit ends the application with the same reason.
starter(Master, M, A) ->
    Start = {M, start, [normal, A]},
    Result = try M:start(normal, A)
             catch
                 throw:T -> T;
                 error:R:St -> {'EXIT', {R, St}};
                 exit:R -> {'EXIT', R}
             end,
    case Result of
        {ok, Sup} when is_pid(Sup) -> run(Master, Sup, []);
        {ok, Sup, State} when is_pid(Sup) -> run(Master, Sup, State);
        {error, Reason} -> exit({Reason, Start});
        Other -> exit({bad_return, {Start, Other}})
    end.

run(Master, Sup, State) ->
    process_flag(trap_exit, true),
    Master ! {self(), {started, State}},
    receive
        stop ->
            exit(Sup, shutdown),
            receive {'EXIT', Sup, _} -> ok end,
            exit(normal);
        {'EXIT', Sup, Reason} ->
            exit(Reason);
        {'EXIT', Master, _} ->
            exit(Sup, kill),
            exit(killed)
    end.

get_env(Par) ->
    case get_application() of
        {ok, App} -> get_env(App, Par);
        undefined -> undefined
    end.

get_env(App, Par) ->
    case lists:keyfind(Par, 1, call({env, App})) of
        {Par, Val} -> {ok, Val};
        false -> undefined
    end.

get_env(App, Par, Default) ->
    case get_env(App, Par) of
        {ok, Val} -> Val;
        undefined -> Default
    end.

get_all_env() ->
    case get_application() of
        {ok, App} -> get_all_env(App);
        undefined -> []
    end.

get_all_env(App) -> call({env, App}).

set_env(App, Par, Val) -> call({set_env, App, Par, Val}).
set_env(App, Par, Val, _Opts) -> set_env(App, Par, Val).

unset_env(App, Par) -> call({unset_env, App, Par}).
unset_env(App, Par, _Opts) -> unset_env(App, Par).

get_key(Key) ->
    case get_application() of
        {ok, App} -> get_key(App, Key);
        undefined -> undefined
    end.

get_key(App, Key) ->
    case call({props, App}) of
        {ok, Props} ->
            case lists:keyfind(Key, 1, ?KEYS) of
                {env, _} -> {ok, call({env, App})};
                {Key, Default} -> {ok, key(Key, Props, Default)};
                false -> undefined
            end;
        undefined ->
            undefined
    end.

get_all_key() ->
    case get_application() of
        {ok, App} -> get_all_key(App);
        undefined -> undefined
    end.

get_all_key(App) ->
    case call({props, App}) of
        {ok, _} -> {ok, [{K, element(2, get_key(App, K))} || {K, _} <- ?KEYS]};
        undefined -> undefined
    end.

key(Key, Props, Default) ->
    case lists:keyfind(Key, 1, Props) of
        {Key, V} -> V;
        false -> Default
    end.

%% The application of a process is the one whose master is its group leader.
get_application() ->
    call({application_of_master, group_leader()}).

get_application(Pid) when is_pid(Pid) ->
    case process_info(Pid, group_leader) of
        {group_leader, GL} -> call({application_of_master, GL});
        undefined -> undefined
    end;
get_application(Module) when is_atom(Module) ->
    case [Name || {Name, Props} <- call(loaded), lists:member(Module, key(modules, Props, []))] of
        [Name | _] -> {ok, Name};
        [] -> undefined
    end.

which_applications() ->
    [{Name, description(Name), vsn(Name)} || {Name, _, _} <- call(running)].

which_applications(_Timeout) -> which_applications().

loaded_applications() ->
    [{Name, key(description, Props, ""), key(vsn, Props, "")} || {Name, Props} <- call(loaded)].

description(Name) -> element(2, get_key(Name, description)).
vsn(Name) -> element(2, get_key(Name, vsn)).
