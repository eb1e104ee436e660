%% sys.erl — system messages for processes built on proc_lib: reading and
%% replacing a behaviour's state, suspending and resuming it, stopping it.
%% The messages ({system, From, Request}) and the callbacks a process module
%% provides (system_continue/3, system_terminate/4, system_get_state/1,
%% system_replace_state/2, system_code_change/4) are OTP's.
-module(sys).

-export([get_state/1, get_state/2, replace_state/2, replace_state/3,
         suspend/1, suspend/2, resume/1, resume/2, terminate/2, terminate/3,
         get_status/1, get_status/2, handle_system_msg/6]).

get_state(Name) -> get_state(Name, 5000).
get_state(Name, Timeout) ->
    case send_system_msg(Name, get_state, Timeout, [Name]) of
        {error, {callback_failed, _, _} = Error} -> exit({Error, {sys, get_state, [Name]}});
        State -> State
    end.

replace_state(Name, StateFun) -> replace_state(Name, StateFun, 5000).
replace_state(Name, StateFun, Timeout) ->
    case send_system_msg(Name, {replace_state, StateFun}, Timeout, [Name, StateFun]) of
        {error, {callback_failed, _, _} = Error} -> exit({Error, {sys, replace_state, [Name, StateFun]}});
        State -> State
    end.

suspend(Name) -> suspend(Name, 5000).
suspend(Name, Timeout) -> send_system_msg(Name, suspend, Timeout, [Name]).

resume(Name) -> resume(Name, 5000).
resume(Name, Timeout) -> send_system_msg(Name, resume, Timeout, [Name]).

terminate(Name, Reason) -> terminate(Name, Reason, infinity).
terminate(Name, Reason, Timeout) -> send_system_msg(Name, {terminate, Reason}, Timeout, [Name, Reason]).

get_status(Name) -> get_status(Name, 5000).
get_status(Name, Timeout) -> send_system_msg(Name, get_status, Timeout, [Name]).

send_system_msg(Name, Request, Timeout, Args) ->
    try gen:call(Name, system, Request, Timeout) of
        {ok, Reply} -> Reply
    catch
        exit:Reason -> exit({Reason, {sys, function_name(Request), Args ++ timeout_arg(Timeout, Request)}})
    end.

function_name({terminate, _}) -> terminate;
function_name({replace_state, _}) -> replace_state;
function_name(Atom) -> Atom.

%% The default timeouts are not part of the reported call, as in OTP.
timeout_arg(5000, _) -> [];
timeout_arg(infinity, {terminate, _}) -> [];
timeout_arg(T, _) -> [T].

%% Called by a process that received {system, From, Request}; does not
%% return: the process goes on through Module:system_continue/3, or ends
%% through Module:system_terminate/4.
handle_system_msg(Request, From, Parent, Module, Debug, Misc) ->
    handle_system_msg(running, Request, From, Parent, Module, Debug, Misc).

handle_system_msg(SysState, Request, From, Parent, Module, Debug, Misc) ->
    case do_cmd(SysState, Request, Parent, Module, Debug, Misc) of
        {suspended, Reply, NMisc} ->
            gen:reply(From, Reply),
            suspend_loop(Parent, Module, Debug, NMisc);
        {running, Reply, NMisc} ->
            gen:reply(From, Reply),
            Module:system_continue(Parent, Debug, NMisc);
        {{terminating, Reason}, Reply, NMisc} ->
            gen:reply(From, Reply),
            Module:system_terminate(Reason, Parent, Debug, NMisc)
    end.

%% While suspended only system messages and the parent's exit are handled.
suspend_loop(Parent, Module, Debug, Misc) ->
    receive
        {system, From, Request} ->
            handle_system_msg(suspended, Request, From, Parent, Module, Debug, Misc);
        {'EXIT', Parent, Reason} ->
            Module:system_terminate(Reason, Parent, Debug, Misc)
    end.

do_cmd(_, suspend, _Parent, _Module, _Debug, Misc) ->
    {suspended, ok, Misc};
do_cmd(_, resume, _Parent, _Module, _Debug, Misc) ->
    {running, ok, Misc};
do_cmd(SysState, get_state, _Parent, Module, _Debug, Misc) ->
    {SysState, callback(fun() -> Module:system_get_state(Misc) end, Module, system_get_state,
                        fun({ok, State}) -> State end), Misc};
do_cmd(SysState, {replace_state, StateFun}, _Parent, Module, _Debug, Misc) ->
    try Module:system_replace_state(StateFun, Misc) of
        {ok, State, NMisc} -> {SysState, State, NMisc}
    catch
        C:R -> {SysState, {error, {callback_failed, {Module, system_replace_state}, {C, R}}}, Misc}
    end;
do_cmd(_SysState, {terminate, Reason}, _Parent, _Module, _Debug, Misc) ->
    {{terminating, Reason}, ok, Misc};
do_cmd(SysState, get_status, Parent, Module, Debug, Misc) ->
    Status = [get(), SysState, Parent, Debug, Misc],
    Formatted = case erlang:function_exported(Module, format_status, 2) of
                    true -> Module:format_status(normal, Status);
                    false -> Misc
                end,
    {SysState, {status, self(), {module, Module}, [get(), SysState, Parent, Debug, Formatted]}, Misc};
do_cmd(SysState, Other, _Parent, _Module, _Debug, Misc) ->
    {SysState, {error, {unknown_system_msg, Other}}, Misc}.

callback(Call, Module, Name, Ok) ->
    try Call() of
        V -> Ok(V)
    catch
        C:R -> {error, {callback_failed, {Module, Name}, {C, R}}}
    end.
