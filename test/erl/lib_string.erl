%% The string module (Ember's own, lib/string.erl, in standalone mode): every
%% export on lists, UTF-8 binaries and mixed chardata, with grapheme clusters
%% of every kind (combining marks, CR LF, emoji ZWJ sequences, flags, Hangul,
%% prepend marks), full case mapping, bad arguments, large inputs, and a
%% fixed pseudo-random run over nested chardata whose results are digested.
-module(lib_string).
-export([main/0]).
-include("test.hrl").

main() ->
    clusters(),
    lengths_and_slices(),
    trims_and_takes(),
    cases(),
    searches(),
    numbers(),
    old_api(),
    bad_args(),
    big(),
    random_runs(?ID(400)).

%% One input of each shape per call: list, binary, mixed.
shapes(Chars) ->
    B = unicode:characters_to_binary(Chars, unicode),
    {A1, A2} = lists:split(length(Chars) div 2, Chars),
    [Chars, B, [unicode:characters_to_binary(A1, unicode), A2], [A1, [unicode:characters_to_binary(A2, unicode)]]].

clusters() ->
    Texts = ["abc", "e\x{301}x\x{301}\x{308}", "\r\nx\r", "\x{1F468}\x{200D}\x{1F469}\x{200D}\x{1F467}!",
             "\x{1F1EA}\x{1F1F8}\x{1F1EA}", "\x{1100}\x{1161}\x{11A8}\x{AC00}\x{11A8}\x{AC01}", "\x{600}\x{661}x",
             "\x{915}\x{94D}\x{937}", "\x{1F44D}\x{1F3FD}\x{FE0F}", "\x{AD}a\x{FEFF}\x{301}", "©\x{200D}\x{1F600}",
             "a\x{200D}\x{1F600}", "\x{E0041}z"],
    [?T({string:to_graphemes(S), string:length(S), string:reverse(S), string:next_grapheme(S),
         string:next_codepoint(S)}) || T <- Texts, S <- shapes(T)],
    ?T(string:next_grapheme(?ID([<<"ab">>, "c"]))), ?T(string:next_grapheme(?ID([[<<"a">>], "b"]))),
    ?T(string:next_grapheme(?ID([$a, <<204, 129>>, $c]))), ?T(string:next_grapheme(?ID([<<"a">>, [], <<"b">>]))),
    ?T(string:next_codepoint(?ID([[[$a, [$b]], <<"c">>], $d]))), ?T(string:next_codepoint(?ID([<<>>, [[], <<"é"/utf8>>]]))),
    ?T(string:next_grapheme(?ID(<<>>))), ?T(string:next_grapheme(?ID([]))), ?T(string:next_grapheme(?ID(<<255>>))),
    ?T(string:next_grapheme(?ID(<<"a", 255>>))), ?T(string:next_codepoint(?ID([<<255>>, "a"]))),
    ?T(string:next_grapheme(?ID([a]))), ?T(string:next_codepoint(?ID(a))),
    ?T(string:is_empty(?ID([[], <<>>, [[]]]))), ?T(string:is_empty(?ID([[], "a"]))), ?T(string:is_empty(?ID(<<"a">>))),
    ?T(string:is_empty(?ID(a))).

lengths_and_slices() ->
    [begin
         ?T({string:slice(S, 2), string:slice(S, 1, 3), string:slice(S, 0, infinity), string:slice(S, 9),
             string:slice(S, 2, 0)}),
         ?T({string:pad(S, 8), string:pad(S, 8, leading), string:pad(S, 9, both, $*),
             string:pad(S, 2, trailing, [$e, 769])})
     end || T <- ["hello", "hé\x{301}llö w", "\r\n\r\nab"], S <- shapes(T)],
    ?T(string:slice(?ID(<<"abc">>), 5)), ?T(string:slice(?ID(""), 0, 3)), ?T(string:slice(?ID("abc"), -1)),
    ?T(string:slice(?ID("abc"), 1, -1)), ?T(string:slice(?ID(<<"ab", 255>>), 1, 3)),
    ?T(string:pad(?ID("ab"), ?ID(x))), ?T(string:pad(?ID("ab"), 4, ?ID(middle))).

trims_and_takes() ->
    Texts = ["  a b  ", "\t\r\n x \r\n", "xxaxx", ",,a,,b,,", "..é\x{301}..", "\x{301}\x{301}a"],
    Seps = [" ", [$x], ",.", [[$\r, $\n], $\n, $\s], [[$e, 769], $.], [769]],
    [?T({string:trim(S), string:trim(S, leading), string:trim(S, trailing), string:chomp(S)})
     || T <- Texts, S <- shapes(T)],
    [?T({Sep, string:trim(S, leading, Sep), string:trim(S, trailing, Sep), string:trim(S, both, Sep),
         string:take(S, Sep), string:take(S, Sep, true), string:take(S, Sep, false, trailing),
         string:take(S, Sep, true, trailing), string:lexemes(S, Sep), string:nth_lexeme(S, 2, Sep)})
     || T <- Texts, S <- shapes(T), Sep <- Seps],
    ?T(string:trim(?ID("abc"), both, [])), ?T(string:take(?ID(<<"abc">>), [], true, trailing)),
    ?T(string:lexemes(?ID([]), " ")), ?T(string:lexemes(?ID("a b"), [])), ?T(string:nth_lexeme(?ID("a b"), 1, [])),
    ?T(string:nth_lexeme(?ID("a b"), 5, " ")), ?T(string:nth_lexeme(?ID(<<"a b">>), 5, " ")),
    ?T(string:chomp(?ID(<<"line\n\n">>))), ?T(string:chomp(?ID(["line\r", <<"\n">>]))).

cases() ->
    Texts = ["Hello World", "straße ǆ ΣΑΣ İi ŉ", "ﬁ ẞ Ǆ ᾳ", "ÀÉÎõü 123", "\x{10428}\x{10400}", ""],
    [?T({string:uppercase(S), string:lowercase(S), string:titlecase(S), string:casefold(S)})
     || T <- Texts, S <- shapes(T)],
    ?T(string:uppercase(?ID("ABC"))), ?T(string:lowercase(?ID(<<"abc">>))), ?T(string:uppercase(?ID(<<255>>))),
    ?T(string:lowercase(?ID(a))), ?T(string:titlecase(?ID(<<>>))), ?T(string:casefold(?ID([<<"ǅ"/utf8>>]))),
    ?T([string:equal(A, B) || A <- shapes("Straße"), B <- shapes("Straße") ++ shapes("STRASSE")]),
    ?T([string:equal(A, B, true) || A <- shapes("Straße"), B <- shapes("STRASSE") ++ shapes("strasse")]),
    ?T(string:equal(?ID("abc"), ?ID(<<"abc">>), false, none)), ?T(string:equal(?ID("a"), ?ID("A"), true, none)),
    ?T(string:equal(?ID("abc"), ?ID("abc"), false, nfc)), ?T(string:equal(?ID(<<"ab">>), ?ID("abc"))),
    ?T(string:equal(?ID("a"), ?ID("b"), ?ID(maybe))).

searches() ->
    Texts = ["a,b,,c", "abcabcab", "e\x{301}ee\x{301}e", "x::y::z", "no match here"],
    Pats = [",", "ab", "e", [$e, 769], "::", <<"b">>, ["c", <<"a">>]],
    [?T({string:prefix(S, P), string:find(S, P), string:find(S, P, trailing), string:split(S, P),
         string:split(S, P, trailing), string:split(S, P, all), string:replace(S, P, "_"),
         string:replace(S, P, <<"=">>, all), string:replace(S, P, "", trailing)})
     || T <- Texts, S <- shapes(T), P <- Pats],
    ?T(string:prefix(?ID("abc"), ?ID(""))), ?T(string:prefix(?ID(<<"abc">>), ?ID("abc"))),
    ?T(string:find(?ID("abc"), ?ID(<<>>))), ?T(string:split(?ID("abc"), ?ID([]))),
    ?T(string:split(?ID(<<"a,b">>), ?ID(","), ?ID(middle))), ?T(string:find(?ID("abc"), "b", ?ID(middle))).

numbers() ->
    Ints = ["42", "-17 rest", "+5", "--5", "abc", "", "12345678901234567890x", "3.5", " 7"],
    Floats = ["1.5", "-2.5e3z", "1,5", "1.0E-2", "5", ".5", "1.", "1.5e", "3.25e+2 x"],
    [?T({string:to_integer(S)}) || T <- Ints, S <- shapes(T)],
    [?T({string:to_float(S)}) || T <- Floats, S <- shapes(T)],
    ?T(string:to_integer(?ID(a))), ?T(string:to_float(?ID(<<255>>))), ?T(string:to_integer(?ID([$1 | a]))),
    ?T(string:list_to_integer(?ID("12x"))), ?T(string:list_to_float(?ID("1.0x"))),
    ?T(string:list_to_integer(?ID(x))), ?T(string:list_to_float(?ID("x"))).

old_api() ->
    S = ?ID("  Hello, Wörld  "),
    ?T({string:len(S), string:len([]), string:concat("ab", "cd"), string:chr(S, $o), string:chr(S, $z),
        string:rchr(S, $o), string:str(S, "ll"), string:str(S, "zz"), string:rstr("abab", "ab"), string:str(S, "")}),
    ?T({string:span(S, " He"), string:cspan(S, ","), string:substr(S, 3), string:substr(S, 3, 5),
        string:sub_string(S, 3), string:sub_string(S, 3, 7), string:substr(S, 20, 0)}),
    ?T({string:tokens("a,,b;c;", ",;"), string:tokens("a b", " "), string:tokens("", ","), string:tokens("abc", ""),
        string:chars($x, 3), string:chars($x, 0, "tail"), string:copies("ab", 3), string:copies("ab", 0)}),
    ?T({string:words(S), string:words("a,,b,c", $,), string:words(""), string:sub_word(S, 2), string:sub_word(S, 5),
        string:sub_word("a,b,,c", 3, $,)}),
    ?T({string:strip(S), string:strip(S, left), string:strip(S, right), string:strip("xxaxx", both, $x),
        string:strip("", both, $x), string:strip("xx", right, $x)}),
    ?T({string:left("abc", 5), string:left("abcdef", 3), string:left("abc", 5, $.), string:right("abc", 5),
        string:right("abcdef", 3, $.), string:centre("abc", 8), string:centre("abcdefgh", 4), string:centre("ab", 5, $*),
        string:centre("ab", 0)}),
    ?T({string:to_upper("abc é ÿ ß"), string:to_lower("ABC É Þ"), string:to_upper($a), string:to_lower($Z),
        string:to_upper("ǆ"), string:to_lower(300)}),
    ?T({string:join(["a", "b", "c"], ", "), string:join([], ", "), string:join(["a"], "-")}).

bad_args() ->
    Calls = [fun() -> string:len(?ID(<<"abc">>)) end, fun() -> string:chr(?ID("abc"), ?ID(x)) end,
             fun() -> string:str(?ID("abc"), ?ID(a)) end, fun() -> string:substr(?ID("abc"), 0) end,
             fun() -> string:substr(?ID("abc"), 5) end, fun() -> string:substr(?ID("abc"), 1, -1) end,
             fun() -> string:tokens(?ID(a), ",") end, fun() -> string:chars(?ID(x), -1) end,
             fun() -> string:copies(?ID("a"), -1) end, fun() -> string:words(?ID("a"), ?ID(x)) end,
             fun() -> string:strip(?ID("a"), ?ID(middle)) end, fun() -> string:strip(?ID(a)) end,
             fun() -> string:left(?ID("a"), ?ID(x)) end, fun() -> string:right(?ID(<<"a">>), 3) end,
             fun() -> string:centre(?ID("a"), 3, ?ID(x)) end, fun() -> string:to_upper(?ID(a)) end,
             fun() -> string:join(?ID(a), ",") end, fun() -> string:concat(?ID(a), "b") end,
             fun() -> string:length(?ID(<<"a", 255>>)) end, fun() -> string:length(?ID(a)) end,
             fun() -> string:reverse(?ID([a])) end, fun() -> string:to_graphemes(?ID(<<255>>)) end,
             fun() -> string:trim(?ID(a)) end, fun() -> string:trim(?ID("a"), ?ID(middle)) end,
             fun() -> string:trim(?ID(<<"a", 255>>), trailing, " ") end, fun() -> string:take(?ID(a), " ") end,
             fun() -> string:lexemes(?ID(a), " ") end, fun() -> string:split(?ID(a), ",") end,
             fun() -> string:find(?ID("a"), ?ID(x)) end, fun() -> string:prefix(?ID(a), "a") end,
             fun() -> string:uppercase(?ID([a])) end, fun() -> string:pad(?ID(a), 3) end,
             fun() -> string:slice(?ID(a), 1) end, fun() -> string:nth_lexeme(?ID("a"), 0, " ") end,
             fun() -> string:equal(?ID(a), ?ID(b)) end, fun() -> string:replace(?ID("a"), ",", ?ID(x)) end],
    [?T(F()) || F <- Calls].

big() ->
    Words = [[$w | integer_to_list(I)] || I <- lists:seq(1, 5000)],
    L = lists:join(" ", Words),
    B = unicode:characters_to_binary(L, unicode),
    ?T({string:length(L), string:length(B), length(string:lexemes(L, " ")), length(string:lexemes(B, " "))}),
    ?T(erlang:phash2({string:uppercase(B), string:split(B, " ", all), string:replace(L, "w", "é", all)})),
    ?T({string:find(B, "w4999"), string:slice(B, 20000, 10), string:trim(B, both, "w1234567890 ") =:= <<>>}),
    Marks = lists:flatten(lists:duplicate(3000, [$a, 769, 776])),
    ?T({string:length(Marks), length(string:to_graphemes(unicode:characters_to_binary(Marks, unicode)))}),
    ?T(length(string:tokens(lists:flatten(lists:duplicate(5000, "ab,")), ","))).

%% Chardata from a fixed generator: characters of every cluster class, cut
%% into list and binary pieces; each line digests many functions' results.
random_runs(0) -> ok;
random_runs(K) ->
    {Cps, S1} = rtext(K * 2654435761 band 16#7fffffff, 1 + K rem 14),
    {Shape, S2} = rshape(Cps, S1),
    {Pat, S3} = case Cps of
                    [] -> {"a", S2};
                    _ -> {I, S} = rnd(S2, length(Cps)), {lists:sublist(Cps, I, 1 + K rem 3), S}
                end,
    {Sep, _} = case Cps of
                   [] -> {" ", S3};
                   _ -> {J, S4} = rnd(S3, length(Cps)), {[lists:nth(J, Cps), $\s], S4}
               end,
    R = [catch F() || F <- [fun() -> string:to_graphemes(Shape) end, fun() -> string:length(Shape) end,
                            fun() -> string:reverse(Shape) end, fun() -> string:slice(Shape, 1, 3) end,
                            fun() -> string:trim(Shape, both, Sep) end, fun() -> string:take(Shape, Sep, true) end,
                            fun() -> string:take(Shape, Sep, false, trailing) end, fun() -> string:lexemes(Shape, Sep) end,
                            fun() -> string:split(Shape, Pat, all) end, fun() -> string:split(Shape, Pat, trailing) end,
                            fun() -> string:find(Shape, Pat, trailing) end, fun() -> string:replace(Shape, Pat, <<"-">>) end,
                            fun() -> string:prefix(Shape, Pat) end, fun() -> string:uppercase(Shape) end,
                            fun() -> string:casefold(Shape) end, fun() -> string:next_grapheme(Shape) end,
                            fun() -> string:equal(Shape, Cps, true) end, fun() -> string:nth_lexeme(Shape, 2, Sep) end]],
    erlang:display({K, erlang:phash2([strip_stack(X) || X <- R])}),
    random_runs(K - 1).

%% Errors are compared by reason only.
strip_stack({'EXIT', {Reason, _}}) -> {'EXIT', Reason};
strip_stack(X) -> X.

rnd(Seed, N) ->
    S = (Seed * 1103515245 + 12345) band 16#7fffffff,
    {1 + (S bsr 8) rem N, S}.

chars() ->
    {$a, $b, $,, $\s, $\r, $\n, 233, 769, 776, 8205, 128512, 127466, 127480, 4352, 4449, 4520, 44032, 44033,
     1536, 173, 169, 65279, 2381, $A, 223, 304, $x, $\t, 133}.

rtext(Seed, N) -> rtext(Seed, N, []).

rtext(Seed, 0, Acc) -> {Acc, Seed};
rtext(Seed, N, Acc) ->
    {I, S} = rnd(Seed, tuple_size(chars())),
    rtext(S, N - 1, [element(I, chars()) | Acc]).

rshape([], Seed) -> {[], Seed};
rshape(Cps, Seed) ->
    {How, S1} = rnd(Seed, 4),
    case How of
        1 -> {Cps, S1};
        2 -> {unicode:characters_to_binary(Cps, unicode), S1};
        _ ->
            {Cut, S2} = rnd(S1, length(Cps)),
            {A, B} = lists:split(Cut, Cps),
            {SA, S3} = rshape(A, S2),
            {SB, S4} = rshape(B, S3),
            {[SA, SB], S4}
    end.
