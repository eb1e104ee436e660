%% OTP 25's prim_buffer (through its own prim_buffer.beam): writes of small
%% and big binaries, reads across chunks, peeks, skips, byte search, the lock,
%% and bad arguments.
%% ember-otp-libs: erts
-module(file_buffer).
-export([main/0]).
-include("test.hrl").

main() ->
    B = prim_buffer:new(),
    Big = binary:copy(<<"0123456789">>, 100),
    erlang:display({write, prim_buffer:write(B, [<<"hello\nwor">>, <<"ld">>, Big, <<>>]), prim_buffer:size(B)}),
    erlang:display({find, prim_buffer:find_byte_index(B, $\n), prim_buffer:find_byte_index(B, $9),
                    prim_buffer:find_byte_index(B, $z)}),
    erlang:display({read, prim_buffer:read(B, 3), prim_buffer:read(B, 0), prim_buffer:size(B)}),
    erlang:display({skip, prim_buffer:skip(B, 3), prim_buffer:read(B, 4)}),
    R = prim_buffer:read(B, 200),
    erlang:display({across, byte_size(R), R =:= binary:part(Big, 0, 200), prim_buffer:size(B)}),
    V = prim_buffer:read_iovec(B, 700),
    erlang:display({iovec, iolist_size(V), iolist_to_binary(V) =:= binary:part(Big, 200, 700), prim_buffer:size(B)}),
    erlang:display({lock, prim_buffer:try_lock(B), prim_buffer:try_lock(B), prim_buffer:unlock(B),
                    prim_buffer:try_lock(B), prim_buffer:unlock(B)}),
    erlang:display({wipe, prim_buffer:wipe(B), prim_buffer:size(B), prim_buffer:find_byte_index(B, $0)}),
    ?T(prim_buffer:read(B, 1)),
    ?T(prim_buffer:skip(B, 1)),
    ?T(prim_buffer:write(B, <<"not a list">>)),
    ?T(prim_buffer:write(B, [x])),
    ?T(prim_buffer:size(make_ref())),
    ?T(prim_buffer:find_byte_index(B, 256)),
    ?T(prim_buffer:write(B, ["no"])),
    ok.
