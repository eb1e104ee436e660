-module(fun_external).
%% Funs in the external term format: NEW_FUN_EXT for closures (the module's
%% MD5, indices, creator pid and free variables) and EXPORT_EXT for fun M:F/A,
%% byte for byte; binary_to_term rebuilding callable funs, funs of modules
%% that are not loaded (or of another version), external_size, term_to_iovec
%% and fun_info of decoded funs. Pids never print: the creator's bytes are
%% shown as the atom creator.
-export([main/0, add/2]).

-include("test.hrl").

add(A, B) -> A + B.

main() ->
    closures(),
    creator(),
    exports(),
    options(),
    sizes(),
    iovec(),
    round_trips(),
    decoded_info(),
    not_loaded(),
    other_version(),
    peer_module(),
    safe(),
    bad_input().

%% The encoding with the bytes of Pid's own encoding replaced by `creator`.
masked(Bin, Pid) -> masked(Bin, Pid, []).

masked(Bin, Pid, Opts) ->
    <<131, PidBytes/binary>> = term_to_binary(Pid, Opts),
    split(Bin, PidBytes, 0).

split(Bin, Pat, At) when At + byte_size(Pat) > byte_size(Bin) -> [Bin];
split(Bin, Pat, At) ->
    case Bin of
        <<Before:At/binary, Pat:(byte_size(Pat))/binary, After/binary>> ->
            [Before, creator | split(After, Pat, 0)];
        _ -> split(Bin, Pat, At + 1)
    end.

show(F) -> erlang:display(masked(term_to_binary(F), self())).

seq(A, B) when A > B -> [];
seq(A, B) -> [A | seq(A + 1, B)].

drop_pid(Info) -> [I || {K, _} = I <- Info, K =/= pid].

unique([]) -> [];
unique([X | Xs]) -> [X | unique([Y || Y <- Xs, Y =/= X])].

closures() ->
    A = ?ID(7),
    B = ?ID(<<"bytes">>),
    L = ?ID([1, two, {3}]),
    Big = ?ID(1 bsl 70),
    Fl = ?ID(2.5),
    M = ?ID(#{k => v}),
    show(fun() -> ok end),
    show(fun(X) -> X + A end),
    show(fun(X, Y) -> {X, Y, A, B} end),
    show(fun() -> {L, Big, Fl, M} end),
    Inner = fun(X) -> X * A end,
    show(fun(X) -> Inner(X) + 1 end),
    show([fun() -> A end, fun() -> B end]),
    show({fun() -> self() end, ?ID(self())}).

creator() ->
    Parent = self(),
    Pid = spawn(fun() -> Parent ! {fn, self(), fun(X) -> X + 1 end} end),
    receive
        {fn, Pid, F} ->
            erlang:display(erlang:fun_info(F, pid) =:= {pid, Pid}),
            erlang:display(masked(term_to_binary(F), Pid)),
            G = binary_to_term(term_to_binary(F)),
            erlang:display(erlang:fun_info(G, pid) =:= {pid, Pid}),
            erlang:display({G(41), G =:= F})
    end.

exports() ->
    erlang:display(term_to_binary(fun lists:reverse/1)),
    erlang:display(term_to_binary(fun ?MODULE:add/2)),
    erlang:display(term_to_binary(fun erlang:abs/1)),
    erlang:display(term_to_binary(erlang:make_fun(no_such_module, f, 3))),
    F = binary_to_term(term_to_binary(fun ?MODULE:add/2)),
    erlang:display({F(1, 2), erlang:fun_info(F)}),
    erlang:display(binary_to_term(term_to_binary(fun erlang:abs/1)) =:= fun erlang:abs/1).

options() ->
    A = ?ID(seq(1, 40)),
    F = fun() -> {A, A} end,
    erlang:display(masked(term_to_binary(F, [{minor_version, 0}]), self())),
    erlang:display(masked(term_to_binary(fun() -> 'ä' end, [{minor_version, 2}]), self(), [{minor_version, 2}])),
    erlang:display(masked(term_to_binary(F, [deterministic]), self())),
    C = term_to_binary(F, [compressed]),
    erlang:display({byte_size(C) < byte_size(term_to_binary(F)), binary_to_term(C) =:= F}),
    erlang:display((binary_to_term(C))()).

sizes() ->
    A = ?ID(3), B = ?ID(<<1, 2, 3>>),
    Fs = [fun() -> ok end, fun(X) -> X + A end, fun() -> {A, B} end,
          fun() -> ?ID(self()) end, fun lists:map/2],
    [erlang:display({erlang:external_size(F), byte_size(term_to_binary(F))}) || F <- Fs],
    erlang:display(erlang:external_size(Fs)),
    erlang:display(erlang:external_size({Fs, Fs}, [{minor_version, 1}])),
    erlang:display(byte_size(term_to_binary({Fs, Fs}))).

iovec() ->
    Big = ?ID(list_to_binary(seq(1, 100))),
    Small = ?ID(<<"small">>),
    F = fun() -> {Big, Small, Big} end,
    V = term_to_iovec(F),
    erlang:display([byte_size(P) || P <- V]),
    erlang:display(iolist_to_binary(V) =:= term_to_binary(F)),
    erlang:display((binary_to_term(iolist_to_binary(V)))() =:= {Big, Small, Big}).

round_trips() ->
    A = ?ID(10),
    Fs = [fun() -> ok end, fun(X) -> X + A end, fun(X, Y) -> [X, Y, A] end,
          fun(X) -> fun(Y) -> X + Y + A end end],
    [begin
         G = binary_to_term(term_to_binary(F)),
         erlang:display({G =:= F, G == F, erlang:phash2(G) =:= erlang:phash2(F),
                         term_to_binary(G) =:= term_to_binary(F), erlang:fun_info(G, arity)})
     end || F <- Fs],
    [F0, F1, F2, F3] = [binary_to_term(term_to_binary(F)) || F <- Fs],
    erlang:display({F0(), F1(5), F2(a, b), (F3(1))(2)}),
    erlang:display(try F1() catch error:{badarity, {Fb, []}} -> {badarity, Fb =:= F1} end),
    erlang:display(is_function(F2, 2)),
    %% decoded funs are values like any other: sent, stored, compared
    Self = self(),
    spawn(fun() -> Self ! {back, binary_to_term(term_to_binary(F1))} end),
    receive {back, H} -> erlang:display({H(1), H =:= F1}) end.

decoded_info() ->
    A = ?ID(1),
    F = binary_to_term(term_to_binary(fun(X) -> X + A end)),
    Info = erlang:fun_info(F),
    erlang:display(drop_pid(Info)),
    erlang:display(erlang:fun_info(F, new_uniq) =:= {new_uniq, ?MODULE:module_info(md5)}),
    erlang:display(erlang:fun_info_mfa(F)).

%% A closure of module zz, which does not exist (made on OTP 25 from a module
%% ff; the atom ff changed into zz).
zz_fun() ->
    <<131,112,0,0,0,70,1,207,199,15,204,84,244,121,20,206,62,50,153,45,219,191,
      132,0,0,0,0,0,0,0,0,100,0,2,122,122,97,0,98,6,126,56,126,88,100,0,13,110,
      111,110,111,100,101,64,110,111,104,111,115,116,0,0,0,9,0,0,0,0,0,0,0,0>>.

not_loaded() ->
    B = zz_fun(),
    F = binary_to_term(B),
    erlang:display(drop_pid(erlang:fun_info(F))),
    erlang:display(F),
    erlang:display({term_to_binary(F) =:= B, F =:= binary_to_term(B), is_function(F, 1)}),
    erlang:display(erlang:module_loaded(zz)),
    case catch F(1) of
        {'EXIT', {undef, [Top | _]}} -> erlang:display({undef, Top});
        Other -> erlang:display(Other)
    end,
    case catch F() of
        {'EXIT', {{badarity, _} = R, _}} -> erlang:display(R);
        Other2 -> erlang:display(Other2)
    end,
    erlang:display(erlang:external_size(F)).

%% This module's own fun with one byte of the MD5 changed: a version that is
%% not loaded, so calling it is badfun.
other_version() ->
    <<131, 112, Size:32, Arity, Md5:16/binary, Rest/binary>> = term_to_binary(fun(X) -> X end),
    <<M0, MRest/binary>> = Md5,
    Bytes = <<131, 112, Size:32, Arity, (M0 bxor 1), MRest/binary, Rest/binary>>,
    F = binary_to_term(Bytes),
    erlang:display(erlang:fun_info(F, name)),
    erlang:display(F),
    case catch F(1) of
        {'EXIT', {{badfun, G}, _}} -> erlang:display({badfun, G =:= F});
        Other -> erlang:display(Other)
    end,
    erlang:display(term_to_binary(F) =:= Bytes).

%% A closure of a module that is unloaded when it is decoded: the call loads
%% it and runs the fun.
peer_module() ->
    B = term_to_binary(fun_external_peer:adder(5)),
    true = erlang:delete_module(fun_external_peer),
    true = erlang:purge_module(fun_external_peer),
    erlang:display(erlang:module_loaded(fun_external_peer)),
    F = binary_to_term(B),
    erlang:display(erlang:fun_info(F, name)),
    erlang:display(F(10)),
    erlang:display(erlang:module_loaded(fun_external_peer)),
    erlang:display(erlang:fun_info(F, name)),
    erlang:display(F(20)).

safe() ->
    F = fun(X) -> X end,
    erlang:display(binary_to_term(term_to_binary(F), [safe]) =:= F),
    %% the module atom of a new name is refused with safe, taken without
    <<131, 112, Size:32, Head:25/binary, 100, 0, N, Name:N/binary, Rest/binary>> = term_to_binary(F),
    New = <<"fun_external_no_such_module">>,
    Bytes = <<131, 112, (Size + byte_size(New) - N):32, Head/binary, 100, 0, (byte_size(New)),
              New/binary, Rest/binary>>,
    erlang:display(Name),
    erlang:display(dec(Bytes, [safe])),
    G = binary_to_term(Bytes),
    erlang:display(erlang:fun_info(G, module)).

bad_input() ->
    A = ?ID(5),
    B = term_to_binary(fun(X) -> X + A end),
    %% every truncation is badarg
    erlang:display(unique([dec(binary_part(B, 0, N), []) || N <- seq(1, byte_size(B) - 1)])),
    <<131, 112, Size:32, Arity, Md5:16/binary, Index:32, NumFree:32, Rest/binary>> = B,
    Cases = [
        {size_past_end, <<131, 112, (Size + 1000):32, Arity, Md5/binary, Index:32, NumFree:32, Rest/binary>>},
        {num_free_past_end, <<131, 112, Size:32, Arity, Md5/binary, Index:32, 1000000:32, Rest/binary>>},
        {num_free_huge, <<131, 112, Size:32, Arity, Md5/binary, Index:32, 16#FFFFFFFF:32, Rest/binary>>},
        {other_creator, replace_pid(B, <<88, 100, 0, 13, "nonode@nohost", 0, 0, 0, 77, 0:32, 0:32>>)},
        {old_index_atom, replace_after_module(B, <<100, 0, 1, $a>>)}
    ],
    [erlang:display({Name, dec(Bin, [])}) || {Name, Bin} <- Cases],
    %% the size field is not checked, as on OTP
    {ok, G} = dec(hd(Cases), []),
    erlang:display(G(1)).

dec({_, Bin}, Opts) -> dec(Bin, Opts);
dec(Bin, Opts) ->
    try binary_to_term(Bin, Opts) of
        F when is_function(F) -> {ok, F};
        T -> {ok, T}
    catch error:R -> {error, R}
    end.

replace_pid(B, New) ->
    [Before, creator, After] = masked(B, self()),
    <<Before/binary, New/binary, After/binary>>.

replace_after_module(B, New) ->
    <<131, 112, Size:32, Head:25/binary, 100, 0, N, Name:N/binary, 97, _OldIndex, Rest/binary>> = B,
    <<131, 112, Size:32, Head/binary, 100, 0, N, Name/binary, New/binary, Rest/binary>>.
