%% Helpers shared by the differential test modules. Included after a module's
%% own attributes. ?ID hides a value from the compiler (an external call it
%% cannot see through) so that operations run at run time instead of being folded.
-export([id/1]).
-compile({nowarn_unused_function, [{t, 1}]}).

-define(ID(X), ?MODULE:id(X)).
-define(T(E), t(fun() -> E end)).

id(X) -> X.

%% Displays {ok, Value} or {Class, Reason}; never the stack trace, so that a
%% module's output does not depend on how traces are built.
t(F) ->
    erlang:display(try F() of V -> {ok, V} catch C:R -> {C, R} end).
