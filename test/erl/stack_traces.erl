%% Stack traces as try ... catch C:R:S sees them: frames for body calls (tail calls
%% leave none), file/line locations, argument lists for function_clause and
%% undef, funs' generated names, and the 8-frame depth limit.
-module(stack_traces).
-export([main/0, ext_body/1, ext_tail/1]).
-include("test.hrl").

main() ->
    show(fun() -> body1(?ID(x)) end),
    show(fun() -> tail1(?ID(x)) end),
    show(fun() -> fc(?ID(nope), 2) end),
    show(fun() -> ?MODULE:ext_body(?ID(1)) end),
    show(fun() -> ?MODULE:ext_tail(?ID(1)) end),
    show(fun() -> (?ID(missing_mod_q)):f(1, "a") end),
    show(fun() -> ?MODULE:missing_fun(?ID(x)) end),
    show(fun() -> recurse(?ID(20)) end),
    show(fun() -> recurse(?ID(3)) end),
    show(fun() -> depth(?ID(3), ?ID(true)) end),
    show(fun() -> depth(?ID(30), ?ID(true)) end),
    erlang:display(depth(?ID(30), ?ID(false))),
    show(fun() -> c1(?ID(boom)) end),
    show(fun() -> c7(?ID(boom)) end),
    erlang:display(c1(?ID(fine))),
    show(fun() -> F = fun(X) -> {ok} = X end, F(?ID(bad)) end),
    show(fun() -> F = fun(a) -> a end, [F(?ID(b))] end),
    show(fun() -> (?ID(fun(A, B) -> {A, B} end))(1) end),
    show(fun() -> (?ID(notfun))(1) end),
    show(fun() -> throw(?ID(t)) end),
    show(fun() -> exit(?ID(e)) end),
    show(fun() -> erlang:error(?ID(r), ?ID([1, 2])) end),
    show(fun() -> case_fail(?ID(z)) end),
    show(fun() -> if_fail(?ID(z)) end),
    show(fun() -> try_fail(?ID(z)) end),
    show(fun() -> match_fail(?ID(z)) end),
    show(fun() -> guard_fc(?ID(-5)) end),
    show(fun() -> apply(?ID(?MODULE), ?ID(nowhere), ?ID([1, 2, 3])) end),
    erlang:display(catch body1(?ID(y))),
    erlang:display(catch fc(?ID(1), 1)),
    erlang:display(try erlang:raise(error, ?ID(kept), stack_of(fun() -> body1(?ID(k)) end))
                   catch error:R:S -> {R, S} end).

show(F) ->
    try F() of V -> erlang:display({returned, V})
    catch C:R:S -> erlang:display({C, R, S})
    end.

stack_of(F) -> try F() catch _:_:S -> S end.

body1(X) -> [body2(X)].
body2(X) -> {body3(X)}.
body3(X) -> erlang:error({oops, X}).

tail1(X) -> tail2(X).
tail2(X) -> tail3(X).
tail3(X) -> erlang:error({tail_oops, X}).

fc(a, _) -> a;
fc(b, N) when N > 0 -> b.

ext_body(X) -> [?MODULE:ext_tail(X)].
ext_tail(X) -> erlang:error({ext, X}).

recurse(0) -> erlang:error(bottom);
recurse(N) -> [recurse(N - 1)].

%% Unlike recurse/1, depth/2 may return, so its calls keep their frames.
depth(0, true) -> erlang:error(bottom);
depth(0, false) -> 0;
depth(N, Stop) -> 1 + depth(N - 1, Stop).

%% A chain of distinct body calls: deeper than OTP's 8-frame backtrace limit.
c1(X) -> [c2(X)].
c2(X) -> [c3(X)].
c3(X) -> [c4(X)].
c4(X) -> [c5(X)].
c5(X) -> [c6(X)].
c6(X) -> [c7(X)].
c7(X) -> [c8(X)].
c8(X) -> [c9(X)].
c9(X) -> [c10(X)].
c10(X) -> [c11(X)].
c11(X) -> [c12(X)].
c12(X) -> case X of boom -> erlang:error({deep, X}); _ -> X end.

case_fail(X) -> [case X of a -> a end].
if_fail(X) -> [if X =:= a -> a end].
try_fail(X) -> [try X of a -> a catch _:_ -> c end].
match_fail(X) -> {a} = X, ok.
guard_fc(X) when X > 0 -> pos.
