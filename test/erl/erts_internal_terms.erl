-module(erts_internal_terms).
%% The erts_internal functions OTP's own modules call about terms and
%% processes: term_type/1, map_to_tuple_keys/1, map_hashmap_children/1 (the
%% trie's layout, leaf by leaf), get_creation/0, garbage_collect/1,
%% is_process_alive/2 and group_leader/2,3 (answers by value or by message).
-export([main/0]).

-include("test.hrl").

main() ->
    term_types(),
    tuple_keys(),
    hashmap_children(),
    ?T(erts_internal:get_creation()),
    gc(),
    alive(),
    group_leaders().

big_map(N) -> big_map(N, #{}).
big_map(0, M) -> M;
big_map(N, M) -> big_map(N - 1, M#{N => N * 2, {k, N} => [N]}).

term_types() ->
    <<_:3, Bits/bits>> = ?ID(<<1, 2, 3, 4>>),
    Long = ?ID(list_to_binary(seq(1, 100))),
    <<_:8, Tail/binary>> = Long,
    Port = open_port({spawn, "cat"}, []),
    Ts = [a, 1, -5, 1 bsl 70, -(1 bsl 70), 1.5, [], [1], "str", {}, {1, 2}, #{}, #{a => 1}, big_map(20),
          fun() -> ok end, fun lists:map/2, make_ref(), self(), Port, <<>>, <<1, 2>>,
          Long, Bits, Tail, list_to_pid("<0.1.0>"), erlang:alias([explicit_unalias])],
    erlang:display([erts_internal:term_type(?ID(T)) || T <- Ts]),
    port_close(Port).

tuple_keys() ->
    ?T(erts_internal:map_to_tuple_keys(?ID(#{b => 1, a => 2, 3 => c}))),
    ?T(erts_internal:map_to_tuple_keys(?ID(#{}))),
    ?T(erts_internal:map_to_tuple_keys(?ID(big_map(20)))),
    ?T(erts_internal:map_to_tuple_keys(?ID(x))),
    ?T(erts_internal:map_to_tuple_keys(?ID([]))).

%% The trie's leaves as a map, checking that every node has 1..16 children
%% (the head may have none); the layout itself depends on a hash seed that
%% differs between runs, on OTP too.
leaves(Node, Acc, Depth) ->
    Cs = erts_internal:map_hashmap_children(Node),
    N = length(Cs),
    true = N =< 16 andalso (Depth =:= 0 orelse N >= 1),
    leaves(Cs, Acc, Depth, N).

leaves([], Acc, _, _) -> Acc;
leaves([C | Cs], Acc, Depth, N) ->
    Acc1 = case erts_internal:term_type(C) of
               list -> Acc#{hd(C) => tl(C)};
               hashmap_node -> leaves(C, Acc, Depth + 1)
           end,
    leaves(Cs, Acc1, Depth, N).

hashmap_children() ->
    [erlang:display({N, leaves(M, #{}, 0) =:= M, map_size(M)}) || N <- [17, 40, 300], M <- [big_map(N)]],
    ?T(erts_internal:map_hashmap_children(?ID(#{a => 1}))),
    ?T(erts_internal:map_hashmap_children(?ID(x))).

gc() ->
    ?T(erts_internal:garbage_collect(major)),
    ?T(erts_internal:garbage_collect(minor)),
    ?T(erts_internal:garbage_collect(?ID(full))).

reply(Ref) ->
    receive {Ref, R} -> R after 2000 -> no_reply end.

alive() ->
    Ref = make_ref(),
    ?T(erts_internal:is_process_alive(self(), Ref)),
    erlang:display(reply(Ref)),
    Dead = spawn(fun() -> ok end),
    MRef = monitor(process, Dead),
    receive {'DOWN', MRef, _, _, _} -> ok end,
    ?T(erts_internal:is_process_alive(Dead, Ref)),
    erlang:display(reply(Ref)),
    ?T(erts_internal:is_process_alive(?ID(x), Ref)),
    ?T(erts_internal:is_process_alive(self(), ?ID(x))).

group_leaders() ->
    Gl = group_leader(),
    Other = spawn(fun() -> receive stop -> ok end end),
    Q = spawn(fun() -> receive stop -> ok end end),
    Dead = spawn(fun() -> ok end),
    MRef = monitor(process, Dead),
    receive {'DOWN', MRef, _, _, _} -> ok end,
    ?T(erts_internal:group_leader(Other, Q)),
    erlang:display(process_info(Q, group_leader) =:= {group_leader, Other}),
    ?T(erts_internal:group_leader(Gl, Dead)),
    ?T(erts_internal:group_leader(?ID(x), Q)),
    ?T(erts_internal:group_leader(Other, ?ID(x))),
    Ref = make_ref(),
    ?T(erts_internal:group_leader(Gl, Q, Ref)),
    erlang:display(reply(Ref)),
    erlang:display(process_info(Q, group_leader) =:= {group_leader, Gl}),
    ?T(erts_internal:group_leader(Gl, Dead, Ref)),
    erlang:display(reply(Ref)),
    ?T(erts_internal:group_leader(Gl, ?ID(x), Ref)),
    ?T(erts_internal:group_leader(Gl, Q, ?ID(x))),
    ?T(erts_internal:group_leader(Other, self())),
    erlang:display(group_leader() =:= Other),
    group_leader(Gl, self()),
    Q ! stop, Other ! stop.

seq(A, B) when A > B -> [];
seq(A, B) -> [A | seq(A + 1, B)].
