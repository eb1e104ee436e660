%% Benchmark: exceptions. Throws from ten frames deep and catches with
%% try/catch N times; every eighth round raises an error instead (which builds a
%% stack trace) and every 32nd exits. Measures exception raising, unwinding and
%% catching. run(N) returns the sum of the caught values as checksum.
-module(exceptions).
-export([run/1]).

run(N) -> loop(N, 0).

loop(0, Acc) -> Acc;
loop(I, Acc) ->
    V = try deep(10, I)
        catch
            throw:{value, X} -> X;
            error:{oops, X} -> X * 2;
            exit:{bye, X} -> X * 3
        end,
    loop(I - 1, (Acc + V) band 16#FFFFFFFFF).

deep(0, I) when I rem 32 =:= 0 -> exit({bye, I});
deep(0, I) when I rem 8 =:= 0 -> erlang:error({oops, I});
deep(0, I) -> throw({value, I});
deep(D, I) -> 1 + deep(D - 1, I).
