%% ets.erl — the ETS functions written in Erlang on top of the table BIFs:
%% folds, tab2list, all/0, deleting by pattern or match specification,
%% running and testing match specifications, init_table/2. The BIFs
%% themselves are implemented by the runtime; their bodies here are never
%% run (the loader puts the BIF in their place), as in OTP's ets module.
-module(ets).

-export([new/2, delete/1, whereis/1, rename/2, give_away/3, setopts/2, info/1, info/2, safe_fixtable/2, internal_request_all/0, insert/2, insert_new/2, lookup/2, lookup_element/3, member/2, delete/2, delete_object/2, take/2, internal_delete_all/2, update_counter/3, update_counter/4, update_element/3, first/1, last/1, next/2, prev/2, slot/2, select/1, select/2, select/3, select_reverse/1, select_reverse/2, select_reverse/3, match/1, match/2, match/3, match_object/1, match_object/2, match_object/3, select_count/2, internal_select_delete/2, select_replace/2, match_spec_compile/1, is_compiled_ms/1, match_spec_run_r/3]).
-export([all/0, delete_all_objects/1, foldl/3, foldr/3, tab2list/1, match_delete/2,
         select_delete/2, match_spec_run/2, test_ms/2, init_table/2, fun2ms/1]).

%% Every table of the node. The runtime answers with one message per
%% scheduler, as OTP's does.
all() ->
    Ref = internal_request_all(),
    collect_all(Ref, erlang:system_info(schedulers), []).

collect_all(_Ref, 0, Acc) -> Acc;
collect_all(Ref, N, Acc) ->
    receive {Ref, Tabs} -> collect_all(Ref, N - 1, Tabs ++ Acc) end.

delete_all_objects(Tab) ->
    _ = internal_delete_all(Tab, undefined),
    true.

%% Folds over the objects in table order (first/next; last/prev for foldr),
%% with the table fixed so that the walk survives updates.
foldl(F, Acc, Tab) ->
    safe_fixtable(Tab, true),
    try fold_keys(F, Acc, Tab, first(Tab), fun next/2)
    after safe_fixtable(Tab, false)
    end.

foldr(F, Acc, Tab) ->
    safe_fixtable(Tab, true),
    try fold_keys(F, Acc, Tab, last(Tab), fun prev/2)
    after safe_fixtable(Tab, false)
    end.

fold_keys(_F, Acc, _Tab, '$end_of_table', _Step) ->
    Acc;
fold_keys(F, Acc, Tab, Key, Step) ->
    fold_keys(F, fold_objects(F, Acc, lookup(Tab, Key)), Tab, Step(Tab, Key), Step).

fold_objects(F, Acc, [Obj | Rest]) -> fold_objects(F, F(Obj, Acc), Rest);
fold_objects(_F, Acc, []) -> Acc.

tab2list(Tab) ->
    match_object(Tab, '_').

match_delete(Tab, Pattern) ->
    _ = select_delete(Tab, [{Pattern, [], [true]}]),
    true.

%% The match-everything specification empties the table in one step.
select_delete(Tab, [{'_', [], [true]}]) ->
    internal_delete_all(Tab, undefined);
select_delete(Tab, MatchSpec) ->
    internal_select_delete(Tab, MatchSpec).

match_spec_run(List, CompiledMS) ->
    lists:reverse(match_spec_run_r(List, CompiledMS, []), []).

test_ms(Term, MatchSpec) ->
    case erlang:match_spec_test(Term, MatchSpec, table) of
        {ok, Result, _Flags, _Messages} -> {ok, Result};
        {error, _} = Error -> Error
    end.

%% Empties the table, then inserts what InitFun(read) hands out until it
%% says end_of_input.
init_table(Tab, InitFun) ->
    delete_all_objects(Tab),
    init_more(Tab, InitFun(read)).

init_more(_Tab, end_of_input) ->
    true;
init_more(Tab, {Objects, Next}) when is_list(Objects), is_function(Next, 1) ->
    insert(Tab, Objects),
    init_more(Tab, Next(read));
init_more(_Tab, Other) ->
    exit(Other).

%% Without the parse transform (or a shell to evaluate the fun's source)
%% there is nothing to translate: the call fails as OTP's does for a
%% compiled fun.
fun2ms(ShellFun) when is_function(ShellFun) ->
    exit({badarg, {ets, fun2ms, [function, called, with, real, 'fun', should, be,
                                   transformed, with, parse_transform, 'or', called, with,
                                   a, 'fun', generated, in, the, shell]}}).

%% The BIFs.
new(_, _) -> erlang:nif_error(undef).
delete(_) -> erlang:nif_error(undef).
whereis(_) -> erlang:nif_error(undef).
rename(_, _) -> erlang:nif_error(undef).
give_away(_, _, _) -> erlang:nif_error(undef).
setopts(_, _) -> erlang:nif_error(undef).
info(_) -> erlang:nif_error(undef).
info(_, _) -> erlang:nif_error(undef).
safe_fixtable(_, _) -> erlang:nif_error(undef).
internal_request_all() -> erlang:nif_error(undef).
insert(_, _) -> erlang:nif_error(undef).
insert_new(_, _) -> erlang:nif_error(undef).
lookup(_, _) -> erlang:nif_error(undef).
lookup_element(_, _, _) -> erlang:nif_error(undef).
member(_, _) -> erlang:nif_error(undef).
delete(_, _) -> erlang:nif_error(undef).
delete_object(_, _) -> erlang:nif_error(undef).
take(_, _) -> erlang:nif_error(undef).
internal_delete_all(_, _) -> erlang:nif_error(undef).
update_counter(_, _, _) -> erlang:nif_error(undef).
update_counter(_, _, _, _) -> erlang:nif_error(undef).
update_element(_, _, _) -> erlang:nif_error(undef).
first(_) -> erlang:nif_error(undef).
last(_) -> erlang:nif_error(undef).
next(_, _) -> erlang:nif_error(undef).
prev(_, _) -> erlang:nif_error(undef).
slot(_, _) -> erlang:nif_error(undef).
select(_) -> erlang:nif_error(undef).
select(_, _) -> erlang:nif_error(undef).
select(_, _, _) -> erlang:nif_error(undef).
select_reverse(_) -> erlang:nif_error(undef).
select_reverse(_, _) -> erlang:nif_error(undef).
select_reverse(_, _, _) -> erlang:nif_error(undef).
match(_) -> erlang:nif_error(undef).
match(_, _) -> erlang:nif_error(undef).
match(_, _, _) -> erlang:nif_error(undef).
match_object(_) -> erlang:nif_error(undef).
match_object(_, _) -> erlang:nif_error(undef).
match_object(_, _, _) -> erlang:nif_error(undef).
select_count(_, _) -> erlang:nif_error(undef).
internal_select_delete(_, _) -> erlang:nif_error(undef).
select_replace(_, _) -> erlang:nif_error(undef).
match_spec_compile(_) -> erlang:nif_error(undef).
is_compiled_ms(_) -> erlang:nif_error(undef).
match_spec_run_r(_, _, _) -> erlang:nif_error(undef).
