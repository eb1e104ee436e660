%% process_flag(sensitive, Bool): the old value comes back, and while it is
%% set process_info shows no messages, no dictionary and an empty queue,
%% to the process itself and to others.
-module(process_flag_sensitive).
-export([main/0]).

main() ->
    put(secret, 42),
    self() ! hidden,
    Items = [messages, message_queue_len, dictionary],
    erlang:display({before, erlang:process_info(self(), Items)}),
    erlang:display({set, process_flag(sensitive, true)}),
    erlang:display({set_again, process_flag(sensitive, true)}),
    erlang:display({self_view, erlang:process_info(self(), Items)}),
    Me = self(),
    spawn(fun() -> Me ! {seen, erlang:process_info(Me, Items)} end),
    Seen = receive {seen, S} -> S end,
    erlang:display({other_view, Seen}),
    erlang:display({cleared, process_flag(sensitive, false)}),
    erlang:display({after_clear, erlang:process_info(self(), Items)}),
    erlang:display({bad_value, catch process_flag(sensitive, maybe)}),
    erlang:display({still_there, get(secret), receive hidden -> got_it after 0 -> lost end}).
