#!/usr/bin/env bash
# Differential test of the match instructions of compilers before OTP 22
# (bs_start_match2, bs_save2, bs_restore2, bs_context_to_binary), which OTP 25
# can neither compile nor load. legacy/bin_legacy.S says in those instructions
# what legacy/bin_legacy.erl says in source; bin_legacy_asm assembles the .S.
# OTP runs bin_legacy_main against the compiled source, ember against the
# assembled module, and stdout must match byte for byte.
# Usage: run_legacy.sh EMBER LEGACY_DIR   (environment: ERL, default erl on PATH)
set -uo pipefail

if [ $# -ne 2 ]; then
  echo "usage: $0 EMBER LEGACY_DIR" >&2
  exit 2
fi
ember=$1 src=$2
case $ember in */*) ember=$(cd "$(dirname "$ember")" && pwd)/$(basename "$ember") ;; esac
src=$(cd "$src" 2>/dev/null && pwd) || { echo "$0: no directory $2" >&2; exit 2; }
erl=${ERL:-erl}
erlc=${ERLC:-$(dirname "$(command -v "$erl")")/erlc}
[ -x "$ember" ] || { echo "run_legacy: $ember is not executable" >&2; exit 2; }

export ERL_CRASH_DUMP=/dev/null ERL_CRASH_DUMP_SECONDS=0
work=$(mktemp -d "${TMPDIR:-/tmp}/ember-legacy.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir "$work/otp" "$work/ember" "$work/common"

"$erlc" -o "$work/otp" "$src/bin_legacy.erl" &&
  "$erlc" -o "$work/common" "$src/bin_legacy_main.erl" "$src/bin_legacy_asm.erl" ||
  { echo "erl.bin_legacy: erlc failed"; exit 1; }
if ! "$erl" -noshell -pa "$work/common" -run bin_legacy_asm main "$src/bin_legacy.S" "$work/ember" \
    >"$work/asm.out" 2>&1; then
  echo "erl.bin_legacy: assembling bin_legacy.S failed:"; cat "$work/asm.out"; exit 1
fi
# The assembled module must really hold the old instructions: OTP 25 refuses it.
if "$erl" -noshell -pa "$work/ember" -eval \
    'case code:ensure_loaded(bin_legacy) of {module, _} -> halt(0); _ -> halt(1) end.' >/dev/null 2>&1; then
  echo "erl.bin_legacy: OTP loaded the assembled module; it lacks the old instructions"; exit 1
fi

run() { # run CMD EBIN OUT
  (cd "$work" && timeout 60 "$1" -noshell -pa "$2" -pa "$work/common" -run bin_legacy_main main \
      -s init stop >"$3" 2>"$3.err" </dev/null)
}
run "$erl" "$work/otp" "$work/ref.out"; want=$?
run "$ember" "$work/ember" "$work/ember.out"; got=$?

fail=0
if ! cmp -s "$work/ref.out" "$work/ember.out"; then
  echo "erl.bin_legacy: stdout differs (--- erl, +++ ember)"
  diff -u --label erl --label ember "$work/ref.out" "$work/ember.out" | head -n 100
  fail=1
fi
[ "$want" = "$got" ] || { echo "erl.bin_legacy: exit status differs: erl $want, ember $got"; fail=1; }
if [ $fail -ne 0 ]; then
  head -n 40 "$work/ember.out.err"
  exit 1
fi
echo "erl.bin_legacy: ok ($(wc -l <"$work/ref.out") lines, status $got)"
