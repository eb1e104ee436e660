%% module_info/0,1 pieces that do not depend on the build: module name, exports,
%% functions; get_module_info; module_info/0 is left out (it includes md5).
-module(module_info_test).
-export([main/0, a/0, b/1, b/2]).
-export([c/3]).
-include("test.hrl").

a() -> a.
b(_) -> b.
b(_, _) -> b.
c(_, _, _) -> c.
internal() -> internal.

main() ->
    erlang:display(module_info(module)),
    erlang:display(?MODULE:module_info(module)),
    erlang:display(module_info(exports)),
    erlang:display(?MODULE:module_info(functions)),
    erlang:display(apply(?ID(?MODULE), module_info, [module])),
    erlang:display(erlang:get_module_info(?MODULE, module)),
    erlang:display(erlang:get_module_info(?MODULE, exports)),
    erlang:display(is_list(module_info(attributes))),
    erlang:display(is_list(module_info(compile))),
    erlang:display(internal()),
    ?T(module_info(?ID(nonsense))), ?T(erlang:get_module_info(?ID(no_such_mod_zz), module)),
    ?T(erlang:get_module_info(?ID(?MODULE), ?ID(bad_key))),
    ?T(display_terms:module_info(module)),
    ?T(length(display_terms:module_info(exports))).
