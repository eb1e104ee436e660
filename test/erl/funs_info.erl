%% erlang:fun_info/2 items that do not depend on the process or the node:
%% arity, module, name, env, type; and fun_info on non-funs.
-module(funs_info).
-export([main/0, exported/2]).
-include("test.hrl").

exported(A, B) -> {A, B}.

main() ->
    N = ?ID(5), S = ?ID("str"),
    Funs = [fun() -> ok end, fun(X) -> X + N end, fun(X, Y) -> {X, Y, N, S} end,
            fun ?MODULE:exported/2, fun erlang:abs/1, fun lists:reverse/2,
            fun exported/2, fun local/0, make(?ID(1), ?ID(two))],
    [erlang:display([erlang:fun_info(F, Item) || Item <- [arity, module, name, env, type]])
     || F <- Funs],
    [erlang:display({erlang:fun_info(F, index), erlang:fun_info(F, uniq)})
     || F <- [fun() -> ok end, fun local/0]],
    ?T(erlang:fun_info(?ID(not_fun), arity)), ?T(erlang:fun_info(hd(Funs), ?ID(bad_item))),
    ?T(erlang:fun_info(hd(Funs), ?ID(42))),
    ?T(element(2, erlang:fun_info(fun ?MODULE:exported/2, arity)) =:= 2),
    ?T(is_function(fun ?MODULE:not_exported_or_missing/3, 3)),
    ?T(erlang:fun_info(fun ?MODULE:not_exported_or_missing/3, name)).

local() -> local.

make(A, B) -> fun(C) -> [A, B, C] end.
