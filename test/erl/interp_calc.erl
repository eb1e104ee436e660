%% A small interpreter: a stack machine with a compiler from expression trees,
%% variables in an environment list, conditionals, and recursive functions
%% (factorial, fibonacci, gcd) written in the interpreted language.
-module(interp_calc).
-export([main/0]).
-include("test.hrl").

main() ->
    Prog = [{def, fact, [n], {'if', {'<', {var, n}, 2}, 1, {'*', {var, n}, {call, fact, [{'-', {var, n}, 1}]}}}},
            {def, fib, [n], {'if', {'<', {var, n}, 2}, {var, n},
                             {'+', {call, fib, [{'-', {var, n}, 1}]}, {call, fib, [{'-', {var, n}, 2}]}}}},
            {def, gcd, [a, b], {'if', {'==', {var, b}, 0}, {var, a},
                                {call, gcd, [{var, b}, {'rem', {var, a}, {var, b}}]}}},
            {def, sum, [n], {'if', {'==', {var, n}, 0}, 0, {'+', {var, n}, {call, sum, [{'-', {var, n}, 1}]}}}}],
    Funs = [{Name, {Params, Body}} || {def, Name, Params, Body} <- Prog],
    Tests = [{call, fact, [10]}, {call, fib, [15]}, {call, gcd, [1071, 462]},
             {call, sum, [1000]}, {'+', 1, {'*', 2, 3}}, {'if', {'<', 3, 2}, yes, no},
             {'let', x, 5, {'*', {var, x}, {var, x}}}, {call, nope, []}, {var, unbound},
             {'/', 1, 0}],
    [erlang:display({T, run(Funs, ?ID(T))}) || T <- Tests],
    Code = compile({'+', {'*', 3, 4}, {'-', 10, {'*', 2, 2}}}),
    erlang:display(Code),
    erlang:display(vm(Code, [])),
    erlang:display(vm(compile(nest(?ID(500))), [])).

run(Funs, Expr) ->
    try eval(Expr, [], Funs) of V -> {ok, V}
    catch throw:E -> {error, E}; error:badarith -> {error, arith}
    end.

eval(N, _, _) when is_number(N) -> N;
eval(A, _, _) when is_atom(A) -> A;
eval({var, X}, Env, _) ->
    case lists:keyfind(X, 1, Env) of {X, V} -> V; false -> throw({unbound, X}) end;
eval({'let', X, E, B}, Env, Fs) -> eval(B, [{X, eval(E, Env, Fs)} | Env], Fs);
eval({'if', C, T, E}, Env, Fs) ->
    case eval(C, Env, Fs) of true -> eval(T, Env, Fs); false -> eval(E, Env, Fs) end;
eval({call, F, Args}, Env, Fs) ->
    case lists:keyfind(F, 1, Fs) of
        {F, {Ps, Body}} -> eval(Body, bind(Ps, [eval(A, Env, Fs) || A <- Args]), Fs);
        false -> throw({undefined_function, F})
    end;
eval({Op, A, B}, Env, Fs) -> binop(Op, eval(A, Env, Fs), eval(B, Env, Fs)).

bind([], []) -> [];
bind([P | Ps], [V | Vs]) -> [{P, V} | bind(Ps, Vs)].

binop('+', A, B) -> A + B;
binop('-', A, B) -> A - B;
binop('*', A, B) -> A * B;
binop('/', A, B) -> A div B;
binop('rem', A, B) -> A rem B;
binop('<', A, B) -> A < B;
binop('==', A, B) -> A == B.

compile(N) when is_integer(N) -> [{push, N}];
compile({Op, A, B}) -> compile(A) ++ compile(B) ++ [Op].

vm([], [R]) -> R;
vm([{push, N} | Is], S) -> vm(Is, [N | S]);
vm([Op | Is], [B, A | S]) -> vm(Is, [binop(Op, A, B) | S]).

nest(0) -> 1;
nest(N) -> {'+', nest(N - 1), N}.
