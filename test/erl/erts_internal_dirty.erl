%% The erts_internal functions about dirty execution and system tasks that
%% OTP 25's code purger and dirty signal handler call: no ordinary process
%% executes dirty; the handlers' own functions are theirs alone (notsup for
%% others); request_system_task/4 answers the requester it names.
-module(erts_internal_dirty).
-export([main/0]).

main() ->
    P = spawn(fun() -> receive stop -> ok end end),
    D = spawn(fun() -> ok end),
    Ref = monitor(process, D),
    receive {'DOWN', Ref, process, D, _} -> ok end,
    erlang:display({dirty_self, erts_internal:is_process_executing_dirty(self())}),
    erlang:display({dirty_live, erts_internal:is_process_executing_dirty(P)}),
    erlang:display({dirty_dead, erts_internal:is_process_executing_dirty(D)}),
    erlang:display({dirty_bad, reason(catch erts_internal:is_process_executing_dirty(x))}),
    erlang:display({signals, reason(catch erts_internal:dirty_process_handle_signals(P))}),
    erlang:display({code, reason(catch erts_internal:check_dirty_process_code(P, lists))}),
    Self = self(),
    Asker = spawn(fun() -> receive Msg -> Self ! {asker_got, Msg} end end),
    Req = make_ref(),
    erlang:display({task4, erts_internal:request_system_task(Asker, P, normal, {check_process_code, Req, lists})}),
    receive {asker_got, {check_process_code, Req, Answer}} -> erlang:display({task4_answer, Answer}) end,
    Req3 = make_ref(),
    erlang:display({task3, erts_internal:request_system_task(P, normal, {check_process_code, Req3, lists})}),
    receive {check_process_code, Req3, Answer3} -> erlang:display({task3_answer, Answer3}) end,
    erlang:display({task4_bad, reason(catch erts_internal:request_system_task(x, P, normal, {check_process_code, Req, lists}))}),
    P ! stop.

reason({'EXIT', {R, _}}) -> R;
reason(Other) -> Other.
