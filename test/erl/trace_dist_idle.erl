%% Tracing and distribution functions on a node with neither: what the
%% queries answer when nothing is traced and no node is connected.
-module(trace_dist_idle).
-export([main/0]).
-include("test.hrl").

main() ->
    [?T(erlang:trace_info(W, I)) || W <- [{lists, map, 2}, on_load, {lists, '_', '_'}],
                                     I <- [traced, all, match_spec, meta, meta_match_spec, call_count, call_time, foo]],
    [?T(erlang:trace_info(W, I)) || W <- [self(), new, new_processes, new_ports, foo], I <- [flags, tracer, all, foo]],
    R = erlang:trace_delivered(self()),
    ?T(receive {trace_delivered, Who, R} -> Who =:= self() after 1000 -> none end),
    R2 = erlang:trace_delivered(all),
    ?T(receive {trace_delivered, all, R2} -> all after 1000 -> none end),
    ?T(erlang:trace_delivered(foo)),
    [?T(erlang:seq_trace_info(I)) || I <- [label, serial, send, 'receive', print, timestamp,
                                          monotonic_timestamp, strict_monotonic_timestamp, token, foo]],
    ?T(erlang:seq_trace_print("x")),
    ?T(erlang:seq_trace_print(1, "x")),
    ?T(erlang:system_monitor()),
    ?T(erlang:system_monitor(undefined)),
    ?T(erlang:system_monitor(self(), [])),
    ?T(erlang:system_monitor({self(), []})),
    ?T(erlang:system_monitor(foo)),
    ?T(erlang:system_monitor(foo, [])),
    ?T(erlang:system_profile()),
    ?T(erlang:system_profile(undefined, [])),
    ?T(erlang:system_profile(foo, [])),
    [?T(F()) || F <- [fun() -> erlang:dist_get_stat(foo) end, fun() -> erlang:dist_ctrl_get_data(foo) end,
                      fun() -> erlang:dist_ctrl_put_data(foo, <<>>) end,
                      fun() -> erlang:dist_ctrl_get_opt(foo, get_size) end,
                      fun() -> erlang:dist_ctrl_set_opt(foo, get_size, true) end,
                      fun() -> erlang:dist_ctrl_input_handler(foo, self()) end,
                      fun() -> erlang:dist_ctrl_get_data_notification(foo) end,
                      fun() -> erlang:dmonitor_node(node(), true, []) end,
                      fun() -> erlang:dmonitor_node(foo@bar, false, []) end,
                      fun() -> erlang:dmonitor_node(1, true, []) end]],
    ok.
