%% Benchmark: tuples. Updates a 100-element tuple N times with setelement/3 at a
%% computed position (so the compiler cannot turn it into destructive updates),
%% reading with element/2. Measures tuple copying and the element BIFs. run(N)
%% returns the sum of the final tuple's elements as checksum.
-module(setelement).
-export([run/1]).

run(N) ->
    T = erlang:make_tuple(100, 0),
    sum(loop(N, T), 100, 0).

loop(0, T) -> T;
loop(I, T) ->
    P = (I * 37) rem 100 + 1,
    Q = (I * 11) rem 100 + 1,
    loop(I - 1, setelement(P, T, (element(P, T) + element(Q, T) + I) band 16#FFFFFF)).

sum(_, 0, Acc) -> Acc;
sum(T, I, Acc) -> sum(T, I - 1, Acc + element(I, T)).
