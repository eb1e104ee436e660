%% Natives that OTP's kernel calls while it boots: node monitoring flags on a
%% node that is not distributed, message_queue_data, current_stacktrace and
%% current_location of a waiting process, system processes, the built-in
%% inet drivers and the unicode io question for group leaders.
-module(boot_support_bifs).
-export([main/0, wait_here/0]).
-include("test.hrl").

main() ->
    ?T([process_flag(monitor_nodes, true), process_flag({monitor_nodes, []}, true),
        process_flag({monitor_nodes, []}, false), process_flag(monitor_nodes, false)]),
    %% OTP keeps a count per option set; only the type of the answer is compared
    ?T(is_integer(process_flag({monitor_nodes, #{list => true, node_type => all}}, true))),
    ?T(is_integer(process_flag({monitor_nodes, #{nodedown_reason => false, connection_id => true}}, true))),
    [?T(process_flag({monitor_nodes, Bad}, true))
     || Bad <- [[nodedown_reason], #{list => false}, #{node_type => bad}, #{foo => 1}, #{list => 1}]],
    ?T(process_flag(monitor_nodes, maybe)),
    ?T(process_info(self(), message_queue_data)),
    ?T([process_flag(message_queue_data, off_heap), process_flag(message_queue_data, on_heap)]),
    ?T(process_flag(message_queue_data, elsewhere)),
    Pid = spawn(?MODULE, wait_here, []),
    receive after 50 -> ok end,
    ?T(process_info(Pid, current_stacktrace)),
    ?T(process_info(Pid, current_location)),
    ?T(process_info(Pid, [current_function, current_location])),
    exit(Pid, kill),
    ?T(erts_internal:is_system_process(self())),
    ?T(erts_internal:is_system_process(a)),
    ?T(net_kernel:dflag_unicode_io(self())),
    ?T(net_kernel:dflag_unicode_io(a)),
    ?T(erts_internal:scheduler_wall_time(false)),
    ?T(open_port({spawn_driver, "no_such_driver"}, [])),
    ?T(open_port({spawn_driver, "udp_inet"}, [bad_option])),
    Port = open_port({spawn_driver, "udp_inet"}, [binary]),
    ?T(is_port(Port)),
    ?T(erlang:port_info(Port, name)),
    ?T(port_close(Port)),
    ?T(port_control(Port, 12, [])),
    ok.

wait_here() ->
    receive never -> ok end.
