%% Benchmark: n-body (Benchmarks Game), the five Jovian planets, symplectic
%% integrator. Boxed floating-point arithmetic in tuples. run(Steps) advances the
%% system Steps times and returns the energy before and after, scaled to integers
%% (1e-9 resolution), as checksum.
-module(nbody).
-export([run/1]).

-define(PI, 3.141592653589793).
-define(SOLAR_MASS, (4 * ?PI * ?PI)).
-define(DAYS_PER_YEAR, 365.24).

run(Steps) ->
    Bodies = offset_momentum(bodies()),
    E0 = energy(Bodies),
    E1 = energy(advance(Steps, Bodies, 0.01)),
    {round(E0 * 1.0e9), round(E1 * 1.0e9)}.

bodies() ->
    D = ?DAYS_PER_YEAR, M = ?SOLAR_MASS,
    [{0.0, 0.0, 0.0, 0.0, 0.0, 0.0, M},
     {4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
      1.66007664274403694e-03 * D, 7.69901118419740425e-03 * D,
      -6.90460016972063023e-05 * D, 9.54791938424326609e-04 * M},
     {8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
      -2.76742510726862411e-03 * D, 4.99852801234917238e-03 * D,
      2.30417297573763929e-05 * D, 2.85885980666130812e-04 * M},
     {1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
      2.96460137564761618e-03 * D, 2.37847173959480950e-03 * D,
      -2.96589568540237556e-05 * D, 4.36624404335156298e-05 * M},
     {1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
      2.68067772490389322e-03 * D, 1.62824170038242295e-03 * D,
      -9.51592254519715870e-05 * D, 5.15138902046611451e-05 * M}].

offset_momentum([{X, Y, Z, _, _, _, M} | _] = Bodies) ->
    {Px, Py, Pz} = momentum(Bodies, 0.0, 0.0, 0.0),
    [{X, Y, Z, -Px / ?SOLAR_MASS, -Py / ?SOLAR_MASS, -Pz / ?SOLAR_MASS, M} | tl(Bodies)].

momentum([], Px, Py, Pz) -> {Px, Py, Pz};
momentum([{_, _, _, Vx, Vy, Vz, M} | T], Px, Py, Pz) ->
    momentum(T, Px + Vx * M, Py + Vy * M, Pz + Vz * M).

energy(Bodies) -> energy(Bodies, 0.0).

energy([], E) -> E;
energy([{X, Y, Z, Vx, Vy, Vz, M} | T], E) ->
    E1 = E + 0.5 * M * (Vx * Vx + Vy * Vy + Vz * Vz),
    energy(T, potential(T, X, Y, Z, M, E1)).

potential([], _, _, _, _, E) -> E;
potential([{X2, Y2, Z2, _, _, _, M2} | T], X, Y, Z, M, E) ->
    Dx = X - X2, Dy = Y - Y2, Dz = Z - Z2,
    potential(T, X, Y, Z, M, E - M * M2 / math:sqrt(Dx * Dx + Dy * Dy + Dz * Dz)).

advance(0, Bodies, _) -> Bodies;
advance(N, Bodies, Dt) -> advance(N - 1, move(velocities(Bodies, Dt), Dt), Dt).

%% Each body's velocity is updated against every later body; the later bodies
%% are updated on the way and handed back.
velocities([], _) -> [];
velocities([B | T], Dt) ->
    {B1, T1} = pairs(B, T, Dt, []),
    [B1 | velocities(T1, Dt)].

pairs(B, [], _, Acc) -> {B, lists:reverse(Acc, [])};
pairs({X, Y, Z, Vx, Vy, Vz, M}, [{X2, Y2, Z2, Vx2, Vy2, Vz2, M2} | T], Dt, Acc) ->
    Dx = X - X2, Dy = Y - Y2, Dz = Z - Z2,
    D2 = Dx * Dx + Dy * Dy + Dz * Dz,
    Mag = Dt / (D2 * math:sqrt(D2)),
    A = M2 * Mag, A2 = M * Mag,
    B1 = {X, Y, Z, Vx - Dx * A, Vy - Dy * A, Vz - Dz * A, M},
    pairs(B1, T, Dt, [{X2, Y2, Z2, Vx2 + Dx * A2, Vy2 + Dy * A2, Vz2 + Dz * A2, M2} | Acc]).

move([], _) -> [];
move([{X, Y, Z, Vx, Vy, Vz, M} | T], Dt) ->
    [{X + Dt * Vx, Y + Dt * Vy, Z + Dt * Vz, Vx, Vy, Vz, M} | move(T, Dt)].
