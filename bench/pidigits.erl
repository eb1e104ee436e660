%% Benchmark: pidigits, the unbounded spigot for the digits of pi (Gibbons'
%% algorithm, Benchmarks Game shape). Bignum multiplication, addition and
%% division dominate. run(N) computes N digits and returns {N, a hash of all the
%% digits, the last ten digits} as checksum.
-module(pidigits).
-export([run/1]).

run(N) -> digits(N, 1, 0, 1, 1, N, 0, 0).

digits(0, _, _, _, _, N, Hash, Last) -> {N, Hash, Last};
digits(I, Q, R, T, K, N, Hash, Last) when Q > R ->
    next(I, Q, R, T, K, N, Hash, Last);
digits(I, Q, R, T, K, N, Hash, Last) ->
    D = (3 * Q + R) div T,
    case (4 * Q + R) div T of
        D -> digits(I - 1, Q * 10, 10 * (R - D * T), T, K, N,
                    (Hash * 10 + D) rem 1000000007, (Last * 10 + D) rem 10000000000);
        _ -> next(I, Q, R, T, K, N, Hash, Last)
    end.

%% Compose the next term of the series into the linear fractional transform.
next(I, Q, R, T, K, N, Hash, Last) ->
    K2 = 2 * K + 1,
    digits(I, Q * K, (2 * Q + R) * K2, T * K2, K + 1, N, Hash, Last).
