%% Smaller erlang functions: the dt_* tags (no dynamic tracing, as OTP built
%% without it), fun_info_mfa/1, append/2, subtract/2, '!'/2,
%% garbage_collect/2 and port_get_data/port_set_data.
-module(erlang_misc).
-export([main/0]).
-include("test.hrl").

main() ->
    ?T(erlang:dt_get_tag()),
    ?T(erlang:dt_get_tag_data()),
    ?T(erlang:dt_put_tag(<<"a">>)),
    ?T(erlang:dt_put_tag(foo)),
    [?T(erlang:dt_spread_tag(V)) || V <- [true, false, foo]],
    [?T(erlang:dt_restore_tag(V)) || V <- [true, undefined, foo]],
    ?T(erlang:dt_prepend_vm_tag_data(<<"x">>)),
    ?T(erlang:dt_append_vm_tag_data(foo)),

    ?T(erlang:fun_info_mfa(fun(X) -> X end)),
    Y = ?ID(3),
    ?T(erlang:fun_info_mfa(fun(X) -> X + Y end)),
    ?T(erlang:fun_info_mfa(fun erlang:abs/1)),
    ?T(erlang:fun_info_mfa(foo)),

    ?T(erlang:append([1], foo)),
    ?T(erlang:append([1, 2], [3])),
    ?T(erlang:append(foo, [1])),
    ?T(erlang:subtract([1, 2, 1], [1])),
    ?T(erlang:subtract(a, [1])),
    ?T(erlang:'!'(self(), bang)),
    ?T(receive bang -> got after 100 -> none end),
    ?T(erlang:'!'(erlang_misc_unregistered, x)),

    ?T(erlang:garbage_collect(self(), [])),
    ?T(erlang:garbage_collect(self(), [{type, minor}])),
    ?T(erlang:garbage_collect(self(), [{type, major}])),
    R = make_ref(),
    ?T(erlang:garbage_collect(self(), [{async, R}])),
    ?T(receive {garbage_collect, R, X1} -> X1 after 1000 -> none end),
    Pid = spawn(fun() -> receive _ -> ok end end),
    R2 = make_ref(),
    ?T(erlang:garbage_collect(Pid, [{async, R2}])),
    ?T(receive {garbage_collect, R2, X2} -> X2 after 1000 -> none end),
    Dead = spawn(fun() -> ok end),
    M = monitor(process, Dead),
    receive {'DOWN', M, _, _, _} -> ok end,
    ?T(erlang:garbage_collect(Dead, [])),
    R3 = make_ref(),
    ?T(erlang:garbage_collect(Dead, [{async, R3}])),
    ?T(receive {garbage_collect, R3, X3} -> X3 after 1000 -> none end),
    [?T(erlang:garbage_collect(self(), O)) || O <- [[foo], [{type, foo}], foo, [{async, r} | x]]],
    ?T(erlang:garbage_collect(foo, [])),

    Port = open_port({spawn, "cat"}, []),
    ?T(erlang:port_get_data(Port)),
    ?T(erlang:port_set_data(Port, {some, "data", <<"bin">>})),
    ?T(erlang:port_get_data(Port)),
    ?T(erlang:port_set_data(Port, 42)),
    ?T(erlang:port_get_data(Port)),
    port_close(Port),
    ?T(erlang:port_get_data(Port)),
    ?T(erlang:port_set_data(Port, x)),
    ?T(erlang:port_get_data(self())),
    ?T(erlang:port_set_data(foo, x)),
    ok.
