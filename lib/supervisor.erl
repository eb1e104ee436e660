%% supervisor.erl — the supervisor behaviour: a gen_server that starts child
%% processes from child specifications, restarts them by strategy
%% (one_for_one, one_for_all, rest_for_one, simple_one_for_one) within a
%% restart intensity, and stops them in reverse start order. Its replies,
%% errors, child records and reports have OTP's forms.
-module(supervisor).
-behaviour(gen_server).

-export([start_link/2, start_link/3, start_child/2, restart_child/2, delete_child/2,
         terminate_child/2, which_children/1, count_children/1, get_childspec/2,
         check_childspecs/1, check_childspecs/2, get_callback_module/1, behaviour_info/1]).
-export([init/1, handle_call/3, handle_cast/2, handle_info/2, terminate/2, code_change/3]).

%% The field order is OTP's: a failed start_child shows the record.
-record(child, {pid, id, mfargs, restart_type, significant, shutdown, child_type, modules}).

-record(state, {name, strategy, children = [], dynamics = #{}, intensity, period,
                restarts = [], auto_shutdown = never, module, args}).

behaviour_info(callbacks) -> [{init, 1}];
behaviour_info(optional_callbacks) -> [];
behaviour_info(_) -> undefined.

start_link(Mod, Args) ->
    gen_server:start_link(supervisor, {self, Mod, Args}, []).

start_link(SupName, Mod, Args) ->
    gen_server:start_link(SupName, supervisor, {SupName, Mod, Args}, []).

start_child(Sup, ChildSpecOrArgs) -> call(Sup, {start_child, ChildSpecOrArgs}).
restart_child(Sup, Id) -> call(Sup, {restart_child, Id}).
delete_child(Sup, Id) -> call(Sup, {delete_child, Id}).
terminate_child(Sup, Id) -> call(Sup, {terminate_child, Id}).
which_children(Sup) -> call(Sup, which_children).
count_children(Sup) -> call(Sup, count_children).
get_childspec(Sup, Id) -> call(Sup, {get_childspec, Id}).
get_callback_module(Sup) -> call(Sup, get_callback_module).

call(Sup, Req) -> gen_server:call(Sup, Req, infinity).

check_childspecs(Specs) -> check_childspecs(Specs, undefined).

check_childspecs(Specs, AutoShutdown) when is_list(Specs) ->
    case check_specs(Specs, AutoShutdown, []) of
        {ok, _} -> ok;
        Error -> Error
    end;
check_childspecs(X, _) ->
    {error, {badarg, X}}.

%% gen_server callbacks.
init({SupName, Mod, Args}) ->
    process_flag(trap_exit, true),
    Name = case SupName of
               self -> {self(), Mod};
               _ -> SupName
           end,
    case Mod:init(Args) of
        {ok, {Flags, Specs}} ->
            case init_flags(Flags, #state{name = Name, module = Mod, args = Args}) of
                {ok, State} -> init_children(State, Specs);
                Error -> {stop, {supervisor_data, Error}}
            end;
        ignore ->
            ignore;
        Other ->
            {stop, {bad_return, {Mod, init, Other}}}
    end.

init_flags({Strategy, Intensity, Period}, State) ->
    init_flags(#{strategy => Strategy, intensity => Intensity, period => Period}, State);
init_flags(Flags, State) when is_map(Flags) ->
    Strategy = flag(strategy, Flags, one_for_one),
    Intensity = flag(intensity, Flags, 1),
    Period = flag(period, Flags, 5),
    AutoShutdown = flag(auto_shutdown, Flags, never),
    case {valid_strategy(Strategy), is_integer(Intensity) andalso Intensity >= 0,
          is_integer(Period) andalso Period > 0,
          lists:member(AutoShutdown, [never, any_significant, all_significant])} of
        {false, _, _, _} -> {invalid_strategy, Strategy};
        {_, false, _, _} -> {invalid_intensity, Intensity};
        {_, _, false, _} -> {invalid_period, Period};
        {_, _, _, false} -> {invalid_auto_shutdown, AutoShutdown};
        _ -> {ok, State#state{strategy = Strategy, intensity = Intensity, period = Period,
                              auto_shutdown = AutoShutdown}}
    end;
init_flags(Flags, _State) ->
    {invalid_type, Flags}.

flag(Key, Map, Default) ->
    case maps:find(Key, Map) of
        {ok, V} -> V;
        error -> Default
    end.

valid_strategy(S) -> lists:member(S, [one_for_one, one_for_all, rest_for_one, simple_one_for_one]).

init_children(#state{strategy = simple_one_for_one} = State, Specs) ->
    case check_specs(Specs, State#state.auto_shutdown, []) of
        {ok, [Child]} -> {ok, State#state{children = [Child]}};
        {ok, _} -> {stop, {bad_start_spec, Specs}};
        {error, Reason} -> {stop, {start_spec, Reason}}
    end;
init_children(State, Specs) ->
    case check_specs(Specs, State#state.auto_shutdown, []) of
        {ok, Children} ->
            case start_children(Children, [], State#state.name) of
                {ok, Started} -> {ok, State#state{children = Started}};
                {error, Started, Reason} ->
                    terminate_children(Started, State#state.name),
                    {stop, {shutdown, Reason}}
            end;
        {error, Reason} ->
            {stop, {start_spec, Reason}}
    end.

%% Starts the children in order; the result lists the newest first.
start_children([Child | Rest], Started, SupName) ->
    case do_start_child(Child) of
        {ok, Pid} ->
            start_children(Rest, [Child#child{pid = Pid} | Started], SupName);
        {ok, Pid, _Extra} ->
            start_children(Rest, [Child#child{pid = Pid} | Started], SupName);
        {error, Reason} ->
            report(start_error, Reason, Child, SupName),
            {error, Started, {failed_to_start_child, Child#child.id, Reason}}
    end;
start_children([], Started, _) ->
    {ok, Started}.

do_start_child(#child{mfargs = {M, F, A}}) ->
    do_start(M, F, A).

do_start(M, F, A) ->
    case catch apply(M, F, A) of
        {ok, Pid} when is_pid(Pid) -> {ok, Pid};
        {ok, Pid, Extra} when is_pid(Pid) -> {ok, Pid, Extra};
        ignore -> {ok, undefined};
        {error, Reason} -> {error, Reason};
        What -> {error, What}
    end.

handle_call({start_child, Args}, _From, #state{strategy = simple_one_for_one} = State) when is_list(Args) ->
    [#child{mfargs = {M, F, A}} = Child] = State#state.children,
    Full = A ++ Args,
    case do_start(M, F, Full) of
        {ok, undefined} -> {reply, {ok, undefined}, State};
        {ok, Pid} -> {reply, {ok, Pid}, add_dynamic(Pid, Full, State)};
        {ok, Pid, Extra} -> {reply, {ok, Pid, Extra}, add_dynamic(Pid, Full, State)};
        {error, _} = Error -> report_dynamic_start_error(Error, Child, State), {reply, Error, State}
    end;
handle_call({start_child, Spec}, _From, State) ->
    case check_spec(Spec) of
        {ok, Child} -> handle_start_child(Child, State);
        {error, _} = Error -> {reply, Error, State}
    end;
handle_call({terminate_child, Pid}, _From, #state{strategy = simple_one_for_one} = State) when is_pid(Pid) ->
    case maps:is_key(Pid, State#state.dynamics) of
        true ->
            [Child] = State#state.children,
            shutdown(Child#child{pid = Pid}, State#state.name),
            {reply, ok, State#state{dynamics = maps:remove(Pid, State#state.dynamics)}};
        false ->
            %% A child that is already gone counts as terminated.
            case is_process_alive(Pid) of
                true -> {reply, {error, not_found}, State};
                false -> {reply, ok, State}
            end
    end;
handle_call({terminate_child, _}, _From, #state{strategy = simple_one_for_one} = State) ->
    {reply, {error, simple_one_for_one}, State};
handle_call({terminate_child, Id}, _From, State) ->
    case lists:keyfind(Id, #child.id, State#state.children) of
        false -> {reply, {error, not_found}, State};
        #child{pid = undefined} -> {reply, ok, State};
        Child ->
            shutdown(Child, State#state.name),
            Children = case Child#child.restart_type of
                           temporary -> delete_child_rec(Child#child.id, #child.id, State#state.children);
                           _ -> replace_child(Child#child{pid = undefined}, State#state.children)
                       end,
            {reply, ok, State#state{children = Children}}
    end;
handle_call({restart_child, _}, _From, #state{strategy = simple_one_for_one} = State) ->
    {reply, {error, simple_one_for_one}, State};
handle_call({restart_child, Id}, _From, State) ->
    case lists:keyfind(Id, #child.id, State#state.children) of
        #child{pid = undefined} = Child ->
            case do_start_child(Child) of
                {ok, Pid} ->
                    {reply, {ok, Pid}, replace(Child#child{pid = Pid}, State)};
                {ok, Pid, Extra} ->
                    {reply, {ok, Pid, Extra}, replace(Child#child{pid = Pid}, State)};
                {error, _} = Error ->
                    {reply, Error, State}
            end;
        #child{pid = {restarting, _}} -> {reply, {error, restarting}, State};
        #child{pid = restarting} -> {reply, {error, restarting}, State};
        #child{} -> {reply, {error, running}, State};
        false -> {reply, {error, not_found}, State}
    end;
handle_call({delete_child, _}, _From, #state{strategy = simple_one_for_one} = State) ->
    {reply, {error, simple_one_for_one}, State};
handle_call({delete_child, Id}, _From, State) ->
    case lists:keyfind(Id, #child.id, State#state.children) of
        #child{pid = undefined} ->
            {reply, ok, State#state{children = delete_child_rec(Id, #child.id, State#state.children)}};
        #child{pid = {restarting, _}} -> {reply, {error, restarting}, State};
        #child{pid = restarting} -> {reply, {error, restarting}, State};
        #child{} -> {reply, {error, running}, State};
        false -> {reply, {error, not_found}, State}
    end;
%% A simple_one_for_one supervisor has one specification, its template.
handle_call({get_childspec, _}, _From, #state{strategy = simple_one_for_one, children = [Child]} = State) ->
    {reply, {ok, child_to_spec(Child)}, State};
handle_call({get_childspec, Id}, _From, State) ->
    case lists:keyfind(Id, #child.id, State#state.children) of
        false -> {reply, {error, not_found}, State};
        Child -> {reply, {ok, child_to_spec(Child)}, State}
    end;
handle_call(which_children, _From, #state{strategy = simple_one_for_one} = State) ->
    [#child{child_type = Type, modules = Mods}] = State#state.children,
    {reply, [{undefined, Pid, Type, Mods} || Pid <- maps:keys(State#state.dynamics)], State};
handle_call(which_children, _From, State) ->
    {reply, [{Id, visible_pid(Pid), Type, Mods}
             || #child{pid = Pid, id = Id, child_type = Type, modules = Mods} <- State#state.children], State};
handle_call(count_children, _From, #state{strategy = simple_one_for_one} = State) ->
    [#child{child_type = Type}] = State#state.children,
    N = map_size(State#state.dynamics),
    Active = length([P || P <- maps:keys(State#state.dynamics), is_process_alive(P)]),
    {Sups, Workers} = case Type of supervisor -> {N, 0}; worker -> {0, N} end,
    {reply, [{specs, 1}, {active, Active}, {supervisors, Sups}, {workers, Workers}], State};
handle_call(count_children, _From, State) ->
    Cs = State#state.children,
    {reply, [{specs, length(Cs)},
             {active, length([C || #child{pid = P} = C <- Cs, is_pid(P)])},
             {supervisors, length([C || #child{child_type = supervisor} = C <- Cs])},
             {workers, length([C || #child{child_type = worker} = C <- Cs])}], State};
handle_call(get_callback_module, _From, State) ->
    {reply, State#state.module, State}.

visible_pid({restarting, _}) -> restarting;
visible_pid(P) -> P.

handle_start_child(Child, State) ->
    case lists:keyfind(Child#child.id, #child.id, State#state.children) of
        false ->
            case do_start_child(Child) of
                {ok, Pid} ->
                    {reply, {ok, Pid}, State#state{children = [Child#child{pid = Pid} | State#state.children]}};
                {ok, Pid, Extra} ->
                    {reply, {ok, Pid, Extra}, State#state{children = [Child#child{pid = Pid} | State#state.children]}};
                {error, Reason} ->
                    {reply, {error, {Reason, Child}}, State}
            end;
        #child{pid = Pid} when is_pid(Pid) ->
            {reply, {error, {already_started, Pid}}, State};
        #child{} ->
            {reply, {error, already_present}, State}
    end.

add_dynamic(Pid, Args, State) ->
    State#state{dynamics = maps:put(Pid, Args, State#state.dynamics)}.

report_dynamic_start_error({error, Reason}, Child, State) ->
    report(start_error, Reason, Child, State#state.name).

replace(Child, State) ->
    State#state{children = replace_child(Child, State#state.children)}.

replace_child(Child, Children) ->
    [case C#child.id =:= Child#child.id of true -> Child; false -> C end || C <- Children].

delete_child_rec(Id, _Pos, Children) ->
    [C || C <- Children, C#child.id =/= Id].

%% A restart that failed is tried again, through the mailbox so that other
%% messages get their turn; each try counts against the intensity.
handle_cast({try_again_restart, Id}, State) ->
    case lists:keyfind(Id, #child.id, State#state.children) of
        #child{pid = {restarting, _}} = Child -> noreply(restart_or_stop(Child, State));
        _ -> {noreply, State}
    end;
handle_cast({try_again_restart_dynamic, Pid, Args}, State) ->
    [Child] = State#state.children,
    {M, F, _} = Child#child.mfargs,
    noreply(restart_or_stop(Child#child{pid = {restarting, Pid}, mfargs = {M, F, Args}}, State));
handle_cast(_Msg, State) ->
    {noreply, State}.

handle_info({'EXIT', Pid, Reason}, State) ->
    noreply(child_exited(Pid, Reason, State));
handle_info(Msg, State) ->
    logger:log(error, "Supervisor received unexpected message: ~tp~n", [Msg],
               #{domain => [otp], error_logger => #{tag => error}}),
    {noreply, State}.

noreply({ok, State}) -> {noreply, State};
noreply({shutdown, State}) -> {stop, shutdown, State}.

terminate(_Reason, #state{strategy = simple_one_for_one, children = [Child]} = State) ->
    terminate_dynamics(Child, State);
terminate(_Reason, State) ->
    terminate_children(State#state.children, State#state.name).

code_change(_OldVsn, State, _Extra) ->
    {ok, State}.

%% A child exited: restart it as its restart type and the strategy say.
child_exited(Pid, Reason, #state{strategy = simple_one_for_one} = State) ->
    case maps:find(Pid, State#state.dynamics) of
        {ok, Args} ->
            [Child] = State#state.children,
            {M, F, _} = Child#child.mfargs,
            Dyn = Child#child{pid = Pid, mfargs = {M, F, Args}},
            NState = State#state{dynamics = maps:remove(Pid, State#state.dynamics)},
            report_exit(Dyn, Reason, NState),
            case needs_restart(Dyn#child.restart_type, Reason) of
                true -> restart_or_stop(Dyn#child{pid = {restarting, Pid}}, NState);
                false -> {ok, NState}
            end;
        error ->
            {ok, State}
    end;
child_exited(Pid, Reason, State) ->
    case lists:keyfind(Pid, #child.pid, State#state.children) of
        false ->
            {ok, State};
        Child ->
            report_exit(Child, Reason, State),
            case needs_restart(Child#child.restart_type, Reason) of
                true ->
                    restart_or_stop(Child#child{pid = {restarting, Pid}}, replace(Child#child{pid = {restarting, Pid}}, State));
                false when Child#child.restart_type =:= temporary ->
                    significant_exit(Child, State#state{children = delete_child_rec(Child#child.id, #child.id, State#state.children)});
                false ->
                    significant_exit(Child, replace(Child#child{pid = undefined}, State))
            end
    end.

report_exit(Child, Reason, State) ->
    case normal_reason(Reason) of
        true -> ok;
        false -> report(child_terminated, Reason, Child, State#state.name)
    end.

needs_restart(permanent, _) -> true;
needs_restart(temporary, _) -> false;
needs_restart(transient, Reason) -> not normal_reason(Reason).

normal_reason(normal) -> true;
normal_reason(shutdown) -> true;
normal_reason({shutdown, _}) -> true;
normal_reason(_) -> false.

%% A significant child ended for good: with auto_shutdown the supervisor may
%% have to stop too.
significant_exit(#child{significant = true}, #state{auto_shutdown = any_significant} = State) ->
    {shutdown, State};
significant_exit(#child{significant = true}, #state{auto_shutdown = all_significant} = State) ->
    case [C || #child{significant = true, pid = P} = C <- State#state.children, P =/= undefined] of
        [] -> {shutdown, State};
        _ -> {ok, State}
    end;
significant_exit(_, State) ->
    {ok, State}.

%% Counts a restart; past the intensity the supervisor gives up.
restart_or_stop(Child, State) ->
    case add_restart(State) of
        {ok, NState} ->
            restart(Child, NState);
        {terminate, NState} ->
            report(shutdown, reached_max_restart_intensity, Child, State#state.name),
            {shutdown, NState}
    end.

add_restart(#state{intensity = I, period = P, restarts = R} = State) ->
    Now = erlang:monotonic_time(second),
    Recent = [T || T <- [Now | R], T > Now - P],
    NState = State#state{restarts = Recent},
    case length(Recent) > I of
        true -> {terminate, NState};
        false -> {ok, NState}
    end.

restart(#child{pid = {restarting, OldPid}} = Child, #state{strategy = simple_one_for_one} = State) ->
    {M, F, A} = Child#child.mfargs,
    case do_start(M, F, A) of
        {ok, undefined} -> {ok, State};
        {ok, Pid} -> {ok, add_dynamic(Pid, A, State)};
        {ok, Pid, _} -> {ok, add_dynamic(Pid, A, State)};
        {error, Reason} ->
            report(start_error, Reason, Child, State#state.name),
            gen_server:cast(self(), {try_again_restart_dynamic, OldPid, A}),
            {ok, State}
    end;
restart(Child, #state{strategy = one_for_one} = State) ->
    case do_start_child(Child) of
        {ok, Pid} -> {ok, replace(Child#child{pid = Pid}, State)};
        {ok, Pid, _} -> {ok, replace(Child#child{pid = Pid}, State)};
        {error, Reason} ->
            report(start_error, Reason, Child, State#state.name),
            gen_server:cast(self(), {try_again_restart, Child#child.id}),
            {ok, replace(Child, State)}
    end;
restart(Child, #state{strategy = one_for_all} = State) ->
    restart_group(Child, State#state.children, State);
restart(Child, #state{strategy = rest_for_one} = State) ->
    %% The children list is newest first: the group is the child and the
    %% ones in front of it.
    {Later, _} = split_at(Child#child.id, State#state.children, []),
    restart_group(Child, Later ++ [Child], State).

split_at(Id, [#child{id = Id} | Rest], Acc) -> {lists:reverse(Acc, []), Rest};
split_at(Id, [C | Rest], Acc) -> split_at(Id, Rest, [C | Acc]).

%% Stops the group (newest first) except the child that already ended, then
%% starts it again in start order.
restart_group(Failed, Group, State) ->
    Others = [C || C <- Group, C#child.id =/= Failed#child.id],
    terminate_children(Others, State#state.name),
    Stopped = [case C#child.id =:= Failed#child.id of
                   true -> Failed#child{pid = undefined};
                   false -> C#child{pid = undefined}
               end || C <- Group],
    Survivors = [C || C <- Stopped, C#child.restart_type =/= temporary],
    State1 = State#state{children = [C || C <- State#state.children,
                                          not in_group(C, Group) orelse in_group(C, Survivors)]},
    start_group(lists:reverse(Survivors, []), State1).

in_group(#child{id = Id}, Group) -> lists:keymember(Id, #child.id, Group).

start_group([Child | Rest], State) ->
    case do_start_child(Child) of
        {ok, Pid} -> start_group(Rest, replace(Child#child{pid = Pid}, State));
        {ok, Pid, _} -> start_group(Rest, replace(Child#child{pid = Pid}, State));
        {error, Reason} ->
            report(start_error, Reason, Child, State#state.name),
            Restarting = Child#child{pid = {restarting, undefined}},
            gen_server:cast(self(), {try_again_restart, Child#child.id}),
            {ok, replace(Restarting, State)}
    end;
start_group([], State) ->
    {ok, State}.

%% Stops children in the order given (newest first).
terminate_children(Children, SupName) ->
    [shutdown(C, SupName) || C <- Children, is_pid(C#child.pid)],
    ok.

terminate_dynamics(Child, State) ->
    [shutdown(Child#child{pid = P}, State#state.name) || P <- maps:keys(State#state.dynamics)],
    ok.

%% brutal_kill kills; a timeout asks with shutdown, then kills; the child's
%% exit is waited for in every case.
shutdown(#child{pid = Pid, shutdown = brutal_kill} = Child, SupName) ->
    Mref = monitor(process, Pid),
    exit(Pid, kill),
    unlink_flush(Pid),
    receive
        {'DOWN', Mref, process, Pid, killed} -> ok;
        {'DOWN', Mref, process, Pid, Reason} -> shutdown_error(Reason, Child, SupName)
    end;
shutdown(#child{pid = Pid, shutdown = Time} = Child, SupName) ->
    Mref = monitor(process, Pid),
    exit(Pid, shutdown),
    unlink_flush(Pid),
    receive
        {'DOWN', Mref, process, Pid, shutdown} -> ok;
        {'DOWN', Mref, process, Pid, Reason} -> shutdown_error(Reason, Child, SupName)
    after Time ->
        exit(Pid, kill),
        receive
            {'DOWN', Mref, process, Pid, Reason} -> shutdown_error(Reason, Child, SupName)
        end
    end.

unlink_flush(Pid) ->
    unlink(Pid),
    receive {'EXIT', Pid, _} -> ok after 0 -> ok end.

shutdown_error(Reason, Child, SupName) ->
    case Reason of
        normal -> ok;
        {shutdown, _} -> ok;
        noproc -> ok;
        _ -> report(shutdown_error, Reason, Child, SupName)
    end.

%% Child specifications: maps or the old tuples, to #child{}.
check_specs([Spec | Rest], AutoShutdown, Acc) ->
    case check_spec(Spec) of
        {ok, #child{id = Id} = Child} ->
            case lists:keymember(Id, #child.id, Acc) of
                true -> {error, {duplicate_child_name, Id}};
                false -> check_specs(Rest, AutoShutdown, [Child | Acc])
            end;
        Error ->
            Error
    end;
check_specs([], _, Acc) ->
    {ok, lists:reverse(Acc, [])}.

check_spec({Id, Start, Restart, Shutdown, Type, Mods}) ->
    check_spec(#{id => Id, start => Start, restart => Restart, shutdown => Shutdown,
                 type => Type, modules => Mods});
check_spec(#{} = Spec) ->
    case {maps:find(id, Spec), maps:find(start, Spec)} of
        {error, _} -> {error, missing_id};
        {_, error} -> {error, missing_start};
        {{ok, Id}, {ok, Start}} -> check_fields(Id, Start, Spec)
    end;
check_spec(Other) ->
    {error, {invalid_child_spec, Other}}.

check_fields(Id, Start, Spec) ->
    Type = flag(type, Spec, worker),
    Restart = flag(restart, Spec, permanent),
    Significant = flag(significant, Spec, false),
    Shutdown = flag(shutdown, Spec, case Type of supervisor -> infinity; _ -> 5000 end),
    Mods = flag(modules, Spec, case Start of {M, _, _} -> [M]; _ -> [] end),
    if
        not (is_tuple(Start) andalso tuple_size(Start) =:= 3 andalso is_atom(element(1, Start))
             andalso is_atom(element(2, Start)) andalso is_list(element(3, Start))) ->
            {error, {invalid_mfa, Start}};
        not (Restart =:= permanent orelse Restart =:= transient orelse Restart =:= temporary) ->
            {error, {invalid_restart_type, Restart}};
        not is_boolean(Significant) ->
            {error, {invalid_significant, Significant}};
        Significant andalso Restart =:= permanent ->
            {error, {bad_combination, [{restart, permanent}, {significant, true}]}};
        not (Type =:= worker orelse Type =:= supervisor) ->
            {error, {invalid_child_type, Type}};
        not (Shutdown =:= brutal_kill orelse Shutdown =:= infinity
             orelse (is_integer(Shutdown) andalso Shutdown >= 0)) ->
            {error, {invalid_shutdown, Shutdown}};
        not (Mods =:= dynamic orelse is_list(Mods)) ->
            {error, {invalid_modules, Mods}};
        true ->
            {ok, #child{id = Id, mfargs = Start, restart_type = Restart, significant = Significant,
                        shutdown = Shutdown, child_type = Type, modules = Mods}}
    end.

child_to_spec(#child{id = Id, mfargs = Start, restart_type = R, significant = S, shutdown = Sh,
                     child_type = T, modules = M}) ->
    #{id => Id, start => Start, restart => R, significant => S, shutdown => Sh, type => T, modules => M}.

%% Supervisor reports, as OTP writes them.
report(Context, Reason, Child, SupName) ->
    Offender = [{pid, offender_pid(Child#child.pid)}, {id, Child#child.id},
                {mfargs, Child#child.mfargs}, {restart_type, Child#child.restart_type},
                {significant, Child#child.significant}, {shutdown, Child#child.shutdown},
                {child_type, Child#child.child_type}],
    logger:log(error, #{label => {supervisor, Context},
                        report => [{supervisor, SupName}, {errorContext, Context},
                                   {reason, Reason}, {offender, Offender}]},
               #{domain => [otp, sasl], report_cb => fun supervisor_report/2,
                 error_logger => #{tag => error_report, type => supervisor_report}}).

offender_pid({restarting, Pid}) -> Pid;
offender_pid(Pid) -> Pid.

supervisor_report(#{report := Items}, _Config) ->
    [io_lib:format("    ~tp: ~tp~n", [K, V]) || {K, V} <- Items].
