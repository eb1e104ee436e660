%% ember-mode: otp
%% 100 MB through one socket: sent in chunks of varying sizes (an iolist of
%% several parts each time), received in raw mode by whatever recv gives and
%% by exact lengths; the byte count and erlang:md5 of what arrived must equal
%% those of what was sent.
-module(tcp_bulk).
-export([main/0]).

-include("test.hrl").

-define(TOTAL, 104857600).

main() ->
    {ok, L} = gen_tcp:listen(0, [binary, {active, false}]),
    {ok, Port} = inet:port(L),
    Self = self(),
    spawn_link(fun() -> sender(Self, Port) end),
    {ok, S} = gen_tcp:accept(L),
    gen_tcp:close(L),
    {N1, Ctx1} = recv_exact(S, 10485760, 0, erlang:md5_init()),
    {N2, Ctx2} = recv_any(S, N1, Ctx1),
    SentMd5 = receive {sent, Bytes, Md5} -> {Bytes, Md5} after 30000 -> timeout end,
    ?T(N1),
    ?T(N2),
    ?T(SentMd5 =:= {N2, erlang:md5_final(Ctx2)}),
    gen_tcp:close(S),
    ok.

sender(Parent, Port) ->
    {ok, C} = gen_tcp:connect({127, 0, 0, 1}, Port, [binary, {active, false}]),
    Base = list_to_binary([<<I:32>> || I <- lists:seq(0, 65535)]), % 256 KB
    {Bytes, Ctx} = send_loop(C, Base, 0, 0, erlang:md5_init()),
    ok = gen_tcp:close(C),
    Parent ! {sent, Bytes, erlang:md5_final(Ctx)}.

%% Chunk sizes cycle through 1 byte .. 256 KB; each chunk goes as an iolist.
send_loop(_, _, _, Sent, Ctx) when Sent >= ?TOTAL -> {Sent, Ctx};
send_loop(C, Base, I, Sent, Ctx) ->
    Size = min(?TOTAL - Sent, element(I rem 6 + 1, {1, 100, 1460, 65536, 200000, 262144})),
    Off = (I * 4099) rem (byte_size(Base) - Size + 1),
    Chunk = binary:part(Base, Off, Size),
    Half = Size div 2,
    ok = gen_tcp:send(C, [binary:part(Chunk, 0, Half), [binary:part(Chunk, Half, Size - Half)]]),
    send_loop(C, Base, I + 1, Sent + Size, erlang:md5_update(Ctx, Chunk)).

recv_exact(_, 0, N, Ctx) -> {N, Ctx};
recv_exact(S, Left, N, Ctx) ->
    Want = min(Left, 1000000),
    {ok, B} = gen_tcp:recv(S, Want, 30000),
    Want = byte_size(B),
    recv_exact(S, Left - Want, N + Want, erlang:md5_update(Ctx, B)).

recv_any(S, N, Ctx) ->
    case gen_tcp:recv(S, 0, 30000) of
        {ok, B} -> recv_any(S, N + byte_size(B), erlang:md5_update(Ctx, B));
        {error, closed} -> {N, Ctx}
    end.
