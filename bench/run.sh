#!/usr/bin/env bash
# Benchmarks Ember against OTP's erl, side by side in one run on one machine.
# Every bench/*.erl module exports run(Size) returning a checksum; its size is in
# BENCHES below. A generated entry module displays {checksum, Name, run(Size)} and
# calls erlang:halt(), so no figure includes OTP's init:stop pause. Each program
# runs BENCH_RUNS times per runtime, alternating (OTP, Ember, OTP, Ember ...); the
# median wall time of the whole command and the median peak RSS are reported, and
# the ratio is taken on net times (minus the empty program's median). Ember runs
# that stop with undef/not_implemented are listed as skipped with Ember's reason;
# a checksum mismatch is a FAIL. The otp_boot row is not a module: it times the
# whole boot of OTP's own init, kernel and stdlib, `ember -otp ROOT -noshell -eval
# 'halt().'` against `erl -noshell -eval 'halt().'`, and takes the ratio on those
# whole-command medians. Writes bench/results/latest.md and latest.png.
# Usage: bench/run.sh [NAME...] (NAME: a bench module or otp_boot)
# Environment: BENCH_RUNS (default 5), BENCH_TIMEOUT (seconds per run, default 120),
# BENCH_NO_BUILD=1 (use the existing build-release/bin/ember as it is).
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

# Every benchmark module with the size passed to its run/1, in table order; sizes
# are chosen so OTP's net time is roughly 0.3-2 s on a 2-core machine. A module in
# bench/ that is missing here stops the run (add a line per new module).
BENCHES=(
  fib=38 tak=3000 nrev=300000 qsort=60 lists_sort=1000000 io_format=200000
  binary_trees=18 fannkuch=10 nbody=300000 spectral_norm=1000 mandelbrot=800
  pidigits=2500 bitsyntax=3000000 bin_append=10 maps_1m=1000000 setelement=10000000
  exceptions=5000000 closures=40000
  spawn=1000000 ring=80 pingpong=1000000 selective_receive=10000
  ets_set=1000000 ets_insert=1000000 ets_lookup=1000000 ets_counters=1000000
  ets_select=1000000 ets_ordered_walk=1000000 file_io=50000
  file_chunks=100 file_small=10000 port_echo=20000
  idle_procs=100000
)
# Rows without a module in bench/, run by name or in a full run.
SPECIAL=(otp_boot)
declare -A SIZES=()
order=()
for b in "${BENCHES[@]}"; do SIZES[${b%%=*}]=${b#*=}; order+=("${b%%=*}"); done
# Rows that are not timed against each other: idle_procs gives memory per process.
MEMORY_ONLY=idle_procs
RUNS=${BENCH_RUNS:-5}
TIMEOUT=${BENCH_TIMEOUT:-120}

bench_name=bench . bench/setup.sh
ebin=$build/bench
rm -rf "$ebin"; mkdir -p "$ebin"
export ERL_CRASH_DUMP=/dev/null

if [ $# -gt 0 ]; then names=("$@"); else
  names=("${SPECIAL[@]}" "${order[@]}")
  for f in bench/*.erl; do
    n=$(basename "$f" .erl)
    [ -n "${SIZES[$n]:-}" ] || { echo "bench: no size listed for $n in bench/run.sh" >&2; exit 1; }
  done
fi

# entry NAME BODY: writes and compiles bench_NAME:main/0 running BODY, then halt.
entry() {
  printf -- '-module(bench_%s).\n-export([main/0]).\nmain() ->\n    %s,\n    erlang:halt().\n' \
    "$1" "$2" >"$ebin/bench_$1.erl"
  erlc -o "$ebin" "$ebin/bench_$1.erl" || exit 1
}
is_special() { [[ " ${SPECIAL[*]} " == *" $1 "* ]]; }
for n in "${names[@]}"; do
  is_special "$n" && continue
  [ -f "bench/$n.erl" ] || { echo "bench: no bench/$n.erl" >&2; exit 1; }
  [ -n "${SIZES[$n]:-}" ] || { echo "bench: no size listed for $n in bench/run.sh" >&2; exit 1; }
  erlc -o "$ebin" "bench/$n.erl" || exit 1
  entry "$n" "erlang:display({checksum, $n, $n:run(${SIZES[$n]})})"
done
entry empty "erlang:display({checksum, empty, ok})"
entry hello 'io:format("Hello, world!~n")'

load_start=$(cut -d' ' -f1-3 /proc/loadavg)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/work"

# measure OUTFILE CMD...: prints "MS RSS_KB STATUS"; stdout+stderr of CMD go to
# OUTFILE and OUTFILE.err. Runs in a scratch directory (file_io writes there).
measure() {
  local out=$1; shift
  local t0 t1 rc
  t0=$(date +%s%N)
  (cd "$tmp/work" && /usr/bin/time -f %M -o "$tmp/rss" timeout -s KILL "$TIMEOUT" "$@" \
     >"$out" 2>"$out.err" </dev/null)
  rc=$?
  t1=$(date +%s%N)
  echo "$(( (t1 - t0) / 1000000 )) $(grep -E '^[0-9]+$' "$tmp/rss" | tail -n 1) $rc"
}

median() { sort -n | awk '{v[NR] = $1} END {if (NR) print v[int((NR + 1) / 2)]; else print ""}'; }

# Ember's reason for stopping, from its crash line: the error term and the
# function it was raised in, e.g. "undef math:sqrt" or "{not_implemented,bignum} in erlang:'*'".
ember_reason() {
  local line reason where
  line=$(grep -h -m1 'init terminating in do_boot",' "$1" "$1.err")
  if [ -z "$line" ]; then
    tr -d '\r' <"$1.err" | grep -v '^$' | head -n 1 | cut -c1-100
    return
  fi
  reason=$(sed -E 's/^\{"init terminating in do_boot",\{?//; s/,\[\{.*//' <<<"$line")
  where=$(sed -E 's/^[^[]*\[\{([^,]+),([^,]+),.*/\1:\2/' <<<"$line")
  printf '%s in %s' "$reason" "$where" | tr -d '|' | cut -c1-100
}

# The figure a memory row writes to standard_error (bench/idle_procs.erl):
# erlang:memory(processes) growth per process; nothing when absent.
pmem_figure() { sed -n 's/^processes_bytes_per_process \([0-9-]*\)\r*$/\1/p' "$1" | tail -n 1; }

# Result of the last bench_one: status (ok/skip/fail), note, medians.
declare -A R
# Arguments given to Ember only, before the common ones (the otp_boot row's -otp ROOT).
ember_pre=()
# bench_one CHECK ARGS...: alternate OTP and Ember RUNS times; CHECK is the text
# OTP's output must contain (empty: nothing required).
bench_one() {
  local check=$1; shift
  local otp_t=() em_t=() otp_m=() em_m=() otp_p=() em_p=() i ms kb rc
  R[status]=ok R[note]=ok
  for ((i = 1; i <= RUNS; i++)); do
    read -r ms kb rc < <(measure "$tmp/otp.out" "$erl" "$@")
    otp_t+=("$ms") otp_m+=("${kb:-0}")
    otp_p+=($(pmem_figure "$tmp/otp.out.err"))
    if [ "$rc" -ne 0 ] || { [ -n "$check" ] && ! grep -qF "$check" "$tmp/otp.out"; }; then
      R[status]=fail R[note]="FAIL: OTP exited $rc: $(head -c 80 "$tmp/otp.out.err" | tr -d '\r\n|')"
      break
    fi
    read -r ms kb rc < <(measure "$tmp/ember.out" "$ember" "${ember_pre[@]}" "$@")
    if [ "$rc" -eq 137 ]; then
      R[status]=fail R[note]="FAIL: Ember timed out after ${TIMEOUT} s"; break
    elif [ "$rc" -ne 0 ]; then
      local why; why=$(ember_reason "$tmp/ember.out")
      if grep -qE 'undef|not_implemented|not implemented' <<<"$why"; then
        R[status]=skip R[note]="skipped: $why"
      else
        R[status]=fail R[note]="FAIL: Ember exited $rc: $why"
      fi
      break
    fi
    em_t+=("$ms") em_m+=("${kb:-0}")
    em_p+=($(pmem_figure "$tmp/ember.out.err"))
    # Line endings are the differential tests' business; here only the output counts.
    if ! cmp -s <(tr -d '\r' <"$tmp/otp.out") <(tr -d '\r' <"$tmp/ember.out"); then
      R[status]=fail
      R[note]="FAIL: checksum mismatch: OTP $(head -c 60 "$tmp/otp.out" | tr -d '\r\n|'), Ember $(head -c 60 "$tmp/ember.out" | tr -d '\r\n|')"
      break
    fi
  done
  R[ot]=$(printf '%s\n' "${otp_t[@]}" | median) R[om]=$(printf '%s\n' "${otp_m[@]}" | median)
  R[et]=$( ((${#em_t[@]})) && printf '%s\n' "${em_t[@]}" | median)
  R[em]=$( ((${#em_m[@]})) && printf '%s\n' "${em_m[@]}" | median)
  R[op]=$( ((${#otp_p[@]})) && printf '%s\n' "${otp_p[@]}" | median)
  R[ep]=$( ((${#em_p[@]})) && printf '%s\n' "${em_p[@]}" | median)
  R[runs]=${#otp_t[@]}
}

mb() { [ -n "$1" ] && awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }' || echo "-"; }
ratio() { awk -v e="$1" -v o="$2" 'BEGIN { if (o > 0 && e > 0) printf "%.2f", e / o; else print "n/a" }'; }

rows=() ratios=() failed=0
# A module may name OTP applications on a line "%% bench-otp-libs: erts"; their
# ebin directories go on the code path of both runtimes (erl has them already).
otp_root=$(cd "$(dirname "$(readlink -f "$erl")")/.." && pwd)
otp_libs() {
  local app dir
  for app in $(sed -n 's/^%% bench-otp-libs: *//p' "bench/$1.erl" 2>/dev/null | head -n 1); do
    dir=$(ls -d "$otp_root"/lib/"$app"-*/ebin 2>/dev/null | head -n 1)
    [ -n "$dir" ] && printf -- '-pa %s ' "$dir"
  done
}
run_args() { echo -noshell -pa "$ebin" $(otp_libs "$1") -run "bench_$1" main; }

echo "bench: startup rows" >&2
bench_one "" -noshell -s init stop
rows+=("| startup (\`-s init stop\`) | - | ${R[ot]} | ${R[et]:--} | | | $(ratio "${R[et]}" "${R[ot]}") | $(mb "${R[om]}") | $(mb "${R[em]:-}") | ${R[note]} |")
[ "${R[status]}" = fail ] && failed=1
bench_one "{checksum,empty,ok}" $(run_args empty)
[ "${R[status]}" = ok ] || { echo "bench: the empty program does not run: ${R[note]}" >&2; exit 1; }
base_o=${R[ot]} base_e=${R[et]} base_om=${R[om]} base_em=${R[em]}
rows+=("| empty program (\`halt()\`) | - | $base_o | $base_e | 0 | 0 | $(ratio "$base_e" "$base_o") | $(mb "$base_om") | $(mb "$base_em") | ok (baseline for net times) |")
bench_one "Hello, world!" $(run_args hello)
rows+=("| hello world (\`io:format\`) | - | ${R[ot]} | ${R[et]:--} | | | $(ratio "${R[et]:-}" "${R[ot]}") | $(mb "${R[om]}") | $(mb "${R[em]:-}") | ${R[note]} |")
[ "${R[status]}" = fail ] && failed=1

# The OTP boot: Ember runs OTP's own start.boot from otp_root, as erl does.
boot_ratio=""
if [[ " ${names[*]} " == *" otp_boot "* ]]; then
  echo "bench: otp_boot" >&2
  ember_pre=(-otp "$otp_root")
  bench_one "" -noshell -eval 'halt().'
  ember_pre=()
  [ "${R[status]}" = ok ] && boot_ratio=$(ratio "${R[et]}" "${R[ot]}")
  rows+=("| otp_boot (\`-otp ROOT -noshell -eval 'halt().'\`) | - | ${R[ot]} | ${R[et]:--} | | | ${boot_ratio:--} | $(mb "${R[om]}") | $(mb "${R[em]:-}") | ${R[note]} |")
  [ "${R[status]}" = fail ] && failed=1
fi

# per RSS_KB BASE_KB COUNT: bytes of peak RSS growth per process.
per() { [ -n "$1" ] && awk -v r="$1" -v b="$2" -v n="$3" 'BEGIN { printf "%d", (r - b) * 1024 / n }' || echo "-"; }
net() { [ -n "$1" ] && echo $(( $1 - $2 > 1 ? $1 - $2 : 1 )) || echo ""; }
mem_row=""
for n in "${names[@]}"; do
  is_special "$n" && continue
  echo "bench: $n" >&2
  bench_one "{checksum,$n," $(run_args "$n")
  [ "${R[status]}" = fail ] && failed=1
  if [ "$n" = "$MEMORY_ONLY" ]; then
    mem_row="| $n | ${SIZES[$n]} | $(per "${R[om]}" "$base_om" "${SIZES[$n]}") | $(per "${R[em]:-}" "$base_em" "${SIZES[$n]}") | ${R[op]:--} | ${R[ep]:--} | ${R[note]} |"
    continue
  fi
  on=$(net "${R[ot]}" "$base_o") en=$(net "${R[et]:-}" "$base_e") r="-"
  if [ "${R[status]}" = ok ]; then r=$(ratio "$en" "$on"); ratios+=("$n $r"); fi
  [ "${R[runs]}" -lt "$RUNS" ] && R[note]="${R[note]} (OTP: ${R[runs]} run)"
  rows+=("| $n | ${SIZES[$n]} | ${R[ot]} | ${R[et]:--} | $on | ${en:--} | $r | $(mb "${R[om]}") | $(mb "${R[em]:-}") | ${R[note]} |")
done

geo="n/a"
if ((${#ratios[@]})); then
  geo=$(printf '%s\n' "${ratios[@]}" | awk '{ s += log($2); n++ } END { printf "%.2f", exp(s / n) }')
fi

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
mem=$(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)
otp=$("$erl" -noshell -eval 'io:format("~s (erts ~s)", [erlang:system_info(otp_release), erlang:system_info(version)]), halt().')
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
dirty=$(git status --porcelain 2>/dev/null | grep -q . && echo " plus uncommitted changes" || true)
mkdir -p bench/results
{
  echo "# Ember vs OTP benchmarks"
  echo
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- Machine: $(nproc) CPUs, ${cpu:-unknown CPU}, $mem RAM, $(uname -sr)"
  echo "- OTP $otp with its default flags (JIT, one scheduler per core); Ember commit $commit$dirty, Release build"
  echo "- Load average (1, 5, 15 min) at start: $load_start; at end: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine makes figures noisy)"
  echo "- $RUNS runs per runtime, alternating OTP and Ember; median wall time of the whole command and median peak RSS (\`/usr/bin/time\`)."
  echo "  Net ms = median minus the empty program's median; Ember/OTP is on net times (below 1 means Ember is faster)."
  echo "  Every program prints a checksum and both runtimes must print the same one."
  echo
  echo "| Benchmark | Size | OTP ms | Ember ms | OTP net ms | Ember net ms | Ember/OTP | OTP peak MB | Ember peak MB | Result |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "**Geometric mean of Ember/OTP over the ${#ratios[@]} benchmarks that ran on both: $geo**"
  echo "(startup rows compare whole commands and are not in the mean)."
  [ -n "$boot_ratio" ] && echo "OTP boot (otp_boot row): Ember/erl $boot_ratio on whole-command medians."
  if [ -n "$mem_row" ]; then
    echo
    echo "## Memory per idle process"
    echo
    echo "Growth of peak RSS over the empty program, divided by the number of processes"
    echo "(each waiting in \`receive\`), and growth of \`erlang:memory(processes)\` over the"
    echo "spawns, divided likewise (medians)."
    echo
    echo "| Benchmark | Processes | OTP bytes/process (RSS) | Ember bytes/process (RSS) | OTP bytes/process (memory(processes)) | Ember bytes/process (memory(processes)) | Result |"
    echo "|---|---|---|---|---|---|---|"
    echo "$mem_row"
  fi
  echo
  echo "![Ember/OTP ratios](latest.png)"
} >bench/results/latest.md

# Chart: one bar per benchmark drawn from 1.0 (up: Ember slower, down: faster),
# log scale, the geometric mean as a dashed line.
if ((${#ratios[@]})) && command -v gnuplot >/dev/null; then
  printf '%s\n' "${ratios[@]}" >"$tmp/ratios.dat"
  read -r ylo yhi < <(awk '{ lo = (NR == 1 || $2 < lo) ? $2 : lo; hi = (NR == 1 || $2 > hi) ? $2 : hi }
    END { if (lo > 1) lo = 1; if (hi < 1) hi = 1; print lo / 1.6, hi * 2.5 }' "$tmp/ratios.dat")
  gnuplot <<EOG || echo "bench: gnuplot failed; no chart" >&2
set terminal pngcairo size 1100,560 font "sans,10" noenhanced
set output "bench/results/latest.png"
set title "Ember time / OTP time, net of startup (below 1: Ember faster) - $(date -u +%Y-%m-%d), commit $commit"
set logscale y 2
set yrange [$ylo:$yhi]
set xrange [-0.6:${#ratios[@]} - 0.4]
set style fill solid 0.75 border -1
set xtics rotate by -40 nomirror
set ylabel "Ember / OTP (log scale)"
set grid ytics
set key top center horizontal
plot "$tmp/ratios.dat" using 0:(1):(\$0 - 0.35):(\$0 + 0.35):(\$2 < 1 ? \$2 : 1):(\$2 < 1 ? 1 : \$2): \\
       (\$2 < 1 ? 0x55a868 : 0xc44e52):xtic(1) with boxxyerror lc rgb variable title "benchmark", \\
     "$tmp/ratios.dat" using 0:2:(sprintf("%.2f", \$2)) with labels offset 0,0.7 notitle, \\
     1 with lines lw 2 lc rgb "black" title "OTP = 1.0", \\
     $geo with lines dt 2 lw 2 lc rgb "#4c72b0" title "geometric mean $geo"
EOG
fi
cat bench/results/latest.md
exit $failed
