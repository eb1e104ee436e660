%% application_controller.erl — the registry of loaded and running
%% applications behind the application module: their keys and environment,
%% which applications run and under which master, and what happens when a
%% master ends (a permanent application, or a transient one that fails,
%% stops the node). Also reads .app files, with a small reader for the terms
%% they hold, since a node without OTP has no erl_scan or erl_parse.
-module(application_controller).
-behaviour(gen_server).

-export([ensure_started/0, read_app_file/1, parse_term/1, report_exit/3]).
-export([init/1, handle_call/3, handle_cast/2, handle_info/2]).

%% loaded: Name => Props; env: Name => [{Par, Val}] (set_env may come before
%% load); running: [{Name, Master | undefined, Type}], newest first;
%% starting: names being started.
%% masters: Pid => Name, from the moment a master starts its application.
-record(state, {loaded = #{}, env = #{}, running = [], starting = [], masters = #{}}).

ensure_started() ->
    case whereis(?MODULE) of
        undefined ->
            case gen_server:start({local, ?MODULE}, ?MODULE, [], []) of
                {ok, Pid} -> Pid;
                {error, {already_started, Pid}} -> Pid
            end;
        Pid -> Pid
    end.

init([]) ->
    {ok, #state{}}.

handle_call({load, Name, Props}, _From, #state{loaded = L} = S) ->
    case maps:is_key(Name, L) of
        true -> {reply, {error, {already_loaded, Name}}, S};
        false ->
            AppEnv = case lists:keyfind(env, 1, Props) of
                         {env, E} when is_list(E) -> E;
                         _ -> []
                     end,
            Set = env_of(Name, S),
            Env = Set ++ [KV || {K, _} = KV <- AppEnv, not lists:keymember(K, 1, Set)],
            {reply, ok, S#state{loaded = maps:put(Name, Props, L), env = maps:put(Name, Env, S#state.env)}}
    end;
handle_call({unload, Name}, _From, #state{loaded = L} = S) ->
    case {maps:is_key(Name, L), lists:keymember(Name, 1, S#state.running)} of
        {false, _} -> {reply, {error, {not_loaded, Name}}, S};
        {true, true} -> {reply, {error, {running, Name}}, S};
        {true, false} -> {reply, ok, S#state{loaded = maps:remove(Name, L), env = maps:remove(Name, S#state.env)}}
    end;
handle_call({props, Name}, _From, S) ->
    case maps:find(Name, S#state.loaded) of
        {ok, Props} -> {reply, {ok, Props}, S};
        error -> {reply, undefined, S}
    end;
handle_call({env, Name}, _From, S) ->
    {reply, env_of(Name, S), S};
handle_call({set_env, Name, Par, Val}, _From, S) ->
    Env = [{Par, Val} | [KV || {K, _} = KV <- env_of(Name, S), K =/= Par]],
    {reply, ok, S#state{env = maps:put(Name, Env, S#state.env)}};
handle_call({unset_env, Name, Par}, _From, S) ->
    Env = [KV || {K, _} = KV <- env_of(Name, S), K =/= Par],
    {reply, ok, S#state{env = maps:put(Name, Env, S#state.env)}};
handle_call({prepare_start, Name}, _From, S) ->
    case {lists:keymember(Name, 1, S#state.running), lists:member(Name, S#state.starting)} of
        {false, false} ->
            case missing_dependency(Name, S) of
                none -> {reply, ok, S#state{starting = [Name | S#state.starting]}};
                Dep -> {reply, {error, {not_started, Dep}}, S}
            end;
        _ ->
            {reply, {error, {already_started, Name}}, S}
    end;
handle_call({master, Name, Master}, _From, S) ->
    {reply, ok, S#state{masters = maps:put(Master, Name, S#state.masters)}};
handle_call({started, Name, Master, Type}, _From, S) ->
    case Master of
        undefined -> ok;
        _ -> monitor(process, Master)
    end,
    {reply, ok, S#state{running = [{Name, Master, Type} | S#state.running],
                        starting = S#state.starting -- [Name]}};
handle_call({start_failed, Name}, _From, S) ->
    {reply, ok, S#state{starting = S#state.starting -- [Name], masters = drop_master(Name, S)}};
handle_call({stop, Name}, _From, S) ->
    case lists:keyfind(Name, 1, S#state.running) of
        {Name, Master, Type} ->
            Running = [R || {N, _, _} = R <- S#state.running, N =/= Name],
            {reply, {ok, Master, Type}, S#state{running = Running, masters = drop_master(Name, S)}};
        false ->
            {reply, {error, {not_started, Name}}, S}
    end;
handle_call(running, _From, S) ->
    {reply, S#state.running, S};
handle_call(loaded, _From, S) ->
    {reply, maps:to_list(S#state.loaded), S};
handle_call({application_of_master, Pid}, _From, S) ->
    case maps:find(Pid, S#state.masters) of
        {ok, Name} -> {reply, {ok, Name}, S};
        error -> {reply, undefined, S}
    end.

drop_master(Name, S) ->
    maps:from_list([PN || {_, N} = PN <- maps:to_list(S#state.masters), N =/= Name]).

env_of(Name, S) ->
    case maps:find(Name, S#state.env) of
        {ok, Env} -> Env;
        error -> []
    end.

handle_cast(_Msg, S) ->
    {noreply, S}.

%% A master ended without being asked to.
handle_info({'DOWN', _, process, Master, Reason}, S) ->
    case [R || {_, M, _} = R <- S#state.running, M =:= Master] of
        [{Name, _, Type}] ->
            report_exit(Name, Reason, Type),
            Running = [R || {N, _, _} = R <- S#state.running, N =/= Name],
            case Type =:= permanent orelse (Type =:= transient andalso Reason =/= normal) of
                true -> init:stop();
                false -> ok
            end,
            {noreply, S#state{running = Running, masters = drop_master(Name, S)}};
        [] ->
            {noreply, S}
    end;
handle_info(_Msg, S) ->
    {noreply, S}.

%% The report OTP writes when an application ends.
report_exit(Name, Reason, Type) ->
    logger:log(notice, #{label => {application_controller, exit},
                         report => [{application, Name}, {exited, Reason}, {type, Type}]},
               #{domain => [otp], report_cb => fun exit_report/2,
                 error_logger => #{tag => info_report, type => std_info}}).

exit_report(#{report := Items}, _Config) ->
    [io_lib:format("    ~tp: ~tp~n", [K, V]) || {K, V} <- Items].

%% kernel and stdlib are the runtime's own libraries: always there.
missing_dependency(Name, S) ->
    Props = maps:get(Name, S#state.loaded),
    Deps = case lists:keyfind(applications, 1, Props) of
               {applications, D} -> D;
               false -> []
           end,
    Optional = case lists:keyfind(optional_applications, 1, Props) of
                   {optional_applications, O} -> O;
                   false -> []
               end,
    Missing = [D || D <- Deps, D =/= kernel, D =/= stdlib,
                    not lists:keymember(D, 1, S#state.running),
                    not (lists:member(D, Optional) andalso not maps:is_key(D, S#state.loaded))],
    case Missing of
        [First | _] -> First;
        [] -> none
    end.

%% The first term of a file, as file:consult/1 would read it.
read_app_file(Path) ->
    case prim_file:read_file_nif(prim_file:internal_name2native(Path)) of
        {ok, Bin} -> parse_term(binary_to_list(Bin));
        {error, _} = Error -> Error
    end.

%% Reads one term ended by a dot: atoms, quoted atoms, strings, integers,
%% floats, characters, tuples, lists and maps of those; % comments.
parse_term(Text) ->
    try term(skip(Text)) of
        {Term, Rest} ->
            case skip(Rest) of
                [$. | _] -> {ok, Term};
                _ -> {error, syntax}
            end
    catch
        throw:syntax -> {error, syntax}
    end.

skip([C | T]) when C =:= $\s; C =:= $\t; C =:= $\n; C =:= $\r -> skip(T);
skip([$% | T]) -> skip(drop_line(T));
skip(T) -> T.

drop_line([$\n | T]) -> T;
drop_line([_ | T]) -> drop_line(T);
drop_line([]) -> [].

term([${ | T]) ->
    {Elems, Rest} = elements(skip(T), $}),
    {list_to_tuple(Elems), Rest};
term([$[ | T]) ->
    list_tail(skip(T));
term([$#, ${ | T]) ->
    {Pairs, Rest} = pairs(skip(T)),
    {maps:from_list(Pairs), Rest};
term([$" | T]) ->
    quoted(T, $", []);
term([$' | T]) ->
    {Chars, Rest} = quoted(T, $', []),
    {list_to_atom(Chars), Rest};
term([$$, $\\, C | T]) ->
    {escape(C), T};
term([$$, C | T]) ->
    {C, T};
term([$- | T]) ->
    {N, Rest} = number(skip(T)),
    {-N, Rest};
term([C | _] = T) when C >= $0, C =< $9 ->
    number(T);
term([C | _] = T) when C >= $a, C =< $z ->
    {Name, Rest} = name(T, []),
    {list_to_atom(Name), Rest};
term(_) ->
    throw(syntax).

elements([Close | T], Close) -> {[], T};
elements(T, Close) ->
    {E, Rest} = term(T),
    case skip(Rest) of
        [$, | R] -> {Es, R2} = elements(skip(R), Close), {[E | Es], R2};
        [Close | R] -> {[E], R};
        _ -> throw(syntax)
    end.

list_tail([$] | T]) -> {[], T};
list_tail(T) ->
    {E, Rest} = term(T),
    case skip(Rest) of
        [$, | R] -> {Es, R2} = list_tail(skip(R)), {[E | Es], R2};
        [$| | R] ->
            {Tail, R2} = term(skip(R)),
            case skip(R2) of
                [$] | R3] -> {[E | Tail], R3};
                _ -> throw(syntax)
            end;
        [$] | R] -> {[E], R};
        _ -> throw(syntax)
    end.

pairs([$} | T]) -> {[], T};
pairs(T) ->
    {K, R1} = term(T),
    case skip(R1) of
        [$=, $> | R2] ->
            {V, R3} = term(skip(R2)),
            case skip(R3) of
                [$, | R4] -> {Ps, R5} = pairs(skip(R4)), {[{K, V} | Ps], R5};
                [$} | R4] -> {[{K, V}], R4};
                _ -> throw(syntax)
            end;
        _ -> throw(syntax)
    end.

quoted([Q | T], Q, Acc) -> {lists:reverse(Acc, []), T};
quoted([$\\, C | T], Q, Acc) -> quoted(T, Q, [escape(C) | Acc]);
quoted([C | T], Q, Acc) -> quoted(T, Q, [C | Acc]);
quoted([], _, _) -> throw(syntax).

escape($n) -> $\n;
escape($t) -> $\t;
escape($r) -> $\r;
escape($s) -> $\s;
escape($e) -> 27;
escape($0) -> 0;
escape(C) -> C.

name([C | T], Acc) when C >= $a, C =< $z; C >= $A, C =< $Z; C >= $0, C =< $9; C =:= $_; C =:= $@ ->
    name(T, [C | Acc]);
name(T, Acc) ->
    {lists:reverse(Acc, []), T}.

number(T) ->
    {Int, Rest} = digits(T, []),
    case Rest of
        [$., D | R] when D >= $0, D =< $9 ->
            {Frac, R2} = digits([D | R], []),
            {Exp, R3} = exponent(R2),
            {list_to_float(Int ++ "." ++ Frac ++ Exp), R3};
        [$# | R] ->
            {Digits, R2} = name(R, []),
            {list_to_integer(Digits, list_to_integer(Int)), R2};
        _ ->
            {list_to_integer(Int), Rest}
    end.

exponent([E | T]) when E =:= $e; E =:= $E ->
    case T of
        [$- | R] -> {D, R2} = digits(R, []), {"e-" ++ D, R2};
        [$+ | R] -> {D, R2} = digits(R, []), {"e" ++ D, R2};
        R -> {D, R2} = digits(R, []), {"e" ++ D, R2}
    end;
exponent(T) -> {"", T}.

digits([C | T], Acc) when C >= $0, C =< $9 -> digits(T, [C | Acc]);
digits([$_ | T], Acc) -> digits(T, Acc);
digits(_, []) -> throw(syntax);
digits(T, Acc) -> {lists:reverse(Acc, []), T}.
