%% erlang:raise/3: rethrowing with a kept or a new stack trace, every class,
%% invalid classes and traces (badarg), and erlang:error/2 argument lists.
-module(exc_raise).
-export([main/0]).
-include("test.hrl").

main() ->
    [erlang:display(raise_as(?ID(C), ?ID(r))) || C <- [error, exit, throw]],
    erlang:display(raise_as(?ID(bad_class), r)),
    erlang:display(catch erlang:raise(?ID(bad_class), r, [])),
    erlang:display(catch erlang:raise(?ID(error), r, ?ID(not_a_list))),
    erlang:display(catch erlang:raise(?ID(throw), r, ?ID([bad_frame]))),
    erlang:display(catch erlang:raise(?ID(exit), r, ?ID([{m, f, 1, []}]))),
    erlang:display(catch erlang:raise(?ID(error), r, ?ID([{m, f, [a], [{line, 1}]}]))),
    erlang:display(try erlang:raise(?ID(error), r, ?ID([{m, f, 0, []}, {n, g, 2, [{file, "x"}]}]))
                   catch error:R:S -> {R, S} end),
    erlang:display(try erlang:raise(?ID(throw), tr, ?ID([]))
                   catch C1:R1:S1 -> {C1, R1, S1} end),
    erlang:display(keep_trace()),
    erlang:display(try erlang:error(?ID(reason), ?ID([arg1, arg2])) catch error:R3:S3 -> {R3, hd(S3)} end),
    erlang:display(try erlang:error(?ID(reason), ?ID(none)) catch error:R2:S2 -> {R2, hd(S2)} end),
    erlang:display(try erlang:error(?ID(reason), ?ID(bad_args)) catch error:R4:S4 -> {R4, hd(S4)} end),
    erlang:display(try erlang:error(?ID(reason), ?ID([x]), ?ID([{error_info, #{cause => c}}]))
                   catch error:R5:S5 -> {R5, hd(S5)} end),
    erlang:display(try erlang:error(?ID(reason), ?ID([x]), ?ID([]))
                   catch error:R6:S6 -> {R6, hd(S6)} end).

raise_as(Class, Reason) ->
    try erlang:raise(Class, Reason, [])
    catch C:R -> {C, R}
    end.

%% The trace of a rethrown exception is the one captured at the first raise.
keep_trace() ->
    try
        try erlang:error(?ID(first))
        catch error:R:S -> erlang:raise(error, {wrapped, R}, S)
        end
    catch
        error:R2:S2 -> {R2, length(S2) > 0, element(1, hd(S2)), element(2, hd(S2))}
    end.
