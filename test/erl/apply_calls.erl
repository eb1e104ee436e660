%% erlang:apply/2,3, dynamic M:F(A) calls, calls to BIFs through apply, and
%% the undef / badarg / badfun errors they produce.
-module(apply_calls).
-export([main/0, f0/0, f1/1, f3/3]).
-include("test.hrl").

f0() -> zero.
f1(X) -> {one, X}.
f3(A, B, C) -> [A, B, C].
private(X) -> X.

main() ->
    M = ?ID(?MODULE),
    ?T(apply(M, f0, [])), ?T(apply(M, f1, [x])), ?T(apply(M, f3, [1, 2, 3])),
    ?T(apply(?MODULE, f1, ?ID([y]))), ?T(M:f1(z)), ?T(M:(?ID(f0))()),
    ?T(apply(fun(X, Y) -> X - Y end, [10, 3])), ?T(apply(fun f0/0, [])),
    ?T(apply(fun ?MODULE:f1/1, [w])),
    ?T(apply(erlang, element, [2, {a, b}])), ?T(apply(erlang, length, [[1, 2]])),
    ?T(apply(erlang, atom_to_list, [abc])), ?T(apply(erlang, '++', [[1], [2]])),
    ?T(apply(lists, reverse, [[1, 2, 3], []])), ?T(apply(lists, member, [a, [a]])),
    ?T(apply(M, private, [1])), ?T(apply(M, missing, [])), ?T(apply(M, f1, [])),
    ?T(apply(no_such_module_xyz, f, [1])), ?T(no_such_module_xyz:g()),
    ?T(apply(?ID("mod"), f, [])), ?T(apply(M, ?ID({f}), [])),
    ?T(apply(M, f1, ?ID(notalist))), ?T(apply(M, f1, ?ID([a | b]))),
    ?T(apply(?ID(notfun), [])), ?T(apply(fun(X) -> X end, [])),
    ?T(apply(fun(X) -> X end, ?ID(x))), ?T(M:f3(1, 2)),
    ?T(erlang:apply(erlang, apply, [M, f1, [nested]])),
    ?T(apply(apply(M, id, [fun f1/1]), [deep])),
    ?T(erlang:function_exported(M, f1, 1)), ?T(erlang:function_exported(M, private, 1)),
    ?T(erlang:function_exported(M, f1, 2)), ?T(erlang:function_exported(nomod_xyz, f, 0)),
    ?T(erlang:function_exported(erlang, abs, 1)), ?T(erlang:function_exported(?ID("m"), f, 0)),
    ?T(erlang:is_builtin(erlang, abs, 1)), ?T(erlang:is_builtin(M, f1, 1)),
    ?T(dispatch([{?MODULE, f0, []}, {?MODULE, f1, [1]}, {erlang, abs, [-2]}, {erlang, nope, []}])).

dispatch(Calls) -> [try apply(M, F, A) catch error:R -> {err, R} end || {M, F, A} <- Calls].
