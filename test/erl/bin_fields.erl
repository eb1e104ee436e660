-module(bin_fields).
-export([main/0]).
-include("test.hrl").

%% Integer and float fields at every bit offset 0..7, widths 1..72 and 16/32/64
%% (floats), in all six endianness/signedness combinations, written and read
%% back. Each group is shown as phash2 of its results plus a few samples, so
%% that one wrong bit anywhere changes the output.
main() ->
    Values = [0, 1, -1, 5, -77, 16#5A5A5A5A5A, -16#123456789ABCDEF, (1 bsl 70) + 3, -(1 bsl 66)],
    [group(Flags, Values) || Flags <- [big_u, big_s, little_u, little_s, native_u, native_s]],
    floats(),
    ok.

group(Flags, Values) ->
    Built = [{P, S, V, build(Flags, P, S, ?ID(V))} || P <- seq(0, 7), S <- seq(1, 72), V <- Values],
    Read = [{B, read(Flags, P, S, B)} || {P, S, _V, B} <- Built],
    erlang:display({Flags, erlang:phash2(Built), erlang:phash2(Read)}),
    erlang:display([R || {P, S, _, _} = R <- Built, P =:= 3, S =:= 13 orelse S =:= 61]),
    ok.

build(big_u, P, S, V) -> <<(?ID(1)):P, V:S, 5:3>>;
build(big_s, P, S, V) -> <<(?ID(1)):P, V:S/signed, 5:3>>;
build(little_u, P, S, V) -> <<(?ID(1)):P, V:S/little, 5:3>>;
build(little_s, P, S, V) -> <<(?ID(1)):P, V:S/little-signed, 5:3>>;
build(native_u, P, S, V) -> <<(?ID(1)):P, V:S/native, 5:3>>;
build(native_s, P, S, V) -> <<(?ID(1)):P, V:S/native-signed, 5:3>>.

read(big_u, P, S, B) -> <<_:P, X:S, 5:3>> = B, X;
read(big_s, P, S, B) -> <<_:P, X:S/signed, 5:3>> = B, X;
read(little_u, P, S, B) -> <<_:P, X:S/little, 5:3>> = B, X;
read(little_s, P, S, B) -> <<_:P, X:S/little-signed, 5:3>> = B, X;
read(native_u, P, S, B) -> <<_:P, X:S/native, 5:3>> = B, X;
read(native_s, P, S, B) -> <<_:P, X:S/native-signed, 5:3>> = B, X.

floats() ->
    Fs = [0.0, -0.0, 1.5, -2.25, 3.0e-5, 65504.0, 1.0e10, 6.0e-8, 123456.789],
    Built = [{P, S, F, <<(?ID(3)):P, F:S/float, 1:1>>, <<(?ID(3)):P, F:S/float-little, 1:1>>}
             || P <- seq(0, 7), S <- [16, 32, 64], F <- Fs, S =/= 16 orelse abs(F) < 65505.0],
    erlang:display(erlang:phash2(Built)),
    Read = [begin <<_:P, X:S/float, 1:1>> = B, <<_:P, Y:S/float-little, 1:1>> = L, {X, Y} end
            || {P, S, _, B, L} <- Built],
    erlang:display(erlang:phash2(Read)),
    erlang:display([R || {P, _, _, _, _} = R <- Built, P =:= 5]),
    ok.

seq(A, B) when A > B -> [];
seq(A, B) -> [A | seq(A + 1, B)].
