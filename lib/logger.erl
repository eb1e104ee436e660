%% logger.erl — the essentials of OTP's logger: the level functions, log/2..4,
%% the ?LOG macros' entry points, the primary level, process metadata, and
%% one default handler that prints each event to standard output in the form
%% OTP's default handler uses on a -noshell node:
%%   =LEVEL REPORT==== D-Mon-YYYY::HH:MM:SS.uuuuuu ===
%% followed by the message. The event is printed by the process that logs it.
-module(logger).

-export([emergency/1, emergency/2, emergency/3, alert/1, alert/2, alert/3,
         critical/1, critical/2, critical/3, error/1, error/2, error/3,
         warning/1, warning/2, warning/3, notice/1, notice/2, notice/3,
         info/1, info/2, info/3, debug/1, debug/2, debug/3,
         log/2, log/3, log/4, macro_log/3, macro_log/4, macro_log/5, allow/2,
         compare_levels/2, timestamp/0,
         get_primary_config/0, set_primary_config/1, set_primary_config/2,
         set_process_metadata/1, update_process_metadata/1,
         get_process_metadata/0, unset_process_metadata/0]).

-define(LEVELS, [emergency, alert, critical, error, warning, notice, info, debug]).

emergency(A) -> log(emergency, A).
emergency(A, B) -> log(emergency, A, B).
emergency(A, B, C) -> log(emergency, A, B, C).
alert(A) -> log(alert, A).
alert(A, B) -> log(alert, A, B).
alert(A, B, C) -> log(alert, A, B, C).
critical(A) -> log(critical, A).
critical(A, B) -> log(critical, A, B).
critical(A, B, C) -> log(critical, A, B, C).
error(A) -> log(error, A).
error(A, B) -> log(error, A, B).
error(A, B, C) -> log(error, A, B, C).
warning(A) -> log(warning, A).
warning(A, B) -> log(warning, A, B).
warning(A, B, C) -> log(warning, A, B, C).
notice(A) -> log(notice, A).
notice(A, B) -> log(notice, A, B).
notice(A, B, C) -> log(notice, A, B, C).
info(A) -> log(info, A).
info(A, B) -> log(info, A, B).
info(A, B, C) -> log(info, A, B, C).
debug(A) -> log(debug, A).
debug(A, B) -> log(debug, A, B).
debug(A, B, C) -> log(debug, A, B, C).

%% log(Level, StringOrReport[, Metadata]) or log(Level, Format, Args[, Metadata]);
%% a fun as the message is called with its argument when the event is logged.
log(Level, StringOrReport) ->
    do_log(Level, msg(StringOrReport), #{}).

log(Level, FunOrFormat, Args) when is_function(FunOrFormat, 1); not is_map(Args) ->
    do_log(Level, {FunOrFormat, Args}, #{});
log(Level, StringOrReport, Meta) when is_map(Meta) ->
    do_log(Level, msg(StringOrReport), Meta).

log(Level, FunOrFormat, Args, Meta) when is_map(Meta) ->
    do_log(Level, {FunOrFormat, Args}, Meta).

macro_log(Location, Level, StringOrReport) ->
    log(Level, StringOrReport, Location).
macro_log(Location, Level, A, B) when is_map(B) ->
    log(Level, A, maps:merge(Location, B));
macro_log(Location, Level, A, B) ->
    log(Level, A, B, Location).
macro_log(Location, Level, A, B, Meta) ->
    log(Level, A, B, maps:merge(Location, Meta)).

msg(Report) when is_map(Report) -> {report, Report};
msg([{_, _} | _] = Report) -> {report, Report};
msg(String) -> {string, String}.

allow(Level, _Module) ->
    compare_levels(Level, primary_level()) =/= lt andalso primary_level() =/= none.

compare_levels(L, L) when is_atom(L) -> eq;
compare_levels(L1, L2) ->
    case {level_rank(L1), level_rank(L2)} of
        {R1, R2} when R1 < R2 -> gt;
        {_, _} -> lt
    end.

level_rank(none) -> -1;
level_rank(all) -> 99;
level_rank(L) -> rank(L, ?LEVELS, 0).

rank(L, [L | _], N) -> N;
rank(L, [_ | T], N) -> rank(L, T, N + 1);
rank(L, [], _) -> erlang:error(badarg, [L]).

timestamp() -> os:system_time(microsecond).

%% The primary configuration: only the level is kept.
get_primary_config() ->
    #{level => primary_level(), filter_default => log, filters => [], metadata => #{}}.

set_primary_config(level, Level) ->
    case lists:member(Level, [all, none | ?LEVELS]) of
        true -> persistent_term:put({?MODULE, level}, Level), ok;
        false -> {error, {invalid_level, Level}}
    end;
set_primary_config(Key, Value) ->
    {error, {invalid_primary_config, {Key, Value}}}.

set_primary_config(#{} = Config) ->
    case maps:find(level, Config) of
        {ok, Level} -> set_primary_config(level, Level);
        error -> ok
    end.

primary_level() -> persistent_term:get({?MODULE, level}, notice).

set_process_metadata(Meta) when is_map(Meta) -> put('$logger_metadata$', Meta), ok.
update_process_metadata(Meta) when is_map(Meta) ->
    set_process_metadata(maps:merge(process_metadata(), Meta)).
get_process_metadata() ->
    get('$logger_metadata$').

process_metadata() ->
    case get('$logger_metadata$') of
        undefined -> #{};
        Meta -> Meta
    end.
unset_process_metadata() -> erase('$logger_metadata$'), ok.

do_log(Level, Msg, Meta) ->
    case lists:member(Level, ?LEVELS) of
        false -> erlang:error(function_clause, [Level, Msg, Meta]);
        true -> ok
    end,
    case allow(Level, undefined) of
        true ->
            %% Logging never takes the caller down; an event that cannot be
            %% printed as text is shown as a term.
            try emit(Level, Msg, maps:merge(process_metadata(), Meta))
            catch _:_ -> erlang:display({logger, Level, Msg})
            end,
            ok;
        false -> ok
    end.

emit(Level, Msg, Meta) ->
    Time = case maps:find(time, Meta) of
               {ok, T} -> T;
               error -> timestamp()
           end,
    Text = try unicode:characters_to_binary(format_msg(resolve(Msg), Meta))
           catch _:_ -> unicode:characters_to_binary(io_lib:format("FORMAT ERROR: ~tp", [Msg]))
           end,
    Header = ["=", header(Level, Meta), "==== ", format_time(Time), " ===\n"],
    io:put_chars(user_device(), unicode:characters_to_binary([Header, Text, "\n"])).

user_device() ->
    case whereis(user) of
        undefined -> standard_io;
        _ -> user
    end.

resolve({Fun, Args}) when is_function(Fun, 1) ->
    case Fun(Args) of
        {Format, FArgs} when is_list(FArgs) -> {Format, FArgs};
        Report when is_map(Report); is_list(Report) -> msg(Report)
    end;
resolve(Msg) -> Msg.

header(Level, #{error_logger := #{type := crash_report}}) when Level =/= none -> "CRASH REPORT";
header(_, #{error_logger := #{type := supervisor_report}}) -> "SUPERVISOR REPORT";
header(_, #{error_logger := #{type := progress}}) -> "PROGRESS REPORT";
header(_, #{error_logger := #{tag := info_report}}) -> "INFO REPORT";
header(_, #{error_logger := #{tag := warning_report}}) -> "WARNING REPORT";
header(Level, _) -> string_upper(atom_to_list(Level)) ++ " REPORT".

string_upper(S) -> [if C >= $a, C =< $z -> C - 32; true -> C end || C <- S].

format_msg({string, S}, _Meta) ->
    S;
format_msg({report, Report}, #{report_cb := Cb}) when is_function(Cb, 2) ->
    Cb(Report, #{depth => unlimited, chars_limit => unlimited, single_line => false});
format_msg({report, Report}, #{report_cb := Cb}) when is_function(Cb, 1) ->
    {Format, Args} = Cb(Report),
    format_msg({Format, Args}, #{});
format_msg({report, Report}, _Meta) when is_map(Report) ->
    format_report(maps:to_list(Report));
format_msg({report, Report}, _Meta) ->
    format_report(Report);
format_msg({Format, Args}, _Meta) ->
    try io_lib:format(Format, Args)
    catch _:_ -> io_lib:format("FORMAT ERROR: ~tp - ~tp", [Format, Args])
    end.

format_report([{_, _} | _] = KVs) ->
    join_lines([io_lib:format("    ~tp: " ++ value_format(V), [K, V]) || {K, V} <- KVs]);
format_report(Other) ->
    io_lib:format("~tp", [Other]).

%% Strings print as text in reports.
value_format(V) ->
    case io_lib:printable_unicode_list(V) of
        true when V =/= [] -> "~ts";
        _ -> "~tp"
    end.

join_lines([First | Rest]) -> [First | [["\n", L] || L <- Rest]];
join_lines([]) -> [].

%% Local time as D-Mon-YYYY::HH:MM:SS.uuuuuu.
format_time(Us) ->
    Secs = Us div 1000000,
    Micro = Us rem 1000000,
    {{Y, Mo, D}, {H, Mi, S}} = erlang:universaltime_to_localtime(universal(Secs)),
    Month = element(Mo, {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}),
    [integer_to_list(D), "-", Month, "-", integer_to_list(Y), "::",
     pad(H, 2), ":", pad(Mi, 2), ":", pad(S, 2), ".", pad(Micro, 6)].

pad(N, W) -> zeros(W - length(integer_to_list(N))) ++ integer_to_list(N).

zeros(N) when N > 0 -> [$0 | zeros(N - 1)];
zeros(_) -> [].

%% Seconds since 1970 to a universal {Date, Time} (days to civil date after
%% H. Hinnant's algorithm).
universal(Secs) ->
    Days = Secs div 86400,
    Rem = Secs rem 86400,
    Z = Days + 719468,
    Era = Z div 146097,
    Doe = Z - Era * 146097,
    Yoe = (Doe - Doe div 1460 + Doe div 36524 - Doe div 146096) div 365,
    Doy = Doe - (365 * Yoe + Yoe div 4 - Yoe div 100),
    Mp = (5 * Doy + 2) div 153,
    D = Doy - (153 * Mp + 2) div 5 + 1,
    M = if Mp < 10 -> Mp + 3; true -> Mp - 9 end,
    Y = Yoe + Era * 400 + (if M =< 2 -> 1; true -> 0 end),
    {{Y, M, D}, {Rem div 3600, (Rem rem 3600) div 60, Rem rem 60}}.
