%% Integer segments wider than a machine word, at byte boundaries (written in
%% place) and off them: small and big values, positive and negative, each
%% endianness and signedness, fields narrower than the value (truncation)
%% and much wider (sign fill), read back too.
-module(bits_wide_int).
-export([main/0]).
-include("test.hrl").

main() ->
    Vals = [0, 1, -1, 255, -256, 1 bsl 59, -(1 bsl 59), 1 bsl 64, -(1 bsl 64), (1 bsl 64) - 1, -(1 bsl 64) + 1,
            1 bsl 100, -(1 bsl 100), 12345678901234567890123, -12345678901234567890123, (1 bsl 128) - 1,
            -(1 bsl 127), -(1 bsl 128)],
    Sizes = [8, 16, 56, 64, 72, 128, 136, 200, 1024],
    Built = [{V, S, <<V:S>>, <<V:S/little>>, <<V:S/signed>>, <<1:8, V:S/little-signed>>, <<1:3, V:S>>,
              <<1:5, V:S/little>>}
             || V <- ?ID(Vals), S <- ?ID(Sizes)],
    erlang:display({built, length(Built), erlang:md5(term_to_binary(Built))}),
    Back = [begin
                <<A:S>> = B, <<L:S/little>> = Li, <<Sg:S/signed>> = Si, <<1:8, X:S/little-signed>> = LS,
                {A, L, Sg, X}
            end || {_, S, B, Li, Si, LS, _, _} <- Built],
    erlang:display({read_back, erlang:md5(term_to_binary(Back))}),
    [erlang:display(X) || X <- [<<(?ID(-2)):72>>, <<(?ID(-(1 bsl 64))):72/little>>, <<(?ID(1 bsl 70)):80>>]],
    Big = <<(?ID(7)):32, 0:((?ID(65536) - 4) * 8)>>,
    erlang:display({big, byte_size(Big), binary:first(binary:part(Big, 3, 1)), binary:last(Big)}),
    ok.
