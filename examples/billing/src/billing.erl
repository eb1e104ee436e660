%% billing.erl — the billing example's entry point: starts the supervision
%% tree, feeds a deterministic stream of usage events (a fixed seed, or the
%% seed given as the first plain argument) and prints each customer's bill.
-module(billing).
-export([main/0]).

main() ->
    {ok, Sup} = billing_sup:start_link(),
    Seed = case init:get_plain_arguments() of
               [S | _] -> list_to_integer(S);
               [] -> 42
           end,
    Events = events(Seed, 1000, []),
    [billing_meter:record(C, R, U) || {C, R, U} <- Events],
    io:format("billing run: seed ~b, ~b events~n", [Seed, length(Events)]),
    Totals = [print_bill(C) || C <- billing_meter:customers()],
    io:format("grand total: ~s~n", [money(lists:sum(Totals))]),
    unlink(Sup),
    exit(Sup, shutdown).

print_bill(Customer) ->
    {Lines, Total} = billing_meter:bill(Customer),
    io:format("~s~n", [Customer]),
    [io:format("  ~-12s ~8b units ~12s~n", [R, U, money(Cents)]) || {R, U, Cents} <- Lines],
    io:format("  ~-12s ~27s~n", [total, money(Total)]),
    Total.

money(Cents) -> io_lib:format("~b.~2..0b", [Cents div 100, Cents rem 100]).

%% A linear congruential generator, so that every runtime sees the same events.
events(_, 0, Acc) -> lists:reverse(Acc);
events(X, N, Acc) ->
    X1 = (X * 1103515245 + 12345) rem 2147483648,
    Customer = element(1 + X1 rem 4, {"acme", "globex", "initech", "umbrella"}),
    Resource = element(1 + (X1 div 4) rem 3, {cpu_seconds, gb_stored, requests}),
    Units = 1 + (X1 div 12) rem 100,
    events(X1, N - 1, [{Customer, Resource, Units} | Acc]).
