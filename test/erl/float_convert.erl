%% Conversions between floats, integers, lists and binaries.
-module(float_convert).
-export([main/0]).
-include("test.hrl").

main() ->
    [?T(float_to_list(?ID(F))) || F <- [0.0, -0.0, 1.0, 1.5, -2.25, 0.1, 1.0e100, 1.0e-100,
                                          123456.789, 3.141592653589793, 5.0e-324]],
    [?T(list_to_float(?ID(S))) || S <- ["1.0", "-1.5", "1.0e10", "1.5E-3", "0.1",
                                          "2.5e+2", "1e10", "1", "1.", ".5", "abc", "1.0x",
                                          "", "+1.0", " 1.0", "1.0e999", "007.50"]],
    ?T(float_to_list(?ID(1))), ?T(float_to_list(?ID(a))), ?T(list_to_float(?ID(1.0))),
    ?T(float(?ID("1"))), ?T(float(?ID(1.0e300))), ?T(float(?ID(-576460752303423488))),
    ?T(trunc(?ID(1.0e17))), ?T(trunc(?ID(5))), ?T(round(?ID(-5))),
    ?T(trunc(?ID(4.5e17))), ?T(round(?ID(-4.5e17))),
    ?T(list_to_integer(?ID("1.0"))), ?T(integer_to_list(?ID(1.0))),
    ?T(float(?ID(3)) =:= ?ID(3.0)), ?T(?ID(3) + 0.0).
