#!/usr/bin/env bash
# Runs one Elixir script on OTP's erl and on ember (OTP mode), the way the
# `elixir` command starts it, and compares stdout and the exit status. The
# line ExUnit prints with its timings is left out of the comparison. erl must
# end with status 0, or with the one a line `# expect-status: N` names, so a
# script that breaks on both runtimes does not pass.
# Usage: run_exs.sh EMBER FILE.exs   (environment: ERL, default erl on PATH)
set -uo pipefail
[ $# -eq 2 ] || { echo "usage: $0 EMBER FILE.exs" >&2; exit 2; }
ember=$1 script=$2
case $ember in */*) ember=$(cd "$(dirname "$ember")" && pwd)/$(basename "$ember") ;; esac
case $script in */*) script=$(cd "$(dirname "$script")" && pwd)/$(basename "$script") ;; esac
erl=${ERL:-erl}
elixir=$(command -v elixir) || { echo "elixir is not installed (scripts/bootstrap.sh installs it)" >&2; exit 1; }
lib=$(dirname "$(readlink -f "$elixir")")/../lib
args=()
for d in "$lib"/*/ebin; do args+=(-pa "$d"); done
args+=(-noshell -s elixir start_cli -extra "$script")
export ERL_CRASH_DUMP=/dev/null ERL_CRASH_DUMP_SECONDS=0
work=$(mktemp -d "${TMPDIR:-/tmp}/ember-exs.XXXXXX")
trap 'rm -rf "$work"' EXIT

run() { # run RUNTIME OUT: the script's stdout, timings dropped; returns its status
  (cd "$work" && timeout 120 "$1" "${args[@]}" </dev/null 2>"$2.err" | grep -v '^Finished in ' >"$2")
  return "${PIPESTATUS[0]}"
}
expect=$(sed -n 's/^# expect-status: \([0-9]*\)$/\1/p' "$script" | head -n 1)
run "$erl" "$work/erl.out"
want=$?
if [ "$want" != "${expect:-0}" ]; then
  echo "$(basename "$script"): erl ended with status $want, not ${expect:-0}"
  head -n 30 "$work/erl.out.err"
  echo "0 passed, 1 failed"
  exit 1
fi
run "$ember" "$work/ember.out"
got=$?
if cmp -s "$work/erl.out" "$work/ember.out" && [ "$want" = "$got" ]; then
  echo "1 passed, 0 failed"
  exit 0
fi
echo "$(basename "$script"): differs (erl status $want, ember status $got)"
diff -u --label erl --label ember "$work/erl.out" "$work/ember.out" | head -n 60
head -n 30 "$work/ember.out.err"
echo "0 passed, 1 failed"
exit 1
