%% io_lib:fread/2,3 and io:fread/2: each control with and without a field
%% width, white space, literals, suppressed values, input that ends early
%% ({more, ...}) and errors; io:fread at the end of standard input is eof.
-module(lib_io_lib_fread).
-export([main/0]).
main() ->
  [io:format("~p ~p -> ~p~n", [F, S, catch io_lib:fread(F, S)]) || {F, S} <- [{"~d", "12 rest"}, {"~d~d", "12 34"}, {"~d ~d", "12 34"}, {"~d", "  -12x"}, {"~d", "x"}, {"~3d", "12345"}, {"~u", "12"}, {"~16u", "ff"}, {"~-", "-5"}, {"~-~d", "+5"}, {"~#", "16#ff"}, {"~f", "1.5e3 x"}, {"~f", "1"}, {"~f", "1.5"}, {"~s", "  word rest"}, {"~a", "atom x"}, {"~c", "abc"}, {"~3c", " abc"}, {"~l", "abc"}, {"~s~l", "abc d"}, {"~~", "~"}, {"a~d", "a5"}, {"a~d", "b5"}, {"~*d~d", "1 2"}, {"~d", ""}, {"~d ~d", "12"}, {"~s", ""}, {"~d", "12\n"}, {"~s ~s", "a\nb"}, {"~d", "99999999999999999999"}, {"~2f", "1.5"}, {"~x", "1"}, {"~5s", "ab cdef"}, {"~10s", "abc"}, {"  ~d", "5"}, {"~d", " 5"}, {"~d~s", "5abc"},{"~e", "1"}, {"~g","1"},
   {"~-", "5"}, {"~#", "-2#101"}, {"~#", "40#1"}, {"~f", "-1.5E-2"}, {"~f", "1.5e"}, {"~c", ""}, {"~3c", "ab"}, {"~a", ""}, {"~d,~d", "1,2"}, {"~d,~d", "1;2"}, {"~~~d", "~5"}, {"~3d", "1"}, {"~3d", " 12"}, {"~u", "-1"}, {"~1u", "1"}, {"~37u", "1"}, {"~s~d", "abc"}, {"~d~", "1"}, {"x", ""}, {"~3f", "1.5"}, {"~*s ~s", "a b"}, {"~l~d~l", "  42"}]],
  io:format("~p~n", [io:fread("num> ", "~d")]),
  io:format("~p~n", [io_lib:fread([], "12\n", "~d")]),
  io:format("~p~n", [io_lib:fread([], eof, "~d")]),
  io:format("~p~n", [io_lib:fread([], "12 34\n", "~d")]),
  io:format("~p~n", [io_lib:fread([], "12\nxy\n", "~d")]),
  io:format("~p~n", [io_lib:fread([], "x\n", "~d")]),
  ok.
