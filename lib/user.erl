%% user.erl — the standard io server of a node without OTP's kernel: the
%% process registered as `user` (stdin and stdout) and, started the same way,
%% `standard_error` (output to stderr). It speaks the io protocol
%% ({io_request, From, ReplyAs, Request} -> {io_reply, ReplyAs, Reply}) as
%% OTP 25's user server does for a node started with -noshell.
%%
%% Output goes through the native console (prim_console:write/2), which has
%% written the bytes when it returns: the reply comes after the text is out,
%% nothing is left unwritten at halt, and the order with erlang:display is
%% the order of the calls. Input comes from an {fd, 0, 0} port through the
%% poller, so a reader waiting for stdin never holds a scheduler thread.
-module(user).

-export([start/0, start_standard_error/0]).

-record(st, {fd, port, binary = false, encoding = latin1, buf = <<>>, eof = false}).

%% Starts `user` on descriptors 0 and 1; returns its pid.
start() ->
    start(user, 1, true).

%% Starts `standard_error` on descriptor 2 (output only).
start_standard_error() ->
    start(standard_error, 2, false).

start(Name, Out, Input) ->
    case whereis(Name) of
        undefined ->
            Parent = self(),
            Pid = spawn(fun() -> init(Parent, Name, Out, Input) end),
            receive {Pid, started} -> Pid end;
        Pid ->
            Pid
    end.

init(Parent, Name, Out, Input) ->
    register(Name, self()),
    process_flag(trap_exit, true),
    Port = case Input of
               true -> open_port({fd, 0, 0}, [in, eof, binary]);
               false -> none
           end,
    Parent ! {self(), started},
    loop(#st{fd = Out, port = Port}).

loop(St0) ->
    receive
        {io_request, From, ReplyAs, Req} when is_pid(From) ->
            {Reply, St} = request(Req, St0),
            From ! {io_reply, ReplyAs, Reply},
            loop(St);
        {Port, {data, Bytes}} when Port =:= St0#st.port ->
            loop(St0#st{buf = <<(St0#st.buf)/binary, Bytes/binary>>});
        {Port, eof} when Port =:= St0#st.port ->
            loop(St0#st{eof = true});
        _ ->
            loop(St0)
    end.

%% Requests, the reply they get and the state after.
request({put_chars, Enc, Chars}, St) ->
    put_chars(Enc, Chars, St);
request({put_chars, Enc, M, F, A}, St) ->
    try apply(M, F, A) of
        Chars when Enc =:= latin1 -> put_chars(latin1, iolist_to_binary(Chars), St);
        Chars -> put_chars(Enc, Chars, St)
    catch
        _:_ -> {{error, put_chars}, St}
    end;
request({put_chars, Chars}, St) ->
    put_chars(latin1, Chars, St);
request({put_chars, M, F, A}, St) ->
    request({put_chars, latin1, M, F, A}, St);
request(Req, #st{port = none} = St) when element(1, Req) =:= get_line; element(1, Req) =:= get_chars;
                                         element(1, Req) =:= get_until ->
    %% a device without input (standard_error) does not know these
    {{error, {request, Req}}, St};
request({get_line, Enc, Prompt}, St) ->
    get(Enc, Prompt, line, St);
request({get_line, Prompt}, St) ->
    get(latin1, Prompt, line, St);
request({get_chars, Enc, Prompt, N}, St) when is_integer(N) ->
    get(Enc, Prompt, {chars, N}, St);
request({get_chars, Prompt, N}, St) when is_integer(N) ->
    get(latin1, Prompt, {chars, N}, St);
request({get_until, Enc, Prompt, M, F, Xa}, St) ->
    get(Enc, Prompt, {until, M, F, Xa}, St);
request({get_until, Prompt, M, F, Xa}, St) ->
    get(latin1, Prompt, {until, M, F, Xa}, St);
request({setopts, Opts}, St) when is_list(Opts) ->
    setopts(Opts, St);
request(getopts, #st{port = none} = St) ->
    {[{encoding, St#st.encoding}], St};
request(getopts, St) ->
    {[{binary, St#st.binary}, {encoding, St#st.encoding}], St};
request({get_geometry, _}, St) ->
    {{error, enotsup}, St};
request({requests, Reqs}, St) ->
    requests(Reqs, {ok, St});
request(Req, St) ->
    {{error, {request, Req}}, St}.

requests([Req | Reqs], {_, St}) ->
    case request(Req, St) of
        {{error, _}, _} = Failed -> Failed;
        Done -> requests(Reqs, Done)
    end;
requests([], {Reply, St}) ->
    {Reply, St}.

setopts(Opts, St) ->
    case setopts1(Opts, St) of
        error -> {{error, enotsup}, St};
        St1 -> {ok, St1}
    end.

setopts1([binary | Opts], St) -> setopts1(Opts, St#st{binary = true});
setopts1([list | Opts], St) -> setopts1(Opts, St#st{binary = false});
setopts1([{binary, B} | Opts], St) when is_boolean(B) -> setopts1(Opts, St#st{binary = B});
setopts1([{encoding, E} | Opts], St) when E =:= latin1 -> setopts1(Opts, St#st{encoding = latin1});
setopts1([{encoding, E} | Opts], St) when E =:= unicode; E =:= utf8 -> setopts1(Opts, St#st{encoding = unicode});
setopts1([], St) -> St;
setopts1(_, _) -> error.

%% Output. A latin1 device takes each character below 256 as one byte and
%% writes the others as \x{...}; a unicode device writes UTF-8. As OTP 25's
%% server does, latin1 characters given in a list go out as UTF-8 (but the
%% text a latin1 {M, F, A} request makes goes out byte for byte).
put_chars(Enc, Chars, St) ->
    case catch encode_out(Enc, Chars, St#st.encoding) of
        Failed when not is_binary(Failed) ->
            {{error, put_chars}, St};
        Bytes ->
            case prim_console:write(St#st.fd, Bytes) of
                ok -> {ok, St};
                {error, _} = Error -> {Error, St}
            end
    end.

encode_out(latin1, Chars, latin1) when is_binary(Chars) ->
    Chars;
encode_out(latin1, Chars, _) ->
    case unicode:characters_to_binary(Chars, latin1) of
        B when is_binary(B) -> B;
        _ -> error
    end;
encode_out(_, Chars, unicode) ->
    case unicode:characters_to_binary(Chars, unicode) of
        B when is_binary(B) -> B;
        _ -> error
    end;
encode_out(_, Chars, latin1) ->
    case unicode:characters_to_list(Chars, unicode) of
        L when is_list(L) -> latin1_bytes(L, []);
        _ -> error
    end.

latin1_bytes([C | Cs], Acc) when C < 256 ->
    latin1_bytes(Cs, [C | Acc]);
latin1_bytes([C | Cs], Acc) ->
    latin1_bytes(Cs, [[$\\, $x, ${, integer_to_list(C, 16), $}] | Acc]);
latin1_bytes([], Acc) ->
    list_to_binary(lists:reverse(Acc, [])).

%% Input: the prompt is written, then bytes are taken from the buffer, waiting
%% for the port while the request cannot be answered from it.
get(Enc, Prompt, What, St0) ->
    {_, St} = put_chars(unicode, io_lib:format_prompt(Prompt, St0#st.encoding), St0),
    get_input(Enc, What, St).

get_input(Enc, {until, M, F, Xa}, St) ->
    until(Enc, M, F, Xa, [], St);
get_input(Enc, What, St) ->
    case take(What, St#st.buf, St#st.eof) of
        more -> get_input(Enc, What, wait(St));
        eof -> {eof, St};
        {Data, Rest} -> {deliver(Data, Enc, St), St#st{buf = Rest}}
    end.

take(_, <<>>, true) ->
    eof;
take(line, Buf, Eof) ->
    case binary:match(Buf, <<"\n">>) of
        {At, 1} -> split_binary(Buf, At + 1);
        nomatch -> take_all(Buf, Eof)
    end;
take({chars, N}, Buf, _) when N =< 0 ->
    {<<>>, Buf};
take({chars, N}, Buf, _) when byte_size(Buf) >= N ->
    split_binary(Buf, N);
take({chars, _}, Buf, Eof) ->
    take_all(Buf, Eof).

take_all(_, false) -> more;
take_all(<<>>, true) -> eof;
take_all(Buf, true) -> {Buf, <<>>}.

wait(St) ->
    Port = St#st.port,
    receive
        {Port, {data, Bytes}} -> St#st{buf = <<(St#st.buf)/binary, Bytes/binary>>};
        {Port, eof} -> St#st{eof = true}
    end.

%% As OTP 25's server without a shell does, each input byte is one
%% character, whatever the encoding of the device.
deliver(Bytes, Enc, St) ->
    case St#st.binary of
        true when Enc =:= unicode -> unicode:characters_to_binary(Bytes, latin1);
        true -> Bytes;
        false -> binary_to_list(Bytes)
    end.

%% get_until: M:F(Cont, Chars | Xa) returns {done, Result, Rest} or
%% {more, Cont}; the characters are offered a line at a time and eof when
%% the input has ended.
until(Enc, M, F, Xa, Cont, St) ->
    case take(line, St#st.buf, St#st.eof) of
        more ->
            until(Enc, M, F, Xa, Cont, wait(St));
        Got ->
            {Chars, Rest} = case Got of
                                eof -> {eof, <<>>};
                                {Line, R} -> {binary_to_list(Line), R}
                            end,
            case catch apply(M, F, [Cont, Chars | Xa]) of
                {done, Result, Left} ->
                    {until_result(Result, Enc, St), St#st{buf = rest_bytes(Left, Rest)}};
                {more, Cont1} when Chars =/= eof ->
                    until(Enc, M, F, Xa, Cont1, St#st{buf = Rest});
                {more, _} ->
                    {eof, St#st{buf = Rest}};
                _ ->
                    {{error, F}, St#st{buf = Rest}}
            end
    end.

until_result(Result, Enc, St) when is_list(Result), St#st.binary, Enc =:= unicode ->
    unicode:characters_to_binary(Result, unicode);
until_result(Result, _, St) when is_list(Result), St#st.binary ->
    list_to_binary(Result);
until_result(Result, _, _) ->
    Result.

rest_bytes(eof, Rest) -> Rest;
rest_bytes(Left, Rest) when is_list(Left) -> <<(list_to_binary(Left))/binary, Rest/binary>>;
rest_bytes(Left, Rest) when is_binary(Left) -> <<Left/binary, Rest/binary>>;
rest_bytes(_, Rest) -> Rest.
