%% io.erl — the client side of the io protocol: each function sends one
%% request to an io device (a pid or a registered name, by default the group
%% leader) and waits for its reply, as OTP's io module does.
-module(io).

-export([put_chars/1, put_chars/2, nl/0, nl/1,
         format/1, format/2, format/3, fwrite/1, fwrite/2, fwrite/3,
         write/1, write/2,
         get_line/1, get_line/2, get_chars/2, get_chars/3, fread/2, fread/3,
         columns/0, columns/1, rows/0, rows/1,
         setopts/1, setopts/2, getopts/0, getopts/1,
         printable_range/0, request/1, request/2, requests/1, requests/2]).

put_chars(Chars) ->
    output(default_output(), {put_chars, unicode, Chars}, put_chars, [Chars]).

put_chars(Io, Chars) ->
    output(Io, {put_chars, unicode, Chars}, put_chars, [Io, Chars]).

nl() ->
    output(default_output(), {put_chars, unicode, "\n"}, nl, []).

nl(Io) ->
    output(Io, {put_chars, unicode, "\n"}, nl, [Io]).

format(Format) -> format_as(default_output(), Format, [], format, [Format]).
format(Format, Args) -> format_as(default_output(), Format, Args, format, [Format, Args]).
format(Io, Format, Args) -> format_as(Io, Format, Args, format, [Io, Format, Args]).

fwrite(Format) -> format_as(default_output(), Format, [], fwrite, [Format]).
fwrite(Format, Args) -> format_as(default_output(), Format, Args, fwrite, [Format, Args]).
fwrite(Io, Format, Args) -> format_as(Io, Format, Args, fwrite, [Io, Format, Args]).

%% The device formats the text (io_lib:format/2), as OTP's servers do.
format_as(Io, Format, Args, Function, CallArgs) ->
    output(Io, {put_chars, unicode, io_lib, format, [Format, Args]}, Function, CallArgs).

write(Term) ->
    output(default_output(), {put_chars, unicode, io_lib, write, [Term]}, write, [Term]).

write(Io, Term) ->
    output(Io, {put_chars, unicode, io_lib, write, [Term]}, write, [Io, Term]).

get_line(Prompt) ->
    get_line(default_input(), Prompt).

get_line(Io, Prompt) ->
    request(Io, {get_line, unicode, Prompt}).

get_chars(Prompt, N) ->
    get_chars(default_input(), Prompt, N).

get_chars(Io, Prompt, N) ->
    request(Io, {get_chars, unicode, Prompt, N}).

%% Reads values by a format (io_lib:fread/2): {ok, Values}, {error, What}
%% or eof.
fread(Prompt, Format) ->
    fread(default_input(), Prompt, Format).

fread(Io, Prompt, Format) ->
    request(Io, {get_until, unicode, Prompt, io_lib, fread, [Format]}).

columns() -> columns(default_output()).
columns(Io) -> geometry(Io, columns).

rows() -> rows(default_output()).
rows(Io) -> geometry(Io, rows).

geometry(Io, What) ->
    case request(Io, {get_geometry, What}) of
        N when is_integer(N), N > 0 -> {ok, N};
        _ -> {error, enotsup}
    end.

setopts(Opts) -> setopts(default_input(), Opts).
setopts(Io, Opts) -> request(Io, {setopts, Opts}).

getopts() -> getopts(default_input()).
getopts(Io) -> request(Io, getopts).

%% A BIF in Ember; the body only runs if the BIF is missing.
printable_range() ->
    erlang:nif_error(undef).

request(Request) ->
    request(default_output(), Request).

%% Sends Request to Io and returns the reply; {error, arguments} when Io is
%% no device, {error, terminated} when it dies before answering.
request(Io, Request) ->
    case device(Io) of
        undefined ->
            {error, arguments};
        Pid ->
            Ref = erlang:monitor(process, Pid),
            Pid ! {io_request, self(), Ref, Request},
            receive
                {io_reply, Ref, Reply} ->
                    erlang:demonitor(Ref, [flush]),
                    Reply;
                {'DOWN', Ref, _, _, _} ->
                    {error, terminated}
            end
    end.

requests(Requests) ->
    requests(default_output(), Requests).

requests(Io, Requests) ->
    request(Io, {requests, Requests}).

default_output() -> group_leader().
default_input() -> group_leader().

device(standard_io) -> group_leader();
device(Pid) when is_pid(Pid) -> Pid;
device(Name) when is_atom(Name) -> whereis(Name);
device(_) -> undefined.

%% An output request that fails raises badarg (terminated when the device
%% died), with the arguments of the io function that made it.
output(Io, Request, Function, Args) ->
    case request(Io, Request) of
        ok -> ok;
        {error, terminated} -> erlang:error(terminated, Args);
        {error, _} -> failed(Function, Args)
    end.

failed(Function, Args) ->
    try erlang:error(badarg)
    catch error:badarg:Stack ->
        erlang:raise(error, badarg, [{io, Function, Args, []} | tl(Stack)])
    end.
