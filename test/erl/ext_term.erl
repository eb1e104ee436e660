%% term_to_binary/1: the exact bytes of the external term format for every
%% term kind the runtime has (OTP 25 encodes atoms as UTF-8 atom tags).
-module(ext_term).
-export([main/0, f/0]).
-include("test.hrl").

f() -> ok.

main() ->
    Terms = [0, 1, 255, 256, -1, -256, 16#7fffffff, -16#80000000, 16#80000000,
             -16#80000001, 576460752303423487, -576460752303423488, 1.0, -0.0, 0.5,
             3.141592653589793, 1.0e300, a, '', 'hello world', 'é', 'λ', true, [],
             "abc", [1, 2, 300], [a | b], [1 | 2.0], {}, {a}, {1, "two", [three]},
             <<>>, <<1, 2, 3>>, <<"binary">>, [[]], [<<"x">>, {}],
             fun erlang:abs/1, fun ?MODULE:f/0, #{}, #{a => 1}, #{b => 2, a => 1},
             list_to_tuple(seq(300)), seq(300), [256 | seq(3)], [$a, $b | $c]],
    [erlang:display(term_to_binary(?ID(T))) || T <- Terms],
    erlang:display(byte_size(term_to_binary(?ID(seq(100000))))),
    erlang:display(byte_size(term_to_binary(?ID(str(70000))))),
    erlang:display(binary_part_(term_to_binary(?ID(str(70000))), 6)),
    erlang:display(erlang:phash2(term_to_binary(?ID(seq(1000))))),
    erlang:display(term_to_binary(?ID({str(3), 'Ünïcödé', <<0>>}))).

seq(0) -> [];
seq(N) -> [N | seq(N - 1)].

str(0) -> [];
str(N) -> [$a + N rem 26 | str(N - 1)].

%% First N bytes of a binary, without the binary syntax.
binary_part_(B, N) -> list_to_binary(take(binary_to_list(B), N)).

take(_, 0) -> [];
take([H | T], N) -> [H | take(T, N - 1)].
