%% Lists of 1,000,000 elements: building, reversing, mapping, appending and
%% filtering them allocates far more than one heap, so the collector must run
%% (and keep every live value intact) many times.
-module(big_lists).
-export([main/0]).
-include("test.hrl").

main() ->
    N = ?ID(1000000),
    L = seq(N, []),
    erlang:display(length(L)),
    erlang:display(sum(L, 0)),
    R = lists:reverse(L, []),
    erlang:display({hd(L), hd(R), length(R)}),
    Sq = map_sq(L, []),
    erlang:display(sum(Sq, 0) rem 1000000007),
    Ev = [X || X <- L, X rem 2 =:= 0],
    erlang:display(length(Ev)),
    Both = L ++ R,
    erlang:display(length(Both)),
    T = [{X, [X]} || X <- seq(?ID(200000), [])],
    erlang:display(check_pairs(T, 0)),
    Strs = [integer_to_list(X) || X <- seq(?ID(100000), [])],
    erlang:display(total_len(Strs, 0)),
    erlang:display(churn(?ID(50), [])),
    erlang:display({hd(L), lists:reverse(take(L, 5, []), []), sum(L, 0)}).

seq(0, Acc) -> Acc;
seq(N, Acc) -> seq(N - 1, [N | Acc]).

sum([], A) -> A;
sum([H | T], A) -> sum(T, A + H).

map_sq([], Acc) -> lists:reverse(Acc, []);
map_sq([H | T], Acc) -> map_sq(T, [H * H | Acc]).

check_pairs([], N) -> N;
check_pairs([{X, [X]} | T], N) -> check_pairs(T, N + 1).

total_len([], A) -> A;
total_len([S | T], A) -> total_len(T, A + length(S)).

%% Allocates and drops 50 lists of 20,000 tuples, keeping only a digest of each.
churn(0, Acc) -> sum(Acc, 0);
churn(K, Acc) ->
    L = [{K, X, [X | K]} || X <- seq(20000, [])],
    churn(K - 1, [length(L) + element(2, hd(L)) | Acc]).

take(_, 0, Acc) -> Acc;
take([H | T], N, Acc) -> take(T, N - 1, [H | Acc]).
