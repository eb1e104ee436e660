%% A small HTTP/1.1 keep-alive server on gen_tcp with {packet, http_bin}, the
%% shape of a usage-billing endpoint: `GET /usage/KEY` bumps KEY's counter in a
%% public ETS table and answers the new count; any other path is a 404.
%% One acceptor process hands each connection to its own handler process.
%%
%% start(Port) (or start(["Port"]), as -run passes it) listens on 127.0.0.1:Port, prints `listening` once the socket
%% is open and never returns; the benchmark script kills the runtime.
-module(http_server).
-export([start/1, handler/1]).

start([PortArg]) when is_list(PortArg) ->
    start(list_to_integer(PortArg));
start(Port) when is_integer(Port) ->
    ets:new(usage, [named_table, public, {write_concurrency, true}]),
    {ok, Listen} = gen_tcp:listen(Port, [binary, {packet, http_bin}, {active, false},
                                         {reuseaddr, true}, {backlog, 4096},
                                         {nodelay, true}, {ip, {127, 0, 0, 1}}]),
    io:format("listening~n"),
    accept(Listen).

accept(Listen) ->
    {ok, Socket} = gen_tcp:accept(Listen),
    Pid = spawn(?MODULE, handler, [Socket]),
    ok = gen_tcp:controlling_process(Socket, Pid),
    Pid ! go,
    accept(Listen).

handler(Socket) ->
    receive go -> ok end,
    request(Socket).

%% One request: the request line, then headers up to http_eoh.
request(Socket) ->
    case gen_tcp:recv(Socket, 0) of
        {ok, {http_request, 'GET', {abs_path, Path}, _Version}} ->
            case headers(Socket, keep_alive) of
                closed -> ok;
                Connection -> respond(Socket, Path, Connection)
            end;
        {ok, {http_request, _Method, _Uri, _Version}} ->
            _ = headers(Socket, close),
            reply(Socket, <<"405 Method Not Allowed">>, <<>>, close);
        {ok, {http_error, _}} ->
            reply(Socket, <<"400 Bad Request">>, <<>>, close);
        {error, _} ->
            gen_tcp:close(Socket)
    end.

headers(Socket, Connection) ->
    case gen_tcp:recv(Socket, 0) of
        {ok, {http_header, _, 'Connection', _, Value}} ->
            headers(Socket, connection(Value, Connection));
        {ok, {http_header, _, _Name, _, _Value}} ->
            headers(Socket, Connection);
        {ok, http_eoh} ->
            Connection;
        _ ->
            gen_tcp:close(Socket),
            closed
    end.

connection(Value, Default) ->
    case string:lowercase(Value) of
        <<"close">> -> close;
        <<"keep-alive">> -> keep_alive;
        _ -> Default
    end.

respond(Socket, <<"/usage/", Key/binary>>, Connection) ->
    Count = ets:update_counter(usage, Key, 1, {Key, 0}),
    Body = [<<"{\"key\":\"">>, Key, <<"\",\"count\":">>, integer_to_binary(Count), <<"}">>],
    reply(Socket, <<"200 OK">>, Body, Connection);
respond(Socket, _Path, Connection) ->
    reply(Socket, <<"404 Not Found">>, <<>>, Connection).

reply(Socket, Status, Body, Connection) ->
    Head = [<<"HTTP/1.1 ">>, Status,
            <<"\r\nContent-Type: application/json\r\nContent-Length: ">>,
            integer_to_binary(iolist_size(Body)), <<"\r\n\r\n">>],
    case gen_tcp:send(Socket, [Head, Body]) of
        ok when Connection =:= keep_alive -> request(Socket);
        _ -> gen_tcp:close(Socket)
    end.
