%% supervisor: flags and child specifications, the child functions
%% (start/terminate/restart/delete, which/count, get_childspec), restart
%% strategies and types, shutdown kinds, intensity, simple_one_for_one and
%% auto_shutdown. Restarts are counted by messages from the children.
-module(lib_supervisor).
-behaviour(supervisor).
-export([main/0, init/1, worker/2, sup/1, bad_start/0, counted/1]).
-include("test.hrl").

-define(S(E), ?T(scrub(catch E))).

main() ->
    logger:set_primary_config(level, none),
    process_flag(trap_exit, true),
    register(lsup_test, self()),
    init_errors(),
    child_api(),
    one_for_one(),
    one_for_all(),
    rest_for_one(),
    intensity(),
    simple(),
    shutdowns(),
    auto_shutdown(),
    failed_restarts(),
    ok.

spec(Id) -> spec(Id, #{}).
spec(Id, Extra) -> maps:merge(#{id => Id, start => {?MODULE, worker, [Id, #{}]}}, Extra).

init_errors() ->
    ?S(supervisor:start_link(?MODULE, {{foo, 1, 1}, []})),
    ?S(supervisor:start_link(?MODULE, {#{intensity => -1}, []})),
    ?S(supervisor:start_link(?MODULE, {#{period => 0}, []})),
    ?S(supervisor:start_link(?MODULE, {#{auto_shutdown => x}, []})),
    ?S(supervisor:start_link(?MODULE, {#{}, [{a, {?MODULE, worker, [a, #{}]}, bad, 1, worker, []}]})),
    ?S(supervisor:start_link(?MODULE, {#{}, [#{id => a}]})),
    ?S(supervisor:start_link(?MODULE, {#{}, [#{start => {m, f, []}}]})),
    ?S(supervisor:start_link(?MODULE, {#{}, [spec(a), spec(a)]})),
    ?S(supervisor:start_link(?MODULE, bad)),
    ?S(supervisor:start_link(?MODULE, ignore)),
    ?S(supervisor:start_link(?MODULE, {#{}, [spec(a), #{id => b, start => {?MODULE, bad_start, []}}]})),
    ?T(flush_started()),
    ?S(supervisor:start_link(?MODULE, {#{}, [spec(a, #{start => {?MODULE, worker, [a, #{start => {error, nope}}]}})]})),
    ?S(supervisor:start_link({local, lsup_named}, ?MODULE, {#{}, []})),
    ?S(supervisor:start_link({local, lsup_named}, ?MODULE, {#{}, []})),
    ?S(proc_lib:initial_call(whereis(lsup_named))),
    ?S(supervisor:get_callback_module(lsup_named)),
    stop(whereis(lsup_named)),
    ?S(supervisor:check_childspecs([spec(a, #{shutdown => -1})])),
    ?S(supervisor:check_childspecs([spec(a), spec(a)])),
    ?S(supervisor:check_childspecs([spec(a, #{type => thing})])),
    ?S(supervisor:check_childspecs([spec(a, #{modules => x})])),
    ?S(supervisor:check_childspecs([spec(a, #{start => x})])),
    ?S(supervisor:check_childspecs([spec(a, #{significant => true})])),
    ?S(supervisor:check_childspecs([spec(a), {b, {m, f, []}, temporary, brutal_kill, supervisor, dynamic}])),
    ?S(supervisor:check_childspecs(x)),
    ?S(supervisor:which_children(lsup_nobody)).

child_api() ->
    {ok, S} = supervisor:start_link(?MODULE, {#{}, [spec(a), {b, {?MODULE, worker, [b, #{}]}, temporary, brutal_kill, worker, dynamic}]}),
    ?T(flush_started()),
    ?S(supervisor:which_children(S)),
    ?S(supervisor:get_childspec(S, a)),
    ?S(supervisor:get_childspec(S, b)),
    ?S(supervisor:count_children(S)),
    ?S(supervisor:start_child(S, spec(a))),
    ?S(supervisor:start_child(S, spec(c, #{start => {?MODULE, bad_start, []}}))),
    ?S(supervisor:start_child(S, spec(c, #{restart => x}))),
    ?S(supervisor:start_child(S, spec(c, #{type => supervisor, start => {?MODULE, sup, [{#{}, []}]}}))),
    ?S(supervisor:start_child(S, spec(d, #{start => {?MODULE, worker, [d, #{start => ignore}]}}))),
    ?S(supervisor:start_child(S, spec(e, #{start => {?MODULE, worker, [e, #{start => extra}]}}))),
    ?T(flush_started()),
    ?S(supervisor:which_children(S)),
    ?S(supervisor:count_children(S)),
    ?S(supervisor:terminate_child(S, a)),
    ?S(supervisor:start_child(S, spec(a))),
    ?S(supervisor:delete_child(S, b)),
    ?S(supervisor:restart_child(S, b)),
    ?S(supervisor:terminate_child(S, b)),
    ?S(supervisor:terminate_child(S, b)),
    ?S(supervisor:restart_child(S, a)),
    ?S(supervisor:restart_child(S, d)),
    ?S(supervisor:delete_child(S, a)),
    ?S(supervisor:delete_child(S, d)),
    [{e, E, _, _} | _] = supervisor:which_children(S),
    ?S(supervisor:terminate_child(S, E)),
    ?S(supervisor:which_children(S)),
    ?S(supervisor:terminate_child(S, zz)),
    ?S(supervisor:restart_child(S, zz)),
    ?S(supervisor:delete_child(S, zz)),
    ?S(supervisor:get_childspec(S, zz)),
    ?S(supervisor:start_child(S, [])),
    ?T(flush_started()),
    stop(S).

one_for_one() ->
    {ok, S} = supervisor:start_link(?MODULE, {#{strategy => one_for_one, intensity => 10},
                                               [spec(p), spec(t, #{restart => transient}), spec(tmp, #{restart => temporary})]}),
    ?T(flush_started()),
    crash(S, p, boom),
    ?T(flush_started()),
    crash(S, t, normal),
    ?T(flush_started()),
    ?S(supervisor:which_children(S)),
    ?S(supervisor:restart_child(S, t)),
    crash(S, t, {shutdown, x}),
    ?S(supervisor:restart_child(S, t)),
    ?T(flush_started()),
    crash(S, t, boom),
    ?T(flush_started()),
    crash(S, tmp, boom),
    ?T(flush_started()),
    ?S(supervisor:which_children(S)),
    ?S(supervisor:count_children(S)),
    stop(S).

one_for_all() ->
    {ok, S} = supervisor:start_link(?MODULE, {#{strategy => one_for_all, intensity => 10},
                                               [spec(a), spec(b), spec(c, #{restart => temporary})]}),
    ?T(flush_started()),
    crash(S, b, boom),
    ?T(flush_stopped()),
    ?T(flush_started()),
    ?S(ids(S)),
    stop(S).

rest_for_one() ->
    {ok, S} = supervisor:start_link(?MODULE, {#{strategy => rest_for_one, intensity => 10},
                                               [spec(a), spec(b), spec(c), spec(d)]}),
    ?T(flush_started()),
    crash(S, b, boom),
    ?T(flush_stopped()),
    ?T(flush_started()),
    crash(S, d, boom),
    ?T(flush_stopped()),
    ?T(flush_started()),
    ?S(ids(S)),
    stop(S).

intensity() ->
    {ok, S} = supervisor:start_link(?MODULE, {#{intensity => 2, period => 10}, [spec(a), spec(b)]}),
    flush_started(),
    crash(S, a, boom),
    crash(S, a, boom),
    ?T(flush_started()),
    Ref = monitor(process, S),
    crash(S, a, boom),
    ?T(receive {'DOWN', Ref, process, S, R} -> R after 1000 -> none end),
    ?T(receive {'EXIT', S, R2} -> R2 after 1000 -> none end),
    ?T(flush_stopped()),
    {ok, Z} = supervisor:start_link(?MODULE, {#{intensity => 0}, [spec(a)]}),
    flush_started(),
    crash(Z, a, boom),
    ?T(receive {'EXIT', Z, R3} -> R3 after 1000 -> none end).

simple() ->
    {ok, S} = supervisor:start_link(?MODULE, {#{strategy => simple_one_for_one},
                                               [#{id => w, start => {?MODULE, worker, [w]}, restart => transient}]}),
    ?S(supervisor:which_children(S)),
    {ok, A} = supervisor:start_child(S, [#{n => 1}]),
    {ok, B} = supervisor:start_child(S, [#{n => 2}]),
    ?S(supervisor:start_child(S, [#{start => ignore}])),
    ?S(supervisor:start_child(S, [#{start => {error, no}}])),
    ?T(flush_started()),
    ?S(supervisor:count_children(S)),
    ?S(length(supervisor:which_children(S))),
    ?S(supervisor:get_childspec(S, A)),
    ?S(supervisor:get_childspec(S, w)),
    ?S(supervisor:terminate_child(S, w)),
    ?S(supervisor:restart_child(S, A)),
    ?S(supervisor:delete_child(S, A)),
    A ! {exit, boom},
    ?T(flush_started()),
    B ! {exit, normal},
    timer:sleep(20),
    ?T(flush_started()),
    ?S(supervisor:count_children(S)),
    [{undefined, A2, worker, [?MODULE]}] = supervisor:which_children(S),
    ?S(supervisor:terminate_child(S, A2)),
    ?S(supervisor:terminate_child(S, A2)),
    ?S(supervisor:which_children(S)),
    ?S(supervisor:start_link(?MODULE, {#{strategy => simple_one_for_one}, [spec(a), spec(b)]})),
    stop(S).

shutdowns() ->
    {ok, S} = supervisor:start_link(?MODULE, {#{}, [spec(inf, #{shutdown => infinity}),
                                                     spec(slow, #{shutdown => 30, start => {?MODULE, worker, [slow, #{trap => 500}]}}),
                                                     spec(trap, #{shutdown => 500, start => {?MODULE, worker, [trap, #{trap => 10}]}}),
                                                     spec(brutal, #{shutdown => brutal_kill, start => {?MODULE, worker, [brutal, #{trap => 500}]}})]}),
    ?T(flush_started()),
    stop(S),
    ?T(flush_stopped()).

auto_shutdown() ->
    {ok, S} = supervisor:start_link(?MODULE, {#{auto_shutdown => any_significant},
                                               [spec(a), spec(b, #{restart => transient, significant => true})]}),
    flush_started(),
    crash(S, b, normal),
    ?T(receive {'EXIT', S, R} -> R after 1000 -> none end),
    {ok, T} = supervisor:start_link(?MODULE, {#{auto_shutdown => all_significant},
                                               [spec(a, #{restart => temporary, significant => true}),
                                                spec(b, #{restart => temporary, significant => true})]}),
    flush_started(),
    crash(T, a, normal),
    ?S(ids(T)),
    crash(T, b, normal),
    ?T(receive {'EXIT', T, R2} -> R2 after 1000 -> none end),
    ?S(supervisor:start_link(?MODULE, {#{auto_shutdown => any_significant, strategy => simple_one_for_one},
                                       [spec(a, #{restart => temporary, significant => true})]})),
    flush_started().

%% Restarts that fail are tried again (each try counts); the starts of
%% each child are counted.
failed_restarts() ->
    [begin
         [persistent_term:erase({?MODULE, I}) || I <- [a, b, c]],
         {ok, S} = supervisor:start_link(?MODULE, {#{strategy => Strategy, intensity => 10, period => 10},
                                                    [spec(I, #{start => {?MODULE, counted, [I]}}) || I <- [a, b, c]]}),
         crash(S, b, die),
         settle(S, 40),
         ?T({Strategy, ids(S), [persistent_term:get({?MODULE, I}) || I <- [a, b, c]]}),
         stop(S)
     end || Strategy <- [one_for_one, one_for_all, rest_for_one]],
    persistent_term:erase({?MODULE, z}),
    {ok, T} = supervisor:start_link(?MODULE, {#{intensity => 1, period => 10}, [spec(z, #{start => {?MODULE, counted, [z]}})]}),
    crash(T, z, die),
    ?T(receive {'EXIT', T, R} -> R after 1000 -> none end),
    flush_started().

%% The second and third starts of each child fail.
counted(Id) ->
    N = persistent_term:get({?MODULE, Id}, 0),
    persistent_term:put({?MODULE, Id}, N + 1),
    case N of
        1 -> {error, {fail, Id, N}};
        2 -> {error, {fail, Id, N}};
        _ -> worker(Id, #{})
    end.

%% Helpers.
crash(S, Id, Reason) ->
    {Id, Pid, _, _} = lists:keyfind(Id, 1, supervisor:which_children(S)),
    Ref = monitor(process, Pid),
    Pid ! {exit, Reason},
    receive {'DOWN', Ref, process, Pid, _} -> ok end,
    timer:sleep(60).

ids(S) -> [{Id, is_pid(P)} || {Id, P, _, _} <- supervisor:which_children(S)].

stop(S) ->
    unlink(S),
    Ref = monitor(process, S),
    exit(S, shutdown),
    receive {'DOWN', Ref, process, S, _} -> ok end.

flush_started() -> collect(started).
flush_stopped() -> collect(stopped).

collect(Tag) ->
    receive {Tag, Id} -> [Id | collect(Tag)] after 150 -> [] end.

%% Waits (up to Tries times 50 ms) until every child runs again.
settle(S, 0) -> S;
settle(S, Tries) ->
    case [P || {_, P, _, _} <- supervisor:which_children(S), not is_pid(P)] of
        [] -> timer:sleep(50);
        _ -> timer:sleep(50), settle(S, Tries - 1)
    end.

scrub(P) when is_pid(P) -> pid;
scrub(R) when is_reference(R) -> ref;
scrub([H | T]) -> [scrub(H) | scrub(T)];
scrub(T) when is_tuple(T) -> list_to_tuple(scrub(tuple_to_list(T)));
scrub(X) -> X.

%% The supervisor callback: the flags and specs come as the argument.
init({Flags, Specs}) -> {ok, {Flags, Specs}};
init(ignore) -> ignore;
init(Other) -> Other.

sup(Arg) -> supervisor:start_link(?MODULE, Arg).

bad_start() -> {error, not_today}.

%% A child that says when it starts (from the supervisor, so that the
%% messages come in start order) and stops, and exits when told.
worker(Id, Opts) ->
    case maps:find(start, Opts) of
        {ok, ignore} -> ignore;
        {ok, {error, E}} -> {error, E};
        {ok, extra} -> {ok, spawn_worker(Id, Opts), extra_info};
        error -> {ok, spawn_worker(Id, Opts)}
    end.

spawn_worker(Id, Opts) ->
    lsup_test ! {started, Id},
    Trap = maps:is_key(trap, Opts),
    Self = self(),
    Pid = proc_lib:spawn_link(fun() -> process_flag(trap_exit, Trap), Self ! {ready, self()}, wait(Id, Opts) end),
    receive {ready, Pid} -> Pid end.

wait(Id, Opts) ->
    receive
        {exit, Reason} -> exit(Reason);
        {'EXIT', _, shutdown} ->
            {ok, T} = maps:find(trap, Opts),
            timer:sleep(T),
            lsup_test ! {stopped, Id},
            exit(shutdown)
    end.
