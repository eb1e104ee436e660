%% erlang:halt/1 with a status: output printed before halting is kept and
%% the process exits with that status; nothing after halt runs.
-module(halt_status).
-export([main/0]).

main() ->
    erlang:display(before_halt),
    erlang:display(try erlang:halt(bad_status_atom_is_badarg) catch C:R -> {C, R} end),
    erlang:halt(3),
    erlang:display(never_printed).
