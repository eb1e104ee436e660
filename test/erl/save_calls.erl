%% process_flag(save_calls, N) and process_info(P, last_calls): the N most
%% recent global calls (remote calls, BIFs called by name, applies, export
%% funs), sends, receives and receive timeouts, oldest first. Local calls,
%% local funs and guard BIFs are not kept. Setting it for another process
%% goes through process_flag/3.
-module(save_calls).
-export([main/0, f/1]).

main() ->
    erlang:display({off, process_info(self(), last_calls)}),
    erlang:display({set, process_flag(save_calls, 5)}),
    erlang:display({fresh, process_info(self(), last_calls)}),
    save_calls:f(1), f(2), self() ! x, receive x -> ok end, receive after 1 -> ok end,
    _ = abs(-3), _ = length([1]), _ = erlang:phash2(x),
    erlang:display({five, process_info(self(), last_calls)}),
    erlang:display({smaller, process_flag(save_calls, 3)}),
    M = id(save_calls), F = id(f),
    M:F(1), apply(M, F, [2]), Fun = fun save_calls:f/1, Fun(3), Local = fun(A) -> A end, Local(4),
    erlang:display({three, process_info(self(), last_calls)}),
    erlang:display({stop, process_flag(save_calls, 0)}),
    erlang:display({stopped, process_info(self(), last_calls)}),
    erlang:display({too_big, catch process_flag(save_calls, 10001)}),
    erlang:display({negative, catch process_flag(save_calls, -1)}),
    Self = self(),
    Other = spawn(fun() -> receive go -> save_calls:f(5), erlang:phash2(y), Self ! done end, receive stop -> ok end end),
    erlang:display({other_set, erlang:process_flag(Other, save_calls, 4)}),
    Other ! go,
    receive done -> ok end,
    erlang:display({other, process_info(Other, last_calls)}),
    Other ! stop.

f(X) -> X.
id(X) -> X.
