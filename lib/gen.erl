%% gen.erl — what the generic behaviours (gen_server, gen_statem, supervisor)
%% share: starting a named process synchronously, resolving a server
%% reference, calls with a monitor alias and their replies, asynchronous
%% requests, and stopping a server. The messages are OTP's, so servers and
%% clients interoperate with OTP's own modules.
-module(gen).

-export([start/5, start/6, init_it/6, init_it/7, call/3, call/4, reply/2,
         send_request/3, wait_response/2, receive_response/2, check_response/2,
         stop/1, stop/3, where/1, get_parent/0, get_proc_name/1,
         unregister_name/1, name/1]).

%% start(GenMod, LinkP, [Name,] Mod, Args, Options): GenMod:init_it/6 runs in
%% the new process, which acknowledges with proc_lib:init_ack/2.
start(GenMod, LinkP, Mod, Args, Options) ->
    do_spawn(GenMod, LinkP, self, Mod, Args, Options).

start(GenMod, LinkP, Name, Mod, Args, Options) ->
    case where(Name) of
        undefined -> do_spawn(GenMod, LinkP, Name, Mod, Args, Options);
        Pid -> {error, {already_started, Pid}}
    end.

do_spawn(GenMod, LinkP, Name, Mod, Args, Options) ->
    Init = [GenMod, self(), starter(LinkP), Name, Mod, Args, Options],
    T = timeout(Options),
    SpawnOpts = spawn_opts(Options),
    case LinkP of
        link -> proc_lib:start_link(gen, init_it, Init, T, SpawnOpts);
        monitor ->
            case proc_lib:start_monitor(gen, init_it, Init, T, SpawnOpts) of
                {{ok, Pid}, Mref} -> {ok, {Pid, Mref}};
                {Other, Mref} -> receive {'DOWN', Mref, process, _, _} -> Other end
            end;
        nolink -> proc_lib:start(gen, init_it, Init, T, SpawnOpts)
    end.

%% A linked server's parent is its starter; the others are their own parent.
starter(link) -> self();
starter(_) -> self.

init_it(GenMod, Starter, Parent, Mod, Args, Options) ->
    init_it2(GenMod, Starter, Parent, self(), Mod, Args, Options).

init_it(GenMod, Starter, Parent, self, Mod, Args, Options) ->
    init_it(GenMod, Starter, Parent, Mod, Args, Options);
init_it(GenMod, Starter, Parent, Name, Mod, Args, Options) ->
    case register_name(Name) of
        true ->
            init_it2(GenMod, Starter, Parent, Name, Mod, Args, Options);
        {false, Pid} ->
            proc_lib:init_ack(Starter, {error, {already_started, Pid}}),
            exit(normal)
    end.

init_it2(GenMod, Starter, self, Name, Mod, Args, Options) ->
    init_it2(GenMod, Starter, self(), Name, Mod, Args, Options);
init_it2(GenMod, Starter, Parent, Name, Mod, Args, Options) ->
    GenMod:init_it(Starter, Parent, Name, Mod, Args, Options).

register_name({local, Name} = LN) ->
    try register(Name, self()) of
        true -> true
    catch
        error:_ -> {false, where(LN)}
    end;
register_name({global, Name} = GN) ->
    case global:register_name(Name, self()) of
        yes -> true;
        no -> {false, where(GN)}
    end;
register_name({via, Mod, Name} = VN) ->
    case Mod:register_name(Name, self()) of
        yes -> true;
        no -> {false, where(VN)}
    end.

unregister_name({local, Name}) -> try unregister(Name) catch error:_ -> ok end, ok;
unregister_name({global, Name}) -> global:unregister_name(Name), ok;
unregister_name({via, Mod, Name}) -> Mod:unregister_name(Name), ok;
unregister_name(Pid) when is_pid(Pid) -> ok.

where({global, Name}) -> global:whereis_name(Name);
where({via, Mod, Name}) -> Mod:whereis_name(Name);
where({local, Name}) -> whereis(Name).

name({local, Name}) -> Name;
name({global, Name}) -> Name;
name({via, _, Name}) -> Name;
name(Pid) when is_pid(Pid) -> Pid.

timeout(Options) ->
    case lists:keyfind(timeout, 1, Options) of
        {_, T} -> T;
        false -> infinity
    end.

spawn_opts(Options) ->
    case lists:keyfind(spawn_opt, 1, Options) of
        {_, Opts} -> Opts;
        false -> []
    end.

%% The parent of a process started with proc_lib: the first ancestor.
get_parent() ->
    case get('$ancestors') of
        [Parent | _] when is_pid(Parent) -> Parent;
        [Parent | _] when is_atom(Parent) -> name_to_pid(Parent);
        _ -> exit(process_was_not_started_by_proc_lib)
    end.

name_to_pid(Name) ->
    case whereis(Name) of
        undefined -> exit(could_not_find_registered_name);
        Pid -> Pid
    end.

get_proc_name({local, Name}) ->
    case process_info(self(), registered_name) of
        {registered_name, Name} -> Name;
        _ -> exit(process_not_registered)
    end;
get_proc_name({global, Name}) ->
    case global:whereis_name(Name) of
        Pid when Pid =:= self() -> Name;
        _ -> exit(process_not_registered_globally)
    end;
get_proc_name({via, Mod, Name}) ->
    case Mod:whereis_name(Name) of
        Pid when Pid =:= self() -> Name;
        _ -> exit({process_not_registered_via, Mod})
    end;
get_proc_name(Pid) when is_pid(Pid) -> Pid.

%% Calls: {ok, Reply}, or an exit with noproc, timeout, calling_self or the
%% server's exit reason. The reply comes to a monitor alias, so that a late
%% reply after a timeout is never delivered.
call(Process, Label, Request) ->
    call(Process, Label, Request, 5000).

call(Process, Label, Request, Timeout)
  when Timeout =:= infinity; is_integer(Timeout), Timeout >= 0 ->
    do_call(to_pid(Process), Label, Request, Timeout).

do_call(Pid, _Label, _Request, _Timeout) when Pid =:= self() ->
    exit(calling_self);
do_call(Dest, Label, Request, Timeout) ->
    Mref = erlang:monitor(process, Dest, [{alias, demonitor}]),
    Tag = [alias | Mref],
    erlang:send(Dest, {Label, {self(), Tag}, Request}, [noconnect]),
    receive
        {[alias | Mref], Reply} ->
            erlang:demonitor(Mref, [flush]),
            {ok, Reply};
        {'DOWN', Mref, _, _, noconnection} ->
            exit({nodedown, node_of(Dest)});
        {'DOWN', Mref, _, _, Reason} ->
            exit(Reason)
    after Timeout ->
        erlang:demonitor(Mref, [flush]),
        receive {[alias | Mref], Reply} -> {ok, Reply}
        after 0 -> exit(timeout)
        end
    end.

node_of({_Name, Node}) -> Node;
node_of(Pid) when is_pid(Pid) -> node(Pid).

%% A pid or {Name, Node} to send to; exits noproc if a name is not registered.
to_pid(Pid) when is_pid(Pid) -> Pid;
to_pid(Name) when is_atom(Name) ->
    case whereis(Name) of
        undefined -> exit(noproc);
        Pid -> Pid
    end;
to_pid({Name, Node}) when is_atom(Name), Node =:= node() -> to_pid(Name);
to_pid({Name, Node} = Dest) when is_atom(Name), is_atom(Node) -> Dest;
to_pid({global, _} = G) -> where_or_noproc(G);
to_pid({via, _, _} = V) -> where_or_noproc(V).

where_or_noproc(Ref) ->
    case where(Ref) of
        Pid when is_pid(Pid) -> Pid;
        _ -> exit(noproc)
    end.

reply({_To, [alias | Alias] = Tag}, Reply) when is_reference(Alias) ->
    Alias ! {Tag, Reply}, ok;
reply({To, Tag}, Reply) ->
    try To ! {Tag, Reply}, ok catch _:_ -> ok end.

%% Asynchronous requests: the request id is the monitor reference; a server
%% that cannot be found gives a request whose answer is a 'DOWN' at once.
send_request(Process, Label, Request) ->
    try to_pid(Process) of
        Dest ->
            Mref = erlang:monitor(process, Dest, [{alias, demonitor}]),
            erlang:send(Dest, {Label, {self(), [alias | Mref]}, Request}, [noconnect]),
            Mref
    catch
        exit:Reason ->
            Mref = erlang:monitor(process, self(), [{alias, demonitor}]),
            erlang:demonitor(Mref),
            self() ! {'DOWN', Mref, process, Process, Reason},
            Mref
    end.

wait_response(Mref, Timeout) when is_reference(Mref) ->
    receive
        {[alias | Mref], Reply} ->
            erlang:demonitor(Mref, [flush]),
            {reply, Reply};
        {'DOWN', Mref, _, Object, Reason} ->
            {error, {Reason, Object}}
    after Timeout ->
        timeout
    end.

%% As wait_response/2, but a timeout abandons the request: the alias goes, and
%% a reply that raced the timeout is taken rather than left in the queue.
receive_response(Mref, Timeout) when is_reference(Mref) ->
    case wait_response(Mref, Timeout) of
        timeout ->
            erlang:demonitor(Mref, [flush]),
            receive {[alias | Mref], Reply} -> {reply, Reply}
            after 0 -> timeout
            end;
        Result ->
            Result
    end.

check_response(Msg, Mref) when is_reference(Mref) ->
    case Msg of
        {[alias | Mref], Reply} ->
            erlang:demonitor(Mref, [flush]),
            {reply, Reply};
        {'DOWN', Mref, _, Object, Reason} ->
            {error, {Reason, Object}};
        _ ->
            no_reply
    end.

stop(Process) ->
    stop(Process, normal, infinity).

stop(Process, Reason, Timeout) ->
    proc_lib:stop(to_pid(Process), Reason, Timeout).
