%% OTP mode: crash reports reach OTP's logger as on erl. A plain process that
%% crashes is reported by the runtime ({log, error, Format, [Pid, Reason],
%% Meta}); a proc_lib process by proc_lib's crash report; a supervisor by its
%% report. A handler of the test's own captures the events, which are printed
%% without pids and times.
%% ember-mode: otp
-module(otp_logger).
-export([main/0, log/2, init/1, crash_worker/0]).

log(Event, #{config := #{to := To}}) -> To ! {event, Event}.

main() ->
    ok = logger:remove_handler(default),
    ok = logger:add_handler(capture, ?MODULE, #{config => #{to => self()}}),
    spawn(fun() -> erlang:error({plain, crash}) end),
    show(),
    proc_lib:spawn(fun() -> exit(proc_lib_crash) end),
    show(),
    {ok, Sup} = supervisor:start_link(?MODULE, []),
    show(), %% the worker's crash report
    show(), %% the supervisor's child_terminated report
    unlink(Sup),
    exit(Sup, shutdown),
    ok.

show() ->
    receive
        {event, #{level := Level, msg := Msg, meta := Meta}} ->
            io:format("~p ~p ~p~n", [Level, scrub(Msg), scrub(maps:get(error_logger, Meta, none))])
    after 2000 -> io:format("no event~n")
    end.

%% Pids out, and a crash report's process_info items reduced to their keys.
scrub(P) when is_pid(P) -> pid;
scrub({report, #{label := {proc_lib, crash}, report := [Info, _Linked]}}) ->
    {proc_lib_crash, [K || {K, _} <- Info], proplists:get_value(error_info, Info)};
scrub(T) when is_tuple(T) -> list_to_tuple(scrub(tuple_to_list(T)));
scrub(L) when is_list(L) -> [scrub(X) || X <- L];
scrub(M) when is_map(M) -> maps:map(fun(_, V) -> scrub(V) end, M);
scrub(X) -> X.

init([]) ->
    {ok, {#{strategy => one_for_one, intensity => 1, period => 5},
          [#{id => worker, restart => temporary,
             start => {proc_lib, start_link, [?MODULE, crash_worker, []]}}]}}.

crash_worker() ->
    proc_lib:init_ack({ok, self()}),
    exit(worker_gone).
