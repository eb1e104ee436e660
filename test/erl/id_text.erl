%% Text forms of pids, ports, refs and funs, both ways: pid_to_list,
%% port_to_list, ref_to_list, fun_to_list and list_to_pid/port/ref, with the
%% limits OTP 25 puts on the numbers. Real pids, ports and refs are only
%% compared, never printed.
%% ember-otp-libs: stdlib
-module(id_text).
-export([main/0, local/1]).
-include("test.hrl").

local(X) -> X.

main() ->
    Self = self(),
    ?T(list_to_pid(pid_to_list(Self)) =:= Self),
    ?T(hd(pid_to_list(Self))),
    ?T(pid_to_list(list_to_pid("<0.1.2>"))),
    ?T(pid_to_list(list_to_pid("<0.32767.8191>"))),
    ?T(pid_to_list(list_to_pid("<0.01.001>"))),
    ?T(list_to_pid("<0.0.0>") < list_to_pid("<0.0.1>")),
    ?T(list_to_pid("<0.32767.0>") < list_to_pid("<0.0.1>")),
    ?T(is_pid(list_to_pid("<0.5.0>"))),
    [?T(list_to_pid(S)) || S <- ["<0.32768.0>", "<0.0.8192>", "<1.0.0>", "<0.0>", "<0.0.0.0>",
                                 "<0.0.0>x", "<0.-1.0>", "<0..0>", "<0.0.0", "0.0.0>", "", "<0. 1.0>",
                                 "<0.1.0> ", <<"<0.1.0>">>, '<0.1.0>', 42, [$<, 0.0, $>], ["<0.1.0>"]]],

    Port = open_port({spawn, "cat"}, []),
    ?T(list_to_port(port_to_list(Port)) =:= Port),
    ?T(lists:prefix("#Port<0.", port_to_list(Port))),
    port_close(Port),
    ?T(port_to_list(list_to_port("#Port<0.7>"))),
    ?T(port_to_list(list_to_port("#Port<0.268435455>"))),
    ?T(is_port(list_to_port("#Port<0.0>"))),
    [?T(list_to_port(S)) || S <- ["#Port<0.268435456>", "#Port<0.4294967296>", "#Port<1.2>", "#Port<0.>", "#Port<0.1.2>",
                                  "#port<0.1>", "#Port<0.1>x", "Port<0.1>", foo]],

    Ref = make_ref(),
    ?T(list_to_ref(ref_to_list(Ref)) =:= Ref),
    ?T(lists:prefix("#Ref<0.", ref_to_list(Ref))),
    ?T(ref_to_list(list_to_ref("#Ref<0.1.2.3>"))),
    ?T(ref_to_list(list_to_ref("#Ref<0.4294967295.65536.0>"))),
    ?T(ref_to_list(list_to_ref("#Ref<0.0.0.262143>"))),
    ?T(ref_to_list(list_to_ref("#Ref<0.007.0.0>"))),
    ?T(is_reference(list_to_ref("#Ref<0.1.2.3>"))),
    ?T(list_to_ref("#Ref<0.1.2.3>") =:= list_to_ref("#Ref<0.1.2.3>")),
    ?T(list_to_ref("#Ref<0.1.2.3>") < list_to_ref("#Ref<0.1.2.4>")),
    [?T(list_to_ref(S)) || S <- ["#Ref<0.0.0.262144>", "#Ref<0.4294967296.0.0>", "#Ref<0.1.2>",
                                 "#Ref<1.1.2.3>", "#Ref<0.1.2.3.4>", "#Ref<0.1.2.3>>", "Ref<0.1.2.3>",
                                 "#Ref<0.a.2.3>", self]],

    ?T(erlang:fun_to_list(fun lists:map/2)),
    ?T(erlang:fun_to_list(fun ?MODULE:local/1)),
    ?T(erlang:fun_to_list(fun erlang:'+'/2)),
    ?T(erlang:fun_to_list(fun 'a b':'c d'/0)),
    ?T(lists:prefix("#Fun<id_text.", erlang:fun_to_list(fun(X) -> X + 1 end))),
    ?T(erlang:fun_to_list(fun(X) -> X + 1 end) =:= erlang:fun_to_list(fun(X) -> X + 1 end)),

    [?T(F(X)) || F <- [fun pid_to_list/1, fun port_to_list/1, fun ref_to_list/1, fun erlang:fun_to_list/1],
                 X <- [foo, 1, "<0.1.0>", {}, [], <<>>]],
    ?T(pid_to_list(make_ref())),
    ?T(ref_to_list(self())),
    ok.
