%% init.erl — Ember's init for a node without OTP's own: runs the -run and -s
%% commands of the command line in order, as OTP's init does for a node
%% started with -noshell, and reports a failing command the same way, so that
%% programs and their stack traces see the same boot as on OTP.
-module(init).
%% OTP's preloaded init carries no line information, so its frames in stack
%% traces read {init,start_em,1,[]}; so do these.
-compile([no_line_info]).

-export([boot/1, boot/2, get_plain_arguments/0, stop/0, stop/1, run_on_load/3]).

%% Called by the runtime with [{Module, Function, Args}] from the command line.
boot(Commands) ->
    %% OTP runs the boot commands in a process that traps exits.
    process_flag(trap_exit, true),
    %% The boot process and all it spawns write to `user`, as on OTP.
    group_leader(user:start(), self()),
    user:start_standard_error(),
    do_boot(Commands, [], []).

%% The same, with the arguments after -extra (strings), which
%% get_plain_arguments/0 returns.
boot(Commands, []) ->
    boot(Commands);
boot(Commands, Plain) ->
    persistent_term:put({init, plain_arguments}, Plain),
    boot(Commands).

get_plain_arguments() ->
    persistent_term:get({init, plain_arguments}, []).

do_boot(Commands, _Flags, _Args) ->
    try
        start_em(Commands)
    catch
        error:Reason:Stack -> boot_failed({Reason, Stack});
        throw:Term:Stack -> boot_failed({{nocatch, Term}, Stack});
        exit:normal -> ok;
        exit:Reason -> boot_failed(Reason)
    end.

start_em([]) ->
    ok;
start_em([{Module, Function, Args} | Rest]) ->
    apply(Module, Function, Args),
    case erts_internal:stop_requested() of
        false -> start_em(Rest);
        Halt -> erlang:halt(Halt)
    end.

boot_failed(Value) ->
    erlang:display({"init terminating in do_boot", Value}),
    erlang:halt("init terminating in do_boot").

%% Asks for the runtime to stop; the boot command that asked runs to its end.
stop() ->
    stop(0).

stop(Status) when is_integer(Status), Status >= 0 ->
    erts_internal:request_stop(Status);
stop(Slogan) when is_list(Slogan) ->
    case is_latin1_string(Slogan) of
        true -> erts_internal:request_stop(Slogan);
        false -> erlang:error(badarg)
    end;
stop(_) ->
    erlang:error(badarg).

is_latin1_string([C | Rest]) when is_integer(C), C >= 0, C =< 255 -> is_latin1_string(Rest);
is_latin1_string([]) -> true;
is_latin1_string(_) -> false.

%% The runtime calls this when a call (Module:Function(Args), or a fun of
%% Module, then Function) loads Module from the code path and Module has an
%% -on_load function. As under OTP's code server, the function runs in a
%% process of its own; the module is loaded only if it returns ok, and then
%% the call goes on. Otherwise the call fails with undef.
%% A second caller while the function runs is undef too (OTP's waits).
run_on_load(Module, Function, Args) ->
    {Pid, Ref} = spawn_monitor(fun() -> exit({on_load_result, erlang:call_on_load_function(Module)}) end),
    Result = receive {'DOWN', Ref, process, Pid, R} -> R end,
    Loaded = Result =:= {on_load_result, ok},
    erlang:finish_after_on_load(Module, Loaded),
    if
        Loaded andalso is_function(Function) -> apply(Function, Args);
        Loaded -> apply(Module, Function, Args);
        true -> on_load_failed(Module, Function, Args)
    end.

on_load_failed(Module, Function, Args) ->
    Top = if is_function(Function) -> {Function, Args, []}; true -> {Module, Function, Args, []} end,
    try erlang:error(undef)
    catch error:undef:Stack -> erlang:raise(error, undef, [Top | tl(Stack)])
    end.
