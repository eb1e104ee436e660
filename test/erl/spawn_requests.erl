%% spawn_request in all its forms: replies and their tags, reply modes, link
%% and monitor (the request id is the monitor reference), {monitor, Opts},
%% bad options answered by message or exception, other nodes, abandon.
-module(spawn_requests).
-export([main/0, child/1]).
-include("test.hrl").

child(Parent) -> Parent ! child_ran.

flush() -> receive M -> M after 100 -> none end.
drain() -> receive _ -> drain() after 100 -> ok end.

reply_shape({Tag, R, ok, Pid}, Req) when is_pid(Pid) -> {Tag, R =:= Req, ok};
reply_shape({Tag, R, error, Why}, Req) -> {Tag, R =:= Req, error, Why};
reply_shape(Other, _) -> Other.

r(F) ->
    Result = try F() of Req when is_reference(Req) -> {req, reply_shape(flush(), Req), flush()};
                        V -> {value, V}
             catch C:E -> {C, E} end,
    drain(),
    erlang:display(Result).

main() ->
    Self = self(),
    r(fun() -> spawn_request(fun() -> ok end) end),
    r(fun() -> spawn_request(fun() -> ok end, []) end),
    r(fun() -> spawn_request(fun() -> ok end, [{reply_tag, mytag}]) end),
    r(fun() -> spawn_request(fun() -> ok end, [{reply_tag, t}, {reply_tag, {u, "v"}}]) end),
    [r(fun() -> spawn_request(fun() -> ok end, [{reply, M}]) end) || M <- [yes, no, error_only, success_only]],
    [r(fun() -> spawn_request(fun() -> ok end, [{reply, M}, foo]) end) || M <- [yes, no, error_only, success_only]],
    r(fun() -> spawn_request(fun() -> ok end, [foo]) end),
    r(fun() -> spawn_request(fun() -> ok end, [{reply, maybe}]) end),
    r(fun() -> spawn_request(fun() -> ok end, [{reply_tag, t}, foo]) end),
    r(fun() -> spawn_request(fun() -> ok end, [{max_heap_size, 10}]) end),
    r(fun() -> spawn_request(fun() -> ok end, foo) end),
    r(fun() -> spawn_request(notfun) end),
    r(fun() -> spawn_request(fun(_) -> ok end) end),
    r(fun() -> spawn_request(?MODULE, child, [Self]) end),
    ?T(receive child_ran -> ran after 1000 -> timeout end),
    r(fun() -> spawn_request(?MODULE, child, [Self], [{reply_tag, t}]) end),
    r(fun() -> spawn_request(node(), ?MODULE, child, [Self]) end),
    r(fun() -> spawn_request(node(), ?MODULE, child, [Self], [{reply, no}]) end),
    r(fun() -> spawn_request(node(), fun() -> ok end) end),
    r(fun() -> spawn_request(node(), fun() -> ok end, [{reply_tag, n}]) end),
    r(fun() -> spawn_request(erlang, is_atom, notlist) end),
    r(fun() -> spawn_request(erlang, is_atom, [a | b]) end),
    r(fun() -> spawn_request("m", is_atom, []) end),
    r(fun() -> spawn_request(123, fun() -> ok end) end),
    r(fun() -> spawn_request(foo@bar, fun() -> ok end) end),
    r(fun() -> spawn_request(foo@bar, erlang, is_atom, [a], [{reply_tag, remote}]) end),
    r(fun() -> spawn_request(foo@bar, fun() -> ok end, [{reply, success_only}]) end),
    r(fun() -> spawn_request(fun() -> ok end, [{priority, high}, {min_heap_size, 100}, {fullsweep_after, 5},
                                               {message_queue_data, off_heap}]) end),

    R1 = spawn_request(fun() -> exit(boom) end, [monitor]),
    {spawn_reply, R1, ok, P1} = flush(),
    ?T(receive {'DOWN', R1, process, P1, W1} -> W1 after 1000 -> timeout end),
    R2 = spawn_request(fun() -> exit(boom2) end, [{monitor, [{tag, mt}]}]),
    {spawn_reply, R2, ok, P2} = flush(),
    ?T(receive {mt, R2, process, P2, W2} -> W2 after 1000 -> timeout end),
    R3 = spawn_request(fun() -> receive go -> ok end end, [{monitor, [{alias, demonitor}]}]),
    {spawn_reply, R3, ok, P3} = flush(),
    R3 ! via_alias,
    ?T(flush()),
    P3 ! go,
    ?T(element(1, flush())),
    R3 ! after_down,
    ?T(flush()),
    process_flag(trap_exit, true),
    R4 = spawn_request(fun() -> exit(linked_boom) end, [link]),
    {spawn_reply, R4, ok, P4} = flush(),
    ?T(receive {'EXIT', P4, W4} -> W4 after 1000 -> timeout end),
    process_flag(trap_exit, false),
    R5 = spawn_request(fun() -> receive after infinity -> ok end end, [link, monitor]),
    {spawn_reply, R5, ok, P5} = flush(),
    unlink(P5),
    exit(P5, kill),
    ?T(receive {'DOWN', R5, process, P5, W5} -> W5 after 1000 -> timeout end),
    ?T(spawn_request_abandon(spawn_request(fun() -> ok end))),
    drain(),
    ?T(spawn_request_abandon(make_ref())),
    ?T(spawn_request_abandon(foo)),
    ?T(erts_internal:spawn_request(erlang, is_atom, [a], foo)),
    ?T(erts_internal:spawn_request(erlang, is_atom, x, [])),
    ?T(process_info(self(), monitors)),
    ok.
