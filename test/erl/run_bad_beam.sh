#!/usr/bin/env bash
# Loader test on a corrupted .beam file: bad_beam_gen (run on OTP's erl) writes
# one corrupted copy of a compiled test module, then ember must refuse it cleanly:
# non-zero exit below 128 (no signal, no sanitizer abort), within the time limit,
# with a stderr line naming the file and the reason.
# Usage: run_bad_beam.sh EMBER EBIN CASE   (environment: ERL, default erl on PATH)
set -uo pipefail

if [ $# -ne 3 ]; then
  echo "usage: $0 EMBER EBIN CASE" >&2
  exit 2
fi
ember=$1 ebin=$2 case=$3
# Both runtimes run inside a scratch directory, so make the paths absolute.
case $ember in */*) ember=$(cd "$(dirname "$ember")" && pwd)/$(basename "$ember") ;; esac
ebin=$(cd "$ebin" 2>/dev/null && pwd) || { echo "$0: no directory $2" >&2; exit 2; }
erl=${ERL:-erl}
source_mod=fib_ackermann
[ -x "$ember" ] || { echo "run_bad_beam: $ember is not executable" >&2; exit 2; }
[ -f "$ebin/$source_mod.beam" ] || { echo "run_bad_beam: $ebin/$source_mod.beam missing" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/ember-badbeam.$case.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir "$work/ebin"

if ! ERL_CRASH_DUMP=/dev/null "$erl" -noshell -pa "$ebin" -run bad_beam_gen main \
    "$work/ebin" "$case" "$ebin/$source_mod.beam" -s init stop >"$work/gen.out" 2>"$work/gen.err"; then
  echo "bad_beam.$case: generator failed:"
  cat "$work/gen.out" "$work/gen.err"
  exit 1
fi
mod=$(sed -n 1p "$work/gen.out")
reason=$(sed -n 2p "$work/gen.out")

# Ember's own boot, whose loader reports name the file (OTP's code server
# loads from binaries)
(cd "$work" && timeout -s KILL 30 "$ember" -standalone -noshell -pa "$work/ebin" -run "$mod" main \
   -s init stop >"$work/out" 2>"$work/err" </dev/null)
rc=$?

fail=0
if [ $rc -eq 137 ]; then
  echo "bad_beam.$case: ember did not finish within 30 s"; fail=1
elif [ $rc -ge 128 ]; then
  echo "bad_beam.$case: ember died from signal $((rc - 128))"; fail=1
elif [ $rc -eq 0 ]; then
  echo "bad_beam.$case: ember exited with status 0 on a corrupt file"; fail=1
fi
if grep -q -E "AddressSanitizer|UndefinedBehaviorSanitizer|runtime error:" "$work/err"; then
  echo "bad_beam.$case: sanitizer report"; fail=1
fi
if ! grep -i -E "$mod\.beam.*($reason)" "$work/err" >/dev/null; then
  echo "bad_beam.$case: no stderr line naming $mod.beam and matching /$reason/"; fail=1
fi
if [ $fail -ne 0 ]; then
  echo "--- ember exit status $rc; stderr (first 20 lines):"
  head -n 20 "$work/err"
  exit 1
fi
echo "bad_beam.$case: ok (status $rc): $(grep -i -E "$mod\.beam" "$work/err" | head -n 1)"
