%% ETS ownership across processes through OTP's own ets.beam: protection,
%% tables dying with their owner, heirs, give_away, and many writers at once.
%% ember-otp-libs: stdlib
-module(ets_owners).
-export([main/0]).
-include("test.hrl").

e(F) ->
    erlang:display(try F() of V -> {ok, V}
                   catch error:R:S ->
                       [{_, _, _, Loc} | _] = S,
                       {error, R, maps:get(cause, proplists:get_value(error_info, Loc, #{}), none)}
                   end).

%% Runs F in a new process and waits for its result.
in_other(F) ->
    Self = self(),
    Pid = spawn(fun() -> Self ! {self(), try F() of V -> {ok, V} catch C:R:S ->
                                     [{_, _, _, Loc} | _] = S,
                                     {C, R, maps:get(cause, proplists:get_value(error_info, Loc, #{}), none)}
                                 end} end),
    receive {Pid, R} -> R end.

wait_dead(Pid) ->
    Ref = monitor(process, Pid),
    receive {'DOWN', Ref, process, Pid, _} -> ok end.

main() ->
    protection(),
    owner_death(),
    heirs(),
    give_away(),
    writers(),
    ok.

protection() ->
    Priv = ets:new(priv, [private]),
    Prot = ets:new(prot, [protected]),
    Pub = ets:new(pub, [public]),
    [ets:insert(T, {k, 1}) || T <- [Priv, Prot, Pub]],
    [erlang:display({Name,
                     in_other(fun() -> ets:lookup(T, k) end),
                     in_other(fun() -> ets:insert(T, {k, 2}) end),
                     in_other(fun() -> ets:select(T, [{'_', [], ['$_']}]) end),
                     in_other(fun() -> ets:info(T, size) end),
                     in_other(fun() -> ets:delete(T, k) end),
                     in_other(fun() -> ets:update_counter(T, k, 1) end),
                     in_other(fun() -> ets:first(T) end),
                     in_other(fun() -> ets:safe_fixtable(T, true) end)})
     || {Name, T} <- [{private, Priv}, {protected, Prot}, {public, Pub}]],
    erlang:display(in_other(fun() -> ets:setopts(Pub, [{protection, private}]) end)),
    erlang:display(in_other(fun() -> ets:rename(Pub, x) =:= Pub end)),
    ?T(ets:info(Pub, name)),
    erlang:display(in_other(fun() -> ets:delete(Prot) end)),
    ?T(ets:setopts(Prot, {protection, private})),
    ?T(ets:info(Prot, protection)),
    ?T(ets:setopts(Prot, [{protection, public}, {heir, none}])),
    erlang:display(in_other(fun() -> ets:lookup(Prot, k) end)),
    e(fun() -> ets:setopts(Prot, [{protection, bad}]) end),
    e(fun() -> ets:setopts(Prot, [{keypos, 2}]) end),
    erlang:display(in_other(fun() -> ets:delete(Pub) end)),
    ?T(ets:info(Pub)),
    ok.

owner_death() ->
    Self = self(),
    Pid = spawn(fun() ->
                        T = ets:new(owned, [public, named_table]),
                        ets:insert(T, {a, 1}),
                        U = ets:new(unnamed, [public]),
                        Self ! {tabs, U},
                        receive stop -> ok end
                end),
    U = receive {tabs, Tab} -> Tab end,
    ?T(ets:lookup(owned, a)),
    ?T(ets:info(owned, owner) =:= Pid),
    ?T(ets:info(U, owner) =:= Pid),
    Pid ! stop,
    wait_dead(Pid),
    ?T(ets:info(owned)),
    ?T(ets:info(U)),
    e(fun() -> ets:lookup(owned, a) end),
    e(fun() -> ets:insert(U, {x}) end),
    %% a crash kills the tables as well
    Pid2 = spawn(fun() -> ets:new(crashing, [named_table]), Self ! made, exit(boom) end),
    receive made -> ok end,
    wait_dead(Pid2),
    ?T(ets:info(crashing)),
    ok.

heirs() ->
    Self = self(),
    Heir = spawn(fun() -> heir_loop() end),
    Owner = spawn(fun() ->
                          T = ets:new(inherited, [named_table, {heir, Heir, gift}]),
                          ets:insert(T, {a, 1}),
                          Self ! ready,
                          receive stop -> ok end
                  end),
    receive ready -> ok end,
    ?T(ets:info(inherited, heir) =:= Heir),
    Owner ! stop,
    wait_dead(Owner),
    Heir ! {report, self()},
    receive {transfer, Msg} -> ?T(Msg =:= {'ETS-TRANSFER', inherited, Owner, gift}) end,
    ?T(ets:info(inherited, owner) =:= Heir),
    ?T(ets:info(inherited, heir) =:= Heir),
    ?T(ets:lookup(inherited, a)),
    %% the heir is dead when the owner dies: the table dies too
    DeadHeir = spawn(fun() -> ok end),
    wait_dead(DeadHeir),
    Owner2 = spawn(fun() -> ets:new(orphan, [named_table, {heir, DeadHeir, x}]), Self ! ready,
                            receive stop -> ok end end),
    receive ready -> ok end,
    Owner2 ! stop,
    wait_dead(Owner2),
    ?T(ets:info(orphan)),
    %% setopts changes the heir
    T3 = ets:new(t3, []),
    ?T(ets:setopts(T3, {heir, Heir, later})),
    ?T(ets:info(T3, heir) =:= Heir),
    ?T(ets:setopts(T3, {heir, none})),
    ?T(ets:info(T3, heir)),
    Heir ! stop,
    ok.

heir_loop() ->
    receive
        {'ETS-TRANSFER', _, _, _} = M -> put(msg, M), heir_loop();
        {report, To} -> To ! {transfer, get(msg)}, heir_loop();
        stop -> ok
    end.

give_away() ->
    Self = self(),
    T = ets:new(given, [protected]),
    ets:insert(T, {a, 1}),
    Receiver = spawn(fun() ->
                             receive {'ETS-TRANSFER', Tab, From, Data} ->
                                     Self ! {got, Tab =:= T, From =:= Self, Data,
                                             ets:insert(Tab, {b, 2}), ets:info(Tab, owner) =:= self()}
                             end,
                             receive stop -> ok end
                     end),
    ?T(ets:give_away(T, Receiver, hello)),
    receive {got, _, _, _, _, _} = G -> ?T(G) end,
    ?T(lists:sort(ets:tab2list(T))),
    e(fun() -> ets:insert(T, {c, 3}) end),
    e(fun() -> ets:give_away(T, self(), x) end),
    T2 = ets:new(t2, []),
    e(fun() -> ets:give_away(T2, self(), x) end),
    Dead = spawn(fun() -> ok end),
    wait_dead(Dead),
    e(fun() -> ets:give_away(T2, Dead, x) end),
    e(fun() -> ets:give_away(T2, not_a_pid, x) end),
    Receiver ! stop,
    wait_dead(Receiver),
    ?T(ets:info(T)),
    ok.

%% Many processes write one public table at once; nothing is lost.
writers() ->
    [begin
         T = ets:new(w, [Type, public, {write_concurrency, true}]),
         ets:insert(T, {counter, 0}),
         Self = self(),
         N = 50,
         Pids = [spawn(fun() ->
                               [begin
                                    ets:insert(T, {{I, J}, J}),
                                    ets:update_counter(T, counter, 1)
                                end || J <- lists:seq(1, 200)],
                               Self ! {done, self()}
                       end) || I <- lists:seq(1, N)],
         [receive {done, P} -> ok end || P <- Pids],
         erlang:display({Type, ets:info(T, size), ets:lookup(T, counter),
                         ets:select_count(T, [{{{'_', '_'}, '$1'}, [{'>', '$1', 100}], [true]}])})
     end || Type <- [set, ordered_set]],
    B = ets:new(b, [bag, public]),
    Self = self(),
    Pids = [spawn(fun() -> [ets:insert(B, {k, {I, J}}) || J <- lists:seq(1, 100)], Self ! {done, self()} end)
            || I <- lists:seq(1, 20)],
    [receive {done, P} -> ok end || P <- Pids],
    ?T(length(ets:lookup(B, k))),
    ok.
