%% Floats as text and back: float_to_list/binary with the default format,
%% {decimals, N} (OTP's own rounding), {scientific, N}, compact and short
%% (the shortest round trip and OTP 25's choice between fixed and scientific
%% layout), option order and errors; list/binary_to_float's syntax.
-module(num_float_text).
-export([main/0]).
-include("test.hrl").

%% Deterministic doubles spread over the whole range: mantissas from an LCG,
%% scaled by powers of ten.
floats(0, _) -> [];
floats(N, S) ->
    S1 = (S * 1103515245 + 12345) rem 2147483648,
    M = S1 / 2147483648.0 + S1 rem 7,
    E = (S1 rem 617) - 308,
    F = try M * math:pow(10, E) catch _:_ -> M end,
    [F, -F | floats(N - 1, S1)].

main() ->
    Special = [?ID(0.0), ?ID(-0.0), ?ID(1.0), ?ID(-1.5), ?ID(0.1), ?ID(0.2), ?ID(0.3), ?ID(1/3),
               ?ID(2/3), ?ID(100.0), ?ID(1000.0), ?ID(12345.0), ?ID(123456.0), ?ID(1.0e15),
               ?ID(1.0e16), ?ID(1.2e16), ?ID(9007199254740992.0), ?ID(9007199254740994.0),
               ?ID(4503599627370496.0), ?ID(900719925474099.2), ?ID(90071992547409.92),
               ?ID(1.0e-4), ?ID(1.0e-5), ?ID(1.23e-4), ?ID(0.0012345), ?ID(1.0e22), ?ID(1.0e23),
               ?ID(5.0e-324), ?ID(2.2250738585072014e-308), ?ID(1.7976931348623157e308),
               ?ID(123456789012.0), ?ID(1.0e10), ?ID(1.5e10), ?ID(0.5), ?ID(2.5), ?ID(0.125),
               ?ID(1.005), ?ID(9.995), ?ID(0.045), ?ID(1.0e-7), ?ID(123.456), ?ID(1.0e300),
               ?ID(4503599627370497.5), ?ID(72057594037927945.0)],
    [erlang:display({F, float_to_list(F), float_to_list(F, [short]), float_to_binary(F, [short])})
     || F <- Special],
    Opts = [[], [{decimals, 0}], [{decimals, 2}], [{decimals, 5}, compact], [{decimals, 18}],
            [{decimals, 19}], [{decimals, 20}, compact], [{decimals, 0}, compact],
            [{scientific, 0}], [{scientific, 3}], [{scientific, 17}], [compact],
            [short, {decimals, 2}], [{decimals, 2}, short], [{scientific, 2}, {decimals, 1}],
            [compact, {decimals, 3}], [{scientific, -1}]],
    [erlang:display({F, O, res(fun() -> float_to_list(F, O) end)}) || F <- Special, O <- Opts],
    %% short reads back as the same float, for floats all over the range
    Many = floats(?ID(400), 1),
    [erlang:display({F, float_to_list(F, [short]), list_to_float(float_to_list(F, [short])) =:= F,
                     res(fun() -> float_to_binary(F, [{decimals, 3}]) end), float_to_list(F, [{scientific, 10}])})
     || F <- Many],
    %% errors and limits: the text must fit 255 characters
    [?T(float_to_list(?ID(1.5), O)) || O <- [[{decimals, 253}], [{decimals, 254}], [{scientific, 249}],
                                             [{scientific, 250}], [{decimals, -1}], [bad], [short | compact],
                                             compact, [{decimals, 2.0}], [{decimals, 1 bsl 70}], [{decimals, 2, 3}]]],
    ?T(float_to_list(?ID(1.0e300), [{decimals, 2}])), ?T(float_to_list(?ID(1), [short])),
    ?T(float_to_binary(?ID(1 bsl 70), [])), ?T(float_to_list(?ID(1.0e200), [{decimals, 0}, compact])),
    ?T(float_to_list(?ID(1.0e20), [{decimals, 0}, compact])),
    %% text to float
    Texts = ["1.0e5", "1.0E5", "1.0e+5", "+1.0", "-1.0", "1.5e400", "1.0e-400", "1.0e-320", "01.5",
             "1.5 ", " 1.5", "1,5", "1.e5", "1.0e", "1.0e+", "1", "1.", ".5", "0.0", "-0.0", "1.5e-5x",
             "1.79769313486231580793e308", "1.7976931348623159e308", "2.0e-324", "2.5e-324", "1_000.0",
             "1.0ee5", "1.0e5.0", "-", "-.5", "+-1.0", "1.0e05", "1.0e-0", "inf", "nan", "1.0e99999999999",
             "0.1000000000000000055511151231257827021181583404541015625", "1." ++ threes(600),
             [$1, $., 300], "1.0" ++ [0], "1.0\0xyz", "1.\0", "1.5e3\0zz", "\0", "1.0e\0"],
    [erlang:display({T, res(fun() -> list_to_float(?ID(T)) end), res(fun() -> binary_to_float(list_to_binary(?ID(T))) end)})
     || T <- Texts],
    ?T(list_to_float(?ID(1.0))), ?T(list_to_float(?ID([$1, $. | foo]))), ?T(binary_to_float(?ID("1.0"))),
    ok.

threes(0) -> [];
threes(N) -> [$3 | threes(N - 1)].

res(F) -> try F() catch C:R -> {C, R} end.
