%% ember-mode: otp
%% {packet, http | http_bin | httph | httph_bin} on gen_tcp sockets: request
%% and status lines, headers (with continuation lines), http_eoh, the switch
%% from http to httph after the first line and back after http_eoh, a body
%% read with {packet, raw} and recv(Len), pipelined requests, malformed lines,
%% packet_size and buffer limits, in passive, active true, once and N modes.
-module(tcp_http).
-export([main/0]).

-include("test.hrl").
-include("tcp_pair.hrl").

pair(Opts) -> tcp_pair(inet, {127, 0, 0, 1}, [binary | Opts], [binary]).

close(A, C) -> gen_tcp:close(A), gen_tcp:close(C).

main() ->
    keep_alive(http_bin),
    keep_alive(http),
    pipelined(),
    malformed(),
    headers_only(),
    responses(),
    state_survives_setopts(),
    limits(),
    [active(Mode) || Mode <- [true, once, 3]],
    server_client(),
    ok.

recv(A) -> gen_tcp:recv(A, 0, 2000).

%% Reads one request: the request line, the headers up to http_eoh, and a
%% body of Content-Length bytes in raw mode.
read_request(A, Type) ->
    {ok, Req} = recv(A),
    Headers = read_headers(A, []),
    Len = case lists:keyfind('Content-Length', 3, Headers) of
              {http_header, _, _, _, V} -> binary_to_integer(iolist_to_binary(V));
              false -> 0
          end,
    Body = case Len of
               0 -> <<>>;
               _ ->
                   ok = inet:setopts(A, [{packet, raw}]),
                   {ok, B} = gen_tcp:recv(A, Len, 2000),
                   ok = inet:setopts(A, [{packet, Type}]),
                   B
           end,
    {Req, Headers, Body}.

read_headers(A, Acc) ->
    case recv(A) of
        {ok, http_eoh} -> lists:reverse(Acc);
        {ok, H} -> read_headers(A, [H | Acc]);
        Other -> lists:reverse([Other | Acc])
    end.

keep_alive(Type) ->
    {A, C} = pair([{packet, Type}]),
    ?T(inet:getopts(A, [packet])),
    ok = gen_tcp:send(C, "POST /items?id=7 HTTP/1.1\r\nHost: example.com\r\n"
                         "Content-Type: text/plain\r\nContent-Length: 11\r\n"
                         "X-Trace: a\r\n  b\r\n\r\nhello world"),
    ?T(read_request(A, Type)),
    ok = gen_tcp:send(C, "GET /next HTTP/1.1\r\nConnection: keep-alive\r\n\r\n"),
    ?T(read_request(A, Type)),
    ?T(gen_tcp:recv(A, 0, 50)),
    close(A, C).

pipelined() ->
    {A, C} = pair([{packet, http_bin}]),
    Reqs = [["GET /", integer_to_list(N), " HTTP/1.1\r\nHost: h\r\n\r\n"] || N <- lists:seq(1, 5)],
    ok = gen_tcp:send(C, [Reqs, "PUT /p HTTP/1.0\r\nContent-Length: 3\r\n\r\nabc",
                          "DELETE * HTTP/1.1\r\n\r\n"]),
    [?T(read_request(A, http_bin)) || _ <- lists:seq(1, 7)],
    %% one byte at a time
    [begin ok = gen_tcp:send(C, [B]), timer:sleep(1) end || <<B>> <= <<"OPTIONS http://h:8080/x HTTP/1.1\r\nA: 1\r\n\r\n">>],
    ?T(read_request(A, http_bin)),
    close(A, C).

malformed() ->
    {A, C} = pair([{packet, http}]),
    ok = gen_tcp:send(C, "\r\nNOT-HTTP\r\nGET / HTTP/1.1\r\nno colon here\r\n"
                         ": empty name\r\nGood: yes\r\n\r\nGET /x HTTP/x.y\r\n"
                         "FOO /y HTTP/1.1\r\nWeird-Method: 1\r\n\r\nGET\r\n"),
    [?T(recv(A)) || _ <- lists:seq(1, 12)],
    ?T(gen_tcp:recv(A, 0, 50)),
    close(A, C).

headers_only() ->
    [begin
         {A, C} = pair([{packet, T}]),
         ok = gen_tcp:send(C, "GET / HTTP/1.1\r\nSet-Cookie: a=1\r\nset-cookie: b=2\r\n\r\n"
                              "Trailer-Field: x\r\n\r\n"),
         [?T(recv(A)) || _ <- lists:seq(1, 6)],
         close(A, C)
     end || T <- [httph, httph_bin]].

responses() ->
    {A, C} = pair([{packet, http_bin}]),
    ok = gen_tcp:send(C, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi"
                         "HTTP/1.0 404 Not Found\r\nServer: s\r\n\r\n"
                         "HTTP/1.1 301\r\n\r\n"),
    ?T(read_request(A, http_bin)),
    ?T(read_request(A, http_bin)),
    ?T(read_request(A, http_bin)),
    close(A, C).

%% Changing the packet option does not reset the line state: a header after
%% a raw detour is still a header.
state_survives_setopts() ->
    {A, C} = pair([{packet, http}]),
    ok = gen_tcp:send(C, "GET / HTTP/1.1\r\nA: 1\r\n"),
    ?T(recv(A)),
    ok = inet:setopts(A, [{packet, raw}]),
    ?T(gen_tcp:recv(A, 8, 2000)),
    ok = inet:setopts(A, [{packet, http}]),
    ok = gen_tcp:send(C, "B: 2\r\n\r\n"),
    ?T(recv(A)),
    ?T(recv(A)),
    ?T(gen_tcp:recv(A, 3, 50)),
    close(A, C).

limits() ->
    Line = fun(N) -> ["GET /", lists:duplicate(N - 16, $a), " HTTP/1.1\r\n"] end,
    Short = fun({ok, {http_request, M, {abs_path, U}, V}}) -> {ok, M, length(U), V}; (R) -> R end,
    [begin
         {A, C} = pair([{packet, http} | Opts]),
         ok = gen_tcp:send(C, Line(N)),
         ?T({Opts, N, Short(recv(A))}),
         ?T(gen_tcp:recv(A, 0, 50)),
         close(A, C)
     end || {Opts, N} <- [{[{buffer, 100}], 100}, {[{buffer, 100}], 101},
                          {[{packet_size, 50}], 50}, {[{packet_size, 50}], 51},
                          {[{packet_size, 3000}], 2000}, {[], 1460}, {[], 1461},
                          {[{recbuf, 4000}], 3000}]],
    %% a header line too long in active mode: the connection ends
    {A, C} = pair([{packet, http_bin}, {packet_size, 64}]),
    ok = gen_tcp:send(C, ["GET / HTTP/1.1\r\nX: ", lists:duplicate(100, $v), "\r\n\r\n"]),
    ok = inet:setopts(A, [{active, true}]),
    [receive M -> ?T(M) after 2000 -> ?T(timeout) end || _ <- [1, 2, 3]],
    ?T(erlang:port_info(A, connected) =:= undefined),
    close(A, C).

active(Mode) ->
    {A, C} = pair([{packet, http_bin}]),
    ok = gen_tcp:send(C, "GET /a HTTP/1.1\r\nHost: x\r\n\r\nBAD LINE\r\nGET /b HTTP/1.0\r\n\r\n"),
    ok = inet:setopts(A, [{active, Mode}]),
    [receive
         {http, A, P} -> ?T(P);
         {tcp_passive, A} -> ?T(passive), ok = inet:setopts(A, [{active, 2}]);
         Other -> ?T({other, Other})
     after 2000 ->
         case Mode of
             once -> ?T(once_more), ok = inet:setopts(A, [{active, once}]);
             _ -> ?T(timeout)
         end
     end || _ <- lists:seq(1, 9)],
    ok = inet:setopts(A, [{active, true}]),
    gen_tcp:close(C),
    ?T(receive {tcp_closed, A} -> closed after 2000 -> timeout end),
    ?T(process_info(self(), messages)),
    gen_tcp:close(A).

%% A tiny keep-alive server on http_bin answering a client that reads the
%% responses with http_bin too.
server_client() ->
    {ok, L} = gen_tcp:listen(0, [binary, {packet, http_bin}, {active, false}]),
    {ok, P} = inet:port(L),
    Self = self(),
    Srv = spawn_link(fun() ->
                             {ok, S} = gen_tcp:accept(L),
                             Self ! {served, serve(S, 0)}
                     end),
    {ok, C} = gen_tcp:connect({127, 0, 0, 1}, P, [binary, {packet, http_bin}, {active, false}]),
    Got = [begin
               ok = gen_tcp:send(C, ["GET /n/", integer_to_list(N), " HTTP/1.1\r\nHost: h\r\n\r\n"]),
               {Status, Headers, Body} = read_request(C, http_bin),
               {Status, length(Headers), Body}
           end || N <- lists:seq(1, 20)],
    ?T(Got),
    gen_tcp:close(C),
    ?T(receive {served, R} -> R after 5000 -> timeout end),
    unlink(Srv),
    gen_tcp:close(L).

serve(S, N) ->
    case gen_tcp:recv(S, 0, 5000) of
        {ok, {http_request, 'GET', {abs_path, Path}, _}} ->
            read_headers(S, []),
            Body = <<"you asked for ", Path/binary>>,
            ok = gen_tcp:send(S, ["HTTP/1.1 200 OK\r\nContent-Length: ",
                                  integer_to_list(byte_size(Body)), "\r\n\r\n", Body]),
            serve(S, N + 1);
        {error, closed} ->
            {closed_after, N};
        Other ->
            {unexpected, Other}
    end.
