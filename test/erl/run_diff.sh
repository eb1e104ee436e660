#!/usr/bin/env bash
# Differential test: runs one module's main/0 on OTP's erl and on ember and
# compares stdout byte for byte and the exit status. Stderr is not compared
# (OTP adds a crash dump notice there). Usage: run_diff.sh EMBER EBIN MODULE
# Environment: ERL (reference erl, default: erl on PATH), EMBER_DIFF_NO_CACHE=1
# (always rerun erl instead of reusing the cached reference output),
# EMBER_DIFF_MODE (otp or standalone, see below).
set -uo pipefail

if [ $# -ne 3 ]; then
  echo "usage: $0 EMBER EBIN MODULE" >&2
  exit 2
fi
ember=$1 ebin=$2 mod=$3
# Both runtimes run inside a scratch directory, so make the paths absolute.
case $ember in */*) ember=$(cd "$(dirname "$ember")" && pwd)/$(basename "$ember") ;; esac
ebin=$(cd "$ebin" 2>/dev/null && pwd) || { echo "$0: no directory $2" >&2; exit 2; }
erl=${ERL:-erl}
here=$(cd "$(dirname "$0")" && pwd)
beam=$ebin/$mod.beam
[ -f "$beam" ] || { echo "run_diff: $beam not found (build first)" >&2; exit 2; }
[ -x "$ember" ] || { echo "run_diff: $ember is not executable" >&2; exit 2; }

# A module may ask for a shorter limit with a line "%% diff-timeout: N"; such a
# module is expected to hang (e.g. exit(normal) in main leaves the node running),
# so both runtimes are killed with SIGKILL and must both report status 137.
# (The default leaves room for a loaded machine: spawning programs from the
# larger OTP-mode runtime under the sanitizers takes a while.)
limit=180 signal=TERM
src=$here/$mod.erl
if [ -f "$src" ]; then
  t=$(sed -n 's/^%% diff-timeout: *\([0-9][0-9]*\).*/\1/p' "$src" | head -n 1)
  if [ -n "$t" ]; then limit=$t signal=KILL; fi
fi

# A module that needs modules of OTP's own libraries (prim_file.beam, ets.beam)
# names the applications on a line "%% ember-otp-libs: erts stdlib"; their ebin
# directories, from the OTP installation of $erl, go in front of ember's code
# path (erl has them already).
ember_extra=()
if [ -f "$src" ]; then
  libs=$(sed -n 's/^%% ember-otp-libs: *//p' "$src" | head -n 1)
  if [ -n "$libs" ]; then
    otp_root=$(cd "$(dirname "$(readlink -f "$(command -v "$erl")")")/.." && pwd)
    for app in $libs; do
      dir=$(ls -d "$otp_root"/lib/"$app"-*/ebin 2>/dev/null | head -n 1)
      [ -n "$dir" ] || { echo "run_diff: no $app in $otp_root" >&2; exit 2; }
      ember_extra+=(-pa "$dir")
    done
  fi
fi

# EMBER_DIFF_MODE=otp (the default) boots the OTP installation of $erl in
# ember, as ember does by itself when OTP is installed; standalone runs
# Ember's own init (-standalone), where a module with a line
# "%% ember-mode: otp" (it needs OTP's init, kernel and io servers) is skipped.
mode=${EMBER_DIFF_MODE:-otp}
if [ "$mode" = standalone ]; then
  if [ -f "$src" ] && grep -q '^%% ember-mode: otp' "$src"; then
    echo "erl.$mod: skipped (needs OTP mode)"
    exit 77
  fi
  ember_extra+=(-standalone)
else
  otp_root=$(cd "$(dirname "$(readlink -f "$(command -v "$erl")")")/.." && pwd)
  ember_extra+=(-otp "$otp_root")
fi

export ERL_CRASH_DUMP=/dev/null ERL_CRASH_DUMP_SECONDS=0
work=$(mktemp -d "${TMPDIR:-/tmp}/ember-diff.$mod.XXXXXX")
trap 'rm -rf "$work"' EXIT

run() { # run CMD OUT [ARGS...]: writes stdout to OUT, returns the exit status
  local cmd=$1 out=$2
  shift 2
  (cd "$work" && timeout -s "$signal" "$limit" "$cmd" -noshell -pa "$ebin" "$@" -run "$mod" main \
      -s init stop >"$out" 2>"$out.err" </dev/null)
}

# Reference output, cached next to ebin and keyed by the .beam's checksum and erl's path.
refdir=$ebin/../ref
mkdir -p "$refdir"
key=$( (md5sum <"$beam"; command -v "$erl"; echo "$limit") | md5sum | cut -c1-16)
ref_out=$refdir/$mod.$key.out ref_rc=$refdir/$mod.$key.rc
if [ "${EMBER_DIFF_NO_CACHE:-0}" = 1 ] || [ ! -f "$ref_out" ] || [ ! -f "$ref_rc" ]; then
  run "$erl" "$work/ref.out"
  echo $? >"$work/ref.rc"
  # stale references of this module go; the current key stays, since the
  # other mode's run of the module may be writing or reading it right now
  for f in "$refdir/$mod".*.out "$refdir/$mod".*.rc; do
    case $f in "$ref_out" | "$ref_rc") ;; *) rm -f "$f" ;; esac
  done
  mv "$work/ref.out" "$ref_out.$$" && mv "$ref_out.$$" "$ref_out"
  mv "$work/ref.rc" "$ref_rc.$$" && mv "$ref_rc.$$" "$ref_rc"
fi
want_rc=$(cat "$ref_rc")

run "$ember" "$work/ember.out" ${ember_extra[@]+"${ember_extra[@]}"}
got_rc=$?

fail=0
if ! cmp -s "$ref_out" "$work/ember.out"; then
  echo "erl.$mod: stdout differs (--- erl, +++ ember)"
  diff -u --label erl --label ember "$ref_out" "$work/ember.out" | head -n 200
  if cmp -s <(tr -d '\r' <"$ref_out") <(tr -d '\r' <"$work/ember.out"); then
    echo "erl.$mod: note: the outputs differ only in carriage returns" \
         "(OTP 25 ends erlang:display lines with \\r\\n under -noshell)"
  fi
  fail=1
fi
if [ "$want_rc" != "$got_rc" ]; then
  echo "erl.$mod: exit status differs: erl $want_rc, ember $got_rc"
  fail=1
fi
if [ $fail -ne 0 ]; then
  if [ -s "$work/ember.out.err" ]; then
    echo "--- ember stderr (first 40 lines):"
    head -n 40 "$work/ember.out.err"
  fi
  exit 1
fi
echo "erl.$mod: ok ($(wc -l <"$ref_out") lines, status $got_rc)"
