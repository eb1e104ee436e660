%% term_to_binary/2 (compressed, minor_version, deterministic), term_to_iovec,
%% external_size/1,2 and binary_to_term/2 (safe, used), with OTP 25's option
%% checks.
%% ember-otp-libs: stdlib
-module(ext_options).
-export([main/0]).
-include("test.hrl").

terms() ->
    [abc, 'ä', list_to_atom([300, $x]), 1, -1, 300, 1 bsl 40, -(1 bsl 80), 1.5, -0.0, 3.14159e100,
     "abc", [1, 2, 3], [a | b], {}, {a, b}, <<1, 2, 3>>, <<1:3>>, #{a => 1},
     maps:from_list([{I, {I}} || I <- lists:seq(1, 40)]),
     fun lists:map/2, lists:seq(1, 300), lists:duplicate(100, 0), lists:duplicate(10, 0),
     lists:duplicate(20, 0), [{x, lists:seq(1, 50)} || _ <- lists:seq(1, 20)], "", [],
     <<0:100/unit:8>>, {<<0:70/unit:8>>, <<1:30/unit:8>>}, [<<7:65/unit:8>>, <<8:64/unit:8>>],
     binary:part(<<5:200/unit:8>>, 10, 100), <<1:801>>].

main() ->
    Opts = [[], [compressed], [{compressed, 0}], [{compressed, 1}], [{compressed, 9}],
            [{minor_version, 0}], [{minor_version, 1}], [{minor_version, 2}], [deterministic],
            [deterministic, compressed, {minor_version, 0}]],
    [begin
         ?T(erlang:md5(term_to_binary(T, O))),
         ?T(binary_to_term(term_to_binary(T, O)) =:= T)
     end || T <- terms(), O <- Opts],
    %% OTP's order of a large map's pairs can change from run to run; with
    %% deterministic it cannot
    Mixed = maps:from_list([{{k, I}, I} || I <- lists:seq(1, 100)] ++ [{1.0, f}, {1, i}, {"s", s}, {<<"b">>, b}]),
    ?T(erlang:md5(term_to_binary(Mixed, [deterministic]))),
    ?T(erlang:md5(term_to_binary(Mixed, [deterministic, {compressed, 3}]))),
    ?T(binary_to_term(term_to_binary(Mixed, [deterministic])) =:= Mixed),
    ?T(term_to_binary(1.5, [{minor_version, 0}])),
    ?T(term_to_binary(abc, [{minor_version, 2}])),
    ?T(term_to_binary(lists:duplicate(20, 0), [compressed])),
    ?T(term_to_binary(lists:duplicate(10, 0), [compressed])),
    [?T(term_to_binary(a, O)) || O <- [[{minor_version, 3}], [{minor_version, -1}], [{compressed, 10}],
                                      [{compressed, -1}], [foo], foo, [local], [compressed | x],
                                      [{compressed}], [{minor_version, 1, 2}]]],

    [?T({erlang:external_size(T), byte_size(term_to_binary(T)),
         erlang:external_size(T, [{minor_version, 0}]) =:= byte_size(term_to_binary(T, [{minor_version, 0}]))})
     || T <- terms()],
    [?T(erlang:external_size(a, O)) || O <- [[{minor_version, 2}], [compressed], [deterministic], [local], x]],

    [begin
         V = erlang:term_to_iovec(T),
         ?T([byte_size(B) || B <- V]),
         ?T(iolist_to_binary(V) =:= term_to_binary(T)),
         ?T(iolist_to_binary(erlang:term_to_iovec(T, [compressed])) =:= term_to_binary(T, [compressed])),
         ?T(is_binary(erlang:term_to_iovec(T, [compressed])))
     end || T <- terms()],
    ?T(erlang:term_to_iovec(a, [foo])),

    Bin = term_to_binary({hello, [1, 2]}),
    ?T(binary_to_term(Bin, [])),
    ?T(binary_to_term(Bin, [safe])),
    ?T(binary_to_term(Bin, [used])),
    ?T(binary_to_term(<<Bin/binary, 1, 2, 3>>, [used])),
    ?T(binary_to_term(<<Bin/binary, 1, 2, 3>>, [safe, used])),
    ?T(binary_to_term(term_to_binary(abc, [compressed]), [used])),
    ?T(binary_to_term(term_to_binary(lists:duplicate(20, 0), [compressed]), [used])),
    ?T(binary_to_term(<<131, 100, 0, 5, "zqxjw">>, [safe])),
    ?T(binary_to_term(<<131, 119, 5, "zqxjv">>, [safe])),
    ?T(binary_to_term(<<131, 104, 1, 100, 0, 5, "zqxju">>, [safe])),
    ?T(binary_to_term(<<131, 100, 0, 3, "abc">>, [safe])),
    ?T(binary_to_term(<<131, 104, 1, 100, 0, 5, "zqxju">>, [used])),
    [?T(binary_to_term(Bin, O)) || O <- [[foo], foo, [safe | used], [{used, true}]]],
    ?T(binary_to_term(<<131, 200>>, [used])),
    ?T(binary_to_term(notbin, [])),
    ok.
