%% The date and time BIFs: conversions between universal time, local time and
%% POSIX seconds over a range of dates (leap years, the edges of OTP's
%% ranges), bad dates, and erlang:iolist_to_iovec/1.
-module(calendar_bifs).
-export([main/0]).
-include("test.hrl").

main() ->
    [begin
         U = erlang:posixtime_to_universaltime(S),
         erlang:display({S, U, erlang:universaltime_to_posixtime(U), erlang:universaltime_to_localtime(U),
                         erlang:localtime_to_universaltime(erlang:universaltime_to_localtime(U))})
     end || S <- [0, 1, -1, 86399, 951782400, 951868800, 1000000000, 1709210096, 4102444800, -2145916800]],
    erlang:display(erlang:posixtime_to_universaltime(253402300800)),
    erlang:display(erlang:universaltime_to_posixtime({{1600, 1, 1}, {0, 0, 0}})),
    erlang:display(erlang:localtime_to_universaltime({{2020, 2, 29}, {23, 0, 0}}, false)),
    ?T(erlang:universaltime_to_posixtime({{1599, 12, 31}, {0, 0, 0}})),
    ?T(erlang:universaltime_to_posixtime({{2021, 2, 29}, {0, 0, 0}})),
    ?T(erlang:universaltime_to_posixtime({{2020, 13, 1}, {0, 0, 0}})),
    ?T(erlang:universaltime_to_posixtime({{2020, 1, 1}, {24, 0, 0}})),
    ?T(erlang:universaltime_to_posixtime({{2020, 1, 1}, {0, 0, 60}})),
    ?T(erlang:universaltime_to_posixtime({2020, 1, 1})),
    ?T(erlang:universaltime_to_localtime({{1600, 1, 1}, {0, 0, 0}})),
    ?T(erlang:localtime_to_universaltime({{2020, 1, 1}, {0, 0, 0}}, maybe)),
    ?T(erlang:posixtime_to_universaltime(1.5)),
    {D, T} = erlang:localtime(),
    erlang:display({shapes, tuple_size(D), tuple_size(T), tuple_size(erlang:date()), tuple_size(erlang:time()),
                    tuple_size(element(1, erlang:universaltime()))}),
    Big = binary:copy(<<7>>, 300),
    erlang:display({iovec, erlang:iolist_to_iovec([]), erlang:iolist_to_iovec(<<>>),
                    erlang:iolist_to_iovec("abc"), erlang:iolist_to_iovec([<<"a">>, "b", [<<"c">>, []]]),
                    [byte_size(X) || X <- erlang:iolist_to_iovec(["x", Big, Big, "y", <<"z">>])],
                    [byte_size(X) || X <- erlang:iolist_to_iovec([binary:copy(<<1>>, 100), "x"])]}),
    Sizes = fun(L) -> [byte_size(X) || X <- erlang:iolist_to_iovec(L)] end,
    B = fun(N) -> binary:copy(<<7>>, N) end,
    erlang:display({merging, Sizes(["x", B(511)]), Sizes(["x", B(512)]), Sizes([B(255), B(255)]),
                    Sizes([binary_to_list(B(300)), B(3000)]), Sizes([B(1000), "y", B(1000)]),
                    Sizes([B(100), B(400)]), Sizes(["x", B(100000)])}),
    [_, Tail] = erlang:iolist_to_iovec(["x", B(1000)]),
    erlang:display({tail, Tail =:= B(745)}),
    ?T(erlang:iolist_to_iovec([a])),
    ?T(erlang:iolist_to_iovec(<<1:1>>)),
    ?T(erlang:iolist_to_iovec(7)),
    ok.
