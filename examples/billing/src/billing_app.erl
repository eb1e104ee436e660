%% billing_app.erl — the application callback of the billing example: starts
%% the top supervisor.
-module(billing_app).
-behaviour(application).
-export([start/2, stop/1]).

start(_Type, _Args) -> billing_sup:start_link().

stop(_State) -> ok.
