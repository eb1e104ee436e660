%% tcp_pair.hrl — for the tcp_* tests: a connected pair of passive gen_tcp
%% sockets, {Accepted, Connected}, on the loopback address Loop of Family,
%% with the listener already closed.
tcp_pair(Family, Loop, LOpts, COpts) ->
    {ok, L} = gen_tcp:listen(0, [Family, {active, false} | LOpts]),
    {ok, P} = inet:port(L),
    {ok, C} = gen_tcp:connect(Loop, P, [Family, {active, false} | COpts]),
    {ok, A} = gen_tcp:accept(L),
    gen_tcp:close(L),
    {A, C}.
