#!/usr/bin/env bash
# Benchmarks Ember against OTP's erl, side by side in one run. Every bench/*.erl
# module exports run(Size) returning a checksum; its size is listed in SIZES below.
# Each benchmark runs 5 times per runtime, alternating (OTP, Ember, OTP, Ember …);
# the median wall time of the whole command and the peak RSS are reported. A
# checksum mismatch or a failed run fails the benchmark (it never counts as fast).
# Writes bench/results/latest.md and prints the table. Usage: bench/run.sh [NAME...]
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

# Size passed to run/1 for each benchmark module (add a line per new module).
declare -A SIZES=(
  [fib]=30
)
RUNS=5

scripts/bootstrap.sh || exit 1
build=$root/build-release
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null || exit 1
cmake --build "$build" -j"$(nproc)" >/dev/null || { echo "bench: build failed" >&2; exit 1; }
ember=$build/bin/ember
erl=$(command -v erl) || { echo "bench: erl not found" >&2; exit 1; }
ebin=$build/bench
mkdir -p "$ebin"
export ERL_CRASH_DUMP=/dev/null

if [ $# -gt 0 ]; then names=("$@"); else
  names=(); for f in bench/*.erl; do names+=("$(basename "$f" .erl)"); done
fi

# Each benchmark gets a generated entry module bench_<name>:main/0 that calls
# <name>:run(Size) and displays the checksum, so both runtimes need only -run M main.
for n in "${names[@]}"; do
  [ -n "${SIZES[$n]:-}" ] || { echo "bench: no size listed for $n in bench/run.sh" >&2; exit 1; }
  erlc -o "$ebin" "bench/$n.erl" || exit 1
  cat >"$ebin/bench_$n.erl" <<EOS
-module(bench_$n).
-export([main/0]).
main() -> erlang:display({checksum, $n:run(${SIZES[$n]})}).
EOS
  erlc -o "$ebin" "$ebin/bench_$n.erl" || exit 1
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# measure OUTFILE CMD...: prints "MS RSS_KB STATUS"; stdout of CMD goes to OUTFILE.
measure() {
  local out=$1; shift
  local t0 t1 rc
  t0=$(date +%s%N)
  /usr/bin/time -f %M -o "$tmp/rss" timeout 600 "$@" >"$out" 2>"$tmp/stderr" </dev/null
  rc=$?
  t1=$(date +%s%N)
  echo "$(( (t1 - t0) / 1000000 )) $(tail -n 1 "$tmp/rss" | tr -dc 0-9) $rc"
}

median() { sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }

rows=() failed=0
bench_one() { # bench_one LABEL SIZE ARGS...
  local label=$1 size=$2; shift 2
  local otp_t=() em_t=() otp_m=() em_m=() ok=1 note="" i
  for ((i = 1; i <= RUNS; i++)); do
    read -r ms kb rc < <(measure "$tmp/otp.out" "$erl" "$@")
    [ "$rc" -eq 0 ] || { ok=0; note="OTP exited $rc"; }
    otp_t+=("$ms") otp_m+=("$kb")
    read -r ms kb rc < <(measure "$tmp/ember.out" "$ember" "$@")
    [ "$rc" -eq 0 ] || { ok=0; note="Ember exited $rc"; }
    em_t+=("$ms") em_m+=("$kb")
    # Line endings are the differential tests' business; here only the checksum counts.
    if [ "$label" != startup ] && ! grep -q checksum "$tmp/otp.out"; then
      ok=0; note="OTP printed no checksum"
    elif ! cmp -s <(tr -d '\r' <"$tmp/otp.out") <(tr -d '\r' <"$tmp/ember.out"); then
      ok=0; note="checksum mismatch: OTP $(head -c 80 "$tmp/otp.out" | tr -d '\r\n|'), Ember $(head -c 80 "$tmp/ember.out" | tr -d '\r\n|')"
    fi
    [ $ok -eq 1 ] || break
  done
  local ot et om em ratio
  ot=$(printf '%s\n' "${otp_t[@]}" | median); et=$(printf '%s\n' "${em_t[@]}" | median)
  om=$(printf '%s\n' "${otp_m[@]}" | median); em=$(printf '%s\n' "${em_m[@]}" | median)
  if [ $ok -eq 1 ]; then
    ratio=$(awk -v e="$et" -v o="$ot" 'BEGIN { if (o > 0) printf "%.2f", e / o; else print "n/a" }')
    note="ok"
  else
    ratio="FAIL" failed=1
  fi
  rows+=("| $label | $size | $ot | $et | $ratio | $om | $em | $note |")
}

bench_one startup - -noshell -s init stop
for n in "${names[@]}"; do
  bench_one "$n" "${SIZES[$n]}" -noshell -pa "$ebin" -run "bench_$n" main -s init stop
done

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
mem=$(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)
otp=$("$erl" -noshell -eval 'io:format("~s", [erlang:system_info(otp_release)]), halt().')
mkdir -p bench/results
{
  echo "# Ember vs OTP benchmarks"
  echo
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- Machine: $(nproc) CPUs, ${cpu:-unknown CPU}, $mem RAM"
  echo "- OTP $otp (\`$erl\`), Ember Release build (\`$ember\`)"
  echo "- $RUNS runs per runtime, alternating; median wall time of the whole command (startup included); peak RSS from /usr/bin/time"
  echo
  echo "| Benchmark | Size | OTP ms | Ember ms | Ember/OTP | OTP RSS KB | Ember RSS KB | Result |"
  echo "|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
} >bench/results/latest.md
cat bench/results/latest.md
exit $failed
