#!/usr/bin/env escript
%% -*- erlang -*-
%% gen_string_tables.escript — writes the Unicode tables of lib/string.erl
%% (grapheme break classes and case mappings) from the OTP installation that
%% runs this script, so that Ember's string module splits and cases text as
%% that OTP's does (OTP 25: Unicode 14.0). The tables are read back through
%% OTP's unicode_util, one codepoint at a time; the region between the
%% "generated tables" markers of lib/string.erl is replaced.
%% Usage: scripts/gen_string_tables.escript [path/to/string.erl]
-mode(compile).

-define(BEGIN, "%% ---- generated tables (scripts/gen_string_tables.escript) ----").
-define(END, "%% ---- end of generated tables ----").
-define(MAX_CP, 16#10FFFF).

main(Args) ->
    File = case Args of [F] -> F; [] -> filename:join([script_dir(), "..", "lib", "string.erl"]) end,
    {ok, Old} = file:read_file(File),
    [Head, Rest] = binary:split(Old, <<?BEGIN>>),
    [_, Tail] = binary:split(Rest, <<?END>>),
    Tables = tables(),
    ok = file:write_file(File, [Head, ?BEGIN, "\n", Tables, ?END, Tail]),
    io:format("~s: tables for Unicode ~p written~n", [File, unicode_util:spec_version()]).

script_dir() -> filename:dirname(escript:script_name()).

tables() ->
    CPs = lists:seq(0, ?MAX_CP),
    Extend = [CP || CP <- CPs, is_extend(CP)],
    Zwj = [CP || CP <- Extend, is_zwj(CP)],
    [16#200D] = Zwj,
    Pict = [CP || CP <- CPs, is_pict(CP)],
    Prepend = [CP || CP <- CPs, is_prepend(CP)],
    Control = [CP || CP <- CPs, is_control(CP)],
    Case = [{CP, C} || CP <- CPs, (C = case_of(CP)) =/= same],
    [io_lib:format("%% Unicode ~w.~w, as OTP ~s's unicode_util has it.~n", tuple_to_list(unicode_util:spec_version()) ++ [erlang:system_info(otp_release)]),
     ranges_fun("extend_ranges", "Grapheme_Cluster_Break Extend and SpacingMark (ZWJ too)", Extend),
     ranges_fun("pict_ranges", "Extended_Pictographic", Pict),
     ranges_fun("prepend_ranges", "Grapheme_Cluster_Break Prepend", Prepend),
     ranges_fun("control_ranges", "Grapheme_Cluster_Break Control, CR and LF", Control),
     "%% Case mappings {Upper, Lower, Title, Fold} of the codepoints that have any;\n"
     "%% a mapping to several codepoints is a list.\n",
     "case_table() ->\n    #{", lines([io_lib:format("~w => ~w", [CP, C]) || {CP, C} <- Case], "      "), "}.\n\n"].

%% After a plain base (U+0100), does CP join its cluster?
is_extend(CP) -> unicode_util:gc([16#100, CP]) =:= [[16#100, CP]].

%% An extend that joins two pictographs: ZWJ.
is_zwj(CP) -> unicode_util:gc([16#1F600, CP, 16#1F600]) =:= [[16#1F600, CP, 16#1F600]].

is_pict(CP) -> unicode_util:gc([16#1F600, 16#200D, CP]) =:= [[16#1F600, 16#200D, CP]].

is_prepend(CP) -> CP >= 256 andalso unicode_util:gc([CP, $a]) =:= [[CP, $a]].

%% A control takes no extend after it (CR does take LF).
is_control(CP) -> unicode_util:gc([CP, 16#301]) =:= [CP, 16#301].

case_of(CP) ->
    #{upper := U, lower := L, title := T, fold := F} = unicode_util:get_case(CP),
    case {U, L, T, F} of
        {CP, CP, CP, CP} -> same;
        C -> C
    end.

ranges_fun(Name, What, CPs) ->
    Rs = ranges(CPs),
    ["%% ", What, ": ", integer_to_list(length(Rs)), " ranges.\n",
     Name, "() ->\n    {", lines([io_lib:format("{~w,~w}", [A, B]) || {A, B} <- Rs], "     "), "}.\n\n"].

ranges([CP | CPs]) -> ranges(CPs, CP, CP, []);
ranges([]) -> [].

ranges([CP | CPs], Lo, Hi, Acc) when CP =:= Hi + 1 -> ranges(CPs, Lo, CP, Acc);
ranges([CP | CPs], Lo, Hi, Acc) -> ranges(CPs, CP, CP, [{Lo, Hi} | Acc]);
ranges([], Lo, Hi, Acc) -> lists:reverse([{Lo, Hi} | Acc]).

%% Items separated by commas, as many to a line as fit in 100 columns;
%% continuation lines start with Indent.
lines(Items, Indent) ->
    Strs = [lists:flatten(I) || I <- Items],
    lists:join([",\n", Indent], pack(Strs, length(Indent), length(Indent), [], [])).

%% Col: the column the current line (Line, reversed) ends at.
pack([S | Ss], Ind, Col, [], Lines) -> pack(Ss, Ind, Col + length(S), [S], Lines);
pack([S | Ss], Ind, Col, Line, Lines) when Col + 3 + length(S) > 100 ->
    pack(Ss, Ind, Ind + length(S), [S], [lists:join(", ", lists:reverse(Line)) | Lines]);
pack([S | Ss], Ind, Col, Line, Lines) -> pack(Ss, Ind, Col + 2 + length(S), [S | Line], Lines);
pack([], _, _, Line, Lines) -> lists:reverse([lists:join(", ", lists:reverse(Line)) | Lines]).
