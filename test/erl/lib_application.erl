%% application: loading descriptions given as terms, keys and environment,
%% starting with dependencies, the callback module's start and stop, the
%% application of a process, failures, and an application that ends when
%% its top supervisor dies. (Reading Name.app files is left to examples.)
-module(lib_application).
-export([main/0, start/2, stop/1, prep_stop/1, init/1, worker/0]).
-include("test.hrl").

main() ->
    logger:set_primary_config(level, none),
    register(lapp_test, self()),
    ?T(application:load(lapp_nosuch)),
    ?T(application:start(lapp_nosuch)),
    ?T(application:ensure_all_started(lapp_nosuch)),
    ?T(application:load(app(lapp_a, [{description, "A"}, {vsn, "1.0"}, {env, [{k, v}]},
                                      {registered, [lapp_sup]}, {mod, {?MODULE, ok}},
                                      {applications, [kernel, stdlib]}]))),
    ?T(application:load(app(lapp_a, []))),
    ?T(application:get_key(lapp_a, vsn)),
    ?T(application:get_key(lapp_a, description)),
    ?T(application:get_key(lapp_a, modules)),
    ?T(application:get_key(lapp_a, registered)),
    ?T(application:get_key(lapp_a, mod)),
    ?T(application:get_key(lapp_a, start_phases)),
    ?T(application:get_key(lapp_a, maxT)),
    ?T(application:get_key(lapp_a, nokey)),
    ?T(application:get_key(lapp_nosuch, vsn)),
    ?T(application:get_all_key(lapp_a)),
    ?T(application:get_env(lapp_a, k)),
    ?T(application:get_env(lapp_a, zz)),
    ?T(application:get_env(lapp_a, zz, def)),
    ?T(application:get_all_env(lapp_a)),
    ?T(application:set_env(lapp_a, k, w)),
    ?T(application:get_env(lapp_a, k)),
    ?T(application:unset_env(lapp_a, k)),
    ?T(application:get_env(lapp_a, k)),
    ?T(application:get_all_env(lapp_a)),
    ?T(application:set_env(lapp_unloaded, p, 1)),
    ?T(application:get_env(lapp_unloaded, p)),
    ?T(application:get_env(k)),
    ?T(application:get_application()),
    ?T(application:get_key(vsn)),
    ?T(mine(application:loaded_applications())),
    ?T(application:start(lapp_a)),
    ?T(receive {started, A} -> A after 1000 -> none end),
    ?T(application:start(lapp_a)),
    ?T(application:ensure_started(lapp_a)),
    ?T(mine(application:which_applications())),
    Sup = whereis(lapp_sup),
    ?T(application:get_application(Sup)),
    ?T(application:get_application(self())),
    ?T(gen_server:call(lapp_worker, app)),
    ?T(gen_server:call(lapp_worker, env)),
    ?T(gen_server:call(lapp_worker, key)),
    ?T(application:unload(lapp_a)),
    ?T(application:stop(lapp_a)),
    ?T(flush()),
    ?T(whereis(lapp_sup)),
    ?T(application:stop(lapp_a)),
    ?T(mine(application:which_applications())),
    ?T(application:unload(lapp_a)),
    ?T(application:unload(lapp_a)),
    ?T(application:get_env(lapp_a, k)),
    %% dependencies
    ok = application:load(app(lapp_lib, [{description, "library"}])),
    ok = application:load(app(lapp_dep, [{applications, [kernel, lapp_lib]}, {mod, {?MODULE, ok}}])),
    ok = application:load(app(lapp_top, [{applications, [lapp_dep, lapp_lib]}])),
    ?T(application:start(lapp_top)),
    ?T(application:start(lapp_lib)),
    ?T(application:ensure_all_started(lapp_top)),
    ?T(flush()),
    ?T(mine(application:which_applications())),
    ?T(application:ensure_all_started(lapp_top)),
    ?T(application:stop(lapp_lib)),
    ?T(application:stop(lapp_top)),
    ?T(application:stop(lapp_dep)),
    ?T(flush()),
    ?T(mine(application:which_applications())),
    %% failing starts
    ok = application:load(app(lapp_err, [{mod, {?MODULE, err}}])),
    ok = application:load(app(lapp_bad, [{mod, {?MODULE, bad}}])),
    ok = application:load(app(lapp_ex, [{mod, {?MODULE, ex}}])),
    ?T(application:start(lapp_err)),
    ?T(application:start(lapp_bad)),
    ?T(application:start(lapp_ex)),
    ?T(application:ensure_all_started(lapp_err)),
    ?T(mine(application:which_applications())),
    %% the top supervisor dies: the (temporary) application is gone
    ?T(application:ensure_all_started(lapp_dep)),
    ?T(flush()),
    Top = whereis(lapp_sup),
    Ref = monitor(process, Top),
    exit(Top, kill),
    receive {'DOWN', Ref, process, Top, _} -> ok end,
    timer:sleep(50),
    ?T(mine(application:which_applications())),
    ?T(flush()),
    ?T(application:start(lapp_dep)),
    ?T(application:stop(lapp_dep)),
    ?T(flush()),
    ok.

app(Name, Props) -> {application, Name, Props}.

mine(Apps) -> sort([A || {N, _, _} = A <- Apps, lists:member(N, [lapp_a, lapp_lib, lapp_dep, lapp_top, lapp_err, lapp_bad, lapp_ex, lapp_needs_err])]).

flush() ->
    receive M -> [M | flush()] after 0 -> [] end.

sort(L) -> lists:reverse(isort(L, []), []).
isort([], Acc) -> Acc;
isort([X | T], Acc) -> isort(T, ins(X, Acc)).
ins(X, [Y | T]) when X < Y -> [Y | ins(X, T)];
ins(X, L) -> [X | L].

%% The application callback.
start(normal, ok) ->
    {ok, App} = application:get_application(),
    lapp_test ! {started, App},
    supervisor:start_link({local, lapp_sup}, ?MODULE, []);
start(normal, err) -> {error, nope};
start(normal, bad) -> weird;
start(normal, ex) -> exit(in_start).

prep_stop(State) -> lapp_test ! {prep_stop, State}, State.

stop(State) -> lapp_test ! {stopped, State}, ok.

%% The supervisor callback: one worker.
init([]) ->
    {ok, {#{}, [#{id => w, start => {?MODULE, worker, []}}]}}.

worker() ->
    {ok, proc_lib:spawn_link(fun() -> register(lapp_worker, self()), worker_loop() end)}.

worker_loop() ->
    receive
        {'$gen_call', From, app} -> gen:reply(From, application:get_application()), worker_loop();
        {'$gen_call', From, env} -> gen:reply(From, application:get_env(k)), worker_loop();
        {'$gen_call', From, key} -> gen:reply(From, application:get_key(vsn)), worker_loop()
    end.
