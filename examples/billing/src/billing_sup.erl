%% billing_sup.erl — the billing example's supervisor: one meter, restarted
%% if it crashes.
-module(billing_sup).
-behaviour(supervisor).
-export([start_link/0, init/1]).

start_link() -> supervisor:start_link({local, ?MODULE}, ?MODULE, []).

init([]) ->
    Meter = #{id => billing_meter, start => {billing_meter, start_link, []},
              restart => permanent, shutdown => 1000, type => worker},
    {ok, {#{strategy => one_for_one, intensity => 3, period => 10}, [Meter]}}.
