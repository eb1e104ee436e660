# Sourced by the benchmark scripts from the repository root: installs what is
# missing, builds Ember in Release (unless BENCH_NO_BUILD=1), and sets build,
# ember and erl. Messages start with $bench_name (default: the script's name).
bench_name=${bench_name:-$(basename "$0" .sh)}
scripts/bootstrap.sh || exit 1
build=$(pwd)/build-release
if [ -z "${BENCH_NO_BUILD:-}" ]; then
  cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null || exit 1
  cmake --build "$build" -j"$(nproc)" >/dev/null || { echo "$bench_name: build failed" >&2; exit 1; }
fi
ember=$build/bin/ember
erl=$(command -v erl) || { echo "$bench_name: erl not found" >&2; exit 1; }
