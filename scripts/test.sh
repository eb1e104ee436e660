#!/usr/bin/env bash
# Builds Ember and runs every test (unit, differential against OTP, bad .beam
# files) twice: in a normal build (build/) and in a sanitizer build (build-asan/,
# AddressSanitizer + UndefinedBehaviorSanitizer). Ends with one summary line
# "N passed, N failed" over both runs; exits non-zero if anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."

jobs=$(nproc)
scripts/bootstrap.sh || exit 1

total_pass=0 total_fail=0 status=0

# run_suite DIR CMAKE_ARGS...: configure, build, run ctest; adds to the totals.
run_suite() {
  local dir=$1; shift
  echo "=== $dir: configure and build"
  mkdir -p "$dir"
  if ! cmake -S . -B "$dir" "$@" >"$dir/configure.log" 2>&1; then
    cat "$dir/configure.log"; echo "configure failed in $dir"; status=1; total_fail=$((total_fail + 1)); return
  fi
  if ! cmake --build "$dir" -j"$jobs"; then
    echo "build failed in $dir"; status=1; total_fail=$((total_fail + 1)); return
  fi
  echo "=== $dir: ctest"
  local junit=$dir/ctest-results.xml
  rm -f "$junit"
  (cd "$dir" && ctest -j"$jobs" --output-on-failure --output-junit ctest-results.xml) || status=1
  if [ ! -f "$junit" ]; then
    echo "no ctest results in $dir"; status=1; total_fail=$((total_fail + 1)); return
  fi
  # One <testcase ... status="run|fail|notrun|disabled"> element per test.
  local pass fail
  pass=$(grep -o '<testcase [^>]*status="run"' "$junit" | wc -l)
  fail=$(grep -o '<testcase [^>]*status="\(fail\|notrun\)"' "$junit" | wc -l)
  echo "=== $dir: $pass passed, $fail failed"
  total_pass=$((total_pass + pass)) total_fail=$((total_fail + fail))
}

# The build directories can be moved with EMBER_BUILD_DIR / EMBER_ASAN_BUILD_DIR.
run_suite "${EMBER_BUILD_DIR:-build}" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DEMBER_SANITIZE=OFF
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} \
  run_suite "${EMBER_ASAN_BUILD_DIR:-build-asan}" -DCMAKE_BUILD_TYPE=Debug -DEMBER_SANITIZE=ON

[ "$total_fail" -eq 0 ] || status=1
echo "$total_pass passed, $total_fail failed"
exit $status
