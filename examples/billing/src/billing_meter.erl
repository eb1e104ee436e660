%% billing_meter.erl — a gen_server that meters usage events per customer
%% and prices them with a tariff: units per resource, a unit price in cents.
-module(billing_meter).
-behaviour(gen_server).
-export([start_link/0, record/3, bill/1, customers/0]).
-export([init/1, handle_call/3, handle_cast/2]).

start_link() -> gen_server:start_link({local, ?MODULE}, ?MODULE, [], []).

%% Customer used Units of Resource (cpu_seconds, gb_stored, requests).
record(Customer, Resource, Units) -> gen_server:cast(?MODULE, {record, Customer, Resource, Units}).

%% [{Resource, Units, Cents}] and the total in cents.
bill(Customer) -> gen_server:call(?MODULE, {bill, Customer}).

customers() -> gen_server:call(?MODULE, customers).

init([]) -> {ok, #{}}.

handle_cast({record, Customer, Resource, Units}, Usage) ->
    Key = {Customer, Resource},
    {noreply, Usage#{Key => maps:get(Key, Usage, 0) + Units}}.

handle_call({bill, Customer}, _From, Usage) ->
    Lines = [{R, U, U * price(R)} || {{C, R}, U} <- lists:sort(maps:to_list(Usage)), C =:= Customer],
    {reply, {Lines, lists:sum([Cents || {_, _, Cents} <- Lines])}, Usage};
handle_call(customers, _From, Usage) ->
    {reply, lists:usort([C || {C, _} <- maps:keys(Usage)]), Usage}.

%% cents per unit
price(cpu_seconds) -> 3;
price(gb_stored) -> 25;
price(requests) -> 1.
