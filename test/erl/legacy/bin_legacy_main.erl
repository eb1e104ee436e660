%% Runs the functions of bin_legacy on many inputs: on OTP the module compiled
%% from bin_legacy.erl, on Ember the one assembled from bin_legacy.S (the
%% instructions of compilers before OTP 22). The outputs must match.
-module(bin_legacy_main).
-export([main/0]).

main() ->
    Big = list_to_binary(seq(0, 99)),
    <<_:3, Odd/bits>> = id(<<5, 1, 2, 3, 4, 200, 7>>),
    <<_:8, Part:80/binary, _/binary>> = Big,
    Inputs = [<<>>, <<1>>, <<1, 7>>, <<1, 7, 8>>, <<2, 1, 2>>, <<2, 1>>, <<3, 4, 5>>, <<1:7>>, <<2, 1:7>>,
              <<16#AB, 16#CD, 16#EF, 1, 2>>, <<16#AB, 16#CD, 16#EF, 1, 2:3>>, <<16#AB, 16#CD>>,
              Odd, Part, Big, split_binary(Big, 70), binary_part(Big, 3, 70), <<Big/binary, 3:2>>,
              <<1, 2, 3, 4, 5, 3:3>>, a, 42],
    [erlang:display({F, In, t(fun() -> bin_legacy:F(In) end)}) || F <- [ints, alt, alt2, tail3, skip1], In <- Inputs],
    [erlang:display({count, In, t(fun() -> bin_legacy:count(In, 0) end)}) || In <- Inputs],
    [erlang:display({build, A, B, t(fun() -> bin_legacy:build(A, B) end)})
     || A <- [0, 16#1234, -1, 1 bsl 70, x], B <- [<<>>, <<"abc">>, Part, <<1:3>>, y]],
    [erlang:display({byte1, A, t(fun() -> bin_legacy:byte1(A) end)}) || A <- [0, 255, 256, -1, 1 bsl 70, x]],
    %% sub-binaries at every bit offset: a context's binary starts where it was started
    B = id(<<255, 1, 2, 3, 4, 5, 6, 7>>),
    [erlang:display({S, bin_legacy:count(X, 1), bin_legacy:alt(X), bin_legacy:ints(X)})
     || S <- seq(0, 17), <<_:S, X/bits>> <- [B]],
    ok.

id(X) -> X.

%% The value, or the exception without its stack trace.
t(F) -> try F() catch C:R -> {C, R} end.

seq(A, B) when A > B -> [];
seq(A, B) -> [A | seq(A + 1, B)].
