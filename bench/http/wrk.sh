#!/usr/bin/env bash
# HTTP load test: bench/http/http_server.erl (gen_tcp, {packet, http_bin},
# keep-alive) served by OTP's erl and by Ember in turn, driven by wrk on loopback.
# For each connection count the two runtimes are measured one after the other,
# each on a freshly started server, after a one-second warm-up run. Writes the
# table (requests/s, p50 and p99 latency, errors) to bench/results/wrk.md.
# Usage: bench/http/wrk.sh
# Environment: WRK_DURATION (seconds per measurement, default 5),
# WRK_CONNECTIONS (default "1 100 1000"), WRK_THREADS (default 2),
# BENCH_NO_BUILD=1 (use the existing build-release/bin/ember).
set -uo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)

. bench/setup.sh
ebin=$build/bench-http
rm -rf "$ebin"; mkdir -p "$ebin"
erlc -o "$ebin" bench/http/http_server.erl || exit 1

duration=${WRK_DURATION:-5}
conns=${WRK_CONNECTIONS:-"1 100 1000"}
threads=${WRK_THREADS:-2}
port=18080
# 1,000 connections need more descriptors than the usual soft limit of 1,024.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || ulimit -n 65536 2>/dev/null || true
export ERL_CRASH_DUMP=/dev/null
log=$(mktemp -d)
trap 'kill $server 2>/dev/null; rm -rf "$log"' EXIT
server=""

# start_server RUNTIME: starts the server on a new port and waits for "listening".
start_server() {
  port=$((port + 1))
  "$1" -noshell -pa "$ebin" -run http_server start "$port" >"$log/server.out" 2>&1 </dev/null &
  server=$!
  for _ in $(seq 100); do
    grep -q listening "$log/server.out" && return 0
    sleep 0.1
  done
  echo "wrk: server on $1 did not start:" >&2; cat "$log/server.out" >&2
  return 1
}

stop_server() {
  kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; server=""
}

# check_reply: one request by hand; the server must answer the first count.
check_reply() {
  exec 3<>"/dev/tcp/127.0.0.1/$port" || return 1
  printf 'GET /usage/check HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3
  local reply; reply=$(timeout 5 cat <&3); exec 3<&-
  [[ "$reply" == *'{"key":"check","count":1}'* ]] || { echo "wrk: bad reply: $reply" >&2; return 1; }
}

# to_ms VALUE: wrk's latency (e.g. 850.00us, 1.20ms, 2.01s) in milliseconds.
to_ms() {
  awk -v v="$1" 'BEGIN {
    n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
    if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000
    printf "%.2f", n }'
}

# measure RUNTIME CONNECTIONS: sets rps, p50, p99, errs from one wrk run.
measure() {
  rps="-" p50="-" p99="-" errs="server did not start"
  start_server "$1" || return
  if ! check_reply; then errs="wrong reply"; stop_server; return; fi
  wrk -t"$threads" -c"$2" -d1s -s bench/http/usage.lua "http://127.0.0.1:$port/" >/dev/null 2>&1
  local t=$threads; [ "$2" -lt "$t" ] && t=$2
  wrk -t"$t" -c"$2" -d"${duration}s" --latency -s bench/http/usage.lua \
      "http://127.0.0.1:$port/" >"$log/wrk.out" 2>&1
  rps=$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' "$log/wrk.out")
  p50=$(to_ms "$(awk '$1 == "50%" {print $2}' "$log/wrk.out")")
  p99=$(to_ms "$(awk '$1 == "99%" {print $2}' "$log/wrk.out")")
  errs=$(awk '/Socket errors|Non-2xx/ {sub(/^ +/, ""); printf "%s; ", $0}' "$log/wrk.out")
  errs=${errs%; }; errs=${errs:-none}
  kill -0 "$server" 2>/dev/null || errs="server died; $errs"
  stop_server
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a + 0 > 0 && b + 0 > 0) printf "%.2f", a / b; else printf "-" }'; }

rows=()
for c in $conns; do
  echo "wrk: $c connections" >&2
  measure "$erl" "$c"; o_rps=$rps o_p50=$p50 o_p99=$p99 o_err=$errs
  measure "$ember" "$c"; e_rps=$rps e_p50=$p50 e_p99=$p99 e_err=$errs
  rows+=("| $c | $o_rps | $e_rps | $(ratio "$e_rps" "$o_rps") | $o_p50 | $e_p50 | $o_p99 | $e_p99 | $(ratio "$e_p99" "$o_p99") | OTP: $o_err; Ember: $e_err |")
done

commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
{
  echo "# HTTP keep-alive server under wrk, Ember beside OTP"
  echo
  echo "$(date -u +%Y-%m-%d), commit $commit, $(nproc) cores, $(erl -noshell -eval 'io:put_chars(erlang:system_info(otp_release)), halt().') as OTP."
  echo "wrk -t$threads -d${duration}s on 127.0.0.1, GET /usage/KEY over 1,000 keys (bench/http/usage.lua);"
  echo "server: bench/http/http_server.erl, one process per connection, {packet, http_bin}."
  echo "Requests/s: higher is better (ratio Ember/OTP above 1: Ember faster)."
  echo "Latency in ms: lower is better (p99 ratio below 1: Ember better)."
  echo
  echo "| connections | OTP req/s | Ember req/s | req/s ratio | OTP p50 | Ember p50 | OTP p99 | Ember p99 | p99 ratio | errors |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
} >bench/results/wrk.md
cat bench/results/wrk.md
