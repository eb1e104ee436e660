%% logger: the primary level and its effect on which events pass, level
%% comparison, process metadata and bad arguments. No event is printed (the
%% printed form carries a timestamp).
-module(lib_logger).
-export([main/0]).
-include("test.hrl").

main() ->
    ?T(maps:get(level, logger:get_primary_config())),
    ?T(logger:set_primary_config(level, bogus)),
    ?T(logger:set_primary_config(bogus, 1)),
    ?T(logger:set_primary_config(level, warning)),
    ?T(maps:get(level, logger:get_primary_config())),
    ?T(logger:allow(error, ?MODULE)), ?T(logger:allow(warning, ?MODULE)), ?T(logger:allow(notice, ?MODULE)),
    ?T(logger:compare_levels(error, info)), ?T(logger:compare_levels(info, error)),
    ?T(logger:compare_levels(info, info)), ?T(logger:compare_levels(all, none)),
    ?T(logger:compare_levels(emergency, debug)), ?T(logger:compare_levels(x, info)),
    ?T(logger:set_process_metadata(#{a => 1})),
    ?T(logger:get_process_metadata()),
    ?T(logger:update_process_metadata(#{b => 2})),
    ?T(logger:get_process_metadata()),
    ?T(logger:unset_process_metadata()),
    ?T(logger:get_process_metadata()),
    ?T(logger:set_primary_config(#{level => none})),
    ?T(maps:get(level, logger:get_primary_config())),
    ?T(logger:allow(emergency, ?MODULE)),
    ?T(logger:error("not shown ~p", [1])),
    ?T(logger:warning(#{not_shown => true})),
    ?T(logger:log(error, "not shown")),
    ?T(logger:log(error, "~p", [x], #{meta => 1})),
    ?T(logger:log(bogus, "x")),
    ?T(logger:set_primary_config(level, all)),
    ?T(logger:allow(debug, ?MODULE)),
    ?T(logger:set_primary_config(level, none)),
    ?T(is_integer(logger:timestamp())).
