%% proc_lib: the spawn functions and the dictionary they set up, initial
%% calls, synchronous starts (init_ack, failures, timeouts), exit reasons
%% of crashing processes, hibernate and stop.
-module(lib_proc_lib).
-export([main/0, report/1, starter/1, sleeper/0, system_continue/3, system_terminate/4]).
-include("test.hrl").

main() ->
    logger:set_primary_config(level, none),
    register(lpl_test, self()),
    Self = self(),
    proc_lib:spawn(fun() -> report(fun_spawn) end),
    ?T(next()),
    proc_lib:spawn(?MODULE, report, [mfa_spawn]),
    ?T(next()),
    P = proc_lib:spawn_link(?MODULE, report, [linked]),
    ?T(next()),
    ?T(lists:member(P, element(2, process_info(self(), links))) orelse exited),
    proc_lib:spawn_opt(?MODULE, report, [opt], [{priority, normal}]),
    ?T(next()),
    {_, Ref} = proc_lib:spawn_opt(fun() -> report(monitored) end, [monitor]),
    ?T(next()),
    ?T(receive {'DOWN', Ref, process, _, R} -> R after 500 -> none end),
    proc_lib:spawn(node(), ?MODULE, report, [on_node]),
    ?T(next()),
    proc_lib:spawn_link(node(), fun() -> report(fun_on_node) end),
    ?T(next()),
    register(lpl_named_parent, spawn(fun() -> proc_lib:spawn(?MODULE, report, [named_parent]), receive after 200 -> ok end end)),
    ?T(next()),
    %% nested spawns keep the whole ancestry
    proc_lib:spawn(fun() -> proc_lib:spawn(?MODULE, report, [grandchild]) end),
    ?T(case next() of {grandchild, [_, Self], _} -> two_ancestors; Other -> Other end),
    W = proc_lib:spawn(?MODULE, sleeper, []),
    V = spawn(?MODULE, sleeper, []),
    timer:sleep(20),
    ?T(proc_lib:initial_call(W)),
    ?T(proc_lib:translate_initial_call(W)),
    ?T(proc_lib:initial_call(V)),
    ?T(proc_lib:translate_initial_call(V)),
    exit(V, kill),
    exit(W, kill),
    starts(),
    crashes(),
    stops(),
    ok.

report(Tag) ->
    lpl_test ! {report, Tag, get('$ancestors'), get('$initial_call')}.

next() ->
    receive {report, Tag, Ancestors, Initial} -> {Tag, scrub(Ancestors), Initial}
    after 1000 -> none
    end.

sleeper() -> receive after infinity -> ok end.

starts() ->
    ?T(proc_lib:start(?MODULE, starter, [ack])),
    ?T(proc_lib:start_link(?MODULE, starter, [ack])),
    ?T(proc_lib:start(?MODULE, starter, [ack2])),
    {Ret, Mref} = proc_lib:start_monitor(?MODULE, starter, [ack]),
    ?T(Ret),
    ?T(is_reference(Mref)),
    ?T(proc_lib:start(?MODULE, starter, [die])),
    process_flag(trap_exit, true),
    ?T(proc_lib:start_link(?MODULE, starter, [die])),
    ?T(proc_lib:start_link(?MODULE, starter, [crash]) =:= never),
    process_flag(trap_exit, false),
    ?T(proc_lib:start(?MODULE, starter, [slow], 30)),
    ?T(proc_lib:start(?MODULE, starter, [ack], 1000, [{priority, high}])),
    {Ret2, M2} = proc_lib:start_monitor(?MODULE, starter, [die]),
    ?T(Ret2),
    ?T(receive {'DOWN', M2, process, _, R} -> {down_kept, R} after 100 -> none end),
    ?T(proc_lib:start(?MODULE, starter, [ack], infinity, [monitor])),
    ok.

starter(ack) -> proc_lib:init_ack({started, get('$initial_call')}), receive after 50 -> ok end;
starter(ack2) -> [Parent | _] = get('$ancestors'), proc_lib:init_ack(Parent, two);
starter(die) -> exit(before_ack);
starter(crash) -> erlang:error(crash_before_ack);
starter(slow) -> receive after 500 -> proc_lib:init_ack(late) end.

crashes() ->
    Reason = fun(F) ->
                     {Pid, Ref} = spawn_monitor(fun() -> proc_lib:spawn_link(F), receive after 500 -> ok end end),
                     receive {'DOWN', Ref, process, Pid, R} -> scrub(R) after 1000 -> none end
             end,
    ?T(Reason(fun() -> erlang:error(oops) end)),
    ?T(Reason(fun() -> throw(ball) end)),
    ?T(Reason(fun() -> exit(gone) end)),
    ?T(Reason(fun() -> exit(normal) end)),
    ?T(Reason(fun() -> proc_lib:hibernate(erlang, error, [after_hibernate]) end)).

stops() ->
    S = proc_lib:spawn(fun() -> sys_loop(self()) end),
    ?T(proc_lib:stop(S)),
    ?T(is_process_alive(S)),
    S2 = proc_lib:spawn(fun() -> sys_loop(self()) end),
    ?T(proc_lib:stop(S2, {shutdown, why}, 1000)),
    ?T(catch proc_lib:stop(S2)),
    S3 = proc_lib:spawn(fun() -> receive after infinity -> ok end end),
    ?T(catch proc_lib:stop(S3, normal, 50)),
    exit(S3, kill).

%% A minimal process that handles system messages.
sys_loop(Parent) ->
    receive
        {system, From, Req} -> sys:handle_system_msg(Req, From, Parent, ?MODULE, [], state)
    end.

system_continue(Parent, _, _) -> sys_loop(Parent).
system_terminate(Reason, _, _, _) -> exit(Reason).

scrub([{M, F, A, L} | _]) when is_atom(M), is_atom(F), is_list(L), is_integer(A) orelse is_list(A) -> stack;
scrub(P) when is_pid(P) -> pid;
scrub([H | T]) -> [scrub(H) | scrub(T)];
scrub(T) when is_tuple(T) -> list_to_tuple(scrub(tuple_to_list(T)));
scrub(X) -> X.
