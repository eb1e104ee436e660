%% The source meaning of bin_legacy.S, which says the same in the bit-syntax
%% instructions of compilers before OTP 22 (bs_start_match2, bs_save2,
%% bs_restore2, bs_context_to_binary) and bs_init2. OTP runs this module;
%% Ember runs the assembled one, and the outputs of bin_legacy_main must match.
-module(bin_legacy).
-export([ints/1, alt/1, alt2/1, count/2, tail3/1, skip1/1, build/2, byte1/1]).

ints(<<A:4, B:12/little, C:8/signed, Rest/bits>>) -> {A, B, C, Rest};
ints(Other) -> {nomatch, Other}.

alt(<<1, X:8>>) -> {one, X};
alt(<<2, X:16/little>>) -> {two, X};
alt(<<_:8, Rest/binary>>) -> {other, Rest};
alt(B) -> {none, B}.

alt2(<<1, Y:8>>) -> {a, Y};
alt2(<<Z:16/little, _/bits>>) -> {b, Z};
alt2(B) -> {none, B}.

count(<<X, Rest/binary>>, Acc) -> count(Rest, Acc + X);
count(<<>>, Acc) -> Acc;
count(Bits, Acc) -> {Acc, Bits}.

tail3(<<_:3, T/bits>>) -> T;
tail3(_) -> short.

skip1(<<_:8, Rest/bits>>) -> alt(Rest);
skip1(_) -> short.

build(A, B) -> <<A:16, B/binary, A:8/little>>.

byte1(A) -> <<A:8>>.
