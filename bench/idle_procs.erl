%% Benchmark: memory per idle process. Spawns N processes that each report
%% ready and then wait in receive, and keeps them all alive while the program
%% ends. The runner divides the growth of peak RSS over the empty program by N;
%% the growth of erlang:memory(processes) over the spawns, divided by N, goes to
%% standard_error as "processes_bytes_per_process B" for the runner to report.
%% run(N) returns the number of processes that reported ready as checksum.
-module(idle_procs).
-export([run/1]).

run(N) ->
    Parent = self(),
    Before = erlang:memory(processes),
    start(N, Parent),
    C = ready(N, 0),
    Growth = erlang:memory(processes) - Before,
    io:format(standard_error, "processes_bytes_per_process ~w~n", [Growth div N]),
    C.

start(0, _) -> ok;
start(K, Parent) ->
    spawn(fun() -> Parent ! ready, wait() end),
    start(K - 1, Parent).

wait() -> receive stop -> ok end.

ready(0, C) -> C;
ready(K, C) -> receive ready -> ready(K - 1, C + 1) end.
