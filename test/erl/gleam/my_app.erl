-module(my_app).
%% ember-mode: otp
%% A program in the shape Gleam's compiler generates (records as tagged
%% tuples, Result as {ok,_}/{error,_}, strings as UTF-8 binaries, field access
%% through erlang:element/2), over the gleam@* modules beside it.
-compile([no_auto_import, nowarn_unused_vars, nowarn_unused_function, nowarn_nomatch]).

-export([main/0, parse_user/1, describe/1]).
-export_type([user/0, parse_error/0, age_class/0]).

-type user() :: {user, binary(), integer(), binary()}.

-type parse_error() :: {bad_field_count, integer()} |
    {bad_age, binary()} |
    {bad_email, binary()}.

-type age_class() :: child | adult | {senior, integer()}.

-spec input() -> list(binary()).
input() ->
    [<<"# name, age, email"/utf8>>,
     <<"Zoë, 34, zoe@example.org"/utf8>>,
     <<"Łukasz, 71, lukasz@example.pl"/utf8>>,
     <<"Amélie, 9, amelie@example.fr"/utf8>>,
     <<"日本語, 45, nihon@example.jp"/utf8>>,
     <<"Bob, forty, bob@example.org"/utf8>>,
     <<"Eve, 29"/utf8>>,
     <<"Mallory, 52, mallory.example.org"/utf8>>,
     <<"   "/utf8>>,
     <<"Ada, 36, ada@example.org"/utf8>>,
     <<"Grace, 85, grace@example.org"/utf8>>].

-spec parse_user(binary()) -> {ok, user()} | {error, parse_error()}.
parse_user(Line) ->
    Fields = begin
        _pipe = Line,
        _pipe@1 = gleam@string:split(_pipe, <<","/utf8>>),
        gleam@list:map(_pipe@1, fun gleam@string:trim/1)
    end,
    case Fields of
        [Name, Age, Email] ->
            gleam@result:'try'(
                begin
                    _pipe@2 = gleam@int:parse(Age),
                    gleam@result:map_error(_pipe@2, fun(_) -> {bad_age, Age} end)
                end,
                fun(Age@1) ->
                    gleam@result:'try'(
                        validate_email(Email),
                        fun(Email@1) -> {ok, {user, Name, Age@1, Email@1}} end
                    )
                end
            );

        _ ->
            {error, {bad_field_count, erlang:length(Fields)}}
    end.

-spec validate_email(binary()) -> {ok, binary()} | {error, parse_error()}.
validate_email(Email) ->
    case gleam@string:split(Email, <<"@"/utf8>>) of
        [User, Domain] when User =/= <<""/utf8>>, Domain =/= <<""/utf8>> ->
            {ok, Email};

        _ ->
            {error, {bad_email, Email}}
    end.

-spec domain(user()) -> binary().
domain(User) ->
    case gleam@string:split(erlang:element(4, User), <<"@"/utf8>>) of
        [_, Domain] ->
            Domain;

        _ ->
            erlang:error(#{gleam_error => panic,
                    message => <<"validated email without a domain"/utf8>>,
                    module => <<"my_app"/utf8>>,
                    function => <<"domain"/utf8>>,
                    line => 78})
    end.

-spec classify(integer()) -> age_class().
classify(Age) ->
    case Age of
        A when A < 18 ->
            child;

        A@1 when A@1 >= 65 ->
            {senior, A@1 - 65};

        _ ->
            adult
    end.

-spec describe(user()) -> binary().
describe(User) ->
    Class = case classify(erlang:element(3, User)) of
        child ->
            <<"child"/utf8>>;

        adult ->
            <<"adult"/utf8>>;

        {senior, Years} ->
            <<"senior for "/utf8, (gleam@int:to_string(Years))/binary, " years"/utf8>>
    end,
    Name = erlang:element(2, User),
    <<(gleam@string:pad_left(Name, 8, <<"."/utf8>>))/binary,
        " ("/utf8,
        (gleam@int:to_string(gleam@string:length(Name)))/binary,
        " graphemes, "/utf8,
        (gleam@int:to_string(erlang:byte_size(Name)))/binary,
        " bytes): "/utf8,
        Class/binary>>.

-spec error_to_string(parse_error()) -> binary().
error_to_string(Error) ->
    case Error of
        {bad_field_count, N} ->
            <<"expected 3 fields, got "/utf8, (gleam@int:to_string(N))/binary>>;

        {bad_age, Age} ->
            <<"not an age: "/utf8, Age/binary>>;

        {bad_email, Email} ->
            <<"not an email: "/utf8, Email/binary>>
    end.

-spec is_data(binary()) -> boolean().
is_data(Line) ->
    case Line of
        <<"#"/utf8, _/binary>> ->
            false;

        _ ->
            gleam@string:trim(Line) =/= <<""/utf8>>
    end.

-spec initials(list(user())) -> binary().
initials(Users) ->
    _pipe = Users,
    _pipe@1 = gleam@list:map(_pipe, fun(U) ->
        case gleam@string:pop_grapheme(erlang:element(2, U)) of
            {ok, {First, _}} ->
                First;

            {error, nil} ->
                <<"?"/utf8>>
        end
    end),
    gleam@string:join(_pipe@1, <<"·"/utf8>>).

-spec first_codepoints(binary()) -> list(integer()).
first_codepoints(String) ->
    case String of
        <<C/utf8, Rest/binary>> ->
            [C | first_codepoints(Rest)];

        <<>> ->
            []
    end.

-spec main() -> nil.
main() ->
    %% as before Gleam's entry point sets the device up, then after
    gleam@io:println(<<"latin-1 device: Zoë → 日本"/utf8>>),
    ok = io:setopts([binary, {encoding, unicode}]),
    gleam@io:println(<<"unicode device: Zoë → 日本"/utf8>>),
    Lines = gleam@list:filter(input(), fun is_data/1),
    Parsed = gleam@list:map(Lines, fun parse_user/1),
    gleam@list:each(
        gleam@list:index_map(Parsed, fun(I, R) -> {I, R} end),
        fun(Entry) ->
            {I@1, R@1} = Entry,
            Text = case R@1 of
                {ok, User} ->
                    describe(User);

                {error, E} ->
                    <<"error: "/utf8, (error_to_string(E))/binary>>
            end,
            gleam@io:println(<<(gleam@int:to_string(I@1 + 1))/binary, ". "/utf8, Text/binary>>)
        end
    ),
    Users = gleam@list:fold(Parsed, [], fun(Acc, R@2) ->
        case R@2 of
            {ok, U} ->
                [U | Acc];

            {error, _} ->
                Acc
        end
    end),
    By_age = gleam@list:sort(Users, fun(A, B) ->
        gleam@int:compare(erlang:element(3, A), erlang:element(3, B))
    end),
    gleam@io:println(<<"by age: "/utf8,
        (gleam@string:join(gleam@list:map(By_age, fun(U@1) -> erlang:element(2, U@1) end), <<", "/utf8>>))/binary>>),
    Total = gleam@int:sum(gleam@list:map(Users, fun(U@2) -> erlang:element(3, U@2) end)),
    Mean = gleam@int:to_float(Total) / gleam@int:to_float(gleam@list:length(Users)),
    gleam@io:println(<<"total age "/utf8, (gleam@int:to_string(Total))/binary,
        ", mean "/utf8, (gleam_stdlib:float_to_string(Mean))/binary>>),
    Domains = gleam@list:group_count(Users, fun(U@3) ->
        _pipe = domain(U@3),
        _pipe@1 = gleam@string:split(_pipe, <<"."/utf8>>),
        _pipe@2 = gleam@list:reverse(_pipe@1),
        _pipe@3 = gleam@list:take(_pipe@2, 1),
        gleam@string:concat(_pipe@3)
    end),
    gleam@list:each(gleam@dict:to_list(Domains), fun(Pair) ->
        gleam@io:println(<<"  ."/utf8, (erlang:element(1, Pair))/binary, " × "/utf8,
            (gleam@int:to_string(erlang:element(2, Pair)))/binary>>)
    end),
    gleam@io:println(<<"initials: "/utf8, (initials(By_age))/binary>>),
    gleam@io:println(gleam@string:uppercase(<<"straße and café"/utf8>>)),
    gleam@io:println(gleam@string:lowercase(<<"ÀÉÎÕÜ"/utf8>>)),
    gleam@io:println(gleam@string:inspect(first_codepoints(<<"Zoë→日"/utf8>>))),
    gleam@io:println(gleam@string:inspect(gleam@list:try_map([<<"1"/utf8>>, <<"22"/utf8>>], fun gleam@int:parse/1))),
    gleam@io:println(gleam@string:inspect(gleam@list:try_map([<<"1"/utf8>>, <<"x"/utf8>>], fun gleam@int:parse/1))),
    gleam@io:println(gleam@string:inspect(gleam@list:find(By_age, fun(U@4) -> erlang:element(3, U@4) > 40 end))),
    gleam@io:debug({gleam@result:unwrap(gleam@int:parse(<<"12"/utf8>>), 0), gleam@result:is_ok({error, nil})}),
    Assert = try
        {ok, Never} = parse_user(<<"no, fields"/utf8>>),
        Never
    catch
        error:{badmatch, Value} ->
            {caught, Value}
    end,
    gleam@io:println(gleam@string:inspect(Assert)),
    Panic = try
        domain({user, <<"x"/utf8>>, 1, <<"nodomain"/utf8>>})
    catch
        error:#{gleam_error := panic, message := Message} ->
            Message
    end,
    gleam@io:println(Panic),
    gleam@io:print(<<"range: "/utf8>>),
    gleam@io:println(gleam@string:inspect(gleam@list:flatten([gleam@list:range(1, 3), gleam@list:range(3, 0)]))),
    gleam@io:println(gleam@string:repeat(<<"=-"/utf8>>, 10)).
