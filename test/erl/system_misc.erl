%% Deterministic facts about the system: node/0, self/0 and make_ref/0 (types and
%% equality only), system_info(wordsize | otp_release), and badarg on bad keys.
-module(system_misc).
-export([main/0]).
-include("test.hrl").

main() ->
    erlang:display(node()), erlang:display(node(self())), erlang:display(erlang:node()),
    erlang:display(is_pid(self())), erlang:display(self() =:= self()),
    erlang:display(is_reference(make_ref())), erlang:display(make_ref() =:= make_ref()),
    R = make_ref(), erlang:display(R =:= R), erlang:display(R == ?ID(R)),
    erlang:display(length(refs(1000, [])) =:= 1000),
    erlang:display(all_distinct(refs(100, []))),
    erlang:display(erlang:system_info(wordsize)), erlang:display(erlang:system_info(otp_release)),
    erlang:display(is_list(erlang:system_info(otp_release))),
    erlang:display(is_atom(node())), erlang:display(is_pid(?ID(node()))),
    erlang:display(node(R)),
    ?T(erlang:system_info(?ID(definitely_not_a_key))), ?T(erlang:system_info(?ID("wordsize"))),
    ?T(node(?ID(not_a_pid))), ?T(erlang:system_info(?ID({wordsize, internal}))),
    erlang:display(is_integer(erlang:system_info(process_limit))),
    erlang:display(erlang:system_info(wordsize) * 8).

refs(0, Acc) -> Acc;
refs(N, Acc) -> refs(N - 1, [make_ref() | Acc]).

all_distinct([]) -> true;
all_distinct([H | T]) -> not lists:member(H, T) andalso all_distinct(T).
