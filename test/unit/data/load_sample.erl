%% load_sample — test data for the loader's unit tests: one module that makes
%% the compiler emit many operand kinds (big and negative integers, floats,
%% literals, funs, select lists, try/catch, float registers, maps, binaries).
-module(load_sample).
-export([big/0, neg/0, float_sum/2, pick/1, arity_of/1, adder/1, guarded/1,
         safe_div/2, literal/0, b1/0, b2/0, b3/0, b4/0, b5/0, map_get/1, bin/1, apply3/3, apply2/2, deep/1]).
-record(point, {x = 0, y = 0}).

big() -> {1 bsl 64, -(1 bsl 100), 576460752303423487, 576460752303423488, -576460752303423489}.

neg() -> [-1, -2048, -129, -576460752303423488].

float_sum(A, B) when is_float(A), is_float(B) -> A * B + 2.5 / A.

pick(X) ->
    case X of
        one -> 1;
        two -> 2;
        three -> 3;
        10 -> ten;
        20 -> twenty;
        _ -> other
    end.

arity_of(#point{x = X}) -> X;
arity_of({_}) -> 1;
arity_of({_, _}) -> 2;
arity_of({_, _, _}) -> 3;
arity_of(_) -> none.

adder(N) -> fun(M) -> M + N end.

guarded(X) when is_integer(X), X > 100000000000000000000 -> huge;
guarded(X) when is_integer(X) -> small;
guarded(_) -> other.

safe_div(A, B) ->
    try A div B of
        R -> {ok, R}
    catch
        error:badarith -> {error, badarith}
    end.

literal() -> {"a string", [1, 2, 3], #{a => 1}, <<"bin">>, 3.25}.

map_get(M) -> maps:get(key, M, default).

bin(B) -> <<X:8, Rest/binary>> = B, {X, Rest}.

apply3(M, F, A) -> apply(M, F, A).

apply2(F, A) -> apply(F, A).

b1() -> 18446744073709551616.
b2() -> -1267650600228229401496703205376.
b3() -> 576460752303423488.
b4() -> -576460752303423488.
b5() -> -2048.

deep(0) -> 0;
deep(N) -> 1 + deep(N - 1).
