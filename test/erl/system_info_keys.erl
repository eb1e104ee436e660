%% erlang:system_info/1: the keys whose values Ember shares with OTP on the
%% same machine, the shape of the ones it answers in its own words, bad keys,
%% and system_flag(backtrace_depth) with the traces it shapes.
%% ember-mode: otp
-module(system_info_keys).
-export([main/0, deep/1]).
-include("test.hrl").

same() ->
    [endian, wordsize, machine, otp_release, compat_rel, build_type, heap_type, heap_sizes,
     logical_processors, logical_processors_available, logical_processors_online, cpu_topology,
     {cpu_topology, detected}, {cpu_topology, used}, {cpu_topology, defined}, creation,
     time_correction, time_warp_mode, time_offset, tolerant_timeofday, port_parallelism,
     multi_scheduling, multi_scheduling_blockers, normal_multi_scheduling_blockers, dist_ctrl,
     modified_timing_level, nif_version, driver_version, dynamic_trace, dynamic_trace_probes,
     hipe_architecture, trace_control_word, sequential_tracer, lock_checking, lock_counting,
     taints, break_ignored, delayed_node_table_gc, dist_buf_busy_limit, ets_always_compress,
     update_cpu_info, cpu_quota, message_queue_data, fullsweep_after, min_heap_size,
     min_bin_vheap_size, max_heap_size, garbage_collection, context_reductions,
     scheduler_bind_type, scheduler_bindings, schedulers, schedulers_online, kernel_poll,
     eager_check_io, smp_support, threads, process_limit, port_limit, atom_limit,
     outstanding_system_requests_limit, {wordsize, internal}, {wordsize, external}].

%% Values that differ by nature (times, counts) or by runtime (versions):
%% only their type is compared.
shapes() ->
    [{atom_count, fun is_integer/1}, {process_count, fun is_integer/1},
     {port_count, fun is_integer/1}, {ets_count, fun is_integer/1},
     {start_time, fun is_integer/1}, {end_time, fun(T) -> is_integer(T) andalso T > 0 end},
     {scheduler_id, fun(I) -> I >= 1 andalso I =< erlang:system_info(schedulers) end},
     {system_version, fun(V) -> lists:prefix("Erlang/OTP 25 [", V) end},
     {system_architecture, fun io_lib:printable_list/1},
     {version, fun io_lib:printable_list/1}, {system_logger, fun is_pid/1},
     {c_compiler_used, fun({_, {_, _, _}}) -> true; (_) -> false end},
     {debug_compiled, fun is_boolean/1}, {emu_flavor, fun is_atom/1},
     {emu_type, fun is_atom/1}, {dirty_io_schedulers, fun is_integer/1},
     {thread_pool_size, fun is_integer/1},
     {os_monotonic_time_source, fun(L) -> lists:sort(proplists:get_keys(L)) end},
     {os_system_time_source, fun(L) -> lists:sort(proplists:get_keys(L)) end}].

main() ->
    [io:format("~p: ~p~n", [K, erlang:system_info(K)]) || K <- same()],
    [io:format("~p: ~p~n", [K, F(erlang:system_info(K))]) || {K, F} <- shapes()],
    [show(fun() -> erlang:system_info(?ID(K)) end) || K <- [no_such_key, "endian", 42, {wordsize, bad},
                                             {cpu_topology, nope}, {a, b, c}]],
    gc_flags(),
    backtrace_depth(),
    ok.

%% system_info follows system_flag for the spawn defaults.
gc_flags() ->
    Old = erlang:system_flag(min_heap_size, 1000),
    io:format("~p ~p~n", [erlang:system_info(min_heap_size), erlang:system_info(garbage_collection)]),
    erlang:system_flag(min_heap_size, Old),
    OldF = erlang:system_flag(fullsweep_after, 7),
    io:format("~p~n", [erlang:system_info(fullsweep_after)]),
    erlang:system_flag(fullsweep_after, OldF).

deep(0) -> error(bottom);
deep(1) -> binary_to_list(get(no_such_key));
deep(N) -> [x | deep(N - 1)].

%% Like ?T, but through io:format, so that it keeps its place among the lines above.
show(F) -> io:format("~p~n", [try F() of V -> {ok, V} catch C:R -> {C, R} end]).

frames(F) -> try F() catch _:_:S -> [{M, N} || {M, N, _, _} <- S] end.

backtrace_depth() ->
    Depths = [0, 1, 2, 3, 5, 8, 30, 64, 100],
    [begin
         Was = erlang:system_flag(backtrace_depth, D),
         io:format("~p ~p ~p ~p~n", [D, Was, frames(fun() -> deep(0) end), frames(fun() -> deep(9) end)]),
         io:format("~p~n", [length(element(2, process_info(self(), current_stacktrace)))])
     end || D <- Depths],
    show(fun() -> erlang:system_flag(backtrace_depth, ?ID(-1)) end),
    show(fun() -> erlang:system_flag(backtrace_depth, ?ID(foo)) end),
    erlang:system_flag(backtrace_depth, 8).
